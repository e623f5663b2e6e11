import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BANNER_CLOSE, BANNER_OPEN, bannerBlock, bannerLines, setBanner, stripBanner } from '../../../src/core/minutes-banner.js';

const lines = (...l: string[]) => l.join('\n');

describe('bannerLines: what the status block says', () => {
  it('draft, circulated and re-circulated minutes say DRAFT', () => {
    expect(bannerLines({ minutes: undefined })).toEqual(['**DRAFT: not yet approved by the meeting.**']);
    expect(bannerLines({ minutes: { status: 'circulated', circulated: '2026-10-14', recirculated: [{ date: '2026-10-20', reason: 'item 6 corrected' }] } })).toEqual([
      '**DRAFT: circulated on Wednesday 14 October 2026; not yet approved by the meeting.**',
      '',
      'Re-circulated on Tuesday 20 October 2026: item 6 corrected.',
    ]);
  });

  it('approved and signed minutes no longer say DRAFT: a true record, or with the amendments listed', () => {
    const approved = bannerLines({ minutes: { status: 'approved', circulated: '2026-10-14', approvedAt: '2026-12-10-partnership' }, approvedAtDate: '2026-12-10' });
    expect(approved).toEqual(['**Approved as a true record at the meeting held on Thursday 10 December 2026.**']);
    const signed = bannerLines({
      minutes: { status: 'signed', approvedAt: '2026-12-10-partnership', amendments: ['item 6: wording'], signed: { by: 'chair-okafor', date: '2026-12-11' } },
      approvedAtDate: '2026-12-10',
      signedByName: 'Dr Grace Okafor',
    });
    expect(signed).toEqual([
      '**Approved with amendments at the meeting held on Thursday 10 December 2026.**',
      '',
      'Amendments:',
      '',
      '- item 6: wording',
      '',
      'Signed by Dr Grace Okafor (Chair) on Friday 11 December 2026.',
    ]);
    expect([...approved, ...signed].join('\n')).not.toMatch(/DRAFT/);
  });
});

describe('setBanner: only the block changes', () => {
  const block = (s: string) => `${BANNER_OPEN}\n${s}\n${BANNER_CLOSE}`;
  it('replaces an existing block in place', () => {
    const text = lines('# T', '', block('old'), '', 'The clerk wrote this.');
    expect(setBanner(text, block('new'))).toBe(lines('# T', '', block('new'), '', 'The clerk wrote this.'));
  });
  it('replaces the status line wep wrote before blocks existed', () => {
    expect(setBanner(lines('# T', '**DRAFT: not yet approved by the meeting**', 'x'), block('new'))).toBe(lines('# T', block('new'), 'x'));
  });
  it('otherwise goes under the "Minutes of" heading, or at the very top; CRLF files stay CRLF', () => {
    expect(setBanner(lines('# T', '## Minutes of the meeting held on X', 'x'), block('b'))).toBe(lines('# T', '## Minutes of the meeting held on X', '', block('b'), 'x'));
    expect(setBanner('x\r\ny', block('b'))).toBe(`${block('b').split('\n').join('\r\n')}\r\n\r\nx\r\ny`);
  });
  it('stripBanner removes the block (and a legacy status line) for the published page', () => {
    expect(stripBanner(lines('a', block('**DRAFT: x**'), 'b'))).toBe(lines('a', 'b'));
    expect(stripBanner(lines('a', '**DRAFT: not yet approved by the meeting**', 'b'))).toBe(lines('a', 'b'));
  });
  it('property: every line the clerk wrote survives, in order, and setting twice is setting once', () => {
    const clerkLine = fc.stringMatching(/^[A-Za-z0-9 #*.:-]{0,30}$/).filter((l) => !l.includes('wep:status') && !l.startsWith('**DRAFT') && !l.startsWith('**Circulated'));
    fc.assert(
      fc.property(fc.array(clerkLine, { maxLength: 12 }), fc.constantFrom('draft', 'approved'), (clerk, status) => {
        const text = clerk.join('\n');
        const b = bannerBlock({ minutes: { status: status as 'draft' | 'approved' } });
        const once = setBanner(text, b);
        expect(setBanner(once, b)).toBe(once);
        expect(stripBanner(once).split('\n').filter((l) => l !== '')).toEqual(clerk.filter((l) => l !== ''));
      }),
    );
  });
});
