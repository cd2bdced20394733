import type { EventStore, Position } from '@crm/event-store';
import { isBookkeeping } from './reactor-stream';

/**
 * - `active`: this instance holds the lease and follows the log;
 * - `standby`: another instance holds a lease that has not expired;
 * - `idle`: nobody holds a valid lease and there is nothing to do, so nobody needs to;
 * - `failed`: stopped by a bug or a closed store, at its checkpoint (`lastError` says why); an unavailable
 *   store is `failed` too, until the retry after it succeeds;
 * - `stopped`: not started, or stopped.
 */
export type ReactorState = 'stopped' | 'idle' | 'standby' | 'active' | 'failed';

export interface ReactorStatus {
  readonly reactor: string;
  /** This instance's state. */
  readonly state: ReactorState;
  /** Who holds (or last held) the lease, as the reactor's stream says now; null before the first run. */
  readonly holder: string | null;
  readonly leaseUntil: string | null;
  /** The stored checkpoint (`C:<commit>/P:<prepare>`); null: the start of the log. */
  readonly checkpoint: string | null;
  /** While active: how far this instance has handled the log (at or after the stored checkpoint). */
  readonly processedThrough: string | null;
  /** Events after `processedThrough` when active, else after the checkpoint; reactor bookkeeping not counted. */
  readonly lag: number;
  /** Standing by while another instance holds the lease and there is work after its checkpoint. */
  readonly waitingForLease: boolean;
  /** Commands this instance sent and got acknowledged (redelivered ones included). */
  readonly commandsSent: number;
  /** Commands this instance recorded as refused. */
  readonly commandsRefused: number;
  readonly lastError: string | null;
  /** When `lastError` happened, on the injected clock. */
  readonly lastErrorAt: string | null;
}

const pageSize = 5_000;

/**
 * Events after `from`, the reactors' own bookkeeping left out (a caught-up reactor's last checkpoint is
 * always after the position it records). Pages through the log: for status, not for hot paths.
 */
export const countLag = async (store: EventStore, from: Position | null): Promise<number> => {
  let count = 0;
  let cursor: Position | 'start' = from ?? 'start';
  for (;;) {
    const page = await store.readAll({ from: cursor, maxCount: pageSize });
    if (page.length === 0) return count;
    count += page.filter((event) => !isBookkeeping(event)).length;
    cursor = page[page.length - 1].position;
  }
};
