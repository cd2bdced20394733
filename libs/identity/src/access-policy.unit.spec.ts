import { authorizePlatformAction, authorizeQuotaSet, authorizeRecordAction, listScope, RoleAccessPolicy, type ListScope } from './access-policy';
import { DEMO_USERS, UserDirectory, type User } from './user-directory';

const directory = new UserDirectory(DEMO_USERS);
const user = (id: string): User => {
  const found = directory.get(id);
  if (found === undefined) throw new Error(`"${id}" is not a demo user`);
  return found;
};
const ritasDeal = { kind: 'opportunity', owner: 'rita' };
const rajsDeal = { kind: 'opportunity', owner: 'raj' };
const poolLead = { kind: 'lead', owner: null };

describe('access policy', () => {
  it.each([
    ['rita', 'advance', ritasDeal, null],
    ['rita', 'advance', rajsDeal, 'rep.own-records'],
    ['rita', 'update', poolLead, null],
    ['rita', 'read', rajsDeal, 'rep.own-records'],
    ['max', 'advance', ritasDeal, null],
    ['max', 'advance', rajsDeal, 'manager.own-team'],
    ['ana', 'read', rajsDeal, null],
    ['ana', 'advance', ritasDeal, 'analyst.read-only'],
    ['olga', 'read', ritasDeal, null],
    ['olga', 'advance', ritasDeal, 'process-owner.no-record-writes'],
    ['ada', 'advance', rajsDeal, null],
  ] as const)('given %s, when they %s a record, then the denial is %s', (id, action, record, rule) => {
    expect(authorizeRecordAction(user(id), action, record, directory)?.rule ?? null).toBe(rule);
  });

  it('given a process owner who is also a rep, when they advance their own record, then it is allowed', () => {
    const both: User = { id: 'pat', name: 'Pat', roles: ['process_owner', 'rep'], team: 'east' };
    expect(authorizeRecordAction(both, 'advance', { kind: 'opportunity', owner: 'pat' }, directory)).toBeNull();
  });

  it('given a rep, when they claim a pool lead for themselves, then it is allowed; for someone else, it is not', () => {
    expect(authorizeRecordAction(user('rita'), 'reassign', poolLead, directory, 'rita')).toBeNull();
    expect(authorizeRecordAction(user('rita'), 'reassign', poolLead, directory, 'raj')?.rule).toBe('rep.claim-pool-lead');
  });

  it('given any role, when an opportunity would be left without an owner, then it is denied (the pool is for leads)', () => {
    expect(authorizeRecordAction(user('max'), 'reassign', ritasDeal, directory, null)?.rule).toBe('pool.leads-only');
    expect(authorizeRecordAction(user('ada'), 'open', { kind: 'opportunity', owner: null }, directory, null)?.rule).toBe('pool.leads-only');
    expect(authorizeRecordAction(user('max'), 'reassign', { kind: 'lead', owner: 'rita' }, directory, null)).toBeNull();
  });

  it('given automation, when system actors act, then each may do only what its rule declares; no person may automate', () => {
    const policy = new RoleAccessPolicy(() => directory);
    const timer = { id: 'system:timer', roles: ['system'] };
    const reactor = { id: 'system:reactor:lead-conversion', roles: ['system'] };
    expect(policy.judge(timer, 'automate', ritasDeal)).toBeNull();
    expect(policy.judge(timer, 'advance', ritasDeal)?.rule).toBe('system.declared-actions');
    expect(policy.judge(reactor, 'open', ritasDeal)).toBeNull();
    expect(policy.judge({ id: 'system:intruder', roles: ['admin'] }, 'read', ritasDeal)?.rule).toBe('system.declared-actions');
    expect(policy.judge({ id: 'ada', roles: ['admin'] }, 'automate', ritasDeal)?.rule).toBe('automate.system-only');
  });

  it('given the shared directory, when reps and managers read any account or contact, then it is allowed; changing one is not', () => {
    const rajsAccount = { kind: 'account', owner: 'raj' };
    expect(authorizeRecordAction(user('rita'), 'read', rajsAccount, directory)).toBeNull();
    expect(authorizeRecordAction(user('max'), 'read', { kind: 'contact', owner: 'raj' }, directory)).toBeNull();
    expect(authorizeRecordAction(user('rita'), 'update', rajsAccount, directory)?.rule).toBe('rep.own-records');
    expect(listScope(user('rita'), directory, 'account')).toEqual({ all: true });
    expect(listScope(user('rita'), directory, 'opportunity')).not.toEqual({ all: true });
  });

  it('given an approver, when they approve, then they need only be able to read the record', () => {
    expect(authorizeRecordAction(user('max'), 'approve', ritasDeal, directory)).toBeNull();
    expect(authorizeRecordAction(user('max'), 'approve', rajsDeal, directory)?.rule).toBe('manager.own-team');
    expect(authorizeRecordAction(user('ana'), 'approve', rajsDeal, directory)).toBeNull();
  });

  it('given a manager, when they reassign a team record outside the team, then it is denied', () => {
    expect(authorizeRecordAction(user('max'), 'reassign', ritasDeal, directory, 'raj')?.rule).toBe('manager.own-team');
  });

  it('when a rep asks for a rebuild, then it is denied; an analyst may', () => {
    expect(authorizePlatformAction(user('rita'), 'projections.rebuild')?.rule).toBe('analyst-or-admin');
    expect(authorizePlatformAction(user('ana'), 'projections.rebuild')).toBeNull();
  });

  it.each([
    ['rita', 'projections.rebuild', 'analyst-or-admin'],
    ['max', 'projections.rebuild', 'analyst-or-admin'],
    ['olga', 'projections.rebuild', 'analyst-or-admin'],
    ['ada', 'projections.rebuild', null],
    ['rita', 'forecast.snapshot', 'manager-analyst-or-admin'],
    ['olga', 'forecast.snapshot', 'manager-analyst-or-admin'],
    ['max', 'forecast.snapshot', null],
    ['ana', 'forecast.snapshot', null],
    ['ada', 'forecast.snapshot', null],
    ['max', 'webhooks.manage', 'admin-only'],
    ['ana', 'webhooks.manage', 'admin-only'],
    ['ada', 'webhooks.manage', null],
  ] as const)('given %s, when they ask for %s, then the denial is %s', (id, action, rule) => {
    expect(authorizePlatformAction(user(id), action)?.rule ?? null).toBe(rule);
  });

  it('given a denied platform action, when explained, then the message names the roles that may', () => {
    expect(authorizePlatformAction(user('rita'), 'forecast.snapshot')?.message).toBe('forecast.snapshot needs the manager, analyst or admin role');
    expect(authorizePlatformAction(user('rita'), 'projections.rebuild')?.message).toBe('projections.rebuild needs the analyst or admin role');
  });

  it.each([
    ['max', 'owner', 'rita', null],
    ['max', 'team', 'east', null],
    ['max', 'owner', 'raj', 'manager.own-team'],
    ['max', 'owner', 'nobody-known', 'manager.own-team'],
    ['max', 'team', 'west', 'manager.own-team'],
    ['ada', 'owner', 'raj', null],
    ['ada', 'team', 'anywhere', null],
    ['rita', 'owner', 'rita', 'manager-or-admin'],
    ['ana', 'team', 'east', 'manager-or-admin'],
  ] as const)('given %s, when they set the quota of %s %s, then the denial is %s', (id, scope, name, rule) => {
    expect(authorizeQuotaSet(user(id), { scope, name }, directory)?.rule ?? null).toBe(rule);
  });

  it('given a manager, when they set a quota outside their team, then the message names their team and the target', () => {
    expect(authorizeQuotaSet(user('max'), { scope: 'owner', name: 'raj' }, directory)?.message).toBe(
      'a manager sets the quotas of their team (east) and its members; raj is in team west',
    );
    expect(authorizePlatformAction(user('rita'), 'quota.set')?.message).toBe('quota.set needs the manager or admin role');
  });

  describe('list scope', () => {
    const visible = (scope: ListScope, record: { kind: string; owner: string | null; team?: string | null }): boolean =>
      scope.all ||
      (record.owner !== null
        ? scope.owners.includes(record.owner)
        : (scope.unowned === 'all' || scope.unowned.kinds.includes(record.kind)) && (record.team == null || record.team === scope.poolTeam));

    it.each(['rita', 'raj', 'max', 'ana', 'olga', 'ada'])('given %s, then a list shows exactly the records they may read one by one', (id) => {
      const records = [
        ritasDeal,
        rajsDeal,
        poolLead,
        { kind: 'lead', owner: null, team: 'east' },
        { kind: 'lead', owner: null, team: 'west' },
        { kind: 'opportunity', owner: null },
        { kind: 'opportunity', owner: 'max' },
      ];
      const scope = listScope(user(id), directory);
      for (const record of records) {
        expect({ record, listed: visible(scope, record) }).toEqual({ record, listed: authorizeRecordAction(user(id), 'read', record, directory) === null });
      }
    });

    it('given a rep who also manages, then the scope is the union of both roles', () => {
      const both: User = { id: 'pat', name: 'Pat', roles: ['rep', 'manager'], team: 'west' };
      expect(listScope(both, directory)).toEqual({ all: false, owners: ['mia', 'pat', 'raj'], unowned: 'all', poolTeam: 'west' });
    });
  });
});
