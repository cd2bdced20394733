import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { scaledTimeout } from '@crm/event-store/contract';
import { repositoryRoot } from './api-harness';

/**
 * The README's promise, checked as a user would meet it: the built app started with the quick-start
 * defaults (port 3000, ./data) serves /health and /docs, writes the demo tokens, the README's curl
 * walk-through works exactly as written, and SIGTERM ends the process cleanly.
 */
const walkthroughOf = (readme: string): string => {
  const match = /<!-- walkthrough:start -->\s*```bash\n([\s\S]*?)```\s*<!-- walkthrough:end -->/.exec(readme);
  if (!match) throw new Error('README has no walkthrough block');
  return match[1];
};

const waitForOutput = (child: ChildProcess, text: string, timeoutMs: number): Promise<string> =>
  new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`no "${text}" within ${timeoutMs} ms; output:\n${output}`)), timeoutMs);
    const onData = (chunk: Buffer): void => {
      output += chunk.toString();
      if (output.includes(text)) {
        clearTimeout(timer);
        resolve(output);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`exited with ${code} before "${text}"; output:\n${output}`));
    });
  });

describe('quick start (built app, default port and data dir)', () => {
  let workingDirectory: string;
  let app: ChildProcess;

  beforeAll(async () => {
    execFileSync('npm', ['run', 'build'], { cwd: repositoryRoot, stdio: 'pipe' });
    workingDirectory = mkdtempSync(join(tmpdir(), 'crm-quick-start-'));
    app = spawn(process.execPath, [join(repositoryRoot, 'dist/apps/api/src/main.js')], {
      cwd: workingDirectory,
      env: { ...process.env, PORT: '3000', CRM_DATA_DIR: '', CRM_BLUEPRINTS_DIR: join(repositoryRoot, 'blueprints') },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    await waitForOutput(app, 'listening on http://127.0.0.1:3000', scaledTimeout(30_000));
  }, scaledTimeout(90_000));

  afterAll(() => {
    if (app.exitCode === null) app.kill('SIGKILL');
    rmSync(workingDirectory, { recursive: true, force: true });
  });

  it('serves /health and /docs', async () => {
    expect((await fetch('http://localhost:3000/health')).status).toBe(200);
    expect((await fetch('http://localhost:3000/docs')).status).toBe(200);
  });

  it('writes a token for each demo user with role and team', () => {
    const tokens = JSON.parse(readFileSync(join(workingDirectory, 'data/demo-tokens.json'), 'utf8')) as Record<string, { role: string; team: string | null; token: string }>;
    expect(Object.fromEntries(Object.entries(tokens).map(([user, entry]) => [user, entry.role]))).toEqual({
      rita: 'rep',
      raj: 'rep',
      max: 'manager',
      mia: 'manager',
      ana: 'analyst',
      olga: 'process_owner',
      ada: 'admin',
    });
    expect(Object.values(tokens).every((entry) => entry.token.split('.').length === 3)).toBe(true);
  });

  it('runs the README curl walk-through verbatim, ending with the pipeline that shows the advanced deal', async () => {
    const script = walkthroughOf(readFileSync(join(repositoryRoot, 'README.md'), 'utf8'));
    const output = execFileSync('bash', ['-euo', 'pipefail', '-c', script], { cwd: workingDirectory, encoding: 'utf8' });
    expect(output).toContain('"stage":"qualification"');
    expect(output).toContain('"error":"TRANSITION_REFUSED"');
    expect(output).toContain('"stage":"needs_analysis"');
    // The sales manager granted first; the quote then waited for finance, whose grant approved it.
    expect(output).toContain('"waitingFor":["Finance (admin)"]');
    expect(output).toContain('"stage":"approved"');

    // The last step reads the pipeline; an error would answer { error, message, details } instead.
    const pipelineStep = JSON.parse(output.trimEnd().split('\n').at(-1) ?? '') as Record<string, unknown>;
    const dealInPipeline = { kind: 'opportunity', rows: [expect.objectContaining({ stage: 'needs_analysis', owner: 'rita', count: 1 })] };
    expect(pipelineStep).not.toHaveProperty('error');
    expect(pipelineStep).toMatchObject(dealInPipeline);
    const token = (JSON.parse(readFileSync(join(workingDirectory, 'data/demo-tokens.json'), 'utf8')) as Record<string, { token: string }>)['rita']?.token;
    const pipeline = await fetch('http://localhost:3000/pipeline', { headers: { authorization: `Bearer ${token}` } });
    expect(pipeline.status).toBe(200);
    expect(await pipeline.json()).toMatchObject(dealInPipeline);
  });

  it('exits cleanly on SIGTERM, keeping what was written', async () => {
    const exited = new Promise<number | null>((resolve) => app.once('exit', (code) => resolve(code)));
    app.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(existsSync(join(workingDirectory, 'data/events.sqlite'))).toBe(true);
  });
});
