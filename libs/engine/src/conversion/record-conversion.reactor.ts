import { map } from 'rxjs';
import { defineReactor, type Reactor, type ReactorCommand } from '@crm/reactor-runtime';
import { WorkflowException, WorkflowExceptionCode, type ConversionStarted, type RecordCommandHandler } from '@crm/workflow';

const kindOf = (stream: string): string => stream.slice(0, stream.indexOf('-'));

/**
 * Carries out every started conversion: one a crash left pending is finished with the same command ids
 * (or ends as ConversionFailed); one finished already gets its commands' stored answers back and stores
 * nothing (README, "Conversion").
 */
export const recordConversionReactor = (): Reactor<RecordCommandHandler> =>
  defineReactor<RecordCommandHandler>({
    name: 'record-conversion',
    eventTypes: ['ConversionStarted'],
    startFrom: 'start',
    react: (events$) =>
      events$.pipe(
        map((event): ReactorCommand<RecordCommandHandler> => {
          const kind = kindOf(event.stream);
          // Stored by the conversion slice with exactly this shape.
          const started = event.data as unknown as ConversionStarted['data'];
          return {
            intent: `carry out conversion ${started.conversionId} of ${kind} ${started.recordId}`,
            send: async (handler, trace) => {
              try {
                return await handler.resumeConversion(kind, started, { correlationId: trace.correlationId });
              } catch (error) {
                // A conversion that ended refused is done: its ConversionFailed is the outcome.
                if (error instanceof WorkflowException && error.code === WorkflowExceptionCode.CONVERSION_FAILED) return null;
                throw error;
              }
            },
          };
        }),
      ),
  });
