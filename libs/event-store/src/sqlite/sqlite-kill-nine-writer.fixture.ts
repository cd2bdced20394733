import { randomUUID } from 'node:crypto';
import { systemClock } from '@crm/clock';
import { SqliteEventStore } from './sqlite-event-store';

/**
 * Child process of `sqlite-kill-nine.int.spec.ts`: appends in concurrent waves (so group commit is in
 * play) and prints one line per acknowledged append, right after its promise resolved. The parent kills
 * it with SIGKILL mid-stream and checks that every acknowledged append is on disk.
 * Usage: node <swc bootstrap> sqlite-kill-nine-writer.fixture.ts <directory>
 */
const writersPerWave = 16;
const giveUpAfterMs = 20_000;

const run = async (directory: string): Promise<void> => {
  const store = await SqliteEventStore.open({ directory, clock: systemClock });
  const startedAt = Date.now();
  process.stdout.write('ready\n');
  while (Date.now() - startedAt < giveUpAfterMs) {
    await Promise.all(
      Array.from({ length: writersPerWave }, async (_, writer) => {
        const stream = `crash-${writer}`;
        const ids = [randomUUID(), randomUUID()];
        const result = await store.append(stream, ids.map((id) => ({ id, type: 'Written', data: { writer } })), 'any');
        // Pipes are synchronous on Linux: once this returns, the parent can read the line even after a kill.
        process.stdout.write(`${JSON.stringify({ stream, ids, lastRevision: result.nextExpectedRevision })}\n`);
      }),
    );
  }
  await store.close();
};

const directory = process.argv[process.argv.length - 1];
if (!directory) throw new Error('usage: sqlite-kill-nine-writer.fixture.ts <directory>');
run(directory).catch((error: unknown) => {
  process.stderr.write(`${String(error)}\n`);
  process.exit(1);
});
