import { NativeSelect, Paper, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BlueprintDefinition, SalesMetricsRow } from '../api/api-types';
import { useFormats } from '../shared/format';
import { QueryState } from '../shared/QueryState';
import { ReportTable, type ReportColumn } from '../shared/ReportTable';
import { SALES_DIMENSIONS, useSalesAnalytics, type SalesDimension } from './useAnalytics';

type StageAging = SalesMetricsRow['aging'][number];
type Reconciliation = SalesMetricsRow['reconciliation'][number];

const AGING_BUCKETS = ['0-6', '7-29', '30-59', '60-89', '90+'] as const;

/** The field's sales metrics, computed by the API (README, Sales analytics): this section only shows them. */
export const SalesMetricsSection = ({ asOf, kind, definition }: { readonly asOf: string | undefined; readonly kind: string; readonly definition: BlueprintDefinition }) => {
  const { t } = useTranslation();
  const formats = useFormats();
  const [by, setBy] = useState<SalesDimension | undefined>(undefined);
  const analytics = useSalesAnalytics({ asOf, by, kind });
  const stageTitle = (stage: string) => definition.stages.find((candidate) => candidate.id === stage)?.title ?? stage;
  const dash = '—';
  const orDash = (value: number | null, show: (value: number) => string): string => (value === null ? dash : show(value));
  const columns: ReportColumn<SalesMetricsRow>[] = [
    { key: 'group', header: t('analytics.sales.group'), value: (row) => row.group, show: (row) => (row.group === 'total' ? t('analytics.sales.total') : row.group) },
    { key: 'deals', header: t('analytics.sales.deals'), value: (row) => row.deals, numeric: true },
    { key: 'won', header: t('analytics.sales.won'), value: (row) => row.winRate.won, numeric: true },
    { key: 'lost', header: t('analytics.sales.lost'), value: (row) => row.winRate.lost, numeric: true },
    { key: 'winRate', header: t('analytics.sales.winRate'), value: (row) => row.winRate.winRate, show: (row) => orDash(row.winRate.winRate, formats.percent), numeric: true },
    { key: 'cycleMedian', header: t('analytics.sales.cycleMedian'), value: (row) => row.salesCycle.median, show: (row) => orDash(row.salesCycle.median, (value) => formats.number(value, 1)), numeric: true },
    { key: 'cycleP90', header: t('analytics.sales.cycleP90'), value: (row) => row.salesCycle.p90, show: (row) => orDash(row.salesCycle.p90, (value) => formats.number(value, 1)), numeric: true },
    { key: 'averageDealSize', header: t('analytics.sales.averageDealSize'), value: (row) => row.averageDealSize.average, show: (row) => orDash(row.averageDealSize.average, (value) => formats.money(value, definition.currency)), numeric: true },
    { key: 'velocity', header: t('analytics.sales.velocity'), value: (row) => row.velocity.perDay, show: (row) => orDash(row.velocity.perDay, (value) => formats.money(value, definition.currency)), numeric: true },
    { key: 'coverage', header: t('analytics.sales.coverage'), value: (row) => row.coverage.coverage, show: (row) => orDash(row.coverage.coverage, (value) => formats.number(value, 2)), numeric: true },
    { key: 'slipped', header: t('analytics.sales.slipped'), value: (row) => row.slippage.deals, numeric: true },
  ];
  const agingColumns: ReportColumn<StageAging>[] = [
    { key: 'stage', header: t('analytics.sales.stage'), value: (row) => row.stage, show: (row) => stageTitle(row.stage) },
    { key: 'open', header: t('analytics.sales.open'), value: (row) => row.open, numeric: true },
    ...AGING_BUCKETS.map((bucket): ReportColumn<StageAging> => ({ key: bucket, header: t('analytics.sales.days', { bucket }), value: (row) => row.buckets[bucket] ?? 0, numeric: true })),
  ];
  const reconciliationColumns: ReportColumn<Reconciliation>[] = [
    { key: 'stage', header: t('analytics.sales.stage'), value: (row) => row.stage, show: (row) => stageTitle(row.stage) },
    { key: 'atStart', header: t('analytics.sales.atStart'), value: (row) => row.atStart, numeric: true },
    { key: 'entered', header: t('analytics.sales.entered'), value: (row) => row.entered, numeric: true },
    { key: 'left', header: t('analytics.sales.left'), value: (row) => row.left, numeric: true },
    { key: 'atEnd', header: t('analytics.sales.atEnd'), value: (row) => row.atEnd, numeric: true },
  ];
  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        <Title order={2} size="h4">
          {t('analytics.sales.title')}
        </Title>
        <NativeSelect
          label={t('analytics.sales.by')}
          size="xs"
          w={200}
          value={by ?? ''}
          data={[{ value: '', label: t('analytics.sales.byNone') }, ...SALES_DIMENSIONS.map((dimension) => ({ value: dimension, label: t(`analytics.sales.dimension.${dimension}`) }))]}
          onChange={(event) => {
            const value = event.currentTarget.value;
            setBy(SALES_DIMENSIONS.find((dimension) => dimension === value));
          }}
        />
        <QueryState query={analytics}>
          {(report) => (
            <>
              <Text size="sm" c="dimmed">
                {t('analytics.sales.definitions')}
              </Text>
              <ReportTable caption={t('analytics.sales.table', { period: report.period })} columns={columns} rows={[...report.rows, report.total]} fileName={`sales-${kind}-${report.period}-${asOf ?? 'now'}.csv`} />
              <ReportTable caption={t('analytics.sales.agingTable')} columns={agingColumns} rows={report.total.aging} fileName={`aging-${kind}-${asOf ?? 'now'}.csv`} />
              <ReportTable
                caption={t('analytics.sales.reconciliationTable', { period: report.period })}
                columns={reconciliationColumns}
                rows={report.total.reconciliation}
                fileName={`reconciliation-${kind}-${report.period}.csv`}
              />
            </>
          )}
        </QueryState>
      </Stack>
    </Paper>
  );
};
