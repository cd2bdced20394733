import { randomUUID } from 'node:crypto';
import { ManualClock } from '@crm/clock';
import { eventually, scaledTimeout } from '@crm/event-store/contract';
import { WireLevelStandIn } from '@crm/event-store/stand-in';
import { ApiHarness } from './api-harness';

/**
 * The API on EventStoreDB when the server behaves as a real 24.10 does under operations (through the
 * wire-level stand-in, which reproduces them; see its header): retries racing a write the cluster has not
 * replicated, users without admin rights, events other tools wrote. What a client and an operator see.
 */

interface HealthBody {
  readonly store: { readonly kind: string; readonly warnings: readonly { code: string; count: number; message: string }[] };
}

const clockAt = (): ManualClock => new ManualClock('2026-06-01T09:00:00.000Z');

describe('the API on EventStoreDB under operations', () => {
  const harnesses: ApiHarness[] = [];
  const standIns: WireLevelStandIn[] = [];

  const standIn = async (options: Parameters<typeof WireLevelStandIn.start>[0] = {}): Promise<WireLevelStandIn> => {
    const started = await WireLevelStandIn.start(options);
    standIns.push(started);
    return started;
  };
  const api = async (server: WireLevelStandIn): Promise<ApiHarness> => {
    const harness = await ApiHarness.start({ clock: clockAt(), eventStoreDbConnectionString: server.connectionString });
    harnesses.push(harness);
    return harness;
  };

  afterEach(async () => {
    for (const harness of harnesses.splice(0)) await harness.stop();
    await Promise.all(standIns.splice(0).map((server) => server.stop()));
  });

  it(
    'given two API processes sent the same command (one Idempotency-Key) while the cluster has not replicated the first write, then both answer it once and the record holds it once',
    async () => {
      // Plain Append, not BatchAppend: the client keeps the pending batch appends of every client in the
      // process in one map, so one API closing would fail the other's; two real processes share nothing.
      const server = await standIn({ writeTimeoutMs: 50, serverFeatures: false });
      const first = await api(server);
      const second = await api(server);
      const id = `initech-${randomUUID().slice(0, 8)}`;
      const opened = await first.request('rita', 'POST', '/records/opportunity', { id, fields: { name: 'Initech renewal', timeline: '2026-09-30' } });
      expect(opened.status).toBe(201);
      const advance = { event: 'analyze_needs', fields: { budget: 90000, decisionMaker: 'Bill Lumbergh' } };
      const key = { 'idempotency-key': `advance-${id}` };
      server.log.holdReplication(`opportunity-${id}`);

      const fromFirst = first.request('rita', 'POST', `/records/opportunity/${id}/transitions`, advance, key);
      await eventually(() => expect(server.log.events.filter((event) => event.stream === `opportunity-${id}`).length).toBeGreaterThan(1));
      const fromSecond = second.request('rita', 'POST', `/records/opportunity/${id}/transitions`, advance, key);
      await eventually(() => expect(server.stats.droppedIdempotentWrites).toBeGreaterThanOrEqual(1));
      server.log.releaseReplication();

      const [answerOfFirst, answerOfSecond] = await Promise.all([fromFirst, fromSecond]);
      expect([answerOfFirst.status, answerOfSecond.status]).toEqual([200, 200]);
      expect((answerOfSecond.body as { record: unknown }).record).toEqual((answerOfFirst.body as { record: unknown }).record);
      const history = await first.request<{ events: { type: string }[] }>('rita', 'GET', `/records/opportunity/${id}/history`);
      expect(history.body.events.map((event) => event.type)).toEqual(['RecordOpened', 'FieldsChanged', 'Transitioned']);
    },
    scaledTimeout(90_000),
  );

  it('given the app\'s user is no admin but may read $all, when it runs commands and projections, then all work', async () => {
    const server = await standIn({ user: { name: 'crm', admin: false, readAll: true } });
    const harness = await api(server);

    const id = await harness.openOpportunity('rita');
    const retried = await harness.request('rita', 'POST', '/records/opportunity', { id, fields: { name: 'again' } });
    await harness.untilProjectionsCaughtUp();

    expect(retried.status).toBe(409);
    expect(server.stats.accessDenied).toBe(0);
  }, scaledTimeout(60_000));

  it('given the app\'s user may not read $all, when the app starts, then it stops at once with ACCESS_DENIED saying what to grant', async () => {
    const server = await standIn({ user: { name: 'crm', admin: false, readAll: false } });

    const starting = ApiHarness.start({ clock: clockAt(), eventStoreDbConnectionString: server.connectionString });

    await expect(starting).rejects.toMatchObject({ code: 'ACCESS_DENIED', message: expect.stringContaining('set the $acl of $all') });
  });

  it('given the grant is withdrawn while the app runs, when asked for health, then 503 ACCESS_DENIED says why (with a token) and down (without)', async () => {
    const appUser = { name: 'crm', admin: false, readAll: true } as const;
    const server = await standIn({ user: appUser });
    const harness = await api(server);
    await harness.untilProjectionsCaughtUp();

    server.actAs({ ...appUser, readAll: false });
    const detailed = await harness.request<{ error: string; message: string }>('ana', 'GET', '/health');
    const liveness = await harness.request<{ status: string }>(null, 'GET', '/health');

    expect(detailed.status).toBe(503);
    expect(detailed.body.error).toBe('ACCESS_DENIED');
    expect(detailed.body.message).toContain('$all');
    expect([liveness.status, liveness.body]).toEqual([503, { status: 'down' }]);
  }, scaledTimeout(60_000));

  it('given another tool wrote binary events into the database, when the projections follow the log, then they go live and /health counts what was read past', async () => {
    const server = await standIn();
    const harness = await api(server);
    for (const stream of ['legacy-export-1', 'legacy-export-2']) {
      server.log.append(stream, { kind: 'any' }, [
        { id: randomUUID(), type: 'LegacyExport', contentType: 'application/octet-stream', data: new Uint8Array([1, 2, 3]), metadata: new Uint8Array() },
      ]);
    }
    await harness.openOpportunity('rita');

    await harness.untilProjectionsCaughtUp();
    const health = await harness.request<HealthBody>('ana', 'GET', '/health');

    expect(health.body.store.warnings).toEqual([
      expect.objectContaining({ code: 'FOREIGN_EVENTS_SKIPPED', count: 2, message: expect.stringContaining('legacy-export-2') }),
    ]);
  }, scaledTimeout(60_000));
});
