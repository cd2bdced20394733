export { IntakeException, IntakeExceptionCode } from './intake.exception';
export { DEDUP_STREAM_PREFIX, KEY_CLAIMED, KEY_RELEASED, KeyReservations, keyStream } from './dedup/key-reservations';
export { MatchFollower } from './dedup/match-follower';
export { LeadDedup } from './dedup/lead-dedup';
export type { CaptureOutcome, CommandSender, LeadDedupOptions } from './dedup/lead-dedup';
