/** `wep meetings` end to end: the state of every meeting on a given day. */
import { afterAll, describe, expect, it } from 'vitest';
import { read, removeRepo, tempRepo, wep, write } from '../helpers/wep.js';

const repos: string[] = [];
afterAll(() => repos.forEach(removeRepo));
const repo = (withMeetings = true) => {
  const dir = tempRepo({ withMeetings, git: false });
  repos.push(dir);
  return dir;
};
const line = (out: string, id: string) => out.split('\n').find((l) => l.startsWith(id)) ?? '';

describe('wep meetings', () => {
  const dir = repo();

  it('shows each meeting with its state', () => {
    const r = wep(['meetings'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(line(r.stdout, '2026-10-08-partnership')).toContain('Thu 8 Oct 2026   16:00  held; minutes circulated Thu 15 Oct 2026, on time');
    expect(line(r.stdout, '2026-12-10-partnership')).toContain('Thu 10 Dec 2026  16:00  notice due by Tue 1 Dec 2026 (7 working days left)');
  });

  it('notice overdue, sent late, minutes due and overdue, approved', () => {
    expect(line(wep(['meetings'], { cwd: dir, today: '2026-12-03' }).stdout, '2026-12-10-partnership')).toContain('notice overdue: was due by Tue 1 Dec 2026 (2 working days ago)');
    expect(line(wep(['meetings'], { cwd: dir, today: '2026-12-10' }).stdout, '2026-12-10-partnership')).toContain('held; minutes due by Mon 21 Dec 2026 (7 working days left)');
    expect(line(wep(['meetings'], { cwd: dir, today: '2026-12-22' }).stdout, '2026-12-10-partnership')).toContain('held; minutes overdue: were due by Mon 21 Dec 2026 (1 working day ago)');
    const path = 'meetings/2026-12-10-partnership/meeting.yaml';
    write(dir, path, `${read(dir, path)}notice:\n  sent: 2026-12-03\n`);
    expect(line(wep(['meetings'], { cwd: dir, today: '2026-12-04' }).stdout, '2026-12-10-partnership')).toContain('notice sent Thu 3 Dec 2026, 2 working days late');
    const old = 'meetings/2026-10-08-partnership/meeting.yaml';
    write(dir, old, read(dir, old).replace('  status: circulated\n', '  status: approved\n  approved-at: 2026-12-10-partnership\n'));
    expect(line(wep(['meetings'], { cwd: dir }).stdout, '2026-10-08-partnership')).toContain('held; minutes approved at 2026-12-10-partnership');
  });

  it('--json: a stable shape', () => {
    const r = wep(['meetings', '--json'], { cwd: repo() });
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc).toMatchObject({ version: 1, command: 'meetings' });
    const list = doc.meetings as Record<string, unknown>[];
    const dec = list.find((m) => m.id === '2026-12-10-partnership')!;
    expect(dec).toEqual({
      id: '2026-12-10-partnership',
      date: '2026-12-10',
      body: 'partnership',
      bodies: ['partnership'],
      start: '16:00',
      end: '18:00',
      state: 'notice-due',
      held: false,
      workingDaysLeft: 7,
      notice: { by: '2026-12-01', safeBy: '2026-11-30', sent: null, onTime: null, workingDaysLate: 0, shortNotice: null },
      minutes: { by: '2026-12-21', status: null, circulated: null, onTime: null, workingDaysLate: 0, approvedAt: null },
    });
  });

  it('no meetings yet', () => {
    const r = wep(['meetings'], { cwd: repo(false) });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('No meetings yet. Create one with "wep meeting new YYYY-MM-DD".\n');
  });

  it('a meeting of an unknown body is an error that points at the record', () => {
    const d = repo(false);
    write(d, 'meetings/2026-12-10-partnershp/meeting.yaml', 'body: partnershp\ndate: 2026-12-10\nstart: "16:00"\nagenda: []\n');
    const r = wep(['meetings'], { cwd: d });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('wep: error: meetings/2026-12-10-partnershp/meeting.yaml: unknown body "partnershp"');
    expect(r.stderr).toContain('fix: did you mean "partnership"?; "wep check" lists every problem');
  });
});
