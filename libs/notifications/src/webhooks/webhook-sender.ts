import { performance } from 'node:perf_hooks';
import type { AttemptResult } from './delivery.stream';
import { DELIVERY_HEADER, EVENT_HEADER, SIGNATURE_HEADER, signatureOf } from './signature';

export const ATTEMPT_HEADER = 'X-CRM-Attempt';

/** One attempt of a delivery, as the worker sends it. */
export interface WebhookRequest {
  readonly url: string;
  readonly secret: string;
  readonly deliveryId: string;
  readonly event: string;
  readonly body: string;
  readonly attempt: number;
  readonly timeoutMs: number;
}

export type SendWebhook = (request: WebhookRequest) => Promise<AttemptResult>;

interface ErrorShape {
  readonly name?: unknown;
  readonly code?: unknown;
  readonly message?: unknown;
  readonly cause?: unknown;
}

const shapeOf = (value: unknown): ErrorShape => (typeof value === 'object' && value !== null ? (value as ErrorShape) : {});

/**
 * Why there was no answer, in a word or two (`ECONNREFUSED`, `timed out after 10000 ms`): it is recorded
 * in the delivery log, so it names the failure and never the request (no headers, no secret).
 */
const reasonOf = (error: unknown, timeoutMs: number): string => {
  const { name, cause } = shapeOf(error);
  if (name === 'TimeoutError' || name === 'AbortError') return `timed out after ${timeoutMs} ms`;
  const inner = shapeOf(cause);
  if (typeof inner.code === 'string') return inner.code;
  if (typeof inner.message === 'string') return inner.message;
  const { message } = shapeOf(error);
  return typeof message === 'string' ? message : 'the request failed';
};

/**
 * POSTs the delivery's body as it was scheduled, signed with the subscription's secret (README,
 * Notifications and webhooks). Redirects are not followed: a 3xx is a failed attempt, so a receiver can
 * never send the signed body on to a host the admin did not name.
 */
export const postWebhook: SendWebhook = async (request) => {
  const started = performance.now();
  const durationMs = (): number => Math.round(performance.now() - started);
  try {
    const response = await fetch(request.url, {
      method: 'POST',
      redirect: 'manual',
      signal: AbortSignal.timeout(request.timeoutMs),
      headers: {
        'content-type': 'application/json',
        'user-agent': 'crm-workflow-engine-webhooks',
        [SIGNATURE_HEADER]: signatureOf(request.body, request.secret),
        [DELIVERY_HEADER]: request.deliveryId,
        [EVENT_HEADER]: request.event,
        [ATTEMPT_HEADER]: String(request.attempt),
      },
      body: request.body,
    });
    // The answer's body is not read: a receiver's reply is not ours to keep.
    await response.body?.cancel();
    const { status } = response;
    if (status >= 200 && status < 300) return { ok: true, status, durationMs: durationMs() };
    return { ok: false, status, error: status >= 300 && status < 400 ? `redirects are not followed (${status})` : null, durationMs: durationMs() };
  } catch (error) {
    return { ok: false, status: null, error: reasonOf(error, request.timeoutMs), durationMs: durationMs() };
  }
};
