import { Duration } from 'luxon';
import type { TimerAnchor } from '../blueprint.model';

/** An ISO-8601 duration of positive length (`PT4H`, `P2D`, `P1DT2H`), or null. */
export const parseDuration = (text: string): Duration | null => {
  const duration = Duration.fromISO(text);
  if (!duration.isValid) return null;
  const parts = Object.values(duration.toObject());
  return parts.every((part) => part >= 0) && parts.some((part) => part > 0) ? duration : null;
};

const ANCHOR = /^([A-Za-z_][A-Za-z0-9_]*)\s*(?:([+-])\s*(P\S+))?$/;

/** `validUntil`, `contractEnd - P90D`, `validUntil + P1D`: a date field and a signed offset, or null. */
export const parseAnchor = (text: string): TimerAnchor | null => {
  const match = ANCHOR.exec(text.trim());
  if (match === null) return null;
  const [, field, sign, offset] = match;
  if (offset === undefined) return { field };
  return parseDuration(offset) === null ? null : { field, offset: `${sign === '-' ? '-' : ''}${offset}` };
};
