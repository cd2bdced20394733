import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { loadBlueprintDirectory } from '@crm/blueprint';
import { ManualClock } from '@crm/clock';
import { SqliteEventStore } from '@crm/event-store';
import { RoleAccessPolicy, UserDirectory, type User } from '@crm/identity';
import { BlueprintCatalog, RECORD_EVENT_SCHEMAS, RecordCommandHandler, standardTiming } from '@crm/workflow';
import { blueprintsDirectory } from './bench-engine';
import { BENCH_TEAMS, DEAL_DESK, managerOf, ownerId, teamOf } from './opportunity-histories';
import { generateSalesHistory, type SalesHistoryOptions, type SalesHistorySummary } from './sales-history';
import { writeSalesHistory } from './sales-history-store';

/**
 * Checks that the sales history is what the engine itself stores: the same seed and size written by the
 * generator (decider and fold, rows inserted in bulk) and sent command by command through
 * `RecordCommandHandler` (on a clock set to each command's business time, under the role access policy
 * with the bench's reps, team managers, deal desk and importer as users) must give the very same rows,
 * byte for byte. Any refusal by the handler — a guard, the access policy — fails the check too.
 *
 * Usage: node -r ./apps/bench/register-typescript.js apps/bench/src/workload/check-sales-history.ts [events] [seed]
 */

type Row = [position: number, id: string, stream: string, revision: number, type: string, data: string, metadata: string, occurredAt: string, recordedAt: string];

const OWNERS = 400;

const benchUsers = (owners: number): User[] => [
  ...Array.from({ length: owners }, (_, index): User => {
    const id = ownerId(index);
    return { id, name: id, roles: ['rep'], team: teamOf(id) };
  }),
  ...Array.from({ length: BENCH_TEAMS }, (_, index): User => {
    const member = ownerId(index);
    return { id: managerOf(member), name: managerOf(member), roles: ['manager'], team: teamOf(member) };
  }),
  { id: DEAL_DESK, name: 'Deal desk', roles: ['admin'], team: null },
  { id: 'importer', name: 'Go-live import', roles: ['admin'], team: null },
];

const rowsOf = (directory: string): Row[] => {
  const db = new Database(join(directory, 'events.sqlite'), { readonly: true, fileMustExist: true });
  try {
    return db
      .prepare<[], Row>('SELECT position, id, stream, revision, type, data, metadata, occurred_at, recorded_at FROM events ORDER BY position')
      .raw()
      .all();
  } finally {
    db.close();
  }
};

/** Sends every command of the history through the handler, as a live system would have received them. */
const writeThroughHandler = async (directory: string, options: SalesHistoryOptions): Promise<number> => {
  const clock = new ManualClock();
  const store = await SqliteEventStore.open({ directory, clock, schemas: RECORD_EVENT_SCHEMAS });
  const policy = new RoleAccessPolicy(() => new UserDirectory(benchUsers(OWNERS)));
  try {
    const catalog = await BlueprintCatalog.open(store);
    const handler = new RecordCommandHandler(store, catalog, { clock, policy, timing: standardTiming() });
    const history = generateSalesHistory(options);
    let commands = 0;
    for (let next = history.next(); !next.done; next = history.next()) {
      const item = next.value;
      clock.set(item.at);
      if (item.kind === 'publish') {
        await catalog.publish(item.definition);
        continue;
      }
      const result = await handler.execute(item.command);
      if (result.events.length !== item.rows.length) {
        throw new Error(`${item.command.type} on ${result.recordId}: the handler stored ${result.events.length} events, the generator ${item.rows.length}`);
      }
      commands += 1;
    }
    return commands;
  } finally {
    await store.close();
  }
};

/** What the check found: the rows compared, and the first that differs (null when none). */
export interface SalesHistoryCheck {
  readonly generatedRows: number;
  readonly handledRows: number;
  readonly commands: number;
  readonly firstDifference: { readonly index: number; readonly handler: Row | undefined; readonly generator: Row | undefined } | null;
  readonly summary: SalesHistorySummary;
}

/** Writes the history both ways into a temp folder and compares the stored rows, byte for byte. */
export const checkSalesHistory = async (events: number, seed: number): Promise<SalesHistoryCheck> => {
  const root = mkdtempSync(join(tmpdir(), 'crm-sales-history-check-'));
  try {
    const generated = join(root, 'generated');
    const handled = join(root, 'handled');
    const summary = await writeSalesHistory(generated, { seed, events });
    const commands = await writeThroughHandler(handled, { seed, events, blueprints: loadBlueprintDirectory(blueprintsDirectory), owners: OWNERS });
    const expected = rowsOf(handled);
    const actual = rowsOf(generated);
    const differing = expected.findIndex((row, index) => JSON.stringify(row) !== JSON.stringify(actual[index]));
    const index = differing >= 0 ? differing : expected.length !== actual.length ? Math.min(expected.length, actual.length) : -1;
    return {
      generatedRows: actual.length,
      handledRows: expected.length,
      commands,
      firstDifference: index < 0 ? null : { index, handler: expected[index], generator: actual[index] },
      summary,
    };
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
};

const main = async (): Promise<void> => {
  const check = await checkSalesHistory(Number(process.argv[2] ?? 30_000), Number(process.argv[3] ?? 20_261_123));
  const { firstDifference: difference, summary } = check;
  if (difference !== null) {
    throw new Error(
      `rows differ at position ${difference.index + 1} (handler ${check.handledRows} rows, generator ${check.generatedRows}):\nhandler   ${JSON.stringify(difference.handler)}\ngenerator ${JSON.stringify(difference.generator)}`,
    );
  }
  process.stdout.write(
    `${check.generatedRows} rows identical (${check.commands} commands through RecordCommandHandler under the role policy)\n` +
      `event types: ${Object.entries(summary.eventTypes)
        .map(([type, count]) => `${type} ${count}`)
        .join(', ')}\n` +
      `live records ${summary.liveRecords}, imported ${summary.importedRecords}, business time ${summary.firstOccurredAt} – ${summary.lastOccurredAt}\n` +
      `stages at the end: ${JSON.stringify(summary.stages)}\n`,
  );
};

if (require.main === module) {
  main().catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  });
}
