/** Where a new draft starts: the smallest blueprint the engine accepts, to be edited into the real one. */
export const DRAFT_TEMPLATE = `id: partnership
version: 1
kind: partnership
title: Partnership
currency: USD
initialStage: proposed
fields:
  name: { type: string, label: Partner name }
  budget: { type: money }
stages:
  proposed: { title: Proposed, order: 1, probability: 10, forecastCategory: pipeline }
  signed: { title: Signed, order: 2, probability: 100, forecastCategory: closed, outcome: won }
transitions:
  - event: sign
    title: Sign the partnership
    from: proposed
    to: signed
    requires: [budget]
`;
