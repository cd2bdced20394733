import type { LatencySummary } from './measure/latencies';

export type DetailValue = number | string | boolean | null;

export interface MeasuredCase {
  readonly status: 'measured';
  readonly id: string;
  readonly title: string;
  readonly rate: { readonly value: number; readonly unit: string } | null;
  readonly latencyMs: LatencySummary | null;
  /** Peak RSS of the process doing the measured work (for HTTP: the server), MiB. */
  readonly peakRssMiB: number | null;
  readonly details: Readonly<Record<string, DetailValue>>;
}

/** A case that cannot be measured yet; it says why instead of showing a made-up number. */
export interface PendingCase {
  readonly status: 'pending';
  readonly id: string;
  readonly title: string;
  readonly reason: string;
}

/** A case whose process failed; the run goes on and the report shows the reason. */
export interface FailedCase {
  readonly status: 'failed';
  readonly id: string;
  readonly title: string;
  readonly reason: string;
}

export type CaseResult = MeasuredCase | PendingCase | FailedCase;

/** What the orchestrator tells a case process. */
export interface CaseSettings {
  readonly quick: boolean;
  readonly seed: number;
  /** A fresh folder the case may fill; the orchestrator deletes it after the run. */
  readonly workDirectory: string;
  /** Where to write CPU profiles of the measured window (`--profile`); null: no profiling. */
  readonly profileDirectory: string | null;
  /** Values handed on from earlier cases (e.g. the engine run's data directory for the raw reference). */
  readonly inputs: Readonly<Record<string, string>>;
}

/** Messages between the orchestrator and a case process (IPC). */
export type CaseMessage = { readonly type: 'results'; readonly results: readonly CaseResult[] };
