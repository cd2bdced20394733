import { isIsoDate, parseIsoDateTime } from '@crm/clock';

/**
 * One bound of a what-if window as a person writes it: `2026-03-01` is the whole day (from its start, to its
 * end, UTC); a date-time with an offset is taken as it is. `null` when the text is neither.
 */
export const whatIfBound = (side: 'from' | 'to', text: string): string | null => {
  if (isIsoDate(text)) return side === 'from' ? `${text}T00:00:00.000Z` : `${text}T23:59:59.999Z`;
  return parseIsoDateTime(text)?.toISOString() ?? null;
};
