import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { h } from '../../../../src/report/site/html.js';

const reference = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

describe('h (HTML escaping)', () => {
  it('escapes the five characters, wherever they are, and leaves every other text as it is', () => {
    expect(h(`Tom & Jerry's <b>"best"</b>`)).toBe('Tom &amp; Jerry&#39;s &lt;b&gt;&quot;best&quot;&lt;/b&gt;');
    expect(h('Meeting of 10 December 2026')).toBe('Meeting of 10 December 2026');
    expect(h('')).toBe('');
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', ' ', 'é', '&', '<', '>', '"', "'", ';', '#') }), (s) => {
        expect(h(s)).toBe(reference(s));
      }),
      { numRuns: 3000 },
    );
  });
});
