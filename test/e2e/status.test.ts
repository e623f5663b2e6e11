import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEC, OCT, seedMeetings } from '../helpers/minutes-fixtures.js';
import { removeRepo, tempRepo, wep, write } from '../helpers/wep.js';

describe('wep status', () => {
  let dir: string;
  beforeAll(() => {
    dir = tempRepo();
    seedMeetings(dir);
  });
  afterAll(() => removeRepo(dir));

  it('one screen, most urgent first', () => {
    const r = wep(['status'], { cwd: dir, today: '2026-10-21' });
    expect(r.code).toBe(0);
    const out = r.stdout;
    expect(out).toContain('WEP: status on Wednesday 21 October 2026');
    expect(out).toContain('Next: Education Partnership, Thursday 10 December 2026 at 16:00; notice by Tue 1 Dec 2026 (in 29 working days)');
    expect(out).toContain('Overdue (1)\n  - Minutes of Education Partnership, Thu 8 Oct 2026 are OVERDUE: due Mon 19 Oct 2026, 2 working days late (not started)');
    expect(out).toContain(`wep minutes --meeting ${OCT}`);
    expect(out).toContain('Multi-Academy Trust Executive Heads: 1 of 1 seat vacant');
    expect(out).toContain("Rhian Davies's term of office (Wokingham Primary Heads Partnership) ends Thu 31 Dec 2026 (in 71 days); Wokingham Primary Heads Partnership elect a successor, or re-elect");
    expect(out.indexOf('Overdue')).toBeLessThan(out.indexOf('Coming up'));
    expect(out).not.toContain('not committed');
  });

  it('notices, actions and uncommitted files', () => {
    write(dir, 'meetings/2026-10-08-partnership/minutes.md', 'draft\n');
    const r = wep(['status'], { cwd: dir, today: '2026-12-03' });
    expect(r.stdout).toContain('Notice of Education Partnership, Thu 10 Dec 2026 is LATE: not sent, deadline was Tue 1 Dec 2026 (2 working days ago)');
    expect(r.stdout).toContain(`Action ${OCT}/a1 OVERDUE by 20 days (due Fri 13 Nov 2026, Owen Morgan): Propose an election process for the MAT seat`);
    expect(r.stdout).toContain('(drafted in minutes.md)');
    expect(r.stdout).toContain(`1 record file not committed to git: meetings/${OCT}/minutes.md`);
  });

  it('--json: the same items with their messages', () => {
    const j = JSON.parse(wep(['status', '--json'], { cwd: dir, today: '2026-11-22' }).stdout);
    expect(j.today).toBe('2026-11-22');
    expect(j.next).toEqual([{ meeting: DEC, body: 'partnership', date: '2026-12-10', start: '16:00', noticeBy: '2026-12-01', workingDaysToNotice: 7, noticeSent: null }]);
    expect(j.items[0]).toMatchObject({ kind: 'minutes-overdue', urgency: 'overdue', meeting: OCT, workingDaysLate: 24, drafted: true });
    expect(j.items.map((i: { kind: string }) => i.kind)).toEqual(expect.arrayContaining(['action-overdue', 'notice-due', 'vacancy', 'term-ending', 'uncommitted', 'actions-open']));
    for (const i of j.items) expect(typeof i.message).toBe('string');
  });
});
