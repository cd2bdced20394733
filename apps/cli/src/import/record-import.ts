import { createHash } from 'node:crypto';
import { basename } from 'node:path';
import { canonicalJson, type Actor, type CompiledBlueprint } from '@crm/blueprint';
import type { Clock } from '@crm/clock';
import type { EventStore } from '@crm/event-store';
import {
  decideRecord,
  noRecord,
  recordStreamName,
  WorkflowException,
  type BlueprintCatalog,
  type ImportRecordHistory,
  type RecordCommandHandler,
} from '@crm/workflow';
import { parseCsv } from './csv-parser';
import { parseRecordMapping } from './import-mapping';
import { mapRow, type MappedHistory } from './map-row';

export type OnError = 'skip' | 'fail';

export interface RecordImportInput {
  readonly store: EventStore;
  readonly catalog: BlueprintCatalog;
  readonly handler: RecordCommandHandler;
  readonly clock: Clock;
  readonly kind: string;
  /** The CSV's path, for `importSource` (`<file name>#row <n>`) and messages. */
  readonly file: string;
  readonly content: string;
  readonly mappingFile: string;
  readonly mappingSource: string;
  /** `skip`: store the good rows, report the bad; `fail`: store nothing unless every row is good. */
  readonly onError: OnError;
  readonly actor: Actor;
  /** Validate and report only. */
  readonly dryRun?: boolean;
  /** Commands in flight at once; they share group commits. Default 64. */
  readonly concurrency?: number;
  readonly onProgress?: (done: number, total: number) => void;
}

export interface RowProblem {
  readonly row: number;
  readonly recordId: string | null;
  readonly reason: string;
}

export interface RecordImportReport {
  readonly kind: string;
  readonly file: string;
  readonly rows: number;
  /** Rows whose history was stored now. */
  readonly imported: number;
  /** Rows whose identical history is already stored (a re-import): nothing stored for them. */
  readonly alreadyImported: number;
  readonly events: number;
  readonly rejected: readonly RowProblem[];
  /** False when `fail` met a bad row, or on a dry run: nothing at all was stored. */
  readonly stored: boolean;
}

interface ValidRow {
  readonly row: number;
  readonly command: ImportRecordHistory;
}

/**
 * The command id of a row's history: derived from what the row says (kind, id and every mapped fact),
 * so importing the same row again — from the same file or a corrected copy — is recognised and stores
 * nothing, while a row whose facts changed is reported as a conflict with the stored record.
 */
export const importCommandId = (kind: string, history: MappedHistory): string =>
  `import:${history.recordId}:${createHash('sha256').update(canonicalJson({ kind, ...history })).digest('hex').slice(0, 32)}`;

const describeRefusal = (error: unknown): string => {
  if (!(error instanceof WorkflowException)) return error instanceof Error ? error.message : String(error);
  const problems = error.details['problems'];
  if (Array.isArray(problems) && problems.length > 0) {
    const texts = problems.map((problem) => (typeof problem === 'string' ? problem : String((problem as { message?: unknown }).message ?? problem)));
    return `${error.code}: ${texts.join('; ')}`;
  }
  return `${error.code}: ${error.message}`;
};

/**
 * Validates every row first — mapping, field types, stage names and dates through the very decider the
 * command handler uses (pure, nothing stored), duplicates, records already there — then stores the good
 * ones through `ImportRecordHistory`, unless `fail` met any bad row: then nothing is stored at all.
 */
export const importRecords = async (input: RecordImportInput): Promise<RecordImportReport> => {
  const table = parseCsv(input.content);
  const blueprint: CompiledBlueprint = input.catalog.latestForKind(input.kind);
  const mapping = parseRecordMapping(input.mappingSource, input.mappingFile, table.header, blueprint.definition);
  const source = basename(input.file);
  const now = input.clock.now();
  const rejected: RowProblem[] = [];
  const valid: ValidRow[] = [];
  const firstRowOf = new Map<string, number>();
  let alreadyImported = 0;

  for (const record of table.records) {
    const mapped = mapRow(mapping, blueprint.definition, table.header, record);
    if (!mapped.ok) {
      rejected.push({ row: record.row, recordId: mapped.recordId, reason: mapped.problems.join('; ') });
      continue;
    }
    const { history } = mapped;
    const earlier = firstRowOf.get(history.recordId);
    if (earlier !== undefined) {
      rejected.push({ row: record.row, recordId: history.recordId, reason: `record id "${history.recordId}" was already used by row ${earlier}` });
      continue;
    }
    firstRowOf.set(history.recordId, record.row);
    const command: ImportRecordHistory = {
      type: 'ImportRecordHistory',
      kind: input.kind,
      ...history,
      source: `${source}#row ${record.row}`,
      commandId: importCommandId(input.kind, history),
      actor: input.actor,
    };
    try {
      decideRecord(command, noRecord(input.kind, history.recordId), { blueprint, now });
    } catch (error) {
      rejected.push({ row: record.row, recordId: history.recordId, reason: describeRefusal(error) });
      continue;
    }
    const [first] = await input.store.readStream(recordStreamName(input.kind, history.recordId), { maxCount: 1 });
    if (first === undefined) valid.push({ row: record.row, command });
    else if (first.metadata['commandId'] === command.commandId) alreadyImported += 1;
    else {
      const origin = first.metadata['imported'] === true ? ` (imported from ${String(first.metadata['importSource'])} with other facts)` : '';
      rejected.push({ row: record.row, recordId: history.recordId, reason: `RECORD_ALREADY_EXISTS: ${input.kind} "${history.recordId}" already exists${origin}` });
    }
  }

  const report = { kind: input.kind, file: input.file, rows: table.records.length, alreadyImported };
  if ((rejected.length > 0 && input.onError === 'fail') || input.dryRun) {
    return { ...report, imported: 0, events: 0, rejected, stored: false };
  }

  let imported = 0;
  let events = 0;
  let done = 0;
  const queue = [...valid];
  const worker = async (): Promise<void> => {
    for (let next = queue.shift(); next !== undefined; next = queue.shift()) {
      try {
        const result = await input.handler.execute(next.command);
        imported += 1;
        events += result.events.length;
      } catch (error) {
        // Validated a moment ago; only a writer racing this import gets here.
        rejected.push({ row: next.row, recordId: next.command.recordId, reason: describeRefusal(error) });
      }
      done += 1;
      if (done % 500 === 0 || done === valid.length) input.onProgress?.(done, valid.length);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, input.concurrency ?? 64) }, worker));
  rejected.sort((a, b) => a.row - b.row);
  return { ...report, imported, events, rejected, stored: imported > 0 };
};
