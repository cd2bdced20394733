export { ManualClock, systemClock } from './clock';
export type { Clock } from './clock';
