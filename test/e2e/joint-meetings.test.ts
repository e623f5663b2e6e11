/**
 * A joint meeting of the Partnership and the Operational Group end to end, in the registers and
 * on the site: listed under each body (`wep meetings --body`, `wep decisions --body`,
 * `wep report attendance --body`, each body's page and attendance register), with the quorum of
 * each body by its own rules, and its minutes reached from the page of either body.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { read, tempRepos, wep, write } from '../helpers/wep.js';

const repo = tempRepos();
const TODAY = '2026-11-22';
const run = (args: string[], cwd: string) => wep(args, { cwd, today: TODAY });
const JOINT = '2026-11-12-partnership';
const MINUTE = 'Members of both bodies agreed the joint work plan Heron 8086.';
const BOARD = ['chair-okafor', 'ph-ahmed', 'ph-brown', 'sh-clarke', 'sh-francis', 'sf-iqbal', 'sf-jones'];

const textOf = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/&#39;/g, "'").replace(/\s+/g, ' ');

describe('wep attendance at a joint meeting', () => {
  it("reports the quorum of each body as wep quorum does, exit 0 though one body is short, and each body's result in --json", () => {
    const dir = repo();
    expect(run(['meeting', 'new', '2026-11-12', '--joint-with', 'operational-group'], dir).code).toBe(0);
    const file = `meetings/${JOINT}/meeting.yaml`;
    // the board is quorate; of the Operational Group only Nick Baker came (its quorum is 2)
    const flags = ['--meeting', JOINT, '--present', [...BOARD, 'op-baker'].join(','), '--apologies', 'op-cole'];
    const r = run(['attendance', ...flags], dir);
    // recording succeeds whatever the quorum, as for a meeting of one body; wep quorum exits 3
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines.slice(0, 4)).toEqual([`Recorded attendance in ${file}`, '', 'Education Partnership (joint meeting):', 'Quorate: Education Partnership, at the start of the meeting (7 counted)']);
    const og = lines.indexOf('Operational Group (joint meeting):');
    expect(og).toBeGreaterThan(4);
    expect(lines[og - 1]).toBe('');
    expect(lines[og + 1]).toBe('NOT QUORATE: at least 2 voting members: 1 of 2 (short by 1), at the start of the meeting');
    expect(r.stdout).toContain('Counted (1): Nick Baker (op-baker)');
    expect(r.stdout).toContain('Not quorate at any agenda item: decisions at these items must be flagged');
    const quorum = run(['quorum', '--meeting', JOINT], dir);
    expect(quorum.code).toBe(3);
    expect(r.stdout).toBe(`Recorded attendance in ${file}\n\n${quorum.stdout}`);

    const j = run(['attendance', ...flags, '--json'], dir);
    expect(j.code).toBe(0);
    const data = JSON.parse(j.stdout);
    expect(data).toMatchObject({ command: 'attendance', quorate: true, body: 'partnership', meeting: JOINT, file, changed: false, commit: null });
    expect(data.joint).toHaveLength(1);
    expect(data.joint[0]).toMatchObject({ quorate: false, body: 'operational-group', meeting: JOINT, item: null, inquorateItems: [1, 2, 3, 4, 5, 6, 7] });
    expect(data.joint[0].rules).toEqual([expect.objectContaining({ description: 'at least 2 voting members', required: 2, counted: 1, met: false, shortBy: 1 })]);
    expect(data.attendance).toMatchObject({ present: [...BOARD, 'op-baker'], apologies: ['op-cole'] });
    const { version: _v, command: _c, file: _f, changed: _ch, commit: _co, attendance: _a, ...quorumPart } = data;
    const { version: _qv, command: _qc, ...quorumDoc } = JSON.parse(run(['quorum', '--meeting', JOINT, '--json'], dir).stdout);
    expect(quorumPart).toEqual(quorumDoc);
  });
});

describe("each body's quorum at a joint meeting", () => {
  it('leaves out of "not counted" whoever counts for the other body', () => {
    const dir = repo();
    expect(run(['meeting', 'new', '2026-11-12', '--joint-with', 'operational-group'], dir).code).toBe(0);
    // sh-evans sent apologies and her proxy came for her (the Board); two officers came (the Operational Group)
    expect(run(['attendance', '--meeting', JOINT, '--present', [...BOARD, 'px-evans', 'op-baker', 'op-cole'].join(','), '--apologies', 'sh-evans'], dir).code).toBe(0);
    const j = JSON.parse(run(['quorum', '--meeting', JOINT, '--json'], dir).stdout);
    const notCounted = (r: { notCounted: { id: string }[] }) => r.notCounted.map((n) => n.id);
    expect(j.counted.map((c: { id: string }) => c.id)).toContain('px-evans');
    expect(j.joint[0].counted.map((c: { id: string }) => c.id)).toEqual(expect.arrayContaining(['op-baker', 'op-cole']));
    // neither report calls the other body's people "not counted"
    expect(notCounted(j)).not.toEqual(expect.arrayContaining(['op-baker']));
    expect(notCounted(j)).not.toContain('op-cole');
    expect(notCounted(j.joint[0])).not.toContain('px-evans');
    for (const id of BOARD) expect(notCounted(j.joint[0])).not.toContain(id);
    const text = run(['quorum', '--meeting', JOINT], dir).stdout;
    expect(text).not.toMatch(/George Usman \(px-evans\): .*not a member of Operational Group/);
  });
});

describe('wep attendance at a joint meeting judges each person by every body of the meeting', () => {
  it('records members of the other body, present or sending apologies, without calling them non-members', () => {
    const dir = repo();
    expect(run(['meeting', 'new', '2026-11-12', '--joint-with', 'operational-group'], dir).code).toBe(0);
    const file = `meetings/${JOINT}/meeting.yaml`;
    // apologies first: the forecast of each body knows Olivia Cole sits on the Operational Group
    const early = run(['attendance', '--meeting', JOINT, '--apologies', 'op-cole'], dir);
    expect(early.code).toBe(0);
    expect(early.stderr).not.toContain('not a member');
    expect(early.stderr).not.toContain('not members');
    expect(run(['quorum', '--meeting', JOINT], dir).stderr).not.toContain('not members');

    const r = run(['attendance', '--meeting', JOINT, '--present', [...BOARD, 'op-baker'].join(','), '--apologies', 'op-cole'], dir);
    expect(r.code).toBe(0);
    expect(r.stderr).not.toContain('not a member');
    expect(r.stderr).not.toContain('Nick Baker');
    expect(r.stderr).not.toContain('Olivia Cole');
    expect(r.stdout).toContain('Counted (1): Nick Baker (op-baker)');
    expect(read(dir, file)).toContain(`attendance:\n  present: [${[...BOARD, 'op-baker'].join(', ')}]\n  apologies: [op-cole]\n`);

    // someone on neither body is still named, with both bodies
    const stranger = run(['attendance', '--meeting', JOINT, '--apologies', 'px-ahmed'], dir);
    expect(stranger.code).toBe(0);
    expect(stranger.stderr).toContain('Ruth Patel (px-ahmed) is not a member of Education Partnership or Operational Group; apologies recorded anyway');
  });
});

describe('a joint meeting in the registers and on the site', () => {
  let dir: string;

  beforeAll(() => {
    dir = repo();
    expect(run(['meeting', 'new', '2026-11-12', '--joint-with', 'operational-group'], dir).code).toBe(0);
    // the board is quorate; of the Operational Group only Nick Baker came (its quorum is 2)
    expect(run(['attendance', '--meeting', JOINT, '--present', [...BOARD, 'op-baker'].join(','), '--apologies', 'op-cole'], dir).code).toBe(0);
    expect(run(['quorum', '--meeting', JOINT], dir).code).toBe(3);
    const yaml = read(dir, `meetings/${JOINT}/meeting.yaml`);
    write(dir, `meetings/${JOINT}/meeting.yaml`, `${yaml}decisions:\n  - { id: d1, item: 6, text: The joint work plan is agreed. }\nminutes:\n  status: approved\n`);
    write(dir, `meetings/${JOINT}/minutes.md`, `# Minutes\n\n## 6. ${JSON.parse(run(['agenda', '--meeting', JOINT, '--json'], dir).stdout).items[5].title}\n\n${MINUTE}\n\nDECISION: The joint work plan is agreed.\n`);
    // a meeting of the Operational Group alone, and one of the board alone
    write(dir, 'meetings/2026-10-01-operational-group/meeting.yaml', 'body: operational-group\ndate: 2026-10-01\nstart: "09:30"\nagenda: [{ title: Work plan, purpose: decision }]\nattendance:\n  present: [la-morgan, op-baker, op-cole]\ndecisions:\n  - { item: 1, text: The group work plan is noted. }\nminutes:\n  status: approved\n');
    write(dir, 'meetings/2026-10-08-partnership/meeting.yaml', `body: partnership\ndate: 2026-10-08\nstart: "16:00"\nagenda: [{ title: Budget, purpose: decision }]\nattendance:\n  present: [${BOARD.join(', ')}]\ndecisions:\n  - { item: 1, text: The board budget is approved. }\nminutes:\n  status: approved\n`);
  });

  it('wep check flags the decision, taken while one of the bodies was not quorate, naming it', () => {
    const r = run(['check'], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`error: decision ${JOINT}/d1 was recorded at item 6 while the meeting was not quorate (Operational Group: at least 2 voting members, short by 1)`);
    expect(r.stderr).toMatch(/\b1 error\b/);
  });

  it('wep meetings --body lists it under each of its bodies', () => {
    const ids = (body: string) => JSON.parse(run(['meetings', '--body', body, '--json'], dir).stdout).meetings.map((m: { id: string }) => m.id);
    expect(ids('partnership')).toEqual(['2026-10-08-partnership', JOINT]);
    expect(ids('operational-group')).toEqual(['2026-10-01-operational-group', JOINT]);
    const r = run(['meetings', '--body', 'operational-group'], dir);
    expect(r.stdout).toMatch(new RegExp(`${JOINT} .*joint meeting of the Education Partnership and the Operational Group\\n`));
    expect(JSON.parse(run(['meetings', '--json'], dir).stdout).meetings.find((m: { id: string }) => m.id === JOINT).bodies).toEqual(['partnership', 'operational-group']);
  });

  it("wep decisions --body lists its decisions in each body's register, with that body's quorum", () => {
    const of = (body: string) => JSON.parse(run(['decisions', '--body', body, '--json'], dir).stdout);
    const og = of('operational-group');
    expect(og.body).toBe('operational-group');
    expect(og.decisions.map((d: { ref: string; body: string; quorate: boolean }) => [d.ref, d.body, d.quorate])).toEqual([
      ['2026-10-01-operational-group/d1', 'operational-group', true],
      [`${JOINT}/d1`, 'operational-group', false],
    ]);
    expect(og.decisions[1].shortfall).toEqual([{ rule: 'at least 2 voting members', required: 2, counted: 1, shortBy: 1 }]);
    expect(of('partnership').decisions.map((d: { ref: string; quorate: boolean }) => [d.ref, d.quorate])).toEqual([
      ['2026-10-08-partnership/d1', true],
      [`${JOINT}/d1`, true],
    ]);
    // the whole register: one entry, not quorate until both bodies were, each body's quorum given
    const all = JSON.parse(run(['decisions', '--json'], dir).stdout).decisions.find((d: { ref: string }) => d.ref === `${JOINT}/d1`);
    expect(all).toMatchObject({ bodies: ['partnership', 'operational-group'], quorate: false, standing: 'awaiting-confirmation' });
    expect(all.joint.map((j: { body: string; quorate: boolean }) => [j.body, j.quorate])).toEqual([
      ['partnership', true],
      ['operational-group', false],
    ]);
    const text = run(['decisions'], dir).stdout;
    expect(text).toContain(`Joint meeting of the Education Partnership and the Operational Group, Thu 12 Nov 2026  ${JOINT}`);
    expect(text).toContain('Education Partnership: quorate; Operational Group: not quorate');
    expect(text).toContain('Operational Group: at least 2 voting members: short by 1');
  });

  it("wep report attendance --body counts each body's own members at it", () => {
    const rows = (body: string) => JSON.parse(run(['report', 'attendance', '--year', '2026', '--body', body, '--json'], dir).stdout);
    const og = rows('operational-group');
    expect(og.meetings.map((m: { id: string }) => m.id)).toEqual(['2026-10-01-operational-group', JOINT]);
    const ids = og.rows.map((r: { id: string }) => r.id);
    expect(ids).toEqual(expect.arrayContaining(['op-baker', 'op-cole', 'op-dunn', 'la-morgan']));
    expect(ids).not.toContain('ph-ahmed');
    expect(og.rows.find((r: { id: string }) => r.id === 'op-cole')).toMatchObject({ meetings: 2, present: 1, apologies: 1 });
    const board = rows('partnership');
    expect(board.meetings.map((m: { id: string }) => m.id)).toEqual(['2026-10-08-partnership', JOINT]);
    expect(board.rows.map((r: { id: string }) => r.id)).not.toContain('op-baker');
    expect(board.rows.find((r: { id: string }) => r.id === 'ph-ahmed')).toMatchObject({ meetings: 2, present: 2 });
  });

  it('an unknown --body is a clear error, exit 2', () => {
    for (const cmd of [['decisions'], ['meetings']]) {
      const r = run([...cmd, '--body', 'operational-grup'], dir);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('no body "operational-grup" in the partnership file');
      expect(r.stderr).toContain('operational-group');
      expect(r.stderr).not.toMatch(/\n\s+at /);
    }
  });

  describe('wep publish', () => {
    beforeAll(() => {
      expect(run(['publish'], dir).code).toBe(0);
    });

    it('lists it on the page of each body, which links to its minutes', () => {
      for (const body of ['partnership', 'operational-group']) {
        const page = read(dir, `site/bodies/${body}/index.html`);
        expect(page, body).toContain(`href="../../meetings/${JOINT}/index.html"`);
        expect(page, body).toContain('Education Partnership and Operational Group (joint meeting): Thursday 12 November 2026');
      }
      const meeting = read(dir, `site/meetings/${JOINT}/index.html`);
      expect(meeting).toContain(MINUTE);
      expect(meeting).toContain('<a href="../../bodies/partnership/index.html">Education Partnership</a> and <a href="../../bodies/operational-group/index.html">Operational Group</a> › meeting');
    });

    it('shows the quorum of each body, by its own rules', () => {
      const meeting = textOf(read(dir, `site/meetings/${JOINT}/index.html`));
      expect(meeting).toContain('The Education Partnership was quorate at the start.');
      expect(meeting).toContain('The Operational Group was not quorate at the start : it could discuss but not decide.');
      expect(meeting).toContain('at least 2 voting members 2 1 No');
      expect(meeting).toContain('Not quorate for the Operational Group');
    });

    it("is in each body's decisions, with that body's quorum, and in the register once", () => {
      const og = textOf(read(dir, 'site/bodies/operational-group/index.html'));
      expect(og).toContain('The joint work plan is agreed. Not quorate for the Operational Group');
      expect(og).toContain('The group work plan is noted.');
      expect(og).not.toContain('The board budget is approved.');
      const board = textOf(read(dir, 'site/bodies/partnership/index.html'));
      expect(board).toContain('The joint work plan is agreed.');
      expect(board).not.toContain('Not quorate');
      const register = textOf(read(dir, 'site/registers/decisions.html'));
      expect(register.match(/The joint work plan is agreed\./g)).toHaveLength(1);
      expect(register).toContain('Education Partnership and Operational Group (joint meeting) 6.');
    });

    it("counts it in each body's attendance register, for that body's members", () => {
      const page = read(dir, 'site/registers/attendance-2026.html');
      const og = textOf(page.slice(page.indexOf('<h2>Operational Group</h2>')));
      expect(og).toContain('2 meetings held with attendance recorded.');
      expect(og).toContain('Olivia Cole 1 0 1 0');
      expect(og).toContain('Nick Baker 2 0 0 0');
      const board = textOf(page.slice(page.indexOf('<h2>Education Partnership</h2>'), page.indexOf('<h2>Operational Group</h2>')));
      expect(board).toContain('2 meetings held with attendance recorded.');
      expect(board).not.toContain('Nick Baker');
    });
  });
});
