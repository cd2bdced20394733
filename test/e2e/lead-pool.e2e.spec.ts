import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PROBE_TIMEOUT_MS } from '@crm/event-store/contract';
import { ApiHarness, repositoryRoot, type DemoUser } from './api-harness';

/** The shipped blueprints and an assignment rules file (README, Assignment rules): referrals go to team east. */
const RULES = `
rules:
  - id: east-referrals
    team: east
    match: { source: referral }
    on: [intake]
pool:
  claimCap: 1
  cooldown: P3D
`;

interface WriteResult {
  record: { id: string; owner: string | null; revision: number };
  events: { type: string; data: Record<string, unknown> }[];
}
interface Page {
  items: { recordId: string; owner: string | null }[];
}

describe('lead pool and assignment over HTTP (README, Lead pool)', () => {
  let blueprints: string;
  let api: ApiHarness;

  beforeAll(async () => {
    blueprints = mkdtempSync(join(tmpdir(), 'crm-blueprints-'));
    cpSync(join(repositoryRoot, 'blueprints'), blueprints, { recursive: true, filter: (source) => !source.endsWith('.spec.ts') });
    writeFileSync(join(blueprints, 'lead-assignment.yaml'), RULES);
    api = await ApiHarness.start({ blueprintsDirectory: blueprints });
  });

  afterAll(async () => {
    await api?.stop();
    rmSync(blueprints, { recursive: true, force: true });
  });

  const openPoolLead = async (name: string, source = 'web'): Promise<string> => {
    const opened = await api.request<WriteResult>('ada', 'POST', '/records/lead', { owner: null, fields: { name, source } });
    expect(opened.status).toBe(201);
    return opened.body.record.id;
  };
  const poolOf = async (as: DemoUser): Promise<string[]> => {
    await api.untilProjectionsCaughtUp();
    const page = await api.request<Page>(as, 'GET', '/records/lead?pool=true');
    expect(page.status).toBe(200);
    return page.body.items.map((item) => item.recordId).sort();
  };

  it('given a lead rita released to east’s pool and one in everyone’s, when each rep lists the pool, then raj of west sees only everyone’s', async () => {
    const everyones = await openPoolLead('Everyone’s lead');
    const easts = await openPoolLead('East’s lead');
    const claimed = await api.request<WriteResult>('rita', 'POST', `/records/lead/${easts}/claim`, {});
    expect(claimed.status).toBe(200);
    expect(claimed.body.record.owner).toBe('rita');

    const unexplained = await api.request<{ error: string }>('rita', 'POST', `/records/lead/${easts}/release`, {});
    expect(unexplained.status).toBe(400);
    const released = await api.request<WriteResult>('rita', 'POST', `/records/lead/${easts}/release`, { reason: 'Wrong region: the buyer is in Berlin' });
    expect(released.status).toBe(200);
    expect(released.body.events[0]).toMatchObject({ type: 'OwnerChanged', data: { from: 'rita', to: null, reason: 'Wrong region: the buyer is in Berlin', team: 'east' } });

    expect(await poolOf('raj')).toEqual([everyones]);
    expect((await poolOf('rita')).filter((id) => id === easts || id === everyones)).toEqual([everyones, easts].sort());
    expect((await api.request('raj', 'POST', `/records/lead/${easts}/claim`, {})).status).toBe(404);

    // Within the cool-down rita may not take it back; with one lead held, the cap of 1 stops her claiming another.
    const tooSoon = await api.request<{ error: string; details: { until: string } }>('rita', 'POST', `/records/lead/${easts}/claim`, {});
    expect(tooSoon.status).toBe(422);
    expect(tooSoon.body.error).toBe('CLAIM_COOLDOWN');
    expect((await api.request('rita', 'POST', `/records/lead/${everyones}/claim`, {})).status).toBe(200);
    const third = await openPoolLead('A third lead');
    const overCap = await api.request<{ error: string; details: Record<string, unknown> }>('rita', 'POST', `/records/lead/${third}/claim`, {});
    expect(overCap.status).toBe(422);
    expect(overCap.body).toMatchObject({ error: 'CLAIM_CAP_REACHED', details: { cap: 1, held: 1 } });
  });

  it('given a rule for referrals, when a referral lead arrives without an owner, then the reactor gives it to east’s rep naming the rule', async () => {
    const lead = await openPoolLead('Referred by a customer', 'referral');
    const started = Date.now();
    let owner: string | null = null;
    // Waits for the reactor's command to be stored; the time limit only guards against a hang.
    while (owner === null) {
      const record = await api.request<{ owner: string | null }>('ada', 'GET', `/records/lead/${lead}`);
      owner = record.body.owner;
      if (owner === null && Date.now() - started > PROBE_TIMEOUT_MS) throw new Error('the lead was not assigned');
      if (owner === null) await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(owner).toBe('rita');
    const history = await api.request<{ events: { type: string; data: Record<string, unknown>; metadata: { actor: string } }[] }>('ada', 'GET', `/records/lead/${lead}/history`);
    expect(history.body.events.find((event) => event.type === 'OwnerChanged')).toMatchObject({
      data: { from: null, to: 'rita', rule: 'east-referrals' },
      metadata: { actor: 'system:reactor:lead-assignment' },
    });
  });

  it('when the pool filter is not true or false, then 400 names the parameter', async () => {
    const refused = await api.request<{ error: string }>('rita', 'GET', '/records/lead?pool=maybe');
    expect(refused.status).toBe(400);
    expect(JSON.stringify(refused.body)).toContain('pool');
  });
});
