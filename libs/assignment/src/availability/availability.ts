import type { Clock } from '@crm/clock';
import { parseIsoDate, parseIsoDateTime } from '@crm/clock';
import { deriveId, StreamCommandHandler } from '@crm/command-handler';
import type { EventStore } from '@crm/event-store';
import type { User, UserDirectory } from '@crm/identity';
import { AssignmentException, AssignmentExceptionCode } from '../assignment.exception';
import type { Absence } from './absence';
import {
  ABSENCE_CANCELLED,
  ABSENCE_DECLARED,
  absentAt,
  availabilityFold,
  availabilityStream,
  type AbsenceCancelled,
  type AbsenceDeclared,
  type AvailabilityState,
} from './availability.stream';

/** What a user asks to record: when they are away and why. */
export interface AbsenceRequest {
  /** An ISO-8601 date-time with offset, or a date (from that day's start, UTC). */
  readonly from: string;
  /** An ISO-8601 date-time with offset, or a date (to that day's end, UTC). */
  readonly to: string;
  readonly reason: string;
}

const DAY_MS = 86_400_000;

/** A moment from a date-time, or a date's start (`end`: the next day's start), UTC. */
const momentOf = (text: unknown, end: boolean): Date | null => {
  if (typeof text !== 'string') return null;
  const moment = parseIsoDateTime(text);
  if (moment !== null) return moment;
  const day = parseIsoDate(text);
  return day === null ? null : new Date(day.getTime() + (end ? DAY_MS : 0));
};

/** Every problem with an absence, each naming its field. */
export const absenceProblems = (request: AbsenceRequest): { problems: string[]; from: Date | null; to: Date | null } => {
  const problems: string[] = [];
  const from = momentOf(request.from, false);
  const to = momentOf(request.to, true);
  if (from === null) problems.push('from: expected an ISO-8601 date-time with offset or a date (YYYY-MM-DD)');
  if (to === null) problems.push('to: expected an ISO-8601 date-time with offset or a date (YYYY-MM-DD)');
  if (from !== null && to !== null && to <= from) problems.push(`to: must be after from (${from.toISOString()})`);
  if (typeof request.reason !== 'string' || request.reason.trim() === '' || request.reason.length > 500) problems.push('reason: expected a non-empty text of at most 500 characters');
  return { problems, from, to };
};

const ABSENCE_RULE = 'absence.self-manager-or-admin';

/**
 * Who may record a user's absences: the user, the manager of their team, an admin; analysts and process
 * owners may read them too (README, Assignment rules: absences).
 */
export const authorizeAbsence = (actor: User, target: User, access: 'read' | 'write'): void => {
  const own = actor.id === target.id;
  const manages = actor.roles.includes('manager') && actor.team !== null && actor.team === target.team;
  const reads = access === 'read' && actor.roles.some((role) => role === 'analyst' || role === 'process_owner');
  if (own || manages || reads || actor.roles.includes('admin')) return;
  throw new AssignmentException(
    AssignmentExceptionCode.FORBIDDEN,
    `${actor.id} may not ${access === 'read' ? 'read' : 'record'} the absences of ${target.id}: a user's own, their team manager or an admin may`,
    { rule: ABSENCE_RULE },
  );
};

/**
 * Absences as events (README, Assignment rules: absences): each user's in `_availability-<user>`,
 * written through the generic command loop, so who declared or cancelled which absence, and when, is in
 * the log; the router reads them when it routes a lead.
 */
export class Availability {
  private readonly loop: StreamCommandHandler<AvailabilityState>;

  constructor(
    store: EventStore,
    clock: Clock,
    private readonly users: () => UserDirectory,
  ) {
    this.loop = new StreamCommandHandler(store, availabilityFold, { clock });
  }

  async declare(actor: User, user: string, request: AbsenceRequest, commandId: string): Promise<Absence> {
    const target = this.userOf(user);
    const { problems, from, to } = absenceProblems(request);
    if (problems.length > 0 || from === null || to === null) {
      throw new AssignmentException(AssignmentExceptionCode.INVALID_ABSENCE, `invalid absence: ${problems.join('; ')}`, { problems });
    }
    const absence: Absence = { absenceId: deriveId(commandId, 'absence'), user, from: from.toISOString(), to: to.toISOString(), reason: request.reason.trim() };
    await this.loop.handle({
      stream: availabilityStream(user),
      commandId,
      authorize: () => authorizeAbsence(this.actorOf(actor), target, 'write'),
      authorizeReplay: () => authorizeAbsence(this.actorOf(actor), target, 'write'),
      decide: (): AbsenceDeclared[] => [{ type: ABSENCE_DECLARED, data: { ...absence } }],
      metadata: () => ({ actor: actor.id, roles: [...actor.roles] }),
    });
    return absence;
  }

  async cancel(actor: User, user: string, absenceId: string, commandId: string): Promise<void> {
    const target = this.userOf(user);
    await this.loop.handle({
      stream: availabilityStream(user),
      commandId,
      authorize: () => authorizeAbsence(this.actorOf(actor), target, 'write'),
      authorizeReplay: () => authorizeAbsence(this.actorOf(actor), target, 'write'),
      decide: (state): AbsenceCancelled[] => {
        if (!state.known.has(absenceId)) {
          throw new AssignmentException(AssignmentExceptionCode.ABSENCE_NOT_FOUND, `${user} has no absence ${absenceId}`, { user, absenceId });
        }
        // Cancelled already: nothing changes.
        return state.absences.has(absenceId) ? [{ type: ABSENCE_CANCELLED, data: { absenceId, user } }] : [];
      },
      metadata: () => ({ actor: actor.id, roles: [...actor.roles] }),
    });
  }

  /** The user's absences in force, in the order declared. */
  async list(actor: User, user: string): Promise<Absence[]> {
    authorizeAbsence(this.actorOf(actor), this.userOf(user), 'read');
    const { state } = await this.loop.state(availabilityStream(user), { fresh: true });
    return [...state.absences.values()];
  }

  /** Who of `users` is absent at `now`, read fresh from their streams (another process may have recorded one). */
  async absentAt(users: readonly string[], now: Date): Promise<Map<string, Absence>> {
    const absent = new Map<string, Absence>();
    for (const user of users) {
      const { state } = await this.loop.state(availabilityStream(user), { fresh: true });
      const absence = absentAt(state, now);
      if (absence !== undefined) absent.set(user, absence);
    }
    return absent;
  }

  private userOf(id: string): User {
    const user = this.users().get(id);
    if (user === undefined) throw new AssignmentException(AssignmentExceptionCode.UNKNOWN_USER, `no user "${id}" in the users file`, { user: id });
    return user;
  }

  /** Roles and team as the users file says now, not as the caller remembered them. */
  private actorOf(actor: User): User {
    return this.users().get(actor.id) ?? { ...actor, roles: [] };
  }
}
