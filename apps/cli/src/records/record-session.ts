import { isAbsolute, join, resolve } from 'node:path';
import type { Engine } from '@crm/engine';
import {
  authorizeRecordAction,
  IdentityException,
  IdentityExceptionCode,
  loadOrCreateUsersFile,
  type RecordAccess,
  type RecordAction,
  type User,
  type UserDirectory,
} from '@crm/identity';
import { WorkflowException, WorkflowExceptionCode, type RecordState } from '@crm/workflow';
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
export const withRecordSession = async <T>(
  input: CommandInput,
  options: { readonly create: boolean },
  use: (session: RecordSession) => Promise<T>,
): Promise<T> => {
  const id = actingUserId(input);
  checkEventStore(input, options);
  const usersFile = usersFileOf(input);
  const { directory: users } = loadOrCreateUsersFile(usersFile);
  const user = findUser(users, id, usersFile);
  const engine = await openEngine(input);
  return using([() => engine.close()], () => use({ engine, user, users }));
};

/** The access policy of the API, with the same error: the message says why, `details.rule` names the rule. */
export const authorize = (session: RecordSession, action: RecordAction, record: RecordAccess): void => {
  const denial = authorizeRecordAction(session.user, action, record, session.users);
  if (denial) {
    throw new IdentityException(IdentityExceptionCode.FORBIDDEN, `${session.user.id} may not ${action} this ${record.kind}: ${denial.message}`, {
      rule: denial.rule,
      action,
    });
  }
};

/** The record as its stream says it is; the kind must be governed by a blueprint. */
export const loadRecord = async (engine: Engine, kind: string, id: string): Promise<RecordState> => {
  engine.catalog.latestForKind(kind);
  const state = await engine.commands.records.load(kind, id);
  if (!state.exists) throw new WorkflowException(WorkflowExceptionCode.RECORD_NOT_FOUND, `${kind} "${id}" does not exist`, { kind, recordId: id });
  return state;
};
