import { Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { HistoryEntry, PricedQuote, RecordView } from '../api/api-types';
import { QueryState } from '../shared/QueryState';
import { QuoteApprovalHistory } from './QuoteApprovalHistory';
import { QuoteLinesEditor } from './QuoteLinesEditor';
import { QuoteLinesTable } from './QuoteLinesTable';
import { QuoteVersions } from './QuoteVersions';
import { useCatalog, usePriceQuote, useQuoteLines } from './useQuoteLines';

const linesKey = (priced: PricedQuote | null): string => JSON.stringify(priced?.lines.map((line) => [line.sku, line.quantity, line.discountPercent]) ?? null);

/**
 * A quote's lines and money (README, Quote lines): the version shown (the current one unless another is
 * chosen), its price book version and totals, every version with its sending, the approvals asked and
 * given, and, while the quote is in its blueprint's first stage, the lines' editor.
 */
export const QuoteSection = ({ record, initialStage, history }: { readonly record: RecordView; readonly initialStage: string; readonly history: readonly HistoryEntry[] | undefined }) => {
  const { t } = useTranslation();
  const [shownVersion, setShownVersion] = useState<number | null>(null);
  const lines = useQuoteLines(record.kind, record.id, shownVersion);
  const editable = record.stage === initialStage && !record.final;
  const catalog = useCatalog(editable);
  const price = usePriceQuote(record.kind, record.id);
  return (
    <section aria-label={t('quote.title')}>
      <Stack gap="sm">
        <Title order={2} size="h4">
          {t('quote.title')}
        </Title>
        <QueryState query={lines}>
          {(view) => (
            <Stack gap="sm">
              <Text size="sm" fw={600}>
                {t(view.version === view.currentVersion ? 'quote.showingCurrent' : 'quote.showingEarlier', { version: view.version })}
              </Text>
              {view.priced === null ? <Text c="dimmed">{t('quote.noLines')}</Text> : <QuoteLinesTable priced={view.priced} />}
              {editable && view.version === view.currentVersion && (
                <QueryState query={catalog}>
                  {(loaded) => (
                    <QuoteLinesEditor
                      // A new revision or newly priced lines start the editor again from what is stored.
                      key={`${record.revision}:${linesKey(view.priced)}`}
                      catalog={loaded}
                      priced={view.priced}
                      revision={record.revision}
                      busy={price.isPending}
                      error={price.error}
                      onSave={(request) => price.mutate(request)}
                    />
                  )}
                </QueryState>
              )}
              <Title order={3} size="h5">
                {t('quote.versions')}
              </Title>
              <QuoteVersions lines={view} onShow={(version) => setShownVersion(version === view.currentVersion ? null : version)} />
            </Stack>
          )}
        </QueryState>
        {history !== undefined && <QuoteApprovalHistory history={history} />}
      </Stack>
    </section>
  );
};
