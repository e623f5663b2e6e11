import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedMeetings } from '../helpers/minutes-fixtures.js';
import { removeRepo, tempRepo, wep } from '../helpers/wep.js';

describe('wep report attendance', () => {
  let dir: string;
  beforeAll(() => {
    dir = tempRepo();
    seedMeetings(dir);
  });
  afterAll(() => removeRepo(dir));
  const run = (args: string[], today = '2026-11-22') => wep(['report', 'attendance', ...args], { cwd: dir, today });

  it('Markdown per member, for this year by default', () => {
    const r = run([]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('# Attendance: Wokingham Education Partnership');
    expect(r.stdout).toContain('Thursday 1 January 2026 to Thursday 31 December 2026: 1 meeting with attendance recorded.');
    expect(r.stdout).toContain('| Member | Group | Meetings | Present | By proxy | Apologies | Absent | Attended |');
    expect(r.stdout).toContain('| Megan Evans | Wokingham Secondary Heads Federation | 1 | 0 | 1 | 0 | 0 | 100% |');
    expect(r.stdout).toContain('| Li Chen | Wokingham Primary Heads Partnership | 1 | 0 | 0 | 1 | 0 | 0% |');
    expect(r.stderr).toBe(''); // December has not happened yet: not "unrecorded"
  });

  it('per group as CSV, rows ending in CRLF', () => {
    const r = run(['--by', 'group', '--format', 'csv', '--year', '2026']);
    expect(r.stdout.endsWith('\r\n')).toBe(true);
    expect(r.stdout.split('\r\n').slice(0, 2)).toEqual([
      'group,name,members,member_meetings,present,proxy,apologies,absent,attended_percent',
      'primary-heads,Wokingham Primary Heads Partnership,4,4,2,0,1,1,50',
    ]);
  });

  it('JSON for a date range and a body, warning about held meetings with no attendance', () => {
    const j = JSON.parse(run(['--from', '2026-09-01', '--to', '2027-08-31', '--body', 'partnership', '--format', 'json']).stdout);
    expect(j).toMatchObject({ from: '2026-09-01', to: '2027-08-31', body: 'partnership', by: 'person', unrecorded: ['2026-12-10-partnership'] });
    expect(j.rows[0]).toEqual({ id: 'ph-ahmed', name: 'Samina Ahmed', group: 'primary-heads', meetings: 1, present: 1, proxy: 0, apologies: 0, absent: 0, attendedPercent: 100, marks: [{ meeting: '2026-10-08-partnership', mark: 'present' }] });
    const md = run(['--from', '2026-09-01', '--to', '2026-12-31'], '2026-12-20');
    expect(md.stderr).toContain('warning: no attendance recorded for 2026-12-10-partnership: left out of the counts');
  });

  it('refuses bad ranges', () => {
    const fails = (args: string[], message: string) => {
      const r = run(args);
      expect(r.stderr).toContain(`wep: error: ${message}`);
      expect(r.code).toBe(2);
    };
    fails(['--year', '2026', '--from', '2026-01-01'], 'give either --year or --from/--to, not both');
    fails(['--year', '26'], '"26" is not a year');
    fails(['--from', '2026-12-01', '--to', '2026-01-01'], '--from 2026-12-01 is after --to 2026-01-01');
    fails(['--from', '2026-02-30'], '"2026-02-30" is not a real date: February 2026 has 28 days (the --from date)');
    fails(['--body', 'partnershp'], 'no body "partnershp" in the partnership file');
  });
});
