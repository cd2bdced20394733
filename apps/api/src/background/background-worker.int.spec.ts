import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eventually } from '@crm/event-store/contract';
import { comparePositions } from '@crm/event-store';
import { PROJECTION_READ_FILTER, READ_MODEL_FILE_NAME, readCheckpoints, ReadModelDatabase } from '@crm/projection-runtime';
import { startApi, type RunningApi } from '../start-api';
import { localApiSettings } from '../api-settings';

const repositoryBlueprints = join(__dirname, '..', '..', '..', '..', 'blueprints');

interface Page<T> {
  readonly items: T[];
}

describe('the API process with its background worker (the live projections off the request thread)', () => {
  let dataDirectory: string;
  let api: RunningApi;
  let tokens: Record<string, { token: string }>;

  const send = async <T>(user: string, method: string, path: string, body?: unknown): Promise<{ status: number; body: T }> => {
    const response = await fetch(`${api.url}${path}`, {
      method,
      headers: { authorization: `Bearer ${tokens[user]?.token ?? ''}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return { status: response.status, body: (await response.json()) as T };
  };

  beforeEach(async () => {
    dataDirectory = mkdtempSync(join(tmpdir(), 'crm-background-'));
    // The system clock and SQLite, as `npm start` runs: the worker is the default.
    api = await startApi(
      localApiSettings(dataDirectory, repositoryBlueprints),
      { logger: false },
    );
    tokens = JSON.parse(readFileSync(join(dataDirectory, 'demo-tokens.json'), 'utf8')) as Record<string, { token: string }>;
  });

  afterEach(async () => {
    await api.close();
    rmSync(dataDirectory, { recursive: true, force: true });
  });

  it('given the API on the system clock, when ada gives rita a deal, then the worker projects it for the next read and the notifications reactor still tells rita', async () => {
    expect(api.background?.running).toBe(true);

    const opened = await send<{ position: string }>('ada', 'POST', '/records/opportunity', { id: 'worker-1', owner: 'rita', fields: { name: 'Worker deal' } });
    expect(opened.status).toBe(201);
    const head = await api.engine.store.headPosition();
    if (head === null) throw new Error('the deal was not stored');
    await api.projections.waitForPosition(head);
    const listed = await send<Page<{ recordId: string }>>('rita', 'GET', '/records/opportunity');

    expect(listed.body.items.map((item) => item.recordId)).toContain('worker-1');
    const notified = await eventually(async () => {
      const page = await send<Page<{ kind: string; title: string }>>('rita', 'GET', '/notifications?unread=true');
      expect(page.body.items.map((item) => item.kind)).toEqual(['owner_changed']);
      return page.body.items[0];
    });
    expect(notified?.title).toBe('Assigned to you: Worker deal (opportunity worker-1)');
  });

  it('given the worker, when /health is asked, then it reports the worker’s projections beside the timer scheduler', async () => {
    const health = await send<{ projections: { byProjection: { projection: string; state: string }[] }; timers: { state: string } }>('ada', 'GET', '/health');

    expect(health.status).toBe(200);
    expect(health.body.timers.state).toBe('running');
    expect(health.body.projections.byProjection.map((entry) => entry.projection)).toContain('records');
    expect(health.body.projections.byProjection.every((entry) => ['live', 'catching_up'].includes(entry.state))).toBe(true);
  });

  it('given the worker, when a read model is rebuilt, then the worker rebuilds it; an unknown one is refused with the runtime’s own error', async () => {
    const rebuilt = await api.projections.rebuild('records');

    expect(rebuilt.projection).toBe('records');
    await expect(api.projections.rebuild('no-such-model')).rejects.toMatchObject({ name: 'ProjectionRuntimeException', code: 'UNKNOWN_PROJECTION' });
  });

  it('given a deal projected by the worker, when the API closes, then the worker has ended and its read models hold what it applied', async () => {
    expect((await send('ada', 'POST', '/records/opportunity', { id: 'worker-2', owner: 'rita', fields: { name: 'Closing deal' } })).status).toBe(201);
    const read = await api.engine.store.readAll({ filter: PROJECTION_READ_FILTER, maxCount: 10_000 });
    const last = read[read.length - 1];
    if (last === undefined) throw new Error('the deal was not stored');
    await api.projections.waitForPosition(last.position);
    const worker = api.background;

    await api.close();

    expect(worker?.running).toBe(false);
    const readModels = ReadModelDatabase.open({ directory: dataDirectory, fileName: READ_MODEL_FILE_NAME, readOnly: true });
    try {
      const records = readCheckpoints(readModels.db).find((checkpoint) => checkpoint.projection === 'records');
      expect(records?.position != null && comparePositions(records.position, last.position) >= 0).toBe(true);
    } finally {
      readModels.close();
    }
  });
});
