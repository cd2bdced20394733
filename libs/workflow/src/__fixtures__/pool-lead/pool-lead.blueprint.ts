import { compileBlueprint, parseBlueprint, type CompiledBlueprint } from '@crm/blueprint';

/**
 * A lead as the pool sees it, kept here so the pool's specifications do not move with the shipped lead
 * blueprint: an owner's reminder and return-to-pool clock in `new`, a stage to move to, a final stage.
 */
export const poolLeadBlueprint = (): CompiledBlueprint =>
  compileBlueprint(
    parseBlueprint(
      `
id: lead
version: 1
kind: lead
title: Lead
initialStage: new
fields:
  name:   { type: string }
  source: { type: enum, values: [web, referral, partner] }
  notes:  { type: text }
stages:
  new:
    title: New
    order: 1
    probability: 0
    forecastCategory: omitted
    timers:
      - { id: remind_uncontacted, after: PT1H, then: remind }
      - { id: return_to_pool, after: P2D, then: release, message: Not contacted within two days }
  contacted:    { title: Contacted, order: 2, probability: 0, forecastCategory: omitted }
  disqualified: { title: Disqualified, order: 3, probability: 0, forecastCategory: omitted, outcome: lost }
transitions:
  - { event: contact, from: new, to: contacted }
  - { event: disqualify, from: any-open, to: disqualified }
`,
      'pool-lead.blueprint.yaml',
    ),
  );
