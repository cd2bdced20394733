export { classifyFailure } from './dispatch-failure';
export type { DispatchFailure } from './dispatch-failure';
export { commandsFor, defineReactor, handles, reactorCommandId } from './reactor';
export type { CommandTrace, PlannedCommand, Reactor, ReactorCommand } from './reactor';
export { ReactorRuntime } from './reactor-runtime';
export type { ReactorRuntimeOptions } from './reactor-runtime';
export { ReactorRuntimeException, ReactorRuntimeExceptionCode } from './reactor-runtime.exception';
export { countLag } from './reactor-status';
export type { ReactorState, ReactorStatus } from './reactor-status';
export {
  isBookkeeping,
  REACTOR_CHECKPOINTED,
  REACTOR_COMMAND_REFUSED,
  REACTOR_STREAM_PREFIX,
  reactorStream,
} from './reactor-stream';
export type { Lease, Refusal } from './reactor-stream';
export type { DispatchRetry, ReactorStateChange } from './reactor-worker';
export { readyBatches } from './ready-batches';
export { ofType, storedEvents } from './stored-events';
