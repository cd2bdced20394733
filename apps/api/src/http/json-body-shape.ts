/**
 * The shape a JSON request body may have, checked on its raw bytes in one pass before it is decoded and
 * parsed: parsing a hostile megabyte (half a million nested lists, 90,000 keys) already blocks the event
 * loop for longer than any request may, and what reads the parsed value afterwards (class-transformer,
 * the validation pipe) recurses and overflows the stack. The scan keeps one small frame per open
 * container, jumps through strings with `indexOf` (memchr) and stops at the first problem, so a refused
 * body costs microseconds to a millisecond. JSON's structural characters are ASCII and never occur
 * inside a multi-byte UTF-8 sequence, so bytes can be read as characters here.
 */

export interface JsonBodyLimits {
  /** Containers (objects, lists) nested in each other, the body itself counting as level 1. */
  readonly maxDepth: number;
  readonly maxKeysPerObject: number;
  /** Keys and list items in the whole body: bounds what parsing and validating it can cost. */
  readonly maxValues: number;
  /**
   * One string (key or value) as sent, escapes included. The longest value any route takes is a text
   * field of 10,000 characters: at most 60,000 bytes even when every character is a `\uXXXX` escape.
   */
  readonly maxStringBytes: number;
}

export const JSON_BODY_LIMITS: JsonBodyLimits = { maxDepth: 32, maxKeysPerObject: 1_000, maxValues: 10_000, maxStringBytes: 65_536 };

export interface BodyShapeProblem {
  /** Where in the body: `fields.notes[2]`, `fields["odd key"]`, or `(body)` for the body itself. */
  readonly path: string;
  readonly problem: string;
}

interface Frame {
  readonly list: boolean;
  /** Keys or items seen so far; a list's current index is `count - 1`. */
  count: number;
  /** After `{`, `[` or `,`: the next string is a key (object) or the next value an item (list). */
  awaitingMember: boolean;
  /** The current key, as raw JSON bytes between its quotes. */
  keyStart: number;
  keyEnd: number;
}

/** Where the next quote, backslash and NUL byte are at or after the scan's position; -1: none left. */
interface Landmarks {
  quote: number;
  backslash: number;
  nul: number;
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const COMMA = 0x2c;
const COLON = 0x3a;
const SPACE = 0x20;
const TAB = 0x09;
const LINE_FEED = 0x0a;
const CARRIAGE_RETURN = 0x0d;
const LETTER_U = 0x75;
const DIGIT_ZERO = 0x30;
const NUL = 0x00;

const SHOWN_KEY_LENGTH = 60;
/** Enough bytes for 60 characters even when each is written as a `\uXXXX` escape. */
const SHOWN_KEY_BYTES = SHOWN_KEY_LENGTH * 6;
const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

const isInsignificant = (code: number): boolean =>
  code === SPACE || code === TAB || code === LINE_FEED || code === CARRIAGE_RETURN || code === COLON;

/** A key as a path shows it: decoded, cut to 60 characters; the raw text when it does not decode. */
const shownKey = (raw: string, cut: boolean): string => {
  let key = raw;
  if (raw.includes('\\')) {
    try {
      key = JSON.parse(`"${raw}"`) as string;
    } catch {
      key = raw;
    }
  }
  return key.length > SHOWN_KEY_LENGTH || cut ? `${key.slice(0, SHOWN_KEY_LENGTH)}…` : key;
};

/** The path to the current position inside the first `length` frames. */
const pathOf = (bytes: Buffer, frames: readonly Frame[], length: number): string => {
  let path = '';
  for (let index = 0; index < length; index += 1) {
    const frame = frames[index] as Frame;
    if (frame.list) {
      path += `[${frame.count - 1}]`;
      continue;
    }
    const rawEnd = Math.min(frame.keyEnd, frame.keyStart + SHOWN_KEY_BYTES);
    const key = shownKey(bytes.toString('utf8', frame.keyStart, rawEnd), rawEnd < frame.keyEnd);
    path += IDENTIFIER.test(key) ? `${path === '' ? '' : '.'}${key}` : `[${JSON.stringify(key)}]`;
  }
  return path === '' ? '(body)' : path;
};

interface ScannedString {
  /** Index of the closing quote; -1 when the string never ends (left for JSON.parse to refuse). */
  readonly end: number;
  readonly hasNul: boolean;
}

/** The first `byte` at or after `from`, reusing `known` while it is still ahead: each byte is searched once. */
const nextOf = (bytes: Buffer, byte: number, from: number, known: number): number => (known === -1 || known >= from ? known : bytes.indexOf(byte, from));

const isEscapedNul = (bytes: Buffer, backslash: number): boolean =>
  bytes[backslash + 1] === LETTER_U &&
  bytes[backslash + 2] === DIGIT_ZERO &&
  bytes[backslash + 3] === DIGIT_ZERO &&
  bytes[backslash + 4] === DIGIT_ZERO &&
  bytes[backslash + 5] === DIGIT_ZERO;

/** From the opening quote at `start` to its closing quote, noting a NUL (raw or `\u0000`). */
const scanString = (bytes: Buffer, start: number, landmarks: Landmarks): ScannedString => {
  let hasNul = false;
  for (let index = start + 1; ; ) {
    landmarks.quote = nextOf(bytes, QUOTE, index, landmarks.quote);
    landmarks.backslash = nextOf(bytes, BACKSLASH, index, landmarks.backslash);
    landmarks.nul = nextOf(bytes, NUL, index, landmarks.nul);
    const { quote, backslash, nul } = landmarks;
    if (quote === -1) return { end: -1, hasNul };
    const stop = backslash === -1 || backslash > quote ? quote : backslash;
    if (nul !== -1 && nul < stop) hasNul = true;
    if (stop === quote) return { end: quote, hasNul };
    if (isEscapedNul(bytes, backslash)) hasNul = true;
    index = backslash + 2;
  }
};

/**
 * The first way the body `bytes` break the limits, or null. A body that is not JSON is not judged here
 * (null, or whatever limit it broke first): `JSON.parse` refuses it afterwards.
 */
export const findBodyShapeProblem = (bytes: Buffer, limits: JsonBodyLimits = JSON_BODY_LIMITS): BodyShapeProblem | null => {
  const frames: Frame[] = [];
  const landmarks: Landmarks = { quote: 0, backslash: 0, nul: 0 };
  let values = 0;
  const problemAt = (length: number, problem: string): BodyShapeProblem => ({ path: pathOf(bytes, frames, length), problem });
  /** Counts a key or item of the innermost container; a problem when a limit is passed. */
  const countMember = (frame: Frame): BodyShapeProblem | null => {
    frame.awaitingMember = false;
    frame.count += 1;
    values += 1;
    if (!frame.list && frame.count > limits.maxKeysPerObject) return problemAt(frames.length - 1, `has more than ${limits.maxKeysPerObject} keys`);
    if (values > limits.maxValues) return problemAt(frames.length, `the body has more than ${limits.maxValues} keys and list items`);
    return null;
  };

  for (let index = 0; index < bytes.length; index += 1) {
    const code = bytes[index] as number;
    const top = frames[frames.length - 1];
    if (code === QUOTE) {
      const { end, hasNul } = scanString(bytes, index, landmarks);
      if (end < 0) return null;
      const isKey = top !== undefined && !top.list && top.awaitingMember;
      if (isKey) {
        top.keyStart = index + 1;
        top.keyEnd = end;
      }
      const counted = top?.awaitingMember ? countMember(top) : null;
      if (counted) return counted;
      if (hasNul) return problemAt(frames.length, 'contains a NUL character');
      if (end - index - 1 > limits.maxStringBytes) return problemAt(frames.length, `is longer than ${limits.maxStringBytes} bytes`);
      index = end;
    } else if (code === OPEN_BRACE || code === OPEN_BRACKET) {
      const counted = top?.awaitingMember ? countMember(top) : null;
      if (counted) return counted;
      if (frames.length >= limits.maxDepth) return problemAt(frames.length, `nested deeper than ${limits.maxDepth} levels`);
      frames.push({ list: code === OPEN_BRACKET, count: 0, awaitingMember: true, keyStart: 0, keyEnd: 0 });
    } else if (code === CLOSE_BRACE || code === CLOSE_BRACKET) {
      if (frames.pop() === undefined) return null;
    } else if (code === COMMA) {
      if (top) top.awaitingMember = true;
    } else if (code === NUL) {
      return problemAt(frames.length, 'contains a NUL character');
    } else if (!isInsignificant(code) && top?.awaitingMember) {
      // The first character of a number, true, false or null: one more list item.
      const counted = countMember(top);
      if (counted) return counted;
    }
  }
  return null;
};
