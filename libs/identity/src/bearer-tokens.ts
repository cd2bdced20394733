import { createSecretKey, randomBytes, type KeyObject } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import jwt from 'jsonwebtoken';
import type { Clock } from '@crm/clock';
import { IdentityException, IdentityExceptionCode } from './identity.exception';
import type { User, UserDirectory } from './user-directory';

const ISSUER = 'crm-workflow-engine';

/** Signs and checks HS256 bearer tokens. A token names its user; roles always come from the directory. */
export class BearerTokens {
  /**
   * The secret as a KeyObject, made once: given a string, jsonwebtoken builds a KeyObject on every
   * sign and verify, which costs far more than the HMAC itself (measured ~1.6 ms against ~11 µs per verify).
   * Same bytes as jsonwebtoken's own conversion (UTF-8), so tokens issued either way stay valid.
   */
  private readonly key: KeyObject;

  /**
   * Tokens already verified, by their exact text: a client sends the same token with every request, and
   * checking it again (decode, HMAC, claims) cost more than the rest of authentication. Only a token that
   * passed every check gets in; its expiry is checked again on every use; the oldest entries go first.
   */
  private readonly verified = new Map<string, { readonly subject: string; readonly expiresAt: number }>();

  constructor(
    secret: string,
    private readonly clock: Clock,
    private readonly verifiedCapacity = 10_000,
  ) {
    if (secret.length < 32) throw new RangeError('the token secret must be at least 32 characters');
    this.key = createSecretKey(Buffer.from(secret, 'utf8'));
  }

  issue(user: User, lifetimeSeconds: number): string {
    const now = Math.floor(this.clock.now().getTime() / 1000);
    return jwt.sign({ sub: user.id, iat: now, exp: now + lifetimeSeconds, iss: ISSUER }, this.key, { algorithm: 'HS256' });
  }

  /** The user the token belongs to, or UNAUTHENTICATED saying what is wrong with it. */
  authenticate(authorization: string | undefined, directory: UserDirectory): User {
    if (!authorization) throw unauthenticated('no credentials: send "Authorization: Bearer <token>"');
    const match = /^Bearer\s+(\S+)$/i.exec(authorization);
    if (!match) throw unauthenticated('malformed Authorization header: expected "Bearer <token>"');
    const subject = this.subjectOf(match[1] as string);
    const user = directory.get(subject);
    if (!user) throw unauthenticated(`unknown user "${subject}"`);
    return user;
  }

  private subjectOf(token: string): string {
    const now = Math.floor(this.clock.now().getTime() / 1000);
    const known = this.verified.get(token);
    if (known !== undefined) {
      // The same rule as jsonwebtoken's: expired from the second `exp` names.
      if (now < known.expiresAt) return known.subject;
      this.verified.delete(token);
    }
    let payload: string | jwt.JwtPayload;
    try {
      payload = jwt.verify(token, this.key, { algorithms: ['HS256'], issuer: ISSUER, clockTimestamp: now });
      if (typeof payload === 'string' || typeof payload.sub !== 'string') throw new Error('token has no subject');
      // jsonwebtoken accepts a token without `exp`, which would then never expire: a leaked one would work forever.
      if (typeof payload.exp !== 'number') throw new Error('it has no expiry ("exp"); ask for a new token');
    } catch (error) {
      throw unauthenticated(`invalid token: ${(error as Error).message}`);
    }
    this.remember(token, { subject: payload.sub, expiresAt: payload.exp });
    return payload.sub;
  }

  private remember(token: string, entry: { readonly subject: string; readonly expiresAt: number }): void {
    if (this.verifiedCapacity === 0) return;
    this.verified.set(token, entry);
    if (this.verified.size > this.verifiedCapacity) {
      const oldest = this.verified.keys().next().value;
      if (oldest !== undefined) this.verified.delete(oldest);
    }
  }
}

const unauthenticated = (message: string): IdentityException => new IdentityException(IdentityExceptionCode.UNAUTHENTICATED, message);

/** `CRM_JWT_SECRET` when set; otherwise a secret generated once into the data directory. */
export const loadOrCreateTokenSecret = (dataDirectory: string, fromEnv: string | undefined): string => {
  if (fromEnv) return fromEnv;
  const file = join(dataDirectory, 'jwt-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  // Owner-only: whoever reads the secret can sign a token for any user.
  mkdirSync(dataDirectory, { recursive: true, mode: 0o700 });
  const secret = randomBytes(48).toString('base64url');
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
};
