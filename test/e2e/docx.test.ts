/**
 * `wep notice --docx` and `wep minutes --docx` end to end, read back by an independent reader
 * (mammoth): headings, the numbered agenda as a real list, tables, the DECISION and ACTION
 * lines; and a Word file the clerk re-saved is never overwritten without --force.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import mammoth from 'mammoth';
import { beforeAll, describe, expect, it } from 'vitest';
import { git, read, tempRepos, wep, write } from '../helpers/wep.js';

const repo = tempRepos({ withMeetings: true });
const html = async (path: string) => (await mammoth.convertToHtml({ path })).value;

describe('wep notice --docx', () => {
  const ID = '2026-12-10-partnership';
  const DIR = `meetings/${ID}`;
  let dir: string;
  let r: ReturnType<typeof wep>;
  let h: string;

  beforeAll(async () => {
    dir = repo();
    r = wep(['notice', '--meeting', ID, '--docx'], { cwd: dir });
    h = await html(join(dir, DIR, 'notice.docx'));
  });

  it('writes notice.docx beside the other documents', () => {
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`wrote     ${DIR}/notice.docx`);
  });

  it('headings are Word headings', () => {
    expect(h).toContain('<h1>Wokingham Education Partnership</h1>');
    expect(h).toContain('<h2>Education Partnership: notice of meeting</h2>');
    expect(h).toContain('<h2>Agenda</h2>');
  });

  it('the agenda is a numbered list, items in order, with their details beneath', () => {
    const ol = h.slice(h.indexOf('<ol>'), h.lastIndexOf('</ol>'));
    const titles = ['Welcome and apologies', 'Proxies', 'Declarations of interest', 'Minutes of the last meeting', 'Matters arising and the action log', 'School place planning 2027-28', 'Attendance and exclusions, autumn term', 'Any other business', 'Date of the next meeting'];
    const at = titles.map((t) => ol.indexOf(`<li><strong>${t}</strong>`));
    expect(at.every((x) => x >= 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
    // the details are a list within the item
    expect(ol).toMatch(/<li><strong>Minutes of the last meeting<\/strong><ul><li>Minutes of the meeting held on Thursday 8 October 2026/);
    expect(h).toContain('Presented by Owen Morgan');
    expect(h).toContain('<strong>Thursday 10 December 2026, 4pm to 6pm</strong>');
  });

  it('--commit takes notice.docx with the text documents', () => {
    const c = wep(['notice', '--meeting', ID, '--docx', '--commit'], { cwd: dir });
    expect(c.code).toBe(0);
    const files = git(['show', '--name-only', '--format=', 'HEAD'], dir).trim().split('\n').sort();
    // the example meeting carries its UID, so meeting.yaml is unchanged and not in the commit
    expect(files).toEqual([`${DIR}/invite.ics`, `${DIR}/notice.docx`, `${DIR}/notice.html`, `${DIR}/notice.md`]);
  });

  it('a Word file saved again by the clerk is not overwritten; --force keeps it as .bak', () => {
    const path = join(dir, DIR, 'notice.docx');
    const bytes = readFileSync(path);
    // Word rewrites the zip and drops wep's comment: the same bytes without the comment will do
    const eocd = bytes.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
    const resaved = Buffer.from(bytes.subarray(0, eocd + 22));
    resaved[eocd + 20] = 0;
    resaved[eocd + 21] = 0;
    writeFileSync(path, resaved);
    const refused = wep(['notice', '--meeting', ID, '--docx'], { cwd: dir });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain(`wep: error: ${DIR}/notice.docx has been edited since wep wrote it; wep will not overwrite it`);
    const forced = wep(['notice', '--meeting', ID, '--docx', '--force'], { cwd: dir });
    expect(forced.code).toBe(0);
    expect(readFileSync(`${path}.bak`).equals(resaved)).toBe(true);
  });
});

describe('wep minutes --docx', () => {
  const ID = '2026-10-08-partnership';
  const DIR = `meetings/${ID}`;
  let dir: string;
  let h: string;
  let raw: string;

  beforeAll(async () => {
    dir = repo();
    expect(wep(['minutes', '--meeting', ID], { cwd: dir }).code).toBe(0);
    // the clerk writes the minutes: a decision and an action under item 6
    const md = read(dir, `${DIR}/minutes.md`);
    write(dir, `${DIR}/minutes.md`, md.replace(/(## 6\.[^\n]*\n)/, '$1\nDECISION: The revised terms of reference are agreed.\n\nACTION: Propose an election process — owner: la-morgan, due: 2026-11-30\n'));
    const r = wep(['minutes', '--meeting', ID, '--docx'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`wrote ${DIR}/minutes.docx`);
    h = await html(join(dir, DIR, 'minutes.docx'));
    raw = (await mammoth.extractRawText({ path: join(dir, DIR, 'minutes.docx') })).value;
  });

  it('keeps the clerk\'s minutes.md as written, and puts their text in Word', () => {
    expect(read(dir, `${DIR}/minutes.md`)).toContain('DECISION: The revised terms of reference are agreed.');
    expect(raw).toContain('The revised terms of reference are agreed.');
  });

  it('the DECISION and ACTION lines start with the keyword in bold', () => {
    expect(h).toContain('<strong>DECISION: </strong>The revised terms of reference are agreed.');
    expect(h).toMatch(/<strong>ACTION: <\/strong>Propose an election process/);
    // written straight under a DECISION line, an ACTION line is still a paragraph of its own
    expect(h).toContain('<p><strong>DECISION: </strong>The work plan 2026-27 is approved.</p><p><strong>ACTION: </strong>Circulate the final work plan 2026-27 to all school leaders');
  });

  it('headings and the attendance table', () => {
    expect(h).toContain('<h1>Wokingham Education Partnership: Education Partnership</h1><h2>Minutes of the meeting held on Thursday 8 October 2026</h2>');
    expect(h).toContain('<h2>6. Review of the terms of reference</h2>');
    expect(h).toContain('<table>');
    expect(h).toMatch(/<td><p><strong>Date<\/strong><\/p><\/td><td><p>Thursday 8 October 2026<\/p><\/td>/);
  });

  it('--docx with no minutes.md says to write them first', () => {
    const d = repo();
    const r = wep(['minutes', '--meeting', '2026-12-10-partnership', '--docx'], { cwd: d, today: '2026-12-11' });
    // the meeting is held but has no minutes.md: wep writes it, then Word
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('wrote meetings/2026-12-10-partnership/minutes.docx');
  });
});
