import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { parse, stringify } from 'yaml';
import { IdentityException, IdentityExceptionCode } from './identity.exception';

export const ROLES = ['rep', 'manager', 'analyst', 'process_owner', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export interface User {
  readonly id: string;
  readonly name: string;
  readonly roles: readonly Role[];
  /** Managers manage the records of their team's members. */
  readonly team: string | null;
}

/** Who exists, with which roles and teams. Loaded from a users file; the single source of roles. */
export class UserDirectory {
  protected byId: ReadonlyMap<string, User>;

  constructor(users: readonly User[]) {
    this.byId = indexById(users);
  }

  get(id: string): User | undefined {
    return this.current().get(id);
  }

  all(): User[] {
    return [...this.current().values()];
  }

  teamOf(userId: string | null): string | null {
    return userId === null ? null : (this.current().get(userId)?.team ?? null);
  }

  /** The users every lookup answers from. */
  protected current(): ReadonlyMap<string, User> {
    return this.byId;
  }
}

const indexById = (users: readonly User[]): ReadonlyMap<string, User> => new Map(users.map((user) => [user.id, user]));

/**
 * What identifies one version of a file without reading it. The change time is in it because an edit can
 * keep the size and have its modification time set back; the inode because editors often save by renaming.
 */
const versionOf = (file: string): string | NodeJS.ErrnoException => {
  try {
    const stats = statSync(file, { bigint: true });
    return `${stats.ino}:${stats.size}:${stats.mtimeNs}:${stats.ctimeNs}`;
  } catch (error) {
    return error as NodeJS.ErrnoException;
  }
};

export interface FollowOptions {
  /**
   * Look at the file once per turn of the event loop rather than on every lookup: a request makes several
   * lookups (its token, the access policy, teams) in one turn, and a server answers each request in a turn
   * after the edit. Default false: every lookup looks (callers that edit and look up in one turn).
   */
  readonly oncePerTurn?: boolean;
}

/** Told when the users file changed into a version that cannot be used; the last good version stays in force. */
export type UsersFileProblemListener = (problem: IdentityException) => void;

/**
 * A user directory that follows its users file: before every lookup (or the first of each turn of the event
 * loop, `oncePerTurn`) it compares the file's version (one `stat`, microseconds) with the one it read last and reads it again when it changed, so a user removed
 * from the file, or whose roles or team change, is judged by the new file on their very next request.
 *
 * A changed file that cannot be used — not YAML, a mistake, unreadable or gone — leaves the last good
 * version in force and is reported once per version: a typo must not lock everyone out, and the report
 * (an error in the API's log) says that the edit has not taken effect.
 */
export class FollowedUserDirectory extends UserDirectory {
  private seenVersion: string;
  /** Set while this turn of the event loop has looked at the file already (`oncePerTurn`). */
  private lookedThisTurn = false;

  constructor(
    private readonly file: string,
    private readonly onProblem: UsersFileProblemListener,
    private readonly options: FollowOptions = {},
  ) {
    // The version before the content: a change in between is then seen as a change on the next lookup.
    const version = versionOf(file);
    super(parseUsers(readFileSync(file, 'utf8'), file).all());
    this.seenVersion = typeof version === 'string' ? version : '';
  }

  protected override current(): ReadonlyMap<string, User> {
    if (this.lookedThisTurn) return this.byId;
    if (this.options.oncePerTurn) {
      this.lookedThisTurn = true;
      setImmediate(() => {
        this.lookedThisTurn = false;
      });
    }
    const version = versionOf(this.file);
    const key = typeof version === 'string' ? version : `unreadable:${version.code ?? version.message}`;
    if (key !== this.seenVersion) {
      this.seenVersion = key;
      this.reread(version);
    }
    return this.byId;
  }

  private reread(version: string | NodeJS.ErrnoException): void {
    try {
      if (typeof version !== 'string') throw version;
      this.byId = indexById(parseUsers(readFileSync(this.file, 'utf8'), this.file).all());
    } catch (error) {
      this.onProblem(asUsersFileProblem(this.file, error));
    }
  }
}

const asUsersFileProblem = (file: string, error: unknown): IdentityException => {
  if (error instanceof IdentityException) {
    return new IdentityException(error.code, `${error.message}\nthe users of its last good version stay in force`, error.details);
  }
  const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
  return new IdentityException(IdentityExceptionCode.INVALID_USERS_FILE, `${file}: cannot be read (${reason}); the users of its last good version stay in force`, {
    file,
  });
};

const userIdPattern = /^[a-z][a-z0-9_.-]{0,63}$/;

/** Every problem in a users file's content, with its path, so one edit fixes them all. */
export const usersFileProblems = (content: unknown): string[] => {
  if (typeof content !== 'object' || content === null || !Array.isArray((content as { users?: unknown }).users)) {
    return ['users: expected a list of { id, name, roles, team }'];
  }
  const problems: string[] = [];
  const seen = new Set<string>();
  (content as { users: unknown[] }).users.forEach((entry, index) => {
    const at = `users[${index}]`;
    if (typeof entry !== 'object' || entry === null) return void problems.push(`${at}: expected { id, name, roles, team }`);
    const user = entry as Record<string, unknown>;
    if (typeof user['id'] !== 'string' || !userIdPattern.test(user['id'])) problems.push(`${at}.id: expected a lower-case user name`);
    else if (seen.has(user['id'])) problems.push(`${at}.id: "${user['id']}" appears twice`);
    else seen.add(user['id']);
    if (user['name'] !== undefined && typeof user['name'] !== 'string') problems.push(`${at}.name: expected text`);
    const roles = user['roles'];
    if (!Array.isArray(roles) || roles.length === 0) problems.push(`${at}.roles: expected a non-empty list of ${ROLES.join(', ')}`);
    else
      roles.forEach((role, roleIndex) => {
        if (!(ROLES as readonly unknown[]).includes(role)) problems.push(`${at}.roles[${roleIndex}]: unknown role ${JSON.stringify(role)}; roles: ${ROLES.join(', ')}`);
      });
    if (user['team'] !== undefined && user['team'] !== null && typeof user['team'] !== 'string') problems.push(`${at}.team: expected text or null`);
  });
  return problems;
};

export const parseUsers = (source: string, file: string): UserDirectory => {
  let content: unknown;
  try {
    content = parse(source);
  } catch (error) {
    throw new IdentityException(IdentityExceptionCode.INVALID_USERS_FILE, `${file}: not valid YAML: ${(error as Error).message}`);
  }
  const problems = usersFileProblems(content);
  if (problems.length > 0) {
    throw new IdentityException(IdentityExceptionCode.INVALID_USERS_FILE, `${file}:\n${problems.join('\n')}`, { file, problems });
  }
  const users = (content as { users: Record<string, unknown>[] }).users.map(
    (user): User => ({
      id: user['id'] as string,
      name: (user['name'] as string | undefined) ?? (user['id'] as string),
      roles: user['roles'] as Role[],
      team: (user['team'] as string | null | undefined) ?? null,
    }),
  );
  return new UserDirectory(users);
};

/** The people `npm start` creates on first start, so a new user can try every role at once. */
export const DEMO_USERS: readonly User[] = [
  { id: 'rita', name: 'Rita Rep', roles: ['rep'], team: 'east' },
  { id: 'raj', name: 'Raj Rep', roles: ['rep'], team: 'west' },
  { id: 'max', name: 'Max Manager', roles: ['manager'], team: 'east' },
  { id: 'mia', name: 'Mia Manager', roles: ['manager'], team: 'west' },
  { id: 'ana', name: 'Ana Analyst', roles: ['analyst'], team: null },
  { id: 'olga', name: 'Olga Process Owner', roles: ['process_owner'], team: null },
  { id: 'ada', name: 'Ada Admin', roles: ['admin'], team: null },
];

/** Creates the users file with the demo users when it does not exist yet; true when it did. */
const createUsersFileIfMissing = (file: string): boolean => {
  if (existsSync(file)) return false;
  // Owner-only, like the rest of the data directory: it names every user and their roles.
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  const header = '# Users, roles (rep, manager, analyst, process_owner, admin) and teams. A running API follows edits.\n';
  writeFileSync(file, header + stringify({ users: DEMO_USERS }), { mode: 0o600 });
  return true;
};

/** Loads the users file once, creating it with the demo users when it does not exist yet (one-shot tools). */
export const loadOrCreateUsersFile = (file: string): { directory: UserDirectory; created: boolean } => {
  const created = createUsersFileIfMissing(file);
  return { directory: parseUsers(readFileSync(file, 'utf8'), file), created };
};

/** The users file as a directory that follows its edits (see FollowedUserDirectory), created if missing. */
export const followUsersFile = (file: string, onProblem: UsersFileProblemListener, options: FollowOptions = {}): { directory: FollowedUserDirectory; created: boolean } => {
  const created = createUsersFileIfMissing(file);
  return { directory: new FollowedUserDirectory(file, onProblem, options), created };
};
