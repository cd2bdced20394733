import { Alert, Button, Group, SimpleGrid, Stack, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiRefusal } from '../api/api-refusal';
import type { FieldDefinition, FieldValues, UnmetCriterion } from '../api/api-types';
import { UnmetCriteriaList } from '../advance/UnmetCriteriaList';
import { FieldInput, type FieldInputValue } from '../shared/FieldInput';

type Draft = Record<string, FieldInputValue | undefined>;

/** The fields that differ from the record's, as a PATCH body: a cleared field is null. */
const changesOf = (draft: Draft, fields: FieldValues): Record<string, FieldInputValue | null> =>
  Object.fromEntries(Object.entries(draft).filter(([name, value]) => value !== fields[name]).map(([name, value]) => [name, value ?? null]));

const RefusalAlert = ({ error }: { readonly error: unknown }) => {
  const { t } = useTranslation();
  if (!(error instanceof ApiRefusal)) return <Alert color="red">{String(error)}</Alert>;
  const unmet = error.body.details['unmet'];
  const problems = error.body.details['problems'];
  return (
    <Alert color="red" title={t('record.notSaved')} role="alert">
      {error.body.message}
      {Array.isArray(unmet) && <UnmetCriteriaList unmet={unmet as UnmetCriterion[]} />}
      {Array.isArray(problems) && <pre>{JSON.stringify(problems, null, 2)}</pre>}
    </Alert>
  );
};

/**
 * Every field of the blueprint, editable while the record is open; saving sends only what changed, at the
 * revision shown, and the API refuses what breaks the stage's rules (exit criteria are invariants).
 */
export const RecordFieldsForm = ({
  definitions,
  fields,
  revision,
  closed,
  busy,
  error,
  onSave,
}: {
  readonly definitions: readonly FieldDefinition[];
  readonly fields: FieldValues;
  readonly revision: number;
  readonly closed: boolean;
  readonly busy: boolean;
  readonly error: unknown;
  readonly onSave: (changes: Record<string, FieldInputValue | null>, expectedRevision: number) => void;
}) => {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<Draft>({});
  const changes = changesOf(draft, fields);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSave(changes, revision);
    setDraft({});
  };
  return (
    <form onSubmit={submit} aria-label={t('record.fields')}>
      <Stack gap="sm">
        <Title order={2} size="h4">
          {t('record.fields')}
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          {definitions.map((field) => (
            <FieldInput
              key={field.name}
              field={field}
              disabled={closed}
              value={field.name in draft ? draft[field.name] : fields[field.name]}
              onChange={(value) => setDraft((current) => ({ ...current, [field.name]: value }))}
            />
          ))}
        </SimpleGrid>
        {error !== null && <RefusalAlert error={error} />}
        {!closed && (
          <Group justify="flex-end">
            <Button type="submit" disabled={Object.keys(changes).length === 0} loading={busy}>
              {t('record.save')}
            </Button>
          </Group>
        )}
      </Stack>
    </form>
  );
};
