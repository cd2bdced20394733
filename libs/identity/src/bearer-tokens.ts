import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import jwt from 'jsonwebtoken';
import type { Clock } from '@crm/clock';
import { IdentityException, IdentityExceptionCode } from './identity.exception';
import type { User, UserDirectory } from './user-directory';

const ISSUER = 'crm-workflow-engine';

/** Signs and checks HS256 bearer tokens. A token names its user; roles always come from the directory. */
export class BearerTokens {
  constructor(
    private readonly secret: string,
    private readonly clock: Clock,
  ) {
    if (secret.length < 32) throw new RangeError('the token secret must be at least 32 characters');
  }

  issue(user: User, lifetimeSeconds: number): string {
    const now = Math.floor(this.clock.now().getTime() / 1000);
    return jwt.sign({ sub: user.id, iat: now, exp: now + lifetimeSeconds, iss: ISSUER }, this.secret, { algorithm: 'HS256' });
  }

  /** The user the token belongs to, or UNAUTHENTICATED saying what is wrong with it. */
  authenticate(authorization: string | undefined, directory: UserDirectory): User {
    if (!authorization) throw unauthenticated('no credentials: send "Authorization: Bearer <token>"');
    const match = /^Bearer\s+(\S+)$/i.exec(authorization);
    if (!match) throw unauthenticated('malformed Authorization header: expected "Bearer <token>"');
    let subject: string;
    try {
      const payload = jwt.verify(match[1], this.secret, {
        algorithms: ['HS256'],
        issuer: ISSUER,
        clockTimestamp: Math.floor(this.clock.now().getTime() / 1000),
      });
      if (typeof payload === 'string' || typeof payload.sub !== 'string') throw new Error('token has no subject');
      subject = payload.sub;
    } catch (error) {
      throw unauthenticated(`invalid token: ${(error as Error).message}`);
    }
    const user = directory.get(subject);
    if (!user) throw unauthenticated(`unknown user "${subject}"`);
    return user;
  }
}

const unauthenticated = (message: string): IdentityException => new IdentityException(IdentityExceptionCode.UNAUTHENTICATED, message);

/** `CRM_JWT_SECRET` when set; otherwise a secret generated once into the data directory. */
export const loadOrCreateTokenSecret = (dataDirectory: string, fromEnv: string | undefined): string => {
  if (fromEnv) return fromEnv;
  const file = join(dataDirectory, 'jwt-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dataDirectory, { recursive: true });
  const secret = randomBytes(48).toString('base64url');
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
};
