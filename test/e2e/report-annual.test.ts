import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import mammoth from 'mammoth';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { describe, expect, it } from 'vitest';
import { HtmlValidate } from 'html-validate';
import { DEC, OCT, seedMeetings } from '../helpers/minutes-fixtures.js';
import { read, tempRepos, wep, write } from '../helpers/wep.js';

const repo = tempRepos();

/** October (inquorate decision, minutes circulated on time) and December (quorate, notice late), with a confidential decision. */
function records(): string {
  const dir = repo();
  seedMeetings(dir);
  const oct = read(dir, `meetings/${OCT}/meeting.yaml`).replace(
    'decisions:\n  - { id: d1, item: 6, text: The work plan 2027 is approved. }\n',
    'decisions:\n  - { id: d1, item: 6, text: The work plan 2027 is approved., votes: { for: 6, against: 1 } }\n  - { id: d2, item: 7, text: Secret staffing matter agreed. }\nminutes: { status: circulated, circulated: 2026-10-14 }\n',
  ).replace('  - { title: Attendance data, purpose: information }', '  - { title: Staffing, confidential: true }');
  write(dir, `meetings/${OCT}/meeting.yaml`, oct);
  write(
    dir,
    `meetings/${DEC}/meeting.yaml`,
    `${read(dir, `meetings/${DEC}/meeting.yaml`)}notice: { sent: 2026-12-03 }\nattendance:\n  present: [chair-okafor, ph-ahmed, ph-brown, sh-clarke, sh-francis, sf-iqbal, sf-jones]\n`,
  );
  return dir;
}

describe('wep report annual', () => {
  it('Markdown: meetings, quorum, deadlines with the rule, attendance, decisions and actions; nothing confidential', () => {
    const dir = records();
    const r = wep(['report', 'annual', '--year', '2026-27'], { cwd: dir, today: '2027-01-10' });
    expect(r.code).toBe(0);
    const md = r.stdout;
    for (const s of [
      '# Wokingham Education Partnership: annual report 2026-27',
      'All bodies, Tuesday 1 September 2026 to Tuesday 31 August 2027',
      '2 meetings held, of 2 scheduled between Tuesday 1 September 2026 and Tuesday 31 August 2027.',
      'Quorate: 2 of 2.',
      'Notice on time: 1 of 2; late: 1. Minutes circulated on time: 1 of 2; not yet circulated: 1.',
      'Decisions: 2; 1 taken while not quorate and still awaiting confirmation. Actions: 1 set, 0 completed, 1 open, 1 overdue.',
      'Education Partnership: notice no fewer than 7 working days before the meeting; minutes within 7 working days of the meeting.',
      '| Thu 8 Oct 2026 | Education Partnership | yes | yes | sent Fri 25 Sep 2026, on time | circulated Wed 14 Oct 2026, on time | circulated |',
      '| Thu 10 Dec 2026 | Education Partnership | yes | yes | sent Thu 3 Dec 2026, 2 working days late | not recorded (due Mon 21 Dec 2026) | not written |',
      '| Samina Ahmed | Wokingham Primary Heads Partnership | 2 | 2 | 0 | 0 | 0 | 100% |',
      '| Megan Evans | Wokingham Secondary Heads Federation | 2 | 0 | 1 | 0 | 1 | 50% |',
      '| Wokingham Secondary Heads Federation | 3 | 6 | 4 | 1 | 0 | 1 | 83% |',
      '| Thu 8 Oct 2026 | 6. Work plan 2027 | The work plan 2027 is approved. | 6 for, 1 against | NOT QUORATE: awaiting confirmation |',
      '| Thu 8 Oct 2026 | 7. Confidential item | Confidential: not published |  | quorate |',
      `| ${OCT}/a1 | Thu 8 Oct 2026 | Fri 13 Nov 2026 | Propose an election process for the MAT seat |`,
    ])
      expect(md).toContain(s);
    expect(md).not.toContain('Secret staffing');
    expect(md).not.toContain('Staffing');
  });

  it('HTML: a valid page with the same content; --out writes inside the records, never outside', async () => {
    const dir = records();
    const r = wep(['report', 'annual', '--year', '2026-27', '--body', 'partnership', '--format', 'html', '--out', 'reports/annual.html'], { cwd: dir, today: '2027-01-10' });
    expect(r.stdout).toBe('wrote reports/annual.html: 2 meeting(s) held in 2026-27\n');
    expect(r.code).toBe(0);
    const html = read(dir, 'reports/annual.html');
    expect(html).toContain('<h1>Wokingham Education Partnership: annual report 2026-27</h1>');
    expect(html).toContain('<td>Confidential: not published</td>');
    expect(html).not.toContain('Secret');
    const report = await new HtmlValidate({ extends: ['html-validate:recommended'], rules: { 'no-inline-style': 'off' } }).validateString(html.replace(/<!-- wep-generated[^>]*-->\n?$/, ''));
    expect(report.results.flatMap((x) => x.messages.map((m) => `${m.ruleId}: ${m.message}`))).toEqual([]);
    const outside = wep(['report', 'annual', '--year', '2026-27', '--out', '../annual.md'], { cwd: dir, today: '2027-01-10' });
    expect(outside.stderr).toContain('is outside the records repo; wep writes only inside it');
    expect(outside.code).toBe(2);
  });

  it('Word and PDF: the same report, read back by independent readers; nothing confidential; an edited copy kept', async () => {
    const dir = records();
    const args = ['report', 'annual', '--year', '2026-27', '--body', 'partnership'];
    const md = wep(args, { cwd: dir, today: '2027-01-10' }).stdout;
    const docx = wep([...args, '--format', 'docx', '--out', 'reports/annual.docx'], { cwd: dir, today: '2027-01-10' });
    expect(docx.stdout).toBe('wrote reports/annual.docx: 2 meeting(s) held in 2026-27\n');
    expect(docx.code).toBe(0);
    const word = (await mammoth.extractRawText({ path: join(dir, 'reports/annual.docx') })).value;
    expect(word).toContain('Wokingham Education Partnership: annual report 2026-27');
    expect(word).toContain('Confidential: not published');
    expect(word).not.toContain('Secret');
    const pdf = wep([...args, '--format', 'pdf', '--out', 'reports/annual.pdf'], { cwd: dir, today: '2027-01-10' });
    expect(pdf.code).toBe(0);
    const doc = await getDocument({ data: new Uint8Array(readFileSync(join(dir, 'reports/annual.pdf'))), verbosity: 0, useSystemFonts: false }).promise;
    let text = '';
    for (let i = 1; i <= doc.numPages; i++) text += `${(await (await doc.getPage(i)).getTextContent()).items.map((x) => ('str' in x ? x.str : '')).join(' ')}\n`;
    const flat = text.replace(/\s+/g, ' ');
    expect(flat).toContain('annual report 2026-27');
    expect(flat).toContain(`page 1 of ${doc.numPages}`);
    expect(flat).not.toContain('Secret');
    // every table row's first cell of the Markdown is in the PDF too
    for (const cell of md.split('\n').filter((l) => l.startsWith('| ') && !l.startsWith('| ---')).map((l) => l.split('|')[1]!.trim()).slice(0, 8)) expect(flat).toContain(cell);
    // without --out there is nowhere to put a binary file
    const nowhere = wep([...args, '--format', 'pdf'], { cwd: dir, today: '2027-01-10' });
    expect(nowhere.code).toBe(2);
    expect(nowhere.stderr).toContain('--format pdf writes a file: say where with --out');
    // a Word file the clerk edited is not overwritten without --force, and then kept as .bak
    writeFileSync(join(dir, 'reports/annual.docx'), Buffer.concat([readFileSync(join(dir, 'reports/annual.docx')), Buffer.from('edited')]));
    const again = wep([...args, '--format', 'docx', '--out', 'reports/annual.docx'], { cwd: dir, today: '2027-01-10' });
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('has been edited since wep wrote it');
    expect(wep([...args, '--format', 'docx', '--out', 'reports/annual.docx', '--force'], { cwd: dir, today: '2027-01-10' }).code).toBe(0);
    expect(readFileSync(join(dir, 'reports/annual.docx.bak')).toString('latin1').endsWith('edited')).toBe(true);
  });

  it('refuses a year that is not a school year', () => {
    const dir = records();
    for (const [year, msg] of [
      ['2026', 'wep: error: --year: "2026" is not a school year'],
      ['2026-28', 'wep: error: --year: "2026-28" is not a school year: 2026 is followed by 27'],
    ]) {
      const r = wep(['report', 'annual', '--year', year!], { cwd: dir, today: '2027-01-10' });
      expect(r.stderr).toContain(msg!);
      expect(r.stderr).toContain('fix: give the school year as YYYY-YY, e.g. --year 2026-27 (1 September 2026 to 31 August 2027)');
      expect(r.code).toBe(2);
    }
  });
});

describe('minute references and votes in the records', () => {
  it('a configured scheme numbers the minutes in minutes.md and the decisions register', () => {
    const dir = records();
    write(dir, 'partnership.yaml', read(dir, 'partnership.yaml').replace(/^partnership:\n/m, 'partnership:\n  minutes: { references: "{short}/{yyyy}/{mm}/{item}" }\n'));
    const d = wep(['decisions'], { cwd: dir, today: '2026-10-12' });
    expect(d.stdout).toContain('  d1   item 6 (Work plan 2027)\n       minute WEP/2026/10/6\n       The work plan 2027 is approved.\n       vote: 6 for, 1 against (carried)\n');
    expect(JSON.parse(wep(['decisions', '--json'], { cwd: dir, today: '2026-10-12' }).stdout).decisions[0]).toMatchObject({ minuteRef: 'WEP/2026/10/6', votes: { for: 6, against: 1 } });
    const m = wep(['minutes', '--meeting', OCT, '--force'], { cwd: dir, today: '2026-10-12' });
    expect(m.code).toBe(0);
    const md = read(dir, `meetings/${OCT}/minutes.md`);
    expect(md).toContain('## 6. Work plan 2027\n\n_Minute WEP/2026/10/6; For decision; presented by Owen Morgan_');
    // the vote is written the way it is read back
    expect(md).toContain('DECISION: The work plan 2027 is approved. (for: 6, against: 1)');
    expect(wep(['check', '--quiet'], { cwd: dir, today: '2026-10-12' }).stderr).not.toContain('changed in minutes.md');
  });

  it('who took the chair: in the minutes, and checked against attendance', () => {
    const dir = records();
    const y = `meetings/${DEC}/meeting.yaml`;
    write(dir, y, read(dir, y).replace('body: partnership\n', 'body: partnership\nchair: sh-clarke\n'));
    expect(wep(['minutes', '--meeting', DEC], { cwd: dir, today: '2026-12-11' }).code).toBe(0);
    expect(read(dir, `meetings/${DEC}/minutes.md`)).toContain('| **Chair** | Tom Clarke |');
    write(dir, y, read(dir, y).replace('chair: sh-clarke\n', 'chair: sh-evans\n'));
    const c = wep(['check', '--quiet'], { cwd: dir, today: '2026-12-11' });
    expect(c.stderr).toContain(`meetings/${DEC}/meeting.yaml:2:8: error: Megan Evans is recorded as taking the chair but not as present`);
    expect(c.stderr).toContain('fix: add sh-evans to attendance.present, or correct "chair:"');
  });
});
