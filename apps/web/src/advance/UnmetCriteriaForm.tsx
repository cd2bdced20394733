import { Button, Group, Stack } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import type { FieldDefinition, UnmetCriterion } from '../api/api-types';
import { FieldInput, type FieldInputValue } from '../shared/FieldInput';

export type { FieldInputValue };

/** The fields the refusal asks for: those a required_field or supplied_field criterion names, once each. */
export const fieldsAskedFor = (unmet: readonly UnmetCriterion[], fields: readonly FieldDefinition[]): FieldDefinition[] => {
  const asked = new Set(unmet.filter((criterion) => criterion.criterion === 'required_field' || criterion.criterion === 'supplied_field').map((criterion) => criterion.field));
  return fields.filter((field) => asked.has(field.name));
};

/** A form for exactly the fields a refusal names; the API judges the values when the step is tried again. */
export const UnmetCriteriaForm = ({
  fields,
  submitLabel,
  busy,
  onSubmit,
}: {
  readonly fields: readonly FieldDefinition[];
  readonly submitLabel: string;
  readonly busy: boolean;
  readonly onSubmit: (values: Record<string, FieldInputValue>) => void;
}) => {
  const [values, setValues] = useState<Record<string, FieldInputValue | undefined>>({});
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const given = Object.fromEntries(Object.entries(values).filter((entry): entry is [string, FieldInputValue] => entry[1] !== undefined));
    onSubmit(given);
  };
  return (
    <form onSubmit={submit}>
      <Stack gap="sm">
        {fields.map((field) => (
          <FieldInput key={field.name} required field={field} value={values[field.name]} onChange={(value) => setValues((current) => ({ ...current, [field.name]: value }))} />
        ))}
        <Group justify="flex-end">
          <Button type="submit" loading={busy}>
            {submitLabel}
          </Button>
        </Group>
      </Stack>
    </form>
  );
};
