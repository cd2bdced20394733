import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
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
  private readonly byId: ReadonlyMap<string, User>;

  constructor(users: readonly User[]) {
    this.byId = new Map(users.map((user) => [user.id, user]));
  }

  get(id: string): User | undefined {
    return this.byId.get(id);
  }

  all(): User[] {
    return [...this.byId.values()];
  }

  teamOf(userId: string | null): string | null {
    return userId === null ? null : (this.byId.get(userId)?.team ?? null);
  }
}

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
  { id: 'ana', name: 'Ana Analyst', roles: ['analyst'], team: null },
  { id: 'olga', name: 'Olga Process Owner', roles: ['process_owner'], team: null },
  { id: 'ada', name: 'Ada Admin', roles: ['admin'], team: null },
];

/** Loads the users file, creating it with the demo users when it does not exist yet. */
export const loadOrCreateUsersFile = (file: string): { directory: UserDirectory; created: boolean } => {
  if (existsSync(file)) return { directory: parseUsers(readFileSync(file, 'utf8'), file), created: false };
  mkdirSync(dirname(file), { recursive: true });
  const header = '# Users, roles (rep, manager, analyst, process_owner, admin) and teams. Edit and restart.\n';
  writeFileSync(file, header + stringify({ users: DEMO_USERS }), { mode: 0o600 });
  return { directory: new UserDirectory(DEMO_USERS), created: true };
};
