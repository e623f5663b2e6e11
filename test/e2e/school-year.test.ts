/**
 * The school year end to end: term dates and closure ranges in the partnership file, meetings
 * in the holidays and clashes found by `wep check`, schedules that keep to term time and clear
 * of other meetings, term dates in `wep calendar`, and a joint meeting of two bodies.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { read, ROOT, tempRepos, wep, write } from '../helpers/wep.js';

const repo = tempRepos();
const TODAY = '2026-11-22';
const run = (args: string[], cwd: string) => wep(args, { cwd, today: TODAY });

describe('term dates and closures', () => {
  it('a meeting in the half-term is warned of, by meeting new and by check', () => {
    const dir = repo();
    const made = run(['meeting', 'new', '2027-02-18'], dir);
    expect(made.code).toBe(0);
    expect(made.stderr).toContain('warning: 2027-02-18 is in the school holidays (half-term of Spring 2027)');
    const check = run(['check'], dir);
    expect(check.code).toBe(0);
    expect(check.stderr).toMatch(/meetings\/2027-02-18-partnership\/meeting\.yaml:\d+:7: warning: the meeting on Thursday 18 February 2027 is in the school holidays \(half-term of Spring 2027\)/);
    expect(run(['meeting', 'new', '2027-02-25'], dir).stderr).not.toContain('school holidays');
  });

  it('a closure range is every day in it: deadlines skip them', () => {
    const r = JSON.parse(run(['deadlines', '2027-01-06', '--json'], repo()).stdout);
    const skipped = r.derivation.noticeBy.skipped.map((s: { date: string; reason: string }) => `${s.date} ${s.reason}`);
    for (const d of ['2026-12-29', '2026-12-30', '2026-12-31']) expect(skipped).toContain(`${d} closure: Council offices closed between Christmas and New Year`);
  });

  it('check refuses a closure with no date, and terms out of order', () => {
    const dir = repo();
    const text = read(dir, 'partnership.yaml')
      .replace('      - { from: 2026-12-29, to: 2026-12-31,', '      - { from: 2026-12-29,')
      .replace('{ name: Spring 2027, start: 2027-01-05,', '{ name: Spring 2027, start: 2026-12-01,');
    write(dir, 'partnership.yaml', text);
    const r = run(['check'], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('error: a closure range needs both "from" and "to"');
    expect(r.stderr).toContain('error: Spring 2027 starts (2026-12-01) before Autumn 2026 ends (2026-12-18)');
  });

  it('without term dates, check says so', () => {
    const dir = repo();
    write(dir, 'partnership.yaml', read(dir, 'partnership.yaml').replace(/\n {4}terms:\n( {6}- .*\n)+/, '\n'));
    const r = run(['check'], dir);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('warning: no term dates: wep schedule assumes the usual English pattern');
  });

  it('wep calendar shows the terms and half-terms', () => {
    const r = run(['calendar'], repo());
    expect(r.stdout).toContain('SUMMARY:WEP: Autumn 2026 term\r\n');
    expect(r.stdout).toContain('DTSTART;VALUE=DATE:20260903\r\nDTEND;VALUE=DATE:20261219\r\n');
    expect(r.stdout).toContain('SUMMARY:WEP: half-term\\, Spring 2027\r\n');
  });
});

describe('clashes and staggering', () => {
  it('check warns of two meetings at overlapping times with someone in common', () => {
    const dir = repo();
    expect(run(['meeting', 'new', '2027-01-14'], dir).code).toBe(0);
    expect(run(['meeting', 'new', '2027-01-14', '--body', 'operational-group', '--time', '17:00', '--end', '18:30'], dir).code).toBe(0);
    const r = run(['check'], dir);
    expect(r.stderr).toContain('meetings/2027-01-14-partnership/meeting.yaml');
    expect(r.stderr).toMatch(/warning: clashes with 2027-01-14-operational-group \(17:00 to 18:30\): Owen Morgan and the clerk, .*, are expected at both/);
    // at another time the same day there is no clash
    const other = repo();
    run(['meeting', 'new', '2027-01-14'], other);
    run(['meeting', 'new', '2027-01-14', '--body', 'operational-group'], other);
    expect(run(['check'], other).stderr).not.toContain('clashes');
  });

  it('schedule keeps clear of a meeting at the same time, and says why a day was passed over', () => {
    const dir = repo();
    run(['meeting', 'new', '2027-01-14', '--body', 'operational-group', '--time', '16:30'], dir);
    const r = run(['schedule', '--body', 'partnership', '--from', '2027-01-01', '--to', '2027-03-26', '--every', 'term', '--json'], dir);
    expect(r.code).toBe(0);
    const [first] = JSON.parse(r.stdout).meetings;
    expect(first.date).toBe('2027-01-21');
    expect(first.skipped).toEqual([{ date: '2027-01-14', reason: '2027-01-14-operational-group is then (16:30 to 18:00), with people in common' }]);
  });

  it('schedule follows the body\'s "meets:" when --every is not given', () => {
    const dir = repo({ partnership: readFileSync(join(ROOT, 'examples/central-bedfordshire.yaml'), 'utf8') });
    const r = run(['schedule', '--body', 'board', '--from', '2027-09-01', '--to', '2028-07-31', '--json'], dir);
    expect(r.code).toBe(0);
    const plan = JSON.parse(r.stdout);
    expect(plan.every).toBe('half-term');
    expect(plan.meetings).toHaveLength(6);
    const none = run(['schedule', '--body', 'partnership', '--from', '2027-09-01', '--to', '2028-07-31'], repo());
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('has no "meets:" in the partnership file');
  });
});

describe('a joint meeting', () => {
  it('one notice to the members of both bodies, quorum per body, actions carried under each', () => {
    const dir = repo();
    const made = run(['meeting', 'new', '2027-01-14', '--joint-with', 'operational-group'], dir);
    expect(made.code).toBe(0);
    const id = '2027-01-14-partnership';
    expect(read(dir, `meetings/${id}/meeting.yaml`)).toContain('joint-with: [operational-group]');
    expect(run(['check'], dir).code).toBe(0);

    const to = JSON.parse(run(['distribution', '--meeting', id, '--json'], dir).stdout).recipients.map((r: { id: string }) => r.id);
    expect(to).toContain('op-baker');
    expect(to).toContain('ph-ahmed');
    expect(to.filter((x: string) => x === 'la-morgan')).toHaveLength(1);

    const board = 'chair-okafor,ph-ahmed,ph-brown,sh-clarke,sh-francis,sf-iqbal,sf-jones';
    expect(run(['attendance', '--meeting', id, '--present', board], dir).code).toBe(0);
    const short = run(['quorum', '--meeting', id], dir);
    expect(short.code).toBe(3);
    expect(short.stdout).toContain('Education Partnership (joint meeting):');
    expect(short.stdout).toContain('Operational Group (joint meeting):');
    expect(run(['attendance', '--meeting', id, '--present', `${board},op-baker,op-cole`], dir).code).toBe(0);
    const both = run(['quorum', '--meeting', id, '--json'], dir);
    expect(both.code).toBe(0);
    const j = JSON.parse(both.stdout);
    expect(j).toMatchObject({ quorate: true, body: 'partnership', joint: [{ quorate: true, body: 'operational-group' }] });

    write(dir, `meetings/${id}/meeting.yaml`, `${read(dir, `meetings/${id}/meeting.yaml`)}actions:\n  - { id: a1, text: Draft the joint work plan, owner: op-baker, due: 2027-02-01, item: 1 }\n`);
    run(['meeting', 'new', '2027-02-04', '--body', 'operational-group'], dir);
    const agenda = run(['agenda', '--meeting', '2027-02-04-operational-group'], dir);
    expect(agenda.stdout).toContain('Draft the joint work plan');
    const bad = repo();
    write(bad, 'meetings/2027-01-14-partnership/meeting.yaml', 'body: partnership\njoint-with: [operational-grup]\ndate: 2027-01-14\nstart: "16:00"\nagenda: []\n');
    const r = run(['check'], bad);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('error: unknown body "operational-grup"');
  });
});
