import { acceptanceToken, readAcceptanceToken } from './acceptance-link';
import { paymentSignature, requireSignedPayment } from './payment-signature';

const SECRET = 'server-secret';
const grant = { quoteId: 'quote-1', linkId: 'link-1', expiresAt: '2026-03-09T09:00:00.000Z' };
const BEFORE = new Date('2026-03-09T08:59:59.000Z');

const codeOf = (action: () => unknown): string => {
  try {
    action();
  } catch (error) {
    return (error as { code: string }).code;
  }
  throw new Error('expected a refusal');
};

describe('acceptance link', () => {
  it('given a link issued for a quote, when read before it expires, then it grants that quote', () => {
    expect(readAcceptanceToken(SECRET, acceptanceToken(SECRET, grant), BEFORE)).toEqual(grant);
  });

  it('given a link, when read at its expiry, then ACCEPTANCE_LINK_EXPIRED', () => {
    expect(codeOf(() => readAcceptanceToken(SECRET, acceptanceToken(SECRET, grant), new Date(grant.expiresAt)))).toBe('ACCEPTANCE_LINK_EXPIRED');
  });

  it('given a link, when its quote or expiry is changed, or it was signed with another secret, then ACCEPTANCE_LINK_INVALID', () => {
    const [, signature] = acceptanceToken(SECRET, grant).split('.');
    const forged = `${Buffer.from(JSON.stringify({ q: 'quote-2', l: 'link-1', e: grant.expiresAt })).toString('base64url')}.${signature}`;
    expect(codeOf(() => readAcceptanceToken(SECRET, forged, BEFORE))).toBe('ACCEPTANCE_LINK_INVALID');
    expect(codeOf(() => readAcceptanceToken(SECRET, acceptanceToken('another secret', grant), BEFORE))).toBe('ACCEPTANCE_LINK_INVALID');
    expect(codeOf(() => readAcceptanceToken(SECRET, 'not-a-token', BEFORE))).toBe('ACCEPTANCE_LINK_INVALID');
  });
});

describe('payment signature', () => {
  const body = Buffer.from('{"id":"pay-1","order":"o-1","amount":500,"currency":"USD"}');

  it('given a body signed with the secret, then it is taken', () => {
    expect(() => requireSignedPayment(SECRET, body, paymentSignature(SECRET, body))).not.toThrow();
  });

  it('given no signature, a changed body or another secret, then PAYMENT_SIGNATURE_INVALID', () => {
    expect(codeOf(() => requireSignedPayment(SECRET, body, undefined))).toBe('PAYMENT_SIGNATURE_INVALID');
    expect(codeOf(() => requireSignedPayment(SECRET, Buffer.from(body.toString().replace('500', '50000')), paymentSignature(SECRET, body)))).toBe('PAYMENT_SIGNATURE_INVALID');
    expect(codeOf(() => requireSignedPayment(SECRET, body, paymentSignature('another', body)))).toBe('PAYMENT_SIGNATURE_INVALID');
  });
});
