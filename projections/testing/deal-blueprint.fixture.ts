import { parseBlueprint, type BlueprintDefinition } from '@crm/blueprint';

/**
 * The opportunity lifecycle the projection tests generate history on: five stages with a loop back
 * (revise), a loss from any open stage with a reason, and money/date fields. Version 2 changes two
 * probabilities, so tests can tell whether a record is judged by the version it pinned.
 */
const source = (version: number, proposal: number, negotiation: number): string => `
id: opportunity
version: ${version}
kind: opportunity
title: Opportunity (projection tests)
currency: USD
initialStage: qualification
fields:
  name:       { type: string }
  amount:     { type: money }
  closeDate:  { type: date }
  source:     { type: enum, values: [web, referral, event, partner] }
  region:     { type: string }
  lossReason: { type: enum, values: [price, competitor, no_decision, timing] }
stages:
  qualification: { title: Qualification, order: 1, probability: 10, forecastCategory: pipeline }
  proposal:      { title: Proposal, order: 2, probability: ${proposal}, forecastCategory: best_case }
  negotiation:   { title: Negotiation, order: 3, probability: ${negotiation}, forecastCategory: commit }
  won:           { title: Won, order: 4, probability: 100, forecastCategory: closed, outcome: won }
  lost:          { title: Lost, order: 5, probability: 0, forecastCategory: omitted, outcome: lost }
transitions:
  - { event: propose, title: Propose, from: qualification, to: proposal }
  - { event: negotiate, title: Negotiate, from: proposal, to: negotiation, requires: [amount] }
  - { event: revise, title: Revise the proposal, from: negotiation, to: proposal }
  - { event: win, title: Win, from: negotiation, to: won, requires: [amount, closeDate] }
  - { event: lose, title: Lose, from: any-open, to: lost, supply: [lossReason] }
`;

export const dealBlueprint = (version: 1 | 2 = 1): BlueprintDefinition =>
  version === 1 ? parseBlueprint(source(1, 40, 75), 'deal-v1.blueprint.yaml') : parseBlueprint(source(2, 50, 80), 'deal-v2.blueprint.yaml');
