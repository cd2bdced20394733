import { localApiSettings, startApi } from '../../../api/src/start-api';
import { blueprintsDirectory } from '../workload/bench-engine';
import { serveBenchControl } from './server-process';

/**
 * The real API as `npm start` runs it (NestJS on Fastify, bearer auth, CQRS handlers, SQLite store),
 * started by `startApi` exactly as `apps/api/src/main.ts` does, on the bench's data directory.
 * Usage: node -r register-typescript.js api-server.ts <data directory>
 */
const main = async (): Promise<void> => {
  const dataDirectory = process.argv[2];
  if (!dataDirectory) throw new Error('usage: api-server.ts <data directory>');
  const api = await startApi(
    localApiSettings(dataDirectory, blueprintsDirectory),
    { logger: false },
  );
  // Measure the steady state: the read models first catch up on the seeded records (a one-off rebuild a
  // restarted server does once), then every measured write is followed live, as in production.
  const head = await api.engine.store.headPosition();
  if (head) await api.projections.waitForPosition(head, 600_000);
  serveBenchControl(api.url, () => api.close());
};

main().catch((error: unknown) => {
  process.stderr.write(`api-server: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
