import { NativeSelect, Paper, Stack, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BlueprintDefinition, FunnelStageRow } from '../api/api-types';
import { useFormats } from '../shared/format';
import { QueryState } from '../shared/QueryState';
import { ReportTable, type ReportColumn } from '../shared/ReportTable';
import { Chart } from './Chart';
import { useFunnel } from './useAnalytics';

/** The dimensions the funnel may be grouped by: cohort, owner, team and the blueprint's groupable fields. */
const groupings = (definition: BlueprintDefinition): string[] => [
  'cohort',
  'owner',
  'team',
  ...definition.fields.filter((field) => field.groupable === true || ((field.type === 'enum' || field.type === 'reference') && field.groupable !== false)).map((field) => field.name),
];

const ratio = (value: number | null): number | null => (value === null ? null : Math.round(value * 10_000) / 10_000);

export const FunnelSection = ({ asOf, kind, definition }: { readonly asOf: string | undefined; readonly kind: string; readonly definition: BlueprintDefinition }) => {
  const { t } = useTranslation();
  const formats = useFormats();
  const [by, setBy] = useState<string | undefined>(undefined);
  const funnel = useFunnel({ asOf, by, kind });
  const stageTitle = (stage: string) => definition.stages.find((candidate) => candidate.id === stage)?.title ?? stage;
  const columns: ReportColumn<FunnelStageRow>[] = [
    { key: 'group', header: t('analytics.funnel.group'), value: (row) => row.group },
    { key: 'stage', header: t('analytics.funnel.stage'), value: (row) => row.stage, show: (row) => stageTitle(row.stage) },
    { key: 'entered', header: t('analytics.funnel.entered'), value: (row) => row.entered, numeric: true },
    { key: 'advanced', header: t('analytics.funnel.advanced'), value: (row) => row.advanced, numeric: true },
    { key: 'lost', header: t('analytics.funnel.lost'), value: (row) => row.lost, numeric: true },
    { key: 'won', header: t('analytics.funnel.won'), value: (row) => row.won, numeric: true },
    { key: 'conversion', header: t('analytics.funnel.conversion'), value: (row) => ratio(row.conversionRate), show: (row) => (row.conversionRate === null ? '—' : formats.percent(row.conversionRate)), numeric: true },
    { key: 'winRate', header: t('analytics.funnel.winRate'), value: (row) => ratio(row.winRate), show: (row) => (row.winRate === null ? '—' : formats.percent(row.winRate)), numeric: true },
    { key: 'medianDays', header: t('analytics.funnel.medianDays'), value: (row) => row.medianDays, show: (row) => (row.medianDays === null ? '—' : formats.number(row.medianDays, 1)), numeric: true },
    { key: 'p90Days', header: t('analytics.funnel.p90Days'), value: (row) => row.p90Days, show: (row) => (row.p90Days === null ? '—' : formats.number(row.p90Days, 1)), numeric: true },
  ];
  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        <Title order={2} size="h4">
          {t('analytics.funnel.title')}
        </Title>
        <NativeSelect
          label={t('analytics.funnel.by')}
          size="xs"
          w={200}
          value={by ?? ''}
          data={[{ value: '', label: t('analytics.funnel.byNone') }, ...groupings(definition).map((grouping) => ({ value: grouping, label: t(`analytics.funnel.byOption.${grouping}`, { defaultValue: grouping }) }))]}
          onChange={(event) => setBy(event.currentTarget.value === '' ? undefined : event.currentTarget.value)}
        />
        <QueryState query={funnel}>
          {(report) => {
            const firstGroup = report.rows[0]?.group;
            const overall = report.rows.filter((row) => row.group === firstGroup && !definition.stages.find((stage) => stage.id === row.stage)?.final);
            return (
              <>
                <Chart
                  label={t('analytics.funnel.chartLabel')}
                  option={{
                    tooltip: { trigger: 'axis' },
                    legend: { top: 0 },
                    grid: { top: 48, left: 48, right: 48, bottom: 56 },
                    xAxis: { type: 'category', data: overall.map((row) => stageTitle(row.stage)), axisLabel: { interval: 0, rotate: 20 } },
                    yAxis: [{ type: 'value', name: t('analytics.funnel.entered') }, { type: 'value', name: t('analytics.funnel.conversion'), max: 1, axisLabel: { formatter: (value: number) => formats.percent(value) } }],
                    series: [
                      { type: 'bar', name: t('analytics.funnel.entered'), data: overall.map((row) => row.entered) },
                      { type: 'line', name: t('analytics.funnel.conversion'), yAxisIndex: 1, data: overall.map((row) => row.conversionRate) },
                    ],
                  }}
                />
                <ReportTable caption={t('analytics.funnel.table', { records: report.records })} columns={columns} rows={report.rows} fileName={`funnel-${kind}-${asOf ?? 'now'}.csv`} />
              </>
            );
          }}
        </QueryState>
      </Stack>
    </Paper>
  );
};
