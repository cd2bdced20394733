import type { Database } from 'better-sqlite3';
import type { Clock } from '@crm/clock';
import type { EventStore } from '@crm/event-store';
import {
  projectionDigest,
  readCheckpoint,
  replayProjections,
  serializeCheckpointPosition,
  type ProgressListener,
  type Projection,
  type ReadModelDatabase,
} from '@crm/projection-runtime';
import { ReadModelException, ReadModelExceptionCode } from '../shared/read-model.exception';
import { setTeams, teamsByOwner } from '../teams/teams.table';
import { funnelProjection, FUNNEL_PROJECTION } from './funnel.projection';
import { queryFunnel, type FunnelQuery, type FunnelReport } from './funnel.queries';
import { funnelReportDigest } from './funnel-report';

export interface FunnelAuditOptions {
  readonly store: EventStore;
  /** The live read models under audit. */
  readonly readModels: ReadModelDatabase;
  readonly query: FunnelQuery;
  /** An empty folder for the replayed model; the caller removes it. */
  readonly scratchDirectory: string;
  readonly clock: Clock;
  readonly onProgress?: ProgressListener;
}

export interface FunnelAudit {
  readonly checkpoint: string | null;
  readonly live: FunnelReport;
  readonly reference: FunnelReport;
  /** sha256 of the rendered report, live and replayed. */
  readonly liveDigest: string;
  readonly referenceDigest: string;
  /** sha256 of the funnel's tables, live and replayed. */
  readonly liveTablesDigest: string;
  readonly referenceTablesDigest: string;
  /** Empty when the live model is what the history says. */
  readonly differences: readonly string[];
}

const singleTable = (projection: Projection, table: string): Projection => ({
  ...projection,
  tables: projection.tables.filter((candidate) => candidate.name === table),
});

const tableDifferences = (live: Database, reference: Database, projection: Projection): string[] =>
  projection.tables
    .map((table) => table.name)
    .filter((table) => projectionDigest(live, singleTable(projection, table)) !== projectionDigest(reference, singleTable(projection, table)))
    .map((table) => `table ${table}: live rows differ from the replayed rows`);

const rowKey = (row: { group: string; stage?: string; reason?: string }): string => `${row.group} / ${row.stage ?? row.reason}`;

const reportDifferences = (live: FunnelReport, reference: FunnelReport): string[] => {
  const differences: string[] = [];
  const compare = <T extends { group: string }>(what: string, liveRows: readonly T[], referenceRows: readonly T[]): void => {
    const expected = new Map(referenceRows.map((row) => [rowKey(row), JSON.stringify(row)]));
    const actual = new Map(liveRows.map((row) => [rowKey(row), JSON.stringify(row)]));
    for (const [key, row] of expected) {
      if (!actual.has(key)) differences.push(`${what} ${key}: missing from the live model`);
      else if (actual.get(key) !== row) differences.push(`${what} ${key}: live ${actual.get(key)} ≠ replayed ${row}`);
    }
    for (const key of actual.keys()) if (!expected.has(key)) differences.push(`${what} ${key}: only in the live model`);
  };
  compare('stage', live.rows, reference.rows);
  compare('lost reason', live.lostReasons, reference.lostReasons);
  if (live.records !== reference.records) differences.push(`records: live ${live.records} ≠ replayed ${reference.records}`);
  if (live.nonConforming !== reference.nonConforming) differences.push(`non-conforming records: live ${live.nonConforming} ≠ replayed ${reference.nonConforming}`);
  return differences;
};

/**
 * Rebuilds the funnel from raw history into a scratch model, up to the live model's checkpoint (so a model
 * that is merely behind is not "different"), and compares reports and tables with the live model.
 */
export const auditFunnel = async (options: FunnelAuditOptions): Promise<FunnelAudit> => {
  const projection = funnelProjection();
  const checkpoint = readCheckpoint(options.readModels.db, FUNNEL_PROJECTION);
  if (checkpoint === null) {
    throw new ReadModelException(ReadModelExceptionCode.NOT_BUILT, 'the funnel read model is not built yet: run the projections first', {});
  }
  const replay = await replayProjections({
    store: options.store,
    projections: [projection],
    directory: options.scratchDirectory,
    clock: options.clock,
    onProgress: options.onProgress,
    ...(checkpoint.position === null ? { include: () => false } : { until: checkpoint.position }),
  });
  try {
    const scratch = replay.readModels.db;
    // Teams are reference data, not history: the replay groups by the same teams as the live model.
    const teams = [...teamsByOwner(options.readModels.db).entries()].map(([owner, team]) => ({ owner, team }));
    if (teams.length > 0) setTeams(scratch, options.clock, teams);
    const live = queryFunnel(options.readModels.db, options.query);
    const reference = queryFunnel(scratch, options.query);
    const differences = [
      ...(checkpoint.version === projection.version ? [] : [`the live model was built by version ${checkpoint.version}, not ${projection.version}`]),
      ...reportDifferences(live, reference),
      ...tableDifferences(options.readModels.db, scratch, projection),
    ];
    return {
      checkpoint: serializeCheckpointPosition(checkpoint.position),
      live,
      reference,
      liveDigest: funnelReportDigest(live),
      referenceDigest: funnelReportDigest(reference),
      liveTablesDigest: projectionDigest(options.readModels.db, projection),
      referenceTablesDigest: replay.projections[0].digest,
      differences,
    };
  } finally {
    replay.readModels.close();
  }
};
