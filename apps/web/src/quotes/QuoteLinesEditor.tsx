import { ActionIcon, Alert, Button, Group, NativeSelect, Stack, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiRefusal } from '../api/api-refusal';
import type { Catalog, PricedQuote, PriceQuoteRequest } from '../api/api-types';

/** A line as typed: numbers stay text until sent, so what the user typed is what the API judges. */
interface DraftLine {
  readonly sku: string;
  readonly quantity: string;
  readonly discountPercent: string;
}

const draftOf = (priced: PricedQuote | null): DraftLine[] =>
  priced === null
    ? [{ sku: '', quantity: '1', discountPercent: '' }]
    : priced.lines.map((line) => ({ sku: line.sku, quantity: String(line.quantity), discountPercent: line.discountPercent === 0 ? '' : String(line.discountPercent) }));

/**
 * The request as typed: numbers as numbers (a blank discount is none). The API checks every line and
 * names what is wrong (a negative quantity, a discount above 100%); nothing is judged here.
 */
export const priceRequestOf = (priceBook: string, taxRegion: string, lines: readonly DraftLine[], expectedRevision: number): PriceQuoteRequest => ({
  priceBook,
  taxRegion,
  expectedRevision,
  lines: lines.map((line) => ({
    sku: line.sku,
    quantity: Number(line.quantity),
    ...(line.discountPercent.trim() === '' ? {} : { discountPercent: Number(line.discountPercent) }),
  })),
});

const choices = (values: readonly string[], chooseLabel: string) => [{ value: '', label: chooseLabel }, ...values.map((value) => ({ value, label: value }))];

/**
 * The draft version's lines, editable: price book, tax region, and per line the product, quantity and
 * discount. Saving replaces the lines at the revision shown; a refusal shows the API's message and
 * changes nothing.
 */
export const QuoteLinesEditor = ({
  catalog,
  priced,
  revision,
  busy,
  error,
  onSave,
}: {
  readonly catalog: Catalog;
  readonly priced: PricedQuote | null;
  readonly revision: number;
  readonly busy: boolean;
  readonly error: unknown;
  readonly onSave: (request: PriceQuoteRequest) => void;
}) => {
  const { t } = useTranslation();
  const [priceBook, setPriceBook] = useState(priced?.priceBook.id ?? '');
  const [taxRegion, setTaxRegion] = useState(priced?.taxRegion ?? '');
  const [lines, setLines] = useState<DraftLine[]>(() => draftOf(priced));
  const change = (index: number, patch: Partial<DraftLine>) => setLines((current) => current.map((line, at) => (at === index ? { ...line, ...patch } : line)));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSave(priceRequestOf(priceBook, taxRegion, lines, revision));
  };
  const bookIds = [...new Set(catalog.priceBooks.map((book) => book.id))];
  const products = catalog.products.map((product) => ({ value: product.sku, label: `${product.name} (${product.sku})` }));
  return (
    <form onSubmit={submit} aria-label={t('quote.editLines')}>
      <Stack gap="sm">
        <Title order={3} size="h5">
          {t('quote.editLines')}
        </Title>
        <Group grow>
          <NativeSelect label={t('quote.priceBookLabel')} value={priceBook} data={choices(bookIds, t('advance.choose'))} onChange={(event) => setPriceBook(event.currentTarget.value)} />
          <NativeSelect label={t('quote.taxRegion')} value={taxRegion} data={choices(Object.keys(catalog.taxRates), t('advance.choose'))} onChange={(event) => setTaxRegion(event.currentTarget.value)} />
        </Group>
        {lines.map((line, index) => (
          <Group key={index} align="end" wrap="nowrap">
            <NativeSelect
              style={{ flex: 3 }}
              label={t('quote.productOfLine', { line: index + 1 })}
              value={line.sku}
              data={[{ value: '', label: t('advance.choose') }, ...products]}
              onChange={(event) => change(index, { sku: event.currentTarget.value })}
            />
            <TextInput style={{ flex: 1 }} inputMode="decimal" label={t('quote.quantityOfLine', { line: index + 1 })} value={line.quantity} onChange={(event) => change(index, { quantity: event.currentTarget.value })} />
            <TextInput
              style={{ flex: 1 }}
              inputMode="decimal"
              label={t('quote.discountOfLine', { line: index + 1 })}
              value={line.discountPercent}
              onChange={(event) => change(index, { discountPercent: event.currentTarget.value })}
            />
            <ActionIcon variant="subtle" color="red" size="lg" aria-label={t('quote.removeLine', { line: index + 1 })} disabled={lines.length === 1} onClick={() => setLines((current) => current.filter((_, at) => at !== index))}>
              ×
            </ActionIcon>
          </Group>
        ))}
        {error !== null && (
          <Alert color="red" title={t('quote.linesNotSaved')} role="alert">
            {error instanceof ApiRefusal ? `${error.code}: ${error.body.message}` : String(error)}
          </Alert>
        )}
        <Group justify="space-between">
          <Button variant="light" onClick={() => setLines((current) => [...current, { sku: '', quantity: '1', discountPercent: '' }])}>
            {t('quote.addLine')}
          </Button>
          <Button type="submit" loading={busy}>
            {t('quote.saveLines')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
};
