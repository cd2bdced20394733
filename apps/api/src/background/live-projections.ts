import type { ProjectionRunner } from '@crm/projection-runtime';

/**
 * What the API asks of the live read models: their status, read-your-writes waits, a rebuild; stopping them (the worker's, with its reactors and timers).
 * The runner in this process answers it, or the background worker's proxy when the runner runs there
 * (README, Architecture: the API process).
 */
export type LiveProjections = Pick<ProjectionRunner, 'status' | 'waitForPosition' | 'rebuild' | 'stop'>;
