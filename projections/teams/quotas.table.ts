import type { Database } from 'better-sqlite3';
import type { StoredEvent } from '@crm/event-store';
import type { ReadModelTable, TableNames } from '@crm/projection-runtime';
import { toCents } from '../shared/money';
import { QUOTA_SET, quotaOfEvent, type QuotaScope } from './quota.stream';

export const QUOTAS_TABLE = 'quotas';

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

/** The evolve step for `QuotaSet`: the latest quota of a period replaces the one before. */
export const openQuotasWriter = (db: Database, tables: TableNames): ((event: StoredEvent) => void) => {
  const upsert = db.prepare(
    `INSERT INTO "${tables(QUOTAS_TABLE)}" (scope, name, period, amount_cents, currency) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (scope, name, period) DO UPDATE SET amount_cents = excluded.amount_cents, currency = excluded.currency`,
  );
  return (event) => {
    if (event.type !== QUOTA_SET) return;
    const quota = quotaOfEvent(event);
    upsert.run(quota.scope, quota.name, quota.period, toCents(quota.amount), quota.currency);
  };
};

/** `quotaKey(scope, name, period)` → cents. */
export const quotasByKey = (db: Database): ReadonlyMap<string, number> => {
  const exists = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(QUOTAS_TABLE) !== undefined;
  if (!exists) return new Map();
  const rows = db.prepare(`SELECT scope, name, period, amount_cents FROM ${QUOTAS_TABLE}`).all() as {
    scope: string;
    name: string;
    period: string;
    amount_cents: number;
  }[];
  return new Map(rows.map((row) => [quotaKey(row.scope as QuotaScope, row.name, row.period), row.amount_cents]));
};

export const quotaKey = (scope: QuotaScope, name: string, period: string): string => `${scope}\u0000${name}\u0000${period}`;
