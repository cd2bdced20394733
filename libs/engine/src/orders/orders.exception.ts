export enum OrdersExceptionCode {
  /** A payment webhook whose X-Payment-Signature is missing or is not the HMAC of its body. Nothing is stored. */
  PAYMENT_SIGNATURE_INVALID = 'PAYMENT_SIGNATURE_INVALID',
  /** A payment webhook body that breaks the rules; `details.problems` names every field. Nothing is stored. */
  INVALID_PAYMENT = 'INVALID_PAYMENT',
  /** An acceptance link asked for a quote that is not sent (only a sent quote waits for the customer's answer). */
  QUOTE_NOT_SENT = 'QUOTE_NOT_SENT',
  /** An acceptance link that is malformed or not signed by this server. */
  ACCEPTANCE_LINK_INVALID = 'ACCEPTANCE_LINK_INVALID',
  /** An acceptance link past its expiry; `details.expiresAt`. */
  ACCEPTANCE_LINK_EXPIRED = 'ACCEPTANCE_LINK_EXPIRED',
  /** An acceptance link used already, or for a quote no longer waiting for an answer; `details.stage`. */
  ACCEPTANCE_LINK_USED = 'ACCEPTANCE_LINK_USED',
}

export class OrdersException extends Error {
  constructor(
    readonly code: OrdersExceptionCode,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'OrdersException';
  }
}
