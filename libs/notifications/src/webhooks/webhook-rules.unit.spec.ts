import { createHmac } from 'node:crypto';
import { DEFAULT_DELIVERY_POLICY, retryDelayMs } from './delivery-policy';
import { newWebhookSecret, signatureOf, verifySignature } from './signature';
import { webhookEventProblems, webhookUrlProblems } from './subscription-rules';

describe('webhook signatures: HMAC-SHA256 of the raw body with the subscription’s secret', () => {
  const body = '{"event":"Transitioned","data":{"to":"proposal"}}';

  it('given a body and a secret, when signed, then the header value is sha256=<hex of the HMAC>, as any HMAC library computes it', () => {
    const expected = createHmac('sha256', 'whsec_test').update(body, 'utf8').digest('hex');

    expect(signatureOf(body, 'whsec_test')).toBe(`sha256=${expected}`);
  });

  it('given the signature of a body, when checked with the same secret, then it verifies; another secret or a changed body does not', () => {
    const signature = signatureOf(body, 'whsec_test');

    expect(verifySignature(body, 'whsec_test', signature)).toBe(true);
    expect(verifySignature(body, 'whsec_other', signature)).toBe(false);
    expect(verifySignature(`${body} `, 'whsec_test', signature)).toBe(false);
    expect(verifySignature(body, 'whsec_test', 'sha256=00')).toBe(false);
    expect(verifySignature(body, 'whsec_test', undefined)).toBe(false);
  });

  it('given two new secrets, when made, then each is 32 random bytes, url-safe, and they differ', () => {
    const [first, second] = [newWebhookSecret(), newWebhookSecret()];

    expect(first).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
    expect(first).not.toBe(second);
  });
});

describe('what a subscription may name', () => {
  it('given http and https URLs, when checked, then they are accepted', () => {
    expect(webhookUrlProblems('https://hooks.example.com/crm')).toEqual([]);
    expect(webhookUrlProblems('http://127.0.0.1:8080/in')).toEqual([]);
  });

  it('given other schemes, credentials in the URL, a fragment or no URL at all, when checked, then each is named', () => {
    expect(webhookUrlProblems('ftp://example.com/x')).toEqual(['url: only http and https URLs are called, not ftp:']);
    expect(webhookUrlProblems('https://user:pass@example.com/x')).toEqual([
      'url: must not hold a user name or password (they would show in logs and answers); authenticate the signature instead',
    ]);
    expect(webhookUrlProblems('https://example.com/x#part')).toEqual(['url: must not have a fragment (#…); it is never sent']);
    expect(webhookUrlProblems('not a url')).toEqual(['url: "not a url" is not an absolute URL']);
  });

  it('given record event types and notification kinds, when checked, then they are accepted; unknown names are listed with what is known', () => {
    expect(webhookEventProblems(['Transitioned', 'notification.escalation'])).toEqual([]);
    const [problem] = webhookEventProblems(['Transitioned', 'Teleported', 'notification.gossip']);

    expect(problem).toMatch(/^events: unknown Teleported, notification\.gossip; known: .*RecordOpened.*notification\.escalation/);
  });

  it('given no events or the same one twice, when checked, then it is refused', () => {
    expect(webhookEventProblems([])).toEqual(['events: name at least one record event type or notification.<kind>']);
    expect(webhookEventProblems(['Transitioned', 'Transitioned'])).toEqual(['events: Transitioned is named twice']);
  });
});

describe('retries: exponential backoff', () => {
  it('given the default policy, when attempts fail, then the waits double from 1 s and the last of 11 attempts comes 1023 s (about 17 minutes) after the first', () => {
    const waits = Array.from({ length: DEFAULT_DELIVERY_POLICY.maxAttempts - 1 }, (_, index) => retryDelayMs(DEFAULT_DELIVERY_POLICY, index + 1));

    expect(waits).toEqual([1_000, 2_000, 4_000, 8_000, 16_000, 32_000, 64_000, 128_000, 256_000, 512_000]);
    expect(waits.reduce((sum, wait) => sum + wait, 0)).toBe(1_023_000);
  });

  it('given a cap, when the doubling passes it, then the wait stays at the cap', () => {
    expect(retryDelayMs({ ...DEFAULT_DELIVERY_POLICY, backoff: { initialMs: 1_000, maxMs: 5_000 } }, 10)).toBe(5_000);
  });
});
