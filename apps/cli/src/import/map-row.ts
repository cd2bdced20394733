import type { BlueprintDefinition, FieldDefinition, FieldValue } from '@crm/blueprint';
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

export type RowMapping =
  | { readonly ok: true; readonly history: MappedHistory }
  | { readonly ok: false; readonly recordId: string | null; readonly problems: readonly string[] };

const numberText = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;
const dateText = /^\d{4}-\d{2}-\d{2}$/;
const dateTimeText = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;
const truthy = new Set(['true', 'yes', 'y', '1']);
const falsy = new Set(['false', 'no', 'n', '0']);

/** Cells by column name for one record; a missing cell reads as blank. */
export const cellReader = (header: readonly string[], record: CsvRecord) => {
  const index = new Map(header.map((name, position) => [name, position]));
  return (column: string): string => (record.cells[index.get(column) ?? -1] ?? '').trim();
};

type Converted = { readonly value: FieldValue } | { readonly problem: string } | null;

/** Raw text → the field's JSON type; blank → null (the field is left out). Type rules beyond shape are the blueprint's. */
export const convertCell = (field: FieldDefinition, raw: string, column: string): Converted => {
  if (raw === '') return null;
  switch (field.type) {
    case 'number':
    case 'money':
      return numberText.test(raw) ? { value: Number(raw) } : { problem: `${column} "${raw}" is not a number (field ${field.name})` };
    case 'boolean': {
      const lower = raw.toLowerCase();
      if (truthy.has(lower)) return { value: true };
      if (falsy.has(lower)) return { value: false };
      return { problem: `${column} "${raw}" is not true/false (field ${field.name})` };
    }
    case 'date':
      if (dateText.test(raw)) return { value: raw };
      if (dateTimeText.test(raw)) return { value: raw.slice(0, 10) };
      return { problem: `${column} "${raw}" is not a date YYYY-MM-DD (field ${field.name})` };
    default:
      return { value: raw };
  }
};

/** A date means midnight UTC of that day; a date-time must name its offset. */
export const businessTimeOf = (raw: string): string | null => {
  if (dateText.test(raw)) return `${raw}T00:00:00.000Z`;
  return dateTimeText.test(raw) ? raw : null;
};

const readFields = (
  blueprint: BlueprintDefinition,
  mappings: Readonly<Record<string, ColumnValue>>,
  cell: (column: string) => string,
  problems: string[],
): Record<string, FieldValue> => {
  const fields: Record<string, FieldValue> = {};
  for (const [name, mapping] of Object.entries(mappings)) {
    const field = blueprint.fields.find((candidate) => candidate.name === name);
    if (field === undefined) continue;
    const raw = cell(mapping.column);
    const converted = convertCell(field, mapping.values[raw] ?? raw, mapping.column);
    if (converted === null) continue;
    if ('problem' in converted) problems.push(converted.problem);
    else fields[name] = converted.value;
  }
  return fields;
};

/** Where the row says the record is now: its status (mapped), else the last stage with a date. */
const targetStage = (
  mapping: RecordImportMapping,
  blueprint: BlueprintDefinition,
  cell: (column: string) => string,
  problems: string[],
): string | null => {
  const orderOf = (stage: string): number => blueprint.stages.find((candidate) => candidate.id === stage)?.order ?? 0;
  if (mapping.status !== null) {
    const raw = cell(mapping.status.column);
    const stage = mapping.status.values[raw];
    if (stage === undefined) {
      problems.push(
        raw === ''
          ? `${mapping.status.column} is blank`
          : `${mapping.status.column} "${raw}" is not mapped to a stage (mapped: ${Object.keys(mapping.status.values).join(', ')})`,
      );
      return null;
    }
    return stage;
  }
  const dated = mapping.stages.filter((stage) => cell(stage.enteredAt) !== '').sort((a, b) => orderOf(a.stage) - orderOf(b.stage));
  return dated.at(-1)?.stage ?? blueprint.initialStage;
};

/**
 * One CSV row → one record's history, or every reason it cannot be: blank id or opening date, unmapped
 * status, a final stage without its date, cells that are not numbers/dates. Stage visits are the mapped
 * date columns of the stages before the record's current one (in blueprint order; final stages other than
 * the current one are not visits), then the current one.
 */
export const mapRow = (mapping: RecordImportMapping, blueprint: BlueprintDefinition, header: readonly string[], record: CsvRecord): RowMapping => {
  const cell = cellReader(header, record);
  const problems: string[] = [];
  if (record.cells.length !== header.length) problems.push(`expected ${header.length} cells, found ${record.cells.length}`);
  const recordId = cell(mapping.id);
  if (recordId === '') problems.push(`${mapping.id} (the record id) is blank`);

  const openedRaw = cell(mapping.openedAt.column) || (mapping.openedAt.default ?? '');
  const openedAt = businessTimeOf(openedRaw);
  if (openedRaw === '') problems.push(`${mapping.openedAt.column} (when the record was opened) is blank`);
  else if (openedAt === null) problems.push(`${mapping.openedAt.column} "${openedRaw}" is not a date or an ISO date-time with offset`);

  const fields = readFields(blueprint, mapping.fields, cell, problems);
  const stageOf = (id: string) => blueprint.stages.find((stage) => stage.id === id);
  const target = targetStage(mapping, blueprint, cell, problems);
  const stages: ImportedStageVisit[] = [];
  const targetFacts = target === null ? undefined : stageOf(target);
  if (target !== null && targetFacts !== undefined && target !== blueprint.initialStage) {
    const visits = mapping.stages
      .filter((visit) => {
        const facts = stageOf(visit.stage);
        return visit.stage === target || (facts !== undefined && !facts.final && facts.order < targetFacts.order);
      })
      .sort((a, b) => (stageOf(a.stage)?.order ?? 0) - (stageOf(b.stage)?.order ?? 0));
    if (!visits.some((visit) => visit.stage === target)) problems.push(`no date column is mapped for stage "${target}"`);
    for (const visit of visits) {
      const raw = cell(visit.enteredAt);
      if (raw === '') {
        if (visit.stage === target) problems.push(`the record is in "${target}" but ${visit.enteredAt} (when it entered) is blank`);
        continue;
      }
      const enteredAt = businessTimeOf(raw);
      if (enteredAt === null) {
        problems.push(`${visit.enteredAt} "${raw}" is not a date or an ISO date-time with offset`);
        continue;
      }
      const visitFields = readFields(blueprint, visit.fields, cell, problems);
      if (mapping.wonAmount !== null && stageOf(visit.stage)?.outcome === 'won') {
        const field = blueprint.fields.find((candidate) => candidate.name === mapping.wonAmount?.field);
        const converted = field === undefined ? null : convertCell(field, cell(mapping.wonAmount.column), mapping.wonAmount.column);
        if (converted !== null && 'problem' in converted) problems.push(converted.problem);
        else if (converted !== null) visitFields[mapping.wonAmount.field] = converted.value;
      }
      stages.push(Object.keys(visitFields).length > 0 ? { stage: visit.stage, enteredAt, fields: visitFields } : { stage: visit.stage, enteredAt });
    }
  }

  // One bad cell can break several things (the opening and a stage visit read the same column): say it once.
  if (problems.length > 0 || openedAt === null) return { ok: false, recordId: recordId === '' ? null : recordId, problems: [...new Set(problems)] };
  const owner = mapping.owner === null ? null : cell(mapping.owner) || null;
  return { ok: true, history: { recordId, owner, openedAt, fields, stages } };
};
