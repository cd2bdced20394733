import { randomUUID } from 'node:crypto';
import { eventIdClaimStreamPrefix } from '../append-input.validation';
import { EventStoreException, EventStoreExceptionCode } from '../event-store.exception';
import { comparePositions, type Position } from '../position';
import { duplicateEventId } from './append-idempotency';
import type { EventStoreDbGateway } from './eventstoredb.gateway';

/**
 * Global uniqueness of event ids, which EventStoreDB does not have (its idempotency is per stream, and the
 * same id may be stored in two streams). Before an append, every id is claimed for its stream by writing
 * one small event to `_crm-event-id-<id>` with expected revision `no_stream`; the server lets exactly one
 * writer create that stream, so two appends racing to use one id in two streams cannot both pass.
 *
 * A claim is permanent: it binds the id to the stream even when the append that made it then failed (a
 * conflict, a crash). Retrying in the same stream, also with other content after a conflict, is fine; only
 * moving an id to another stream is refused, which SQLite would allow after a failed append. Event ids
 * derive from a command, and a command targets one record's stream, so that corner is not reachable here.
 * The cost is one extra write per event.
 *
 * Claim streams are user streams, so the app's user needs no admin rights (`$`-streams need `$admins` on a
 * secure node); the prefix is reserved in both stores. Their event type starts with `$`, so the server's
 * system-event filter keeps them out of every read of `$all`. Claims earlier versions wrote under
 * `$crm-event-id-` are not consulted: a retry of such an old command is still answered by the stream's own
 * idempotency (and the command handler's command ids); only moving one of those old ids to another stream
 * would go unnoticed.
 */

export const claimStreamPrefix = eventIdClaimStreamPrefix;
export const claimEventType = '$crm-event-id-claimed';
const claimConcurrency = 256;

export const claimStreamOf = (eventId: string): string => `${claimStreamPrefix}${eventId}`;

const isWrongExpectedRevision = (error: unknown): boolean =>
  error instanceof EventStoreException && error.code === EventStoreExceptionCode.WRONG_EXPECTED_REVISION;

const earliest = (positions: readonly Position[]): Position | null =>
  positions.reduce<Position | null>((first, position) => (first === null || comparePositions(position, first) < 0 ? position : first), null);

/** Runs `task` over `items`, at most `limit` at a time, in order of the items; rejects with the first failure. */
export const mapWithConcurrency = async <Item, Result>(
  items: readonly Item[],
  limit: number,
  task: (item: Item) => Promise<Result>,
): Promise<Result[]> => {
  const results: Result[] = new Array<Result>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const index = next;
      next += 1;
      results[index] = await task(items[index] as Item);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
};

/** Where the id's existing claim was written, or `DUPLICATE_EVENT_ID` when it binds the id to another stream. */
const readExistingClaim = async (gateway: EventStoreDbGateway, stream: string, eventId: string): Promise<Position> => {
  const [claim] = await gateway.readStream(claimStreamOf(eventId), { from: 'start', direction: 'forwards', maxCount: 1 });
  if (!claim) {
    // Another append created the claim a moment ago and the leader has not replicated it yet: its write is
    // neither answered nor readable until a quorum has it. Asking again shortly finds it.
    throw new EventStoreException(EventStoreExceptionCode.UNAVAILABLE, `the claim of event id ${eventId} by a concurrent append is not readable yet`, { stream, eventId });
  }
  const claimedFor = typeof claim.data === 'object' && claim.data !== null ? (claim.data as { stream?: unknown }).stream : undefined;
  if (claim.position === undefined || typeof claimedFor !== 'string') {
    throw new Error(`the claim stream ${claimStreamOf(eventId)} holds no readable claim; it was not written by this store`);
  }
  if (claimedFor !== stream) throw duplicateEventId(stream, eventId, `is already used in stream "${claimedFor}"`);
  return claim.position;
};

const claimOne = async (gateway: EventStoreDbGateway, stream: string, eventId: string): Promise<Position | null> => {
  try {
    await gateway.append(claimStreamOf(eventId), [{ id: randomUUID(), type: claimEventType, data: { stream }, metadata: {} }], 'no_stream');
    return null;
  } catch (error) {
    if (!isWrongExpectedRevision(error)) throw error;
    return readExistingClaim(gateway, stream, eventId);
  }
};

/**
 * Claims `eventIds` for `stream`. Resolves `null` when every claim is new (then none of the ids can be
 * stored anywhere yet), otherwise the position of the earliest claim that already existed: events with
 * those ids, if stored at all, were stored after it, which bounds how far back the stream must be searched.
 */
export const claimEventIds = async (gateway: EventStoreDbGateway, stream: string, eventIds: readonly string[]): Promise<Position | null> => {
  const existing = await mapWithConcurrency(eventIds, claimConcurrency, (eventId) => claimOne(gateway, stream, eventId));
  return earliest(existing.filter((position): position is Position => position !== null));
};
