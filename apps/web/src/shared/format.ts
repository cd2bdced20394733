import { useTranslation } from 'react-i18next';
import { minorDigitsOf } from '@crm/catalog/currency';
import { decimalText } from '@crm/catalog/exact-decimal';

export interface Formats {
  money(amount: number, currency?: string): string;
  /**
   * An amount in integer minor units (cents; yen) with every digit of its currency's minor unit, exactly:
   * the amount goes to Intl as decimal text, never through a floating-point division. `minorDigits`
   * defaults to the currency's (the catalog's table: JPY none, USD and CNY two).
   */
  minorMoney(minor: number, currency: string, minorDigits?: number): string;
  number(value: number, fractionDigits?: number): string;
  percent(ratio: number): string;
  date(iso: string): string;
  dateTime(iso: string): string;
}

/**
 * One set of formatters per language, made once: building an Intl formatter costs about a millisecond in
 * Chromium, and every card and column header formats (the 2,000-deal board spent most of its first render
 * here when each component made its own).
 */
const formatsByLocale = new Map<string, Formats>();

/** Minor units as exact decimal text: (123450, 2) → "1234.50". */
export const minorUnitsText = (minor: number, minorDigits: number): `${number}` => {
  if (!Number.isSafeInteger(minor)) throw new Error(`amount ${minor} is not a whole number of minor units`);
  return decimalText(BigInt(minor), minorDigits) as `${number}`;
};

export const formatsFor = (locale: string): Formats => {
  const known = formatsByLocale.get(locale);
  if (known !== undefined) return known;
  const numbers = new Map<string, Intl.NumberFormat>();
  const numberFormat = (key: string, options: Intl.NumberFormatOptions): Intl.NumberFormat => {
    const existing = numbers.get(key);
    if (existing !== undefined) return existing;
    const made = new Intl.NumberFormat(locale, options);
    numbers.set(key, made);
    return made;
  };
  const date = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' });
  const dateTime = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
  const formats: Formats = {
    money: (amount, currency = 'USD') => numberFormat(`money:${currency}`, { style: 'currency', currency, maximumFractionDigits: 0 }).format(amount),
    minorMoney: (minor, currency, minorDigits = minorDigitsOf(currency)) =>
      numberFormat(`minor:${currency}:${minorDigits}`, { style: 'currency', currency, minimumFractionDigits: minorDigits, maximumFractionDigits: minorDigits }).format(
        minorUnitsText(minor, minorDigits),
      ),
    number: (value, fractionDigits = 0) => numberFormat(`number:${fractionDigits}`, { maximumFractionDigits: fractionDigits }).format(value),
    percent: (ratio) => numberFormat('percent', { style: 'percent', maximumFractionDigits: 1 }).format(ratio),
    date: (iso) => date.format(new Date(iso.length === 10 ? `${iso}T00:00:00Z` : iso)),
    dateTime: (iso) => dateTime.format(new Date(iso)),
  };
  formatsByLocale.set(locale, formats);
  return formats;
};

/** Numbers and dates in the language the user chose (Intl), so switching language reformats them too. */
export const useFormats = (): Formats => {
  const { i18n } = useTranslation();
  return formatsFor(i18n.language);
};
