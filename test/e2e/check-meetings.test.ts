/**
 * `wep check` on meeting records: one fixture per message (test/fixtures/meetings/<case>/),
 * each asserting FILE:LINE:COL, the message, the ^^^ excerpt, the hint and the exit code.
 */
import { cpSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT, removeRepo, tempRepo, wep, write } from '../helpers/wep.js';

const FIXTURES = join(ROOT, 'test/fixtures/meetings');

const repos: string[] = [];
afterAll(() => repos.forEach(removeRepo));

/** Diagnostics about meeting records (the example partnership file has warnings of its own). */
const aboutMeetings = (stderr: string) => stderr.split('\n').filter((l) => l.startsWith('meetings/'));

function repoWith(fixture: string): string {
  const dir = tempRepo({ git: false });
  repos.push(dir);
  cpSync(join(FIXTURES, fixture), join(dir, 'meetings'), { recursive: true });
  return dir;
}

async function check(dir: string, today: string): Promise<{ code: number; stderr: string }> {
  const r = wep(['check'], { cwd: dir, today, env: { WEP_NO_CACHE: '1' } });
  return { code: r.code, stderr: r.stderr };
}

interface Case {
  fixture: string;
  file: string;
  line: number;
  col: number;
  carets: number;
  severity: 'error' | 'warning';
  message: string;
  hint: string;
  code: 0 | 1 | 2;
  today?: string;
}

const P = '2026-12-10-partnership/meeting.yaml';
const O = '2026-10-08-partnership/meeting.yaml';
const CASES: Case[] = [
  { fixture: 'yaml-syntax', file: P, line: 6, col: 3, carets: 46, severity: 'error', code: 2, message: 'YAML syntax: Flow map in block collection must be sufficiently indented and end with a }', hint: '' },
  { fixture: 'schema-error', file: P, line: 3, col: 8, carets: 7, severity: 'error', code: 1, message: 'expected a time (HH:MM, 24-hour clock), found "25:00"', hint: 'write times on the 24-hour clock as HH:MM, e.g. 16:30' },
  { fixture: 'unknown-body', file: P, line: 1, col: 7, carets: 10, severity: 'error', code: 1, message: 'unknown body "partnershp"', hint: 'did you mean "partnership"?' },
  { fixture: 'unknown-person', file: P, line: 4, col: 12, carets: 11, severity: 'error', code: 1, message: 'unknown person "chair-okafr" (called-by)', hint: 'did you mean "chair-okafor"?' },
  { fixture: 'date-mismatch', file: P, line: 2, col: 7, carets: 10, severity: 'error', code: 1, message: 'the record says 2026-12-11 but its folder is 2026-12-10-partnership', hint: 'rename the folder to 2026-12-11-partnership, or correct the date; commands choose meetings by the folder name' },
  { fixture: 'body-mismatch', file: '2026-12-10-operational-group/meeting.yaml', line: 1, col: 7, carets: 11, severity: 'error', code: 1, message: 'the record is a meeting of "partnership" but its folder is 2026-12-10-operational-group', hint: 'rename the folder to 2026-12-10-partnership, or correct the body' },
  { fixture: 'end-before-start', file: P, line: 4, col: 6, carets: 7, severity: 'error', code: 1, message: 'the meeting ends (06:00) before it starts (16:00)', hint: 'write times on the 24-hour clock, e.g. start: "16:00", end: "18:00"' },
  { fixture: 'missing-paper', file: P, line: 8, col: 12, carets: 25, severity: 'error', code: 1, message: 'paper "papers/place-planning.pdf" for item 2 (School place planning) is missing', hint: 'add the file at meetings/2026-12-10-partnership/papers/place-planning.pdf, or correct the path (it is relative to the meeting folder)' },
  { fixture: 'paper-outside', file: P, line: 6, col: 29, carets: 22, severity: 'error', code: 1, message: 'paper "../../partnership.yaml" is outside the meeting folder', hint: 'put the paper in meetings/2026-12-10-partnership/papers/ and write its path from the meeting folder, e.g. papers/report.pdf, or give its web address' },
  { fixture: 'unknown-presenter', file: P, line: 6, col: 33, carets: 9, severity: 'warning', code: 0, message: 'presenter "la-morgen" looks like a person id but is not in the partnership file', hint: 'did you mean "la-morgan"? (a presenter from outside may be given by name, e.g. "Dr A Visitor")' },
  {
    fixture: 'notice-late',
    file: P,
    line: 7,
    col: 9,
    carets: 10,
    severity: 'warning',
    code: 0,
    today: '2026-12-09',
    message: 'notice was sent 2 working days late: the deadline was Tuesday 1 December 2026 (no fewer than 7 working days before the meeting), and no agreement to shorter notice is recorded',
    hint: 'if shorter notice was agreed, record who agreed and why: wep notice --meeting 2026-12-10-partnership --short-notice-agreed "reason"',
  },
  {
    fixture: 'proxy-not-appointed',
    file: O,
    line: 10,
    col: 7,
    carets: 35,
    severity: 'error',
    code: 1,
    message:
      "Fiona Taylor (px-clarke) is not Megan Evans (sh-evans)'s appointed proxy on Education Partnership (Megan Evans (sh-evans)'s appointed proxy is George Usman (px-evans)) (rule appointed-proxy: a proxy is the person the member appointed for this body)",
    hint: 'record the appointed proxy, or give the member this proxy in partnership.yaml ("proxy:"), or record them with "as: substitute" where the body allows substitutes',
  },
  {
    fixture: 'substitute-not-allowed',
    file: O,
    line: 10,
    col: 7,
    carets: 52,
    severity: 'error',
    code: 1,
    message: 'substitutes are not allowed on Education Partnership (rule substitutes-allowed: the body allows substitutes)',
    hint: 'allow them with "substitutes: { allowed: true }" on the body if the terms of reference do, or record the member as absent',
  },
  {
    fixture: 'member-as-proxy',
    file: O,
    line: 10,
    col: 7,
    carets: 35,
    severity: 'error',
    code: 1,
    message: 'Tom Clarke (sh-clarke) sits on Education Partnership in their own right, so counts once (rule not-a-member: a stand-in does not sit on the body in their own right)',
    hint: 'someone on the body counts once, as themselves: list them under "present:" only',
  },
  {
    fixture: 'chair-out-of-office',
    file: '2027-09-09-partnership/meeting.yaml',
    line: 2,
    col: 7,
    carets: 10,
    severity: 'warning',
    code: 0,
    message: 'the chair of Education Partnership, Dr Grace Okafor (chair-okafor), is not a member of it on Thursday 9 September 2027: their appointment ended on 2027-08-31',
    hint: 'renew chair-okafor\'s appointment in partnership.yaml, or name the body\'s chair on that date ("chair:" of bodies "partnership")',
  },
  {
    fixture: 'chair-out-of-office',
    file: '2027-09-09-partnership/meeting.yaml',
    line: 2,
    col: 7,
    carets: 10,
    severity: 'error',
    code: 1,
    today: '2027-09-10',
    message: 'the chair of Education Partnership, Dr Grace Okafor (chair-okafor), is not a member of it on Thursday 9 September 2027: their appointment ended on 2027-08-31',
    hint: 'renew chair-okafor\'s appointment in partnership.yaml, or name the body\'s chair on that date ("chair:" of bodies "partnership")',
  },
  {
    fixture: 'minutes-overdue',
    file: O,
    line: 2,
    col: 7,
    carets: 10,
    severity: 'warning',
    code: 0,
    message: 'minutes of the meeting on Thursday 8 October 2026 are overdue by 24 working days: they were due by Monday 19 October 2026 (within 7 working days of the meeting)',
    hint: 'write them with "wep minutes --meeting 2026-10-08-partnership" and record circulation with "wep minutes --circulated"',
  },
  {
    fixture: 'minutes-draft-overdue',
    file: O,
    line: 7,
    col: 3,
    carets: 13,
    severity: 'warning',
    code: 0,
    message: 'minutes of the meeting on Thursday 8 October 2026 are overdue by 24 working days: they were due by Monday 19 October 2026 (within 7 working days of the meeting)',
    hint: 'write them with "wep minutes --meeting 2026-10-08-partnership" and record circulation with "wep minutes --circulated"',
  },
];

describe('wep check: meeting records', () => {
  for (const k of CASES) {
    it(`${k.fixture} (${k.severity}): ${k.message.slice(0, 60)}`, async () => {
      const dir = repoWith(k.fixture);
      const r = await check(dir, k.today ?? '2026-11-22');
      const file = `meetings/${k.file}`;
      const lines = r.stderr.split('\n');
      const head = lines.findIndex((l) => l.startsWith(`${file}:${k.line}:${k.col}: ${k.severity}: ${k.message}`));
      expect(head, r.stderr).toBeGreaterThanOrEqual(0);
      const source = readFileSync(join(dir, file), 'utf8').split('\n')[k.line - 1]!;
      expect(lines[head + 2]).toBe(`${k.line} | ${source}`);
      expect(lines[head + 3]).toBe(`${' '.repeat(String(k.line).length)} | ${' '.repeat(k.col - 1)}${'^'.repeat(k.carets)}`);
      if (k.hint) expect(lines[head + 4]).toBe(`  fix: ${k.hint}`);
      expect(r.code).toBe(k.code);
      expect(r.stderr).not.toContain('internal error');
    });
  }

  it('says nothing about short notice when the agreement is recorded', async () => {
    const r = await check(repoWith('notice-late-agreed'), '2026-12-09');
    expect(aboutMeetings(r.stderr)).toEqual([]);
    expect(r.code).toBe(0);
  });

  it('finds nothing wrong with the bundled example meetings', async () => {
    const dir = tempRepo({ withMeetings: true, git: false });
    repos.push(dir);
    const r = await check(dir, '2026-11-22');
    expect(aboutMeetings(r.stderr)).toEqual([]);
    expect(r.code).toBe(0);
  });

  it('reports every problem in a record at once', async () => {
    const dir = tempRepo({ git: false });
    repos.push(dir);
    write(
      dir,
      `meetings/${P}`,
      ['body: partnership', 'date: 2026-12-10', 'start: "16:00"', 'called-by: chair-okafr', 'requested-by: sh-clark', 'agenda:', '  - { title: Budget, paper: papers/x.pdf }', ''].join('\n'),
    );
    const r = await check(dir, '2026-11-22');
    expect(r.stderr).toContain('unknown person "chair-okafr" (called-by)');
    expect(r.stderr).toContain('unknown person "sh-clark" (requested-by)');
    expect(r.stderr).toContain('paper "papers/x.pdf" for item 1 (Budget) is missing');
    expect(r.stderr).toContain('3 errors');
    expect(r.code).toBe(1);
  });
});
