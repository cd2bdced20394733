import type { Database } from 'better-sqlite3';
import { periodKindOf } from '../shared/business-time';
import { toCents } from '../shared/money';
import { ReadModelException, ReadModelExceptionCode } from '../shared/read-model.exception';

export type QuotaScope = 'owner' | 'team';

export interface Quota {
  readonly scope: QuotaScope;
  /** The owner's or the team's name. */
  readonly name: string;
  /** `YYYY-MM` or `YYYY-Qn`. */
  readonly period: string;
  readonly amount: number;
}

/** Quotas are targets someone sets, not history: a plain table beside the read models, like teams. */
export const ensureQuotasTable = (db: Database): void => {
  db.exec(`CREATE TABLE IF NOT EXISTS quotas (
    scope        TEXT    NOT NULL CHECK (scope IN ('owner', 'team')),
    name         TEXT    NOT NULL,
    period       TEXT    NOT NULL,
    amount_cents INTEGER NOT NULL,
    PRIMARY KEY (scope, name, period)
  )`);
};

export const setQuota = (db: Database, quota: Quota): void => {
  periodKindOf(quota.period);
  const cents = toCents(quota.amount);
  if (cents === null || cents < 0 || (quota.scope !== 'owner' && quota.scope !== 'team') || quota.name.trim() === '') {
    throw new ReadModelException(
      ReadModelExceptionCode.INVALID_REFERENCE_DATA,
      `a quota needs scope owner|team, a name and an amount ≥ 0; got ${JSON.stringify(quota)}`,
      { quota },
    );
  }
  ensureQuotasTable(db);
  db.prepare(
    `INSERT INTO quotas (scope, name, period, amount_cents) VALUES (?, ?, ?, ?)
     ON CONFLICT (scope, name, period) DO UPDATE SET amount_cents = excluded.amount_cents`,
  ).run(quota.scope, quota.name, quota.period, cents);
};

/** `quotaKey(scope, name, period)` → cents. */
export const quotasByKey = (db: Database): ReadonlyMap<string, number> => {
  const exists = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'quotas'").get() !== undefined;
  if (!exists) return new Map();
  const rows = db.prepare('SELECT scope, name, period, amount_cents FROM quotas').all() as {
    scope: string;
    name: string;
    period: string;
    amount_cents: number;
  }[];
  return new Map(rows.map((row) => [quotaKey(row.scope as QuotaScope, row.name, row.period), row.amount_cents]));
};

export const quotaKey = (scope: QuotaScope, name: string, period: string): string => `${scope}\u0000${name}\u0000${period}`;
