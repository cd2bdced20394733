import type { Database } from 'better-sqlite3';
import type { Clock } from '@crm/clock';
import { setTeams, type TeamAssignment, type TeamsUpdate } from '@crm/projections';
import { parseCsv } from './csv-parser';
import { parseOwnersMapping } from './import-mapping';
import { cellReader } from './map-row';
import type { OnError, RowProblem } from './record-import';

export interface OwnersImportInput {
  readonly db: Database;
  readonly clock: Clock;
  readonly content: string;
  readonly mappingFile: string;
  readonly mappingSource: string;
  readonly onError: OnError;
}

export interface OwnersImportReport {
  readonly rows: number;
  readonly update: TeamsUpdate | null;
  readonly rejected: readonly RowProblem[];
}

/** Owner → team (and manager, region) rows into the teams table; unknown owners stay `unassigned` in reports. */
export const importOwners = (input: OwnersImportInput): OwnersImportReport => {
  const table = parseCsv(input.content);
  const mapping = parseOwnersMapping(input.mappingSource, input.mappingFile, table.header);
  const rejected: RowProblem[] = [];
  const assignments = new Map<string, TeamAssignment & { row: number }>();
  for (const record of table.records) {
    const cell = cellReader(table.header, record);
    const owner = cell(mapping.owner);
    const team = cell(mapping.team);
    const manager = mapping.manager === null ? null : cell(mapping.manager) || null;
    const region = mapping.region === null ? null : cell(mapping.region) || null;
    const problems = [
      ...(record.cells.length === table.header.length ? [] : [`expected ${table.header.length} cells, found ${record.cells.length}`]),
      ...(owner === '' ? [`${mapping.owner} (the owner) is blank`] : []),
      ...(team === '' ? [`${mapping.team} (the team) is blank`] : []),
    ];
    const earlier = assignments.get(owner);
    if (earlier && (earlier.team !== team || earlier.manager !== manager || earlier.region !== region)) problems.push(`owner "${owner}" is already assigned by row ${earlier.row}`);
    if (problems.length > 0) rejected.push({ row: record.row, recordId: owner || null, reason: problems.join('; ') });
    else if (!earlier) assignments.set(owner, { owner, team, manager, region, row: record.row });
  }
  if (rejected.length > 0 && input.onError === 'fail') return { rows: table.records.length, update: null, rejected };
  const update = setTeams(input.db, input.clock, [...assignments.values()].map(({ owner, team, manager, region }) => ({ owner, team, manager, region })));
  return { rows: table.records.length, update, rejected };
};
