import { parseBlueprint, type BlueprintDefinition, type FieldValue, type MatchRule } from '@crm/blueprint';

/**
 * A lead that converts into a deal with its account and contact (the shape of the shipped lead's
 * conversion, small enough to read in a test). `dealMinimum` is the smallest amount a deal may open with.
 */
export const leadBlueprint = (version = 1): BlueprintDefinition =>
  parseBlueprint(
    `
id: lead
version: ${version}
kind: lead
initialStage: new
fields:
  name:    { type: string }
  company: { type: string }
  email:   { type: email }
  budget:  { type: money }
  deal:    { type: reference, to: deal }
stages:
  new:       { order: 1, probability: 0, forecastCategory: omitted }
  qualified: { order: 2, probability: 0, forecastCategory: omitted }
  converted: { order: 3, probability: 0, forecastCategory: omitted, outcome: won }
transitions:
  - { event: qualify, from: new, to: qualified }
  - { event: convert, title: Convert to a customer, from: qualified, to: converted, requires: [company] }
conversion:
  on: convert
  creates:
    - as: account
      kind: account
      match: { field: name, by: company_name }
      fields: { name: company }
    - as: contact
      kind: contact
      match: { field: email, by: email }
      fields: { name: name, email: email, account: $account }
    - as: deal
      kind: deal
      fields: { name: company, amount: budget, account: $account, contact: $contact, lead: $record }
  link: { deal: $deal }
`,
    'lead.blueprint.yaml',
  );

export const accountBlueprint = (): BlueprintDefinition =>
  parseBlueprint(
    `
id: account
version: 1
kind: account
initialStage: active
fields: { name: { type: string } }
stages: { active: { order: 1, probability: 0, forecastCategory: omitted } }
`,
    'account.blueprint.yaml',
  );

export const contactBlueprint = (): BlueprintDefinition =>
  parseBlueprint(
    `
id: contact
version: 1
kind: contact
initialStage: active
fields:
  name:    { type: string }
  email:   { type: email }
  account: { type: reference, to: account }
stages: { active: { order: 1, probability: 0, forecastCategory: omitted } }
`,
    'contact.blueprint.yaml',
  );

export const dealBlueprint = (version = 1, dealMinimum = 1): BlueprintDefinition =>
  parseBlueprint(
    `
id: deal
version: ${version}
kind: deal
initialStage: qualification
fields:
  name:    { type: string }
  amount:  { type: number, min: ${dealMinimum} }
  account: { type: reference, to: account }
  contact: { type: reference, to: contact }
  lead:    { type: reference, to: lead }
stages:
  qualification: { order: 1, probability: 10, forecastCategory: pipeline }
  won:           { order: 2, probability: 100, forecastCategory: closed, outcome: won }
transitions:
  - { event: win, from: qualification, to: won }
`,
    'deal.blueprint.yaml',
  );

export const convertingBlueprints = (): BlueprintDefinition[] => [leadBlueprint(), accountBlueprint(), contactBlueprint(), dealBlueprint()];

/**
 * Case and spacing only, and "Ltd"/"Limited" alike: enough to tell the saga's matching apart in these
 * tests. The engine's own rules (`@crm/leads`) are tested with it end to end.
 */
export const testMatchKey = (rule: MatchRule, value: FieldValue): string | null => {
  if (typeof value !== 'string' || value.trim() === '') return null;
  const folded = value.trim().toLowerCase().replace(/\s+/g, ' ');
  return rule === 'company_name' ? folded.replace(/[.,]/g, '').replace(/ (ltd|limited)$/, '') : folded;
};
