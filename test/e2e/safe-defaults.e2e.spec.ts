import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { present } from '@crm/event-store/contract';
import { ApiHarness } from './api-harness';

/**
 * The defaults a deployment gets without configuring anything: what /health tells a stranger, how long
 * the demo tokens live, who may read the data directory, and that the users file rules at once.
 */

interface ErrorBody {
  error: string;
  message: string;
  details: Record<string, unknown>;
}

const modeOf = (path: string): string => (statSync(path).mode & 0o777).toString(8);
const claimsOf = (token: string): { iat?: number; exp?: number } => JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8')) as { iat?: number; exp?: number };

describe('safe defaults (the API on a data directory it creates)', () => {
  let root: string;
  let harness: ApiHarness;

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'crm-safe-defaults-'));
    harness = await ApiHarness.start({ dataDirectory: join(root, 'data') });
  });

  afterAll(async () => {
    await harness.stop();
    rmSync(root, { recursive: true, force: true });
  });

  describe('/health', () => {
    it('given no token, when asked, then it says only that it is up', async () => {
      const health = await harness.request(null, 'GET', '/health');

      expect(health).toEqual({ status: 200, body: { status: 'up' } });
    });

    it('given a valid token, when asked, then it adds the store, the blueprints and the read models’ lag', async () => {
      const health = await harness.request('rita', 'GET', '/health');

      expect(health.status).toBe(200);
      expect(health.body).toMatchObject({ status: 'up', store: { kind: 'sqlite' }, blueprints: ['account', 'contact', 'lead', 'opportunity', 'order', 'quote', 'subscription'], projections: { maxLag: expect.any(Number) } });
    });

    it('given a token that is not valid, when asked, then it is refused like any other route', async () => {
      const health = await harness.request<ErrorBody>(null, 'GET', '/health', undefined, { authorization: 'Bearer abc.def.ghi' });

      expect({ status: health.status, error: health.body.error }).toEqual({ status: 401, error: 'UNAUTHENTICATED' });
    });
  });

  it('given a first start, then the demo tokens expire 30 days after they were issued', () => {
    const demoTokens = JSON.parse(readFileSync(present(harness.api.demoTokensFile, 'the demo tokens file'), 'utf8')) as Record<string, { token: string }>;

    for (const { token } of Object.values(demoTokens)) {
      const { iat, exp } = claimsOf(token);
      expect(typeof iat).toBe('number');
      expect((exp ?? 0) - (iat ?? 0)).toBe(30 * 24 * 3600);
    }
  });

  it('given a data directory the engine created, when the app has written, then the directory is 700 and every file in it 600, write-ahead logs included', async () => {
    await harness.openOpportunity('rita');
    await harness.untilProjectionsCaughtUp();
    const directory = harness.dataDirectory;
    const files = readdirSync(directory).sort();

    expect(files).toEqual(
      expect.arrayContaining([
        'demo-tokens.json',
        'events.sqlite',
        'events.sqlite-shm',
        'events.sqlite-wal',
        'jwt-secret',
        'read-models.sqlite',
        'read-models.sqlite-shm',
        'read-models.sqlite-wal',
        'users.yaml',
      ]),
    );
    expect(modeOf(directory)).toBe('700');
    expect(Object.fromEntries(files.map((file) => [file, modeOf(join(directory, file))]))).toEqual(Object.fromEntries(files.map((file) => [file, '600'])));
  });

  describe('the users file', () => {
    let original: string;
    const usersFile = (): string => join(harness.dataDirectory, 'users.yaml');

    beforeAll(() => {
      original = readFileSync(usersFile(), 'utf8');
    });

    afterEach(() => {
      writeFileSync(usersFile(), original);
    });

    it('given raj removed from the users file while the app runs, when he sends his next request, then it is refused with 401', async () => {
      expect((await harness.request('raj', 'GET', '/blueprints')).status).toBe(200);

      writeFileSync(usersFile(), original.replace(/^ {2}- id: raj\n(?: {4}.*\n)+/m, ''));
      const refused = await harness.request<ErrorBody>('raj', 'GET', '/blueprints');

      expect({ status: refused.status, error: refused.body.error, message: refused.body.message }).toEqual({
        status: 401,
        error: 'UNAUTHENTICATED',
        message: 'unknown user "raj"',
      });
      expect((await harness.request('rita', 'GET', '/blueprints')).status).toBe(200);
    });

    it('given rita made an analyst in the users file, when she next opens a record, then the analyst rule refuses it', async () => {
      writeFileSync(usersFile(), original.replace(/(- id: rita\n(?: {4}.*\n)*? {4}roles:\n {6}- )rep/m, '$1analyst'));

      const refused = await harness.request<ErrorBody>('rita', 'POST', '/records/opportunity', { fields: { name: 'Initech' } });

      expect({ status: refused.status, rule: refused.body.details['rule'] }).toEqual({ status: 403, rule: 'analyst.read-only' });
    });

    it('given a broken edit of the users file, when users send requests, then the last good version stays in force', async () => {
      expect((await harness.request('rita', 'POST', '/records/opportunity', { fields: { name: 'Acme' } })).status).toBe(201);

      writeFileSync(usersFile(), 'users: [');

      expect((await harness.request('raj', 'GET', '/blueprints')).status).toBe(200);
      expect((await harness.request('rita', 'POST', '/records/opportunity', { fields: { name: 'Umbrella' } })).status).toBe(201);
    });
  });

  it('given the event store can no longer be used, when asked for /health, then without a token it says down with 503, with one the error says why', async () => {
    // The read models first: their runner would meet the closed store and fail the run.
    await harness.api.projections.stop();
    await harness.api.engine.store.close();

    const health = await harness.request(null, 'GET', '/health');
    const detailed = await harness.request<ErrorBody>('ana', 'GET', '/health');

    expect(health).toEqual({ status: 503, body: { status: 'down' } });
    expect({ status: detailed.status, error: detailed.body.error }).toEqual({ status: 503, error: 'CLOSED' });
  });
});
