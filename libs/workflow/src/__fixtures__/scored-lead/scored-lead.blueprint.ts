import { compileBlueprint, parseBlueprint, type CompiledBlueprint } from '@crm/blueprint';

/**
 * A small lead blueprint that scores: attributes by field values and by CEL, behaviours with a cap and
 * a negative one, a weekly decay of 50%, and thresholds that fire `mark_mql` and `mark_sql`.
 */
export const scoredLeadBlueprint = (): CompiledBlueprint =>
  compileBlueprint(
    parseBlueprint(
      `
id: lead
version: 1
initialStage: new
fields:
  email:     { type: email }
  company:   { type: string }
  industry:  { type: enum, values: [software, retail, other] }
  employees: { type: number, min: 0 }
stages:
  new:       { order: 1, probability: 0, forecastCategory: omitted }
  mql:       { order: 2, probability: 0, forecastCategory: omitted }
  sql:       { order: 3, probability: 0, forecastCategory: omitted }
  converted: { order: 4, probability: 0, forecastCategory: omitted, outcome: won }
  lost:      { order: 5, probability: 0, forecastCategory: omitted, outcome: lost }
transitions:
  - { event: mark_mql, from: new, to: mql, requires: [email] }
  - { event: mark_sql, from: mql, to: sql, requires: [company] }
  - { event: convert, from: sql, to: converted }
  - { event: lose, from: any-open, to: lost }
scoring:
  attributes:
    - { id: target_industry, points: 15, field: industry, values: [software] }
    - { id: enterprise, points: 20, when: "employees >= 1000.0" }
  behaviours:
    - { activity: demo_requested, points: 30 }
    - { activity: email_opened, points: 4, max: 10 }
    - { activity: unsubscribed, points: -20 }
  decay: { percentPerWeek: 50 }
  thresholds:
    - { id: sql, at: 80, fire: mark_sql }
    - { id: mql, at: 40, fire: mark_mql }
`,
      'lead.blueprint.yaml',
    ),
  );
