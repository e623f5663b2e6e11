/** `wep deadlines` end to end on the bundled example (England and Wales, closure on 24 December 2026). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { read, removeRepo, tempRepo, wep, write } from '../helpers/wep.js';

let dir: string;
beforeAll(() => {
  dir = tempRepo({ git: false });
});
afterAll(() => removeRepo(dir));

describe('wep deadlines', () => {
  it('a January 2027 meeting: the working shown across Christmas, New Year and the closure day', () => {
    const r = wep(['deadlines', '2027-01-07'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const lines = r.stdout.split('\n');
    expect(lines.slice(0, 3)).toEqual([
      'Education Partnership: meeting on Thursday 7 January 2027',
      '',
      '  Send notice by  Wednesday 23 December 2026  (no fewer than 7 working days before the meeting)',
    ]);
    expect(lines).toContain('      Wed 23 Dec 2026  day 7');
    expect(lines).toContain('      Thu 24 Dec 2026  skipped: closure: Council offices closed (Christmas Eve)');
    expect(lines).toContain('      Fri 25 Dec 2026  skipped: Christmas Day (bank holiday)');
    expect(lines).toContain('      Sat 26 Dec 2026  skipped: Saturday');
    expect(lines).toContain('      Mon 28 Dec 2026  skipped: Boxing Day (substitute day)');
    expect(lines).toContain("      Fri 1 Jan 2027   skipped: New Year's Day (bank holiday)");
    expect(lines).toContain('      Wed 6 Jan 2027   day 1');
    expect(lines).toContain('  Safe date       Tuesday 22 December 2026  (strict reading: 7 whole working days between the day of sending and the meeting)');
    expect(lines).toContain('  Minutes due by  Monday 18 January 2027  (within 7 working days of the meeting)');
    expect(lines).toContain('      Mon 18 Jan 2027  day 7');
  });

  it('--json: meeting, body, noticeBy, noticeBySafe, minutesBy (ISO dates) and warnings', () => {
    const r = wep(['deadlines', '2027-01-07', '--json'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const j = JSON.parse(r.stdout);
    expect(j).toMatchObject({ meeting: '2027-01-07', body: 'partnership', noticeBy: '2026-12-23', noticeBySafe: '2026-12-22', minutesBy: '2027-01-18', warnings: [] });
    expect(j.derivation.noticeBy.skipped).toContainEqual({ date: '2026-12-28', reason: 'Boxing Day (substitute day)' });
    expect(j.derivation.noticeBy.counted).toHaveLength(7);
  });

  it('--body uses that body\'s rules (5 working days for the Operational Group)', () => {
    const j = JSON.parse(wep(['deadlines', '2026-12-10', '--body', 'operational-group', '--json'], { cwd: dir }).stdout);
    expect(j).toMatchObject({ body: 'operational-group', noticeBy: '2026-12-03', noticeBySafe: '2026-12-02', minutesBy: '2026-12-21' });
    const bad = wep(['deadlines', '2026-12-10', '--body', 'partnershp'], { cwd: dir });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe('wep: error: no body "partnershp" in the partnership file\n  fix: did you mean "partnership"?\n');
  });

  it('Easter 2026 and a Scottish partnership', () => {
    expect(JSON.parse(wep(['deadlines', '2026-04-09', '--json'], { cwd: dir, today: '2026-01-05' }).stdout).noticeBy).toBe('2026-03-27');
    const sc = tempRepo({ git: false });
    try {
      write(sc, 'partnership.yaml', read(sc, 'partnership.yaml').replace('nation: england-and-wales', 'nation: scotland'));
      expect(JSON.parse(wep(['deadlines', '2026-04-09', '--json'], { cwd: sc, today: '2026-01-05' }).stdout).noticeBy).toBe('2026-03-30');
      const j = JSON.parse(wep(['deadlines', '2027-01-07', '--json'], { cwd: sc }).stdout);
      expect(j.noticeBy).toBe('2026-12-22'); // 4 January 2027 is the 2 January substitute in Scotland
      expect(j.derivation.noticeBy.skipped).toContainEqual({ date: '2027-01-04', reason: 'January 2nd (substitute day)' });
    } finally {
      removeRepo(sc);
    }
  });

  it('warns, on stderr, when the meeting falls on a weekend or a bank holiday', () => {
    const sat = wep(['deadlines', '2026-12-26'], { cwd: dir });
    expect(sat.code).toBe(0);
    expect(sat.stdout).toContain('meeting on Saturday 26 December 2026');
    expect(sat.stderr).toBe('warning: the meeting falls on a weekend (Saturday 26 December 2026: Saturday); deadlines are still counted from it\n');
    const bh = JSON.parse(wep(['deadlines', '2026-12-28', '--json'], { cwd: dir }).stdout);
    expect(bh.warnings).toEqual(['the meeting falls on a bank holiday (Monday 28 December 2026: Boxing Day (substitute day)); deadlines are still counted from it']);
  });

  it('warns when the notice date has already passed (today from WEP_TODAY)', () => {
    const r = wep(['deadlines', '2026-12-10'], { cwd: dir, today: '2026-12-05' });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('  Send notice by  Tuesday 1 December 2026');
    expect(r.stderr).toBe('warning: the latest date to send notice (Tuesday 1 December 2026) has already passed: a meeting on this date needs shorter notice agreed\n');
    expect(JSON.parse(wep(['deadlines', '2026-12-10', '--json'], { cwd: dir, today: '2026-12-01' }).stdout).warnings).toEqual([]);
  });

  it('warns when the calendar has no data for the year', () => {
    const r = wep(['deadlines', '2041-01-10', '--json'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).warnings).toEqual([
      "the bank-holiday calendar has no data for 2041 (it covers 2015-2040): only weekends and the file's closure days were skipped; add that year's bank holidays as closure days",
    ]);
  });

  it.each([
    ['2026-13-01', '"2026-13-01" has no month 13: months run from 01 to 12 (the meeting date)'],
    ['2026-02-30', '"2026-02-30" is not a real date: February 2026 has 28 days (the meeting date)'],
    ['tomorrow', '"tomorrow" is not a date in the form YYYY-MM-DD (the meeting date)'],
    ['10/12/2026', '"10/12/2026" is not a date in the form YYYY-MM-DD (the meeting date)'],
  ])('a bad date %s: exit 2 and the expected form', (arg, message) => {
    const r = wep(['deadlines', arg], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(`wep: error: ${message}\n  fix: give the meeting date as YYYY-MM-DD, e.g. 2026-12-10\n`);
  });

  it('a missing date argument is a usage error: exit 2', () => {
    const r = wep(['deadlines'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("error: missing required argument 'date'");
  });
});
