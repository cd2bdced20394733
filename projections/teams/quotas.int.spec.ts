import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ManualClock } from '@crm/clock';
import { SqliteEventStore } from '@crm/event-store';
import { catchUpProjection, projectionDigest, ReadModelDatabase, rebuildProjection } from '@crm/projection-runtime';
import { forecastProjection } from '../forecast/forecast.projection';
import { queryForecast } from '../forecast/forecast.queries';
import { ReadModelException, ReadModelExceptionCode } from '../shared/read-model.exception';
import { quotaStream, QUOTA_SET } from './quota.stream';
import { Quotas, type QuotaSetting } from './quotas';

const max = { id: 'max', roles: ['manager'] };

describe('quotas as events', () => {
  const clock = new ManualClock('2017-03-20T10:00:00.000Z');
  let directory: string;
  let store: SqliteEventStore;
  let readModels: ReadModelDatabase;
  let quotas: Quotas;
  let sequence = 0;

  const setting = (overrides: Partial<QuotaSetting> = {}): QuotaSetting => {
    sequence += 1;
    return {
      quota: { scope: 'owner', name: 'ann', period: '2017-Q2', amount: 1600, currency: 'USD' },
      commandId: `quota-${sequence}`,
      actor: max,
      origin: { via: 'cli', osUser: 'maxine' },
      authorize: () => undefined,
      ...overrides,
    };
  };
  const catchUp = () => catchUpProjection({ store, readModels, projection: forecastProjection(), clock });
  const quotaOf = (name: string, period = '2017-Q2') =>
    queryForecast(readModels.db, clock, { from: period, to: period }).rows.find((row) => row.group === name)?.quota ?? null;

  beforeEach(async () => {
    directory = mkdtempSync(join(tmpdir(), 'crm-quotas-'));
    store = await SqliteEventStore.open({ directory, clock });
    readModels = ReadModelDatabase.open({ directory });
    quotas = new Quotas(store, clock);
    await catchUp();
  });

  afterEach(async () => {
    readModels.close();
    await store.close();
    rmSync(directory, { recursive: true, force: true });
  });

  it('given a quota set, then it is a QuotaSet event in the owner\'s quota stream, with who and from where, and the forecast reports it', async () => {
    const first = setting();
    const outcome = await quotas.set(first);
    await catchUp();

    expect(outcome).toMatchObject({ changed: true });
    const [event] = await store.readStream(quotaStream('owner', 'ann'));
    expect(event).toMatchObject({
      type: QUOTA_SET,
      data: { scope: 'owner', name: 'ann', period: '2017-Q2', amount: 1600, currency: 'USD' },
      metadata: { actor: 'max', roles: ['manager'], origin: { via: 'cli', osUser: 'maxine' }, commandId: first.commandId },
      occurredAt: '2017-03-20T10:00:00.000Z',
    });
    expect(quotaOf('ann')).toBe(1600);
  });

  it('given a quota set, when the same amount is set again or the command retried, then nothing new is stored; a new amount replaces it', async () => {
    const first = setting();
    await quotas.set(first);

    const retried = await quotas.set(first);
    const same = await quotas.set(setting());
    const raised = await quotas.set(setting({ quota: { scope: 'owner', name: 'ann', period: '2017-Q2', amount: 2000, currency: 'USD' } }));
    await catchUp();

    expect([retried.changed, same.changed, raised.changed]).toEqual([false, false, true]);
    expect((await store.readStream(quotaStream('owner', 'ann'))).map((event) => event.data['amount'])).toEqual([1600, 2000]);
    expect(quotaOf('ann')).toBe(2000);
  });

  it('given the access check refuses, when a quota is set, then its refusal stands and nothing is stored', async () => {
    const refusal = new Error('not yours');
    await expect(quotas.set(setting({ authorize: () => { throw refusal; } }))).rejects.toBe(refusal);
    expect(await store.headPosition()).toBeNull();
  });

  it.each([
    ['a negative amount', { amount: -1 }, 'amount'],
    ['an amount with fractions of a cent', { amount: 10.001 }, 'amount'],
    ['a period that is none', { period: '2017-13' }, 'period'],
    ['an empty name', { name: ' ' }, 'name'],
    ['a currency that is no ISO code', { currency: 'usd' }, 'currency'],
  ])('given %s, when a quota is set, then it is refused naming it and nothing is stored', async (_case, change, named) => {
    const quota = { scope: 'owner' as const, name: 'ann', period: '2017-Q2', amount: 1600, currency: 'USD', ...change };
    const failure = await quotas.set(setting({ quota })).catch((error: unknown) => error);

    expect(failure).toBeInstanceOf(ReadModelException);
    expect((failure as ReadModelException).code).toBe(ReadModelExceptionCode.INVALID_REFERENCE_DATA);
    expect((failure as ReadModelException).message).toContain(named);
    expect(await store.headPosition()).toBeNull();
  });

  it('given quotas of an owner and a team, when the forecast is rebuilt, then the quotas are as before', async () => {
    await quotas.set(setting());
    await quotas.set(setting({ quota: { scope: 'team', name: 'east', period: '2017-Q2', amount: 9000, currency: 'USD' } }));
    await catchUp();
    const before = projectionDigest(readModels.db, forecastProjection());

    await rebuildProjection({ store, readModels, projection: forecastProjection(), clock });

    expect(projectionDigest(readModels.db, forecastProjection())).toBe(before);
    expect(queryForecast(readModels.db, clock, { groupBy: 'team', from: '2017-Q2', to: '2017-Q2' }).rows).toEqual([
      expect.objectContaining({ group: 'east', quota: 9000 }),
    ]);
    expect(quotaOf('ann')).toBe(1600);
  });

  it('given a quota raised during its period, when the forecast is asked as of a moment before the raise, then it measures against the quota as it stood then', async () => {
    await quotas.set(setting());
    clock.set('2017-05-10T09:00:00.000Z');
    await quotas.set(setting({ quota: { scope: 'owner', name: 'ann', period: '2017-Q2', amount: 2400, currency: 'USD' } }));
    await catchUp();
    const quotaAsOf = (asOf: string) => queryForecast(readModels.db, clock, { from: '2017-Q2', to: '2017-Q2', asOf }).rows.find((row) => row.group === 'ann')?.quota ?? null;

    expect(quotaAsOf('2017-04-30')).toBe(1600);
    expect(quotaAsOf('2017-05-10T09:00:00.000Z')).toBe(2400);
    expect(quotaOf('ann')).toBe(2400);
    // Set only after this moment: the first quota of the period is its plan, not "no quota".
    expect(quotaAsOf('2017-01-15')).toBe(1600);
  });
});
