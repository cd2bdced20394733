import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join, resolve } from 'node:path';
import { ManualClock } from '@crm/clock';
import { serializePosition, SqliteEventStore, type StoredEvent } from '@crm/event-store';
import { capturedIo } from '../__fixtures__/captured-io';
import { runCli } from '../main';

/** The blueprints the product ships with. */
const SHIPPED = resolve(__dirname, '..', '..', '..', '..', 'blueprints');

describe('crm quota set, forecast snapshot and projections rebuild act as a user of the users file', () => {
  const clock = new ManualClock('2026-06-01T12:00:00.000Z');
  let root: string;
  let dataDir: string;

  const crm = async (...args: string[]) => {
    const io = capturedIo(root, clock);
    const exitCode = await runCli([...args, '--data-dir', dataDir, '--blueprints', SHIPPED], io);
    return { exitCode, out: io.out(), err: io.err() };
  };

  const withStore = async <T>(use: (store: SqliteEventStore) => Promise<T>): Promise<T> => {
    const store = await SqliteEventStore.open({ directory: dataDir, clock });
    try {
      return await use(store);
    } finally {
      await store.close();
    }
  };
  const head = (): Promise<string> =>
    withStore(async (store) => {
      const position = await store.headPosition();
      return position === null ? 'empty' : serializePosition(position);
    });
  const streamOf = (stream: string): Promise<StoredEvent[]> => withStore((store) => store.readStream(stream));

  beforeEach(async () => {
    root = mkdtempSync(join(tmpdir(), 'crm-cli-platform-'));
    dataDir = join(root, 'data');
    for (const [id, owner, amount] of [['acme-1', 'rita', '50000'], ['globex-1', 'raj', '20000']]) {
      const opened = await crm('record', 'open', 'opportunity', '--id', id, '--field', `name=${id}`, '--field', `amount=${amount}`, '--field', 'closeDate=2026-06-20', '--as', owner);
      expect(opened.exitCode).toBe(0);
    }
  });

  afterEach(() => rmSync(root, { recursive: true, force: true }));

  const writes: readonly (readonly string[])[] = [
    ['quota', 'set', '--scope', 'owner', '--name', 'rita', '--period', '2026-Q2', '--amount', '100000'],
    ['forecast', 'snapshot'],
    ['projections', 'rebuild', 'forecast'],
  ];

  it.each(writes)('given no --as and no CRM_USER, when %s %s runs, then it is a usage error (exit 2) and nothing is stored', async (...args) => {
    const before = await head();
    const run = await crm(...args);
    expect(run.exitCode).toBe(2);
    expect(run.err).toContain('say who acts: --as <user> (or set CRM_USER)');
    expect(await head()).toBe(before);
  });

  it.each(writes)('given an --as user the users file does not know, when %s %s runs, then it exits 5 naming the users file and nothing is stored', async (...args) => {
    const before = await head();
    const run = await crm(...args, '--as', 'mallory');
    expect(run.exitCode).toBe(5);
    expect(run.err).toContain(`no user "mallory" in ${join(dataDir, 'users.yaml')}`);
    expect(await head()).toBe(before);
  });

  it.each([
    [writes[0], 'manager-or-admin'],
    [writes[1], 'manager-analyst-or-admin'],
    [writes[2], 'analyst-or-admin'],
  ])('given a rep, when %j runs, then the role rules refuse it (exit 5, rule %s) and nothing is stored', async (args, rule) => {
    const before = await head();
    const run = await crm(...args, '--as', 'rita');
    expect(run.exitCode).toBe(5);
    expect(run.err).toContain(`rule: ${rule}`);
    expect(await head()).toBe(before);
  });

  it('given a manager, when they set the quota of their team\'s member, then it is a QuotaSet event with who and from where, and the forecast shows it at once; another team\'s member is refused', async () => {
    const set = await crm('quota', 'set', '--scope', 'owner', '--name', 'rita', '--period', '2026-Q2', '--amount', '100000', '--as', 'max');
    const again = await crm('quota', 'set', '--scope', 'owner', '--name', 'rita', '--period', '2026-Q2', '--amount', '100000', '--as', 'max');
    const raj = await crm('quota', 'set', '--scope', 'owner', '--name', 'raj', '--period', '2026-Q2', '--amount', '100000', '--as', 'max');

    expect(set).toMatchObject({ exitCode: 0, out: 'quota of owner rita for 2026-Q2: 100000 USD\n' });
    expect(again).toMatchObject({ exitCode: 0, out: 'quota of owner rita for 2026-Q2: 100000 USD (already set; nothing stored)\n' });
    expect(raj.exitCode).toBe(5);
    expect(raj.err).toContain('rule: manager.own-team');
    const events = await streamOf('_quota-owner-rita');
    expect(events.map((event) => [event.type, event.data, event.metadata['actor'], event.metadata['origin']])).toEqual([
      ['QuotaSet', { scope: 'owner', name: 'rita', period: '2026-Q2', amount: 100000, currency: 'USD' }, 'max', { via: 'cli', osUser: userInfo().username }],
    ]);
    expect(await streamOf('_quota-owner-raj')).toEqual([]);
    const forecast = await crm('report', 'forecast', '--by', 'owner', '--from', '2026-Q2', '--to', '2026-Q2');
    expect(forecast.out).toMatch(/^2026-Q2\s+rita\s.*100,000\.00\s+0\.0%$/m);
  });

  it('given a manager, when the snapshot of a period start is taken twice, then one ForecastSnapshotTaken is stored, the second run says already taken, and accuracy reads it', async () => {
    const first = await crm('forecast', 'snapshot', '--since', '2026-Q2', '--as', 'max');
    clock.set('2026-06-02T08:00:00.000Z');
    const second = await crm('forecast', 'snapshot', '--since', '2026-Q2', '--as', 'ana');

    expect(first).toMatchObject({ exitCode: 0, out: '2026-Q2 as of 2026-04-01T00:00:00.000Z: taken at 2026-06-01T12:00:00.000Z (1 owners)\n' });
    expect(second).toMatchObject({ exitCode: 0, out: '2026-Q2 as of 2026-04-01T00:00:00.000Z: already taken at 2026-06-01T12:00:00.000Z (1 owners)\n' });
    const events = await streamOf('_forecast-snapshot-opportunity-quarter-2026-Q2');
    expect(events.map((event) => [event.type, event.metadata['actor'], event.metadata['origin']])).toEqual([
      ['ForecastSnapshotTaken', 'max', { via: 'cli', osUser: userInfo().username }],
    ]);
    const accuracy = await crm('forecast', 'accuracy', '--from', '2026-Q2', '--to', '2026-Q2');
    expect(accuracy.out).toMatch(/^2026-Q2\s+total\s+2026-06-01T12:00:00.000Z\s/m);
  });

  it('given an analyst, when a projection is rebuilt, then it is rebuilt', async () => {
    const rebuilt = await crm('projections', 'rebuild', 'forecast', '--as', 'ana');
    expect(rebuilt.exitCode).toBe(0);
    expect(rebuilt.out).toMatch(/^forecast: rebuilt from \d+ events, digest sha256:[0-9a-f]{64}$/m);
  });
});
