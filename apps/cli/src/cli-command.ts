import type { ParseArgsConfig } from 'node:util';
import type { CliIo } from './cli-io';

export type OptionsConfig = NonNullable<ParseArgsConfig['options']>;

export type OptionValues = Readonly<Record<string, string | boolean | (string | boolean)[] | undefined>>;

export interface CommandInput {
  readonly io: CliIo;
  readonly positionals: readonly string[];
  readonly values: OptionValues;
  /** `--data-dir`, else `CRM_DATA_DIR`, else `./data`; absolute. */
  readonly dataDir: string;
  /** `--blueprints`, else `CRM_BLUEPRINTS_DIR`, else `./blueprints`; absolute. */
  readonly blueprintsDir: string;
}

/**
 * One `crm` subcommand, one file: its words (`['audit', 'funnel']`), help text, options (node:util
 * parseArgs format) and what it does. Register it in `commands/index.ts`.
 */
export interface CliCommand {
  readonly path: readonly string[];
  /** Other words that run it, e.g. `projections` alone runs `projections status`. */
  readonly aliases?: readonly (readonly string[])[];
  readonly summary: string;
  /** Usage lines after `crm`, e.g. `audit funnel --from <date> --to <date> [--as-of <date>] [--by <field>]`. */
  readonly usage: string;
  readonly options: OptionsConfig;
  /** How many positionals it takes. */
  readonly positionals: { readonly min: number; readonly max: number };
  run(input: CommandInput): Promise<number>;
}
