import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BlueprintException } from '../blueprint.exception';
import { loadBlueprintDirectory } from '../blueprint.loader';
import { validateBlueprint } from '../parse-blueprint';
import { convertingLead, leadConversion, TARGETS, yamlOf } from './__fixtures__/conversion-blueprints';

const problemsOf = (document: Record<string, unknown>): string[] => {
  const validation = validateBlueprint(yamlOf(document), 'lead.blueprint.yaml');
  return validation.ok ? [] : validation.problems.map((problem) => `${problem.path}: ${problem.message}`);
};

const withSteps = (change: (conversion: Record<string, unknown>) => Record<string, unknown>): Record<string, unknown> => convertingLead(change(leadConversion()));

describe('blueprint conversion: within the blueprint', () => {
  it('given a conversion mapping fields, its own id and earlier steps, when parsed, then it is part of the definition', () => {
    const validation = validateBlueprint(yamlOf(convertingLead()), 'lead.blueprint.yaml');

    expect(validation.ok && validation.definition.conversion).toEqual({
      on: 'convert',
      creates: [
        { as: 'account', kind: 'account', match: { field: 'name', by: 'company_name' }, fields: { name: 'company' } },
        { as: 'contact', kind: 'contact', match: { field: 'email', by: 'email' }, fields: { name: 'name', email: 'email', account: '$account' } },
        { as: 'deal', kind: 'deal', fields: { name: 'company', amount: 'budget', source: 'source', account: '$account', lead: '$record' } },
      ],
      link: { deal: '$deal' },
    });
  });

  it('given a blueprint without a conversion, when parsed, then the definition has no conversion key (its content hash is unchanged)', () => {
    const { conversion: _conversion, ...plain } = convertingLead();
    const validation = validateBlueprint(yamlOf({ ...plain, fields: { ...(plain['fields'] as object) } }), 'lead.blueprint.yaml');

    expect(validation.ok && 'conversion' in validation.definition).toBe(false);
  });

  it('given an unknown transition, an unknown source field, a later step named, a match on an unmapped field and a link to a plain field, then each is named at its path', () => {
    const broken = convertingLead({
      on: 'convrt',
      creates: [
        { as: 'account', kind: 'account', match: { field: 'domain', by: 'company_name' }, fields: { name: 'compnay', owner: '$contact' } },
        { as: 'contact', kind: 'contact', match: { field: 'email', by: 'fuzzy' }, fields: { email: 'email' } },
      ],
      link: { company: '$contact', deal: 'deal' },
    });

    expect(problemsOf(broken)).toEqual(
      expect.arrayContaining([
        'conversion.creates[1].match.by: must be one of email, phone, company_name, exact',
        'conversion.on: no transition "convrt" (did you mean "convert"?)',
        'conversion.creates[0].fields.name: unknown field "compnay" (did you mean "company"?)',
        'conversion.creates[0].fields.owner: "$contact" names no earlier step; earlier: $record',
        'conversion.creates[0].match.field: "domain" is not one of this step\'s fields; a match compares a value the step maps',
        'conversion.link.company: "company" is a string field; a link is a reference field',
        'conversion.link.deal: must name a step\'s record as $<as>; steps: $account, $contact',
      ]),
    );
  });

  it('given the converting transition behind an approval chain or fired by a timer, then it is refused: a person converts, once approved', () => {
    const document = convertingLead();
    const transitions = document['transitions'] as Record<string, unknown>[];
    transitions[1] = { ...transitions[1], approval: { steps: [{ role: 'manager' }] } };
    const stages = document['stages'] as Record<string, Record<string, unknown>>;
    stages['qualified'] = { ...stages['qualified'], timers: [{ id: 'auto', after: 'P1D', then: { fire: 'convert' } }] };

    expect(problemsOf(document)).toEqual(
      expect.arrayContaining([
        'transitions[1].approval: "convert" converts (conversion.on): a conversion cannot wait for an approval chain; approve the transition before it instead',
        'stages.qualified.timers[0].then.fire: "convert" converts (conversion.on): a timer cannot convert a record; a person does',
      ]),
    );
  });

  it('given no records to open, then it is refused', () => {
    expect(problemsOf(withSteps((conversion) => ({ ...conversion, creates: [] })))).toContain('conversion.creates: must list at least one record to open');
  });
});

describe('blueprint conversion: against the blueprints of what it opens', () => {
  let directory: string;
  const write = (documents: Record<string, unknown>[]): void => {
    for (const document of documents) writeFileSync(join(directory, `${String(document['id'])}.blueprint.yaml`), yamlOf(document));
  };
  const loadProblems = (): string[] => {
    try {
      loadBlueprintDirectory(directory);
      return [];
    } catch (error) {
      if (!(error instanceof BlueprintException)) throw error;
      return error.details.problems.map((problem) => `${problem.file.split('/').pop() ?? ''}: ${problem.path}: ${problem.message}`);
    }
  };

  beforeEach(() => (directory = mkdtempSync(join(tmpdir(), 'crm-conversion-blueprints-'))));
  afterEach(() => rmSync(directory, { recursive: true, force: true }));

  it('given the lead and the blueprints of every kind it opens, when the directory is loaded, then it is valid', () => {
    write([convertingLead(), ...Object.values(TARGETS)]);

    expect(loadProblems()).toEqual([]);
  });

  it('given a kind nobody governs, a missing target field, ids in the wrong references and values that do not fit, when loaded, then each is named', () => {
    const deal = TARGETS['deal'] as Record<string, unknown>;
    write([
      convertingLead({
        on: 'convert',
        creates: [
          { as: 'account', kind: 'account', fields: { name: 'company' } },
          { as: 'partner', kind: 'partner', fields: { name: 'company' } },
          { as: 'deal', kind: 'deal', fields: { name: 'company', amount: 'email', lead: '$account', account: 'budget', notes: 'name' } },
        ],
        link: { deal: '$account' },
      }),
      TARGETS['account'] as Record<string, unknown>,
      { ...deal, fields: { ...(deal['fields'] as object), source: { type: 'enum', values: ['web'] } } },
    ]);

    expect(loadProblems()).toEqual(
      expect.arrayContaining([
        'lead.blueprint.yaml: conversion.creates[1].kind: no blueprint governs record kind "partner"; kinds: account, deal, lead',
        'lead.blueprint.yaml: conversion.creates[2].fields.amount: an email field ("email") cannot fill a money field',
        'lead.blueprint.yaml: conversion.creates[2].fields.lead: $account is the id of an account; "lead" must be a reference to account',
        'lead.blueprint.yaml: conversion.creates[2].fields.account: a money field ("budget") cannot fill a reference field',
        'lead.blueprint.yaml: conversion.creates[2].fields.notes: the deal blueprint has no field "notes"',
        'lead.blueprint.yaml: conversion.link.deal: "deal" refers to deal, but $account is an account',
      ]),
    );
  });

  it('given the blueprint of a kind it opens is broken, when loaded, then only that file\'s problem is named, not the conversion into it', () => {
    const deal = TARGETS['deal'] as Record<string, unknown>;
    write([convertingLead(), TARGETS['account'] as Record<string, unknown>, TARGETS['contact'] as Record<string, unknown>, { ...deal, initialStage: 'nowhere' }]);

    const problems = loadProblems();

    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^deal\.blueprint\.yaml: initialStage: /);
  });

  it('given an enum copied into an enum that lacks some of its values, when loaded, then the missing values are named', () => {
    const deal = TARGETS['deal'] as Record<string, unknown>;
    write([convertingLead(), TARGETS['account'] as Record<string, unknown>, TARGETS['contact'] as Record<string, unknown>, { ...deal, fields: { ...(deal['fields'] as object), source: { type: 'enum', values: ['web'] } } }]);

    expect(loadProblems()).toEqual(['lead.blueprint.yaml: conversion.creates[2].fields.source: "source" may hold event, which "source" does not allow']);
  });
});
