/** `wep meeting new` end to end: the new record, the deadlines, the warnings, the refusals. */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXAMPLE, git, read, tempRepos, wep } from '../helpers/wep.js';
import { readFileSync } from 'node:fs';

const repo = tempRepos();

describe('wep meeting new', () => {
  const dir = repo();
  const r = wep(['meeting', 'new', '2027-02-04'], { cwd: dir });

  it('creates meeting.yaml with the standard agenda and prints the deadlines', () => {
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('Created meetings/2027-02-04-partnership/meeting.yaml with the standard agenda: add the business items, then run "wep notice --meeting 2027-02-04-partnership".');
    expect(r.stdout).toContain('Send notice by  Tuesday 26 January 2027  (no fewer than 7 working days before the meeting)');
    expect(r.stdout).toContain('Safe date       Monday 25 January 2027');
    expect(r.stdout).toContain('Minutes due by  Monday 15 February 2027  (within 7 working days of the meeting)');
    const yaml = read(dir, 'meetings/2027-02-04-partnership/meeting.yaml');
    expect(yaml).toContain('start: "16:00"\nend: "18:00"\nvenue:\n  name: Shute End Council Offices, Committee Room 1\n');
    expect(yaml).toContain('called-by: chair-okafor');
    const standard = [...yaml.matchAll(/standard: ([a-z-]+) \}/g)].map((m) => m[1]);
    expect(standard).toEqual(['apologies', 'proxies', 'declarations', 'previous-minutes', 'matters-arising', 'aob', 'next-meeting']);
  });

  it('the new record is valid: the agenda renders it', () => {
    const a = wep(['agenda', '--meeting', '2027-02-04-partnership'], { cwd: dir });
    expect(a.code).toBe(0);
    expect(a.stdout).toContain('7. Date of the next meeting');
  });

  it('refuses to replace an existing meeting', () => {
    const before = read(dir, 'meetings/2027-02-04-partnership/meeting.yaml');
    const again = wep(['meeting', 'new', '2027-02-04', '--time', '10:00'], { cwd: dir });
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('wep: error: meeting 2027-02-04-partnership already exists (meetings/2027-02-04-partnership/meeting.yaml); wep will not replace it');
    expect(again.stderr).toContain('fix: edit meetings/2027-02-04-partnership/meeting.yaml, or choose another date');
    expect(read(dir, 'meetings/2027-02-04-partnership/meeting.yaml')).toBe(before);
  });

  it('warns when the notice deadline has passed', () => {
    const late = wep(['meeting', 'new', '2026-11-26'], { cwd: dir });
    expect(late.code).toBe(0);
    expect(late.stderr).toContain('warning: the latest date to send notice (Tuesday 17 November 2026) has already passed: a meeting on this date needs shorter notice agreed');
  });

  it('warns when the date is not a working day, or in the past', () => {
    const xmas = wep(['meeting', 'new', '2026-12-25', '--body', 'operational-group'], { cwd: dir });
    expect(xmas.code).toBe(0);
    expect(xmas.stderr).toContain('warning: the meeting falls on a bank holiday (Friday 25 December 2026: Christmas Day (bank holiday)); deadlines are still counted from it');
    expect(read(dir, 'meetings/2026-12-25-operational-group/meeting.yaml')).toContain('start: "09:30"\nend: "11:00"\n');
    const sat = wep(['meeting', 'new', '2027-01-09'], { cwd: dir });
    expect(sat.stderr).toContain('warning: the meeting falls on a weekend');
    const past = wep(['meeting', 'new', '2026-11-02'], { cwd: dir });
    expect(past.stderr).toContain('warning: the meeting date 2026-11-02 is in the past');
  });

  it('takes a time, an end, a venue and the member who asked for it', () => {
    const x = wep(['meeting', 'new', '2027-03-04', '--time', '9:30', '--end', '11:00', '--venue', 'Oakwood Primary: hall', '--requested-by', 'sh-clarke'], { cwd: dir });
    expect(x.code).toBe(0);
    const yaml = read(dir, 'meetings/2027-03-04-partnership/meeting.yaml');
    expect(yaml).toContain('start: "09:30"\nend: "11:00"\nvenue:\n  name: "Oakwood Primary: hall"\n');
    expect(yaml).toContain('requested-by: sh-clarke');
    expect(wep(['agenda', '--meeting', '2027-03-04-partnership'], { cwd: dir }).stdout).toContain('9:30am to 11am, Oakwood Primary: hall');
    const notMember = wep(['meeting', 'new', '2027-03-11', '--requested-by', 'op-baker'], { cwd: dir });
    expect(notMember.stderr).toContain('warning: Nick Baker is not a member of the Education Partnership; the clerk calls extra meetings at the request of a member');
  });

  it('--commit commits the new record', () => {
    const c = wep(['meeting', 'new', '2027-05-06', '--commit'], { cwd: dir });
    expect(c.code).toBe(0);
    expect(git(['log', '-1', '--format=%s'], dir).trim()).toBe('New meeting 2027-05-06-partnership');
    expect(git(['show', '--name-only', '--format=', 'HEAD'], dir).trim()).toBe('meetings/2027-05-06-partnership/meeting.yaml');
  });
});

describe('wep meeting new: bad input', () => {
  const dir = repo({ git: false });
  const cases: [string[], string, string][] = [
    [['meeting', 'new', '2027-02-30'], '2027-02-30', 'fix: give the meeting date as YYYY-MM-DD'],
    [['meeting', 'new', '2027-02-04', '--time', '25:00'], 'wep: error: "25:00" is not a time (--time)', 'fix: give the time on the 24-hour clock as HH:MM, e.g. --time 16:00'],
    [['meeting', 'new', '2027-02-04', '--end', '4pm'], 'wep: error: "4pm" is not a time (--end)', 'fix: give the time on the 24-hour clock as HH:MM, e.g. --end 16:00'],
    [['meeting', 'new', '2027-02-04', '--time', '18:00', '--end', '17:00'], 'wep: error: the meeting would end (17:00) before it starts (18:00)', 'fix: check --time and --end (24-hour clock)'],
    [['meeting', 'new', '2027-02-04', '--requested-by', 'sh-clark'], 'wep: error: no person "sh-clark" in the partnership file (--requested-by)', 'fix: did you mean "sh-clarke"?'],
    [['meeting', 'new', '2027-02-04', '--body', 'operational-grp'], 'wep: error: no body "operational-grp" in the partnership file', 'fix: did you mean "operational-group"?'],
  ];
  for (const [args, message, hint] of cases) {
    it(args.slice(2).join(' '), () => {
      const r = wep(args, { cwd: dir });
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(message);
      expect(r.stderr).toContain(hint);
      expect(existsSync(join(dir, 'meetings/2027-02-04-partnership'))).toBe(false);
    });
  }

  it('a body with no usual start time needs --time', () => {
    const text = readFileSync(EXAMPLE, 'utf8').replace('    start: "09:30"\n    end: "11:00"\n', '');
    const d = repo({ git: false, partnership: text });
    const r = wep(['meeting', 'new', '2027-02-09', '--body', 'operational-group'], { cwd: d });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('wep: error: the Operational Group has no usual start time in the partnership file');
    expect(r.stderr).toContain('fix: give one with --time HH:MM, or add "start:" to the body');
    expect(wep(['meeting', 'new', '2027-02-09', '--body', 'operational-group', '--time', '10:00'], { cwd: d }).code).toBe(0);
  });
});
