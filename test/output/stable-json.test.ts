/** stableJson: sorted keys, `omit`, undefined dropped, two-space indent — the same text as the original copy-then-stringify. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stableJson } from '../../src/output/stable-json.js';

/** The first implementation, kept as the reference the faster one must match byte for byte. */
function reference(value: unknown, options: { sortKeys?: boolean; omit?: readonly string[] } = {}): string {
  const sortKeys = options.sortKeys ?? true;
  const omit = new Set(options.omit ?? []);
  const normalize = (input: unknown): unknown => {
    if (Array.isArray(input)) return input.map(normalize);
    if (input && typeof input === 'object') {
      const keys = Object.keys(input).filter((key) => !omit.has(key) && (input as Record<string, unknown>)[key] !== undefined);
      if (sortKeys) keys.sort();
      const out: Record<string, unknown> = {};
      for (const key of keys) out[key] = normalize((input as Record<string, unknown>)[key]);
      return out;
    }
    return input;
  };
  return `${JSON.stringify(normalize(value), null, 2)}\n`;
}

const KEYS = fc.oneof(fc.constantFrom('a', 'b', 'B', 'loc', 'id', '10', '9', '0', '01', '', 'é', '__proto__x'), fc.string({ maxLength: 4 }));
const values = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constantFrom(null, undefined, true, false, 0, -0, 1.5, Number.NaN, Number.POSITIVE_INFINITY),
    fc.integer(), fc.double(), fc.string({ maxLength: 6 }),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(KEYS, tie('value'), { maxKeys: 5 }),
  ),
})).value;

describe('stableJson', () => {
  it('writes what the reference implementation writes, for any JSON-like value and options', () => {
    fc.assert(fc.property(values, fc.boolean(), fc.subarray(['loc', 'a', '10']), (value, sortKeys, omit) => {
      expect(stableJson(value, { sortKeys, omit })).toBe(reference(value, { sortKeys, omit }));
      expect(stableJson(value)).toBe(reference(value));
    }), { numRuns: 500 });
  });

  it('sorts keys, drops undefined and omitted keys at every depth, ends with a newline', () => {
    expect(stableJson({ b: 1, a: { loc: [1], d: undefined, c: [{ z: 1, y: undefined, loc: 2 }] } }, { omit: ['loc'] }))
      .toBe('{\n  "a": {\n    "c": [\n      {\n        "z": 1\n      }\n    ]\n  },\n  "b": 1\n}\n');
    expect(stableJson({ b: 1, a: 2 }, { sortKeys: false })).toBe('{\n  "b": 1,\n  "a": 2\n}\n');
    expect(stableJson([undefined, 'x'])).toBe('[\n  null,\n  "x"\n]\n');
  });
});
