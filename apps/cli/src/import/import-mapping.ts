import { parse as parseYaml } from 'yaml';
import type { BlueprintDefinition } from '@crm/blueprint';
import { parseIsoDate, parseIsoDateTime } from '@crm/clock';
import { CliException, CliExceptionCode } from '../cli.exception';

/** A cell read from a column; `values` rewrites raw texts first (e.g. `GTXPro: GTX Pro`, `Won: closed_won`). */
export interface ColumnValue {
  readonly column: string;
  readonly values: Readonly<Record<string, string>>;
}

export interface StageMapping {
  readonly stage: string;
  /** The column holding the date (or date-time) the record entered the stage. */
  readonly enteredAt: string;
  /** Fields set when entering the stage. */
  readonly fields: Readonly<Record<string, ColumnValue>>;
}

/** How the rows of one CSV become record histories; see `apps/cli/examples/*.mapping.yaml`. */
export interface RecordImportMapping {
  readonly kind: string | null;
  /** Column of the record id (kept as the record's id, so the same row always lands on the same record). */
  readonly id: string;
  /** Column of the owner; blank cells leave the record unowned. */
  readonly owner: string | null;
  /** Column of the business time of opening; `default` (a date) for rows where it is blank. */
  readonly openedAt: { readonly column: string; readonly default: string | null };
  /** Field values as of opening. */
  readonly fields: Readonly<Record<string, ColumnValue>>;
  /** Date columns meaning "entered stage X", in any order (blueprint order is used). */
  readonly stages: readonly StageMapping[];
  /** A column naming where the record is now, mapped to a stage; without it, the last dated stage is. */
  readonly status: ColumnValue | null;
  /** A column with the won amount, stored in `field` when the record enters a won stage. */
  readonly wonAmount: { readonly column: string; readonly field: string } | null;
}

/** Owners and teams: which column names the owner, the team and (optionally) the manager and the region. */
export interface OwnersImportMapping {
  readonly owner: string;
  readonly team: string;
  readonly manager: string | null;
  readonly region: string | null;
}

type Problems = string[];

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

const invalidMapping = (file: string, problems: readonly string[]): CliException =>
  new CliException(CliExceptionCode.INVALID_MAPPING, `${file} does not fit:\n  ${problems.join('\n  ')}`, { problems });

const readYamlObject = (source: string, file: string): Record<string, unknown> => {
  let document: unknown;
  try {
    document = parseYaml(source);
  } catch (error) {
    throw invalidMapping(file, [`not valid YAML: ${(error as Error).message}`]);
  }
  if (!isObject(document)) throw invalidMapping(file, ['expected a YAML mapping (key: value) at the top']);
  return document;
};

const unknownKeys = (object: Record<string, unknown>, allowed: readonly string[], path: string, problems: Problems): void => {
  for (const key of Object.keys(object)) if (!allowed.includes(key)) problems.push(`${path}${key}: unknown key (allowed: ${allowed.join(', ')})`);
};

const columnOf = (value: unknown, path: string, header: ReadonlySet<string>, problems: Problems): string => {
  if (typeof value !== 'string' || value.length === 0) {
    problems.push(`${path}: expected a column name`);
    return '';
  }
  if (!header.has(value)) problems.push(`${path}: no column "${value}" in the file (columns: ${[...header].join(', ')})`);
  return value;
};

const columnValueOf = (value: unknown, path: string, header: ReadonlySet<string>, problems: Problems): ColumnValue => {
  if (!isObject(value)) return { column: columnOf(value, path, header, problems), values: {} };
  unknownKeys(value, ['column', 'values'], `${path}.`, problems);
  const values = value['values'] ?? {};
  if (!isObject(values) || Object.values(values).some((mapped) => typeof mapped !== 'string')) {
    problems.push(`${path}.values: expected "raw text: value" pairs`);
  }
  return { column: columnOf(value['column'], `${path}.column`, header, problems), values: isObject(values) ? (values as Record<string, string>) : {} };
};

const fieldMappings = (
  value: unknown,
  path: string,
  header: ReadonlySet<string>,
  blueprint: BlueprintDefinition,
  problems: Problems,
): Record<string, ColumnValue> => {
  if (value === undefined) return {};
  if (!isObject(value)) {
    problems.push(`${path}: expected "field: column" pairs`);
    return {};
  }
  const known = new Set(blueprint.fields.map((field) => field.name));
  return Object.fromEntries(
    Object.entries(value).map(([field, column]) => {
      if (!known.has(field)) problems.push(`${path}.${field}: the ${blueprint.kind} blueprint has no field "${field}"`);
      return [field, columnValueOf(column, `${path}.${field}`, header, problems)];
    }),
  );
};

/**
 * Reads and checks a record mapping against the file's header and the blueprint of the kind, reporting
 * every problem at once (like the blueprint loader does).
 */
export const parseRecordMapping = (source: string, file: string, header: readonly string[], blueprint: BlueprintDefinition): RecordImportMapping => {
  const document = readYamlObject(source, file);
  const columns = new Set(header);
  const problems: Problems = [];
  unknownKeys(document, ['kind', 'id', 'owner', 'openedAt', 'fields', 'stages', 'status', 'wonAmount'], '', problems);

  const kind = document['kind'] === undefined ? null : String(document['kind']);
  if (kind !== null && kind !== blueprint.kind) problems.push(`kind: the mapping is for "${kind}", not "${blueprint.kind}"`);
  const id = columnOf(document['id'], 'id', columns, problems);
  const owner = document['owner'] === undefined || document['owner'] === null ? null : columnOf(document['owner'], 'owner', columns, problems);

  const openedAtValue = document['openedAt'];
  let openedAt = { column: '', default: null as string | null };
  if (isObject(openedAtValue)) {
    unknownKeys(openedAtValue, ['column', 'default'], 'openedAt.', problems);
    const fallback = openedAtValue['default'];
    if (fallback !== undefined && (typeof fallback !== 'string' || (parseIsoDate(fallback) === null && parseIsoDateTime(fallback) === null))) {
      problems.push('openedAt.default: expected a date (YYYY-MM-DD) or an ISO date-time with offset');
    }
    openedAt = { column: columnOf(openedAtValue['column'], 'openedAt.column', columns, problems), default: typeof fallback === 'string' ? fallback : null };
  } else {
    openedAt = { column: columnOf(openedAtValue, 'openedAt', columns, problems), default: null };
  }

  const fields = fieldMappings(document['fields'], 'fields', columns, blueprint, problems);

  const stageIds = new Set(blueprint.stages.map((stage) => stage.id));
  const stagesValue = document['stages'] ?? {};
  const stages: StageMapping[] = [];
  if (!isObject(stagesValue)) problems.push('stages: expected "stage: date column" pairs');
  else {
    for (const [stage, value] of Object.entries(stagesValue)) {
      const path = `stages.${stage}`;
      if (!stageIds.has(stage)) problems.push(`${path}: the ${blueprint.kind} blueprint has no stage "${stage}" (stages: ${[...stageIds].join(', ')})`);
      if (stage === blueprint.initialStage) problems.push(`${path}: "${stage}" is where records open; use openedAt for its date`);
      if (isObject(value)) {
        unknownKeys(value, ['enteredAt', 'fields'], `${path}.`, problems);
        stages.push({
          stage,
          enteredAt: columnOf(value['enteredAt'], `${path}.enteredAt`, columns, problems),
          fields: fieldMappings(value['fields'], `${path}.fields`, columns, blueprint, problems),
        });
      } else {
        stages.push({ stage, enteredAt: columnOf(value, path, columns, problems), fields: {} });
      }
    }
  }

  const statusValue = document['status'];
  let status: ColumnValue | null = null;
  if (statusValue !== undefined && statusValue !== null) {
    status = columnValueOf(statusValue, 'status', columns, problems);
    for (const [raw, stage] of Object.entries(status.values)) {
      if (!stageIds.has(stage)) problems.push(`status.values.${raw}: the ${blueprint.kind} blueprint has no stage "${stage}"`);
    }
    if (Object.keys(status.values).length === 0) problems.push('status.values: map each status text to a stage');
  }

  const wonValue = document['wonAmount'];
  let wonAmount: RecordImportMapping['wonAmount'] = null;
  if (wonValue !== undefined && wonValue !== null) {
    const column = columnOf(isObject(wonValue) ? wonValue['column'] : wonValue, 'wonAmount', columns, problems);
    const field = isObject(wonValue) && typeof wonValue['field'] === 'string' ? wonValue['field'] : 'amount';
    if (!blueprint.fields.some((candidate) => candidate.name === field)) problems.push(`wonAmount.field: the ${blueprint.kind} blueprint has no field "${field}"`);
    if (!blueprint.stages.some((stage) => stage.outcome === 'won')) problems.push(`wonAmount: the ${blueprint.kind} blueprint has no won stage`);
    wonAmount = { column, field };
  }

  if (problems.length > 0) throw invalidMapping(file, problems);
  return { kind, id, owner, openedAt, fields, stages, status, wonAmount };
};

export const parseOwnersMapping = (source: string, file: string, header: readonly string[]): OwnersImportMapping => {
  const document = readYamlObject(source, file);
  const columns = new Set(header);
  const problems: Problems = [];
  unknownKeys(document, ['owner', 'team', 'manager', 'region'], '', problems);
  const owner = columnOf(document['owner'], 'owner', columns, problems);
  const team = columnOf(document['team'], 'team', columns, problems);
  const manager = document['manager'] === undefined || document['manager'] === null ? null : columnOf(document['manager'], 'manager', columns, problems);
  const region = document['region'] === undefined || document['region'] === null ? null : columnOf(document['region'], 'region', columns, problems);
  if (problems.length > 0) throw invalidMapping(file, problems);
  return { owner, team, manager, region };
};
