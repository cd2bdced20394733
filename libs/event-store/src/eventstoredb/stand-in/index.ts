export { adminUser, defaultMaxAppendSize, WireLevelStandIn } from './wire-level-stand-in';
export type { StandInCall, StandInFailure, StandInStats, StandInUser, SubscriptionDrop, WireLevelStandInOptions } from './wire-level-stand-in';
export { StandInLog } from './stand-in-log';
