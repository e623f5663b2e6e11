import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEC, OCT, seedMeetings } from '../helpers/minutes-fixtures.js';
import { read, removeRepo, tempRepo, wep, write } from '../helpers/wep.js';

const MIN = `meetings/${OCT}/minutes.md`;
const YAML = `meetings/${OCT}/meeting.yaml`;

describe('wep minutes: writing minutes.md', () => {
  let dir: string;
  beforeAll(() => {
    dir = tempRepo();
    seedMeetings(dir);
  });
  afterAll(() => removeRepo(dir));

  it('pre-fills minutes.md for the latest held meeting and records it as a draft', () => {
    const r = wep(['minutes'], { cwd: dir, today: '2026-10-12' });
    expect(r.stderr).toContain(`wep: using ${OCT}, the latest meeting held`);
    expect(r.stdout).toContain(`wrote ${MIN}`);
    expect(r.stdout).toContain('circulate by Monday 19 October 2026');
    expect(r.code).toBe(0);
    const md = read(dir, MIN);
    for (const s of [
      '# Wokingham Education Partnership: Education Partnership',
      'Minutes of the meeting held on Thursday 8 October 2026',
      '| **Time** | 4pm to 6pm |',
      '| **Venue** | Shute End Council Offices, Committee Room 1',
      '| **Chair** | Dr Grace Okafor |',
      '| **Clerk** | Jo Clerk |',
      '- **Wokingham Primary Heads Partnership:** Samina Ahmed (Headteacher, Oakwood Primary); Peter Brown',
      '- George Usman for Megan Evans',
      '**Officers in attendance:** Owen Morgan',
      '**Apologies:** Megan Evans; Li Chen',
      '**Absent without apologies:** Rhian Davies; Hannah Green; Ian Hughes; Preet Kaur; Claire Lewis',
      '**Quorum at the start of the meeting:** the meeting was quorate',
      '## 6. Work plan 2027',
      '> Quorum at this item: THE MEETING WAS NOT QUORATE',
      'at least 2 from Wokingham Primary Heads Partnership: 1 counted, 2 required, short by 1',
      'Samina Ahmed declared an interest (school named in the plan) and withdrew for this item.',
      'DECISION: The work plan 2027 is approved.',
      'ACTION: Propose an election process for the MAT seat — owner: la-morgan, due: 2026-11-13',
      'The next meeting will be held on Thursday 10 December 2026.',
      'HOW TO WRITE THESE MINUTES',
    ])
      expect(md).toContain(s);
    expect(r.stderr).toContain('decisions are recorded at item(s) 6 while the meeting was not quorate');
    const y = read(dir, YAML);
    expect(y).toContain('minutes:\n  status: draft\n');
    expect(y).toContain('# The autumn meeting: a comment the edits must keep');
    expect(y).toContain('  present: [chair-okafor, ph-ahmed'); // flow style kept as written
  });

  it('running it again with nothing changed leaves the file as it is', () => {
    const r = wep(['minutes', '--meeting', OCT], { cwd: dir, today: '2026-10-12' });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`${MIN} is up to date`);
  });

  it('never overwrites minutes the clerk has started; --force keeps a backup', () => {
    const edited = `${read(dir, MIN)}\nThe clerk's own words.\n`;
    write(dir, MIN, edited);
    const r = wep(['minutes', '--meeting', OCT], { cwd: dir, today: '2026-10-12' });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`wep: error: ${MIN} has been edited since wep wrote it; wep will not overwrite it`);
    expect(r.stderr).toContain('--force');
    expect(read(dir, MIN)).toBe(edited);
    const f = wep(['minutes', '--meeting', OCT, '--force'], { cwd: dir, today: '2026-10-12' });
    expect(f.code).toBe(0);
    expect(f.stdout).toContain(`your edited version is kept as ${MIN}.bak`);
    expect(read(dir, `${MIN}.bak`)).toBe(edited);
    expect(read(dir, MIN)).not.toContain("The clerk's own words.");
  });

  it('the clerk\'s ACTION and DECISION lines reach the registers, and circulation copies them into meeting.yaml', () => {
    const md = read(dir, MIN).replace('## 7. Attendance data\n', '## 7. Attendance data\n\nDECISION: The attendance report is noted.\nACTION: Send the attendance data to heads — owner: op-baker, due: 2026-10-30\n');
    write(dir, MIN, md);
    const acts = wep(['actions', '--json'], { cwd: dir, today: '2026-10-14' });
    expect(JSON.parse(acts.stdout).actions.map((a: { ref: string; fromMinutesFile: boolean }) => [a.ref, a.fromMinutesFile])).toEqual([
      [`${OCT}/a1`, false],
      [`${OCT}/a2`, true],
    ]);
    const r = wep(['minutes', '--circulated', '2026-10-14'], { cwd: dir, today: '2026-10-14' });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('minutes circulated');
    expect(r.stdout).toContain('on time: circulated Wednesday 14 October 2026, deadline Monday 19 October 2026');
    expect(r.stdout).toContain('copied from meetings/2026-10-08-partnership/minutes.md: 1 action(s), 1 decision(s)');
    const y = read(dir, YAML);
    expect(y).toContain('  - id: a2\n    text: Send the attendance data to heads\n    owner: op-baker\n    due: 2026-10-30\n    item: 7\n');
    expect(y).toContain('  - id: d2\n    item: 7\n    text: The attendance report is noted.\n');
    expect(y).toContain('minutes:\n  status: circulated\n  circulated: 2026-10-14\n');
    expect(y).toContain('  # carried forward to December');
    // no double counting once copied
    expect(JSON.parse(wep(['actions', '--json'], { cwd: dir, today: '2026-10-14' }).stdout).actions).toHaveLength(2);
  });

  it('approval at the next meeting and the chair\'s signature', () => {
    // Approval needs the approving meeting's attendance: wep cannot tell otherwise whether it was quorate.
    const refused = wep(['minutes', '--meeting', OCT, '--approved-at', DEC], { cwd: dir, today: '2026-12-10' });
    expect(refused.stderr).toContain(`wep: error: no attendance is recorded for ${DEC}, so wep cannot tell whether it was quorate at item 2 (Minutes of the last meeting), where it approved the minutes`);
    expect(refused.stderr).toContain(`fix: record its attendance first: wep attendance --meeting ${DEC}`);
    expect(refused.code).toBe(2);
    expect(wep(['attendance', '--meeting', DEC, '--present', 'chair-okafor,ph-ahmed,ph-brown,sh-clarke,sh-francis,sf-iqbal,sf-jones'], { cwd: dir, today: '2026-12-10' }).code).toBe(0);
    const r = wep(['minutes', '--meeting', OCT, '--approved-at', DEC, '--signed'], { cwd: dir, today: '2026-12-10' });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('minutes signed');
    expect(r.stdout).toContain(`approved at ${DEC}`);
    expect(r.stdout).toContain('signed by Dr Grace Okafor on Thursday 10 December 2026');
    expect(read(dir, YAML)).toContain(`minutes:\n  status: signed\n  circulated: 2026-10-14\n  approved-at: ${DEC}\n  signed:\n    by: chair-okafor\n    date: 2026-12-10\n`);
  });
});

describe('wep minutes: circulation against the deadline', () => {
  it('late by N working days', () => {
    const dir = tempRepo();
    seedMeetings(dir);
    // Deadline Mon 19 Oct 2026; Wed 21 Oct is 2 working days late.
    const r = wep(['minutes', '--meeting', OCT, '--circulated', '2026-10-21'], { cwd: dir, today: '2026-10-22' });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('late: circulated Wednesday 21 October 2026, 2 working days after the deadline of Monday 19 October 2026');
    expect(r.stderr).toContain(`warning: there is no meetings/${OCT}/minutes.md`);
    removeRepo(dir);
  });
});

describe('wep minutes: refusals', () => {
  let dir: string;
  beforeAll(() => {
    dir = tempRepo();
    seedMeetings(dir);
  });
  afterAll(() => removeRepo(dir));
  const fails = (args: string[], today: string, message: string, hint?: string) => {
    const r = wep(args, { cwd: dir, today });
    expect(r.stderr).toContain(`wep: error: ${message}`);
    if (hint) expect(r.stderr).toContain(`fix: ${hint}`);
    expect(r.code).toBe(2);
  };

  it('a meeting that has not happened yet', () =>
    fails(['minutes', '--meeting', DEC], '2026-11-22', `the meeting ${DEC} is on Thursday 10 December 2026, after today: minutes come after the meeting`));
  it('no meeting held yet', () => fails(['minutes'], '2026-01-01', 'no meeting held yet (on or before 2026-01-01) in meetings/'));
  it('a circulation date that is not a date', () => fails(['minutes', '--circulated', '2026-10-32'], '2026-11-22', '"2026-10-32" is not a real date: October 2026 has 31 days (the circulation date)', 'give the circulation date as YYYY-MM-DD'));
  it('circulated before the meeting', () => fails(['minutes', '--circulated', '2026-10-01'], '2026-11-22', 'minutes cannot be circulated (2026-10-01) before the meeting (2026-10-08)'));
  it('circulated in the future', () => fails(['minutes', '--circulated', '2026-11-30'], '2026-11-22', 'the circulation date 2026-11-30 is in the future (today is 2026-11-22)'));
  it('approved at an unknown meeting, with did-you-mean', () => fails(['minutes', '--approved-at', '2026-12-10-partnershp'], '2026-12-11', '--approved-at: no meeting "2026-12-10-partnershp" in meetings/', `did you mean "${DEC}"?`));
  it('approved at an earlier meeting', () => {
    write(dir, 'meetings/2026-07-09-partnership/meeting.yaml', 'body: partnership\ndate: 2026-07-09\nstart: "16:00"\nagenda: [{ title: A }]\n');
    fails(['minutes', '--meeting', OCT, '--approved-at', '2026-07-09-partnership'], '2026-12-11', 'minutes can only be approved at a later meeting: 2026-07-09-partnership is not after the meeting of 2026-10-08');
  });
  it('a cancelled meeting has no minutes', () => {
    write(dir, 'meetings/2026-11-05-partnership/meeting.yaml', 'body: partnership\ndate: 2026-11-05\nstart: "16:00"\nagenda: [{ title: A }]\ncancelled: { reason: snow }\n');
    fails(['minutes', '--meeting', '2026-11-05-partnership'], '2026-11-22', 'the meeting 2026-11-05-partnership was cancelled, so it has no minutes', 'cancelled: snow');
    expect(existsSync(join(dir, 'meetings/2026-11-05-partnership/minutes.md'))).toBe(false);
  });
  it('signing for a body with no chair', () => {
    const noChair = read(dir, 'partnership.yaml').replace('    chair: chair-okafor\n', '');
    write(dir, 'partnership.yaml', noChair);
    fails(['minutes', '--meeting', OCT, '--signed', '2026-11-20'], '2026-11-22', 'Education Partnership has no chair in the partnership file, so wep cannot tell who signed', 'add "chair: <person id>" to the body "partnership" in partnership.yaml');
  });
});

describe('a meeting from notice to approved minutes', () => {
  it('meeting new -> notice sent -> attendance -> minutes -> clerk\'s lines -> circulated -> approved and signed at the next meeting', () => {
    const dir = tempRepo();
    const FEB = '2027-02-04-partnership';
    const MAR = '2027-03-18-partnership';
    const step = (args: string[], today: string) => {
      const r = wep(args, { cwd: dir, today });
      expect(r.stderr.replace(/.*(the latest meeting held|warning:).*\n?/g, '')).toBe('');
      expect(r.code).toBe(0);
      return r;
    };
    step(['meeting', 'new', '2027-02-04'], '2027-01-10');
    step(['meeting', 'new', '2027-03-18'], '2027-01-10');
    step(['notice', '--meeting', FEB], '2027-01-20');
    step(['notice', '--meeting', FEB, '--sent', '2027-01-20'], '2027-01-20');
    step(['attendance', '--meeting', FEB, '--present', 'chair-okafor,ph-ahmed,ph-brown,sh-clarke,sh-francis,sf-iqbal,sf-jones', '--apologies', 'sh-evans'], '2027-02-04');
    step(['minutes'], '2027-02-05');
    const min = `meetings/${FEB}/minutes.md`;
    const md = read(dir, min);
    expect(md).toContain('**Quorum at the start of the meeting:** the meeting was quorate');
    // The clerk writes the minutes, with a decision and an action under the first numbered item.
    write(dir, min, md.replace(/^(## 1\. .*)$/m, '$1\n\nDECISION: The Partnership welcomed the new members.\nACTION: Send the induction pack — owner: la-morgan, due: 2027-02-26\n'));
    expect(JSON.parse(step(['status', '--json'], '2027-02-08').stdout).items[0]).toMatchObject({ kind: 'minutes-due', meeting: FEB, drafted: true });
    step(['minutes', '--circulated'], '2027-02-10');
    expect(read(dir, `meetings/${FEB}/meeting.yaml`)).toContain('text: Send the induction pack');
    // Carried into March, closed there, then the February minutes approved and signed.
    step(['minutes', '--meeting', MAR], '2027-03-19');
    expect(read(dir, `meetings/${MAR}/minutes.md`)).toContain(`${FEB}/a1: Send the induction pack (Owen Morgan, due 2027-02-26, overdue)`);
    step(['actions', 'done', `${FEB}/a1`, '--date', '2027-03-18'], '2027-03-19');
    step(['attendance', '--meeting', MAR, '--present', 'chair-okafor,ph-ahmed,ph-brown,sh-clarke,sh-francis,sf-iqbal,sf-jones'], '2027-03-19');
    step(['minutes', '--meeting', FEB, '--approved-at', MAR, '--signed', '2027-03-18'], '2027-03-19');
    const y = read(dir, `meetings/${FEB}/meeting.yaml`);
    expect(y).toContain(`done:\n      date: 2027-03-18\n      meeting: ${MAR}`);
    expect(y).toMatch(/minutes:\n {2}status: signed\n {2}circulated: 2027-02-10\n {2}approved-at: 2027-03-18-partnership\n {2}signed:\n {4}by: chair-okafor\n {4}date: 2027-03-18\n/);
    const items = JSON.parse(step(['status', '--json'], '2027-03-19').stdout).items;
    expect(items.filter((i: { meeting?: string; ref?: string }) => i.meeting === FEB || i.ref?.startsWith(FEB))).toEqual([]);
    removeRepo(dir);
  });
});
