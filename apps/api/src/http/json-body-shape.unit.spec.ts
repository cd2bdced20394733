import { findBodyShapeProblem as findInBytes, JSON_BODY_LIMITS, type JsonBodyLimits } from './json-body-shape';

/** Bodies arrive as bytes; the cases are easier to read as text. */
const findBodyShapeProblem = (text: string, limits?: JsonBodyLimits) => findInBytes(Buffer.from(text, 'utf8'), limits);

const nestedLists = (levels: number): string => `${'['.repeat(levels)}${']'.repeat(levels)}`;
const objectWithKeys = (count: number): string => JSON.stringify(Object.fromEntries(Array.from({ length: count }, (_, index) => [`k${index}`, index])));

describe('findBodyShapeProblem', () => {
  it.each([
    ['an empty object', '{}'],
    ['a record body', '{"id":"globex-1","fields":{"name":"Globex \\"platform\\" deal","amount":120000.5,"won":true,"lossReason":null}}'],
    ['32 levels of nesting', nestedLists(32)],
    ['1,000 keys in one object', objectWithKeys(1_000)],
    ['10,000 list items in all', JSON.stringify(Array.from({ length: 10 }, () => Array.from({ length: 999 }, () => 0)))],
    ['brackets, braces and escaped quotes inside strings', JSON.stringify({ text: '[[[[{{{{"\\u0000 is written out, not a NUL' })],
    ['an escaped backslash before a u', JSON.stringify({ path: 'C:\\u0000' })],
    ['a scalar body', '"just text"'],
    ['escapes throughout a long string', JSON.stringify({ notes: 'line\n\t"quoted"\\'.repeat(3_000) })],
    ['an escaped backslash right before the closing quote', '{"path":"C:\\\\","next":"\\u0041"}'],
    ['multi-byte characters', JSON.stringify({ 'clé': 'naïve café ☕ 😀' })],
  ])('given %s, when checked, then it has no problem', (_, text) => {
    expect(findBodyShapeProblem(text)).toBeNull();
  });

  it('given 33 levels of lists, when checked, then the 33rd is named', () => {
    expect(findBodyShapeProblem(nestedLists(33))).toEqual({ path: `${'[0]'.repeat(32)}`, problem: 'nested deeper than 32 levels' });
  });

  it('given deep nesting under object keys, when checked, then the path names the keys and the list positions', () => {
    const text = `{"fields":{"notes":[1,2,${nestedLists(31)}]}}`;

    expect(findBodyShapeProblem(text)).toEqual({ path: `fields.notes[2]${'[0]'.repeat(29)}`, problem: 'nested deeper than 32 levels' });
  });

  it('given 512 Ki levels of lists (1 MiB), when checked, then it is refused without recursion', () => {
    expect(findBodyShapeProblem(nestedLists(512 * 1024))?.problem).toBe('nested deeper than 32 levels');
  });

  it('given 1,001 keys in a nested object, when checked, then that object is named', () => {
    expect(findBodyShapeProblem(`{"fields":${objectWithKeys(1_001)}}`)).toEqual({ path: 'fields', problem: 'has more than 1000 keys' });
  });

  it('given 1,001 keys in the body itself, when checked, then the body is named', () => {
    expect(findBodyShapeProblem(objectWithKeys(1_001))).toEqual({ path: '(body)', problem: 'has more than 1000 keys' });
  });

  it('given more than 10,000 keys and list items in all, when checked, then the value that runs over is named', () => {
    const text = JSON.stringify({ a: Array.from({ length: 10_000 }, () => 0) });

    expect(findBodyShapeProblem(text)).toEqual({ path: 'a[9999]', problem: 'the body has more than 10000 keys and list items' });
  });

  it.each([
    ['a string value', '{"fields":{"name":"Glo\\u0000bex"}}', 'fields.name'],
    ['a key, shown escaped', '{"fields":{"na\\u0000me":"x"}}', 'fields["na\\u0000me"]'],
    ['a list item', '{"tags":["a","\\u0000"]}', 'tags[1]'],
    ['a raw NUL byte', '{"name":"a\u0000b"}', 'name'],
    ['a string after many escapes', `{"notes":"${'\\n'.repeat(1_000)}\\u0000"}`, 'notes'],
    ['a multi-byte key, shown decoded', '{"fields":{"clé\\u0000":"x"}}', 'fields["clé\\u0000"]'],
    ['a key with an escaped quote', '{"fields":{"say \\"hi\\"":"\\u0000"}}', 'fields["say \\"hi\\""]'],
  ])('given a NUL character in %s, when checked, then its path is named', (_, text, path) => {
    expect(findBodyShapeProblem(text)).toEqual({ path, problem: 'contains a NUL character' });
  });

  it('given a string value over 64 KiB as sent, when checked, then it is named before anything decodes it', () => {
    expect(findBodyShapeProblem(JSON.stringify({ fields: { notes: 'x'.repeat(65_537) } }))).toEqual({ path: 'fields.notes', problem: 'is longer than 65536 bytes' });
  });

  it('given a key over 64 KiB as sent, when checked, then the key is named, cut', () => {
    expect(findBodyShapeProblem(JSON.stringify({ fields: { ['k'.repeat(65_537)]: 1 } }))).toEqual({ path: `fields[${JSON.stringify(`${'k'.repeat(60)}…`)}]`, problem: 'is longer than 65536 bytes' });
  });

  it.each([
    ['10,000 characters written as escapes', JSON.stringify({ notes: '\u0001'.repeat(10_000) })],
    ['exactly 65,536 bytes', JSON.stringify({ notes: 'x'.repeat(65_536) })],
  ])('given a string of %s, when checked, then it is not too long', (_, text) => {
    expect(findBodyShapeProblem(text)).toBeNull();
  });

  it('given a key that is not an identifier, when named, then it is quoted and a long one is cut', () => {
    const key = `odd key ${'x'.repeat(100)}`;

    expect(findBodyShapeProblem(JSON.stringify({ [key]: '\u0000' }))?.path).toBe(`[${JSON.stringify(`${key.slice(0, 60)}…`)}]`);
  });

  it.each([
    ['an unterminated string', '{"name":"Glo'],
    ['too many closing brackets', '{}]]]]'],
    ['not JSON at all', 'hello'],
  ])('given %s, when checked, then it is left to the JSON parser to refuse', (_, text) => {
    expect(findBodyShapeProblem(text)).toBeNull();
  });

  it('given custom limits, when checked, then they apply', () => {
    expect(findBodyShapeProblem('[[[1]]]', { ...JSON_BODY_LIMITS, maxDepth: 2 })?.problem).toBe('nested deeper than 2 levels');
  });
});
