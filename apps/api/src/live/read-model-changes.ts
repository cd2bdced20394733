import type { StoredEvent } from '@crm/event-store';

/** A record whose events reached the read models: lists, the record page and the board refresh it. */
export interface RecordChange {
  readonly kind: string;
  readonly recordId: string;
  /** The event types, in order. */
  readonly types: readonly string[];
  /** Set when the record changed hands in the batch: who owned it before (its viewers until then are told too). */
  readonly formerOwner?: string | null;
}

/** What changed in the read models since the last batch, before anyone's read rules are applied. */
export interface ReadModelChanges {
  readonly records: readonly RecordChange[];
  /** Record kinds whose aggregates (pipeline, forecast, funnel) moved: numbers every user may read. */
  readonly kinds: readonly string[];
  /** Quotas or forecast snapshots changed (forecast and accuracy). */
  readonly forecast: boolean;
  /** A blueprint version was published. */
  readonly blueprints: boolean;
}

/** The streams the engine writes besides records (README, Read models): quotas, snapshots, blueprint versions. */
const FORECAST_STREAM_PREFIXES = ['_quota-', '_forecast-snapshot-'];
const BLUEPRINT_STREAM_PREFIX = '_blueprint-';

const recordOf = (stream: string, kinds: readonly string[]): { kind: string; recordId: string } | null => {
  const kind = kinds.find((candidate) => stream.startsWith(`${candidate}-`));
  return kind === undefined ? null : { kind, recordId: stream.slice(kind.length + 1) };
};

const ownerOf = (value: unknown): string | null => (typeof value === 'string' ? value : null);

/** Folds a batch of stored events into what changed, one entry per record in the order first touched. */
export const readModelChangesOf = (events: readonly StoredEvent[], kinds: readonly string[]): ReadModelChanges => {
  const records = new Map<string, { kind: string; recordId: string; types: string[]; formerOwner?: string | null }>();
  let forecast = false;
  let blueprints = false;
  for (const event of events) {
    if (FORECAST_STREAM_PREFIXES.some((prefix) => event.stream.startsWith(prefix))) forecast = true;
    if (event.stream.startsWith(BLUEPRINT_STREAM_PREFIX)) blueprints = true;
    const record = recordOf(event.stream, kinds);
    if (record === null) continue;
    const change = records.get(event.stream) ?? { ...record, types: [] };
    change.types.push(event.type);
    if (event.type === 'OwnerChanged' && change.formerOwner === undefined) change.formerOwner = ownerOf(event.data['from']);
    records.set(event.stream, change);
  }
  const changed = [...records.values()];
  return { records: changed, kinds: [...new Set(changed.map((change) => change.kind))], forecast, blueprints };
};

export const isEmptyChange = (changes: ReadModelChanges): boolean =>
  changes.records.length === 0 && changes.kinds.length === 0 && !changes.forecast && !changes.blueprints;
