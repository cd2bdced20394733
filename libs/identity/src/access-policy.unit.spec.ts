import { authorizePlatformAction, authorizeRecordAction } from './access-policy';
import { DEMO_USERS, UserDirectory, type User } from './user-directory';

const directory = new UserDirectory(DEMO_USERS);
const user = (id: string): User => directory.get(id)!;
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

  it('given a manager, when they reassign a team record outside the team, then it is denied', () => {
    expect(authorizeRecordAction(user('max'), 'reassign', ritasDeal, directory, 'raj')?.rule).toBe('manager.own-team');
  });

  it('when a rep asks for a rebuild, then it is denied; an analyst may', () => {
    expect(authorizePlatformAction(user('rita'), 'projections.rebuild')?.rule).toBe('analyst-or-admin');
    expect(authorizePlatformAction(user('ana'), 'projections.rebuild')).toBeNull();
  });
});
