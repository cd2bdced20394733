export { WireLevelStandIn } from './wire-level-stand-in';
export type { StandInFailure, StandInStats, WireLevelStandInOptions } from './wire-level-stand-in';
