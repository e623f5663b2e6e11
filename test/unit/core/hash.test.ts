import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hashParts } from '../../../src/core/hash.js';

describe('hashParts', () => {
  it('is 28 hex digits and stable', () => {
    expect(hashParts(['partnership', 'name: x'])).toMatch(/^[0-9a-f]{28}$/);
    expect(hashParts(['a'])).toBe(hashParts(['a']));
  });

  it('keeps the parts apart', () => {
    expect(hashParts(['ab', 'c'])).not.toBe(hashParts(['a', 'bc']));
    expect(hashParts(['a', ''])).not.toBe(hashParts(['a']));
  });

  it('changes when one character of a records file changes (no collisions in 2,000 edits)', () => {
    const seen = new Set<string>();
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 200 }), (s) => {
        const h = hashParts([s]);
        const edited = hashParts([`${s.slice(0, -1)}${String.fromCharCode(s.charCodeAt(s.length - 1) ^ 1)}`]);
        expect(edited).not.toBe(h);
        seen.add(h);
      }),
      { numRuns: 2000 },
    );
  });
});
