/** A record's stream is `<kind>-<recordId>`; kinds are lower-case identifiers, so the first `-` splits. */
export const recordStreamName = (kind: string, recordId: string): string => `${kind}-${recordId}`;

export const recordStreamPrefix = (kind: string): string => `${kind}-`;
