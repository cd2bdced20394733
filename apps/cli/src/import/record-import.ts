import { createHash } from 'node:crypto';
import { basename } from 'node:path';
import { canonicalJson, type Actor, type CompiledBlueprint, type UnmetCriterion } from '@crm/blueprint';
import type { Clock } from '@crm/clock';
import type { EventStore } from '@crm/event-store';
import {
  decideRecord,
  noRecord,
  recordStreamName,
  standardTiming,
  WorkflowException,
  type BlueprintCatalog,
  type CommandOrigin,
  type ImportRecordHistory,
  type RecordCommandHandler,
  type StageRecorded,
} from '@crm/workflow';
import { parseCsv } from './csv-parser';
import { parseRecordMapping } from './import-mapping';
import { conformanceOf, warningCountsOf, type ConformanceReport, type JudgedRow, type WarningCount } from './import-report';
import { mapRow, type MappedHistory, type RowWarning } from './map-row';

export type OnError = 'skip' | 'fail';

/**
 * The dry judgement of a row has no store at hand: the command handler checks reference fields when the
 * row is stored, and a row naming a record that does not exist is reported then, with its row number.
 */
const REFERENCES_CHECKED_WHEN_STORED = { exists: (): boolean => true };

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
  /** Where the import runs from, on every event it stores (the audit trail). */
  readonly origin?: CommandOrigin;
  /** Whether an owner is a user of the users file; owners that are not are counted warnings. */
  readonly isUser: (id: string) => boolean;
  /** Refuse the whole file when a row breaks a blueprint rule or any warning is counted. */
  readonly strict?: boolean;
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
  /** False when `fail` met a bad row, `strict` a rule broken or a warning, or on a dry run: nothing at all was stored. */
  readonly stored: boolean;
  readonly strict: boolean;
  /** Why nothing was stored: bad rows with `fail`, or `strict`; null when not refused. */
  readonly refused: 'rejected_rows' | 'strict' | null;
  /** Per blueprint rule, how many of the judged records break it (their moves are StageRecorded). */
  readonly conformance: ConformanceReport;
  readonly warnings: readonly WarningCount[];
  /** Judged rows with at least one warning. */
  readonly rowsWithWarnings: number;
}

interface ValidRow {
  readonly row: number;
  readonly command: ImportRecordHistory;
}

const isStageRecorded = (event: { readonly type: string; readonly data: object }): event is StageRecorded => event.type === 'StageRecorded';

/** The unmet criteria of the moves a decision records as StageRecorded: what the row's history breaks. */
const unmetOf = (events: readonly { readonly type: string; readonly data: object }[]): UnmetCriterion[] =>
  events.filter(isStageRecorded).flatMap((event) => event.data.unmet);

const ownerWarnings = (history: MappedHistory, ownerColumn: string | null, isUser: (id: string) => boolean): RowWarning[] =>
  ownerColumn === null || history.owner === null || isUser(history.owner)
    ? []
    : [{ kind: 'unknown_owner', column: ownerColumn, message: `${ownerColumn} ${JSON.stringify(history.owner)} (the owner) is not a user of the users file` }];

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

/** `strict` refuses the file for a broken rule or a warning; `fail` for a bad row. */
const refusalOf = (
  input: Pick<RecordImportInput, 'strict' | 'onError'>,
  conformance: ConformanceReport,
  warnings: readonly WarningCount[],
  rejected: readonly RowProblem[],
): RecordImportReport['refused'] => {
  if (input.strict === true && (conformance.nonConforming > 0 || warnings.length > 0)) return 'strict';
  return rejected.length > 0 && input.onError === 'fail' ? 'rejected_rows' : null;
};

/**
 * Validates every row first — mapping, field types, stage names and dates through the very decider the
 * command handler uses (pure, nothing stored), duplicates, records already there — and judges each
 * history against the blueprint (the decision's StageRecorded moves) and counts the warnings; then stores
 * the good rows through `ImportRecordHistory`, unless `fail` met any bad row or `strict` a broken rule or a
 * warning: then nothing is stored at all.
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
  const judged: JudgedRow[] = [];
  let alreadyImported = 0;

  for (const record of table.records) {
    const mapped = mapRow(mapping, blueprint.definition, table.header, record);
    if (!mapped.ok) {
      rejected.push({ row: record.row, recordId: mapped.recordId, reason: mapped.problems.join('; ') });
      continue;
    }
    const { history } = mapped;
    const warnings = [...ownerWarnings(history, mapping.owner, input.isUser), ...mapped.warnings];
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
      ...(input.origin === undefined ? {} : { origin: input.origin }),
    };
    let unmet: UnmetCriterion[];
    try {
      unmet = unmetOf(decideRecord(command, noRecord(input.kind, history.recordId), { blueprint, now, timing: standardTiming(), references: REFERENCES_CHECKED_WHEN_STORED }));
    } catch (error) {
      rejected.push({ row: record.row, recordId: history.recordId, reason: describeRefusal(error) });
      continue;
    }
    const [first] = await input.store.readStream(recordStreamName(input.kind, history.recordId), { maxCount: 1 });
    if (first !== undefined && first.metadata['commandId'] !== command.commandId) {
      const origin = first.metadata['imported'] === true ? ` (imported from ${String(first.metadata['importSource'])} with other facts)` : '';
      rejected.push({ row: record.row, recordId: history.recordId, reason: `RECORD_ALREADY_EXISTS: ${input.kind} "${history.recordId}" already exists${origin}` });
      continue;
    }
    // A row already imported is judged too: the report describes the file, whatever is stored already.
    judged.push({ row: record.row, unmet, warnings });
    if (first === undefined) valid.push({ row: record.row, command });
    else alreadyImported += 1;
  }

  const conformance = conformanceOf(blueprint, judged);
  const warnings = warningCountsOf(judged);
  const strict = input.strict === true;
  const rowsWithWarnings = judged.filter((row) => row.warnings.length > 0).length;
  const report = { kind: input.kind, file: input.file, rows: table.records.length, alreadyImported, strict, conformance, warnings, rowsWithWarnings };
  const refused = refusalOf(input, conformance, warnings, rejected);
  if (refused !== null || input.dryRun) {
    return { ...report, imported: 0, events: 0, rejected, stored: false, refused };
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
  return { ...report, imported, events, rejected, stored: imported > 0, refused: null };
};
