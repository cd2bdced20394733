import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import type { Database } from 'better-sqlite3';
import { ManualClock } from '@crm/clock';
import { SqliteEventStore } from '@crm/event-store';
import { DEFAULT_BATCH_SIZE, READ_MODEL_FILE_NAME, ReadModelDatabase, replayProjections } from '@crm/projection-runtime';
import { funnelProjection, knownAt, parseAsOf, pipelineProjection, queryFunnel, queryPipeline, setTeams, type FunnelQuery } from '@crm/projections';
import type { CaseResult, CaseSettings } from '../case-result';
import { CpuProfiler } from '../measure/cpu-profiler';
import { Latencies, stopwatch } from '../measure/latencies';
import { peakRssMiB } from '../measure/peak-rss';
import { managerOf, ownerId, teamOf } from '../workload/opportunity-histories';
import { SeededRandom } from '../workload/seeded-random';
import { ensureSalesHistory } from '../workload/sales-history-store';
import { historyDetails, historyLabel, historyRequestOf } from './replay.case';
import { RECORD_EVENT_SCHEMAS } from '@crm/workflow';

const QUERIES = 50;
const DAY_MS = 86_400_000;

/**
 * Owners in the teams the history was written with (their managers reassigned, closed and approved their
 * deals), as the owners import sets them: reports group by team through this reference table.
 */
const assignTeams = (db: Database, owners: number, clock: ManualClock): void => {
  const assignments = Array.from({ length: owners }, (_, index) => {
    const owner = ownerId(index);
    return { owner, team: teamOf(owner), manager: managerOf(owner) };
  });
  setTeams(db, clock, assignments);
};

/** Days between go-live and the end of the history, at random (`YYYY-MM-DD`: the end of that day). */
const randomDates = (seed: number, from: string, to: string, count: number): string[] => {
  const random = new SeededRandom(seed);
  const first = Date.parse(from);
  const days = Math.floor((Date.parse(to) - first) / DAY_MS);
  return Array.from({ length: count }, () => new Date(first + random.int(0, days) * DAY_MS).toISOString().slice(0, 10));
};

/** A sales manager's funnel: the deals opened in the year before the date, by rep, as known then. */
const rollingYearFunnel = (asOf: string): FunnelQuery => ({
  asOf,
  by: 'owner',
  from: new Date(Date.parse(asOf) - 364 * DAY_MS).toISOString().slice(0, 10),
});

/** The API's default funnel: every deal opened up to the date, as known then. */
const wholeHistoryFunnel = (asOf: string): FunnelQuery => ({ asOf });

interface Question {
  readonly id: string;
  readonly title: string;
  /** How many of the random dates it is asked at (the whole-history funnel is slow on a long history). */
  readonly dates: number;
  readonly ask: (db: Database, clock: ManualClock, asOf: string) => unknown;
}

const QUESTIONS: readonly Question[] = [
  { id: 'as-of', title: 'queryPipeline', dates: QUERIES, ask: (db, clock, asOf) => queryPipeline(db, clock, { asOf }) },
  {
    id: 'as-of.funnel',
    title: 'queryFunnel by owner, deals opened in the year before',
    dates: QUERIES,
    ask: (db, _clock, asOf) => queryFunnel(db, rollingYearFunnel(asOf)),
  },
  {
    id: 'as-of.funnel-history',
    title: 'queryFunnel, every deal opened so far',
    dates: 10,
    ask: (db, _clock, asOf) => queryFunnel(db, wholeHistoryFunnel(asOf)),
  },
];

/**
 * "The pipeline on 2023-06-30", "the funnel by rep of the year to 2023-06-30" and "the funnel of every
 * deal so far, as known on 2023-06-30", at random past dates over the replay case's history, answered
 * from the rebuilt read models (validity intervals). The reference is the audit path: a full replay of
 * the events known at that date into a scratch model, then the same queries there, whose answers must
 * be equal.
 */
export const runAsOfCase = async (settings: CaseSettings): Promise<CaseResult[]> => {
  const history = await ensureSalesHistory(historyRequestOf(settings));
  const { summary } = history;

  const clock = new ManualClock(summary.lastOccurredAt);
  const store = await SqliteEventStore.open({ directory: history.directory, clock, readOnly: true, schemas: RECORD_EVENT_SCHEMAS });
  // The read models: the replay case's of this run when it ran, else the two asked here rebuilt (timed apart).
  let readModelsDirectory = settings.inputs['replayReadModelsDirectory'];
  let readModelsFrom = 'rebuilt by the replay case of this run';
  if (readModelsDirectory === undefined || !existsSync(join(readModelsDirectory, READ_MODEL_FILE_NAME))) {
    readModelsDirectory = join(settings.workDirectory, 'read-models');
    // Only the models asked here: rebuilding every read model would cost the most of the case at 1M events.
    const timer = stopwatch();
    const rebuilt = await replayProjections({ store, projections: [pipelineProjection(), funnelProjection()], directory: readModelsDirectory, clock, batchSize: DEFAULT_BATCH_SIZE });
    rebuilt.readModels.close();
    readModelsFrom = `pipeline and funnel rebuilt by this case in ${timer().toFixed(1)} s (the replay case did not run)`;
  }
  const live = ReadModelDatabase.open({ directory: readModelsDirectory });
  const scratchRoot = join(settings.workDirectory, 'as-of-replays');
  try {
    assignTeams(live.db, summary.owners, clock);
    const dates = randomDates(settings.seed, summary.goLive, summary.lastOccurredAt, QUERIES);
    // First use prepares statements and warms the page cache: not a past-date question's cost.
    for (const question of QUESTIONS) question.ask(live.db, clock, dates[0] as string);

    const profiler = await CpuProfiler.startIf(settings.profileDirectory);
    const latencies = new Map<string, Latencies>();
    for (const question of QUESTIONS) {
      const measured = new Latencies();
      for (const asOf of dates.slice(0, question.dates)) await measured.time(async () => question.ask(live.db, clock, asOf));
      latencies.set(question.id, measured);
    }
    await profiler?.stop(join(settings.profileDirectory ?? '', 'as-of.cpuprofile'));
    const queriesPeakRss = peakRssMiB();
    const openDeals = dates.slice(0, 5).map((asOf) => queryPipeline(live.db, clock, { asOf }).rows.reduce((sum, row) => sum + row.count, 0));

    // Reference: the audit path, a few times (each is a replay of the whole log).
    const replays = new Latencies();
    const replayDates = dates.slice(0, settings.quick ? 2 : 1);
    let matching = 0;
    for (const [index, asOf] of replayDates.entries()) {
      const directory = join(scratchRoot, String(index));
      mkdirSync(directory, { recursive: true });
      const same = await replays.time(async () => {
        const replay = await replayProjections({
          store,
          projections: [pipelineProjection(), funnelProjection()],
          directory,
          clock,
          include: knownAt(parseAsOf(asOf)),
        });
        try {
          assignTeams(replay.readModels.db, summary.owners, clock);
          return QUESTIONS.every((question) => isDeepStrictEqual(question.ask(replay.readModels.db, clock, asOf), question.ask(live.db, clock, asOf)));
        } finally {
          replay.readModels.close();
        }
      });
      if (same) matching += 1;
      rmSync(directory, { recursive: true, force: true });
    }
    if (matching !== replayDates.length) {
      throw new Error(`as-of answers differ from the replay to the same date on ${replayDates.length - matching} of ${replayDates.length} dates`);
    }

    const label = historyLabel(history, settings.quick);
    const dateRange = `random days between ${summary.goLive.slice(0, 10)} and ${summary.lastOccurredAt.slice(0, 10)}`;
    return [
      ...QUESTIONS.map((question, index): CaseResult => {
        const measured = latencies.get(question.id) as Latencies;
        return {
          status: 'measured',
          id: question.id,
          title: `As-of: ${question.title}, on a random past date (${label})`,
          rate: { value: 1_000 / measured.summary().mean, unit: 'queries/s' },
          latencyMs: measured.summary(),
          peakRssMiB: queriesPeakRss,
          details: {
            readModels: readModelsFrom,
            dates: `${question.dates} ${dateRange}`,
            ...(question.id === 'as-of' ? { openDealsOnFirstFiveDates: openDeals.join(', ') } : {}),
            ...(index === 0 ? historyDetails(history) : {}),
          },
        };
      }),
      {
        status: 'measured',
        id: 'as-of.replay',
        title: `Full replay to the date into a scratch model, then the three queries (audit path, ${label})`,
        rate: null,
        latencyMs: replays.summary(),
        peakRssMiB: peakRssMiB(),
        details: {
          how: 'replayProjections (pipeline + funnel, with their digests) over $all, applying only the events known at the date (knownAt), into a fresh file',
          replays: replays.count,
          dates: replayDates.join(', '),
          answersEqualToLiveModel: `${matching}/${replayDates.length}`,
        },
      },
    ];
  } finally {
    live.close();
    await store.close();
    rmSync(scratchRoot, { recursive: true, force: true });
  }
};
