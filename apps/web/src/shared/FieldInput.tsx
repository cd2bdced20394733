import { Checkbox, NativeSelect, NumberInput, Textarea, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { FieldDefinition } from '../api/api-types';

export type FieldInputValue = string | number | boolean;

/** An input for a blueprint field, by its type; values are sent as typed (numbers as numbers). */
export const FieldInput = ({
  field,
  value,
  onChange,
  required = false,
  disabled = false,
}: {
  readonly field: FieldDefinition;
  readonly required?: boolean;
  readonly disabled?: boolean;
  readonly value: FieldInputValue | undefined;
  readonly onChange: (value: FieldInputValue | undefined) => void;
}) => {
  const { t } = useTranslation();
  const common = { label: field.label, description: field.description, required, disabled };
  switch (field.type) {
    case 'money':
    case 'number':
      return (
        <NumberInput
          {...common}
          value={typeof value === 'number' ? value : ''}
          min={field.min}
          max={field.max}
          decimalScale={field.type === 'money' ? 2 : undefined}
          onChange={(next) => onChange(typeof next === 'number' ? next : undefined)}
        />
      );
    case 'date':
      return <TextInput {...common} type="date" value={typeof value === 'string' ? value : ''} onChange={(event) => onChange(event.currentTarget.value || undefined)} />;
    case 'enum':
      return (
        <NativeSelect
          {...common}
          value={typeof value === 'string' ? value : ''}
          data={[{ value: '', label: t('advance.choose') }, ...(field.values ?? []).map((choice) => ({ value: choice, label: t(`fieldValues.${choice}`, { defaultValue: choice }) }))]}
          onChange={(event) => onChange(event.currentTarget.value || undefined)}
        />
      );
    case 'boolean':
      return <Checkbox label={field.label} disabled={disabled} checked={value === true} onChange={(event) => onChange(event.currentTarget.checked)} />;
    case 'text':
      return <Textarea {...common} value={typeof value === 'string' ? value : ''} onChange={(event) => onChange(event.currentTarget.value || undefined)} />;
    default:
      return (
        <TextInput
          {...common}
          type={field.type === 'email' ? 'email' : field.type === 'phone' ? 'tel' : 'text'}
          value={typeof value === 'string' ? value : ''}
          onChange={(event) => onChange(event.currentTarget.value || undefined)}
        />
      );
  }
};

