import { spawnSync } from 'node:child_process';
import { ManualClock } from '@crm/clock';
import { describeEventStoreContract } from '@crm/event-store/contract';
import type { StartedTestContainer } from 'testcontainers';
import { EventStoreDbEventStore } from './eventstoredb-event-store';

/**
 * The shared contract suite against a real EventStoreDB / KurrentDB: the server named by
 * EVENTSTORE_CONNECTION_STRING (use one nobody else writes to), or else a throwaway insecure node started
 * through testcontainers. Where neither is possible, the suite is declared skipped, so the report shows
 * its tests as skipped (never as passed), and one line says how to run them.
 *
 * Jest declares tests synchronously, so whether a container runtime works is decided before that, by
 * asking testcontainers itself in a child process (about a second; it answers at once when there is none).
 */

const serverImage = process.env['EVENTSTORE_IMAGE'] ?? 'eventstore/eventstore:24.10';
const givenConnectionString = process.env['EVENTSTORE_CONNECTION_STRING'];
const nodePort = 2113;
const startupTimeoutMs = 300_000;

const runtimeProbe = `require(process.env.TESTCONTAINERS_MODULE).getContainerRuntimeClient().then(
  () => process.exit(0),
  (error) => { process.stderr.write(String((error && error.message) || error)); process.exit(3); },
)`;

/** `null` when testcontainers finds a working container runtime, otherwise what it said. */
const containerRuntimeProblem = (): string | null => {
  const probe = spawnSync(process.execPath, ['-e', runtimeProbe], {
    encoding: 'utf8',
    timeout: 60_000,
    env: { ...process.env, TESTCONTAINERS_MODULE: require.resolve('testcontainers') },
  });
  if (probe.status === 0) return null;
  return (probe.stderr || probe.error?.message || `the probe exited with ${String(probe.status ?? probe.signal)}`).trim().split('\n')[0] ?? 'unknown';
};

const runtimeProblem = givenConnectionString ? null : containerRuntimeProblem();
let container: StartedTestContainer | undefined;

const startServer = async (): Promise<string> => {
  const { GenericContainer, Wait } = await import('testcontainers');
  container = await new GenericContainer(serverImage)
    .withEnvironment({
      EVENTSTORE_INSECURE: 'true',
      EVENTSTORE_CLUSTER_SIZE: '1',
      EVENTSTORE_MEM_DB: 'true',
      EVENTSTORE_RUN_PROJECTIONS: 'None',
      EVENTSTORE_TELEMETRY_OPTOUT: 'true',
    })
    .withExposedPorts(nodePort)
    .withWaitStrategy(Wait.forHttp('/health/live', nodePort).forStatusCode(204))
    .withStartupTimeout(startupTimeoutMs)
    .start();
  return `esdb://${container.getHost()}:${container.getMappedPort(nodePort)}?tls=false`;
};

if (runtimeProblem !== null) {
  // Straight to stderr: Jest prints a fully skipped file's console output nowhere.
  process.stderr.write(
    `[event-store] EventStoreDB real-server contract tests SKIPPED: no EventStoreDB (EVENTSTORE_CONNECTION_STRING unset; testcontainers: "${runtimeProblem}"). ` +
      `Run them with Docker available, or against a server: EVENTSTORE_CONNECTION_STRING="esdb://localhost:2113?tls=false" npx jest --config libs/event-store/jest.config.js eventstoredb-real-server\n`,
  );
}

const describeWhenAServerExists = runtimeProblem === null ? describe : describe.skip;

describeWhenAServerExists(`EventStoreDB real server (${givenConnectionString ? 'EVENTSTORE_CONNECTION_STRING' : serverImage})`, () => {
  let connectionString: string | undefined = givenConnectionString;

  beforeAll(async () => {
    connectionString ??= await startServer();
  }, startupTimeoutMs);

  afterAll(async () => {
    await container?.stop();
  });

  describeEventStoreContract('eventstoredb (real server)', async () => {
    const clock = new ManualClock('2026-03-01T09:00:00.000Z');
    const store = await EventStoreDbEventStore.connect({ connectionString: connectionString as string, clock });
    return { store, clock, dispose: () => store.close() };
  });
});
