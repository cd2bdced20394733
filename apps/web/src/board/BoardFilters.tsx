import { Group, NativeSelect } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { BoardFilters as Filters } from './board-model';

export interface FilterChoices {
  readonly owners: readonly string[];
  readonly teams: readonly string[];
  readonly products: readonly string[];
  readonly closePeriods: readonly string[];
}

const ALL = '';

const FilterSelect = ({ label, value, choices, onChange }: { label: string; value: string | null; choices: readonly string[]; onChange: (value: string | null) => void }) => {
  const { t } = useTranslation();
  return (
    <NativeSelect
      label={label}
      size="xs"
      value={value ?? ALL}
      data={[{ value: ALL, label: t('board.filters.all') }, ...choices.map((choice) => ({ value: choice, label: choice }))]}
      onChange={(event) => onChange(event.currentTarget.value === ALL ? null : event.currentTarget.value)}
    />
  );
};

export const BoardFilters = ({ filters, choices, onChange }: { readonly filters: Filters; readonly choices: FilterChoices; readonly onChange: (filters: Filters) => void }) => {
  const { t } = useTranslation();
  // Owner and team narrow the same thing (whose deals); choosing one clears the other.
  return (
    <Group gap="md" align="end" role="search" aria-label={t('board.filters.label')}>
      <FilterSelect label={t('board.filters.owner')} value={filters.owner} choices={choices.owners} onChange={(owner) => onChange({ ...filters, owner, team: owner === null ? filters.team : null })} />
      <FilterSelect label={t('board.filters.team')} value={filters.team} choices={choices.teams} onChange={(team) => onChange({ ...filters, team, owner: team === null ? filters.owner : null })} />
      <FilterSelect label={t('board.filters.product')} value={filters.product} choices={choices.products} onChange={(product) => onChange({ ...filters, product })} />
      <FilterSelect label={t('board.filters.closePeriod')} value={filters.closePeriod} choices={choices.closePeriods} onChange={(closePeriod) => onChange({ ...filters, closePeriod })} />
    </Group>
  );
};
