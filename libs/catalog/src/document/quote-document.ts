import { createHash } from 'node:crypto';
import { minorDigitsOf } from '../money/currency';
import { decimalText } from '../money/exact-decimal';
import type { PricedQuote } from '../pricing/price-quote';

/** The languages a quote document is written in (README, Quote document). */
export const QUOTE_LOCALES = ['en', 'zh-CN'] as const;
export type QuoteLocale = (typeof QUOTE_LOCALES)[number];

export const isQuoteLocale = (value: unknown): value is QuoteLocale => (QUOTE_LOCALES as readonly unknown[]).includes(value);

/** What the document shows: the quote's current version and the fields a customer reads. */
export interface QuoteDocumentInput {
  readonly quoteId: string;
  readonly version: number;
  readonly locale: QuoteLocale;
  readonly priced: PricedQuote;
  readonly customerEmail: string | null;
  readonly validUntil: string | null;
  readonly paymentTerms: string | null;
  readonly terms: string | null;
}

interface Labels {
  readonly title: string;
  readonly version: string;
  readonly customer: string;
  readonly validUntil: string;
  readonly paymentTerms: string;
  readonly priceBook: string;
  readonly columns: readonly [string, string, string, string, string, string, string];
  readonly subtotal: string;
  readonly discount: string;
  readonly tax: string;
  readonly total: string;
  readonly terms: string;
  readonly paymentTermNames: Readonly<Record<string, string>>;
}

const LABELS: Readonly<Record<QuoteLocale, Labels>> = {
  en: {
    title: 'Quote',
    version: 'Version',
    customer: 'Customer',
    validUntil: 'Valid until',
    paymentTerms: 'Payment terms',
    priceBook: 'Price book',
    columns: ['#', 'Product', 'Quantity', 'List price', 'Discount', 'Tax', 'Amount'],
    subtotal: 'Subtotal',
    discount: 'Discount',
    tax: 'Tax',
    total: 'Total',
    terms: 'Terms',
    paymentTermNames: { net_30: 'Net 30 days', net_60: 'Net 60 days', net_90: 'Net 90 days', prepaid: 'Prepaid', custom: 'Custom' },
  },
  'zh-CN': {
    title: '报价单',
    version: '版本',
    customer: '客户',
    validUntil: '有效期至',
    paymentTerms: '付款条件',
    priceBook: '价目表',
    columns: ['序号', '产品', '数量', '目录价', '折扣', '税额', '金额'],
    subtotal: '小计',
    discount: '折扣',
    tax: '税额',
    total: '总计',
    terms: '条款',
    paymentTermNames: { net_30: '30 天付款', net_60: '60 天付款', net_90: '90 天付款', prepaid: '预付', custom: '特殊条款' },
  },
};

const ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (character) => ESCAPES[character] ?? character);

/** Minor units as the document shows them: digits grouped by thousands, the currency's decimals, its code. */
export const formatMoney = (minor: number, currency: string): string => {
  const text = decimalText(BigInt(minor), minorDigitsOf(currency));
  const [whole = '', fraction] = text.replace('-', '').split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${text.startsWith('-') ? '-' : ''}${grouped}${fraction === undefined ? '' : `.${fraction}`} ${currency}`;
};

const row = (cells: readonly string[], tag: 'td' | 'th' = 'td'): string => `<tr>${cells.map((cell) => `<${tag}>${cell}</${tag}>`).join('')}</tr>`;

/**
 * The quote as an HTML document, the contract: the same quote version and locale always give the same
 * bytes (nothing from the clock, no random ids), so its hash in QuoteSent proves what the customer got.
 * The PDF is printed from it.
 */
export const renderQuoteDocument = (input: QuoteDocumentInput): string => {
  const labels = LABELS[input.locale];
  const { priced } = input;
  const money = (minor: number): string => escapeHtml(formatMoney(minor, priced.currency));
  const details: [string, string | null][] = [
    [labels.customer, input.customerEmail],
    [labels.validUntil, input.validUntil],
    [labels.paymentTerms, input.paymentTerms === null ? null : (labels.paymentTermNames[input.paymentTerms] ?? input.paymentTerms)],
    [labels.priceBook, `${priced.priceBook.id} v${priced.priceBook.version}`],
  ];
  const lines = priced.lines.map((line) =>
    row([
      String(line.line),
      `${escapeHtml(line.name)}<br><small>${escapeHtml(line.sku)}</small>`,
      `${line.quantity} ${escapeHtml(line.unit)}`,
      money(line.listPrice),
      line.discount === 0 ? '' : `${line.discountPercent}% (−${money(line.discount)})`,
      money(line.tax),
      money(line.total),
    ]),
  );
  const taxPercent = decimalText(BigInt(priced.taxRate), 4).replace(/\.?0+$/, '');
  return [
    '<!DOCTYPE html>',
    `<html lang="${input.locale}">`,
    '<head><meta charset="utf-8">',
    `<title>${labels.title} ${escapeHtml(input.quoteId)} · ${labels.version} ${input.version}</title>`,
    '<style>body{font-family:"Noto Sans","Noto Sans CJK SC",sans-serif;margin:2rem;color:#111}table{border-collapse:collapse;width:100%}th,td{border-bottom:1px solid #ccc;padding:.4rem;text-align:left}td:nth-child(n+3){text-align:right}.totals td{font-weight:600}</style>',
    '</head><body>',
    `<h1>${labels.title} ${escapeHtml(input.quoteId)}</h1>`,
    `<p>${labels.version} ${input.version}</p>`,
    `<dl>${details.filter((entry): entry is [string, string] => entry[1] !== null).map(([label, value]) => `<dt>${label}</dt><dd>${escapeHtml(value)}</dd>`).join('')}</dl>`,
    '<table>',
    `<thead>${row(labels.columns, 'th')}</thead>`,
    `<tbody>${lines.join('')}</tbody>`,
    '<tfoot class="totals">',
    row(['', labels.subtotal, '', '', '', '', money(priced.subtotal)]),
    row(['', labels.discount, '', '', '', '', `−${money(priced.discount)}`]),
    row(['', `${labels.tax} (${escapeHtml(priced.taxRegion)} ${taxPercent}%)`, '', '', '', '', money(priced.tax)]),
    row(['', labels.total, '', '', '', '', money(priced.total)]),
    '</tfoot></table>',
    input.terms === null ? '' : `<h2>${labels.terms}</h2><p>${escapeHtml(input.terms)}</p>`,
    '</body></html>',
    '',
  ].join('\n');
};

/** sha256 (hex) of the document's UTF-8 bytes. */
export const quoteDocumentHash = (html: string): string => createHash('sha256').update(html, 'utf8').digest('hex');
