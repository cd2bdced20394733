/**
 * What a failed dispatch means for the reactor:
 * - `retry`: the same command may succeed later (the store is unavailable, another writer came first);
 * - `refused`: the domain said no (an area exception with any other code); recorded, and the reactor moves on;
 * - `fault`: a bug or a closed store; the reactor stops at its checkpoint instead of skipping work.
 */
export interface DispatchFailure {
  readonly kind: 'retry' | 'refused' | 'fault';
  readonly code: string | null;
  /** `CODE: message`, or the message when there is no code. */
  readonly message: string;
}

const RETRYABLE = new Set(['UNAVAILABLE', 'CONCURRENCY_CONFLICT', 'WRONG_EXPECTED_REVISION']);
/** A store that was closed will not answer again; moving on past it would skip work. */
const NOT_A_REFUSAL = new Set(['CLOSED']);

interface ErrorShape {
  readonly name?: unknown;
  readonly code?: unknown;
  readonly message?: unknown;
}

// Duck-typed like the projection runtime's errors: classes of another realm (a Jest module registry, a
// second copy of a package) fail `instanceof`. The house's typed errors are `…Exception` with a string code.
const shapeOf = (error: unknown): ErrorShape => (typeof error === 'object' && error !== null ? (error as ErrorShape) : {});

export const classifyFailure = (error: unknown): DispatchFailure => {
  const { name, code, message } = shapeOf(error);
  const text = typeof message === 'string' ? message : String(error);
  if (typeof code !== 'string') return { kind: 'fault', code: null, message: text };
  const described = `${code}: ${text}`;
  const areaException = typeof name === 'string' && name.endsWith('Exception');
  if (areaException && RETRYABLE.has(code)) return { kind: 'retry', code, message: described };
  if (areaException && !NOT_A_REFUSAL.has(code)) return { kind: 'refused', code, message: described };
  return { kind: 'fault', code, message: described };
};
