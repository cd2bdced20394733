import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { ManualClock } from '@crm/clock';
import { capturedIo } from '../__fixtures__/captured-io';
import { runCli } from '../main';

/** The blueprints the product ships with. */
const SHIPPED = resolve(__dirname, '..', '..', '..', '..', 'blueprints');

/** Opportunity v5 (the shipped one is v4): needs analysis also needs an approved budget. */
const opportunityV5 = (): string =>
  readFileSync(join(SHIPPED, 'opportunity.blueprint.yaml'), 'utf8')
    .replace(/^version: 4$/m, 'version: 5')
    .replace('requires: [budget, decisionMaker, timeline]', 'requires: [budget, decisionMaker, timeline, budgetApproved]')
    .replace(/^fields:\n/m, 'fields:\n  budgetApproved: { type: boolean, label: Budget approved }\n');

describe('crm blueprint publish, versions, diff and export', () => {
  const clock = new ManualClock('2026-06-01T12:00:00.000Z');
  let root: string;

  const crm = async (...args: string[]) => {
    const io = capturedIo(root, clock);
    const exitCode = await runCli([...args, '--blueprints', SHIPPED, '--data-dir', 'data'], io);
    return { exitCode, out: io.out(), err: io.err() };
  };

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'crm-cli-lifecycle-'));
    writeFileSync(join(root, 'opportunity-v5.blueprint.yaml'), opportunityV5());
  });

  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('given a rep, when publishing, then it is forbidden (exit 5) and nothing is created', async () => {
    const refused = await crm('blueprint', 'publish', 'opportunity-v5.blueprint.yaml', '--as', 'rita');

    expect(refused.exitCode).toBe(5);
    expect(refused.err).toContain('may not blueprints.publish');
  });

  it('given a process owner, when v5 is published, then versions lists both with their records, diff shows the new criterion and export prints the machine', async () => {
    const published = await crm('blueprint', 'publish', 'opportunity-v5.blueprint.yaml', '--as', 'olga');
    const again = await crm('blueprint', 'publish', 'opportunity-v5.blueprint.yaml', '--as', 'olga');
    const opened = await crm('record', 'open', 'opportunity', '--id', 'deal-1', '--field', 'name=Acme', '--as', 'rita');
    const versions = await crm('blueprint', 'versions', 'opportunity', '--json');
    const diff = await crm('blueprint', 'diff', 'opportunity', '--from', '4', '--to', '5');
    const exported = await crm('blueprint', 'export', 'opportunity', '--format', 'xstate');
    const mermaid = await crm('blueprint', 'export', 'opportunity', '--format', 'mermaid', '--version', '4');

    expect(published).toMatchObject({ err: '', exitCode: 0, out: expect.stringMatching(/^published opportunity v5 \(sha256:[0-9a-f]{12}\); versions: 4, 5\n$/) });
    expect(again.out).toMatch(/^already published \(nothing stored\): opportunity v5/);
    expect(opened.exitCode).toBe(0);
    expect(JSON.parse(versions.out).versions.map((entry: { ref: { version: number }; records: number; live: number }) => [entry.ref.version, entry.records, entry.live])).toEqual([
      [4, 0, 0],
      [5, 1, 1],
    ]);
    expect(diff.out).toContain('criteria:\n  ~ analyze_needs: + requires budgetApproved\n');
    expect(diff.out).toContain('fields:\n  + budgetApproved\n');
    expect(JSON.parse(exported.out)).toMatchObject({ id: 'opportunity', initial: 'qualification' });
    expect(mermaid.out).toContain('  qualification --> needs_analysis: analyze_needs [requires budget, requires decisionMaker, requires timeline]\n');
  });

  it('given a file with problems, when published, then every problem is printed with its path, exit 3, and the published versions are unchanged', async () => {
    writeFileSync(join(root, 'broken.blueprint.yaml'), opportunityV5().replace('to: proposal', 'to: propsal'));

    const refused = await crm('blueprint', 'publish', 'broken.blueprint.yaml', '--as', 'olga');
    const diff = await crm('blueprint', 'diff', 'opportunity', '--from', '4', '--to', '5');

    expect(refused.exitCode).toBe(3);
    expect(refused.err).toContain('broken.blueprint.yaml: transitions[1].to: unknown stage "propsal"');
    expect(diff.exitCode).toBe(1);
    expect(diff.err).toContain('blueprint "opportunity" has no version 5; versions: 4');
  });

  it('given deals on v4 and v5 published, when a migration is planned, applied, completed with a stage map and undone, then the records follow each step', async () => {
    await crm('record', 'open', 'opportunity', '--id', 'q-1', '--field', 'name=Q', '--as', 'rita');
    await crm('record', 'open', 'opportunity', '--id', 'n-1', '--field', 'name=N', '--field', 'budget=10', '--field', 'decisionMaker=Bo', '--field', 'timeline=2026-12-01', '--as', 'rita');
    await crm('record', 'advance', 'opportunity', 'n-1', 'analyze_needs', '--as', 'rita');
    await crm('blueprint', 'publish', 'opportunity-v5.blueprint.yaml', '--as', 'olga');

    const plan = await crm('blueprint', 'migrate', 'opportunity', '--from', '4', '--to', '5', '--plan', '--as', 'olga');
    const forbidden = await crm('blueprint', 'migrate', 'opportunity', '--from', '4', '--to', '5', '--as', 'rita');
    const applied = await crm('blueprint', 'migrate', 'opportunity', '--from', '4', '--to', '5', '--reason', 'v4', '--as', 'olga');
    const mapped = await crm('blueprint', 'migrate', 'opportunity', '--from', '4', '--to', '5', '--map', 'needs_analysis=qualification', '--reason', 'requalify', '--as', 'olga');
    const onV4 = await crm('blueprint', 'versions', 'opportunity', '--json');
    const undone = await crm('blueprint', 'migrate', 'opportunity', '--from', '5', '--to', '4', '--reason', 'undo', '--as', 'olga');
    const onV3 = await crm('blueprint', 'versions', 'opportunity', '--json');

    expect(plan.out.split('\n').slice(0, 4)).toEqual([
      'plan opportunity v4 -> v5: 2 live records, 1 ready, 1 would break criteria, 0 in removed stages',
      '  required_field budgetApproved: 1 records',
      '  n-1: needs_analysis -> needs_analysis; breaks Budget approved is required',
      '  q-1: qualification -> qualification',
    ]);
    expect(forbidden.exitCode).toBe(5);
    expect(applied).toMatchObject({ exitCode: 4, out: 'migrated 1, refused 1, unchanged 0 (opportunity v4 -> v5)\n' });
    expect(applied.err).toMatch(/^n-1: MIGRATION_REFUSED: opportunity "n-1" would break needs_analysis in v5/);
    expect(mapped).toMatchObject({ exitCode: 0, out: 'migrated 1, refused 0, unchanged 0 (opportunity v4 -> v5)\n' });
    const counts = (out: string) => JSON.parse(out).versions.map((entry: { ref: { version: number }; live: number; byStage: Record<string, number> }) => [entry.ref.version, entry.live, entry.byStage['qualification']]);
    expect(counts(onV4.out)).toEqual([
      [4, 0, 0],
      [5, 2, 2],
    ]);
    expect(undone.exitCode).toBe(0);
    expect(counts(onV3.out)).toEqual([
      [4, 2, 2],
      [5, 0, 0],
    ]);
  });
});
