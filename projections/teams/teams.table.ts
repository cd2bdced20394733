import type { Database } from 'better-sqlite3';
import type { Clock } from '@crm/clock';
import { ReadModelException, ReadModelExceptionCode } from '../shared/read-model.exception';

/** The team of an owner with no team assignment (and of unowned records). */
export const UNASSIGNED_TEAM = 'unassigned';

export interface TeamAssignment {
  readonly owner: string;
  readonly team: string;
  readonly manager?: string | null;
}

export interface TeamsUpdate {
  readonly added: number;
  readonly changed: number;
  readonly unchanged: number;
}

/**
 * Owner → team is reference data fed by the owners import, not history: it lives beside the read models
 * (no projection owns it, rebuilds leave it alone) and reports look it up when they run, so moving an
 * owner to another team regroups their whole history.
 */
export const ensureTeamsTable = (db: Database): void => {
  db.exec(`CREATE TABLE IF NOT EXISTS teams (
    owner      TEXT PRIMARY KEY,
    team       TEXT NOT NULL,
    manager    TEXT,
    updated_at TEXT NOT NULL
  )`);
};

const checkAssignment = (assignment: TeamAssignment, index: number): string[] => {
  const problems: string[] = [];
  if (typeof assignment.owner !== 'string' || assignment.owner.trim() === '') problems.push(`[${index}].owner: expected a name`);
  if (typeof assignment.team !== 'string' || assignment.team.trim() === '') problems.push(`[${index}].team: expected a team name`);
  return problems;
};

export const setTeams = (db: Database, clock: Clock, assignments: readonly TeamAssignment[]): TeamsUpdate => {
  const problems = assignments.flatMap(checkAssignment);
  if (problems.length > 0) {
    throw new ReadModelException(ReadModelExceptionCode.INVALID_REFERENCE_DATA, `invalid team assignments: ${problems.join('; ')}`, { problems });
  }
  ensureTeamsTable(db);
  const select = db.prepare('SELECT team, manager FROM teams WHERE owner = ?');
  const upsert = db.prepare(
    `INSERT INTO teams (owner, team, manager, updated_at) VALUES (?, ?, ?, ?)
     ON CONFLICT (owner) DO UPDATE SET team = excluded.team, manager = excluded.manager, updated_at = excluded.updated_at`,
  );
  const now = clock.now().toISOString();
  let added = 0;
  let changed = 0;
  let unchanged = 0;
  db.transaction(() => {
    for (const assignment of assignments) {
      const manager = assignment.manager ?? null;
      const existing = select.get(assignment.owner) as { team: string; manager: string | null } | undefined;
      if (existing && existing.team === assignment.team && existing.manager === manager) {
        unchanged += 1;
        continue;
      }
      if (existing) changed += 1;
      else added += 1;
      upsert.run(assignment.owner, assignment.team, manager, now);
    }
  })();
  return { added, changed, unchanged };
};

/** Owner → team; empty when no teams were ever imported. */
export const teamsByOwner = (db: Database): ReadonlyMap<string, string> => {
  const exists = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'teams'").get() !== undefined;
  if (!exists) return new Map();
  const rows = db.prepare('SELECT owner, team FROM teams').all() as { owner: string; team: string }[];
  return new Map(rows.map((row) => [row.owner, row.team]));
};

export const teamOf = (teams: ReadonlyMap<string, string>, owner: string | null): string =>
  (owner === null ? undefined : teams.get(owner)) ?? UNASSIGNED_TEAM;
