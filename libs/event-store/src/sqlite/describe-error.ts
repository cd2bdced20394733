/**
 * `CODE: message` for errors that carry a code (SqliteError), the message otherwise. Duck-typed on
 * purpose: better-sqlite3's native addon keeps the SqliteError class of the first realm that loaded it
 * (Jest gives every test file its own), so `instanceof Error` is not reliable for its errors.
 */
export const describeError = (error: unknown): string => {
  const { code, message } = (typeof error === 'object' && error !== null ? error : {}) as { code?: unknown; message?: unknown };
  if (typeof message !== 'string') return String(error);
  return typeof code === 'string' ? `${code}: ${message}` : message;
};
