import { canonicalJson, findNonJson, isJsonObject } from './canonical-json';

describe('findNonJson', () => {
  it('given plain JSON with a repeated (not cyclic) reference, then there is no problem', () => {
    const shared = { sku: 'GTX Pro' };

    expect(findNonJson({ a: shared, b: [shared, 1, 'x', true, null], c: Object.create(null) as object }, 'data')).toBeNull();
  });

  it.each([
    ['NaN', { amount: Number.NaN }, 'data.amount is NaN'],
    ['-Infinity', { list: [1, Number.NEGATIVE_INFINITY] }, 'data.list[1] is -Infinity'],
    ['undefined', { a: { b: undefined } }, 'data.a.b is undefined'],
    ['a function', { 'odd key': () => 1 }, 'data["odd key"] is a function'],
    ['a bigint', { amount: 1n }, 'data.amount is a bigint'],
    ['a symbol', { s: Symbol('s') }, 'data.s is a symbol'],
    ['a Date', { at: new Date(0) }, 'data.at is a Date, not a plain JSON object'],
    ['a Map', { m: new Map() }, 'data.m is a Map'],
    ['an array hole', { list: [1, , 3] }, 'data.list[1] is an array hole'],
    ['symbol keys', { [Symbol('k')]: 1 }, 'data has symbol keys'],
  ])('given %s, then the problem is named with its path', (_, value, expected) => {
    expect(findNonJson(value, 'data')).toContain(expected);
  });

  it('given a cycle, then it is named instead of overflowing the stack', () => {
    const data: Record<string, unknown> = { list: [] };
    (data.list as unknown[]).push({ back: data });

    expect(findNonJson(data, 'data')).toBe('data.list[0].back refers back to itself (a cycle)');
  });

  it('given nesting deeper than the limit, then it is refused', () => {
    let deep: Record<string, unknown> = {};
    for (let level = 0; level < 300; level += 1) deep = { deep };

    expect(findNonJson(deep, 'data')).toContain('nested deeper than 256 levels');
  });
});

describe('isJsonObject', () => {
  it.each([
    [{}, true],
    [Object.create(null), true],
    [[], false],
    [null, false],
    ['{}', false],
    [new Date(), false],
  ])('given %p, then it is %p', (value, expected) => {
    expect(isJsonObject(value)).toBe(expected);
  });
});

describe('canonicalJson', () => {
  it('given objects whose keys differ only in order, then their canonical JSON is equal and arrays keep their order', () => {
    expect(canonicalJson({ b: 1, a: [{ y: 2, x: 1 }, 3] })).toBe('{"a":[{"x":1,"y":2},3],"b":1}');
    expect(canonicalJson({ a: [3, { x: 1, y: 2 }], b: 1 })).not.toBe(canonicalJson({ b: 1, a: [{ y: 2, x: 1 }, 3] }));
  });
});
