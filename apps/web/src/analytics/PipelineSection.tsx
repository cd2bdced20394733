import { Paper, Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { BlueprintDefinition, PipelineReport } from '../api/api-types';
import { useFormats } from '../shared/format';
import { QueryState } from '../shared/QueryState';
import { ReportTable, type ReportColumn } from '../shared/ReportTable';
import { Chart } from './Chart';
import { usePipelineAsOf } from './useAnalytics';

type StageTotal = PipelineReport['byStage'][number];

export const PipelineSection = ({ asOf, kind, definition }: { readonly asOf: string | undefined; readonly kind: string; readonly definition: BlueprintDefinition }) => {
  const { t } = useTranslation();
  const formats = useFormats();
  const pipeline = usePipelineAsOf({ asOf, kind });
  const stageTitle = (stage: string) => definition.stages.find((candidate) => candidate.id === stage)?.title ?? stage;
  const columns: ReportColumn<StageTotal>[] = [
    { key: 'stage', header: t('analytics.pipeline.stage'), value: (row) => row.stage, show: (row) => stageTitle(row.stage) },
    { key: 'count', header: t('analytics.pipeline.count'), value: (row) => row.count, numeric: true },
    { key: 'amount', header: t('analytics.pipeline.amount'), value: (row) => row.amount, show: (row) => formats.money(row.amount, definition.currency), numeric: true },
    { key: 'weightedAmount', header: t('analytics.pipeline.weightedAmount'), value: (row) => row.weightedAmount, show: (row) => formats.money(row.weightedAmount, definition.currency), numeric: true },
  ];
  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        <Title order={2} size="h4">
          {t('analytics.pipeline.title')}
        </Title>
        <QueryState query={pipeline}>
          {(report) => (
            <>
              <Chart
                label={t('analytics.pipeline.chartLabel')}
                option={{
                  tooltip: { trigger: 'axis' },
                  legend: { top: 0 },
                  grid: { top: 40, left: 72, right: 16, bottom: 48 },
                  xAxis: { type: 'category', data: report.byStage.map((row) => stageTitle(row.stage)), axisLabel: { interval: 0, rotate: 15 } },
                  yAxis: { type: 'value' },
                  series: [
                    { type: 'bar', name: t('analytics.pipeline.amount'), data: report.byStage.map((row) => row.amount) },
                    { type: 'bar', name: t('analytics.pipeline.weightedAmount'), data: report.byStage.map((row) => row.weightedAmount) },
                  ],
                }}
              />
              <ReportTable caption={t('analytics.pipeline.table')} columns={columns} rows={report.byStage} fileName={`pipeline-${kind}-${asOf ?? 'now'}.csv`} />
            </>
          )}
        </QueryState>
      </Stack>
    </Paper>
  );
};
