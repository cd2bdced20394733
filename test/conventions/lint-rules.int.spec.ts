import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { scaledTimeout } from '@crm/event-store/contract';

/**
 * The conventions `npm test` checks with ESLint (README, Tests: "Conventions lint checks"), shown failing:
 * each source below is linted as if it were the named file of the repository, through the repository's
 * own eslint.config.mjs and project graph (tags in each project.json), without writing it anywhere.
 */

const repositoryRoot = join(__dirname, '..', '..');

interface LintMessage {
  readonly ruleId: string | null;
  readonly message: string;
}

// ESLint loads its configuration as an ES module, which Jest's CommonJS runtime cannot import: the
// sources are linted in one Node process (one project graph for all of them), read from stdin as JSON.
const LINT_SOURCES = `
  import { ESLint } from 'eslint';
  import { createProjectGraphAsync } from 'nx/src/devkit-exports.js';
  // The module boundaries rule reads the project graph Nx caches, and skips itself without one (a fresh clone).
  await createProjectGraphAsync({ exitOnError: false });
  let input = '';
  for await (const chunk of process.stdin) input += chunk;
  const eslint = new ESLint({ cwd: process.cwd() });
  const answers = [];
  for (const { path, source } of JSON.parse(input)) {
    const [result] = await eslint.lintText(source, { filePath: path });
    answers.push(result.messages.map(({ ruleId, message }) => ({ ruleId, message })));
  }
  process.stdout.write(JSON.stringify(answers));
`;

/** What ESLint reports for each source placed at its path (relative to the repository), in order. */
const lintAll = (files: readonly { path: string; source: string }[]): Promise<LintMessage[][]> =>
  new Promise((resolve, reject) => {
    const child = execFile(
      process.execPath,
      ['--input-type=module', '--eval', LINT_SOURCES],
      { cwd: repositoryRoot, env: { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true' }, maxBuffer: 8 * 1024 * 1024 },
      (error, stdout, stderr) => (error ? reject(new Error(`linting failed: ${error.message}\n${stderr}`)) : resolve(JSON.parse(stdout) as LintMessage[][])),
    );
    child.stdin?.end(JSON.stringify(files));
  });

const rulesOf = (messages: readonly LintMessage[]): (string | null)[] => messages.map((message) => message.ruleId);

const WALL_CLOCK = "import { systemClock } from '@crm/clock';\nexport const now = (): Date => systemClock.now();\n";

/** Each case: a source, and the file of the repository it is linted as. */
const CASES = {
  libImportsApp: { path: 'libs/clock/src/imports-an-app.ts', source: "import { startApi } from '../../../apps/api/src/start-api';\nexport const start = startApi;\n" },
  engineImportsCrm: { path: 'libs/event-store/src/imports-crm.ts', source: "import { RecordSlices } from '@crm/workflow';\nexport const slices = RecordSlices;\n" },
  crmImportsEngine: { path: 'libs/workflow/src/uses-the-clock.ts', source: "import type { Clock } from '@crm/clock';\nexport const timeOf = (clock: Clock): Date => clock.now();\n" },
  looseTypes: { path: 'projections/loose.ts', source: 'export const first = (values: any[]): string => values.find(Boolean)!;\n' },
  citesOutside: { path: 'libs/blueprint/src/cites-outside.ts', source: '/** Why: see ../shared/DESIGN.md. */\nexport const answer = 42;\n' },
  libTakesWallClock: { path: 'libs/projection-runtime/src/wall-clock.ts', source: WALL_CLOCK },
  appChoosesWallClock: { path: 'apps/cli/src/wall-clock.ts', source: WALL_CLOCK },
  strayDatePattern: { path: 'projections/shared/stray-date.ts', source: "export const isDay = (text: string): boolean => /^\\d{4}-\\d{2}-\\d{2}$/.test(text);\n" },
};

describe('conventions checked by lint', () => {
  const reported = new Map<keyof typeof CASES, LintMessage[]>();

  beforeAll(async () => {
    const names = Object.keys(CASES) as (keyof typeof CASES)[];
    const answers = await lintAll(names.map((name) => CASES[name]));
    names.forEach((name, index) => reported.set(name, answers[index] ?? []));
  }, scaledTimeout(120_000));

  const messagesOf = (name: keyof typeof CASES): LintMessage[] => {
    const messages = reported.get(name);
    if (messages === undefined) throw new Error(`the case ${name} was not linted`);
    return messages;
  };

  it('given a lib that imports an app, when linted, then the module boundaries rule reports it', () => {
    expect(rulesOf(messagesOf('libImportsApp'))).toContain('@nx/enforce-module-boundaries');
  });

  it('given an engine lib that imports a CRM module, when linted, then the module boundaries rule names the tags', () => {
    expect(messagesOf('engineImportsCrm')).toEqual([
      expect.objectContaining({ ruleId: '@nx/enforce-module-boundaries', message: expect.stringContaining('scope:engine') }),
    ]);
  });

  it('given a CRM module that imports an engine lib, when linted, then nothing is reported', () => {
    expect(messagesOf('crmImportsEngine')).toEqual([]);
  });

  it('given `any` and a non-null assertion, when linted, then each is reported', () => {
    expect(rulesOf(messagesOf('looseTypes')).sort()).toEqual(['@typescript-eslint/no-explicit-any', '@typescript-eslint/no-non-null-assertion']);
  });

  it('given a comment that cites a design file outside the repository, when linted, then it is reported', () => {
    expect(rulesOf(messagesOf('citesOutside'))).toEqual(['no-warning-comments']);
  });

  it('given a lib that takes the wall clock itself, when linted, then it is told to have the clock injected', () => {
    expect(messagesOf('libTakesWallClock')).toEqual([expect.objectContaining({ ruleId: 'no-restricted-imports', message: expect.stringContaining('composition root') })]);
  });

  it('given an app, when it chooses the wall clock, then nothing is reported (the composition root may)', () => {
    expect(messagesOf('appChoosesWallClock')).toEqual([]);
  });

  it('given a date pattern of its own outside @crm/clock, when linted, then it is sent to the one strict parser', () => {
    expect(messagesOf('strayDatePattern')).toEqual([expect.objectContaining({ ruleId: 'no-restricted-syntax', message: expect.stringContaining('parseIsoDate') })]);
  });
});
