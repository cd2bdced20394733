import { parseBlueprint } from '@crm/blueprint';

/** A record kind the engine has never heard of: support tickets. */
export const supportTicketBlueprint = () =>
  parseBlueprint(
    `
id: support_ticket
version: 1
title: Support ticket
initialStage: open
fields:
  subject: { type: string }
stages:
  open:   { title: Open, order: 1, probability: 0, forecastCategory: omitted }
  solved: { title: Solved, order: 2, probability: 0, forecastCategory: omitted, final: true }
transitions:
  - { event: solve, from: open, to: solved }
`,
    'support-ticket.blueprint.yaml',
  );
