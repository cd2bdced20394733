import type { Clock } from '@crm/clock';

export interface CliOutput {
  write(text: string): unknown;
  /** A terminal gets a progress bar redrawn in place; a pipe gets one line per report. */
  readonly isTTY?: boolean;
}

/** Everything a command touches outside its arguments, so tests run commands in-process. */
export interface CliIo {
  readonly stdout: CliOutput;
  readonly stderr: CliOutput;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly cwd: string;
  readonly clock: Clock;
  /** Ends long-running commands (`projections run --follow`); the launcher wires it to SIGINT/SIGTERM. */
  readonly signal?: AbortSignal;
}
