import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { loadBlueprintFile, toMermaid } from '@crm/blueprint';
import { ManualClock } from '@crm/clock';
import { Engine } from '@crm/engine';
import { openAccess } from '@crm/workflow';
import { scaledTimeout } from '@crm/event-store/contract';
import { capturedIo } from '../__fixtures__/captured-io';
import { runBin } from '../__fixtures__/run-bin';
import { runCli } from '../main';

/** The blueprints the product ships with. */
const SHIPPED = resolve(__dirname, '..', '..', '..', '..', 'blueprints');

const edited = (name: string, from: string, to: string): string => {
  const source = readFileSync(join(SHIPPED, name), 'utf8');
  if (!source.includes(from)) throw new Error(`${name} no longer contains ${JSON.stringify(from)}; update the test`);
  return source.replace(from, to);
};

describe('crm blueprint validate, show and diagram', () => {
  const clock = new ManualClock('2026-06-01T12:00:00.000Z');
  let root: string;

  const crm = async (...args: string[]) => {
    const io = capturedIo(root, clock);
    const exitCode = await runCli(args, io);
    return { exitCode, out: io.out(), err: io.err() };
  };

  /** A folder of the shipped blueprints, some of them changed. */
  const folder = (name: string, files: Record<string, string> = {}): string => {
    const directory = join(root, name);
    mkdirSync(directory);
    for (const file of ['account.blueprint.yaml', 'contact.blueprint.yaml', 'lead.blueprint.yaml', 'opportunity.blueprint.yaml', 'quote.blueprint.yaml']) copyFileSync(join(SHIPPED, file), join(directory, file));
    for (const [file, source] of Object.entries(files)) writeFileSync(join(directory, file), source);
    return directory;
  };

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'crm-cli-blueprint-'));
  });

  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('given the shipped blueprints, when validated, then it exits 0 and names every blueprint it loaded', async () => {
    const result = await crm('blueprint', 'validate', '--blueprints', SHIPPED);

    expect(result).toEqual({ exitCode: 0, out: 'ok: 7 blueprint files valid: account v1 (account), contact v1 (contact), lead v4 (lead), opportunity v4 (opportunity), order v1 (order), quote v4 (quote), subscription v1 (subscription)\n', err: '' });
  });

  it('given a folder with a misspelt field, a YAML error and a version declared twice, when validated, then every problem is printed with file and path and it exits 3', async () => {
    folder('broken', {
      'opportunity.blueprint.yaml': edited('opportunity.blueprint.yaml', 'requires: [budget, decisionMaker, timeline]', 'requires: [budjet, decisionMaker, timeline]'),
      'quote.blueprint.yaml': edited('quote.blueprint.yaml', 'initialStage: draft', 'initialStage: [draft'),
      'lead-again.blueprint.yaml': readFileSync(join(SHIPPED, 'lead.blueprint.yaml'), 'utf8'),
    });

    const result = await crm('blueprint', 'validate', 'broken');

    expect(result.exitCode).toBe(3);
    const lines = result.err.trimEnd().split('\n');
    expect(lines).toContain('broken/opportunity.blueprint.yaml: transitions[0].requires[0]: unknown field "budjet" (did you mean "budget"?)');
    expect(lines.filter((line) => line.startsWith('broken/quote.blueprint.yaml: YAML syntax error at line'))).not.toHaveLength(0);
    // The loader names the other file as it read it: absolute.
    expect(lines).toContain(
      `broken/lead.blueprint.yaml: version: blueprint "lead" version 4 is also declared in ${join(root, 'broken', 'lead-again.blueprint.yaml')}; give the change a higher version`,
    );
    expect(result.out).toMatch(/^invalid: \d+ problems in 3 files \(6 blueprint files checked\)\n$/);
  });

  it('given a data directory where opportunity v4 is published, when a folder changing v4 without a new version is validated, then it fails as start-up would, naming the file and path', async () => {
    const engine = await Engine.open({ dataDirectory: join(root, 'data'), blueprintsDirectory: SHIPPED, clock, policy: openAccess });
    await engine.close();
    folder('changed', { 'opportunity.blueprint.yaml': edited('opportunity.blueprint.yaml', 'probability: 50', 'probability: 55') });

    const result = await crm('blueprint', 'validate', 'changed', '--data-dir', 'data');

    expect(result.exitCode).toBe(3);
    expect(result.err).toBe('changed/opportunity.blueprint.yaml: version: blueprint opportunity v4 is already published with other content; give the change a new version number\n');
    expect(result.out).toBe('invalid: 1 problem in 1 file (5 blueprint files checked)\n');
  });

  it('given a data directory with the shipped versions published, when the shipped folder is validated against it, then it is ok and says so', async () => {
    const engine = await Engine.open({ dataDirectory: join(root, 'data'), blueprintsDirectory: SHIPPED, clock, policy: openAccess });
    await engine.close();

    const result = await crm('blueprint', 'validate', '--blueprints', SHIPPED, '--data-dir', 'data');

    expect(result.exitCode).toBe(0);
    expect(result.out).toBe('ok: 7 blueprint files valid against the published versions: account v1 (account), contact v1 (contact), lead v4 (lead), opportunity v4 (opportunity), order v1 (order), quote v4 (quote), subscription v1 (subscription)\n');
  });

  it('given single files, when validated, then a good one passes, a missing one is a problem, and a dead end is only a warning', async () => {
    const directory = folder('files', {
      'quote.blueprint.yaml': edited('quote.blueprint.yaml', 'from: approved\n    to: sent', 'from: in_review\n    to: sent'),
    });

    const good = await crm('blueprint', 'validate', join(directory, 'quote.blueprint.yaml'), 'files/lead.blueprint.yaml');
    const missing = await crm('blueprint', 'validate', 'files/nope.blueprint.yaml');

    expect(good.exitCode).toBe(0);
    expect(good.out).toBe('ok: 2 blueprint files valid: quote v4 (quote), lead v4 (lead)\n');
    expect(good.err).toBe('warning: files/quote.blueprint.yaml: stages.approved: stage "approved" is not final but no transition leaves it (a dead end)\n');
    expect(missing.exitCode).toBe(3);
    expect(missing.err).toBe('files/nope.blueprint.yaml: cannot read the blueprint file (ENOENT)\n');
  });

  it('given a kind, when shown, then stages come in order with probability, forecast category and outcome, transitions with criteria and roles, and fields', async () => {
    const result = await crm('blueprint', 'show', 'opportunity', '--blueprints', SHIPPED);

    expect(result.exitCode).toBe(0);
    expect(result.out).toMatch(/^opportunity: Opportunity \(blueprint opportunity v4, sha256:[0-9a-f]{12}, currency USD\)$/m);
    expect(result.out).toMatch(/^ {2}3\s+proposal\s+Proposal\s+50%\s+best_case\s+none\s+send_proposal$/m);
    expect(result.out).toMatch(/^ {2}6\s+closed_won\s+Closed won\s+100%\s+closed\s+won\s+final$/m);
    expect(result.out).toMatch(/^ {2}close_won\s+contract_approval\s+closed_won\s+requires amount, closeDate; when amount > 0 \("A won deal needs a positive amount"\)\s+rep, manager$/m);
    expect(result.out).toMatch(/^ {2}close_lost\s+any open stage\s+closed_lost\s+supply lossReason\s+any$/m);
    expect(result.out).toMatch(/^ {2}request_approval\s+negotiation\s+contract_approval\s+owner only\s+any$/m);
    expect(result.out).toMatch(/^ {2}lossReason\s+enum\s+Loss reason\s+values: price, competitor/m);
    const stageOrder = [...result.out.matchAll(/^ {2}\d\s+(\w+)/gm)].map((match) => match[1]);
    expect(stageOrder).toEqual(['qualification', 'needs_analysis', 'proposal', 'negotiation', 'contract_approval', 'closed_won', 'closed_lost']);
  });

  it('given --json, when shown, then the ref and the loaded definition are printed as JSON', async () => {
    const result = await crm('blueprint', 'show', 'quote', '--json', '--blueprints', SHIPPED);

    expect(result.exitCode).toBe(0);
    const shown = JSON.parse(result.out);
    expect(shown.ref).toEqual({ id: 'quote', version: 4, contentHash: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(shown.definition).toEqual(JSON.parse(JSON.stringify(loadBlueprintFile(join(SHIPPED, 'quote.blueprint.yaml')))));
  });

  it('given a kind, when diagrammed, then the Mermaid state diagram of its blueprint is printed', async () => {
    const result = await crm('blueprint', 'diagram', 'lead', '--blueprints', SHIPPED);

    expect(result.exitCode).toBe(0);
    expect(result.out).toBe(`${toMermaid(loadBlueprintFile(join(SHIPPED, 'lead.blueprint.yaml')))}\n`);
    expect(result.out).toContain('  [*] --> new\n');
  });

  it('given an unknown kind or a broken folder, when shown, then it exits 1 naming the known kinds, or 3 listing the problems', async () => {
    folder('broken', { 'opportunity.blueprint.yaml': edited('opportunity.blueprint.yaml', 'to: proposal', 'to: propsal') });

    const unknown = await crm('blueprint', 'show', 'invoice', '--blueprints', SHIPPED);
    const broken = await crm('blueprint', 'diagram', 'opportunity', '--blueprints', 'broken');

    expect(unknown.exitCode).toBe(1);
    expect(unknown.err).toContain('governs record kind "invoice"; kinds: account, contact, lead, opportunity, order, quote, subscription');
    expect(broken.exitCode).toBe(3);
    expect(broken.err).toContain('INVALID_BLUEPRINT: invalid blueprint');
    expect(broken.err).toContain('opportunity.blueprint.yaml: transitions[1].to: unknown stage "propsal"');
  });

  it(
    'given the real launcher, when a broken folder is validated and a diagram drawn from CRM_BLUEPRINTS_DIR, then the exit codes and output are the same as in-process',
    async () => {
      folder('broken', {
        'opportunity.blueprint.yaml': edited('opportunity.blueprint.yaml', 'requires: [budget, decisionMaker, timeline]', 'requires: [budjet, decisionMaker, timeline]'),
      });

      const validate = await runBin(['blueprint', 'validate', 'broken'], { cwd: root });
      const diagram = await runBin(['blueprint', 'diagram', 'opportunity'], { cwd: root, env: { CRM_BLUEPRINTS_DIR: SHIPPED } });

      expect(validate).toEqual({
        exitCode: 3,
        out: 'invalid: 1 problem in 1 file (5 blueprint files checked)\n',
        err: 'broken/opportunity.blueprint.yaml: transitions[0].requires[0]: unknown field "budjet" (did you mean "budget"?)\n',
      });
      expect(diagram.exitCode).toBe(0);
      expect(diagram.out).toBe(`${toMermaid(loadBlueprintFile(join(SHIPPED, 'opportunity.blueprint.yaml')))}\n`);
    },
    scaledTimeout(60_000),
  );
});
