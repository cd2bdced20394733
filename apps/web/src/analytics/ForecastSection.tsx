import { NativeSelect, Paper, Stack, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AccuracyReport, ForecastReport } from '../api/api-types';
import { useFormats } from '../shared/format';
import { QueryState } from '../shared/QueryState';
import { ReportTable, type ReportColumn } from '../shared/ReportTable';
import { Chart } from './Chart';
import { useForecast, useForecastAccuracy } from './useAnalytics';

type ForecastRow = ForecastReport['rows'][number];
type AccuracyRow = AccuracyReport['rows'][number];
type Grouping = 'owner' | 'team' | 'total';

const CATEGORIES = ['closedWon', 'commit', 'bestCase', 'pipeline'] as const;

export const ForecastSection = ({ asOf, kind, currency }: { readonly asOf: string | undefined; readonly kind: string; readonly currency: string }) => {
  const { t } = useTranslation();
  const formats = useFormats();
  const [groupBy, setGroupBy] = useState<Grouping>('total');
  const forecast = useForecast({ asOf, groupBy, kind });
  const accuracy = useForecastAccuracy({ asOf, kind });
  const money = (value: number | null) => (value === null ? '—' : formats.money(value, currency));
  const columns: ReportColumn<ForecastRow>[] = [
    { key: 'period', header: t('analytics.forecast.period'), value: (row) => row.period },
    { key: 'group', header: t('analytics.forecast.group'), value: (row) => row.group ?? t('analytics.forecast.unowned') },
    ...CATEGORIES.map((category): ReportColumn<ForecastRow> => ({ key: category, header: t(`analytics.forecast.${category}`), value: (row) => row[category], show: (row) => money(row[category]), numeric: true })),
    { key: 'weightedPipeline', header: t('analytics.forecast.weightedPipeline'), value: (row) => row.weightedPipeline, show: (row) => money(row.weightedPipeline), numeric: true },
    { key: 'quota', header: t('analytics.forecast.quota'), value: (row) => row.quota, show: (row) => money(row.quota), numeric: true },
    { key: 'attainment', header: t('analytics.forecast.attainment'), value: (row) => row.attainment, show: (row) => (row.attainment === null ? '—' : formats.percent(row.attainment)), numeric: true },
  ];
  const accuracyColumns: ReportColumn<AccuracyRow>[] = [
    { key: 'period', header: t('analytics.forecast.period'), value: (row) => row.period },
    { key: 'commitForecast', header: t('analytics.accuracy.commitForecast'), value: (row) => row.commitForecast, show: (row) => money(row.commitForecast), numeric: true },
    { key: 'weightedForecast', header: t('analytics.accuracy.weightedForecast'), value: (row) => row.weightedForecast, show: (row) => money(row.weightedForecast), numeric: true },
    { key: 'actualClosedWon', header: t('analytics.accuracy.actual'), value: (row) => row.actualClosedWon, show: (row) => money(row.actualClosedWon), numeric: true },
    { key: 'commitAccuracy', header: t('analytics.accuracy.commitAccuracy'), value: (row) => row.commitAccuracy, show: (row) => (row.commitAccuracy === null ? '—' : formats.percent(row.commitAccuracy)), numeric: true },
    { key: 'weightedAccuracy', header: t('analytics.accuracy.weightedAccuracy'), value: (row) => row.weightedAccuracy, show: (row) => (row.weightedAccuracy === null ? '—' : formats.percent(row.weightedAccuracy)), numeric: true },
  ];
  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        <Title order={2} size="h4">
          {t('analytics.forecast.title')}
        </Title>
        <NativeSelect
          label={t('analytics.forecast.groupBy')}
          size="xs"
          w={200}
          value={groupBy}
          data={(['total', 'owner', 'team'] as const).map((grouping) => ({ value: grouping, label: t(`analytics.forecast.grouping.${grouping}`) }))}
          onChange={(event) => setGroupBy(event.currentTarget.value as Grouping)}
        />
        <QueryState query={forecast}>
          {(report) => {
            const periods = [...new Set(report.rows.map((row) => row.period))];
            const totalOf = (period: string, category: (typeof CATEGORIES)[number]) => report.rows.filter((row) => row.period === period).reduce((sum, row) => sum + row[category], 0);
            return (
              <>
                <Chart
                  label={t('analytics.forecast.chartLabel')}
                  option={{
                    tooltip: { trigger: 'axis' },
                    legend: { top: 0 },
                    grid: { top: 40, left: 72, right: 16, bottom: 32 },
                    xAxis: { type: 'category', data: periods },
                    yAxis: { type: 'value' },
                    series: CATEGORIES.map((category) => ({ type: 'bar', stack: 'forecast', name: t(`analytics.forecast.${category}`), data: periods.map((period) => totalOf(period, category)) })),
                  }}
                />
                <ReportTable caption={t('analytics.forecast.table')} columns={columns} rows={report.rows} fileName={`forecast-${kind}-${groupBy}-${asOf ?? 'now'}.csv`} />
              </>
            );
          }}
        </QueryState>
        <QueryState query={accuracy}>
          {(report) => <ReportTable caption={t('analytics.accuracy.table')} columns={accuracyColumns} rows={report.rows} fileName={`forecast-accuracy-${kind}-${asOf ?? 'now'}.csv`} />}
        </QueryState>
      </Stack>
    </Paper>
  );
};
