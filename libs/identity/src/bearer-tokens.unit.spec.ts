import { createHmac } from 'node:crypto';
import jwt from 'jsonwebtoken';
import { ManualClock } from '@crm/clock';
import { BearerTokens } from './bearer-tokens';
import { IdentityException, IdentityExceptionCode } from './identity.exception';
import { parseUsers, type User, type UserDirectory } from './user-directory';

const SECRET = 's'.repeat(48);
const clock = new ManualClock('2026-05-01T00:00:00Z');
const now = Math.floor(clock.now().getTime() / 1000);
const directory = parseUsers('users: [{ id: rita, roles: [rep], team: east }, { id: max, roles: [manager], team: east }]', 'users.yaml');
const tokens = new BearerTokens(SECRET, clock);
/** A user the test's directory lists; one it does not fails the test, naming it. */
const userIn = (users: UserDirectory, id: string): User => {
  const found = users.get(id);
  if (found === undefined) throw new Error(`"${id}" is not in the test's users file`);
  return found;
};
const rita = userIn(directory, 'rita');

const base64url = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64url');
/** A token signed by hand, so a test can say exactly what is in it. */
const handSigned = (header: object, payload: object, secret = SECRET): string => {
  const signed = `${base64url(header)}.${base64url(payload)}`;
  return `${signed}.${createHmac('sha256', secret).update(signed).digest('base64url')}`;
};

const refusalOf = (authorization: string): IdentityException => {
  try {
    tokens.authenticate(authorization, directory);
  } catch (error) {
    if (error instanceof IdentityException) return error;
    throw error;
  }
  throw new Error('expected the token to be refused');
};

describe('BearerTokens', () => {
  it('given a token it issued, when presented, then its user is authenticated', () => {
    expect(tokens.authenticate(`Bearer ${tokens.issue(rita, 3600)}`, directory)).toMatchObject({ id: 'rita' });
  });

  it('given a token signed by jsonwebtoken with the secret as a string, when presented, then it is accepted (tokens issued before stay valid)', () => {
    const token = jwt.sign({ sub: 'rita', iat: now, exp: now + 60, iss: 'crm-workflow-engine' }, SECRET, { algorithm: 'HS256' });

    expect(tokens.authenticate(`Bearer ${token}`, directory)).toMatchObject({ id: 'rita' });
  });

  it('given a token whose payload was changed to another user, when presented, then it is refused for its signature', () => {
    const [header, , signature] = tokens.issue(rita, 3600).split('.');
    const forged = `${header}.${base64url({ sub: 'max', iat: now, exp: now + 3600, iss: 'crm-workflow-engine' })}.${signature}`;

    const refusal = refusalOf(`Bearer ${forged}`);

    expect(refusal.code).toBe(IdentityExceptionCode.UNAUTHENTICATED);
    expect(refusal.message).toBe('invalid token: invalid signature');
  });

  it('given a token whose signature was altered, when presented, then it is refused', () => {
    const token = tokens.issue(rita, 3600);
    const last = token.charAt(token.length - 2) === 'A' ? 'B' : 'A';
    const tampered = `${token.slice(0, -2)}${last}${token.slice(-1)}`;

    expect(refusalOf(`Bearer ${tampered}`).message).toBe('invalid token: invalid signature');
  });

  it('given a token signed with another secret, when presented, then it is refused', () => {
    const token = handSigned({ alg: 'HS256', typ: 'JWT' }, { sub: 'rita', iat: now, exp: now + 60, iss: 'crm-workflow-engine' }, 'o'.repeat(48));

    expect(refusalOf(`Bearer ${token}`).message).toBe('invalid token: invalid signature');
  });

  it('given an expired token, when presented, then it is refused as expired', () => {
    const token = handSigned({ alg: 'HS256', typ: 'JWT' }, { sub: 'rita', iat: now - 120, exp: now - 60, iss: 'crm-workflow-engine' });

    expect(refusalOf(`Bearer ${token}`).message).toBe('invalid token: jwt expired');
  });

  it('given a correctly signed token without an expiry, when presented, then it is refused saying it never expires', () => {
    const token = handSigned({ alg: 'HS256', typ: 'JWT' }, { sub: 'rita', iat: now, iss: 'crm-workflow-engine' });

    const refusal = refusalOf(`Bearer ${token}`);

    expect(refusal.code).toBe(IdentityExceptionCode.UNAUTHENTICATED);
    expect(refusal.message).toBe('invalid token: it has no expiry ("exp"); ask for a new token');
  });

  it('given a token whose expiry is not a number, when presented, then it is refused', () => {
    const token = handSigned({ alg: 'HS256', typ: 'JWT' }, { sub: 'rita', iat: now, exp: 'never', iss: 'crm-workflow-engine' });

    expect(refusalOf(`Bearer ${token}`).code).toBe(IdentityExceptionCode.UNAUTHENTICATED);
  });

  it('given a token from another issuer, when presented, then it is refused', () => {
    const token = handSigned({ alg: 'HS256', typ: 'JWT' }, { sub: 'rita', iat: now, exp: now + 60, iss: 'someone-else' });

    expect(refusalOf(`Bearer ${token}`).message).toBe('invalid token: jwt issuer invalid. expected: crm-workflow-engine');
  });

  it('given an unsigned token (alg none), when presented, then it is refused', () => {
    const token = `${base64url({ alg: 'none', typ: 'JWT' })}.${base64url({ sub: 'rita', iat: now, exp: now + 60, iss: 'crm-workflow-engine' })}.`;

    expect(refusalOf(`Bearer ${token}`).code).toBe(IdentityExceptionCode.UNAUTHENTICATED);
  });

  it('given a token without a subject, when presented, then it is refused', () => {
    const token = handSigned({ alg: 'HS256', typ: 'JWT' }, { iat: now, exp: now + 60, iss: 'crm-workflow-engine' });

    expect(refusalOf(`Bearer ${token}`).message).toBe('invalid token: token has no subject');
  });

  it('given a valid token for a user no longer in the directory, when presented, then it is refused naming the user', () => {
    const token = handSigned({ alg: 'HS256', typ: 'JWT' }, { sub: 'gone', iat: now, exp: now + 60, iss: 'crm-workflow-engine' });

    expect(refusalOf(`Bearer ${token}`).message).toBe('unknown user "gone"');
  });

  describe('tokens already verified', () => {
    it('given a token verified once, when presented again after it expired, then it is refused as expired', () => {
      const moving = new ManualClock('2026-05-01T00:00:00Z');
      const own = new BearerTokens(SECRET, moving);
      const token = own.issue(rita, 60);
      expect(own.authenticate(`Bearer ${token}`, directory)).toMatchObject({ id: 'rita' });

      moving.advance(59_000);
      expect(own.authenticate(`Bearer ${token}`, directory)).toMatchObject({ id: 'rita' });
      moving.advance(1_000);

      expect(() => own.authenticate(`Bearer ${token}`, directory)).toThrow('invalid token: jwt expired');
    });

    it('given a token verified once, when its user has left the directory, then it is refused naming the user', () => {
      const token = tokens.issue(rita, 3600);
      tokens.authenticate(`Bearer ${token}`, directory);

      expect(() => tokens.authenticate(`Bearer ${token}`, parseUsers('users: [{ id: max, roles: [manager], team: east }]', 'users.yaml'))).toThrow(
        'unknown user "rita"',
      );
    });

    it('given a token verified once, when a copy with another signature is presented, then the copy is refused', () => {
      const token = tokens.issue(rita, 3600);
      tokens.authenticate(`Bearer ${token}`, directory);
      const [header, payload] = token.split('.');

      expect(() => tokens.authenticate(`Bearer ${header}.${payload}.${'A'.repeat(43)}`, directory)).toThrow('invalid token: invalid signature');
    });

    it('given more verified tokens than it keeps, when each is presented again, then each is still checked and accepted', () => {
      const small = new BearerTokens(SECRET, clock, 1);
      const first = small.issue(rita, 3600);
      const second = small.issue(userIn(directory, 'max'), 3600);

      for (const token of [first, second, first, second]) expect(small.authenticate(`Bearer ${token}`, directory)).toBeDefined();
    });
  });
});
