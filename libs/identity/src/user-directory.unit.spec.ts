import { mkdtempSync, readFileSync, rmSync, statSync, unlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ManualClock } from '@crm/clock';
import { BearerTokens, loadOrCreateTokenSecret } from './bearer-tokens';
import { IdentityException, IdentityExceptionCode } from './identity.exception';
import { followUsersFile, loadOrCreateUsersFile, parseUsers, usersFileProblems, type User } from './user-directory';

const modeOf = (path: string): string => (statSync(path).mode & 0o777).toString(8);

const inTempDirectory = (test: (directory: string) => void): void => {
  const directory = mkdtempSync(join(tmpdir(), 'crm-users-'));
  try {
    test(directory);
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
};

const ritaAndRaj = 'users:\n  - { id: rita, roles: [rep], team: east }\n  - { id: raj, roles: [rep], team: west }\n';

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

  it('given no data directory, when the users file and the token secret are created, then the directory is 700 and both files 600', () => {
    inTempDirectory((parent) => {
      const data = join(parent, 'data', 'nested');
      loadOrCreateUsersFile(join(data, 'users.yaml'));
      loadOrCreateTokenSecret(join(parent, 'other'), undefined);

      expect([modeOf(join(parent, 'data')), modeOf(data), modeOf(join(data, 'users.yaml'))]).toEqual(['700', '700', '600']);
      expect([modeOf(join(parent, 'other')), modeOf(join(parent, 'other', 'jwt-secret'))]).toEqual(['700', '600']);
    });
  });
});

describe('a followed users file', () => {
  const follow = (file: string): { problems: IdentityException[]; directory: ReturnType<typeof followUsersFile>['directory'] } => {
    const problems: IdentityException[] = [];
    return { problems, directory: followUsersFile(file, (problem) => problems.push(problem)).directory };
  };

  it('given no users file, when followed, then it is created with the demo users', () => {
    inTempDirectory((directory) => {
      const followed = followUsersFile(join(directory, 'users.yaml'), () => undefined);

      expect(followed.created).toBe(true);
      expect(followed.directory.get('raj')).toMatchObject({ roles: ['rep'], team: 'west' });
    });
  });

  it('given raj in the file, when he is removed from it, then the very next lookup no longer knows him', () => {
    inTempDirectory((directory) => {
      const file = join(directory, 'users.yaml');
      writeFileSync(file, ritaAndRaj);
      const { directory: users, problems } = follow(file);
      expect(users.get('raj')).toBeDefined();

      writeFileSync(file, 'users:\n  - { id: rita, roles: [rep], team: east }\n');

      expect(users.get('raj')).toBeUndefined();
      expect(users.all().map((user) => user.id)).toEqual(['rita']);
      expect(problems).toEqual([]);
    });
  });

  it('given a directory that looks once per turn, when raj is removed within a turn, then that turn still knows him and the next turn does not', async () => {
    const directory = mkdtempSync(join(tmpdir(), 'crm-users-'));
    try {
      const file = join(directory, 'users.yaml');
      writeFileSync(file, ritaAndRaj);
      const { directory: users } = followUsersFile(file, () => undefined, { oncePerTurn: true });
      expect(users.get('raj')).toBeDefined();

      writeFileSync(file, 'users:\n  - { id: rita, roles: [rep], team: east }\n');
      const sameTurn = users.get('raj');
      await new Promise((resolve) => setImmediate(resolve));

      expect(sameTurn).toBeDefined();
      expect(users.get('raj')).toBeUndefined();
    } finally {
      rmSync(directory, { recursive: true, force: true });
    }
  });

  it('given rita a rep, when her roles and team change in the file, then the next lookup has the new ones', () => {
    inTempDirectory((directory) => {
      const file = join(directory, 'users.yaml');
      writeFileSync(file, ritaAndRaj);
      const { directory: users } = follow(file);

      writeFileSync(file, ritaAndRaj.replace('{ id: rita, roles: [rep], team: east }', '{ id: rita, roles: [manager], team: west }'));

      expect(users.get('rita')).toMatchObject({ roles: ['manager'], team: 'west' });
      expect(users.teamOf('rita')).toBe('west');
    });
  });

  it('given an edit that keeps the size and the modification time, when looked up, then the edit is still seen', () => {
    inTempDirectory((directory) => {
      const file = join(directory, 'users.yaml');
      // Whole seconds, so setting the time back restores it to the nanosecond.
      const wholeSecond = 1_780_000_000;
      writeFileSync(file, ritaAndRaj);
      utimesSync(file, wholeSecond, wholeSecond);
      const { directory: users } = follow(file);

      writeFileSync(file, ritaAndRaj.replace('team: west', 'team: wes2'));
      utimesSync(file, wholeSecond, wholeSecond);

      expect(users.get('raj')?.team).toBe('wes2');
    });
  });

  it('given a broken edit, when looked up, then the last good version stays in force and the problem is reported once, until the file is fixed', () => {
    inTempDirectory((directory) => {
      const file = join(directory, 'users.yaml');
      writeFileSync(file, ritaAndRaj);
      const { directory: users, problems } = follow(file);

      writeFileSync(file, 'users:\n  - { id: rita, roles: [wizard] }\n');
      expect(users.get('raj')).toBeDefined();
      expect(users.get('rita')).toMatchObject({ roles: ['rep'] });

      expect(problems).toHaveLength(1);
      expect(problems[0]).toMatchObject({ code: IdentityExceptionCode.INVALID_USERS_FILE });
      expect(problems[0]?.message).toContain('users[0].roles[0]: unknown role "wizard"');

      writeFileSync(file, 'users:\n  - { id: rita, roles: [rep], team: east }\n');
      expect(users.get('raj')).toBeUndefined();
      expect(problems).toHaveLength(1);
    });
  });

  it('given the file deleted, when looked up, then the last good version stays in force and the problem is reported', () => {
    inTempDirectory((directory) => {
      const file = join(directory, 'users.yaml');
      writeFileSync(file, ritaAndRaj);
      const { directory: users, problems } = follow(file);

      unlinkSync(file);

      expect(users.get('raj')).toBeDefined();
      expect(problems.map((problem) => problem.message)).toEqual([`${file}: cannot be read (ENOENT); the users of its last good version stay in force`]);
    });
  });

  it('given a users file that is broken from the start, when followed, then it is refused', () => {
    inTempDirectory((directory) => {
      const file = join(directory, 'users.yaml');
      writeFileSync(file, 'users: [');

      expect(() => followUsersFile(file, () => undefined)).toThrow(IdentityException);
    });
  });
});

describe('bearer tokens', () => {
  const clock = new ManualClock('2026-05-01T00:00:00Z');
  const directory = parseUsers('users: [{ id: rita, roles: [rep], team: east }]', 'users.yaml');
  const tokens = new BearerTokens('x'.repeat(40), clock);
  const rita = (): User => {
    const found = directory.get('rita');
    if (found === undefined) throw new Error('rita is not in the test\'s users file');
    return found;
  };

  it('given a token for rita, when presented, then rita is authenticated with her roles from the directory', () => {
    const token = tokens.issue(rita(), 3600);
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
    const token = tokens.issue(rita(), 60);
    const later = new BearerTokens('x'.repeat(40), new ManualClock('2026-05-01T00:02:00Z'));
    expect(() => later.authenticate(`Bearer ${token}`, directory)).toThrow('jwt expired');
    expect(() => new BearerTokens('y'.repeat(40), clock).authenticate(`Bearer ${token}`, directory)).toThrow('invalid signature');
  });
});
