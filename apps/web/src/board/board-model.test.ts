import { describe, expect, it } from 'vitest';
import type { BlueprintDefinition, PipelineReport, RecordListItem } from '../api/api-types';
import { boardColumns, boardDealsOf, NO_FILTERS, quarterOf, transitionBetween } from './board-model';

const definition = {
  id: 'opportunity',
  version: 2,
  kind: 'opportunity',
  title: 'Opportunity',
  currency: 'USD',
  initialStage: 'qualification',
  fields: [],
  stages: [
    { id: 'qualification', title: 'Qualification', order: 1, probability: 10, forecastCategory: 'pipeline', outcome: 'none', final: false, entryTasks: [] },
    { id: 'proposal', title: 'Proposal', order: 2, probability: 50, forecastCategory: 'best_case', outcome: 'none', final: false, entryTasks: [] },
    { id: 'closed_lost', title: 'Closed lost', order: 3, probability: 0, forecastCategory: 'omitted', outcome: 'lost', final: true, entryTasks: [] },
  ],
  transitions: [
    { event: 'propose', title: 'Send proposal', from: ['qualification'], to: 'proposal', criteria: { requires: [], expressions: [], ownerOnly: false }, supply: [] },
    { event: 'close_lost', title: 'Close as lost', from: ['qualification', 'proposal'], to: 'closed_lost', criteria: { requires: [], expressions: [], ownerOnly: false }, supply: ['lossReason'] },
  ],
} as unknown as BlueprintDefinition;

const item = (recordId: string, stage: string, owner: string, fields: RecordListItem['fields'] = {}): RecordListItem => ({
  kind: 'opportunity',
  recordId,
  stage,
  owner,
  name: recordId,
  fields,
  openedAt: '2026-03-01T00:00:00.000Z',
  updatedAt: '2026-03-01T00:00:00.000Z',
  conforming: true,
});

const pipeline = {
  kind: 'opportunity',
  asOf: '2026-03-10T00:00:00.000Z',
  rows: [
    { stage: 'qualification', stageOrder: 1, owner: 'rita', team: 'east', count: 2, amount: 300, weightedAmount: 30, averageAgeDays: 1, oldestAgeDays: 2 },
    { stage: 'qualification', stageOrder: 1, owner: 'raj', team: 'west', count: 1, amount: 1000, weightedAmount: 100, averageAgeDays: 1, oldestAgeDays: 1 },
  ],
  byStage: [{ stage: 'qualification', stageOrder: 1, team: null, count: 3, amount: 1300, weightedAmount: 130 }],
  byStageAndTeam: [
    { stage: 'qualification', stageOrder: 1, team: 'east', count: 2, amount: 300, weightedAmount: 30 },
    { stage: 'qualification', stageOrder: 1, team: 'west', count: 1, amount: 1000, weightedAmount: 100 },
  ],
  stalledAfterDays: 0,
  stalled: [{ recordId: 'a', stage: 'qualification', owner: 'rita', team: 'east', stageEnteredAt: '2026-03-01T00:00:00.000Z', ageDays: 9.5, amount: 100, stalledSince: '2026-03-05T00:00:00.000Z' }],
  conformance: 'all',
  nonConforming: 0,
} as unknown as PipelineReport;

describe('board model', () => {
  it('given a drag between two stages, then the blueprint transition from the one to the other is fired, and none where the blueprint has none', () => {
    expect(transitionBetween(definition, 'qualification', 'proposal')).toBe('propose');
    expect(transitionBetween(definition, 'proposal', 'closed_lost')).toBe('close_lost');
    expect(transitionBetween(definition, 'proposal', 'qualification')).toBeNull();
  });

  it('given the pipeline report, then a card has its days in stage and the stall its blueprint found', () => {
    const [deal, other] = boardDealsOf([item('a', 'qualification', 'rita', { amount: 100, closeDate: '2026-05-02' }), item('b', 'qualification', 'rita')], pipeline);
    expect(deal).toMatchObject({ daysInStage: 9, stalled: true, amount: 100, closeDate: '2026-05-02' });
    expect(other).toMatchObject({ daysInStage: null, stalled: false, amount: null });
  });

  it('given an owner or a team filter, then the column totals are the read model’s for them and the cards theirs; open stages only', () => {
    const deals = boardDealsOf([item('a', 'qualification', 'rita'), item('b', 'qualification', 'raj')], pipeline);
    const everyone = boardColumns(definition, deals, pipeline, NO_FILTERS);
    const west = boardColumns(definition, deals, pipeline, { ...NO_FILTERS, team: 'west' });
    const rita = boardColumns(definition, deals, pipeline, { ...NO_FILTERS, owner: 'rita' });
    expect(everyone.map((column) => column.stage.id)).toEqual(['qualification', 'proposal']);
    expect(everyone[0].totals).toEqual({ count: 3, amount: 1300, weightedAmount: 130 });
    expect(west[0].totals).toEqual({ count: 1, amount: 1000, weightedAmount: 100 });
    expect(west[0].deals.map((deal) => deal.recordId)).toEqual(['b']);
    expect(rita[0].totals).toEqual({ count: 2, amount: 300, weightedAmount: 30 });
    expect(rita[0].deals.map((deal) => deal.recordId)).toEqual(['a']);
  });

  it('given a close-quarter filter, then only deals closing in that quarter are shown', () => {
    const deals = boardDealsOf([item('a', 'qualification', 'rita', { closeDate: '2026-05-02' }), item('b', 'qualification', 'rita', { closeDate: '2026-07-01' })], pipeline);
    expect(quarterOf('2026-07-01')).toBe('2026-Q3');
    expect(boardColumns(definition, deals, pipeline, { ...NO_FILTERS, closePeriod: '2026-Q2' })[0].deals.map((deal) => deal.recordId)).toEqual(['a']);
  });
});
