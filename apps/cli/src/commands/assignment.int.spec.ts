import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { ManualClock } from '@crm/clock';
import { SqliteEventStore } from '@crm/event-store';
import { capturedIo } from '../__fixtures__/captured-io';
import { runCli } from '../main';

/** The blueprints the product ships with, and a rules file beside them (README, Assignment rules). */
const SHIPPED = resolve(__dirname, '..', '..', '..', '..', 'blueprints');
const RULES = `
rules:
  - id: east-referrals
    title: Referrals go to the east team
    team: east
    match: { source: referral }
  - id: west-big-budgets
    team: west
    strategy: balanced
    when: budget >= 50000
`;

describe('crm assignment test', () => {
  const clock = new ManualClock('2026-03-02T10:00:00.000Z');
  let root: string;
  let dataDir: string;
  let blueprints: string;

  const crm = async (...args: string[]) => {
    const io = capturedIo(root, clock);
    const exitCode = await runCli([...args, '--data-dir', dataDir, '--blueprints', blueprints], io);
    return { exitCode, out: io.out(), err: io.err() };
  };
  const leadFile = (name: string, content: unknown): string => {
    const file = join(root, name);
    writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content));
    return name;
  };

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'crm-assignment-'));
    dataDir = join(root, 'data');
    blueprints = join(root, 'blueprints');
    cpSync(SHIPPED, blueprints, { recursive: true, filter: (source) => !source.endsWith('.spec.ts') });
    writeFileSync(join(blueprints, 'lead-assignment.yaml'), RULES);
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('given a referral, when tested, then the first rule fires for the east rep in turn and the output says why', async () => {
    const result = await crm('assignment', 'test', leadFile('referral.json', { name: 'Lee Park', source: 'referral' }));

    expect(result).toMatchObject({ exitCode: 0, err: '' });
    expect(result.out).toContain('matches  east-referrals: source is "referral" (one of referral)');
    expect(result.out).toContain('→ rita (rule east-referrals, team east): round robin in team east: rita, the first in turn');
  });

  it('given a web lead with a big budget, when tested, then the first rule is passed over naming the field and the second fires', async () => {
    const result = await crm('assignment', 'test', leadFile('big.json', { fields: { name: 'Big buyer', source: 'web', budget: 80000 } }), '--json');

    expect(result.exitCode).toBe(0);
    const plan = JSON.parse(result.out) as { rule: string; rep: string; trigger: string; verdicts: { rule: string; matched: boolean; why: string[] }[] };
    expect(plan).toMatchObject({ trigger: 'intake', rule: 'west-big-budgets', rep: 'raj' });
    expect(plan.verdicts[0]).toEqual({ rule: 'east-referrals', matched: false, why: ['source is "web", not one of referral'], skipped: [] });
  });

  it('given a lead no rule matches, when tested, then it would wait in everyone’s pool, and nothing was stored', async () => {
    const result = await crm('assignment', 'test', leadFile('small.json', { name: 'Small', source: 'web', budget: 100 }));

    expect(result.exitCode).toBe(0);
    expect(result.out).toContain('→ the pool of everyone: no rule matches');
    const store = await SqliteEventStore.open({ directory: dataDir, clock });
    try {
      expect(await store.readStream('_lead-assignment')).toEqual([]);
    } finally {
      await store.close();
    }
  });

  it('given a file that is not a lead, when tested, then it fails naming the file', async () => {
    const result = await crm('assignment', 'test', leadFile('broken.json', '[1, 2'));

    expect(result.exitCode).not.toBe(0);
    expect(result.err).toContain('broken.json: not JSON');
  });

  it('given a rules file that names a field the lead blueprint lacks, when tested, then it fails naming file and path', async () => {
    writeFileSync(join(blueprints, 'lead-assignment.yaml'), 'rules: [{ id: by-region, team: east, match: { region: emea } }]');
    const result = await crm('assignment', 'test', leadFile('lead.json', { name: 'Lee' }));

    expect(result.exitCode).not.toBe(0);
    expect(result.err).toContain('lead-assignment.yaml');
    expect(result.err).toContain('rules[0].match.region');
  });
});

describe('crm absence declare|list|cancel (README, Assignment rules: absences)', () => {
  const clock = new ManualClock('2026-03-02T10:00:00.000Z');
  let root: string;
  let dataDir: string;
  let blueprints: string;

  const crm = async (...args: string[]) => {
    const io = capturedIo(root, clock);
    const exitCode = await runCli([...args, '--data-dir', dataDir, '--blueprints', blueprints], io);
    return { exitCode, out: io.out(), err: io.err() };
  };
  const eventsOf = async (stream: string): Promise<string[]> => {
    const store = await SqliteEventStore.open({ directory: dataDir, clock });
    try {
      return (await store.readStream(stream)).map((event) => event.type);
    } finally {
      await store.close();
    }
  };

  beforeEach(async () => {
    root = mkdtempSync(join(tmpdir(), 'crm-absence-'));
    dataDir = join(root, 'data');
    blueprints = join(root, 'blueprints');
    cpSync(SHIPPED, blueprints, { recursive: true, filter: (source) => !source.endsWith('.spec.ts') });
    writeFileSync(join(blueprints, 'lead-assignment.yaml'), RULES);
    await (await SqliteEventStore.open({ directory: dataDir, clock })).close();
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('given rita away today, when a referral is tested, then the rule passes over her; when cancelled, then she is in turn again', async () => {
    const declared = await crm('absence', 'declare', 'rita', '--from', '2026-03-02', '--to', '2026-03-06', '--reason', 'Trade fair', '--as', 'max', '--json');
    expect(declared).toMatchObject({ exitCode: 0, err: '' });
    const absence = JSON.parse(declared.out) as { absenceId: string; from: string; to: string };
    expect(absence).toMatchObject({ from: '2026-03-02T00:00:00.000Z', to: '2026-03-07T00:00:00.000Z' });
    writeFileSync(join(root, 'referral.json'), JSON.stringify({ name: 'Lee Park', source: 'referral' }));

    const away = await crm('assignment', 'test', 'referral.json');
    expect(away.out).toMatch(/passes over rita: absent/);
    expect((await crm('absence', 'list', 'rita', '--as', 'rita')).out).toContain('Trade fair');

    expect((await crm('absence', 'cancel', 'rita', absence.absenceId, '--as', 'rita')).exitCode).toBe(0);
    expect((await crm('assignment', 'test', 'referral.json')).out).toContain('→ rita (rule east-referrals');
    expect(await eventsOf('_availability-rita')).toEqual(['AbsenceDeclared', 'AbsenceCancelled']);
  });

  it('given raj of another team, or dates the wrong way round, when declared, then it fails naming why and stores nothing', async () => {
    const forbidden = await crm('absence', 'declare', 'rita', '--from', '2026-03-02', '--to', '2026-03-06', '--reason', 'Made up', '--as', 'raj');
    expect(forbidden.exitCode).toBe(5);
    expect(forbidden.err).toContain('raj may not record the absences of rita');

    const backwards = await crm('absence', 'declare', 'rita', '--from', '2026-03-06', '--to', '2026-03-02', '--reason', 'Backwards', '--as', 'rita');
    expect(backwards.exitCode).toBe(3);
    expect(backwards.err).toContain('to: must be after from');
    expect(await eventsOf('_availability-rita')).toEqual([]);
  });
});
