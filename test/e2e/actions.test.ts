import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEC, OCT, seedMeetings } from '../helpers/minutes-fixtures.js';
import { read, removeRepo, tempRepo, wep, write } from '../helpers/wep.js';

describe('wep actions', () => {
  let dir: string;
  beforeAll(() => {
    dir = tempRepo();
    seedMeetings(dir);
    write(
      dir,
      'meetings/2026-07-09-partnership/meeting.yaml',
      'body: partnership\ndate: 2026-07-09\nstart: "16:00"\nagenda: [{ title: A }]\nactions:\n  - { id: a1, text: Old and done, owner: la-lewis, due: 2026-08-01, done: { date: 2026-07-30 } }\n  - { id: a2, text: Book the venue, owner: op-baker, due: 2026-12-31 }\n',
    );
  });
  afterAll(() => removeRepo(dir));

  it('lists the log across meetings with owner, due date and state', () => {
    const r = wep(['actions'], { cwd: dir, today: '2026-11-22' });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Education Partnership, Thu 9 Jul 2026  2026-07-09-partnership');
    expect(r.stdout).toContain('owner: Claire Lewis  done 2026-07-30');
    expect(r.stdout).toContain('owner: Owen Morgan  overdue by 9 days (due 2026-11-13)');
    expect(r.stdout).toContain('3 actions: 2 open, 1 overdue');
  });

  it('--open, --overdue and --owner filter; --json has a stable shape', () => {
    const ids = (args: string[]) => JSON.parse(wep(['actions', ...args, '--json'], { cwd: dir, today: '2026-11-22' }).stdout).actions.map((a: { ref: string }) => a.ref);
    expect(ids(['--open'])).toEqual(['2026-07-09-partnership/a2', `${OCT}/a1`]);
    expect(ids(['--overdue'])).toEqual([`${OCT}/a1`]);
    expect(ids(['--owner', 'op-baker'])).toEqual(['2026-07-09-partnership/a2']);
    const [a] = JSON.parse(wep(['actions', '--overdue', '--json'], { cwd: dir, today: '2026-11-22' }).stdout).actions;
    expect(a).toEqual({
      ref: `${OCT}/a1`,
      meeting: OCT,
      meetingDate: '2026-10-08',
      body: 'partnership',
      id: 'a1',
      item: 6,
      text: 'Propose an election process for the MAT seat',
      owner: 'la-morgan',
      ownerName: 'Owen Morgan',
      due: '2026-11-13',
      status: 'overdue',
      done: null,
      fromMinutesFile: false,
    });
    expect(wep(['actions', '--open', '--owner', 'sf-kaur'], { cwd: dir, today: '2026-11-22' }).stdout).toContain('No open actions for Preet Kaur.');
  });

  it('an unknown --owner is refused with did-you-mean', () => {
    const r = wep(['actions', '--owner', 'la-morgen'], { cwd: dir, today: '2026-11-22' });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('wep: error: no person "la-morgen" in the partnership file');
    expect(r.stderr).toContain('fix: did you mean "la-morgan"?');
  });

  it('open actions are carried into the next meeting\'s minutes under matters arising', () => {
    const r = wep(['minutes', '--meeting', DEC], { cwd: dir, today: '2026-12-11' });
    expect(r.code).toBe(0);
    const md = read(dir, `meetings/${DEC}/minutes.md`);
    expect(md).toContain(`- ${OCT}/a1: Propose an election process for the MAT seat (Owen Morgan, due 2026-11-13, overdue)`);
    expect(md).toContain('The minutes of the meeting held on Thursday 8 October 2026 were approved as a correct record');
  });

  it('done closes one, recording the date and the meeting held that day', () => {
    const r = wep(['actions', 'done', `${OCT}/a1`, '--note', 'Paper tabled'], { cwd: dir, today: '2026-12-10' });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`closed ${OCT}/a1: Propose an election process for the MAT seat (Owen Morgan)`);
    expect(r.stdout).toContain(`on Thursday 10 December 2026 at ${DEC}`);
    const y = read(dir, `meetings/${OCT}/meeting.yaml`);
    expect(y).toContain(`    item: 6\n    done:\n      date: 2026-12-10\n      meeting: ${DEC}\n      note: Paper tabled\n`);
    expect(y).toContain('  # carried forward to December');
    expect(JSON.parse(wep(['actions', '--open', '--json'], { cwd: dir, today: '2026-12-10' }).stdout).actions.map((a: { ref: string }) => a.ref)).toEqual(['2026-07-09-partnership/a2']);
    const b = wep(['actions', 'done', '2026-07-09-partnership/a2', '--date', '2026-11-02'], { cwd: dir, today: '2026-12-10' });
    expect(b.stdout).toContain('between meetings; add --meeting ID to record where');
  });

  it('done refuses what it cannot do', () => {
    const fails = (args: string[], message: string, hint?: string) => {
      const r = wep(['actions', 'done', ...args], { cwd: dir, today: '2026-12-10' });
      expect(r.stderr).toContain(`wep: error: ${message}`);
      if (hint) expect(r.stderr).toContain(`fix: ${hint}`);
      expect(r.code).toBe(2);
    };
    fails(['a1'], '"a1" is not an action id', 'write it as <meeting>/<action>');
    fails([`${OCT}/a9`], `meeting ${OCT} has no action "a9"`, 'did you mean "a1"?');
    fails([`${OCT}/a1`], `action ${OCT}/a1 is already closed (2026-12-10 at ${DEC})`);
    fails([`2026-07-09-partnership/a1`], 'action 2026-07-09-partnership/a1 is already closed (2026-07-30)');
    write(dir, 'meetings/2026-07-09-partnership/meeting.yaml', read(dir, 'meetings/2026-07-09-partnership/meeting.yaml') + '  - { id: a3, text: New, owner: op-baker }\n');
    fails(['2026-07-09-partnership/a3', '--date', '2026-13-01'], '"2026-13-01" has no month 13: months run from 01 to 12 (the date closed)', 'give the date closed as YYYY-MM-DD');
    fails(['2026-07-09-partnership/a3', '--date', '2026-12-25'], 'the date closed 2026-12-25 is in the future (today is 2026-12-10)');
    fails(['2026-07-09-partnership/a3', '--date', '2026-07-01'], 'the date closed 2026-07-01 is before the meeting that set the action (2026-07-09)');
    fails(['2026-07-09-partnership/a3', '--meeting', '2026-12-11-partnership'], '--meeting: no meeting "2026-12-11-partnership" in meetings/');
  });
});
