import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ManualClock } from '@crm/clock';
import { eventually } from '@crm/event-store/contract';
import { startApi, type RunningApi, type TimersMode } from '../start-api';
import { localApiSettings } from '../api-settings';

const repositoryBlueprints = join(__dirname, '..', '..', '..', '..', 'blueprints');

interface TimersHealth {
  readonly state: string;
  readonly due: number | null;
  readonly oldestDueAt: string | null;
  readonly fired: number;
  readonly refused: number;
  readonly lastError: string | null;
}

describe('the timer scheduler in the API process', () => {
  // 2026-03-02 is a Monday; the lead SLA counts the owner's team's business hours (09:00-17:00 UTC by default).
  const clock = new ManualClock('2026-03-02T09:00:00.000Z');
  let dataDirectory: string;
  let api: RunningApi;
  let token: string;

  const get = async <T>(path: string): Promise<T> => {
    const response = await fetch(`${api.url}${path}`, { headers: { authorization: `Bearer ${token}` } });
    expect(response.status).toBe(200);
    return (await response.json()) as T;
  };
  const timersHealth = async (): Promise<TimersHealth> => (await get<{ timers: TimersHealth }>('/health')).timers;
  const untilReadModelsAtHead = async (): Promise<void> => {
    const head = await api.engine.store.headPosition();
    if (head !== null) await api.projections.waitForPosition(head);
  };

  const start = async (timers?: TimersMode): Promise<void> => {
    api = await startApi(
      localApiSettings(dataDirectory, repositoryBlueprints),
      { clock, logger: false, ...(timers === undefined ? {} : { timers }) },
    );
    token = (JSON.parse(readFileSync(join(dataDirectory, 'demo-tokens.json'), 'utf8')) as Record<string, { token: string }>)['rita']?.token ?? '';
  };
  const openLead = async (id: string): Promise<void> => {
    const opened = await fetch(`${api.url}/records/lead`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ id, fields: { name: 'Lee Park' } }),
    });
    expect(opened.status).toBe(201);
  };

  beforeEach(() => {
    dataDirectory = mkdtempSync(join(tmpdir(), 'crm-api-timers-'));
    clock.set('2026-03-02T09:00:00.000Z');
  });

  afterEach(async () => {
    await api.close();
    rmSync(dataDirectory, { recursive: true, force: true });
  });

  it('given an injected clock, when started, then the scheduler waits to be run and /health with a token shows it with nothing due', async () => {
    await start();
    expect(await timersHealth()).toEqual({ state: 'manual', due: 0, oldestDueAt: null, fired: 0, refused: 0, lastError: null });
  });

  it('given a new lead, when the clock passes one business hour, then /health shows the reminder due; run, it fires and the timers read model lets it go', async () => {
    await start();
    await openLead('lee');
    await untilReadModelsAtHead();
    clock.set('2026-03-02T10:30:00.000Z');
    expect(await timersHealth()).toMatchObject({ due: 1, oldestDueAt: '2026-03-02T10:00:00.000Z' });

    expect(await api.timers.runDue()).toMatchObject({ fired: 1, failure: null });

    await untilReadModelsAtHead();
    expect(await timersHealth()).toEqual({ state: 'manual', due: 0, oldestDueAt: null, fired: 1, refused: 0, lastError: null });
    const history = await get<{ events: { type: string; metadata: { actor: string } }[] }>('/records/lead/lee/history');
    expect(history.events.filter((event) => event.type === 'TimerFired').map((event) => event.metadata.actor)).toEqual(['system:timer']);
    await eventually(async () => {
      const { projections } = await get<{ projections: { projection: string; state: string; lag: number }[] }>('/projections');
      expect(projections.find((status) => status.projection === 'timers')).toMatchObject({ state: 'live', lag: 0 });
    });
  });

  it('given an injected clock and timers: loop, when the clock passes one business hour, then the loop fires the reminder without being asked', async () => {
    await start('loop');
    expect(await timersHealth()).toMatchObject({ state: 'running', fired: 0 });
    await openLead('lee');
    await untilReadModelsAtHead();

    clock.set('2026-03-02T10:00:00.000Z');

    await eventually(async () => expect(await timersHealth()).toMatchObject({ state: 'running', fired: 1, lastError: null }));
    const history = await get<{ events: { type: string; data: { timer?: string } }[] }>('/records/lead/lee/history');
    expect(history.events.filter((event) => event.type === 'TimerFired').map((event) => event.data.timer)).toEqual(['remind_uncontacted']);
  });
});
