import { invalidQuery } from '../shared/read-model.exception';

const DEFAULT_LIMIT = 50;
const MAX_LIMIT = 500;

/** 1..500, default 50: the page sizes of every list. */
export const pageLimit = (limit: number | undefined): number => {
  const value = limit ?? DEFAULT_LIMIT;
  if (!Number.isInteger(value) || value < 1 || value > MAX_LIMIT) throw invalidQuery(`limit must be 1..${MAX_LIMIT}, not ${limit}`);
  return value;
};

/** The sort key of the last row of a page, opaque to the client. */
export const encodeCursor = (key: readonly string[]): string => Buffer.from(JSON.stringify(key)).toString('base64url');

export const decodeCursor = (cursor: string, parts: number): string[] => {
  try {
    const key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (Array.isArray(key) && key.length === parts && key.every((part) => typeof part === 'string')) return key as string[];
  } catch {
    // falls through to the refusal below: a cursor is opaque, any damage is the same mistake
  }
  throw invalidQuery('the cursor is not one this query returned', { cursor });
};
