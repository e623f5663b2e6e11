/** `wep schedule`: a year's plan with deadlines, --create, --commit, --json, and refusals. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { git, read, removeRepo, tempRepo, wep, write } from '../helpers/wep.js';

const repos: string[] = [];
function repo(partnership?: string): string {
  const d = tempRepo(partnership === undefined ? {} : { partnership });
  repos.push(d);
  return d;
}
afterAll(() => repos.forEach(removeRepo));

describe('wep schedule', () => {
  it('proposes one meeting per half-term with notice and minutes deadlines', () => {
    const cwd = repo();
    const r = wep(['schedule', '--body', 'partnership', '--from', '2027-09-01', '--to', '2028-07-31', '--every', 'half-term'], { cwd });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('Education Partnership: one meeting each half-term, on Thursdays at 4pm, 2027-09-01 to 2028-07-31');
    expect(r.stdout).toMatch(/Autumn 2027, first half\s+Thu 9 Sep 2027\s+Tue 31 Aug 2027\s+Mon 20 Sep 2027/);
    expect(r.stdout).toMatch(/Summer 2028, second half\s+Thu 15 Jun 2028/);
    expect(r.stdout.match(/^ {2}(Autumn|Spring|Summer) 20\d\d, (first|second) half /gm)).toHaveLength(6);
    expect(r.stdout).toContain('Notice: no fewer than 7 working days before the meeting. Minutes: within 7 working days of the meeting.');
    expect(existsSync(join(cwd, 'meetings', '2027-09-09-partnership'))).toBe(false);
  });

  it('--json: the stable shape', () => {
    const cwd = repo();
    const r = wep(['schedule', '--body', 'operational-group', '--from', '2027-04-01', '--to', '2027-05-31', '--every', 'month', '--weekday', 'mon', '--json'], { cwd });
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j).toEqual({
      version: 1,
      command: 'schedule',
      commit: null,
      body: 'operational-group',
      from: '2027-04-01',
      to: '2027-05-31',
      every: 'month',
      weekday: 'monday',
      start: '09:30',
      meetings: [
        {
          id: '2027-04-12-operational-group', date: '2027-04-12', slot: 'April 2027', noticeBy: '2027-04-05', noticeBySafe: '2027-04-02', minutesBy: '2027-04-21',
          skipped: [{ date: '2027-04-05', reason: 'school holiday between Spring 2027 and Summer 2027' }], assumption: null, warnings: [], status: 'proposed',
        },
        {
          id: '2027-05-10-operational-group', date: '2027-05-10', slot: 'May 2027', noticeBy: '2027-04-30', noticeBySafe: '2027-04-29', minutesBy: '2027-05-19',
          skipped: [{ date: '2027-05-03', reason: 'Early May bank holiday' }], assumption: null, warnings: [], status: 'proposed',
        },
      ],
      warnings: [],
    });
  });

  it('--create writes each meeting with the standard agenda; a second run leaves them alone; --commit commits exactly them', () => {
    const cwd = repo();
    const args = ['schedule', '--body', 'operational-group', '--from', '2027-01-04', '--to', '2027-03-31', '--every', '4-weeks', '--weekday', 'tue', '--time', '10:00', '--create', '--commit'];
    const r = wep(args, { cwd });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Created 3 meetings under meetings/.');
    expect(r.stdout).toMatch(/Committed [0-9a-f]+ \(\d+ files?\)\./);
    // Tue 30 March 2027 is in the Easter holidays: no meeting then
    const ids = ['2027-01-05-operational-group', '2027-02-02-operational-group', '2027-03-02-operational-group'];
    for (const id of ids) {
      const y = read(cwd, `meetings/${id}/meeting.yaml`);
      expect(y).toContain('body: operational-group');
      expect(y).toContain('start: "10:00"');
      expect(y).not.toContain('end:');
      expect(y).toContain('standard: apologies');
    }
    expect(git(['show', '--name-only', '--format=%s', 'HEAD'], cwd).trim().split('\n')).toEqual([
      'Schedule 3 meetings of the Operational Group',
      '',
      ...ids.map((id) => `meetings/${id}/meeting.yaml`),
    ]);
    expect(wep(['check'], { cwd }).code).toBe(0);

    write(cwd, `meetings/${ids[0]}/meeting.yaml`, `${read(cwd, `meetings/${ids[0]}/meeting.yaml`)}# my notes\n`);
    const again = wep(args.filter((a) => a !== '--commit'), { cwd });
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('Created 0 meetings under meetings/ (3 already there, left as they were).');
    expect(again.stdout).toMatch(/Tue 5 Jan 2027 .*exists/);
    expect(readFileSync(join(cwd, 'meetings', ids[0]!, 'meeting.yaml'), 'utf8')).toMatch(/# my notes\n$/);
  });

  it('warns about notice deadlines already past and slots left empty', () => {
    const cwd = repo();
    const r = wep(['schedule', '--body', 'partnership', '--from', '2026-11-23', '--to', '2027-01-08', '--every', '1-week', '--weekday', 'fri'], { cwd, today: '2026-11-22' });
    expect(r.code).toBe(0);
    // Christmas Day is in the school holidays: no meeting is due, so no warning either
    expect(r.stderr).not.toContain('no working Friday');
    expect(r.stdout).not.toContain('25 Dec 2026');
    expect(r.stderr).toMatch(/warning: 2026-11-27: the latest date to send notice \(.*\) has already passed/);
  });

  it('plans a Progress Board only within its lifespan', () => {
    const cwd = repo(readFileSync(join(__dirname, '../../examples/thurrock.yaml'), 'utf8'));
    const r = wep(['schedule', '--body', 'progress-board-dockside', '--from', '2026-09-01', '--to', '2027-07-31', '--every', 'month', '--weekday', 'wed'], { cwd });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('warning: the Progress Board, Dockside Primary exists from 2026-10-01 to 2027-03-31: only those dates are planned\n');
    // Thurrock's file gives no term dates: the usual pattern is used, and said
    expect(r.stderr).toContain('warning: 6 of the 6 dates rest on the usual English term pattern');
    expect(r.stdout).toContain('2026-10-01 to 2027-03-31');
    expect(r.stdout.match(/^ {2}\w+ 20\d\d/gm)).toHaveLength(6);
  });
});

describe('wep schedule refuses', () => {
  const cases: [string, string[], string][] = [
    ['an unknown interval', ['--every', 'yearly'], 'wep: error: --every: "yearly" is not an interval wep knows\n  fix: use term, half-term, month, or N-weeks such as 2-weeks or 6-weeks\n'],
    ['a weekend', ['--weekday', 'sat'], 'wep: error: --weekday: meetings are planned on working days, and Saturday is not one\n  fix: use mon, tue, wed, thu or fri\n'],
    ['a bad weekday', ['--weekday', 'thurs day'], 'wep: error: --weekday: "thurs day" is not a day of the week\n  fix: use mon, tue, wed, thu or fri\n'],
    ['a bad time', ['--time', '4pm'], 'wep: error: "4pm" is not a time (--time)\n  fix: give the time on the 24-hour clock as HH:MM, e.g. --time 16:00\n'],
    ['--commit without --create', ['--commit'], 'wep: error: --commit commits the meetings --create makes\n  fix: add --create, or leave out --commit\n'],
    ['--to before --from', ['--from', '2027-07-01', '--to', '2027-01-01'], 'wep: error: --to: 2027-01-01 is before the first date (2027-07-01)\n  fix: swap the two dates\n'],
    ['a bad date', ['--from', '2027-02-30'], 'wep: error: --from: "2027-02-30" is not a date in the form YYYY-MM-DD\n  fix: e.g. 2027-09-01\n'],
    ['more than three years', ['--to', '2031-07-31'], 'wep: error: 2027-09-01 to 2031-07-31 is more than three years\n  fix: plan a year or two at a time: bank holidays are announced only a few years ahead\n'],
    ['an unknown body', ['--body', 'partnershp'], 'wep: error: no body "partnershp" in the partnership file\n  fix: did you mean "partnership"?\n'],
  ];
  it.each(cases)('%s', (_name, extra, stderr) => {
    const cwd = repo();
    const base: Record<string, string> = { '--body': 'partnership', '--from': '2027-09-01', '--to': '2028-07-31', '--every': 'half-term' };
    const args = ['schedule'];
    const flags = new Map(Object.entries(base));
    const bare: string[] = [];
    for (let i = 0; i < extra.length; i++) {
      if (extra[i] === '--commit') bare.push('--commit');
      else flags.set(extra[i]!, extra[++i]!);
    }
    for (const [k, v] of flags) args.push(k, v);
    const r = wep([...args, ...bare], { cwd });
    expect(r.stderr).toBe(stderr);
    expect(r.code).toBe(2);
  });

  it('--create for a body with no usual start time, unless --time is given', () => {
    const cwd = repo(readFileSync(join(__dirname, '../../partnership.yaml'), 'utf8').replace('    start: "09:30"\n    end: "11:00"\n', ''));
    const args = ['schedule', '--body', 'operational-group', '--from', '2027-01-01', '--to', '2027-02-28', '--every', 'month', '--create'];
    const r = wep(args, { cwd });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('wep: error: the Operational Group has no usual start time in the partnership file\n  fix: give one with --time HH:MM, or add "start:" to the body\n');
    expect(existsSync(join(cwd, 'meetings', '2027-01-07-operational-group'))).toBe(false);
    expect(wep([...args, '--time', '9:30'], { cwd }).code).toBe(0);
    expect(read(cwd, 'meetings/2027-01-07-operational-group/meeting.yaml')).toContain('start: "09:30"');
  });
});
