import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PROBE_TIMEOUT_MS } from '@crm/event-store/contract';
import { ApiHarness, repositoryRoot } from './api-harness';

/** Referrals go to east, whose only rep is rita (README, Assignment rules: absences). */
const RULES = `
rules:
  - id: east-referrals
    team: east
    match: { source: referral }
    on: [intake]
`;

interface Absence {
  absenceId: string;
  user: string;
  from: string;
  to: string;
  reason: string;
}
interface HistoryEvent {
  type: string;
  data: Record<string, unknown>;
}

describe('absences over HTTP (README, Assignment rules: absences)', () => {
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

  const absencesOf = async (user: string): Promise<Absence[]> => {
    const listed = await api.request<{ absences: Absence[] }>('ada', 'GET', `/users/${user}/absences`);
    expect(listed.status).toBe(200);
    return listed.body.absences;
  };

  /** Waits for the assignment reactor's answer to a new referral lead: assigned, or pooled. */
  const routedReferral = async (name: string): Promise<HistoryEvent> => {
    const opened = await api.request<{ record: { id: string } }>('ada', 'POST', '/records/lead', { owner: null, fields: { name, source: 'referral' } });
    expect(opened.status).toBe(201);
    const started = Date.now();
    for (;;) {
      const history = await api.request<{ events: HistoryEvent[] }>('ada', 'GET', `/records/lead/${opened.body.record.id}/history`);
      const routed = history.body.events.find((event) => event.type === 'OwnerChanged' || event.type === 'LeadPooled');
      if (routed !== undefined) return routed;
      if (Date.now() - started > PROBE_TIMEOUT_MS) throw new Error(`the lead ${name} was not routed`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  };

  it('given rita away from an hour ago for a week, when a referral arrives, then she gets none; when her absence is cancelled, then the next is hers', async () => {
    const now = Date.now();
    const declared = await api.request<Absence>('rita', 'POST', '/users/rita/absences', {
      from: new Date(now - 3_600_000).toISOString(),
      to: new Date(now + 7 * 86_400_000).toISOString(),
      reason: 'Year-end leave',
    });
    expect(declared.status).toBe(201);
    expect(declared.body).toMatchObject({ user: 'rita', reason: 'Year-end leave' });

    expect(await routedReferral('While rita is away')).toMatchObject({ type: 'LeadPooled', data: { team: 'east' } });

    const cancelled = await api.request<{ absences: Absence[] }>('max', 'DELETE', `/users/rita/absences/${declared.body.absenceId}`);
    expect(cancelled.status).toBe(200);
    expect(cancelled.body.absences).toEqual([]);
    expect(await routedReferral('After rita is back')).toMatchObject({ type: 'OwnerChanged', data: { to: 'rita', rule: 'east-referrals' } });
  });

  it('given a retried declaration with one Idempotency-Key, when it is listed, then it is kept once with the first answer', async () => {
    const body = { from: '2027-03-01', to: '2027-03-05', reason: 'Conference' };
    const first = await api.request<Absence>('max', 'POST', '/users/rita/absences', body, { 'Idempotency-Key': 'conference-2027' });
    const again = await api.request<Absence>('max', 'POST', '/users/rita/absences', body, { 'Idempotency-Key': 'conference-2027' });
    expect([first.status, again.status]).toEqual([201, 201]);
    expect(again.body).toEqual(first.body);
    expect(first.body).toMatchObject({ from: '2027-03-01T00:00:00.000Z', to: '2027-03-06T00:00:00.000Z' });
    expect((await absencesOf('rita')).filter((absence) => absence.reason === 'Conference')).toHaveLength(1);
  });

  it('given a rep of another team, when raj records or reads rita’s absences, then 403 names the rule and nothing is stored', async () => {
    const before = await absencesOf('rita');
    const refused = await api.request<{ error: string; details: { rule: string } }>('raj', 'POST', '/users/rita/absences', { from: '2027-05-01', to: '2027-05-02', reason: 'Made up' });
    expect(refused.status).toBe(403);
    expect(refused.body).toMatchObject({ error: 'FORBIDDEN', details: { rule: 'absence.self-manager-or-admin' } });
    expect((await api.request('raj', 'GET', '/users/rita/absences')).status).toBe(403);
    expect(await absencesOf('rita')).toEqual(before);
  });

  it('given bad dates, an unknown user or an unknown absence, when sent, then 400 or 404 names what is wrong and nothing is stored', async () => {
    const before = await absencesOf('rita');
    const backwards = await api.request<{ error: string; details: { problems: string[] } }>('rita', 'POST', '/users/rita/absences', { from: '2027-05-03', to: '2027-05-01', reason: 'Backwards' });
    expect(backwards.status).toBe(400);
    expect(backwards.body.error).toBe('INVALID_ABSENCE');
    expect(backwards.body.details.problems).toEqual([expect.stringMatching(/^to: must be after from/)]);
    const notADate = await api.request<{ error: string; details: { problems: string[] } }>('rita', 'POST', '/users/rita/absences', { from: 'soon', to: '2027-05-01', reason: 'Vague' });
    expect(notADate.status).toBe(400);
    expect(notADate.body.details.problems).toEqual([expect.stringMatching(/^from: /)]);
    const noReason = await api.request<{ error: string; message: string }>('rita', 'POST', '/users/rita/absences', { from: '2027-05-01', to: '2027-05-02' });
    expect(noReason.status).toBe(400);
    expect(noReason.body.message).toContain('reason');
    expect(await absencesOf('rita')).toEqual(before);

    const nobody = await api.request<{ error: string }>('ada', 'POST', '/users/nobody/absences', { from: '2027-05-01', to: '2027-05-02', reason: 'Ghost' });
    expect([nobody.status, nobody.body.error]).toEqual([404, 'UNKNOWN_USER']);
    const unknown = await api.request<{ error: string }>('rita', 'DELETE', '/users/rita/absences/not-an-absence');
    expect([unknown.status, unknown.body.error]).toEqual([404, 'ABSENCE_NOT_FOUND']);
  });
});
