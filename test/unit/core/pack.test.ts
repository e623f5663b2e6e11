import { describe, expect, it } from 'vitest';
import type { Agenda, AgendaEntry } from '../../../src/core/agenda.js';
import { blocksText } from '../../../src/core/md-blocks.js';
import type { MeetingFile } from '../../../src/core/meeting-schema.js';
import type { NoticeView } from '../../../src/core/notice.js';
import { isLatePaper, packCover, packFile, paperFormat, paperNote, papersBesidePack, planPacks } from '../../../src/core/pack.js';

const entry = (number: number, title: string, paper: string | null, extra: Partial<AgendaEntry> = {}): AgendaEntry => ({
  number,
  title,
  standard: null,
  presenter: null,
  presenterId: null,
  paper,
  paperHref: paper,
  purpose: null,
  purposeText: null,
  confidential: false,
  notes: [],
  actions: [],
  ...extra,
});
const items = [
  entry(1, 'Welcome', null),
  entry(2, 'Budget', 'papers/budget.md', { purposeText: 'For decision' }),
  entry(3, 'Annex', 'papers/annex.pdf'),
  entry(4, 'Secret contracts', 'papers/contracts.md', { confidential: true }),
  entry(5, 'Tracked changes', 'papers/terms.docx'),
  entry(6, 'Online report', 'https://example.org/report.pdf'),
  entry(7, 'Missing', 'papers/later.md'),
];
const agenda: Agenda = { meetingId: '2026-12-10-board', body: 'board', date: '2026-12-10', items, papers: items.filter((i) => i.paper) };
const files = new Map([
  ['papers/budget.md', 'a'.repeat(64)],
  ['papers/annex.pdf', 'b'.repeat(64)],
  ['papers/contracts.md', 'c'.repeat(64)],
  ['papers/terms.docx', 'd'.repeat(64)],
]);
const notSent: Pick<MeetingFile, 'notice'> = {};
const sent = (papers: { path: string; sha256: string }[]): Pick<MeetingFile, 'notice'> => ({ notice: { sent: '2026-11-25', papers } });

describe('paperFormat', () => {
  it('by name, and missing when the file is not there', () => {
    expect(['a.md', 'a.MARKDOWN', 'a.pdf', 'a.docx', 'a.doc', 'a.odt', 'a.xlsx'].map((p) => paperFormat(p, true))).toEqual(['markdown', 'markdown', 'pdf', 'word', 'word', 'word', 'other']);
    expect(paperFormat('a.md', false)).toBe('missing');
    expect(paperFormat('https://example.org/a.pdf', false)).toBe('web');
  });
});

describe('planPacks', () => {
  it('public papers in agenda order in agenda-pack.pdf; confidential ones only in agenda-pack-confidential.pdf; web papers in neither', () => {
    const r = planPacks(agenda, notSent, files);
    expect(r.packs.map((p) => [p.file, p.papers.map((x) => x.item)])).toEqual([
      ['agenda-pack.pdf', [2, 3, 5, 7]],
      ['agenda-pack-confidential.pdf', [4]],
    ]);
    expect(r.papers.map((p) => p.format)).toEqual(['markdown', 'pdf', 'markdown', 'word', 'web', 'missing']);
    expect(r.warnings).toEqual([
      'item 5 (Tracked changes): papers/terms.docx is a Word document; the pack lists it with a note, send it with the pack',
      'item 7 (Missing): the paper papers/later.md is not in the meeting folder; the pack says it is to follow',
    ]);
  });

  it('no confidential paper: no confidential pack', () => {
    const r = planPacks({ ...agenda, papers: agenda.papers.filter((p) => !p.confidential) }, notSent, files);
    expect(r.packs.map((p) => p.file)).toEqual(['agenda-pack.pdf']);
  });

  it('late: not among the papers recorded when the notice was sent, or changed since', () => {
    const r = planPacks(agenda, sent([{ path: 'papers/budget.md', sha256: 'a'.repeat(64) }, { path: 'papers/annex.pdf', sha256: 'x'.repeat(64) }]), files);
    expect(r.papers.filter((p) => p.late).map((p) => p.item)).toEqual([3, 4, 5]);
  });

  it('--supplement: only the late papers, public and confidential apart', () => {
    const r = planPacks(agenda, sent([{ path: 'papers/budget.md', sha256: 'a'.repeat(64) }, { path: 'papers/terms.docx', sha256: 'd'.repeat(64) }]), files, { supplement: true });
    expect(r.packs.map((p) => [p.file, p.papers.map((x) => x.item)])).toEqual([
      ['agenda-pack-supplement.pdf', [3]],
      ['agenda-pack-supplement-confidential.pdf', [4]],
    ]);
    const none = planPacks(agenda, sent([...files].map(([path, sha256]) => ({ path, sha256 }))), files, { supplement: true });
    expect(none.packs).toEqual([]);
    expect(none.warnings).toContain('no paper was added or changed since the notice was sent: there is no supplement to make');
  });

  it('packFile names', () => {
    expect([packFile('public', false), packFile('confidential', false), packFile('public', true), packFile('confidential', true)]).toEqual(['agenda-pack.pdf', 'agenda-pack-confidential.pdf', 'agenda-pack-supplement.pdf', 'agenda-pack-supplement-confidential.pdf']);
  });
});

describe('isLatePaper', () => {
  it('nothing is late before the notice is sent, or when the notice kept no papers', () => {
    expect(isLatePaper({}, 'papers/a.md', 'a')).toBe(false);
    expect(isLatePaper({ notice: { sent: '2026-11-25' } }, 'papers/a.md', 'a')).toBe(false);
    expect(isLatePaper({ notice: { sent: '2026-11-25', papers: [] } }, 'papers/a.md', 'a')).toBe(true);
    expect(isLatePaper({ notice: { sent: '2026-11-25', papers: [] } }, 'https://x/a.pdf', undefined)).toBe(false);
  });
});

describe('packCover', () => {
  const view = {
    partnership: { name: 'Test Partnership', short: 'TP' },
    body: { id: 'board', name: 'Board' },
    dateLong: 'Thursday 10 December 2026',
    timeText: '4pm to 6pm',
    venue: { name: 'Town Hall', address: null, link: null, joining: null },
    agenda: items.map((e) => ({ ...e, paperUrl: null })),
    calledBy: null,
    revised: null,
    clerk: { name: 'A Clerk', email: 'clerk@example.org', phone: null },
  } as unknown as NoticeView;

  it('the public cover gives each paper its page, and a confidential item only its number', () => {
    const r = planPacks(agenda, notSent, files);
    const text = blocksText(packCover(view, r.packs[0]!, r.papers, new Map([[2, 3], [3, 4], [5, 7], [7, 8]])));
    expect(text).toContain('Board: agenda pack');
    expect(text).toContain('Paper: page 3');
    expect(text).toContain('Paper: page 4');
    expect(text).toContain('Paper online: https://example.org/report.pdf');
    expect(text).toContain('Paper: papers/later.md, to follow');
    expect(text).toContain('Confidential item: its papers are in the confidential part of the pack, for members only.');
    expect(text).not.toContain('Secret contracts');
    expect(text).not.toContain('contracts.md');
    expect(text).toContain('2 | Budget | 3');
  });

  it('while counting, the pages are placeholders as wide as the numbers', () => {
    const r = planPacks(agenda, notSent, files);
    expect(blocksText(packCover(view, r.packs[0]!, r.papers))).toContain('Paper: page 000');
  });

  it('the confidential cover lists its papers and says who may read them', () => {
    const r = planPacks(agenda, notSent, files);
    const text = blocksText(packCover(view, r.packs[1]!, r.papers, new Map([[4, 2]])));
    expect(text).toContain('Board: confidential papers');
    expect(text).toContain('Confidential: for the members of the body and those invited to this meeting only.');
    expect(text).toContain('4 | Secret contracts | 2');
    expect(text).not.toContain('Agenda');
  });

  it('a note stands in for what cannot be typeset', () => {
    const r = planPacks(agenda, notSent, files);
    expect(blocksText(paperNote(r.papers.find((p) => p.format === 'word')!))).toContain('terms.docx is a Word document');
    expect(blocksText(paperNote(r.papers.find((p) => p.format === 'missing')!))).toContain('The paper later.md is not yet available; it will follow.');
  });
});

describe('papersBesidePack', () => {
  it('is what the pack lists with a note, each with the type it is sent as: Word and other files that are there, never web pages, missing files, Markdown or PDF', () => {
    const agenda = [
      { title: 'A', paper: 'papers/a.docx' },
      { title: 'B', paper: 'papers/b.md' },
      { title: 'C', paper: 'papers/c.pdf' },
      { title: 'D', paper: 'papers/d.xlsx', confidential: true },
      { title: 'E', paper: 'https://example.org/e.docx' },
      { title: 'F', paper: 'papers/f.odt' },
      { title: 'G', paper: 'papers/missing.docx' },
      { title: 'H' },
    ];
    const there = (p: string) => !p.includes('missing');
    expect(papersBesidePack(agenda, there)).toEqual([
      { paper: 'papers/a.docx', confidential: false, contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' },
      { paper: 'papers/d.xlsx', confidential: true, contentType: 'application/octet-stream' },
      { paper: 'papers/f.odt', confidential: false, contentType: 'application/vnd.oasis.opendocument.text' },
    ]);
  });
});
