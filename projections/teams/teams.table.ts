import type { Database } from 'better-sqlite3';
import type { Clock } from '@crm/clock';
import { ReadModelException, ReadModelExceptionCode } from '../shared/read-model.exception';

/** The team of an owner with no team assignment (and of unowned records). */
export const UNASSIGNED_TEAM = 'unassigned';

export interface TeamAssignment {
  readonly owner: string;
  readonly team: string;
  readonly manager?: string | null;
  /** The sales region the owner works in (README, Sales analytics: the region dimension). */
  readonly region?: string | null;
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
    updated_at TEXT NOT NULL,
    region     TEXT
  )`);
  // A teams table made before regions were kept gets the column; its owners have no region until imported again.
  if (!hasRegionColumn(db)) db.exec('ALTER TABLE teams ADD COLUMN region TEXT');
};

const hasRegionColumn = (db: Database): boolean => (db.prepare('PRAGMA table_info(teams)').all() as { name: string }[]).some((column) => column.name === 'region');

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
  const select = db.prepare('SELECT team, manager, region FROM teams WHERE owner = ?');
  const upsert = db.prepare(
    `INSERT INTO teams (owner, team, manager, updated_at, region) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (owner) DO UPDATE SET team = excluded.team, manager = excluded.manager, updated_at = excluded.updated_at, region = excluded.region`,
  );
  const now = clock.now().toISOString();
  let added = 0;
  let changed = 0;
  let unchanged = 0;
  db.transaction(() => {
    for (const assignment of assignments) {
      const manager = assignment.manager ?? null;
      const region = assignment.region ?? null;
      const existing = select.get(assignment.owner) as { team: string; manager: string | null; region: string | null } | undefined;
      if (existing && existing.team === assignment.team && existing.manager === manager && existing.region === region) {
        unchanged += 1;
        continue;
      }
      if (existing) changed += 1;
      else added += 1;
      upsert.run(assignment.owner, assignment.team, manager, now, region);
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

/** Owner → region, for the owners whose region the owners import gave; empty when none did. */
export const regionsByOwner = (db: Database): ReadonlyMap<string, string> => {
  const exists = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'teams'").get() !== undefined;
  if (!exists || !hasRegionColumn(db)) return new Map();
  const rows = db.prepare('SELECT owner, region FROM teams WHERE region IS NOT NULL').all() as { owner: string; region: string }[];
  return new Map(rows.map((row) => [row.owner, row.region]));
};
