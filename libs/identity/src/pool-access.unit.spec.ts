import { authorizeRecordAction, listScope } from './access-policy';
import { DEMO_USERS, UserDirectory, type User } from './user-directory';

const directory = new UserDirectory(DEMO_USERS);
const user = (id: string): User => {
  const found = directory.get(id);
  if (found === undefined) throw new Error(`no demo user ${id}`);
  return found;
};

/** Pools by team (README, Lead pool): rita and max are in east, raj and mia in west. */
const eastPoolLead = { kind: 'lead', owner: null, team: 'east' };
const everyonesPoolLead = { kind: 'lead', owner: null, team: null };

describe('the lead pool by team', () => {
  it('given a lead in team east’s pool, when east’s rep and manager read and claim it, then they may; west’s may not, naming pool.own-team', () => {
    expect(authorizeRecordAction(user('rita'), 'read', eastPoolLead, directory)).toBeNull();
    expect(authorizeRecordAction(user('rita'), 'reassign', eastPoolLead, directory, 'rita')).toBeNull();
    expect(authorizeRecordAction(user('max'), 'reassign', eastPoolLead, directory, 'rita')).toBeNull();
    expect(authorizeRecordAction(user('raj'), 'read', eastPoolLead, directory)?.rule).toBe('pool.own-team');
    expect(authorizeRecordAction(user('raj'), 'reassign', eastPoolLead, directory, 'raj')?.rule).toBe('pool.own-team');
    expect(authorizeRecordAction(user('mia'), 'read', eastPoolLead, directory)?.rule).toBe('pool.own-team');
  });

  it('given a lead in nobody’s team pool, when any rep or manager reads or claims it, then they may', () => {
    expect(authorizeRecordAction(user('raj'), 'read', everyonesPoolLead, directory)).toBeNull();
    expect(authorizeRecordAction(user('raj'), 'reassign', everyonesPoolLead, directory, 'raj')).toBeNull();
    expect(authorizeRecordAction(user('mia'), 'update', everyonesPoolLead, directory)).toBeNull();
  });

  it('given analysts, process owners and admins, when they read a team’s pool lead, then they may as for every record', () => {
    for (const id of ['ana', 'olga', 'ada']) expect(authorizeRecordAction(user(id), 'read', eastPoolLead, directory)).toBeNull();
  });

  it('when a rep’s or manager’s list scope is asked, then unowned leads are limited to their team’s pool and everyone’s', () => {
    expect(listScope(user('raj'), directory)).toEqual({ all: false, owners: ['raj'], unowned: { kinds: ['lead'] }, poolTeam: 'west' });
    expect(listScope(user('max'), directory)).toEqual({ all: false, owners: ['max', 'rita'], unowned: 'all', poolTeam: 'east' });
    expect(listScope(user('ada'), directory)).toEqual({ all: true });
  });
});
