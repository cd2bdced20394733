import { createHmac, timingSafeEqual } from 'node:crypto';
import { OrdersException, OrdersExceptionCode } from './orders.exception';

/** The value of X-Payment-Signature for a body: `sha256=<hex HMAC-SHA256 of the raw body bytes>`. */
export const paymentSignature = (secret: string, body: Buffer | string): string => `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;

/** Refuses a body whose signature header is missing or not the body's HMAC (compared in constant time). */
export const requireSignedPayment = (secret: string, body: Buffer | undefined, header: string | undefined): void => {
  const refuse = (why: string): OrdersException =>
    new OrdersException(OrdersExceptionCode.PAYMENT_SIGNATURE_INVALID, `payment webhook refused: ${why}`, { header: 'X-Payment-Signature' });
  if (header === undefined || header === '') throw refuse('no X-Payment-Signature header');
  if (body === undefined) throw refuse('no body to check the signature against');
  const expected = Buffer.from(paymentSignature(secret, body));
  const given = Buffer.from(header.trim());
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw refuse('X-Payment-Signature is not the HMAC-SHA256 of the body with the payments secret');
};
