export { CommandHandlerException, CommandHandlerExceptionCode } from './command-handler.exception';
export { fingerprintOf } from './command-fingerprint';
export { deriveId, eventIdFor, isUuid, newCommandId } from './derived-ids';
export { KeyedMutex } from './keyed-mutex';
export { StreamCommandHandler } from './stream-command-handler';
export type { CommandOutcome, CommandRequest, DecidedEvent, StreamCommandHandlerOptions, StreamFold } from './stream-command-handler';
export { StreamStateCache } from './stream-state-cache';
