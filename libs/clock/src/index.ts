export { ManualClock, systemClock } from './clock';
export type { Clock } from './clock';
export { isIsoDate, isIsoDateTime, normalizeIsoDateTime, parseIsoDate, parseIsoDateTime } from './iso-date';
