import type { Database } from 'better-sqlite3';
import type { StoredEvent } from '@crm/event-store';
import type { ReadModelTable, TableNames } from '@crm/projection-runtime';
import { toCents } from '../shared/money';
import { QUOTA_SET, quotaOfEvent, type QuotaScope } from './quota.stream';

export const QUOTAS_TABLE = 'quotas';
export const QUOTA_HISTORY_TABLE = 'quota_history';

/** The quota in force per owner or team and period, as the `QuotaSet` events left it (rebuilt with the forecast). */
export const quotasTable: ReadModelTable = {
  name: QUOTAS_TABLE,
  create: (table) => [
    `CREATE TABLE "${table}" (
      scope        TEXT    NOT NULL CHECK (scope IN ('owner', 'team')),
      name         TEXT    NOT NULL,
      period       TEXT    NOT NULL,
      amount_cents INTEGER NOT NULL,
      currency     TEXT    NOT NULL,
      PRIMARY KEY (scope, name, period)
    )`,
  ],
};

/**
 * Every quota as it stood over business time (`valid_from` is when it was set, `valid_to` when a later one
 * replaced it), so a forecast or a coverage asked as of a past moment measures against the quota then.
 */
export const quotaHistoryTable: ReadModelTable = {
  name: QUOTA_HISTORY_TABLE,
  create: (table) => [
    `CREATE TABLE "${table}" (
      scope        TEXT    NOT NULL CHECK (scope IN ('owner', 'team')),
      name         TEXT    NOT NULL,
      period       TEXT    NOT NULL,
      amount_cents INTEGER NOT NULL,
      currency     TEXT    NOT NULL,
      valid_from   TEXT    NOT NULL,
      valid_to     TEXT,
      PRIMARY KEY (scope, name, period, valid_from)
    )`,
  ],
};

/** The evolve step for `QuotaSet`: the latest quota of a period replaces the one before, which its history keeps. */
export const openQuotasWriter = (db: Database, tables: TableNames): ((event: StoredEvent) => void) => {
  const upsert = db.prepare(
    `INSERT INTO "${tables(QUOTAS_TABLE)}" (scope, name, period, amount_cents, currency) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (scope, name, period) DO UPDATE SET amount_cents = excluded.amount_cents, currency = excluded.currency`,
  );
  const close = db.prepare(
    `UPDATE "${tables(QUOTA_HISTORY_TABLE)}" SET valid_to = ? WHERE scope = ? AND name = ? AND period = ? AND valid_to IS NULL AND valid_from < ?`,
  );
  const open = db.prepare(
    `INSERT INTO "${tables(QUOTA_HISTORY_TABLE)}" (scope, name, period, amount_cents, currency, valid_from, valid_to) VALUES (?, ?, ?, ?, ?, ?, NULL)
     ON CONFLICT (scope, name, period, valid_from) DO UPDATE SET amount_cents = excluded.amount_cents, currency = excluded.currency`,
  );
  return (event) => {
    if (event.type !== QUOTA_SET) return;
    const quota = quotaOfEvent(event);
    upsert.run(quota.scope, quota.name, quota.period, toCents(quota.amount), quota.currency);
    close.run(event.occurredAt, quota.scope, quota.name, quota.period, event.occurredAt);
    open.run(quota.scope, quota.name, quota.period, toCents(quota.amount), quota.currency, event.occurredAt);
  };
};

const tableExists = (db: Database, table: string): boolean => db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(table) !== undefined;

/**
 * `quotaKey(scope, name, period)` → cents: the quotas in force now, or, with `asOf`, as they stood then.
 * A quota first set after `asOf` (quotas are often entered after the period began, or for past periods)
 * counts as its first value: the plan for that period, never a later change of it.
 */
export const quotasByKey = (db: Database, asOf?: string): ReadonlyMap<string, number> => {
  if (asOf !== undefined && tableExists(db, QUOTA_HISTORY_TABLE)) {
    const rows = db.prepare(`SELECT scope, name, period, amount_cents, valid_from FROM ${QUOTA_HISTORY_TABLE} ORDER BY valid_from`).all() as {
      scope: string;
      name: string;
      period: string;
      amount_cents: number;
      valid_from: string;
    }[];
    const quotas = new Map<string, number>();
    for (const row of rows) {
      const key = quotaKey(row.scope as QuotaScope, row.name, row.period);
      if (!quotas.has(key) || row.valid_from <= asOf) quotas.set(key, row.amount_cents);
    }
    return quotas;
  }
  if (!tableExists(db, QUOTAS_TABLE)) return new Map();
  const rows = db.prepare(`SELECT scope, name, period, amount_cents FROM ${QUOTAS_TABLE}`).all() as {
    scope: string;
    name: string;
    period: string;
    amount_cents: number;
  }[];
  return new Map(rows.map((row) => [quotaKey(row.scope as QuotaScope, row.name, row.period), row.amount_cents]));
};

export const quotaKey = (scope: QuotaScope, name: string, period: string): string => `${scope}\u0000${name}\u0000${period}`;
