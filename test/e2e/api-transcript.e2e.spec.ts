import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ManualClock } from '@crm/clock';
import { scaledTimeout } from '@crm/event-store/contract';
import { ApiHarness, type DemoUser } from './api-harness';

/**
 * A golden transcript of the API: one scenario across records, read models and blueprints, every answer
 * kept whole (status and body). Generated ids are replaced by stable placeholders in order of first
 * appearance, so the transcript is byte-stable across runs. A refactoring must leave it unchanged; an
 * intended change of an answer is made by regenerating it (`UPDATE_TRANSCRIPTS=1`) and reviewing the diff.
 */
const TRANSCRIPT = join(__dirname, '__transcripts__', 'api-transcript.json');

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const EMBEDDED_UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;

interface Entry {
  readonly step: string;
  readonly request: string;
  readonly status: number;
  readonly body: unknown;
}

/** Replaces every UUID by `<id N>`, numbered by first appearance across the whole transcript. */
const stableIds = () => {
  const seen = new Map<string, string>();
  const name = (id: string): string => {
    const known = seen.get(id);
    if (known) return known;
    const placeholder = `<id ${seen.size + 1}>`;
    seen.set(id, placeholder);
    return placeholder;
  };
  return (value: unknown): unknown =>
    JSON.parse(JSON.stringify(value), (key, item: unknown) => {
      if (typeof item !== 'string') return item;
      // A digest of the request: it names generated ids (a task's), so it differs with them.
      if (key === 'commandHash') return '<command hash>';
      if (UUID.test(item)) return name(item);
      return item.replace(EMBEDDED_UUID, name);
    });
};

const runScenario = async (harness: ApiHarness, clock: ManualClock): Promise<Entry[]> => {
  const entries: Entry[] = [];
  const stable = stableIds();
  const call = async (step: string, as: DemoUser | null, method: string, path: string, body?: unknown, headers?: Record<string, string>) => {
    const response = await harness.request(as, method, path, body, headers);
    entries.push({ step, request: String(stable(`${as ?? 'anonymous'} ${method} ${path}`)), status: response.status, body: stable(response.body) });
    return response;
  };
  const deal = '/records/opportunity/globex-1';

  await call('blueprints', 'olga', 'GET', '/blueprints');
  await call('open', 'rita', 'POST', '/records/opportunity', { id: 'globex-1', fields: { name: 'Globex platform deal', timeline: '2026-09-30' } });
  await call('open: id taken', 'rita', 'POST', '/records/opportunity', { id: 'globex-1', fields: { name: 'Again' } });
  await call('open: invalid field', 'rita', 'POST', '/records/opportunity', { fields: { amount: 'lots' } });
  await call('open: unknown kind', 'rita', 'POST', '/records/spaceship', { fields: {} });
  await call('show', 'rita', 'GET', deal);
  await call('refused', 'rita', 'POST', `${deal}/transitions`, { event: 'analyze_needs' });
  await call('unknown event', 'rita', 'POST', `${deal}/transitions`, { event: 'fly' });
  await call('advance', 'rita', 'POST', `${deal}/transitions`, { event: 'analyze_needs', fields: { budget: 120000, decisionMaker: 'Hank Scorpio' } }, { 'idempotency-key': 'k-1' });
  await call('advance retried', 'rita', 'POST', `${deal}/transitions`, { event: 'analyze_needs', fields: { budget: 120000, decisionMaker: 'Hank Scorpio' } }, { 'idempotency-key': 'k-1' });
  clock.advance(3_600_000);
  await call('stale revision', 'rita', 'POST', `${deal}/transitions`, { event: 'propose', fields: { proposalDocument: 'p.pdf' }, expectedRevision: 0 });
  await call('propose', 'rita', 'POST', `${deal}/transitions`, { event: 'propose', fields: { proposalDocument: 'p.pdf' }, expectedRevision: 2 });
  await call('patch', 'rita', 'PATCH', deal, { fields: { amount: 42000, closeDate: '2026-12-15', notes: 'call back' } });
  await call('patch: unknown field', 'rita', 'PATCH', deal, { fields: { budjet: 1 } });
  await call('negotiate before the proposal went out', 'rita', 'POST', `${deal}/transitions`, { event: 'negotiate' });
  const shown = await harness.request<{ tasks: { taskId: string; template: string }[] }>('rita', 'GET', deal);
  const sendProposal = shown.body.tasks.find((task) => task.template === 'send_proposal')?.taskId ?? 'missing';
  await call('complete the proposal task', 'rita', 'POST', `${deal}/tasks/${sendProposal}/complete`, { note: 'sent by mail' });
  await call('negotiate', 'rita', 'POST', `${deal}/transitions`, { event: 'negotiate' });
  await call('analyst may not write', 'ana', 'PATCH', deal, { fields: { notes: 'x' } });
  await call('manager of another team', 'max', 'POST', `${deal}/owner`, { owner: 'raj' });
  await call('reassign by admin', 'ada', 'POST', `${deal}/owner`, { owner: 'raj' });
  await call('show as new owner', 'raj', 'GET', deal);
  await call('history', 'raj', 'GET', `${deal}/history`);
  await call('open a pool lead', 'ada', 'POST', '/records/lead', { id: 'lead-1', owner: null, fields: { name: 'Wile E.', company: 'Acme' } });
  await call('claim the pool lead', 'rita', 'POST', '/records/lead/lead-1/owner', { owner: 'rita' });
  await call('contact the lead', 'rita', 'POST', '/records/lead/lead-1/transitions', { event: 'contact' });
  clock.advance(86_400_000);
  await call('close lost', 'raj', 'POST', `${deal}/transitions`, { event: 'close_lost', fields: { lossReason: 'price' } });
  await call('closed: no more changes', 'raj', 'PATCH', deal, { fields: { notes: 'too late' } });

  const quote = '/records/quote/q-1';
  await call('open a deal for the quote', 'rita', 'POST', '/records/opportunity', { id: 'initech-1', fields: { name: 'Initech renewal' } });
  await call('a quote for a deal that does not exist', 'rita', 'POST', '/records/quote', { fields: { opportunity: 'no-such-deal', total: 1, validUntil: '2026-07-31' } });
  await call('open a quote', 'rita', 'POST', '/records/quote', { id: 'q-1', fields: { opportunity: 'initech-1', total: 50000, validUntil: '2026-07-31', discount: 0.25 } });
  await call('submit the quote', 'rita', 'POST', `${quote}/transitions`, { event: 'submit' });
  const asked = await call('approve a 25% discount: approvers asked (202)', 'rita', 'POST', `${quote}/transitions`, { event: 'approve' });
  const approvalId = (asked.body as { record?: { approvals?: { approvalId: string }[] } }).record?.approvals?.[0]?.approvalId ?? 'missing';
  await call('the admin before the manager', 'ada', 'POST', `${quote}/approvals/${approvalId}/grant`, {});
  await call('the manager grants', 'max', 'POST', `${quote}/approvals/${approvalId}/grant`, { comment: 'ok' });
  await call('the admin grants: approved', 'ada', 'POST', `${quote}/approvals/${approvalId}/grant`, {});

  await harness.untilProjectionsCaughtUp();
  await call('list', 'ada', 'GET', '/records/opportunity');
  await call('list leads', 'rita', 'GET', '/records/lead');
  await call('pipeline', 'max', 'GET', '/pipeline');
  await call('forecast', 'max', 'GET', '/forecast?from=2026-Q2&to=2026-Q4');
  await call('funnel', 'ana', 'GET', '/funnel?from=2026-01-01&to=2027-01-01');
  await call('funnel by owner', 'ana', 'GET', '/funnel?from=2026-01-01&to=2027-01-01&by=owner');
  await call('bad query', 'ana', 'GET', '/pipeline?asOf=yesterday');
  return entries;
};

describe('API transcript', () => {
  let harness: ApiHarness;
  const clock = new ManualClock('2026-06-01T09:00:00.000Z');

  beforeAll(async () => {
    harness = await ApiHarness.start({ clock });
  }, scaledTimeout(60_000));
  afterAll(async () => {
    await harness.stop();
  });

  it('given the scenario, when replayed against the API, then every answer matches the golden transcript', async () => {
    const entries = await runScenario(harness, clock);
    const text = `${JSON.stringify(entries, null, 1)}\n`;
    if (process.env['UPDATE_TRANSCRIPTS'] === '1') {
      mkdirSync(join(__dirname, '__transcripts__'), { recursive: true });
      writeFileSync(TRANSCRIPT, text);
    }
    expect(JSON.parse(text)).toEqual(JSON.parse(readFileSync(TRANSCRIPT, 'utf8')));
  });
});
