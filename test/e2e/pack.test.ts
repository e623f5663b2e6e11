/**
 * `wep pack` end to end, the PDFs read back by an independent reader (pdfjs-dist): page count,
 * each paper's text on the page the agenda gives, "page N of M" on every page, a bookmark per
 * part, no confidential text in the public pack, a merged PDF paper, a Word paper's note,
 * late papers and the supplement, and an edited pack never overwritten.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { read, tempRepos, wep, write } from '../helpers/wep.js';

const ID = '2026-12-10-partnership';
const DIR = `meetings/${ID}`;
const repo = tempRepos({ withMeetings: true });

interface ReadPdf {
  pages: string[];
  outline: { title: string; page: number }[];
}

async function readPdf(path: string): Promise<ReadPdf> {
  const doc = await getDocument({ data: new Uint8Array(readFileSync(path)), verbosity: 0, useSystemFonts: false }).promise;
  const pages: string[] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const content = await (await doc.getPage(i)).getTextContent();
    pages.push(content.items.map((x) => ('str' in x ? x.str : '')).join(' ').replace(/\s+/g, ' '));
  }
  const outline: ReadPdf['outline'] = [];
  for (const o of (await doc.getOutline()) ?? []) {
    const dest = typeof o.dest === 'string' ? await doc.getDestination(o.dest) : o.dest;
    outline.push({ title: o.title, page: (await doc.getPageIndex(dest![0] as never)) + 1 });
  }
  await doc.destroy();
  return { pages, outline };
}

/** A PDF paper of `n` pages, each saying which page it is. */
async function pdfPaper(n: number, label: string): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (let i = 1; i <= n; i++) doc.addPage([595, 842]).drawText(`${label} sheet ${i}`, { x: 60, y: 700, size: 14, font });
  return doc.save();
}

/** The example meeting with a PDF paper (3 pages) and a Word paper added to the agenda. */
async function repoWithPapers(): Promise<string> {
  const dir = repo();
  writeFileSync(join(dir, DIR, 'papers/budget-annex.pdf'), await pdfPaper(3, 'Budget annex'));
  writeFileSync(join(dir, DIR, 'papers/terms.docx'), 'PK\u0003\u0004 not really a word file');
  const y = read(dir, `${DIR}/meeting.yaml`).replace(
    '  - { title: Any other business, standard: aob }',
    [
      '  - title: Budget annex',
      '    paper: papers/budget-annex.pdf',
      '    purpose: information',
      '  - title: Terms of reference, tracked changes',
      '    paper: papers/terms.docx',
      '    purpose: information',
      '  - { title: Any other business, standard: aob }',
    ].join('\n'),
  );
  write(dir, `${DIR}/meeting.yaml`, y);
  return dir;
}

describe('wep pack: the public pack and the confidential part', () => {
  let dir: string;
  let r: ReturnType<typeof wep>;
  let pub: ReadPdf;
  let conf: ReadPdf;

  beforeAll(async () => {
    dir = await repoWithPapers();
    r = wep(['pack', '--meeting', ID], { cwd: dir });
    pub = await readPdf(join(dir, DIR, 'agenda-pack.pdf'));
    conf = await readPdf(join(dir, DIR, 'agenda-pack-confidential.pdf'));
  });

  it('says what it wrote, and warns of the Word paper', () => {
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(new RegExp(`wrote ${DIR}/agenda-pack.pdf: ${pub.pages.length} pages, 5 papers \\(public\\)`));
    expect(r.stdout).toContain(`wrote ${DIR}/agenda-pack-confidential.pdf: ${conf.pages.length} pages, 1 paper (confidential: members only, never publish)`);
    expect(r.stderr).toContain('warning: item 11 (Terms of reference, tracked changes): papers/terms.docx is a Word document; the pack lists it with a note, send it with the pack');
  });

  it('the cover, then each paper in agenda order, on the page the agenda gives', () => {
    // cover pages, three one-page Markdown papers, the 3-page PDF, the Word note
    const cover = pub.pages.length - 7;
    expect(cover).toBeGreaterThanOrEqual(1);
    expect(pub.pages[0]).toContain('Education Partnership: agenda pack');
    expect(pub.pages[0]).toContain('Thursday 10 December 2026, 4pm to 6pm');
    const coverText = pub.pages.slice(0, cover).join(' ');
    const starts = { 6: cover + 1, 7: cover + 2, 8: cover + 3, 10: cover + 4, 11: cover + 7 };
    // the agenda's "Paper: page N", and the table of papers: item, title, first page
    expect(coverText).toContain(`School place planning 2027-28 (For decision) Presented by Owen Morgan Paper: page ${starts[6]}`);
    expect(coverText).toContain(`Budget annex (For information) Paper: page ${starts[10]}`);
    expect(coverText).toContain(`6 School place planning 2027-28 ${starts[6]}`);
    expect(coverText).toContain(`8 Attendance and exclusions, autumn term ${starts[8]}`);
    expect(coverText).toContain(`11 Terms of reference, tracked changes ${starts[11]}`);
    expect(pub.pages[starts[6] - 1]).toContain('Item 6: School place planning 2027-28 (For decision)');
    expect(pub.pages[starts[6] - 1]).toContain('the Partnership is asked to endorse the proposed bulge classes');
    expect(pub.pages[starts[7] - 1]).toContain('four draft priorities for the borough');
    expect(pub.pages[starts[8] - 1]).toContain('attendance, persistent absence and suspension figures');
    // the PDF paper merged as it is: its own three pages
    for (const i of [1, 2, 3]) expect(pub.pages[starts[10] - 2 + i]).toContain(`Budget annex sheet ${i}`);
    expect(pub.pages[starts[11] - 1]).toContain('terms.docx is a Word document');
  });

  it('a Word paper is listed with a clear note on the page the agenda gives it', () => {
    const cover = pub.pages.length - 7;
    const page = pub.pages[cover + 7 - 1]!;
    // its heading as for any paper, then the note in place of its text
    expect(page).toContain('Item 11: Terms of reference, tracked changes (For information)');
    expect(page).toContain('terms.docx is a Word document. wep does not convert Word papers; it is circulated with this pack as a separate file.');
    expect(page).toContain(`page ${cover + 7} of ${pub.pages.length}`);
    // a page of its own: none of the Word file's bytes, and the next paper does not run on
    expect(page).not.toContain('not really a word file');
    expect(page).not.toContain('Budget annex sheet');
    expect(pub.pages.join(' ')).not.toContain('not really a word file');
  });

  it('page numbers on every page', () => {
    const n = pub.pages.length;
    pub.pages.forEach((text, i) => expect(text).toContain(`page ${i + 1} of ${n}`));
    conf.pages.forEach((text, i) => expect(text).toContain(`page ${i + 1} of ${conf.pages.length}`));
  });

  it('a bookmark per part, opening its first page', () => {
    const cover = pub.pages.length - 7;
    expect(pub.outline).toEqual([
      { title: 'Notice and agenda', page: 1 },
      { title: '6. School place planning 2027-28', page: cover + 1 },
      { title: '7. Inclusion and SEND strategy: draft priorities', page: cover + 2 },
      { title: '8. Attendance and exclusions, autumn term', page: cover + 3 },
      { title: '10. Budget annex', page: cover + 4 },
      { title: '11. Terms of reference, tracked changes', page: cover + 7 },
    ]);
    expect(conf.outline.map((o) => o.title)).toEqual(['Confidential papers', '9. Commissioning of working groups 2027-28 (budget)']);
  });

  it('no confidential text in the public pack; all of it in the confidential part', () => {
    const all = pub.pages.join(' ');
    for (const secret of ['Commissioning of working groups', 'names providers and costs', 'working-groups-budget']) expect(all).not.toContain(secret);
    expect(all).toContain('Confidential item');
    // the public pack may be published: no addresses, no joining link
    expect(all).not.toMatch(/@[a-z.-]*example\.org/);
    expect(all).not.toContain('meet.example.org');
    expect(all).not.toContain('passcode');
    const c = conf.pages.join(' ');
    expect(c).toContain('Confidential: for the members of the body');
    expect(c).toContain('names providers and costs');
    expect(c).toContain('CONFIDENTIAL');
  });

  it('an edited pack is not overwritten; --force keeps a backup', () => {
    const path = join(dir, DIR, 'agenda-pack.pdf');
    writeFileSync(path, Buffer.concat([readFileSync(path), Buffer.from('\n% annotated by the clerk\n')]));
    const again = wep(['pack', '--meeting', ID], { cwd: dir });
    expect(again.code).toBe(2);
    expect(again.stderr).toContain(`wep: error: ${DIR}/agenda-pack.pdf has been edited since wep wrote it; wep will not overwrite it`);
    const forced = wep(['pack', '--meeting', ID, '--force'], { cwd: dir });
    expect(forced.code).toBe(0);
    expect(forced.stdout).toContain(`(your edited version kept as ${DIR}/agenda-pack.pdf.bak)`);
    expect(readFileSync(`${path}.bak`, 'utf8')).toContain('% annotated by the clerk');
  });

  it('--json gives the packs, their papers and pages', () => {
    const j = JSON.parse(wep(['pack', '--meeting', ID, '--json'], { cwd: dir }).stdout);
    expect(j.version).toBe(1);
    expect(j.meeting).toBe(ID);
    expect(j.packs.map((p: { path: string; part: string }) => [p.path, p.part])).toEqual([
      [`${DIR}/agenda-pack.pdf`, 'public'],
      [`${DIR}/agenda-pack-confidential.pdf`, 'confidential'],
    ]);
    expect(j.packs[0].papers.map((p: { item: number; format: string }) => [p.item, p.format])).toEqual([
      [6, 'markdown'],
      [7, 'markdown'],
      [8, 'markdown'],
      [10, 'pdf'],
      [11, 'word'],
    ]);
  });
});

describe('wep publish carries the public pack, never the confidential part', () => {
  it('meetings/<id>/agenda-pack.pdf on the site, as in the meeting folder', () => {
    const dir = repo();
    expect(wep(['pack', '--meeting', ID], { cwd: dir }).code).toBe(0);
    const r = wep(['publish', '--out', 'site'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(readFileSync(join(dir, 'site', DIR, 'agenda-pack.pdf')).equals(readFileSync(join(dir, DIR, 'agenda-pack.pdf')))).toBe(true);
    expect(existsSync(join(dir, 'site', DIR, 'agenda-pack-confidential.pdf'))).toBe(false);
  });
});

describe('wep pack: late papers and the supplement', () => {
  it('a paper changed after the notice was sent is late; --supplement packs just those', async () => {
    const dir = await repoWithPapers();
    expect(wep(['notice', '--meeting', ID], { cwd: dir }).code).toBe(0);
    expect(wep(['notice', '--meeting', ID, '--sent'], { cwd: dir }).code).toBe(0);
    const none = wep(['pack', '--meeting', ID, '--supplement'], { cwd: dir });
    expect(none.code).toBe(0);
    expect(none.stderr).toContain('no paper was added or changed since the notice was sent: there is no supplement to make');
    const paper = `${DIR}/papers/send-priorities.md`;
    write(dir, paper, `${read(dir, paper)}\nA fifth priority, added after the notice went out.\n`);
    const r = wep(['pack', '--meeting', ID, '--supplement'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`wrote ${DIR}/agenda-pack-supplement.pdf`);
    expect(r.stdout).toContain('item 7: Inclusion and SEND strategy: draft priorities, page 2 (late)');
    const sup = await readPdf(join(dir, DIR, 'agenda-pack-supplement.pdf'));
    expect(sup.pages[0]).toContain('Education Partnership: supplementary agenda pack');
    expect(sup.pages.join(' ')).toContain('A fifth priority, added after the notice went out.');
    expect(sup.pages.join(' ')).toContain('LATE PAPER');
    expect(sup.pages.join(' ')).not.toContain('bulge classes');
    expect(sup.outline.map((o) => o.title)).toEqual(['Notice and agenda', '7. Inclusion and SEND strategy: draft priorities (late)']);
    // the full pack marks it late too
    wep(['pack', '--meeting', ID], { cwd: dir });
    const full = await readPdf(join(dir, DIR, 'agenda-pack.pdf'));
    expect(full.pages.slice(0, 2).join(' ')).toContain('(late paper)');
  });

  it('a missing paper: the pack says it is to follow, and wep notice warns', async () => {
    const dir = repo();
    const y = read(dir, `${DIR}/meeting.yaml`).replace('paper: papers/send-priorities.md', 'paper: papers/not-yet.md');
    write(dir, `${DIR}/meeting.yaml`, y);
    const n = wep(['notice', '--meeting', ID], { cwd: dir });
    expect(n.stderr).toContain(`warning: item 7 (Inclusion and SEND strategy: draft priorities): the paper papers/not-yet.md is not in ${DIR}`);
    const r = wep(['pack', '--meeting', ID], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('the paper papers/not-yet.md is not in the meeting folder; the pack says it is to follow');
    const pub = await readPdf(join(dir, DIR, 'agenda-pack.pdf'));
    expect(pub.pages.join(' ')).toContain('The paper not-yet.md is not yet available; it will follow.');
  });
});
