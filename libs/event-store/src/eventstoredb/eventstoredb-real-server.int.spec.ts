import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { request } from 'node:https';
import { join } from 'node:path';
import { ManualClock, systemClock } from '@crm/clock';
import { binaryEvent, EventStoreDBClient, jsonEvent } from '@eventstore/db-client';
import { describeEventStoreContract, eventually, idsOf, newEvent, newEvents, readAllAfter, rejectionOf, scaledTimeout, SubscriptionReader } from '../contract';
import type { StartedTestContainer } from 'testcontainers';
import { EventStoreException, EventStoreExceptionCode } from '../event-store.exception';
import type { AppendResult, NewEvent } from '../event-store.port';
import { comparePositions } from '../position';
import { EventStoreDbEventStore, type EventStoreDbEventStoreOptions } from './eventstoredb-event-store';
import { serverImage as documentedImage } from './eventstoredb-server-image';

/**
 * The shared contract suite, and the server behaviours the wire-level stand-in reproduces, against a real
 * EventStoreDB 24.10 / KurrentDB:
 * - one node: the server named by EVENTSTORE_CONNECTION_STRING (one nobody else writes to), or else a
 *   throwaway insecure node started through testcontainers;
 * - the three-node secure cluster of docker-compose.yml, when EVENTSTORE_CLUSTER_CONNECTION_STRING names it
 *   (as admin) and a compose CLI can stop and start its nodes: leader changes under load, racing retries,
 *   appends during elections, a subscription across a node restart, a non-admin user, a 2 MiB append and
 *   a wiped store (last: it deletes the nodes' data volumes).
 * Where neither is possible, the suites are declared skipped, so the report shows their tests as skipped
 * (never as passed), and one line says how to run them.
 *
 * Jest declares tests synchronously, so whether a container runtime works is decided before that, by
 * asking testcontainers itself in a child process (about a second; it answers at once when there is none).
 */

const serverImage = process.env['EVENTSTORE_IMAGE'] ?? documentedImage;
const givenConnectionString = process.env['EVENTSTORE_CONNECTION_STRING'];
const clusterConnectionString = process.env['EVENTSTORE_CLUSTER_CONNECTION_STRING'];
const nodePort = 2113;
const startupTimeoutMs = 300_000;
const repositoryRoot = join(__dirname, '../../../..');
const composeFile = join(repositoryRoot, 'docker-compose.yml');
const clusterNodes = ['eventstoredb-node1', 'eventstoredb-node2', 'eventstoredb-node3'] as const;
// As docker-compose.yml gives them: the cluster network address and the host port of each node.
const nodeAddresses: Readonly<Record<string, (typeof clusterNodes)[number]>> = { '172.30.240.11': 'eventstoredb-node1', '172.30.240.12': 'eventstoredb-node2', '172.30.240.13': 'eventstoredb-node3' };
const nodeHostPorts: Readonly<Record<(typeof clusterNodes)[number], number>> = { 'eventstoredb-node1': 2121, 'eventstoredb-node2': 2122, 'eventstoredb-node3': 2123 };

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

const compose = (...args: string[]): { status: number | null; stdout: string; stderr: string } => {
  const run = spawnSync('docker', ['compose', '-f', composeFile, '--profile', 'cluster', ...args], { encoding: 'utf8', timeout: 300_000 });
  return { status: run.status, stdout: run.stdout ?? '', stderr: run.stderr ?? run.error?.message ?? '' };
};

const composeProblem = (): string | null => {
  const version = compose('version');
  return version.status === 0 ? null : `docker compose: ${version.stderr.trim().split('\n')[0] ?? 'not found'}`;
};

const runtimeProblem = givenConnectionString ? null : containerRuntimeProblem();
const clusterProblem = clusterConnectionString ? composeProblem() : 'EVENTSTORE_CLUSTER_CONNECTION_STRING unset';

// Straight to stderr: Jest prints a fully skipped file's console output nowhere.
if (runtimeProblem !== null) {
  process.stderr.write(
    `[event-store] EventStoreDB real-server contract tests SKIPPED: no EventStoreDB (EVENTSTORE_CONNECTION_STRING unset; testcontainers: "${runtimeProblem}"). ` +
      `Run them with Docker available, or against a server: EVENTSTORE_CONNECTION_STRING="esdb://localhost:2113?tls=false" npx jest --config libs/event-store/jest.config.js eventstoredb-real-server\n`,
  );
}
if (clusterProblem !== null) {
  process.stderr.write(
    `[event-store] EventStoreDB cluster tests SKIPPED (${clusterProblem}). Run them against the compose cluster (it stops, restarts and finally wipes its nodes): ` +
      'deploy/compose-env.sh && docker compose --profile cluster up -d eventstoredb-node1 eventstoredb-node2 eventstoredb-node3 && docker compose cp eventstoredb-node1:/certs/ca/ca.crt ./eventstoredb-ca.crt && ' +
      'EVENTSTORE_CLUSTER_CONNECTION_STRING="esdb://admin:$(sed -n "s/^EVENTSTORE_ADMIN_PASSWORD=//p" .env)@localhost:2121,localhost:2122,localhost:2123?tls=true&tlsCAFile=./eventstoredb-ca.crt&nodePreference=leader" ' +
      'npx jest --config libs/event-store/jest.config.js eventstoredb-real-server -t cluster\n',
  );
}

/** An event whose JSON data is about `bytes` long. */
const eventOfAbout = (bytes: number): NewEvent => newEvent('AttachmentStored', { text: 'x'.repeat(bytes) });

/** What a real server must answer for the limits and the reads the adapter maps, on any topology. */
const describeServerAnswers = (connect: (options?: Partial<EventStoreDbEventStoreOptions>) => Promise<EventStoreDbEventStore>, rawClient: () => EventStoreDBClient): void => {
  it('given a 2 MiB append, then INVALID_APPEND before sending; sent anyway by the bare client, the server refuses it too (MaxAppendSize)', async () => {
    const store = await connect();
    const client = rawClient();
    try {
      const stream = `attachment-${randomUUID()}`;
      const refused = await rejectionOf(store.append(stream, [eventOfAbout(2 * 1024 * 1024)], 'no_stream'));
      const sent = client.appendToStream(stream, [jsonEvent({ type: 'AttachmentStored', data: { text: 'x'.repeat(2 * 1024 * 1024) } })]);

      expect(refused.code).toBe(EventStoreExceptionCode.INVALID_APPEND);
      await expect(sent).rejects.toMatchObject({ type: 'maximum-append-size-exceeded' });
      expect(await store.readStream(stream)).toEqual([]);
    } finally {
      await client.dispose();
      await store.close();
    }
  });

  it('given a position inside a record, then the server refuses to read from it: INVALID_POSITION', async () => {
    const store = await connect();
    try {
      const appended = await store.append(`deal-${randomUUID()}`, newEvents(2), 'no_stream');

      const error = await rejectionOf(store.readAll({ from: { commit: appended.position.commit + 1n, prepare: appended.position.prepare + 1n } }));

      expect(error.code).toBe(EventStoreExceptionCode.INVALID_POSITION);
    } finally {
      await store.close();
    }
  });

  it('given a binary event another tool wrote, then reads of $all pass it by and count it', async () => {
    const store = await connect();
    const client = rawClient();
    try {
      const start = (await store.headPosition()) ?? 'start';
      const ours = newEvents(2);
      await store.append(`deal-${randomUUID()}`, [ours[0] as NewEvent], 'no_stream');
      await client.appendToStream(`legacy-${randomUUID()}`, [binaryEvent({ type: 'LegacyExport', data: new Uint8Array([1, 2, 3]) })]);
      await store.append(`deal-${randomUUID()}`, [ours[1] as NewEvent], 'no_stream');

      expect(idsOf(await readAllAfter(store, start))).toEqual(idsOf(ours));
      expect(store.warnings()).toEqual([expect.objectContaining({ code: 'FOREIGN_EVENTS_SKIPPED', count: 1 })]);
    } finally {
      await client.dispose();
      await store.close();
    }
  });
};

const describeWhenAServerExists = runtimeProblem === null ? describe : describe.skip;

describeWhenAServerExists(`EventStoreDB real server (${givenConnectionString ? 'EVENTSTORE_CONNECTION_STRING' : serverImage})`, () => {
  let connectionString: string | undefined = givenConnectionString;
  let container: StartedTestContainer | undefined;

  beforeAll(async () => {
    if (connectionString !== undefined) return;
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
    connectionString = `esdb://${container.getHost()}:${container.getMappedPort(nodePort)}?tls=false`;
  }, startupTimeoutMs);

  afterAll(async () => {
    await container?.stop();
  });

  describeEventStoreContract('eventstoredb (real server)', async () => {
    const clock = new ManualClock('2026-03-01T09:00:00.000Z');
    const store = await EventStoreDbEventStore.connect({ connectionString: connectionString as string, clock });
    return { store, clock, dispose: () => store.close() };
  });

  describe('server answers', () => {
    describeServerAnswers(
      (options = {}) => EventStoreDbEventStore.connect({ connectionString: connectionString as string, clock: systemClock, ...options }),
      () => EventStoreDBClient.connectionString(connectionString as string),
    );
  });
});

// --- the three-node cluster of docker-compose.yml --------------------------------------------------------

interface GossipMember {
  readonly state: string;
  readonly isAlive: boolean;
  readonly httpEndPointIp: string;
}

const clusterCredentials = (): { user: string; password: string; caFile: string } => {
  const url = new URL((clusterConnectionString as string).replace(/^esdb:/, 'https:'));
  const caFile = url.searchParams.get('tlsCAFile') ?? './eventstoredb-ca.crt';
  return { user: decodeURIComponent(url.username), password: decodeURIComponent(url.password), caFile };
};

/** A request to a node's HTTP API, as admin, trusting the cluster's CA. */
const nodeHttp = (port: number, method: string, path: string, body?: unknown): Promise<{ status: number; text: string }> => {
  const { user, password, caFile } = clusterCredentials();
  return new Promise((resolve, reject) => {
    const call = request(
      {
        host: 'localhost',
        port,
        method,
        path,
        ca: readFileSync(caFile),
        headers: { authorization: `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`, 'content-type': 'application/json' },
      },
      (response) => {
        let text = '';
        response.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, text }));
      },
    );
    call.on('error', reject);
    call.end(body === undefined ? undefined : JSON.stringify(body));
  });
};

/** The node the cluster elected, as a compose service, asking the nodes' gossip until one answers. */
const leaderNode = async (): Promise<(typeof clusterNodes)[number]> =>
  eventually(
    async () => {
      for (const node of clusterNodes) {
        const gossip = await nodeHttp(nodeHostPorts[node], 'GET', '/gossip').catch(() => null);
        if (gossip?.status !== 200) continue;
        const leader = (JSON.parse(gossip.text) as { members: GossipMember[] }).members.find((member) => member.isAlive && member.state === 'Leader');
        const service = leader === undefined ? undefined : nodeAddresses[leader.httpEndPointIp];
        if (service !== undefined) return service;
      }
      throw new Error('no node names a live leader yet');
    },
    { timeoutMs: scaledTimeout(120_000), intervalMs: 500 },
  );

const composeOrFail = (...args: string[]): void => {
  const run = compose(...args);
  if (run.status !== 0) throw new Error(`docker compose ${args.join(' ')} failed: ${run.stderr}`);
};

const describeWhenAClusterExists = clusterProblem === null ? describe : describe.skip;

describeWhenAClusterExists('EventStoreDB cluster (docker-compose.yml, cluster profile)', () => {
  const clusterTimeout = scaledTimeout(600_000);
  const opened: EventStoreDbEventStore[] = [];
  // Elections take seconds; the adapter waits them out within this bound.
  const connect = async (options: Partial<EventStoreDbEventStoreOptions> = {}): Promise<EventStoreDbEventStore> => {
    const store = await EventStoreDbEventStore.connect({
      connectionString: clusterConnectionString as string,
      clock: systemClock,
      unavailableRetry: { initialMs: 100, maxMs: 2_000, totalMs: 60_000 },
      ...options,
    });
    opened.push(store);
    return store;
  };

  afterEach(async () => {
    await Promise.all(opened.splice(0).map((store) => store.close()));
    // Whatever a test stopped is running again for the next one.
    composeOrFail('start', ...clusterNodes);
    await leaderNode();
  }, clusterTimeout);

  describeServerAnswers(
    (options = {}) => connect(options),
    () => EventStoreDBClient.connectionString(clusterConnectionString as string),
  );

  it(
    'given writers appending with read-back, when the leader is stopped under load, then every append is stored exactly once and none is taken for a duplicate',
    async () => {
      const store = await connect();
      const writers = Array.from({ length: 8 }, (_, index) => ({ stream: `deal-${randomUUID()}-${index}`, appended: [] as NewEvent[], refused: [] as string[] }));
      let stop = false;
      const writing = writers.map(async (writer) => {
        while (!stop) {
          const event = newEvent('DealMoved');
          try {
            await store.append(writer.stream, [event], 'any');
            writer.appended.push(event);
          } catch (error) {
            writer.refused.push(error instanceof EventStoreException ? error.code : String(error));
            if (!(error instanceof EventStoreException && error.retryable)) return;
          }
        }
      });
      await eventually(() => expect(writers.every((writer) => writer.appended.length >= 5)).toBe(true), { timeoutMs: scaledTimeout(60_000) });

      composeOrFail('stop', await leaderNode());
      const counts = writers.map((writer) => writer.appended.length);
      await eventually(() => expect(writers.every((writer, index) => writer.appended.length >= (counts[index] ?? 0) + 5)).toBe(true), {
        timeoutMs: scaledTimeout(120_000),
      });
      stop = true;
      await Promise.all(writing);

      for (const writer of writers) {
        expect(writer.refused.filter((code) => code !== EventStoreExceptionCode.UNAVAILABLE)).toEqual([]);
        const stored = await store.readStream(writer.stream);
        expect(idsOf(stored)).toEqual(expect.arrayContaining(idsOf(writer.appended)));
        expect(new Set(idsOf(stored)).size).toBe(stored.length);
      }
    },
    clusterTimeout,
  );

  it(
    'given one append retried at once by two processes, ten times over, then each answers the original result and the events are stored once',
    async () => {
      const [first, second] = [await connect(), await connect()];
      const stream = `deal-${randomUUID()}`;
      await first.append(stream, newEvents(1), 'no_stream');
      const events = newEvents(3);

      const results: AppendResult[] = await Promise.all(Array.from({ length: 10 }, (_, index) => (index % 2 === 0 ? first : second).append(stream, events, 0)));

      expect(new Set(results.map((result) => `${result.nextExpectedRevision}@${result.position.commit}`)).size).toBe(1);
      expect(idsOf(await first.readStream(stream, { fromRevision: 1 }))).toEqual(idsOf(events));
    },
    clusterTimeout,
  );

  it(
    'given the leader was just stopped (an election under way), when appending, then the append waits the election out and is stored once',
    async () => {
      const store = await connect();
      const stream = `deal-${randomUUID()}`;
      await store.append(stream, newEvents(1), 'no_stream');

      composeOrFail('stop', await leaderNode());
      const events = newEvents(2);
      const appended = await store.append(stream, events, 0);

      expect(appended.nextExpectedRevision).toBe(2);
      expect(idsOf(await store.readStream(stream, { fromRevision: 1 }))).toEqual(idsOf(events));
    },
    clusterTimeout,
  );

  it(
    'given a live subscription, when the node serving it restarts, then it resumes after the last event it delivered: no gap, no duplicate',
    async () => {
      const store = await connect({ resubscribeBackoff: { initialMs: 100, maxMs: 2_000 } });
      const prefix = `sub-${randomUUID()}-`;
      const reader = new SubscriptionReader(store.subscribe({ from: 'end', filter: { streamPrefixes: [prefix] } }));
      const before = newEvents(5);
      await store.append(`${prefix}1`, before, 'no_stream');
      const deliveredBefore = await reader.take(5, scaledTimeout(60_000));

      composeOrFail('restart', await leaderNode());
      const after = newEvents(5);
      await store.append(`${prefix}2`, after, 'no_stream');
      const deliveredAfter = await reader.take(5, scaledTimeout(180_000));

      expect(idsOf([...deliveredBefore, ...deliveredAfter])).toEqual(idsOf([...before, ...after]));
      await reader.subscription.close();
    },
    clusterTimeout,
  );

  it(
    'given a user who is not an admin, granted read on $all only, then the app works; without that grant, it cannot start and says why',
    async () => {
      const admin = EventStoreDBClient.connectionString(clusterConnectionString as string);
      const granted = `crm-app-${randomUUID().slice(0, 8)}`;
      const ungranted = `crm-other-${randomUUID().slice(0, 8)}`;
      const password = randomUUID();
      try {
        const port = nodeHostPorts[await leaderNode()];
        for (const loginName of [granted, ungranted]) {
          const created = await nodeHttp(port, 'POST', '/users/', { loginName, fullName: loginName, groups: [], password });
          expect([loginName, created.status]).toEqual([loginName, 201]);
        }
        const { metadata } = await admin.getStreamMetadata('$all');
        const readers = metadata?.acl?.readRoles;
        const roles = [...new Set([...(readers === undefined ? ['$admins'] : typeof readers === 'string' ? [readers] : readers), granted])];
        await admin.setStreamMetadata('$all', { ...metadata, acl: { ...metadata?.acl, readRoles: roles } });
        const as = (user: string): string => (clusterConnectionString as string).replace(/\/\/[^@/]*@/, `//${user}:${password}@`);

        const store = await connect({ connectionString: as(granted) });
        const events = newEvents(2);
        const stream = `deal-${randomUUID()}`;
        const original = await store.append(stream, events, 'no_stream');
        const retry = await store.append(stream, events, 'no_stream');
        const subscribed = await new SubscriptionReader(store.subscribe({ from: 'start', filter: { streamPrefixes: [stream] } })).take(2, scaledTimeout(60_000));
        const refused = await rejectionOf(connect({ connectionString: as(ungranted) }));

        expect(retry).toEqual(original);
        expect(idsOf(subscribed)).toEqual(idsOf(events));
        expect(refused.code).toBe(EventStoreExceptionCode.ACCESS_DENIED);
      } finally {
        await admin.dispose();
      }
    },
    clusterTimeout,
  );

  // Last: it deletes the nodes' data volumes, so the cluster starts over with an empty log.
  it(
    'given a position saved before the store was wiped, then the new log\'s head lies before it, and once the log grows past it, reading from it is refused',
    async () => {
      const before = await connect();
      const saved = await before.append(`deal-${randomUUID()}`, newEvents(50), 'no_stream');
      await before.close();
      const project = (JSON.parse(`[${compose('ps', '--format', 'json').stdout.trim().split('\n').join(',')}]`) as { Project: string }[])[0]?.Project;
      if (project === undefined) throw new Error('docker compose ps names no project');

      composeOrFail('rm', '--stop', '--force', ...clusterNodes);
      for (const index of [1, 2, 3]) spawnSync('docker', ['volume', 'rm', `${project}_eventstoredb-node${index}-data`], { encoding: 'utf8' });
      composeOrFail('up', '--detach', ...clusterNodes);
      await leaderNode();
      const store = await connect();

      const head = await store.headPosition();
      expect(head === null || comparePositions(head, saved.position) < 0).toBe(true);
      while (((await store.headPosition()) ?? { commit: 0n }).commit <= saved.position.commit) {
        await store.append(`other-${randomUUID()}`, [eventOfAbout(50_000 + Math.floor(Math.random() * 1_000))], 'no_stream');
      }
      const error = await rejectionOf(store.readAll({ from: saved.position }));
      expect(error.code).toBe(EventStoreExceptionCode.INVALID_POSITION);
    },
    clusterTimeout,
  );
});
