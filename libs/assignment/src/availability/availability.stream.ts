import type { StreamFold } from '@crm/command-handler';
import type { Absence } from './absence';

/** Each user's absences live in their own platform stream (the `_` prefix: no record kind starts with it). */
export const AVAILABILITY_STREAM_PREFIX = '_availability-';
export const availabilityStream = (user: string): string => `${AVAILABILITY_STREAM_PREFIX}${user}`;

export const ABSENCE_DECLARED = 'AbsenceDeclared';
export const ABSENCE_CANCELLED = 'AbsenceCancelled';

export interface AbsenceDeclared {
  readonly type: typeof ABSENCE_DECLARED;
  readonly data: Absence & { readonly [key: string]: string };
}

export interface AbsenceCancelled {
  readonly type: typeof ABSENCE_CANCELLED;
  readonly data: { readonly absenceId: string; readonly user: string };
}

/** A user's absences still in force (declared, not cancelled), by id, in the order declared. */
export interface AvailabilityState {
  readonly absences: ReadonlyMap<string, Absence>;
  /** Every absence id ever declared, cancelled ones included: an id is never reused. */
  readonly known: ReadonlySet<string>;
}

export const availabilityFold: StreamFold<AvailabilityState> = {
  initialState: () => ({ absences: new Map(), known: new Set() }),
  evolve: (state, events) => {
    const absences = new Map(state.absences);
    const known = new Set(state.known);
    for (const event of events) {
      const absenceId = String(event.data['absenceId']);
      if (event.type === ABSENCE_DECLARED) {
        const { user, from, to, reason } = event.data as unknown as Absence;
        absences.set(absenceId, { absenceId, user, from, to, reason });
        known.add(absenceId);
      }
      if (event.type === ABSENCE_CANCELLED) absences.delete(absenceId);
    }
    return { absences, known };
  },
};

/** The absence covering `now`, if any: [from, to). */
export const absentAt = (state: AvailabilityState, now: Date): Absence | undefined => {
  const at = now.toISOString();
  return [...state.absences.values()].find((absence) => absence.from <= at && at < absence.to);
};
