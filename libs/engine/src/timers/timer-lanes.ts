/** What a lane needs to know of a due timer: whose it is. */
export interface RecordTimer {
  readonly kind: string;
  readonly recordId: string;
}

// A record's stream name: kinds are lower-case identifiers, so `<kind>-<recordId>` is unambiguous.
const recordOf = (timer: RecordTimer): string => `${timer.kind}-${timer.recordId}`;

/**
 * Fires due timers with at most `workers` records at once, each record's timers one after another in
 * the order given (due order), records in the order their first timer came. Pages come from `nextPage`
 * (null: no more) only when the workers run short of records, so no worker waits for a page's slowest
 * record before the next page starts, and a record's timers on a later page join its lane while it runs.
 * When `work` answers false, the rest of that record's timers wait for another pass (also those on later
 * pages), so a record never fires a later timer before an earlier one; other records go on.
 */
export const fireInLanes = async <T extends RecordTimer>(
  nextPage: () => readonly T[] | null,
  workers: number,
  work: (timer: T) => Promise<boolean>,
): Promise<void> => {
  const waiting: T[][] = [];
  /** Lanes waiting or running, by record: a timer of a record already in play joins its lane. */
  const lanes = new Map<string, T[]>();
  const held = new Set<string>();
  let exhausted = false;

  const refill = (): void => {
    while (!exhausted && waiting.length < workers) {
      const page = nextPage();
      if (page === null) {
        exhausted = true;
        return;
      }
      for (const timer of page) {
        const record = recordOf(timer);
        if (held.has(record)) continue;
        const lane = lanes.get(record);
        if (lane !== undefined) {
          lane.push(timer);
          continue;
        }
        const fresh = [timer];
        lanes.set(record, fresh);
        waiting.push(fresh);
      }
    }
  };

  const worker = async (): Promise<void> => {
    for (;;) {
      refill();
      const lane = waiting.shift();
      if (lane === undefined) return;
      const first = lane[0];
      if (first === undefined) continue;
      const record = recordOf(first);
      // The lane may grow while it runs (a later page's timers of the same record): iterate by index.
      for (let index = 0; index < lane.length; index += 1) {
        const timer = lane[index];
        if (timer === undefined) break;
        if (!(await work(timer))) {
          held.add(record);
          break;
        }
      }
      lanes.delete(record);
    }
  };

  await Promise.all(Array.from({ length: Math.max(1, workers) }, worker));
};
