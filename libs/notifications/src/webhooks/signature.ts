import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** The headers every delivery carries (README, Notifications and webhooks). */
export const SIGNATURE_HEADER = 'X-CRM-Signature';
export const DELIVERY_HEADER = 'X-CRM-Delivery';
export const EVENT_HEADER = 'X-CRM-Event';

const SIGNATURE_PREFIX = 'sha256=';

/** `sha256=<hex HMAC-SHA256 of the raw body with the secret>`: what a receiver recomputes to trust a delivery. */
export const signatureOf = (body: string, secret: string): string => `${SIGNATURE_PREFIX}${createHmac('sha256', secret).update(body, 'utf8').digest('hex')}`;

/** Compared in constant time, so a receiver using it leaks nothing of the expected value. */
export const verifySignature = (body: string, secret: string, header: string | undefined): boolean => {
  if (header === undefined) return false;
  const expected = Buffer.from(signatureOf(body, secret));
  const given = Buffer.from(header);
  return given.length === expected.length && timingSafeEqual(given, expected);
};

/** 32 random bytes: shown once when the subscription is made, never answered again. */
export const newWebhookSecret = (): string => `whsec_${randomBytes(32).toString('base64url')}`;
