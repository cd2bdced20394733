import { filter, from, mergeMap } from 'rxjs';
import type { Actor } from '@crm/blueprint';
import type { StoredEvent } from '@crm/event-store';
import { defineReactor, ofType, type Reactor, type ReactorCommand } from '@crm/reactor-runtime';
import type { FireTransition } from '../transition/transition.commands';
import type { CrossedThreshold } from './scoring.events';

export const LEAD_SCORING_REACTOR = 'lead-scoring';

/** The reactor acts as its own system actor; the access policy lets it read and advance records, nothing else. */
export const LEAD_SCORING_ACTOR: Actor = { id: `system:reactor:${LEAD_SCORING_REACTOR}`, roles: [] };

/** What the reactor sends its commands through: the one write path (`RecordCommandHandler`). */
export interface ScoringDispatcher {
  execute(command: FireTransition): Promise<unknown>;
}

const isCrossed = (value: unknown): value is CrossedThreshold =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as Record<string, unknown>)['threshold'] === 'string' &&
  typeof (value as Record<string, unknown>)['at'] === 'number' &&
  typeof (value as Record<string, unknown>)['fire'] === 'string';

/** The thresholds a ScoreChanged crossed, as it stored them (lowest first). */
const crossedOf = (event: StoredEvent): CrossedThreshold[] => {
  const crossed: unknown = event.data['crossed'];
  return Array.isArray(crossed) ? crossed.filter(isCrossed) : [];
};

/** A record's stream is `<kind>-<recordId>`; kinds are lower-case identifiers, so the first `-` splits. */
const recordOf = (stream: string): { readonly kind: string; readonly recordId: string } | null => {
  const separator = stream.indexOf('-');
  return stream.startsWith('_') || separator <= 0 ? null : { kind: stream.slice(0, separator), recordId: stream.slice(separator + 1) };
};

const fireFor = (event: StoredEvent, threshold: CrossedThreshold): ReactorCommand<ScoringDispatcher>[] => {
  const record = recordOf(event.stream);
  if (record === null) return [];
  const score = String(event.data['score']);
  return [
    {
      intent: `FireTransition ${event.stream} ${threshold.fire} (score ${score} crossed ${threshold.threshold} at ${threshold.at})`,
      send: (records, trace) =>
        records.execute({
          type: 'FireTransition',
          kind: record.kind,
          recordId: record.recordId,
          event: threshold.fire,
          reason: `score ${score} crossed ${threshold.threshold} (${threshold.at})`,
          actor: LEAD_SCORING_ACTOR,
          origin: { via: 'reactor' },
          ...trace,
        }),
    },
  ];
};

/**
 * Fires the transition of every threshold a `ScoreChanged` crossed upward, lowest first, through the
 * same guards as anyone's transition (README, Blueprint reference, "Scoring"). What it sends depends on
 * the event alone, so the runtime's derived command ids make a redelivered event store nothing twice; a
 * transition the guards refuse is recorded by the runtime (`ReactorCommandRefused`) and the reactor moves
 * on. It starts from the start of the log: ScoreChanged exists only since scoring does, so a first run
 * misses no crossing.
 */
export const leadScoringReactor = (): Reactor<ScoringDispatcher> =>
  defineReactor<ScoringDispatcher>({
    name: LEAD_SCORING_REACTOR,
    eventTypes: ['ScoreChanged'],
    startFrom: 'start',
    react: (events$) =>
      events$.pipe(
        ofType('ScoreChanged'),
        filter((event) => crossedOf(event).length > 0),
        mergeMap((event) => from(crossedOf(event).flatMap((threshold) => fireFor(event, threshold)))),
      ),
  });
