import { isAbsolute, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { systemClock } from '@crm/clock';
import { EXIT_CODES_HELP, EXIT_OK, EXIT_USAGE, usageError } from './cli.exception';
import type { CliCommand, OptionsConfig } from './cli-command';
import { describeFailure, exitCodeOf } from './cli-failure';
import type { CliIo } from './cli-io';
import { cliCommands } from './commands';

const globalOptions: OptionsConfig = {
  'data-dir': { type: 'string' },
  blueprints: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
};

const globalHelp = `Options for every command:
  --data-dir <dir>     data directory (events.sqlite, read-models.sqlite); default $CRM_DATA_DIR or ./data
  --blueprints <dir>   blueprint folder; default $CRM_BLUEPRINTS_DIR or ./blueprints
  -h, --help           this help`;

const usageOf = (command: CliCommand): string => `usage: crm ${command.usage}\n\n${command.summary}\n\n${globalHelp}\n`;

const overview = (commands: readonly CliCommand[]): string =>
  [
    'usage: crm <command> [options]',
    '',
    'Commands:',
    ...commands.map((command) => `  ${command.path.join(' ').padEnd(22)} ${command.summary.split('\n')[0]}`),
    '',
    globalHelp,
    '',
    EXIT_CODES_HELP,
    '',
  ].join('\n');

/** The command whose words the arguments start with; the longest match wins (`projections rebuild` over `projections`). */
const findCommand = (commands: readonly CliCommand[], argv: readonly string[]): { command: CliCommand; rest: string[] } | null => {
  const candidates = commands.flatMap((command) => [command.path, ...(command.aliases ?? [])].map((words) => ({ command, words })));
  candidates.sort((a, b) => b.words.length - a.words.length);
  const match = candidates.find(({ words }) => words.every((word, index) => argv[index] === word));
  return match ? { command: match.command, rest: argv.slice(match.words.length) } : null;
};

const absolute = (cwd: string, path: string): string => (isAbsolute(path) ? path : resolve(cwd, path));

/** Runs one command line; resolves to the exit code. Never throws for a user's mistake. */
export const runCli = async (argv: readonly string[], io: CliIo, commands: readonly CliCommand[] = cliCommands): Promise<number> => {
  if (argv.length === 0 || argv[0] === 'help' || argv[0] === '--help' || argv[0] === '-h') {
    (argv.length === 0 ? io.stderr : io.stdout).write(overview(commands));
    return argv.length === 0 ? EXIT_USAGE : EXIT_OK;
  }
  const found = findCommand(commands, argv);
  if (found === null) {
    io.stderr.write(`crm: unknown command "${argv.join(' ')}"\n\n${overview(commands)}`);
    return EXIT_USAGE;
  }
  const { command, rest } = found;
  try {
    let parsed: ReturnType<typeof parseArgs>;
    try {
      parsed = parseArgs({ args: rest, options: { ...globalOptions, ...command.options }, allowPositionals: true, strict: true });
    } catch (error) {
      throw usageError((error as Error).message);
    }
    if (parsed.values['help'] === true) {
      io.stdout.write(`${usageOf(command)}\n${EXIT_CODES_HELP}\n`);
      return EXIT_OK;
    }
    const { positionals } = command;
    if (parsed.positionals.length < positionals.min || parsed.positionals.length > positionals.max) {
      throw usageError(`expected ${positionals.min === positionals.max ? positionals.min : `${positionals.min} to ${positionals.max}`} arguments, got ${parsed.positionals.length}`);
    }
    const dataDir = typeof parsed.values['data-dir'] === 'string' ? parsed.values['data-dir'] : (io.env['CRM_DATA_DIR'] || './data');
    const blueprintsDir = typeof parsed.values['blueprints'] === 'string' ? parsed.values['blueprints'] : (io.env['CRM_BLUEPRINTS_DIR'] || './blueprints');
    return await command.run({
      io,
      positionals: parsed.positionals,
      values: parsed.values,
      dataDir: absolute(io.cwd, dataDir),
      blueprintsDir: absolute(io.cwd, blueprintsDir),
    });
  } catch (error) {
    const exitCode = exitCodeOf(error);
    io.stderr.write(`crm ${command.path.join(' ')}: ${describeFailure(error)}\n`);
    if (exitCode === EXIT_USAGE) io.stderr.write(`\n${usageOf(command)}`);
    return exitCode;
  }
};

/** The process entry: real streams, environment and clock; SIGINT/SIGTERM end long-running commands. */
export const main = async (argv: readonly string[]): Promise<number> => {
  const stop = new AbortController();
  const onSignal = (): void => stop.abort();
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    return await runCli(argv, { stdout: process.stdout, stderr: process.stderr, env: process.env, cwd: process.cwd(), clock: systemClock, signal: stop.signal });
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
};
