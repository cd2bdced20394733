import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ManualClock } from '@crm/clock';
import { SqliteEventStore } from '@crm/event-store';
import { scaledTimeout } from '@crm/event-store/contract';
import { catchUpProjection, ReadModelDatabase } from '@crm/projection-runtime';
import { BlueprintCatalog, openAccess, RecordCommandHandler } from '@crm/workflow';
import { dealBlueprint, generateHistory, type GeneratedHistory } from '../testing';
import { setTeams } from '../teams/teams.table';
import { funnelProjection } from './funnel.projection';
import { queryFunnel, type FunnelQuery } from './funnel.queries';
import { queryFunnelByVisitFold } from './testing/funnel-visit-fold.reference';

const DAY_MS = 86_400_000;

/** Forty moments a week or so apart over the history (some at the end of a day, some mid-day), and "now". */
const momentsOver = (start: string, days: number): (string | undefined)[] => [
  ...Array.from({ length: 40 }, (_, index) => {
    const at = new Date(Date.parse(start) + Math.round(((index + 0.5) * days * DAY_MS) / 40));
    return index % 2 === 0 ? at.toISOString().slice(0, 10) : at.toISOString();
  }),
  undefined,
];

/** What a sales manager asks: by each dimension, whole history and rolling windows, all or conforming histories. */
const questionsAt = (asOf: string | undefined): FunnelQuery[] => {
  const at = asOf === undefined ? undefined : { asOf };
  const yearBefore = asOf === undefined ? '2017-01-01' : new Date(Date.parse(asOf.slice(0, 10)) - 364 * DAY_MS).toISOString().slice(0, 10);
  return [
    { ...at },
    { ...at, by: 'owner', from: yearBefore },
    { ...at, by: 'owner' },
    { ...at, by: 'team' },
    { ...at, by: 'cohort', cohort: 'quarter' },
    { ...at, by: 'source', conformance: 'conforming' },
    { ...at, by: 'lossReason', from: '2016-03-01', to: '2017-03-01' },
    { ...at, lostReasonField: 'source' },
    { ...at, conformance: 'conforming', from: yearBefore },
  ];
};

/**
 * The funnel query reads the cohort index and counts per record; the reference is the query it replaced,
 * which read every visit as an object and kept sets of record ids per stage. Over a seeded history (two
 * blueprint versions, imported and non-conforming histories, reassigned owners), at forty moments and
 * for every kind of question, the two answers must be the same bytes: counts, rates and the floating-point
 * mean, median and p90 of time in stage.
 */
describe('the funnel query against the visit fold it replaced', () => {
  let directory: string;
  let store: SqliteEventStore;
  let readModels: ReadModelDatabase;
  let generated: GeneratedHistory;
  const clock = new ManualClock('2016-01-04T08:00:00.000Z');
  const start = '2016-01-04T09:00:00.000Z';
  const days = 720;

  beforeAll(async () => {
    directory = mkdtempSync(join(tmpdir(), 'crm-funnel-equivalence-'));
    store = await SqliteEventStore.open({ directory, clock });
    const catalog = await BlueprintCatalog.open(store, [dealBlueprint(1)]);
    const handler = new RecordCommandHandler(store, catalog, { clock, policy: openAccess });
    generated = await generateHistory(handler, catalog, clock, { seed: 20_261_129, liveRecords: 160, importedRecords: 90, owners: 12, start, days });
    readModels = ReadModelDatabase.open({ directory });
    setTeams(readModels.db, clock, generated.owners.slice(0, 10).map((owner, index) => ({ owner, team: index % 2 === 0 ? 'west' : 'east' })));
    await catchUpProjection({ store, readModels, projection: funnelProjection(), clock, batchSize: 250 });
  }, scaledTimeout(60_000));

  afterAll(async () => {
    readModels?.close();
    await store?.close();
    rmSync(directory, { recursive: true, force: true });
  });

  it('given the generated history, then it has what the answers depend on: repeated visits, ended visits in most stages, non-conforming records', () => {
    const report = queryFunnel(readModels.db, { kind: 'opportunity' });
    const visitsPerRecord = readModels.db.prepare('SELECT max(n) AS most FROM (SELECT count(*) AS n FROM funnel_visits GROUP BY record_id, stage)').get() as { most: number };

    expect(report.records).toBe(250);
    expect(report.nonConforming).toBeGreaterThan(0);
    expect(report.rows.filter((row) => row.completedVisits > 10).length).toBeGreaterThanOrEqual(3);
    expect(visitsPerRecord.most).toBeGreaterThan(1);
  });

  it.each(momentsOver(start, days))('given the generated history, when the funnel is asked as of %s, then every answer is byte-identical to the visit fold', (asOf) => {
    for (const question of questionsAt(asOf)) {
      const query = { kind: 'opportunity', ...question };

      expect(JSON.stringify(queryFunnel(readModels.db, query))).toBe(JSON.stringify(queryFunnelByVisitFold(readModels.db, query)));
    }
  });
});
