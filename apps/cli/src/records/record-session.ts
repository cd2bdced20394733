import { isAbsolute, join, resolve } from 'node:path';
import type { Engine } from '@crm/engine';
import { loadOrCreateUsersFile, type User, type UserDirectory } from '@crm/identity';
import type { ExistingRecord } from '@crm/workflow';
import { CliException, CliExceptionCode, usageError } from '../cli.exception';
import type { CommandInput } from '../cli-command';
import { checkEventStore, openEngine, using } from '../cli-context';
import { stringOption } from '../cli-options';

/** Like the API: `CRM_USERS_FILE`, else `users.yaml` in the data directory (created with the demo users). */
export const usersFileOf = (input: CommandInput): string => {
  const given = input.io.env['CRM_USERS_FILE'];
  if (!given) return join(input.dataDir, 'users.yaml');
  return isAbsolute(given) ? given : resolve(input.io.cwd, given);
};

/** `--as`, else `CRM_USER`: who acts. Never a silent default, since the role rules depend on it. */
export const actingUserId = (input: CommandInput): string => {
  const id = stringOption(input.values, 'as') || input.io.env['CRM_USER'];
  if (!id) throw usageError('say who acts: --as <user> (or set CRM_USER)');
  return id;
};

export const findUser = (users: UserDirectory, id: string, usersFile: string): User => {
  const user = users.get(id);
  if (user === undefined) {
    throw new CliException(CliExceptionCode.UNKNOWN_USER, `no user "${id}" in ${usersFile}; users: ${users.all().map((known) => known.id).join(', ')}`, {
      user: id,
    });
  }
  return user;
};

/** The open engine and the acting user, for one record command. */
export interface RecordSession {
  readonly engine: Engine;
  readonly user: User;
  readonly users: UserDirectory;
}

/**
 * Resolves the acting user, opens the engine, runs `use`, closes the engine. Only `record open` may start
 * a new store; the store choice and the user are checked before the engine opens, so a typo in `--as` or
 * `CRM_EVENT_STORE` stores no event.
 */
/** The acting user (`--as`, else `CRM_USER`) from the users file, and the file's directory. */
export const actingUser = (input: CommandInput): { readonly user: User; readonly users: UserDirectory } => {
  const id = actingUserId(input);
  const usersFile = usersFileOf(input);
  const { directory: users } = loadOrCreateUsersFile(usersFile);
  return { user: findUser(users, id, usersFile), users };
};

export const withRecordSession = async <T>(
  input: CommandInput,
  options: { readonly create: boolean },
  use: (session: RecordSession) => Promise<T>,
): Promise<T> => {
  actingUserId(input);
  checkEventStore(input, options);
  const { user, users } = actingUser(input);
  const engine = await openEngine(input, users);
  return using([() => engine.close()], () => use({ engine, user, users }));
};

/**
 * The record as the acting user may read it (RECORD_NOT_FOUND when missing, FORBIDDEN when unreadable),
 * judged by the engine's own access policy; the kind must be governed by a blueprint.
 */
export const readRecord = (session: RecordSession, kind: string, id: string): Promise<ExistingRecord> =>
  session.engine.commands.read(kind, id, session.user);
