/**
 * A place in the global (`$all`) order. EventStoreDB addresses it with a commit and a prepare position
 * (both 64-bit, hence bigint); the SQLite store uses its global sequence for both. Compare and persist
 * positions only through these functions so both adapters order and round-trip the same way.
 */
export interface Position {
  readonly commit: bigint;
  readonly prepare: bigint;
}

/** Where a read or subscription starts: before everything, after the current head, or after a position. */
export type ReadFrom = 'start' | 'end' | Position;

export const positionOf = (sequence: number | bigint): Position => {
  const value = BigInt(sequence);
  return { commit: value, prepare: value };
};

export const comparePositions = (a: Position, b: Position): number => {
  if (a.commit !== b.commit) return a.commit < b.commit ? -1 : 1;
  if (a.prepare !== b.prepare) return a.prepare < b.prepare ? -1 : 1;
  return 0;
};

export const isAfter = (a: Position, b: Position): boolean => comparePositions(a, b) > 0;

/** `C:<commit>/P:<prepare>`, the form EventStoreDB prints; stable and exact for 64-bit values. */
export const serializePosition = (position: Position): string =>
  `C:${position.commit.toString()}/P:${position.prepare.toString()}`;

const serializedPattern = /^C:(\d+)\/P:(\d+)$/;

export const parsePosition = (text: string): Position => {
  const match = serializedPattern.exec(text);
  if (!match) throw new TypeError(`not a position: "${text}" (expected C:<commit>/P:<prepare>)`);
  return { commit: BigInt(match[1]), prepare: BigInt(match[2]) };
};
