import { parseBlueprint, type BlueprintDefinition } from '@crm/blueprint';

/** A lead with the fields assignment rules match on in these tests; the shipped blueprint may differ. */
export const assignmentLeadBlueprint = (): BlueprintDefinition =>
  parseBlueprint(
    `
id: lead
version: 1
kind: lead
title: Lead
initialStage: new
fields:
  name:    { type: string }
  company: { type: string }
  email:   { type: email }
  source:  { type: enum, values: [web, referral, event, partner] }
  budget:  { type: money }
stages:
  new:          { title: New, order: 1, probability: 0, forecastCategory: omitted }
  contacted:    { title: Contacted, order: 2, probability: 0, forecastCategory: omitted }
  disqualified: { title: Disqualified, order: 3, probability: 0, forecastCategory: omitted, outcome: lost }
transitions:
  - { event: contact, from: new, to: contacted }
  - { event: disqualify, from: any-open, to: disqualified }
`,
    'lead.blueprint.yaml',
  );
