import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { loadBlueprintDirectory } from '@crm/blueprint';
import { ManualClock } from '@crm/clock';
import { SqliteEventStore } from '@crm/event-store';
import { RoleAccessPolicy, UserDirectory, type User } from '@crm/identity';
import { BlueprintCatalog, RecordCommandHandler, standardTiming } from '@crm/workflow';
import { blueprintsDirectory } from './bench-engine';
import { BENCH_TEAMS, DEAL_DESK, managerOf, ownerId, teamOf } from './opportunity-histories';
import { generateSalesHistory, type SalesHistoryOptions } from './sales-history';
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
  const store = await SqliteEventStore.open({ directory, clock });
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

const main = async (): Promise<void> => {
  const events = Number(process.argv[2] ?? 30_000);
  const seed = Number(process.argv[3] ?? 20_261_123);
  const root = mkdtempSync(join(tmpdir(), 'crm-sales-history-check-'));
  try {
    const generated = join(root, 'generated');
    const handled = join(root, 'handled');
    const summary = await writeSalesHistory(generated, { seed, events });
    const commands = await writeThroughHandler(handled, { seed, events, blueprints: loadBlueprintDirectory(blueprintsDirectory), owners: OWNERS });
    const expected = rowsOf(handled);
    const actual = rowsOf(generated);
    const differing = expected.findIndex((row, index) => JSON.stringify(row) !== JSON.stringify(actual[index]));
    if (expected.length !== actual.length || differing >= 0) {
      const at = differing >= 0 ? differing : Math.min(expected.length, actual.length);
      throw new Error(
        `rows differ at position ${at + 1} (handler ${expected.length} rows, generator ${actual.length}):\nhandler   ${JSON.stringify(expected[at])}\ngenerator ${JSON.stringify(actual[at])}`,
      );
    }
    process.stdout.write(
      `${actual.length} rows identical (${commands} commands through RecordCommandHandler under the role policy)\n` +
        `event types: ${Object.entries(summary.eventTypes)
          .map(([type, count]) => `${type} ${count}`)
          .join(', ')}\n` +
        `live records ${summary.liveRecords}, imported ${summary.importedRecords}, business time ${summary.firstOccurredAt} – ${summary.lastOccurredAt}\n` +
        `stages at the end: ${JSON.stringify(summary.stages)}\n`,
    );
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
};

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
