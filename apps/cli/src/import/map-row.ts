import { validateFieldValue, type BlueprintDefinition, type FieldDefinition, type FieldValue } from '@crm/blueprint';
import { parseIsoDate, parseIsoDateTime } from '@crm/clock';
import type { ImportedStageVisit } from '@crm/workflow';
import type { CsvRecord } from './csv-parser';
import type { ColumnValue, RecordImportMapping } from './import-mapping';

/** A row turned into the facts of an ImportRecordHistory command. */
export interface MappedHistory {
  readonly recordId: string;
  readonly owner: string | null;
  readonly openedAt: string;
  readonly fields: Readonly<Record<string, FieldValue>>;
  readonly stages: readonly ImportedStageVisit[];
}

/** What an import reports as a counted warning (an error with `--strict`); README, "History import". */
export type ImportWarningKind = 'unknown_owner' | 'blank_reference' | 'dropped_column';

/** A warning about one row; `message` says it without the row, so equal warnings of many rows count together. */
export interface RowWarning {
  readonly kind: ImportWarningKind;
  readonly column: string;
  readonly message: string;
}

export type RowMapping =
  | { readonly ok: true; readonly history: MappedHistory; readonly warnings: readonly RowWarning[] }
  | { readonly ok: false; readonly recordId: string | null; readonly problems: readonly string[] };

const numberText = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;
const truthy = new Set(['true', 'yes', 'y', '1']);
const falsy = new Set(['false', 'no', 'n', '0']);

/** Cells by column name for one record, as they are in the file; a missing cell reads as empty. */
export const rawCellReader = (header: readonly string[], record: CsvRecord) => {
  const index = new Map(header.map((name, position) => [name, position]));
  return (column: string): string => record.cells[index.get(column) ?? -1] ?? '';
};

/** Cells by column name for one record, trimmed; a missing cell reads as blank. */
export const cellReader = (header: readonly string[], record: CsvRecord) => {
  const raw = rawCellReader(header, record);
  return (column: string): string => raw(column).trim();
};

/** A cell as the file has it, for messages: quoted, with its spaces, never after conversion. */
const shown = (raw: string): string => JSON.stringify(raw);

type Converted = { readonly value: FieldValue } | { readonly problem: string } | null;

/**
 * Text (after the mapping's `values`) → the field's JSON type; blank → null (the field is left out).
 * Problems show `raw`, the cell as it is in the file. Type rules beyond shape are the blueprint's.
 */
export const convertCell = (field: FieldDefinition, text: string, column: string, raw: string = text): Converted => {
  if (text === '') return null;
  switch (field.type) {
    case 'number':
    case 'money':
      return numberText.test(text) ? { value: Number(text) } : { problem: `${column} ${shown(raw)} is not a number (field ${field.name})` };
    case 'boolean': {
      const lower = text.toLowerCase();
      if (truthy.has(lower)) return { value: true };
      if (falsy.has(lower)) return { value: false };
      return { problem: `${column} ${shown(raw)} is not true/false (field ${field.name})` };
    }
    case 'date':
      if (parseIsoDate(text) !== null) return { value: text };
      // A date-time's day as written, in its own offset: the day the source system showed.
      if (parseIsoDateTime(text) !== null) return { value: text.slice(0, 10) };
      return { problem: `${column} ${shown(raw)} is not a date YYYY-MM-DD (field ${field.name})` };
    default:
      return { value: text };
  }
};

/** A date means midnight UTC of that day; a date-time must name its offset. Days that do not exist are refused. */
export const businessTimeOf = (text: string): string | null => {
  if (parseIsoDate(text) !== null) return `${text}T00:00:00.000Z`;
  return parseIsoDateTime(text) !== null ? text : null;
};

/** What each mapped column is for, in words: `dropped_column` warnings say it. */
export const columnRoles = (mapping: RecordImportMapping): ReadonlyMap<string, readonly string[]> => {
  const roles = new Map<string, string[]>();
  const add = (column: string, role: string): void => {
    roles.set(column, [...(roles.get(column) ?? []), role]);
  };
  add(mapping.id, 'record id');
  if (mapping.owner !== null) add(mapping.owner, 'owner');
  add(mapping.openedAt.column, 'opened at');
  for (const [field, value] of Object.entries(mapping.fields)) add(value.column, `field ${field}`);
  for (const stage of mapping.stages) {
    add(stage.enteredAt, `entered ${stage.stage}`);
    for (const [field, value] of Object.entries(stage.fields)) add(value.column, `field ${field} on entering ${stage.stage}`);
  }
  if (mapping.status !== null) add(mapping.status.column, 'status');
  if (mapping.wonAmount !== null) add(mapping.wonAmount.column, `won amount (${mapping.wonAmount.field})`);
  return roles;
};

/** One row being read: its cells, the problems (one per column: a bad cell is said once) and the columns used. */
class RowReading {
  readonly problems: string[] = [];
  readonly warnings: RowWarning[] = [];
  readonly used = new Set<string>();
  private readonly badColumns = new Set<string>();

  constructor(
    readonly cell: (column: string) => string,
    readonly raw: (column: string) => string,
  ) {}

  problem(message: string, column?: string): void {
    if (column !== undefined) {
      if (this.badColumns.has(column)) return;
      this.badColumns.add(column);
    }
    this.problems.push(message);
  }

  /** A value that comes from `column` is part of the history. */
  use(column: string): void {
    this.used.add(column);
  }
}

const readField = (reading: RowReading, field: FieldDefinition, mapping: ColumnValue): FieldValue | null => {
  const raw = reading.raw(mapping.column);
  const text = reading.cell(mapping.column);
  if (text === '' && field.type === 'reference') {
    reading.warnings.push({ kind: 'blank_reference', column: mapping.column, message: `${mapping.column} (field ${field.name}, a reference to ${field.to}) is blank: the record refers to no ${field.to}` });
  }
  const converted = convertCell(field, mapping.values[text] ?? text, mapping.column, raw);
  if (converted === null) return null;
  if ('problem' in converted) {
    reading.problem(converted.problem, mapping.column);
    return null;
  }
  const invalid = validateFieldValue(field, converted.value);
  if (invalid !== undefined) {
    reading.problem(`${mapping.column} ${shown(raw)}: ${invalid}`, mapping.column);
    return null;
  }
  reading.use(mapping.column);
  return converted.value;
};

const readFields = (blueprint: BlueprintDefinition, mappings: Readonly<Record<string, ColumnValue>>, reading: RowReading): Record<string, FieldValue> => {
  const fields: Record<string, FieldValue> = {};
  for (const [name, mapping] of Object.entries(mappings)) {
    const field = blueprint.fields.find((candidate) => candidate.name === name);
    if (field === undefined) continue;
    const value = readField(reading, field, mapping);
    if (value !== null) fields[name] = value;
  }
  return fields;
};

/** Where the row says the record is now: its status (mapped), else the last stage with a date. */
const targetStage = (mapping: RecordImportMapping, blueprint: BlueprintDefinition, reading: RowReading): string | null => {
  const orderOf = (stage: string): number => blueprint.stages.find((candidate) => candidate.id === stage)?.order ?? 0;
  if (mapping.status !== null) {
    const { column } = mapping.status;
    const text = reading.cell(column);
    const stage = mapping.status.values[text];
    if (stage === undefined) {
      reading.problem(
        text === '' ? `${column} is blank` : `${column} ${shown(reading.raw(column))} is not mapped to a stage (mapped: ${Object.keys(mapping.status.values).join(', ')})`,
        column,
      );
      return null;
    }
    reading.use(column);
    return stage;
  }
  const dated = mapping.stages.filter((stage) => reading.cell(stage.enteredAt) !== '').sort((a, b) => orderOf(a.stage) - orderOf(b.stage));
  return dated.at(-1)?.stage ?? blueprint.initialStage;
};

/** Mapped columns with a value in this row that no part of the history took: counted, never silent. */
const droppedColumns = (roles: ReadonlyMap<string, readonly string[]>, reading: RowReading): RowWarning[] =>
  [...roles.entries()]
    .filter(([column]) => reading.cell(column) !== '' && !reading.used.has(column))
    .map(([column, uses]) => ({ kind: 'dropped_column', column, message: `${column} (${uses.join(', ')}) has a value this row's history does not use: not imported` }));

/**
 * One CSV row → one record's history with its warnings, or every reason it cannot be: blank id or
 * opening date, unmapped status, a final stage without its date, cells that are not numbers/dates or
 * not values of their field. Stage visits are the mapped date columns of the stages before the record's
 * current one (in blueprint order; final stages other than the current one are not visits), then the
 * current one. Warnings: blank owner and reference cells, mapped columns whose value is not imported.
 */
export const mapRow = (mapping: RecordImportMapping, blueprint: BlueprintDefinition, header: readonly string[], record: CsvRecord): RowMapping => {
  const reading = new RowReading(cellReader(header, record), rawCellReader(header, record));
  const { cell } = reading;
  if (record.cells.length !== header.length) reading.problem(`expected ${header.length} cells, found ${record.cells.length}`);
  const recordId = cell(mapping.id);
  if (recordId === '') reading.problem(`${mapping.id} (the record id) is blank`, mapping.id);
  reading.use(mapping.id);

  const openedColumn = mapping.openedAt.column;
  const openedText = cell(openedColumn) || (mapping.openedAt.default ?? '');
  const openedAt = businessTimeOf(openedText);
  if (openedText === '') reading.problem(`${openedColumn} (when the record was opened) is blank`, openedColumn);
  else if (openedAt === null) reading.problem(`${openedColumn} ${shown(reading.raw(openedColumn) || openedText)} is not a date or an ISO date-time with offset`, openedColumn);
  reading.use(openedColumn);

  const fields = readFields(blueprint, mapping.fields, reading);
  const stageOf = (id: string) => blueprint.stages.find((stage) => stage.id === id);
  const target = targetStage(mapping, blueprint, reading);
  const stages: ImportedStageVisit[] = [];
  const targetFacts = target === null ? undefined : stageOf(target);
  if (target !== null && targetFacts !== undefined && target !== blueprint.initialStage) {
    const visits = mapping.stages
      .filter((visit) => {
        const facts = stageOf(visit.stage);
        return visit.stage === target || (facts !== undefined && !facts.final && facts.order < targetFacts.order);
      })
      .sort((a, b) => (stageOf(a.stage)?.order ?? 0) - (stageOf(b.stage)?.order ?? 0));
    if (!visits.some((visit) => visit.stage === target)) reading.problem(`no date column is mapped for stage "${target}"`);
    for (const visit of visits) {
      const text = cell(visit.enteredAt);
      if (text === '') {
        if (visit.stage === target) reading.problem(`the record is in "${target}" but ${visit.enteredAt} (when it entered) is blank`);
        continue;
      }
      const enteredAt = businessTimeOf(text);
      if (enteredAt === null) {
        reading.problem(`${visit.enteredAt} ${shown(reading.raw(visit.enteredAt))} is not a date or an ISO date-time with offset`, visit.enteredAt);
        continue;
      }
      reading.use(visit.enteredAt);
      const visitFields = readFields(blueprint, visit.fields, reading);
      const won = mapping.wonAmount;
      const wonField = won === null ? undefined : blueprint.fields.find((candidate) => candidate.name === won.field);
      if (won !== null && wonField !== undefined && stageOf(visit.stage)?.outcome === 'won') {
        const value = readField(reading, wonField, { column: won.column, values: {} });
        if (value !== null) visitFields[won.field] = value;
      }
      stages.push(Object.keys(visitFields).length > 0 ? { stage: visit.stage, enteredAt, fields: visitFields } : { stage: visit.stage, enteredAt });
    }
  }

  if (reading.problems.length > 0 || openedAt === null) return { ok: false, recordId: recordId === '' ? null : recordId, problems: reading.problems };
  const ownerText = mapping.owner === null ? '' : cell(mapping.owner);
  if (mapping.owner !== null) {
    reading.use(mapping.owner);
    if (ownerText === '') reading.warnings.push({ kind: 'blank_reference', column: mapping.owner, message: `${mapping.owner} (the owner) is blank: the record is unowned` });
  }
  const history = { recordId, owner: ownerText === '' ? null : ownerText, openedAt, fields, stages };
  const warnings = [...reading.warnings, ...droppedColumns(columnRoles(mapping), reading)];
  return { ok: true, history, warnings: warnings.filter((warning, index) => warnings.findIndex((other) => other.message === warning.message) === index) };
};
