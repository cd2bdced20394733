import type { ProjectionStatus, RebuildResult, StateChange } from '@crm/projection-runtime';

/** What the request thread hands the background worker: where the store and the read models are. */
export interface BackgroundSettings {
  readonly dataDirectory: string;
  readonly readModelsDirectory: string;
}

/** How the worker thread loads its entry: compiled JavaScript, or the TypeScript sources through SWC. */
export type BackgroundEntry =
  | { readonly kind: 'compiled'; readonly entry: string; readonly registerAliases: string }
  | { readonly kind: 'sources'; readonly entry: string; readonly repositoryRoot: string; readonly swcCore: string };

export interface BackgroundData {
  readonly settings: BackgroundSettings;
  readonly load: BackgroundEntry;
}

export type BackgroundRequest = { readonly op: 'status' } | { readonly op: 'rebuild'; readonly name: string };

export interface BackgroundAnswers {
  readonly status: ProjectionStatus[];
  readonly rebuild: RebuildResult;
}

/** An error as it crosses the thread boundary: enough to raise the same typed exception on the other side. */
export interface CarriedError {
  readonly name: string;
  readonly message: string;
  readonly code?: string;
  readonly details?: Record<string, unknown>;
}

export type ToBackground = { readonly kind: 'open' } | { readonly kind: 'request'; readonly id: number; readonly request: BackgroundRequest } | { readonly kind: 'stop' };

export type FromBackground =
  | { readonly kind: 'ready' }
  | { readonly kind: 'start-failed'; readonly error: CarriedError }
  | { readonly kind: 'log'; readonly level: 'error' | 'warn'; readonly context: string; readonly message: string }
  | { readonly kind: 'projection-state'; readonly change: StateChange }
  | { readonly kind: 'answer'; readonly id: number; readonly value: unknown }
  | { readonly kind: 'refused'; readonly id: number; readonly error: CarriedError }
  | { readonly kind: 'stopped'; readonly error: CarriedError | null };

export const carried = (error: unknown): CarriedError => {
  if (!(error instanceof Error)) return { name: 'Error', message: String(error) };
  const { code, details } = error as Error & { code?: unknown; details?: unknown };
  return {
    name: error.name,
    message: error.message,
    ...(typeof code === 'string' ? { code } : {}),
    ...(details !== null && typeof details === 'object' ? { details: details as Record<string, unknown> } : {}),
  };
};
