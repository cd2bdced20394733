import { historyAsOf, type DealHistory } from './deal-history';
import {
  averageDealSize,
  forecastAccuracyByCategory,
  pipelineCoverage,
  pipelineVelocity,
  reconcile,
  salesCycle,
  slippage,
  stageAging,
  timeInStage,
  winRate,
} from './sales-metrics';
import { historiesOfScripts, instant, type DealScript } from './testing/deal-scripts';

/**
 * Seven deals around 2017-Q1, every figure below worked out by hand from the dates (all at midnight UTC).
 * Stage probabilities: qualification 10 (pipeline), proposal 40 (best case), negotiation 70 (commit).
 */
const scripts: DealScript[] = [
  // Won in Q1: opened Dec 1, proposal Dec 11, negotiation Jan 10, won Feb 9 → 70 days from opening, 60 from proposal.
  { id: 'A', openedAt: '2016-12-01', owner: 'rita', amount: 1000, closeDate: '2017-02-15', steps: [{ at: '2016-12-11', to: 'proposal' }, { at: '2017-01-10', to: 'negotiation' }, { at: '2017-02-09', to: 'won', closeDate: '2017-02-09' }] },
  // Won in Q1: opened Jan 5, proposal Jan 15, won Mar 26 → 80 days from opening, 70 from proposal.
  { id: 'B', openedAt: '2017-01-05', owner: 'max', amount: 2000, closeDate: '2017-03-20', steps: [{ at: '2017-01-15', to: 'proposal' }, { at: '2017-03-26', to: 'won', closeDate: '2017-03-26' }] },
  // Lost in Q1 from proposal (Nov 21 → Jan 20: 60 days there).
  { id: 'C', openedAt: '2016-11-01', owner: 'rita', amount: 500, closeDate: '2017-01-31', steps: [{ at: '2016-11-21', to: 'proposal' }, { at: '2017-01-20', to: 'lost' }] },
  // Open in proposal since Feb 11; its close date moved from Mar 31 to May 15 on Mar 25 (a slip out of Q1).
  { id: 'D', openedAt: '2017-02-01', owner: 'max', amount: 3000, closeDate: '2017-03-31', steps: [{ at: '2017-02-11', to: 'proposal' }, { at: '2017-03-25', closeDate: '2017-05-15' }] },
  // Open in qualification since Mar 1, closing in Q2.
  { id: 'E', openedAt: '2017-03-01', owner: 'rita', amount: 4000, closeDate: '2017-06-30', steps: [] },
  // Won in 2016-Q4: outside the window, but in stage "won" when Q1 starts.
  { id: 'F', openedAt: '2016-10-01', owner: 'max', amount: 700, closeDate: '2016-12-20', steps: [{ at: '2016-10-10', to: 'proposal' }, { at: '2016-11-01', to: 'negotiation' }, { at: '2016-12-20', to: 'won' }] },
  // In commit (negotiation) when Q1 starts, dated Feb 28; lost Feb 20 after 67 days in negotiation.
  { id: 'G', openedAt: '2016-11-15', owner: 'rita', amount: 800, closeDate: '2017-02-28', steps: [{ at: '2016-11-20', to: 'proposal' }, { at: '2016-12-15', to: 'negotiation' }, { at: '2017-02-20', to: 'lost' }] },
];

const asOf = instant('2017-04-15');
const q1 = { from: instant('2017-01-01'), to: instant('2017-04-01') };
const q2 = { from: instant('2017-04-01'), to: instant('2017-07-01') };

const historiesAt = (moment: string): DealHistory[] =>
  historiesOfScripts(scripts)
    .map((history) => historyAsOf(history, moment))
    .filter((history): history is DealHistory => history !== null);

describe('sales metrics on a handcrafted history (2017-Q1, as of 2017-04-15)', () => {
  const histories = historiesAt(asOf);

  it('given two deals won and two lost in Q1 and two open, when the win rate is asked, then it is won / (won + lost) = 2 / 4, open deals left out', () => {
    expect(winRate(histories, q1)).toEqual({ won: 2, lost: 2, winRate: 0.5 });
  });

  it('given the same history as of 2017-02-10 (only A won, C lost so far), when the win rate is asked, then it is 1 / 2', () => {
    expect(winRate(historiesAt(instant('2017-02-10')), q1)).toEqual({ won: 1, lost: 1, winRate: 0.5 });
    expect(winRate(historiesAt(instant('2017-01-31')), q1)).toEqual({ won: 0, lost: 1, winRate: 0 });
  });

  it('given A won after 70 days and B after 80, when the sales cycle is asked, then mean 75, median 75, p90 80 (nearest rank)', () => {
    expect(salesCycle(histories, q1)).toEqual({ count: 2, mean: 75, median: 75, p90: 80, fromStage: null, withoutStage: 0 });
  });

  it('given A entered proposal 60 days before winning and B 70, when the cycle is measured from proposal, then mean 65', () => {
    expect(salesCycle(histories, q1, 'proposal')).toEqual({ count: 2, mean: 65, median: 65, p90: 70, fromStage: 'proposal', withoutStage: 0 });
    expect(salesCycle(histories, q1, 'negotiation')).toEqual({ count: 1, mean: 30, median: 30, p90: 30, fromStage: 'negotiation', withoutStage: 1 });
  });

  it('given visits that ended in Q1, when time in stage is asked by outcome, then won, lost and open deals are measured apart', () => {
    expect(timeInStage(histories, q1, 'won')).toEqual([
      { stage: 'qualification', stageOrder: 1, count: 1, mean: 10, median: 10, p90: 10 },
      { stage: 'proposal', stageOrder: 2, count: 2, mean: 50, median: 50, p90: 70 },
      { stage: 'negotiation', stageOrder: 3, count: 1, mean: 30, median: 30, p90: 30 },
    ]);
    expect(timeInStage(histories, q1, 'lost')).toEqual([
      { stage: 'proposal', stageOrder: 2, count: 1, mean: 60, median: 60, p90: 60 },
      { stage: 'negotiation', stageOrder: 3, count: 1, mean: 67, median: 67, p90: 67 },
    ]);
    expect(timeInStage(histories, q1, 'open')).toEqual([{ stage: 'qualification', stageOrder: 1, count: 1, mean: 10, median: 10, p90: 10 }]);
    expect(timeInStage(histories, q1).map((row) => [row.stage, row.count])).toEqual([
      ['qualification', 2],
      ['proposal', 3],
      ['negotiation', 2],
    ]);
  });

  it('given A (1,000) and B (2,000) won in Q1, when the average deal size is asked, then it is 1,500', () => {
    expect(averageDealSize(histories, q1)).toEqual({ won: 2, wonCents: 300_000, averageCents: 150_000 });
  });

  it('given 2 open deals, win rate 0.5, deal size 1,500 and a 75-day cycle, when velocity is asked, then 2 × 0.5 × 1,500 / 75 = 20 a day', () => {
    expect(pipelineVelocity(histories, q1)).toEqual({ openDeals: 2, winRate: 0.5, averageDealSizeCents: 150_000, cycleDays: 75, centsPerDay: 2_000 });
  });

  it('given D (3,000 at 40%) and E (4,000 at 10%) dated in Q2 and a 10,000 quota, when coverage is asked, then 1,600 / 10,000 = 0.16', () => {
    expect(pipelineCoverage(histories, q2, 1_000_000)).toEqual({
      openWeightedCents: 160_000,
      openDeals: 2,
      closedWonCents: 0,
      quotaCents: 1_000_000,
      remainingQuotaCents: 1_000_000,
      coverage: 0.16,
    });
  });

  it('given 3,000 won in Q1 against a 5,000 quota and nothing open dated in Q1, when coverage is asked, then 0 of the 2,000 left; none without a quota', () => {
    expect(pipelineCoverage(histories, q1, 500_000)).toMatchObject({ openWeightedCents: 0, closedWonCents: 300_000, remainingQuotaCents: 200_000, coverage: 0 });
    expect(pipelineCoverage(histories, q1, null)).toMatchObject({ remainingQuotaCents: null, coverage: null });
    expect(pipelineCoverage(histories, q1, 300_000)).toMatchObject({ remainingQuotaCents: 0, coverage: null });
  });

  it('given D in proposal 63 days and E in qualification 45 days, when stage aging is asked, then each falls in its bucket', () => {
    expect(stageAging(histories, asOf)).toEqual([
      { stage: 'qualification', stageOrder: 1, open: 1, buckets: { '0-6': 0, '7-29': 0, '30-59': 1, '60-89': 0, '90+': 0 } },
      { stage: 'proposal', stageOrder: 2, open: 1, buckets: { '0-6': 0, '7-29': 0, '30-59': 0, '60-89': 1, '90+': 0 } },
    ]);
  });

  it('given D moved its close date from Mar 31 to May 15 on Mar 25, when slippage of Q1 is asked, then D slipped (3,000); as of Mar 24 nothing had', () => {
    expect(slippage(histories, q1)).toEqual({
      deals: 1,
      amountCents: 300_000,
      slips: [{ recordId: 'D', at: instant('2017-03-25'), fromDate: '2017-03-31', toDate: '2017-05-15' }],
    });
    expect(slippage(historiesAt(instant('2017-03-24')), q1).deals).toBe(0);
  });

  it('given A and C in best case and G in commit when Q1 started, when forecast accuracy is asked, then best case 1,000 of 1,500, commit 0 of 800', () => {
    expect(forecastAccuracyByCategory(histories, q1)).toEqual([
      { category: 'best_case', forecastDeals: 2, forecastCents: 150_000, wonDeals: 1, wonCents: 100_000, accuracy: 100_000 / 150_000 },
      { category: 'commit', forecastDeals: 1, forecastCents: 80_000, wonDeals: 0, wonCents: 0, accuracy: 0 },
    ]);
  });

  it('given the stage moves of Q1, when reconciled, then per stage in stage at start + entered − left = in stage at end', () => {
    expect(reconcile(histories, q1)).toEqual([
      { stage: 'qualification', stageOrder: 1, atStart: 0, entered: 3, left: 2, atEnd: 1, difference: 0 },
      { stage: 'proposal', stageOrder: 2, atStart: 2, entered: 2, left: 3, atEnd: 1, difference: 0 },
      { stage: 'negotiation', stageOrder: 3, atStart: 1, entered: 1, left: 2, atEnd: 0, difference: 0 },
      { stage: 'won', stageOrder: 4, atStart: 1, entered: 2, left: 0, atEnd: 3, difference: 0 },
      { stage: 'lost', stageOrder: 5, atStart: 0, entered: 2, left: 0, atEnd: 2, difference: 0 },
    ]);
  });
});
