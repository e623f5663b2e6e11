/**
 * Links between site pages, held to the plain forms they were first written in (lists of
 * segments, every segment encoded), over every kind of path a site has and random ones.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { relativeHref } from '../../../../src/core/site/types.js';
import { hrefFor } from '../../../../src/report/site/html.js';

function referenceRelative(from: string, to: string): string {
  const fromDir = from.split('/').slice(0, -1);
  const target = to.split('#');
  const parts = target[0]!.split('/');
  let i = 0;
  while (i < fromDir.length && i < parts.length - 1 && fromDir[i] === parts[i]) i++;
  const rel = [...Array<string>(fromDir.length - i).fill('..'), ...parts.slice(i)].join('/');
  return target.length > 1 ? `${rel}#${target.slice(1).join('#')}` : rel;
}

function referenceHref(from: string, to: string): string {
  const [path, ...frag] = referenceRelative(from, to).split('#');
  const encoded = path!.split('/').map((seg) => (seg === '..' ? seg : encodeURIComponent(seg))).join('/');
  return frag.length ? `${encoded}#${frag.join('#')}` : encoded;
}

const pages = ['index.html', 'site.css', 'meetings/index.html', 'meetings/2026-12-10-partnership/index.html', 'meetings/2026-12-10-partnership/papers/a b#1?.pdf', 'meetings/2026-12-10-partnershi/index.html', 'registers/decisions.html', 'registers/attendance-2026.html', 'bodies/cluster-north/index.html', 'meetings/x/papers/report (final).md.html', 'meetings/x/papers/é.pdf#page=2', 'meetings/x/index.html#decision-1'];

describe('links between site pages', () => {
  it('are what the segment-by-segment form gives, between every two kinds of page', () => {
    for (const from of pages.filter((p) => !p.includes('#'))) {
      for (const to of pages) {
        expect(relativeHref(from, to)).toBe(referenceRelative(from, to));
        expect(hrefFor(from, to)).toBe(referenceHref(from, to));
      }
    }
    expect(hrefFor('meetings/x/index.html', 'meetings/x/papers/a b#1.pdf')).toBe('papers/a%20b#1.pdf');
    expect(hrefFor('registers/decisions.html', 'meetings/y/index.html#d-2')).toBe('../meetings/y/index.html#d-2');
  });

  it('are what the segment-by-segment form gives, for random paths (property)', () => {
    const segment = fc.stringMatching(/^[ab.é %?()#x-]{1,4}$/);
    const path = fc.array(segment, { minLength: 1, maxLength: 4 }).map((s) => s.join('/'));
    fc.assert(
      fc.property(path, path, (from, to) => {
        expect(relativeHref(from, to)).toBe(referenceRelative(from, to));
        expect(hrefFor(from, to)).toBe(referenceHref(from, to));
      }),
      { numRuns: 5000 },
    );
  });
});
