import { Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { PricedQuote } from '../api/api-types';
import { decimalText } from '@crm/catalog/exact-decimal';
import { useFormats } from '../shared/format';
import { PricedLinesTable } from './PricedLinesTable';

/** A ratio kept to `scale` decimals of a percent, shown exactly: (88750, 4) → "8.875%". */
const exactPercent = (units: number, scale: number): string => {
  const text = decimalText(BigInt(units), scale);
  return `${text.includes('.') ? text.replace(/\.?0+$/, '') : text}%`;
};
/** Tax rates come in parts per million of the amount: 8.875% is 88750. */
const taxPercentOf = (partsPerMillion: number): string => exactPercent(partsPerMillion, 4);
/** The effective discount is discount ÷ subtotal to 4 decimals (0.2352): a percent with 2. */
const discountPercentOf = (ratio: number): string => exactPercent(Math.round(ratio * 10_000), 2);

/**
 * A priced quote version: each line (product, quantity, list price, discount, tax, total) and the
 * totals, every amount from the API's integer minor units in the quote's currency.
 */
export const QuoteLinesTable = ({ priced }: { readonly priced: PricedQuote }) => {
  const { t } = useTranslation();
  const formats = useFormats();
  const money = (minor: number) => formats.minorMoney(minor, priced.currency);
  const { priceBook } = priced;
  return (
    <Stack gap="xs">
      <Text size="sm" role="note" aria-label={t('quote.pricedWith')}>
        {t('quote.priceBook', { id: priceBook.id, version: priceBook.version, segment: priceBook.segment })} ·{' '}
        {t('quote.tax', { region: priced.taxRegion, rate: taxPercentOf(priced.taxRate) })} · {priced.currency}
      </Text>
      <PricedLinesTable lines={priced.lines} money={money} />
      <Table withTableBorder aria-label={t('quote.totals')} style={{ maxWidth: 420, marginLeft: 'auto' }}>
        <Table.Tbody>
          <Table.Tr>
            <Table.Th scope="row">{t('quote.subtotal')}</Table.Th>
            <Table.Td style={{ textAlign: 'right' }}>{money(priced.subtotal)}</Table.Td>
          </Table.Tr>
          <Table.Tr>
            <Table.Th scope="row">{t('quote.discountTotal', { percent: discountPercentOf(priced.effectiveDiscount) })}</Table.Th>
            <Table.Td style={{ textAlign: 'right' }}>{money(-priced.discount)}</Table.Td>
          </Table.Tr>
          <Table.Tr>
            <Table.Th scope="row">{t('quote.taxTotal')}</Table.Th>
            <Table.Td style={{ textAlign: 'right' }}>{money(priced.tax)}</Table.Td>
          </Table.Tr>
          <Table.Tr>
            <Table.Th scope="row">{t('quote.total')}</Table.Th>
            <Table.Td style={{ textAlign: 'right', fontWeight: 700 }}>{money(priced.total)}</Table.Td>
          </Table.Tr>
        </Table.Tbody>
      </Table>
    </Stack>
  );
};
