import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * A server secret for signing (payment webhooks, acceptance links): from the environment when set, else
 * kept in the data directory, made once, readable by the owner only.
 */
export const loadOrCreateSecret = (dataDirectory: string, name: string, fromEnv: string | undefined): string => {
  if (fromEnv) return fromEnv;
  const file = join(dataDirectory, name);
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dataDirectory, { recursive: true, mode: 0o700 });
  const secret = randomBytes(32).toString('base64url');
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
};
