import { matchFactsOf, MatchIndex, type MatchRules } from '@crm/leads';
import type { EventStore, EventSubscription, Position, StoredEvent } from '@crm/event-store';

interface Known {
  readonly fields: Record<string, unknown>;
  readonly revision: number;
  readonly mergedAway: boolean;
}

const PAGE = 5_000;

/**
 * The index similar rules match against, kept in memory from the kind's record events: caught up from
 * the log when started, then following it (README, Intake and dedup). This process's own writes are
 * applied as soon as they are acknowledged; other processes' within the subscription's delay.
 */
export class MatchFollower {
  readonly index = new MatchIndex();
  private readonly known = new Map<string, Known>();
  private subscription: EventSubscription | null = null;
  private following: Promise<void> | null = null;

  constructor(
    private readonly store: EventStore,
    private readonly rules: MatchRules,
    private readonly onError: (error: unknown) => void = () => undefined,
  ) {}

  /** Reads the kind's events up to the head, then follows the log. */
  async start(): Promise<void> {
    const filter = { streamPrefixes: [`${this.rules.kind}-`] };
    let from: Position | 'start' = 'start';
    for (;;) {
      const page = await this.store.readAll({ from, filter, maxCount: PAGE });
      this.apply(page);
      if (page.length < PAGE) break;
      from = page[page.length - 1].position;
    }
    const subscription = this.store.subscribe({ from, filter });
    this.subscription = subscription;
    this.following = (async () => {
      try {
        for await (const event of subscription) this.apply([event]);
      } catch (error) {
        this.onError(error);
      }
    })();
  }

  async stop(): Promise<void> {
    await this.subscription?.close();
    await this.following;
    this.subscription = null;
  }

  /** Folds record events into the index; an event at or below a record's known revision changes nothing. */
  apply(events: readonly Pick<StoredEvent, 'type' | 'stream' | 'revision' | 'data'>[]): void {
    const prefix = `${this.rules.kind}-`;
    for (const event of events) {
      if (!event.stream.startsWith(prefix)) continue;
      const recordId = event.stream.slice(prefix.length);
      const before = this.known.get(recordId);
      if (before !== undefined && event.revision <= before.revision) continue;
      const fields = { ...(before?.fields ?? {}) };
      let mergedAway = before?.mergedAway ?? false;
      if (event.type === 'RecordOpened') Object.assign(fields, event.data['fields'] as Record<string, unknown>);
      else if (event.type === 'FieldsChanged') {
        for (const [name, change] of Object.entries(event.data['changes'] as Record<string, { to: unknown }>)) {
          if (change.to === null) delete fields[name];
          else fields[name] = change.to;
        }
      } else if (event.type === 'LeadMergedAway') mergedAway = true;
      else if (event.type === 'LeadRestored') mergedAway = false;
      else if (before === undefined) continue;
      this.known.set(recordId, { fields, revision: event.revision, mergedAway });
      // A lead merged away is the survivor now: only the survivor is matched.
      this.index.upsert(recordId, mergedAway ? null : matchFactsOf(this.rules, fields));
    }
  }
}
