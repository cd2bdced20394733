import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ManualClock } from '@crm/clock';
import { BearerTokens } from './bearer-tokens';
import { IdentityException } from './identity.exception';
import { loadOrCreateUsersFile, parseUsers, usersFileProblems } from './user-directory';

describe('users file', () => {
  it('given no users file, when loaded, then the demo users are written and read back the same', () => {
    const directory = mkdtempSync(join(tmpdir(), 'crm-users-'));
    try {
      const file = join(directory, 'users.yaml');
      const created = loadOrCreateUsersFile(file);
      const again = loadOrCreateUsersFile(file);
      expect(created.created).toBe(true);
      expect(again.created).toBe(false);
      expect(again.directory.all()).toEqual(created.directory.all());
      expect(readFileSync(file, 'utf8')).toContain('rita');
    } finally {
      rmSync(directory, { recursive: true, force: true });
    }
  });

  it('when the file has several mistakes, then every one is named with its path', () => {
    expect(usersFileProblems({ users: [{ id: 'Rita', roles: ['wizard'] }, { id: 'bo', roles: [] }, { id: 'bo', roles: ['rep'] }] })).toEqual([
      'users[0].id: expected a lower-case user name',
      'users[0].roles[0]: unknown role "wizard"; roles: rep, manager, analyst, process_owner, admin',
      'users[1].roles: expected a non-empty list of rep, manager, analyst, process_owner, admin',
      'users[2].id: "bo" appears twice',
    ]);
    expect(() => parseUsers('users: [', 'users.yaml')).toThrow(IdentityException);
  });
});

describe('bearer tokens', () => {
  const clock = new ManualClock('2026-05-01T00:00:00Z');
  const directory = parseUsers('users: [{ id: rita, roles: [rep], team: east }]', 'users.yaml');
  const tokens = new BearerTokens('x'.repeat(40), clock);

  it('given a token for rita, when presented, then rita is authenticated with her roles from the directory', () => {
    const token = tokens.issue(directory.get('rita')!, 3600);
    expect(tokens.authenticate(`Bearer ${token}`, directory)).toMatchObject({ id: 'rita', roles: ['rep'] });
  });

  it.each([
    [undefined, 'no credentials'],
    ['Basic abc', 'malformed Authorization header'],
    ['Bearer not.a.token', 'invalid token'],
  ])('when the header is %s, then authentication fails saying %s', (header, reason) => {
    expect(() => tokens.authenticate(header, directory)).toThrow(reason);
  });

  it('when the token expired or was signed with another secret, then it is refused', () => {
    const token = tokens.issue(directory.get('rita')!, 60);
    const later = new BearerTokens('x'.repeat(40), new ManualClock('2026-05-01T00:02:00Z'));
    expect(() => later.authenticate(`Bearer ${token}`, directory)).toThrow('jwt expired');
    expect(() => new BearerTokens('y'.repeat(40), clock).authenticate(`Bearer ${token}`, directory)).toThrow('invalid signature');
  });
});
