import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { createCrmApiClient, type ApiSchemas } from '@crm/api-client';
import { ManualClock } from '@crm/clock';
import { scaledTimeout } from '@crm/event-store/contract';
import { ApiHarness, repositoryRoot } from './api-harness';

const run = promisify(execFile);
const SCHEMA_FILE = join(repositoryRoot, 'libs', 'api-client', 'src', 'schema.d.ts');

/**
 * The web app's client is generated from the API's OpenAPI document (`npm run api:client`): the committed
 * types must be those of the running API, and the typed client must speak to it.
 */
describe('API client (libs/api-client)', () => {
  let harness: ApiHarness;

  beforeAll(async () => {
    harness = await ApiHarness.start({ clock: new ManualClock('2026-06-01T09:00:00.000Z') });
  }, scaledTimeout(60_000));
  afterAll(async () => {
    await harness.stop();
  });

  it(
    'given the running API, when its document is turned into types again, then they are the committed schema.d.ts (else run npm run api:client)',
    async () => {
      // openapi-typescript loads ES modules Jest cannot require, so it runs in Node itself.
      const { stdout } = await run(
        process.execPath,
        ['-r', './apps/bench/register-typescript.js', 'apps/api/scripts/api-client-schema.ts', '--document-url', `${harness.api.url}/docs/openapi.json`, '--stdout'],
        { cwd: repositoryRoot, maxBuffer: 32 * 1024 * 1024 },
      );

      expect(stdout).toEqual(readFileSync(SCHEMA_FILE, 'utf8'));
    },
    scaledTimeout(60_000),
  );

  it('given the typed client with a rep token, when a record is opened and read, then the answers have the documented shapes', async () => {
    const client = createCrmApiClient({ baseUrl: harness.api.url, token: harness.tokenOf('rita') });

    const opened = await client.POST('/records/{kind}', {
      params: { path: { kind: 'opportunity' } },
      body: { id: 'typed-1', fields: { name: 'Typed deal', budget: 1000 } },
    });
    const shown = await client.GET('/records/{kind}/{id}', { params: { path: { kind: 'opportunity', id: 'typed-1' } } });
    const view: ApiSchemas['RecordView'] | undefined = shown.data;

    expect(opened.response.status).toBe(201);
    expect(opened.data?.events.map((event) => event.type)).toEqual(['RecordOpened']);
    expect(view?.stage).toBe('qualification');
    expect(view?.next.find((step) => step.event === 'analyze_needs')?.unmet.map((criterion) => criterion.field)).toEqual(['decisionMaker', 'timeline']);
  });

  it('given the typed client, when a transition is refused, then the refusal is the typed error body of its status', async () => {
    const client = createCrmApiClient({ baseUrl: harness.api.url, token: harness.tokenOf('rita') });
    await client.POST('/records/{kind}', { params: { path: { kind: 'opportunity' } }, body: { id: 'typed-2', fields: { name: 'Refused deal' } } });

    const refused = await client.POST('/records/{kind}/{id}/transitions', {
      params: { path: { kind: 'opportunity', id: 'typed-2' } },
      body: { event: 'analyze_needs' },
    });

    expect(refused.response.status).toBe(422);
    expect(refused.data).toBeUndefined();
    expect(refused.error?.error).toBe('TRANSITION_REFUSED');
  });

  it('given the typed client without a token, when the health is read, then it is the liveness answer', async () => {
    const client = createCrmApiClient({ baseUrl: harness.api.url });

    const health = await client.GET('/health');

    expect(health.data).toEqual({ status: 'up' });
  });
});
