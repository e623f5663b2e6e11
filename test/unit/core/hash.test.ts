import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cacheHash, checksum, hashParts } from '../../../src/core/hash.js';

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

describe('cacheHash and checksum (the caches only)', () => {
  it('are 32 and 16 hex digits, stable, and keep the parts apart', () => {
    expect(cacheHash(['partnership', 'name: x'])).toMatch(/^[0-9a-f]{32}$/);
    expect(checksum('name: x')).toMatch(/^[0-9a-f]{16}$/);
    expect(cacheHash(['ab', 'c'])).not.toBe(cacheHash(['a', 'bc']));
    expect(cacheHash(['a', ''])).not.toBe(cacheHash(['a']));
  });

  it('change with any one edit of a text, in any byte of a word or of the tail, and with its length', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 300 }), fc.nat(), fc.integer({ min: 1, max: 0xffff }), (s, at, flip) => {
        const i = at % s.length;
        const edited = `${s.slice(0, i)}${String.fromCharCode(s.charCodeAt(i) ^ flip)}${s.slice(i + 1)}`;
        // a lone surrogate is written as U+FFFD, so two such texts can be the same bytes
        fc.pre(!Buffer.from(edited).equals(Buffer.from(s)));
        expect(cacheHash([edited])).not.toBe(cacheHash([s]));
        expect(checksum(edited)).not.toBe(checksum(s));
        expect(checksum(`${s}\u0000`)).not.toBe(checksum(s));
      }),
      { numRuns: 3000 },
    );
  });

  it('change with an edit anywhere in a long text: across the steps of words, and past the first buffer', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 500, maxLength: 3000 }), fc.nat(), (s, at) => {
        const i = at % s.length;
        const edited = `${s.slice(0, i)}${s[i] === 'x' ? 'y' : 'x'}${s.slice(i + 1)}`;
        fc.pre(!Buffer.from(edited).equals(Buffer.from(s)));
        expect(checksum(edited)).not.toBe(checksum(s));
      }),
      { numRuns: 500 },
    );
    // larger than the buffer the hash starts with (64 KiB), so it grows
    const big = 'é'.repeat(40_000);
    expect(checksum(big)).not.toBe(checksum(`${big.slice(1)}e`));
    expect(checksum(big)).toBe(checksum('é'.repeat(40_000)));
  });

  it('gives a text the same value whatever was hashed before it (nothing is left over from a longer text)', () => {
    const short = ['a', 'ab', 'abc', 'abcd', 'abcde', 'name: x\n'];
    const before = short.map((t) => [checksum(t), cacheHash([t])]);
    checksum('z'.repeat(10_000));
    cacheHash(['y'.repeat(70_000)]);
    expect(short.map((t) => [checksum(t), cacheHash([t])])).toEqual(before);
  });

  it('never meets the same value twice over 20,000 records-like texts', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 20_000; i++) seen.add(cacheHash([`meeting ${i}`, `date: 2026-12-${i % 28}\nbody: p${i % 7}\n`]));
    expect(seen.size).toBe(20_000);
  });

  it('leaves hashParts as it was: its values are stored in meeting.yaml', () => {
    // the values the earlier build gave
    expect(hashParts(['a'])).toBe('167fe530eb42d10496aeeb61aa2a');
    expect(hashParts(['partnership', 'name: x'])).toBe('18798a6b84c0540828af49e0e450');
  });
});
