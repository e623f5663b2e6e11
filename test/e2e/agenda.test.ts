/** `wep agenda` end to end. */
import { describe, expect, it } from 'vitest';
import { tempRepos, wep, write } from '../helpers/wep.js';

const repo = tempRepos({ withMeetings: true, git: false });

describe('wep agenda', () => {
  const dir = repo();

  it('renders the next meeting, says which, standard items in order, open actions under matters arising', () => {
    const r = wep(['agenda'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('wep: using 2026-12-10-partnership, the next upcoming meeting (choose another with --meeting ID)\n');
    const lines = r.stdout.split('\n');
    expect(lines.slice(0, 2)).toEqual(['Wokingham Education Partnership: Education Partnership', 'Thursday 10 December 2026, 4pm to 6pm, Shute End Council Offices, Committee Room 1']);
    const titles = lines.filter((l) => /^\s*\d+\. /.test(l)).map((l) => l.trim());
    expect(titles[0]).toBe('1. Welcome and apologies');
    expect(titles[4]).toBe('5. Matters arising and the action log');
    expect(titles[5]).toBe('6. School place planning 2027-28  for decision');
    expect(titles[8]).toBe('9. Commissioning of working groups 2027-28 (budget)  for decision, confidential');
    expect(titles.at(-1)).toBe('11. Date of the next meeting');
    expect(r.stdout).toContain('    - 2026-10-08-partnership/a1 Propose an election process for the Multi-Academy Trust Executive Heads seat (Owen Morgan, due 2026-11-30)');
    expect(r.stdout).not.toContain('2026-10-08-partnership/a2');
    expect(r.stdout).toContain('    presented by Owen Morgan; paper: papers/place-planning-2027-28.md');
    expect(r.stdout).toContain('    Minutes of the meeting held on Thursday 8 October 2026 (circulated)');
  });

  it('--json', () => {
    const r = wep(['agenda', '--meeting', '2026-12-10-partnership', '--json'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const a = JSON.parse(r.stdout);
    expect(a).toMatchObject({ meeting: '2026-12-10-partnership', body: 'partnership', date: '2026-12-10' });
    expect(a.items[5]).toEqual({
      number: 6,
      title: 'School place planning 2027-28',
      standard: null,
      presenter: 'Owen Morgan',
      presenterId: 'la-morgan',
      paper: 'papers/place-planning-2027-28.md',
      purpose: 'decision',
      confidential: false,
      notes: [],
      actions: [],
    });
    expect(a.items[4].actions[0]).toMatchObject({ ref: '2026-10-08-partnership/a1', owner: 'la-morgan', overdue: true });
  });

  it('an action past its due date shows as overdue', () => {
    expect(wep(['agenda'], { cwd: dir, today: '2026-12-01' }).stdout).toContain('(Owen Morgan, due 2026-11-30) overdue');
  });

  it('an invalid record is reported with its place', () => {
    const d = repo();
    write(d, 'meetings/2027-02-04-partnership/meeting.yaml', 'body: partnership\ndate: 2027-02-04\nstart: "4pm"\nagenda: []\n');
    const r = wep(['agenda', '--meeting', '2027-02-04-partnership'], { cwd: d });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('meetings/2027-02-04-partnership/meeting.yaml:3:8: error: expected a time (HH:MM, 24-hour clock), found "4pm"');
  });
});
