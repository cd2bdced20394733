import fc from 'fast-check';
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
  type DealOutcome,
} from './sales-metrics';
import { eventsOfScript, historiesOfScripts, SCRIPT_STAGES, type DealScript, type ScriptStage } from './testing/deal-scripts';
import {
  referenceAccuracy,
  referenceAging,
  referenceAverageDealSize,
  referenceCoverage,
  referenceDeal,
  referenceReconciliation,
  referenceSalesCycle,
  referenceSlippage,
  referenceTimeInStage,
  referenceVelocity,
  referenceWinRate,
  type ReferenceDeal,
} from './testing/reference-metrics';

const hourMs = 3_600_000;
const base = Date.parse('2017-01-01T00:00:00.000Z');
const at = (hours: number): string => new Date(base + hours * hourMs).toISOString();
const stageIds = SCRIPT_STAGES.map((stage) => stage.id);

interface StepShape {
  readonly gapHours: number;
  readonly to: ScriptStage | null;
  readonly amountCents: number | null;
  readonly closeInDays: number | null;
  readonly owner: string | null;
}

const stepShape: fc.Arbitrary<StepShape> = fc.record({
  gapHours: fc.integer({ min: 1, max: 24 * 60 }),
  to: fc.option(fc.constantFrom(...stageIds), { nil: null }),
  amountCents: fc.option(fc.integer({ min: 0, max: 5_000_000 }), { nil: null }),
  closeInDays: fc.option(fc.integer({ min: -20, max: 200 }), { nil: null }),
  owner: fc.option(fc.constantFrom('rita', 'max', 'ana'), { nil: null }),
});

const scriptShape = fc.record({
  openAtHours: fc.integer({ min: 0, max: 24 * 500 }),
  owner: fc.option(fc.constantFrom('rita', 'max', 'ana'), { nil: null }),
  amountCents: fc.option(fc.integer({ min: 0, max: 5_000_000 }), { nil: null }),
  closeInDays: fc.option(fc.integer({ min: 0, max: 200 }), { nil: null }),
  steps: fc.array(stepShape, { maxLength: 8 }),
  imported: fc.boolean(),
});

const dayOf = (hours: number, plusDays: number): string => at(hours + plusDays * 24).slice(0, 10);

/** A generated history: each deal's steps at strictly later business times, any stage move (back, out of a final stage, to itself). */
const scripts: fc.Arbitrary<DealScript[]> = fc.array(scriptShape, { minLength: 1, maxLength: 25 }).map((shapes) =>
  shapes.map((shape, index): DealScript => {
    let hours = shape.openAtHours;
    const steps = shape.steps.map((step) => {
      hours += step.gapHours;
      return {
        at: at(hours),
        ...(step.to === null ? {} : { to: step.to }),
        ...(step.amountCents === null ? {} : { amount: step.amountCents / 100 }),
        ...(step.closeInDays === null ? {} : { closeDate: dayOf(hours, step.closeInDays) }),
        ...(step.owner === null ? {} : { owner: step.owner }),
      };
    });
    return {
      id: `deal-${String(index).padStart(2, '0')}`,
      openedAt: at(shape.openAtHours),
      owner: shape.owner,
      ...(shape.amountCents === null ? {} : { amount: shape.amountCents / 100 }),
      ...(shape.closeInDays === null ? {} : { closeDate: dayOf(shape.openAtHours, shape.closeInDays) }),
      steps,
      imported: shape.imported,
    };
  }),
);

const quarters = ['2017-01-01', '2017-04-01', '2017-07-01', '2017-10-01', '2018-01-01', '2018-04-01', '2018-07-01', '2018-10-01'];

const question = fc.record({
  asOfHours: fc.integer({ min: 0, max: 24 * 760 }),
  quarter: fc.integer({ min: 0, max: quarters.length - 2 }),
  quotaCents: fc.option(fc.integer({ min: 0, max: 20_000_000 }), { nil: null }),
  fromStage: fc.option(fc.constantFrom('qualification', 'proposal', 'negotiation'), { nil: null }),
  outcome: fc.option(fc.constantFrom<DealOutcome>('won', 'lost', 'open'), { nil: null }),
});

const cut = (histories: readonly DealHistory[], moment: string): DealHistory[] =>
  histories.map((history) => historyAsOf(history, moment)).filter((history): history is DealHistory => history !== null);

const referenceDeals = (generated: readonly DealScript[], moment: string): ReferenceDeal[] =>
  generated.map((script) => referenceDeal(eventsOfScript(script), SCRIPT_STAGES, moment)).filter((deal): deal is ReferenceDeal => deal !== null);

/** Means and ratios are summed in another order by the reference: equal up to rounding. */
const close = (actual: unknown, expected: unknown): void => {
  expect(JSON.parse(JSON.stringify(actual, (_key, value: unknown) => (typeof value === 'number' ? Number(value.toPrecision(10)) : value)))).toEqual(
    JSON.parse(JSON.stringify(expected, (_key, value: unknown) => (typeof value === 'number' ? Number(value.toPrecision(10)) : value))),
  );
};

describe('sales metrics against an independent fold of generated histories', () => {
  it('given any generated history and question, then every metric equals the plain fold of the raw events', () => {
    fc.assert(
      fc.property(scripts, question, (generated, ask) => {
        const asOf = at(ask.asOfHours);
        const period = { from: `${quarters[ask.quarter]}T00:00:00.000Z`, to: `${quarters[ask.quarter + 1]}T00:00:00.000Z` };
        const histories = cut(historiesOfScripts(generated), asOf);
        const deals = referenceDeals(generated, asOf);
        // Known at the moment asked: a period that starts later is seen as things stood then.
        const atStart = referenceDeals(generated, period.from < asOf ? period.from : asOf);

        close(winRate(histories, period), referenceWinRate(deals, period));
        close(salesCycle(histories, period, ask.fromStage), referenceSalesCycle(deals, period, ask.fromStage));
        close(timeInStage(histories, period, ask.outcome), referenceTimeInStage(deals, period, ask.outcome, SCRIPT_STAGES));
        close(averageDealSize(histories, period), referenceAverageDealSize(deals, period));
        close(pipelineVelocity(histories, period), referenceVelocity(deals, period));
        close(pipelineCoverage(histories, period, ask.quotaCents), referenceCoverage(deals, period, ask.quotaCents));
        close(stageAging(histories, asOf), referenceAging(deals, asOf));
        close(slippage(histories, period), referenceSlippage(deals, period));
        close(forecastAccuracyByCategory(histories, period), referenceAccuracy(atStart, new Map(deals.map((deal) => [deal.id, deal])), period));
        const reconciliation = reconcile(histories, period);
        close(reconciliation, referenceReconciliation(deals, period, SCRIPT_STAGES));
        expect(reconciliation.every((row) => row.difference === 0)).toBe(true);
      }),
      { numRuns: 150 },
    );
  });
});
