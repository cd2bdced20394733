import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

export interface Formats {
  money(amount: number, currency?: string): string;
  number(value: number, fractionDigits?: number): string;
  percent(ratio: number): string;
  date(iso: string): string;
  dateTime(iso: string): string;
}

/** Numbers and dates in the language the user chose (Intl), so switching language reformats them too. */
export const useFormats = (): Formats => {
  const { i18n } = useTranslation();
  const locale = i18n.language;
  return useMemo(() => {
    const integer = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
    const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 });
    const date = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' });
    const dateTime = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
    return {
      money: (amount, currency = 'USD') => new Intl.NumberFormat(locale, { style: 'currency', currency, maximumFractionDigits: 0 }).format(amount),
      number: (value, fractionDigits = 0) =>
        fractionDigits === 0 ? integer.format(value) : new Intl.NumberFormat(locale, { maximumFractionDigits: fractionDigits }).format(value),
      percent: (ratio) => percent.format(ratio),
      date: (iso) => date.format(new Date(iso.length === 10 ? `${iso}T00:00:00Z` : iso)),
      dateTime: (iso) => dateTime.format(new Date(iso)),
    };
  }, [locale]);
};
