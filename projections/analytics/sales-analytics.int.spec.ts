import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BlueprintDefinition } from '@crm/blueprint';
import { ManualClock } from '@crm/clock';
import { SqliteEventStore, type Position, type StoredEvent } from '@crm/event-store';
import { scaledTimeout } from '@crm/event-store/contract';
import { catchUpProjection, ReadModelDatabase } from '@crm/projection-runtime';
import { BlueprintCatalog, openAccess, RecordCommandHandler } from '@crm/workflow';
import { crmProjections } from '../crm-projections';
import { queryForecast } from '../forecast/forecast.queries';
import { queryFunnel } from '../funnel/funnel.queries';
import { queryPipeline } from '../pipeline/pipeline.queries';
import { ReadModelException } from '../shared/read-model.exception';
import { setTeams } from '../teams/teams.table';
import { dealBlueprint, generateHistory, type GeneratedHistory } from '../testing';
import { salesAnalyticsCsv } from './sales-analytics-csv';
import { explainSalesFigure, querySalesAnalytics, type SalesMetricsRow } from './sales-analytics.queries';
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
  type ReferencePeriod,
  type ReferenceStage,
} from './testing/reference-metrics';

/**
 * Sales analytics over the read models of a seeded history written through the command handler (live
 * deals, blueprint v2 halfway, imported histories some of which no transition explains), against the
 * independent fold of the raw events (`testing/reference-metrics`).
 */
describe('sales analytics over a generated history', () => {
  let directory: string;
  let store: SqliteEventStore;
  let readModels: ReadModelDatabase;
  let generated: GeneratedHistory;
  const streams = new Map<string, StoredEvent[]>();
  const blueprints = new Map<number, readonly ReferenceStage[]>();
  const clock = new ManualClock('2016-01-04T08:00:00.000Z');
  const questions = [
    { asOf: '2016-09-30', period: '2016-Q3' },
    { asOf: '2017-06-30', period: '2017-Q2' },
    { asOf: '2017-06-30', period: '2016-Q4' },
    { asOf: '2017-12-31T23:00:00Z', period: '2017-Q4' },
    { asOf: '2017-12-31T23:00:00Z', period: '2017-03' },
  ];

  beforeAll(async () => {
    directory = mkdtempSync(join(tmpdir(), 'crm-sales-analytics-'));
    store = await SqliteEventStore.open({ directory, clock });
    const catalog = await BlueprintCatalog.open(store, [dealBlueprint(1)]);
    const handler = new RecordCommandHandler(store, catalog, { clock, policy: openAccess });
    generated = await generateHistory(handler, catalog, clock, { seed: 17, liveRecords: 90, importedRecords: 40, owners: 6, start: '2016-01-04T09:00:00.000Z', days: 720 });
    readModels = ReadModelDatabase.open({ directory });
    setTeams(readModels.db, clock, generated.owners.slice(0, 4).map((owner, index) => ({ owner, team: index % 2 === 0 ? 'west' : 'east' })));
    for (const projection of crmProjections()) await catchUpProjection({ store, readModels, projection, clock, batchSize: 250 });
    let from: Position | 'start' = 'start';
    for (;;) {
      const page = await store.readAll({ from, maxCount: 1_000 });
      if (page.length === 0) break;
      for (const event of page) {
        if (event.type === 'BlueprintVersionPublished') {
          const definition = event.data['definition'] as unknown as BlueprintDefinition;
          blueprints.set(definition.version, definition.stages);
        } else if (event.stream.startsWith('opportunity-')) streams.set(event.stream, [...(streams.get(event.stream) ?? []), event]);
      }
      from = page[page.length - 1].position;
    }
  }, scaledTimeout(60_000));

  afterAll(async () => {
    readModels?.close();
    await store?.close();
    rmSync(directory, { recursive: true, force: true });
  });

  const stagesOf = (events: readonly StoredEvent[]): readonly ReferenceStage[] => {
    const version = (events[0].data['blueprint'] as { version: number }).version;
    return blueprints.get(version) as readonly ReferenceStage[];
  };
  const dealsAt = (moment: string, keep: (events: readonly StoredEvent[]) => boolean = () => true): ReferenceDeal[] =>
    [...streams.values()]
      .filter(keep)
      .map((events) => referenceDeal(events, stagesOf(events), moment))
      .filter((deal): deal is ReferenceDeal => deal !== null);
  const units = (cents: number | null): number | null => (cents === null ? null : cents / 100);
  const rounded = (value: unknown): unknown => JSON.parse(JSON.stringify(value, (_key, item: unknown) => (typeof item === 'number' ? Number(item.toPrecision(10)) : item)));

  /** The reference figures of a report row, in the report's units (money in currency units). */
  const referenceRow = (deals: readonly ReferenceDeal[], atStart: readonly ReferenceDeal[], period: ReferencePeriod, asOf: string) => {
    const size = referenceAverageDealSize(deals, period);
    const velocity = referenceVelocity(deals, period);
    const coverage = referenceCoverage(deals, period, null);
    const slipped = referenceSlippage(deals, period);
    return {
      deals: deals.length,
      winRate: referenceWinRate(deals, period),
      salesCycle: referenceSalesCycle(deals, period, null),
      timeInStage: referenceTimeInStage(deals, period, null, blueprints.get(1) as readonly ReferenceStage[]),
      averageDealSize: { won: size.won, wonAmount: size.wonCents / 100, average: units(size.averageCents) },
      velocity: { openDeals: velocity.openDeals, winRate: velocity.winRate, averageDealSize: units(velocity.averageDealSizeCents), cycleDays: velocity.cycleDays, perDay: units(velocity.centsPerDay) },
      coverage: { openWeighted: coverage.openWeightedCents / 100, openDeals: coverage.openDeals, closedWon: coverage.closedWonCents / 100, quota: null, remainingQuota: null, coverage: null },
      aging: referenceAging(deals, asOf),
      slippage: { deals: slipped.deals, amount: slipped.amountCents / 100, slips: slipped.slips },
      forecastAccuracy: referenceAccuracy(atStart, new Map(deals.map((deal) => [deal.id, deal])), period).map(({ forecastCents, wonCents, ...rest }) => ({ ...rest, forecast: forecastCents / 100, won: wonCents / 100 })),
      reconciliation: referenceReconciliation(deals, period, blueprints.get(1) as readonly ReferenceStage[]),
    };
  };
  const figures = ({ group: _group, ...row }: SalesMetricsRow) => row;
  const windowOf = (report: { window: ReferencePeriod }): ReferencePeriod => report.window;
  const startOf = (report: { window: ReferencePeriod; asOf: string }): string => (report.window.from < report.asOf ? report.window.from : report.asOf);

  it('given the generated history, then it has won, lost, open, imported and non-conforming deals to measure', () => {
    const report = querySalesAnalytics(readModels.db, clock, { asOf: generated.end, period: '2017-Q2', by: 'origin' });
    expect(report.rows.map((row) => row.group)).toEqual(['imported', 'live']);
    expect(report.total.deals).toBe(130);
    expect(report.nonConforming).toBeGreaterThan(0);
    const outcomes = querySalesAnalytics(readModels.db, clock, { asOf: generated.end, by: 'outcome' });
    expect(outcomes.rows.map((row) => row.group)).toEqual(['lost', 'open', 'won']);
  });

  it.each(questions)('given the history as of $asOf, when $period is measured, then every total equals the independent fold of the raw events', ({ asOf, period }) => {
    const report = querySalesAnalytics(readModels.db, clock, { asOf, period });
    const expected = referenceRow(dealsAt(report.asOf), dealsAt(startOf(report)), windowOf(report), report.asOf);
    expect(rounded(figures(report.total))).toEqual(rounded(expected));
    expect(report.total.winRate.won + report.total.winRate.lost).toBeGreaterThan(0);
  });

  it('given the history, when grouped by owner, then each owner row equals the fold of the deals that owner has at the moment asked', () => {
    const report = querySalesAnalytics(readModels.db, clock, { asOf: '2017-06-30', period: '2017-Q2', by: 'owner' });
    expect(report.rows.length).toBeGreaterThanOrEqual(6);
    for (const row of report.rows) {
      const owner = row.group === '(none)' ? null : row.group;
      const deals = dealsAt(report.asOf).filter((deal) => deal.owner === owner);
      const ids = new Set(deals.map((deal) => deal.id));
      const atStart = dealsAt(startOf(report)).filter((deal) => ids.has(deal.id));
      expect(rounded(figures(row))).toEqual(rounded(referenceRow(deals, atStart, windowOf(report), report.asOf)));
    }
  });

  it('given a filter on origin and a group by team, then only imported deals count, per team from the teams table', () => {
    const report = querySalesAnalytics(readModels.db, clock, { asOf: generated.end, period: '2017-Q2', filter: { origin: 'imported' }, by: 'team' });
    const imported = [...streams.values()].filter((events) => events[0].metadata['imported'] === true);
    expect(report.total.deals).toBe(imported.length);
    expect(report.rows.map((row) => row.group)).toEqual(['east', 'unassigned', 'west']);
    expect(report.rows.reduce((sum, row) => sum + row.deals, 0)).toBe(imported.length);
  });

  it('given regions in the teams data, when grouped by region, then each region holds the deals of its owners at the moment asked', () => {
    setTeams(readModels.db, clock, generated.owners.slice(0, 4).map((owner, index) => ({ owner, team: index % 2 === 0 ? 'west' : 'east', region: index < 2 ? 'north' : 'south' })));
    const byRegion = querySalesAnalytics(readModels.db, clock, { asOf: '2017-06-30', period: '2017-Q2', by: 'region' });
    const byOwner = querySalesAnalytics(readModels.db, clock, { asOf: '2017-06-30', period: '2017-Q2', by: 'owner' });
    const regionOf = (owner: string): string => {
      const index = generated.owners.indexOf(owner);
      return index < 0 || index >= 4 ? '(none)' : index < 2 ? 'north' : 'south';
    };
    const expected = new Map<string, number>();
    for (const row of byOwner.rows) expected.set(regionOf(row.group), (expected.get(regionOf(row.group)) ?? 0) + row.winRate.won);
    expect(byRegion.rows.map((row) => [row.group, row.winRate.won])).toEqual([...expected].sort(([a], [b]) => (a < b ? -1 : 1)));
    expect(byRegion.rows.map((row) => row.group)).toEqual(['(none)', 'north', 'south']);
  });

  it('given the stage reconciliation of every quarter, then in stage at start + entered − left = at end, start and end are the pipeline read model as of those instants, entries and exits the funnel’s visits', () => {
    for (const period of ['2016-Q1', '2016-Q2', '2016-Q3', '2016-Q4', '2017-Q1', '2017-Q2', '2017-Q3', '2017-Q4']) {
      const report = querySalesAnalytics(readModels.db, clock, { asOf: generated.end, period });
      const before = (instant: string): string => new Date(Date.parse(instant) - 1).toISOString();
      const openAt = (instant: string): Map<string, number> =>
        new Map(queryPipeline(readModels.db, clock, { asOf: before(instant) }).byStage.map((total) => [total.stage, total.count]));
      const [atStart, atEnd] = [openAt(report.window.from), openAt(report.window.to)];
      for (const row of report.total.reconciliation) {
        expect(row.atStart + row.entered - row.left).toBe(row.atEnd);
        // Entries and exits are the funnel read model's stage visits that began or ended in the period.
        const visits = (column: 'entered_at' | 'exited_at'): number =>
          (readModels.db.prepare(`SELECT COUNT(*) AS n FROM funnel_visits WHERE stage = ? AND ${column} >= ? AND ${column} < ?`).get(row.stage, report.window.from, report.window.to) as { n: number }).n;
        expect([period, row.stage, row.entered, row.left]).toEqual([period, row.stage, visits('entered_at'), visits('exited_at')]);
        if (!['won', 'lost'].includes(row.stage)) {
          expect([period, row.stage, row.atStart]).toEqual([period, row.stage, atStart.get(row.stage) ?? 0]);
          expect([period, row.stage, row.atEnd]).toEqual([period, row.stage, atEnd.get(row.stage) ?? 0]);
        }
      }
    }
  });

  it('given a figure, when explained, then its records are those it counts, the reader sees only the ones it may read and a count of the rest', () => {
    const report = querySalesAnalytics(readModels.db, clock, { asOf: '2017-06-30', period: '2017-Q2' });
    const everyone = explainSalesFigure(readModels.db, clock, { asOf: '2017-06-30', period: '2017-Q2', metric: 'winRate' });
    expect(everyone.count).toBe(report.total.winRate.won + report.total.winRate.lost);
    expect(everyone.records.filter((record) => record.role === 'won')).toHaveLength(report.total.winRate.won);
    expect(everyone.hidden).toBe(0);
    const owner = generated.owners[0];
    const rep = explainSalesFigure(readModels.db, clock, { asOf: '2017-06-30', period: '2017-Q2', metric: 'winRate', visibleTo: { owners: [owner], unowned: { kinds: [] } } });
    expect(rep.count).toBe(everyone.count);
    expect(rep.records.length).toBeGreaterThan(0);
    expect(rep.records.length).toBeLessThan(everyone.count);
    expect(rep.records.length + rep.hidden).toBe(everyone.count);
    const aging = explainSalesFigure(readModels.db, clock, { asOf: '2017-06-30', period: '2017-Q2', metric: 'aging', stage: 'proposal', bucket: '90+' });
    expect(aging.count).toBe(report.total.aging.find((row) => row.stage === 'proposal')?.buckets['90+']);
  });

  it('given a pipeline, forecast or funnel figure, when explained, then as many deals are behind it as that read model counts', () => {
    const asOf = '2017-06-30';
    const explain = (metric: string, part: Record<string, string>): number =>
      explainSalesFigure(readModels.db, clock, { asOf, period: '2017-Q2', metric, ...part }).count;
    for (const row of queryPipeline(readModels.db, clock, { asOf }).byStage) expect([row.stage, explain('pipeline', { stage: row.stage })]).toEqual([row.stage, row.count]);
    const [forecast] = queryForecast(readModels.db, clock, { asOf, groupBy: 'total', from: '2017-Q2', to: '2017-Q2' }).rows;
    expect(explain('forecast', { category: 'closed_won' })).toBe(forecast?.closedWonCount);
    expect(explain('forecast', { category: 'closed_lost' })).toBe(forecast?.closedLostCount);
    expect(['commit', 'best_case', 'pipeline'].reduce((sum, category) => sum + explain('forecast', { category }), 0)).toBe(forecast?.openCount);
    const funnel = queryFunnel(readModels.db, { from: '2017-04-01', to: '2017-07-01', asOf });
    expect(funnel.rows.length).toBeGreaterThan(0);
    for (const row of funnel.rows) {
      for (const column of ['entered', 'advanced', 'lost', 'won'] as const) {
        expect([row.stage, column, explain('funnel', { stage: row.stage, column })]).toEqual([row.stage, column, row[column]]);
      }
    }
  });

  it('given the report, when exported as CSV, then each figure is a line with its group, metric and part', () => {
    const report = querySalesAnalytics(readModels.db, clock, { asOf: '2017-06-30', period: '2017-Q2', by: 'owner' });
    const lines = salesAnalyticsCsv(report).trimEnd().split('\n');
    expect(lines[0]).toBe('period,asOf,group,metric,part,value');
    expect(lines).toContain(`2017-Q2,${report.asOf},total,winRate.won,,${report.total.winRate.won}`);
    expect(lines).toContain(`2017-Q2,${report.asOf},${report.rows[0].group},deals,,${report.rows[0].deals}`);
  });

  it('given an unknown dimension or outcome, then the query is refused naming the parameter and the choices', () => {
    const refusal = (run: () => unknown): unknown => {
      try {
        run();
      } catch (error) {
        return error instanceof ReadModelException ? { code: error.code, details: error.details } : error;
      }
      return null;
    };
    expect(refusal(() => querySalesAnalytics(readModels.db, clock, { by: 'colour' }))).toMatchObject({ code: 'INVALID_QUERY', details: { parameter: 'by', value: 'colour' } });
    expect(refusal(() => querySalesAnalytics(readModels.db, clock, { stageOutcome: 'maybe' }))).toMatchObject({ code: 'INVALID_QUERY', details: { parameter: 'stageOutcome' } });
    expect(refusal(() => explainSalesFigure(readModels.db, clock, { metric: 'mood' }))).toMatchObject({ code: 'INVALID_QUERY', details: { parameter: 'metric' } });
  });
});
