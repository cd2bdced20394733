import { parseBlueprint, type BlueprintDefinition } from '@crm/blueprint';

/** Leads as the pool's read-model tests need them: a stage to work in and two final stages. */
export const leadBlueprint = (): BlueprintDefinition =>
  parseBlueprint(
    `
id: lead
version: 1
kind: lead
title: Lead (projection tests)
initialStage: new
fields:
  name:   { type: string }
  source: { type: enum, values: [web, referral, partner] }
stages:
  new:          { title: New, order: 1, probability: 0, forecastCategory: omitted }
  contacted:    { title: Contacted, order: 2, probability: 0, forecastCategory: omitted }
  converted:    { title: Converted, order: 3, probability: 0, forecastCategory: omitted, outcome: won }
  disqualified: { title: Disqualified, order: 4, probability: 0, forecastCategory: omitted, outcome: lost }
transitions:
  - { event: contact, from: new, to: contacted }
  - { event: convert, from: contacted, to: converted }
  - { event: disqualify, from: any-open, to: disqualified }
`,
    'lead.blueprint.yaml',
  );
