import { BENCH_CASES } from './case-catalog';
import type { CaseMessage, CaseSettings } from './case-result';

/**
 * A case's own process: runs one case and sends its results to the orchestrator over IPC.
 * Usage (by main.ts): node -r register-typescript.js case-entry.ts <case name> <settings JSON>
 */
const main = async (): Promise<void> => {
  const [name, settingsJson] = process.argv.slice(2);
  const benchCase = BENCH_CASES.find((candidate) => candidate.name === name);
  if (!benchCase || !settingsJson) throw new Error(`usage: case-entry.ts <${BENCH_CASES.map((known) => known.name).join('|')}> <settings JSON>`);
  const results = await benchCase.run(JSON.parse(settingsJson) as CaseSettings);
  const message: CaseMessage = { type: 'results', results };
  process.send?.(message, () => process.exit(0));
};

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
