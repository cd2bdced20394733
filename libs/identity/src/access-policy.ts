import type { Actor } from '@crm/blueprint';
import type { Denial, RecordAccess, RecordAccessPolicy, RecordAction } from '@crm/workflow';
import type { Role, User, UserDirectory } from './user-directory';

export type { Denial, RecordAccess, RecordAction };

/**
 * Accounts and contacts are the company's shared directory: every rep and manager reads them (to link a
 * deal or a contact to its account); changing one still follows the owner's rules.
 */
const SHARED_DIRECTORY_KINDS: readonly string[] = ['account', 'contact'];

const readsSharedDirectory = (action: RecordAction, record: RecordAccess): boolean => action === 'read' && SHARED_DIRECTORY_KINDS.includes(record.kind);

/** The lead pool: unowned leads any rep may work and claim. */
const isPoolLead = (record: RecordAccess): boolean => record.kind === 'lead' && record.owner === null;

/** A lead in a team's pool belongs to that team; a lead in nobody's team pool is everyone's (README, Lead pool). */
const otherTeamsPool = (user: User, record: RecordAccess): Denial | null =>
  isPoolLead(record) && typeof record.team === 'string' && record.team !== user.team
    ? { rule: 'pool.own-team', message: `this lead is in the pool of team ${record.team}; ${user.id} works team ${user.team ?? 'none'}'s pool` }
    : null;

type RoleRule = (user: User, action: RecordAction, record: RecordAccess, directory: UserDirectory, newOwner?: string | null) => Denial | null;

const allow = null;

const repRule: RoleRule = (user, action, record, _directory, newOwner) => {
  const elsewhere = otherTeamsPool(user, record);
  if (elsewhere !== null) return elsewhere;
  if (action === 'open' || action === 'import') {
    return record.owner === user.id || isPoolLead(record)
      ? allow
      : { rule: 'rep.own-records', message: `a rep opens records for themselves (or unowned leads); "${record.owner}" is not ${user.id}` };
  }
  if (action === 'reassign') {
    return isPoolLead(record) && newOwner === user.id
      ? allow
      : { rule: 'rep.claim-pool-lead', message: 'a rep may only claim an unowned lead for themselves; reassigning is for managers' };
  }
  return record.owner === user.id || isPoolLead(record)
    ? allow
    : {
        rule: 'rep.own-records',
        message: `a rep may only ${action} their own records and unowned leads; this ${record.kind} belongs to ${record.owner ?? 'nobody'}`,
      };
};

const managerRule: RoleRule = (user, action, record, directory, newOwner) => {
  const elsewhere = otherTeamsPool(user, record);
  if (elsewhere !== null) return elsewhere;
  const inTeam = (owner: string | null | undefined): boolean =>
    owner === null || owner === undefined || (user.team !== null && directory.teamOf(owner) === user.team);
  if (!inTeam(record.owner)) {
    return {
      rule: 'manager.own-team',
      message: `a manager may only ${action} records of their team (${user.team ?? 'none'}); this ${record.kind} belongs to ${record.owner} of team ${directory.teamOf(record.owner) ?? 'none'}`,
    };
  }
  if (action === 'reassign' && !inTeam(newOwner)) {
    return { rule: 'manager.own-team', message: `a manager may only assign records to members of their team (${user.team ?? 'none'})` };
  }
  return allow;
};

const analystRule: RoleRule = (_user, action) =>
  action === 'read' ? allow : { rule: 'analyst.read-only', message: 'analysts read everything but change no records' };

const processOwnerRule: RoleRule = (_user, action) =>
  action === 'read'
    ? allow
    : { rule: 'process-owner.no-record-writes', message: 'process owners author blueprints; changing records needs a rep or manager role too' };

const adminRule: RoleRule = () => allow;

const RULES: Record<Role, RoleRule> = {
  rep: repRule,
  manager: managerRule,
  analyst: analystRule,
  process_owner: processOwnerRule,
  admin: adminRule,
};

/** Automation acts as `system:<what>`; user ids cannot contain a colon, so no person can act as one. */
const SYSTEM_PREFIX = 'system:';

/**
 * What each automatic actor may do (README, Users, roles and rules): timers fire due timers; reactors
 * carry work from one record to another. Nothing else acts without a user.
 */
const SYSTEM_RULES: readonly { readonly actor: RegExp; readonly actions: readonly RecordAction[] }[] = [
  { actor: /^system:timer$/, actions: ['read', 'automate'] },
  { actor: /^system:reactor:[a-z][a-z0-9-]*$/, actions: ['read', 'open', 'update', 'advance', 'reassign', 'automate'] },
  // An intake key's source opens unowned leads and merges what comes in into the leads it matches.
  { actor: /^system:intake:[a-z0-9][a-z0-9-]*$/, actions: ['read', 'open', 'update'] },
  // The payment system's webhook records payments on orders (README, Orders and payments).
  { actor: /^system:payments$/, actions: ['read', 'update'] },
  // A customer's signed acceptance link accepts the one quote it names.
  { actor: /^system:acceptance-link$/, actions: ['read', 'advance'] },
];

const judgeSystemActor = (actor: string, action: RecordAction): Denial | null =>
  SYSTEM_RULES.some((rule) => rule.actor.test(actor) && rule.actions.includes(action))
    ? allow
    : { rule: 'system.declared-actions', message: `${actor} may not ${action} records` };

/**
 * The role rules as the engine's access policy: the acting user is looked up in the users file at every
 * judgement (roles and teams come from the file, never from a token or a command), so a user removed
 * from the file, or whose roles changed, is judged by what the file says now.
 */
export class RoleAccessPolicy implements RecordAccessPolicy {
  constructor(private readonly directory: () => UserDirectory) {}

  judge(actor: Actor, action: RecordAction, record: RecordAccess, newOwner?: string | null): Denial | null {
    if (actor.id.startsWith(SYSTEM_PREFIX)) return judgeSystemActor(actor.id, action);
    const users = this.directory();
    const user = users.get(actor.id);
    if (user === undefined) return { rule: 'known-users-only', message: `no user "${actor.id}" in the users file` };
    return authorizeRecordAction(user, action, record, users, newOwner);
  }
}

/**
 * Whether the user may act on the record: allowed when any of the user's roles allows it; otherwise the
 * denial of the first role, which names the rule. Blueprint transitions may narrow this further
 * (their `roles` and `ownerOnly` criteria).
 */
export const authorizeRecordAction = (
  user: User,
  action: RecordAction,
  record: RecordAccess,
  directory: UserDirectory,
  newOwner?: string | null,
): Denial | null => {
  if (action === 'automate') return { rule: 'automate.system-only', message: 'only the engine’s timers and reactors act automatically' };
  // Moving a record to another blueprint version is the process owners' decision, whoever owns the record.
  if (action === 'migrate') return authorizePlatformAction(user, 'blueprints.publish');
  // An approver needs to see the record; whether the step is theirs is the approval chain's to judge.
  if (action === 'approve') return authorizeRecordAction(user, 'read', record, directory);
  // The pool is for leads: any other record always has an owner who answers for it (imported history excepted).
  if ((action === 'open' || action === 'reassign') && newOwner === null && record.kind !== 'lead') {
    return { rule: 'pool.leads-only', message: `only leads may be unowned (the lead pool); a ${record.kind} needs an owner` };
  }
  if (readsSharedDirectory(action, record) && user.roles.some((role) => role === 'rep' || role === 'manager')) return allow;
  const denials: Denial[] = [];
  for (const role of user.roles) {
    const denial = RULES[role](user, action, record, directory, newOwner);
    if (!denial) return allow;
    denials.push(denial);
  }
  return denials[0] ?? { rule: 'no-role', message: `user ${user.id} has no role` };
};

export type PlatformAction = 'projections.rebuild' | 'audit' | 'forecast.snapshot' | 'quota.set' | 'webhooks.manage' | 'intake.keys' | 'blueprints.publish';

interface PlatformRule {
  readonly rule: string;
  readonly roles: readonly Role[];
}

/**
 * Rebuilds and audits are for analysts and admins; managers also freeze forecasts for their reviews and
 * set their team's quotas (which members, `authorizeQuotaSet` narrows); webhooks are for admins.
 */
const PLATFORM_RULES: Record<PlatformAction, PlatformRule> = {
  'projections.rebuild': { rule: 'analyst-or-admin', roles: ['analyst', 'admin'] },
  audit: { rule: 'analyst-or-admin', roles: ['analyst', 'admin'] },
  'forecast.snapshot': { rule: 'manager-analyst-or-admin', roles: ['manager', 'analyst', 'admin'] },
  'quota.set': { rule: 'manager-or-admin', roles: ['manager', 'admin'] },
  // Subscriptions send record data to outside URLs with a secret of their own: only admins make or see them.
  'webhooks.manage': { rule: 'admin-only', roles: ['admin'] },
  'intake.keys': { rule: 'admin-only', roles: ['admin'] },
  // Publishing, drafts and migrations change how every record is decided: the process owners' work (README, Blueprint lifecycle).
  'blueprints.publish': { rule: 'process-owner-or-admin', roles: ['process_owner', 'admin'] },
};

const roleList = (roles: readonly Role[]): string =>
  roles.length === 1 ? roles[0] : `${roles.slice(0, -1).join(', ')} or ${roles[roles.length - 1]}`;

export const authorizePlatformAction = (user: User, action: PlatformAction): Denial | null => {
  const { rule, roles } = PLATFORM_RULES[action];
  return user.roles.some((role) => roles.includes(role)) ? allow : { rule, message: `${action} needs the ${roleList(roles)} role` };
};

/** Whose quota: an owner's, or a whole team's. */
export interface QuotaTarget {
  readonly scope: 'owner' | 'team';
  readonly name: string;
}

/**
 * Whether the user may set this quota: admins any, managers those of their team and its members (team
 * membership from the users file, as for records — README, Users, roles and rules).
 */
export const authorizeQuotaSet = (user: User, target: QuotaTarget, directory: UserDirectory): Denial | null => {
  const roleDenial = authorizePlatformAction(user, 'quota.set');
  if (roleDenial !== null || user.roles.includes('admin')) return roleDenial;
  const team = target.scope === 'team' ? target.name : directory.teamOf(target.name);
  if (user.team !== null && team === user.team) return allow;
  const whose = target.scope === 'team' ? `${target.name} is another team` : `${target.name} is in team ${team ?? 'none'}`;
  return { rule: 'manager.own-team', message: `a manager sets the quotas of their team (${user.team ?? 'none'}) and its members; ${whose}` };
};

/**
 * Which records a list may show a user: everything, or named owners' records plus unowned ones of some
 * kinds — of those, leads only in everyone's pool and the `poolTeam`'s.
 */
export type ListScope =
  | { readonly all: true }
  | {
      readonly all: false;
      readonly owners: readonly string[];
      readonly unowned: 'all' | { readonly kinds: readonly string[] };
      readonly poolTeam: string | null;
    };

/**
 * The records a user may see in lists, by the same rules as reading one record: a rep their own and the
 * lead pool (everyone's and their team's), a manager their team's and every unowned record (leads of
 * everyone's and their team's pool), analysts, process owners and admins all;
 * for a list of one `kind` of the shared directory (accounts, contacts), reps and managers all too.
 * With several roles, the union.
 */
export const listScope = (user: User, directory: UserDirectory, kind?: string): ListScope => {
  if (user.roles.some((role) => role === 'admin' || role === 'analyst' || role === 'process_owner')) return { all: true };
  if (kind !== undefined && readsSharedDirectory('read', { kind, owner: null }) && user.roles.some((role) => role === 'rep' || role === 'manager')) return { all: true };
  const owners = new Set<string>();
  if (user.roles.includes('rep')) owners.add(user.id);
  const manages = user.roles.includes('manager');
  if (manages && user.team !== null) for (const member of directory.all()) if (member.team === user.team) owners.add(member.id);
  return { all: false, owners: [...owners].sort(), unowned: manages ? 'all' : { kinds: user.roles.includes('rep') ? ['lead'] : [] }, poolTeam: user.team };
};
