import { MantineProvider } from '@mantine/core';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { FieldDefinition, UnmetCriterion } from '../api/api-types';
import { fieldsAskedFor, UnmetCriteriaForm } from './UnmetCriteriaForm';

const fields: FieldDefinition[] = [
  { name: 'budget', type: 'money', label: 'Budget' },
  { name: 'decisionMaker', type: 'string', label: 'Decision maker' },
  { name: 'notes', type: 'text', label: 'Notes' },
  { name: 'lossReason', type: 'enum', label: 'Loss reason', values: ['price', 'timing'] },
];

const unmet: UnmetCriterion[] = [
  { event: 'analyze_needs', criterion: 'required_field', field: 'budget', message: 'Budget is required' },
  { event: 'analyze_needs', criterion: 'required_field', field: 'decisionMaker', message: 'Decision maker is required' },
  { event: 'analyze_needs', criterion: 'expression', expression: 'budget > 0', message: 'The budget must be positive' },
];

describe('the refusal form', () => {
  it('given a refusal, then it asks for exactly the fields its required and supplied criteria name', () => {
    expect(fieldsAskedFor(unmet, fields).map((field) => field.name)).toEqual(['budget', 'decisionMaker']);
    expect(fieldsAskedFor([{ event: 'close_lost', criterion: 'supplied_field', field: 'lossReason', message: 'Loss reason must be supplied' }], fields).map((field) => field.name)).toEqual(['lossReason']);
  });

  it('given values typed in, when sent, then money goes as a number and text as text', async () => {
    const onSubmit = vi.fn();
    render(
      <MantineProvider>
        <UnmetCriteriaForm fields={fieldsAskedFor(unmet, fields)} busy={false} submitLabel="Fill in and retry" onSubmit={onSubmit} />
      </MantineProvider>,
    );
    await userEvent.type(screen.getByLabelText(/Budget/), '120000');
    await userEvent.type(screen.getByLabelText(/Decision maker/), 'Hank Scorpio');
    await userEvent.click(screen.getByRole('button', { name: 'Fill in and retry' }));
    expect(onSubmit).toHaveBeenCalledWith({ budget: 120000, decisionMaker: 'Hank Scorpio' });
  });
});
