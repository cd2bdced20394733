import { daysBetween } from '../shared/business-time';
import { lastState, stateAt, visitsOf, type DealHistory } from './deal-history';
import { agingBucketOf, closedIn, outcomeOf, periodDateOf, slippage, type DealOutcome, type Window } from './sales-metrics';

/** The metrics a figure can be explained for (README, "Sales analytics": explain a figure). */
export const EXPLAINABLE_METRICS = [
  'winRate',
  'salesCycle',
  'timeInStage',
  'averageDealSize',
  'velocity',
  'coverage',
  'aging',
  'slippage',
  'forecastAccuracy',
  'reconciliation',
  'pipeline',
  'forecast',
  'funnel',
] as const;
export type ExplainableMetric = (typeof EXPLAINABLE_METRICS)[number];

/** Which part of a metric: a stage, an aging bucket, a forecast category, a reconciliation column. */
export interface FigurePart {
  readonly stage?: string;
  readonly bucket?: string;
  readonly category?: string;
  /** Reconciliation: `atStart`, `entered`, `left` or `atEnd`; funnel: `entered`, `advanced`, `lost` or `won`. */
  readonly column?: string;
  readonly cycleFrom?: string | null;
  readonly stageOutcome?: DealOutcome | null;
}

/** A deal behind a figure and what it counts as there (`won`, `lost`, `open`, `slipped`, `entered`…). */
export interface FigureMember {
  readonly recordId: string;
  readonly role: string;
}

const member = (history: DealHistory, role: string): FigureMember => ({ recordId: history.recordId, role });
const inWindow = (at: string, window: Window): boolean => at >= window.from && at < window.to;
const dateInWindow = (date: string, window: Window): boolean => inWindow(`${date}T00:00:00.000Z`, window);
const justBefore = (instant: string): string => new Date(Date.parse(instant) - 1).toISOString();

const wonMembers = (histories: readonly DealHistory[], window: Window): FigureMember[] =>
  closedIn(histories, window)
    .filter((history) => lastState(history).outcome === 'won')
    .map((history) => member(history, 'won'));

const reconciliationMembers = (histories: readonly DealHistory[], window: Window, stage: string | undefined, column: string | undefined): FigureMember[] => {
  const members: FigureMember[] = [];
  const inStageAt = (history: DealHistory, at: string): boolean =>
    visitsOf(history).some((visit) => visit.stage === stage && visit.enteredAt <= at && (visit.exitedAt === null || visit.exitedAt > at));
  for (const history of histories) {
    const visits = visitsOf(history).filter((visit) => visit.stage === stage);
    if (visits.length === 0) continue;
    if ((column === undefined || column === 'atStart') && inStageAt(history, justBefore(window.from))) members.push(member(history, 'atStart'));
    if (column === undefined || column === 'entered') for (const visit of visits) if (inWindow(visit.enteredAt, window)) members.push(member(history, 'entered'));
    if (column === undefined || column === 'left') {
      for (const visit of visits) if (visit.exitedAt !== null && inWindow(visit.exitedAt, window)) members.push(member(history, 'left'));
    }
    if ((column === undefined || column === 'atEnd') && inStageAt(history, justBefore(window.to))) members.push(member(history, 'atEnd'));
  }
  return members;
};

/**
 * The funnel's records behind a stage's figure, by the funnel's rules (README, read models): the deals
 * opened in the window (its cohort) that entered the stage, left it for a later stage that is not a loss
 * (advanced), left it into a lost stage (lost), or entered it and reached a won stage (won).
 */
const funnelMembers = (histories: readonly DealHistory[], window: Window, stage: string | undefined, column: string | undefined): FigureMember[] =>
  histories.flatMap((history) => {
    if (!inWindow(history.openedAt, window)) return [];
    const visits = visitsOf(history);
    const inStage = visits.filter((visit) => stage === undefined || visit.stage === stage);
    if (inStage.length === 0) return [];
    const nextOf = (visit: (typeof visits)[number]) => visits[visits.indexOf(visit) + 1];
    const roles = {
      entered: true,
      advanced: inStage.some((visit) => {
        const next = nextOf(visit);
        return next !== undefined && next.stageOrder > visit.stageOrder && next.outcome !== 'lost';
      }),
      lost: inStage.some((visit) => nextOf(visit)?.outcome === 'lost'),
      won: visits.some((visit) => visit.outcome === 'won'),
    };
    return Object.entries(roles)
      .filter(([role, holds]) => holds && (column === undefined || column === role))
      .map(([role]) => member(history, role));
  });

/**
 * The deals behind one figure, computed by the same rules as the figure (so their count is the figure's
 * count): `histories` cut at the moment asked, `window` the period, `asOf` that moment.
 */
export const figureMembers = (
  metric: ExplainableMetric,
  histories: readonly DealHistory[],
  window: Window,
  asOf: string,
  part: FigurePart = {},
): FigureMember[] => {
  switch (metric) {
    case 'winRate':
      return closedIn(histories, window)
        .filter((history) => ['won', 'lost'].includes(lastState(history).outcome))
        .map((history) => member(history, lastState(history).outcome));
    case 'salesCycle': {
      const from = part.cycleFrom ?? null;
      return wonMembers(histories, window).map((entry) => {
        const history = histories.find((candidate) => candidate.recordId === entry.recordId) as DealHistory;
        return from === null || visitsOf(history).some((visit) => visit.stage === from) ? entry : { ...entry, role: `won, never in ${from}` };
      });
    }
    case 'averageDealSize':
      return wonMembers(histories, window);
    case 'timeInStage':
      return histories.flatMap((history) => {
        const outcome = part.stageOutcome ?? null;
        if (outcome !== null && outcomeOf(history) !== outcome) return [];
        return visitsOf(history)
          .filter((visit) => visit.exitedAt !== null && inWindow(visit.exitedAt, window) && (part.stage === undefined || visit.stage === part.stage))
          .map((visit) => member(history, `${visit.stage}: ${daysBetween(visit.enteredAt, visit.exitedAt as string).toFixed(2)} days`));
      });
    case 'velocity':
      return [
        ...histories.filter((history) => !lastState(history).final).map((history) => member(history, 'open')),
        ...figureMembers('winRate', histories, window, asOf),
      ];
    case 'coverage':
      return histories.flatMap((history) => {
        const state = lastState(history);
        const date = periodDateOf(state);
        if (date === null || !dateInWindow(date, window)) return [];
        if (!state.final) return [member(history, 'open')];
        return state.outcome === 'won' ? [member(history, 'won')] : [];
      });
    case 'aging':
      return histories.flatMap((history) => {
        const state = lastState(history);
        if (state.final || (part.stage !== undefined && state.stage !== part.stage)) return [];
        const bucket = agingBucketOf(daysBetween(state.stageEnteredAt, asOf));
        return part.bucket === undefined || part.bucket === bucket ? [member(history, `${state.stage} ${bucket} days`)] : [];
      });
    case 'slippage':
      return slippage(histories, window).slips.map((slip) => ({ recordId: slip.recordId, role: `slipped ${slip.fromDate} → ${slip.toDate}` }));
    case 'forecastAccuracy':
      return histories.flatMap((history) => {
        const atStart = stateAt(history, window.from);
        if (atStart === null || atStart.final || atStart.closeDate === null || !dateInWindow(atStart.closeDate, window)) return [];
        if (part.category !== undefined && atStart.forecastCategory !== part.category) return [];
        const now = lastState(history);
        const date = periodDateOf(now);
        const won = now.final && now.outcome === 'won' && date !== null && dateInWindow(date, window);
        return [member(history, `${atStart.forecastCategory}: ${won ? 'won' : 'not won'}`)];
      });
    case 'reconciliation':
      return reconciliationMembers(histories, window, part.stage, part.column);
    case 'pipeline':
      return histories.flatMap((history) => {
        const state = lastState(history);
        return !state.final && (part.stage === undefined || state.stage === part.stage) ? [member(history, state.stage)] : [];
      });
    case 'forecast':
      return histories.flatMap((history) => {
        const state = lastState(history);
        const date = periodDateOf(state);
        if (date === null || !dateInWindow(date, window)) return [];
        const category = state.final ? (state.outcome === 'won' ? 'closed_won' : state.outcome === 'lost' ? 'closed_lost' : null) : state.forecastCategory;
        if (category === null || (part.category !== undefined && part.category !== category)) return [];
        return [member(history, category)];
      });
    case 'funnel':
      return funnelMembers(histories, window, part.stage, part.column);
  }
};
