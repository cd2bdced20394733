import { createHmac, timingSafeEqual } from 'node:crypto';
import { OrdersException, OrdersExceptionCode } from './orders.exception';

/** What a customer's acceptance link stands for: one quote, until a moment, under its own id. */
export interface AcceptanceGrant {
  readonly quoteId: string;
  /** Derived from the command that issued it; recorded with the acceptance. */
  readonly linkId: string;
  readonly expiresAt: string;
}

const encode = (grant: AcceptanceGrant): string => Buffer.from(JSON.stringify({ q: grant.quoteId, l: grant.linkId, e: grant.expiresAt }), 'utf8').toString('base64url');
const mac = (secret: string, payload: string): string => createHmac('sha256', secret).update(`quote-acceptance.${payload}`).digest('base64url');

/** `<payload>.<HMAC>`: the customer can read what it grants, and change nothing in it. */
export const acceptanceToken = (secret: string, grant: AcceptanceGrant): string => {
  const payload = encode(grant);
  return `${payload}.${mac(secret, payload)}`;
};

const invalid = (why: string): OrdersException => new OrdersException(OrdersExceptionCode.ACCEPTANCE_LINK_INVALID, `acceptance link refused: ${why}`, {});

const grantOf = (payload: string): AcceptanceGrant => {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  } catch {
    throw invalid('it is not a link this server made');
  }
  if (typeof parsed !== 'object' || parsed === null) throw invalid('it is not a link this server made');
  const { q, l, e } = parsed as Record<string, unknown>;
  if (typeof q !== 'string' || typeof l !== 'string' || typeof e !== 'string' || Number.isNaN(Date.parse(e))) throw invalid('it is not a link this server made');
  return { quoteId: q, linkId: l, expiresAt: e };
};

/** The grant of a token signed with `secret` and not expired at `now`; refuses anything else, saying why. */
export const readAcceptanceToken = (secret: string, token: unknown, now: Date): AcceptanceGrant => {
  if (typeof token !== 'string' || token.length > 2_000) throw invalid('expected the token of the link');
  const [payload, signature, ...rest] = token.split('.');
  if (payload === undefined || signature === undefined || rest.length > 0) throw invalid('expected the token of the link');
  const expected = Buffer.from(mac(secret, payload));
  const given = Buffer.from(signature);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw invalid('its signature does not match');
  const grant = grantOf(payload);
  if (Date.parse(grant.expiresAt) <= now.getTime()) {
    throw new OrdersException(OrdersExceptionCode.ACCEPTANCE_LINK_EXPIRED, `acceptance link expired at ${grant.expiresAt}`, { expiresAt: grant.expiresAt, quoteId: grant.quoteId });
  }
  return grant;
};
