import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ManualClock } from '@crm/clock';
import { SqliteEventStore } from '@crm/event-store';
import { present, scaledTimeout } from '@crm/event-store/contract';
import { catchUpProjection, projectionDigest, ReadModelDatabase, rebuildProjection, replayProjections } from '@crm/projection-runtime';
import { BlueprintCatalog, openAccess, RecordCommandHandler } from '@crm/workflow';
import {
  dealBlueprint,
  generateHistory,
  ReferenceHistory,
  referenceForecast,
  referenceFunnel,
  referencePipeline,
  type GeneratedHistory,
  type ReferenceState,
} from './testing';
import { crmProjections } from './crm-projections';
import { queryForecast } from './forecast/forecast.queries';
import { forecastProjection } from './forecast/forecast.projection';
import { ForecastSnapshots, queryForecastAccuracy } from './forecast/forecast-snapshots';
import { queryFunnel, type FunnelReport } from './funnel/funnel.queries';
import { queryPipeline } from './pipeline/pipeline.queries';
import { listRecords, type RecordListItem } from './records/records.queries';
import { parseAsOf, periodStart } from './shared/business-time';
import { knownAt } from './shared/record-events';
import { mean, median, percentile } from './shared/statistics';
import { setTeams, teamOf } from './teams/teams.table';

/**
 * The read models against an independent calculation (`@crm/projections/testing`, straight from the raw
 * events) over a seeded history: 12 owners, two years, deals written command by command at dated business
 * times, blueprint version 2 halfway, and imported past histories appended last.
 */
describe('read models over a generated history', () => {
  let directory: string;
  let store: SqliteEventStore;
  let readModels: ReadModelDatabase;
  let reference: ReferenceHistory;
  let generated: GeneratedHistory;
  let teams: ReadonlyMap<string, string>;
  const clock = new ManualClock('2016-01-04T08:00:00.000Z');
  const moments = ['2016-03-31', '2016-08-15T13:30:00Z', '2017-01-01T00:00:00Z', '2017-06-30', '2017-12-31T23:00:00Z'];

  beforeAll(async () => {
    directory = mkdtempSync(join(tmpdir(), 'crm-generated-history-'));
    store = await SqliteEventStore.open({ directory, clock });
    const catalog = await BlueprintCatalog.open(store, [dealBlueprint(1)]);
    const handler = new RecordCommandHandler(store, catalog, { clock, policy: openAccess });
    generated = await generateHistory(handler, catalog, clock, {
      seed: 20_170_630,
      liveRecords: 160,
      importedRecords: 90,
      owners: 12,
      start: '2016-01-04T09:00:00.000Z',
      days: 720,
    });
    readModels = ReadModelDatabase.open({ directory });
    // Ten owners in two teams; owner-11 and owner-12 have none and count as unassigned.
    setTeams(readModels.db, clock, generated.owners.slice(0, 10).map((owner, index) => ({ owner, team: index % 2 === 0 ? 'west' : 'east' })));
    teams = new Map(generated.owners.slice(0, 10).map((owner, index) => [owner, index % 2 === 0 ? 'west' : 'east']));
    for (const projection of crmProjections()) await catchUpProjection({ store, readModels, projection, clock, batchSize: 250 });
    reference = await ReferenceHistory.read(store);
  }, scaledTimeout(60_000));

  afterAll(async () => {
    readModels?.close();
    await store?.close();
    rmSync(directory, { recursive: true, force: true });
  });

  it('given the generated history, then it is realistic enough to test against: open, won, lost, imported and both blueprint versions', () => {
    const states = reference.statesAt('opportunity', generated.end);
    const stages = new Set(states.map((state) => state.stage));
    expect(states).toHaveLength(250);
    expect([...stages].sort()).toEqual(['lost', 'negotiation', 'proposal', 'qualification', 'won']);
    expect(new Set(states.map((state) => state.blueprint))).toEqual(new Set(['opportunity@1', 'opportunity@2']));
    expect(new Set(states.map((state) => state.owner)).size).toBeGreaterThanOrEqual(12);
    expect(generated.commands).toBeGreaterThan(700);
  });

  it.each(moments)('given the pipeline as of %s, then every stage × owner cell and the stalled deals equal the calculation from raw events', (moment) => {
    const asOf = parseAsOf(moment);
    const report = queryPipeline(readModels.db, clock, { asOf: moment, stalledAfterDays: 30 });
    const expected = referencePipeline(reference, asOf);

    const key = (stage: string, owner: string | null): string => `${stage}|${owner}`;
    expect(report.rows.map((row) => key(row.stage, row.owner)).sort()).toEqual(expected.rows.map((row) => key(row.stage, row.owner)).sort());
    for (const row of report.rows) {
      const want = present(expected.rows.find((candidate) => key(candidate.stage, candidate.owner) === key(row.stage, row.owner)), `the reference row ${key(row.stage, row.owner)}`);
      expect([row.count, Math.round(row.amount * 100), Math.round(row.weightedAmount * 100)]).toEqual([want.count, want.amountCents, want.weightedCents]);
      expect(row.averageAgeDays).toBeCloseTo(present(mean(want.ages), 'the mean age of a reference row'), 9);
      expect(row.oldestAgeDays).toBeCloseTo(Math.max(...want.ages), 9);
      expect(row.team).toBe(teamOf(teams, row.owner));
    }
    expect(report.stalled.map((deal) => deal.recordId)).toEqual(expected.stalled);
    const teamTotal = report.byStageAndTeam.reduce((sum, total) => sum + total.count, 0);
    expect(teamTotal).toBe(expected.rows.reduce((sum, row) => sum + row.count, 0));
  });

  it.each(moments)('given the forecast by quarter as of %s, then every figure per owner and per team equals the calculation from raw events', (moment) => {
    const asOf = parseAsOf(moment);
    for (const groupBy of ['owner', 'team'] as const) {
      const groupOf = groupBy === 'owner' ? (owner: string | null) => owner : (owner: string | null) => teamOf(teams, owner);
      const expected = referenceForecast(reference, asOf, groupOf);
      const report = queryForecast(readModels.db, clock, { asOf: moment, periodKind: 'quarter', groupBy });
      expect(report.rows.map((row) => `${row.period}|${row.group}`).sort()).toEqual([...expected.keys()].sort());
      for (const row of report.rows) {
        const cell = present(expected.get(`${row.period}|${row.group}`), `the reference cell ${row.period}|${row.group}`);
        expect({
          closedWon: Math.round(row.closedWon * 100),
          closedWonCount: row.closedWonCount,
          closedLostCount: row.closedLostCount,
          commit: Math.round(row.commit * 100),
          bestCase: Math.round(row.bestCase * 100),
          pipeline: Math.round(row.pipeline * 100),
          weighted: Math.round(row.weightedPipeline * 100),
          open: row.openCount,
        }).toEqual({
          closedWon: cell.closedWonCents,
          closedWonCount: cell.closedWonCount,
          closedLostCount: cell.closedLostCount,
          commit: cell.commitCents,
          bestCase: cell.bestCaseCents,
          pipeline: cell.pipelineCents,
          weighted: cell.weightedCents,
          open: cell.openCount,
        });
      }
    }
  });

  const groupings: [string, (state: ReferenceState) => string][] = [
    ['owner', (state) => state.owner ?? '(none)'],
    ['team', (state) => teamOf(teams, state.owner)],
    ['source', (state) => String(state.fields['source'] ?? '(none)')],
    ['cohort', (state) => state.openedAt.slice(0, 7)],
  ];

  const expectFunnel = (report: FunnelReport, window: { from: string; to: string; asOf: string }, groupOf: (state: ReferenceState) => string): void => {
    const expected = referenceFunnel(reference, window, groupOf);
    expect(report.rows.map((row) => `${row.group}|${row.stage}`).sort()).toEqual(expected.rows.map((row) => `${row.group}|${row.stage}`).sort());
    for (const row of report.rows) {
      const want = present(expected.rows.find((candidate) => candidate.group === row.group && candidate.stage === row.stage), `the reference row ${row.group}|${row.stage}`);
      expect([row.entered, row.advanced, row.lost, row.won, row.completedVisits]).toEqual([want.entered, want.advanced, want.lost, want.won, want.durations.length]);
      for (const [actual, expectedValue] of [
        [row.meanDays, mean(want.durations)],
        [row.medianDays, median(want.durations)],
        [row.p90Days, percentile(want.durations, 90)],
      ] as const) {
        if (expectedValue === null) expect(actual).toBeNull();
        else expect(actual).toBeCloseTo(expectedValue, 9);
      }
    }
    expect(new Map(report.lostReasons.map((row) => [`${row.group}|${row.reason}`, row.count]))).toEqual(expected.lostReasons);
  };

  it.each(moments.slice(1))('given the funnel of the records opened in 2016 as of %s, then it equals the calculation from raw events by owner, team, source and cohort', (moment) => {
    const window = { from: '2016-01-01T00:00:00.000Z', to: '2017-01-01T00:00:00.000Z', asOf: parseAsOf(moment) };
    for (const [by, groupOf] of groupings) {
      expectFunnel(queryFunnel(readModels.db, { from: '2016-01-01', to: '2017-01-01', asOf: moment, by }), window, groupOf);
    }
  });

  it('given the funnel without as-of and window, then it covers every record with everything stored', () => {
    const report = queryFunnel(readModels.db, {});
    expect(report.records).toBe(250);
    expectFunnel(report, { from: '', to: '9999', asOf: '9999-12-31T23:59:59.999Z' }, () => 'all');
  });

  it.each(moments)('given the records list as of %s read page by page, then each record appears once with the stage and owner it had then', (moment) => {
    const asOf = parseAsOf(moment);
    const seen: RecordListItem[] = [];
    let cursor: string | undefined;
    do {
      const page = listRecords(readModels.db, { kind: 'opportunity', asOf: moment, limit: 37, cursor });
      seen.push(...page.items);
      cursor = page.nextCursor ?? undefined;
    } while (cursor !== undefined);
    const expected = reference.statesAt('opportunity', asOf);
    expect(seen.map((item) => item.recordId).sort()).toEqual(expected.map((state) => state.recordId));
    for (const item of seen) {
      const state = present(expected.find((candidate) => candidate.recordId === item.recordId), `the reference state of ${item.recordId}`);
      expect([item.stage, item.owner, item.fields]).toEqual([state.stage, state.owner, state.fields]);
    }
  });

  it('given a filter by stage, owner and name text, then only matching current records come back', () => {
    const owner = generated.owners[3];
    const page = listRecords(readModels.db, { kind: 'opportunity', owner, stage: 'won', limit: 500 });
    const expected = reference.statesAt('opportunity', generated.end).filter((state) => state.owner === owner && state.stage === 'won');
    expect(page.items.map((item) => item.recordId).sort()).toEqual(expected.map((state) => state.recordId));
    const search = listRecords(readModels.db, { text: 'IMPORTED DEAL 1', limit: 500 });
    expect(search.items.map((item) => item.name).sort()).toEqual(
      reference
        .statesAt('opportunity', generated.end)
        .map((state) => String(state.fields['name']))
        .filter((name) => name.toLowerCase().includes('imported deal 1'))
        .sort(),
    );
  });

  it.each(['2016-08-15T13:30:00Z', '2017-06-30'])('given as-of %s, then the live model answers like a full replay of the events known at that time', async (moment) => {
    const asOf = parseAsOf(moment);
    const scratch = mkdtempSync(join(tmpdir(), 'crm-as-of-replay-'));
    const replay = await replayProjections({ store, projections: crmProjections(), directory: scratch, clock, include: knownAt(asOf) });
    try {
      setTeams(replay.readModels.db, clock, [...teams.entries()].map(([owner, team]) => ({ owner, team })));
      expect(queryPipeline(readModels.db, clock, { asOf: moment })).toEqual(queryPipeline(replay.readModels.db, clock, { asOf: moment }));
      expect(queryForecast(readModels.db, clock, { asOf: moment, groupBy: 'team' })).toEqual(
        queryForecast(replay.readModels.db, clock, { asOf: moment, groupBy: 'team' }),
      );
      const live = queryFunnel(readModels.db, { asOf: moment, by: 'owner' });
      const replayed = queryFunnel(replay.readModels.db, { by: 'owner' });
      expect({ ...live, asOf: null }).toEqual(replayed);
      expect(listRecords(readModels.db, { asOf: moment, limit: 500 }).items).toEqual(listRecords(replay.readModels.db, { limit: 500 }).items);
    } finally {
      replay.readModels.close();
      rmSync(scratch, { recursive: true, force: true });
    }
  });

  it('given each projection, when it is rebuilt, then its digest equals the live model and a replay into a scratch file', async () => {
    const scratch = mkdtempSync(join(tmpdir(), 'crm-digest-replay-'));
    try {
      const replay = await replayProjections({ store, projections: crmProjections(), directory: scratch, clock });
      replay.readModels.close();
      for (const projection of crmProjections()) {
        const live = projectionDigest(readModels.db, projection);
        await rebuildProjection({ store, readModels, projection, clock, batchSize: 300 });
        expect({ projection: projection.name, digest: projectionDigest(readModels.db, projection) }).toEqual({ projection: projection.name, digest: live });
        expect(replay.projections.find((entry) => entry.projection === projection.name)?.digest).toBe(live);
      }
    } finally {
      rmSync(scratch, { recursive: true, force: true });
    }
  });

  it('given snapshots taken at each quarter start, then forecast accuracy per quarter compares them with the closed-won amounts from raw events', async () => {
    const snapshots = new ForecastSnapshots({ store, db: readModels.db, clock });
    const analyst = { actor: { id: 'ana', roles: ['analyst'] }, authorize: () => undefined };
    const taken = await snapshots.takeDue({ periodKind: 'quarter', since: '2016-Q1' }, analyst);
    expect(taken.map((snapshot) => snapshot.period)).toEqual(['2016-Q1', '2016-Q2', '2016-Q3', '2016-Q4', '2017-Q1', '2017-Q2', '2017-Q3', '2017-Q4']);
    expect((await snapshots.takeDue({ since: '2016-Q1' }, analyst)).every((snapshot) => snapshot.alreadyTaken)).toBe(true);
    expect((await snapshots.takeDue({ since: '2016-Q2', until: '2016-Q3' }, analyst)).map((snapshot) => snapshot.period)).toEqual(['2016-Q2', '2016-Q3']);
    await catchUpProjection({ store, readModels, projection: forecastProjection(), clock });

    const report = queryForecastAccuracy(readModels.db, clock, { periodKind: 'quarter' });
    const actuals = referenceForecast(reference, parseAsOf(generated.end), () => 'total');
    expect(report.rows.map((row) => row.period)).toEqual(taken.map((snapshot) => snapshot.period));
    for (const row of report.rows) {
      const atStart = referenceForecast(reference, periodStart(row.period), () => 'total').get(`${row.period}|total`);
      const actualCents = actuals.get(`${row.period}|total`)?.closedWonCents ?? 0;
      const commitCents = (atStart?.closedWonCents ?? 0) + (atStart?.commitCents ?? 0);
      const weightedCents = (atStart?.closedWonCents ?? 0) + (atStart?.weightedCents ?? 0);
      expect([Math.round(row.actualClosedWon * 100), Math.round(row.commitForecast * 100), Math.round(row.weightedForecast * 100)]).toEqual([
        actualCents,
        commitCents,
        weightedCents,
      ]);
      expect(row.weightedAccuracy).toBe(weightedCents === 0 ? null : actualCents / weightedCents);
      expect(row.snapshotAsOf).toBe(periodStart(row.period));
    }
  });
});
