import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OCT, seedMeetings } from '../helpers/minutes-fixtures.js';
import { removeRepo, tempRepo, wep, write } from '../helpers/wep.js';

describe('wep decisions', () => {
  let dir: string;
  beforeAll(() => {
    dir = tempRepo();
    seedMeetings(dir);
    write(
      dir,
      'meetings/2026-07-09-partnership/meeting.yaml',
      [
        'body: partnership',
        'date: 2026-07-09',
        'start: "16:00"',
        'agenda: [{ title: Welcome }, { title: Budget, purpose: decision }]',
        'attendance:',
        '  present: [chair-okafor, ph-ahmed, ph-brown, sh-clarke, sh-francis, sf-iqbal, sf-jones]',
        'decisions:',
        '  - { item: 2, text: The budget is approved. }',
        '',
      ].join('\n'),
    );
  });
  afterAll(() => removeRepo(dir));

  it('lists decisions across meetings with the quorum at the time, flagging the inquorate', () => {
    const r = wep(['decisions'], { cwd: dir, today: '2026-11-22' });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Education Partnership, Thu 9 Jul 2026  2026-07-09-partnership');
    expect(r.stdout).toContain('d1   item 2 (Budget)\n       The budget is approved.\n       quorate');
    expect(r.stdout).toContain('d1   item 6 (Work plan 2027)\n       The work plan 2027 is approved.\n       NOT QUORATE');
    expect(r.stdout).toContain('at least 2 from Wokingham Primary Heads Partnership: short by 1');
    expect(r.stdout).toContain('2 decisions, 1 taken while not quorate, awaiting confirmation');
  });

  it('--json', () => {
    const ds = JSON.parse(wep(['decisions', '--json'], { cwd: dir, today: '2026-11-22' }).stdout).decisions;
    expect(ds[1]).toEqual({
      ref: `${OCT}/d1`,
      meeting: OCT,
      date: '2026-10-08',
      body: 'partnership',
      bodies: ['partnership'],
      joint: null,
      item: 6,
      itemTitle: 'Work plan 2027',
      text: 'The work plan 2027 is approved.',
      confidential: false,
      quorate: false,
      shortfall: [{ rule: 'at least 2 from Wokingham Primary Heads Partnership', required: 2, counted: 1, shortBy: 1 }],
      fromMinutesFile: false,
      votes: null,
      minuteRef: null,
      standing: 'awaiting-confirmation',
      confirmation: null,
    });
    expect(ds[0].quorate).toBe(true);
    expect(ds[0].standing).toBe('valid');
  });

  it('says so when there are none', () => {
    const empty = tempRepo();
    expect(wep(['decisions'], { cwd: empty, today: '2026-11-22' }).stdout).toContain('No decisions recorded yet.');
    removeRepo(empty);
  });
});
