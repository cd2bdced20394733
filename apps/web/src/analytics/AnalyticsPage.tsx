import { Button, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { QueryState } from '../shared/QueryState';
import { useBlueprint } from '../shared/useBlueprint';
import { ForecastSection } from './ForecastSection';
import { FunnelSection } from './FunnelSection';
import { PipelineSection } from './PipelineSection';
import { SalesMetricsSection } from './SalesMetricsSection';

const KIND = 'opportunity';

/** One as-of moment for the whole page (in the address, so it can be shared); empty is now. */
const AsOfControl = ({ asOf, onChange }: { readonly asOf: string | undefined; readonly onChange: (asOf: string | undefined) => void }) => {
  const { t } = useTranslation();
  const [draft, setDraft] = useState(asOf ?? '');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onChange(draft === '' ? undefined : draft);
  };
  return (
    <form onSubmit={submit} aria-label={t('analytics.asOf.label')}>
      <Group align="end" gap="xs">
        <TextInput type="date" label={t('analytics.asOf.label')} description={t('analytics.asOf.hint')} value={draft} onChange={(event) => setDraft(event.currentTarget.value)} />
        <Button type="submit">{t('analytics.asOf.apply')}</Button>
        <Button
          variant="default"
          onClick={() => {
            setDraft('');
            onChange(undefined);
          }}
        >
          {t('analytics.asOf.now')}
        </Button>
      </Group>
    </form>
  );
};

export const AnalyticsPage = () => {
  const { t } = useTranslation();
  const [search, setSearch] = useSearchParams();
  const asOf = search.get('asOf') ?? undefined;
  const blueprint = useBlueprint(KIND);
  return (
    <Stack gap="lg">
      <Group justify="space-between" align="end">
        <Stack gap={0}>
          <Title order={1} size="h2">
            {t('analytics.title')}
          </Title>
          <Text size="sm" c="dimmed">
            {asOf === undefined ? t('analytics.asOf.showingNow') : t('analytics.asOf.showing', { asOf })}
          </Text>
        </Stack>
        <AsOfControl asOf={asOf} onChange={(next) => setSearch(next === undefined ? {} : { asOf: next })} />
      </Group>
      <QueryState query={blueprint}>
        {({ definition }) => (
          <Stack gap="lg">
            <SalesMetricsSection asOf={asOf} kind={KIND} definition={definition} />
            <FunnelSection asOf={asOf} kind={KIND} definition={definition} />
            <ForecastSection asOf={asOf} kind={KIND} currency={definition.currency} />
            <PipelineSection asOf={asOf} kind={KIND} definition={definition} />
          </Stack>
        )}
      </QueryState>
    </Stack>
  );
};
