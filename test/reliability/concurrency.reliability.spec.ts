import { join } from 'node:path';
import fc from 'fast-check';
import { Engine } from '@crm/engine';
import type { StoredEvent } from '@crm/event-store';
import { scaledTimeout } from '@crm/event-store/contract';
import { systemClock } from '@crm/clock';
import { loadOrCreateUsersFile, RoleAccessPolicy } from '@crm/identity';
import { newCommandId, WorkflowException, WorkflowExceptionCode } from '@crm/workflow';
import { ApiHarness, repositoryRoot, type DemoUser } from '../e2e/api-harness';
import { reliabilitySeed } from './reliability-seed';

/**
 * Many writers on the same few records: 32 HTTP clients (half state the revision they read, half do not)
 * plus 8 writers through a second engine on the same data directory, as another API process would be
 * (its own SQLite connection and record cache, so the API's cached states go stale under it). Every write
 * sets `notes` to a value of its own, so each accepted write is exactly one FieldsChanged event.
 */

const RECORDS = 3;
const HTTP_CLIENTS = 32;
const ENGINE_WRITERS = 8;
const WRITES_PER_WRITER = 12;

interface Accepted {
  readonly recordId: string;
  readonly commandId: string;
  readonly notes: string;
}

interface Conflict {
  readonly writer: string;
  readonly expectedRevision: number | null;
  readonly currentRevision: unknown;
  readonly error: unknown;
}

interface ConflictBody {
  error: string;
  details: { currentRevision?: unknown; expectedRevision?: unknown };
}

describe('concurrency: many writers on the same few records', () => {
  let harness: ApiHarness;
  let otherProcess: Engine;

  beforeAll(async () => {
    harness = await ApiHarness.start();
    const { directory: users } = loadOrCreateUsersFile(join(harness.dataDirectory, 'users.yaml'));
    otherProcess = await Engine.open({
      dataDirectory: harness.dataDirectory,
      blueprintsDirectory: join(repositoryRoot, 'blueprints'),
      clock: systemClock,
      policy: new RoleAccessPolicy(() => users),
    });
  }, scaledTimeout(60_000));

  afterAll(async () => {
    await otherProcess?.close();
    await harness?.stop();
  });

  it('given 32 HTTP clients and 8 writers of another engine on 3 records, when they all write at once, then no write is lost or doubled and every conflict is a 409 with the current revision', async () => {
    const seed = reliabilitySeed('concurrency');
    const recordIds = await Promise.all(Array.from({ length: RECORDS }, (_, index) => harness.openOpportunity('rita', { name: `Contested deal ${index}` })));
    // Seeded choice of record per write, so a failing interleaving of targets can be replayed.
    const targets = fc.sample(fc.integer({ min: 0, max: RECORDS - 1 }), { seed, numRuns: (HTTP_CLIENTS + ENGINE_WRITERS) * WRITES_PER_WRITER });
    const targetOf = (writer: number, write: number): string => recordIds[targets[writer * WRITES_PER_WRITER + write] as number] as string;

    const accepted: Accepted[] = [];
    const conflicts: Conflict[] = [];
    const unexpected: string[] = [];
    const users: DemoUser[] = ['rita', 'max', 'ada'];

    const httpClient = async (client: number): Promise<void> => {
      const statesRevision = client % 2 === 0;
      const user = users[client % users.length] as DemoUser;
      for (let write = 0; write < WRITES_PER_WRITER; write += 1) {
        const recordId = targetOf(client, write);
        const notes = `http client ${client}, write ${write}`;
        const key = `concurrency-${seed}-c${client}-w${write}`;
        let expectedRevision: number | undefined;
        if (statesRevision) {
          const read = await harness.request<{ revision: number }>(user, 'GET', `/records/opportunity/${recordId}`);
          expectedRevision = read.body.revision;
        }
        // A client that states its revision retries a conflict with the revision the 409 reported, as a UI would.
        for (let attempt = 1; attempt <= 100; attempt += 1) {
          const response = await harness.request<ConflictBody>(
            user,
            'PATCH',
            `/records/opportunity/${recordId}`,
            { fields: { notes }, ...(expectedRevision === undefined ? {} : { expectedRevision }) },
            { 'idempotency-key': key },
          );
          if (response.status === 200) {
            accepted.push({ recordId, commandId: `idempotency:${user}:${key}`, notes });
            break;
          }
          if (response.status !== 409) {
            unexpected.push(`${key}: ${response.status} ${JSON.stringify(response.body)}`);
            break;
          }
          const currentRevision = response.body.details.currentRevision;
          conflicts.push({ writer: `http-${client}`, expectedRevision: expectedRevision ?? null, currentRevision, error: response.body.error });
          if (typeof currentRevision !== 'number') break;
          if (expectedRevision !== undefined) expectedRevision = currentRevision;
        }
      }
    };

    const engineWriter = async (writer: number): Promise<void> => {
      for (let write = 0; write < WRITES_PER_WRITER; write += 1) {
        const recordId = targetOf(HTTP_CLIENTS + writer, write);
        const notes = `other engine ${writer}, write ${write}`;
        const commandId = newCommandId(otherProcess.clock);
        try {
          await otherProcess.commands.execute({ type: 'UpdateFields', kind: 'opportunity', recordId, fields: { notes }, commandId, actor: { id: 'max', roles: ['manager'] } });
          accepted.push({ recordId, commandId, notes });
        } catch (error) {
          if (!(error instanceof WorkflowException) || error.code !== WorkflowExceptionCode.CONCURRENCY_CONFLICT) throw error;
          conflicts.push({ writer: `engine-${writer}`, expectedRevision: null, currentRevision: error.details['currentRevision'], error: error.code });
        }
      }
    };

    await Promise.all([
      ...Array.from({ length: HTTP_CLIENTS }, (_, client) => httpClient(client)),
      ...Array.from({ length: ENGINE_WRITERS }, (_, writer) => engineWriter(writer)),
    ]);

    const histories = new Map<string, StoredEvent[]>();
    for (const recordId of recordIds) histories.set(recordId, await harness.api.engine.store.readStream(`opportunity-${recordId}`));
    const finalRevision = Math.max(...[...histories.values()].map((history) => history.length - 1));

    const lost = accepted.filter(({ recordId, commandId, notes }) => {
      const stored = (histories.get(recordId) ?? []).filter((event) => event.metadata['commandId'] === commandId);
      return stored.length !== 1 || (stored[0]?.data['changes'] as { notes?: { to?: unknown } }).notes?.to !== notes;
    });
    const changes = [...histories.values()].flatMap((history) => history.filter((event) => event.type === 'FieldsChanged'));
    const badConflicts = conflicts.filter(
      ({ error, currentRevision, expectedRevision }) =>
        error !== 'CONCURRENCY_CONFLICT' ||
        typeof currentRevision !== 'number' ||
        currentRevision > finalRevision ||
        (expectedRevision !== null && currentRevision <= expectedRevision),
    );
    process.stdout.write(
      `[concurrency] ${accepted.length} accepted writes on ${RECORDS} records (${changes.length} FieldsChanged stored); ` +
        `${conflicts.length} conflicts (${conflicts.filter((conflict) => conflict.expectedRevision === null).length} from writers without expectedRevision)\n`,
    );

    expect(unexpected).toEqual([]);
    expect(lost).toEqual([]);
    expect(changes).toHaveLength(accepted.length);
    expect(badConflicts).toEqual([]);
    for (const history of histories.values()) expect(history.map((event) => event.revision)).toEqual(history.map((_, index) => index));
    expect(conflicts.filter((conflict) => conflict.expectedRevision !== null).length).toBeGreaterThan(0);
  }, scaledTimeout(120_000));
});
