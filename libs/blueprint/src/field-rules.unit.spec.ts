import { blueprintContentHash } from './blueprint-content-hash';
import { isGroupableField, type FieldDefinition } from './blueprint.model';
import { dealDefinition, problemsOf, dealBlueprint } from './__fixtures__/deal-blueprint';

const fieldOf = (definition: { fields: readonly FieldDefinition[] }, name: string): FieldDefinition | undefined =>
  definition.fields.find((field) => field.name === name);

/** Whether the named field is groupable; a field the definition lacks fails the test, naming it. */
const isGroupableIn = (definition: { fields: readonly FieldDefinition[] }, name: string): boolean => {
  const field = fieldOf(definition, name);
  if (field === undefined) throw new Error(`the definition has no field "${name}"`);
  return isGroupableField(field);
};

describe('field language: groupable', () => {
  it('given a string field declared groupable, when parsed, then the definition keeps it and the field is groupable', () => {
    const definition = dealDefinition({ fields: { product: { type: 'string', groupable: true } } });

    expect(fieldOf(definition, 'product')).toEqual({ name: 'product', type: 'string', label: 'Product', groupable: true });
    expect(isGroupableIn(definition, 'product')).toBe(true);
  });

  it('given enum and reference fields, when nothing is declared, then they are groupable by their type; a plain string is not', () => {
    const definition = dealDefinition({ fields: { account: { type: 'reference', to: 'account' }, region: { type: 'string' } } });

    expect(isGroupableIn(definition, 'lossReason')).toBe(true);
    expect(isGroupableIn(definition, 'account')).toBe(true);
    expect(isGroupableIn(definition, 'region')).toBe(false);
  });

  it('given a boolean field, when declared groupable, then it is groupable; when not, it is not', () => {
    const definition = dealDefinition({ fields: { strategic: { type: 'boolean', groupable: true }, renewal: { type: 'boolean' } } });

    expect(isGroupableIn(definition, 'strategic')).toBe(true);
    expect(isGroupableIn(definition, 'renewal')).toBe(false);
  });

  it('given an enum declared groupable: false, when parsed, then it is not groupable', () => {
    const definition = dealDefinition({ fields: { lossReason: { type: 'enum', values: ['price', 'other'], groupable: false } } });

    expect(isGroupableIn(definition, 'lossReason')).toBe(false);
  });

  it('given groupable: true on free text, email, phone or a number, when parsed, then each is refused at its path saying why', () => {
    const problems = problemsOf(
      dealBlueprint({
        fields: {
          notes: { type: 'text', groupable: true },
          contactEmail: { type: 'email', groupable: true },
          contactPhone: { type: 'phone', groupable: true },
          discount: { type: 'number', groupable: true },
        },
      }),
    );

    expect(problems).toEqual([
      'fields.discount.groupable: number fields cannot be groupable; only string and boolean fields may declare groupable: true (enum and reference fields are groupable by their type)',
      'fields.notes.groupable: text fields are never groupable: a report grouped by free text, email addresses or phone numbers would show the values of records the reader may not open',
      'fields.contactEmail.groupable: email fields are never groupable: a report grouped by free text, email addresses or phone numbers would show the values of records the reader may not open',
      'fields.contactPhone.groupable: phone fields are never groupable: a report grouped by free text, email addresses or phone numbers would show the values of records the reader may not open',
    ]);
  });

  it('given groupable that is not true or false, when parsed, then the shape check reports it', () => {
    expect(problemsOf(dealBlueprint({ fields: { product: { type: 'string', groupable: 'yes' } } }))).toEqual([
      'fields.product.groupable: must be true or false',
    ]);
  });
});

describe('field language: number bounds', () => {
  it('given a number field with min and max, when parsed, then the definition keeps both', () => {
    const definition = dealDefinition({ fields: { discount: { type: 'number', min: 0, max: 1 } } });

    expect(fieldOf(definition, 'discount')).toEqual({ name: 'discount', type: 'number', label: 'Discount', min: 0, max: 1 });
  });

  it('given min above max, when parsed, then the contradiction is reported at max', () => {
    expect(problemsOf(dealBlueprint({ fields: { discount: { type: 'number', min: 1, max: 0 } } }))).toEqual([
      'fields.discount.max: max 0 is below min 1; no value could be stored',
    ]);
  });

  it('given min or max on a field that is not a number, when parsed, then each is reported', () => {
    expect(problemsOf(dealBlueprint({ fields: { amount: { type: 'money', min: 0 }, closeDate: { type: 'date', max: 1 } } }))).toEqual([
      'fields.amount.min: min only applies to number fields, not to money',
      'fields.closeDate.max: max only applies to number fields, not to date',
    ]);
  });

  it('given a bound that is not a finite number, when parsed, then the shape check reports it', () => {
    expect(problemsOf(dealBlueprint({ fields: { discount: { type: 'number', min: 'zero', max: '.inf' } } }))).toEqual([
      'fields.discount.min: must be a finite number',
      'fields.discount.max: must be a finite number',
    ]);
  });
});

describe('field language: content hash', () => {
  it('given a blueprint that declares none of the new keys, when normalized, then its fields carry none of them, so its content hash is unchanged', () => {
    const definition = dealDefinition();

    expect(definition.fields.flatMap((field) => Object.keys(field).filter((key) => ['groupable', 'min', 'max'].includes(key)))).toEqual([]);
    // The hash of this fixture before the field language learnt groupable, min and max.
    expect(blueprintContentHash(definition)).toBe('4d752d5ca50508d644d2d548bd00100f582fde78ab6e9296ae95c81090876957');
  });
});
