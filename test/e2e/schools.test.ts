/**
 * Schools as the unit, end to end, on the Central Bedfordshire preset: quorum counted by school,
 * lists by school, and the schools not represented. (The checks of the schools register are in
 * check.test.ts, one fixture each.)
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, tempRepos, wep } from '../helpers/wep.js';

const CB = readFileSync(join(ROOT, 'examples/central-bedfordshire.yaml'), 'utf8');
const repo = tempRepos();

describe('Central Bedfordshire: clusters counted by school', () => {
  const dir = repo({ partnership: CB });

  it('a cluster is quorate with half its schools represented, a school counted once', () => {
    // the head and the chair of governors of Chalkdown, and the head of Downland: 2 of 4 schools
    const r = wep(['quorum', '--body', 'cluster-dunstable', '--present', 'h-ibbotson,gov-quinn,h-jenkins'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Quorate: Dunstable cluster, at the start of the meeting (2 counted)');
    expect(r.stdout).toContain('  1/2 of 4 schools represented, rounded up         2        2  yes         -');
    expect(r.stdout).toContain('  Schools represented: 2 of 4; not represented: Skylark Middle School, Hawthorn Lower School');
    expect(r.stdout).toContain('  Grace Quinn (gov-quinn): not a member of Dunstable cluster');
  });

  it('one school is not enough, and the result says who could fix it', () => {
    const r = wep(['quorum', '--body', 'cluster-dunstable', '--present', 'h-ibbotson,px-ibbotson', '--json'], { cwd: dir });
    expect(r.code).toBe(3);
    const j = JSON.parse(r.stdout);
    expect(j.rules[0]).toMatchObject({ kind: 'schools-represented', required: 2, counted: 1, met: false, shortBy: 1 });
    expect(j.rules[0].schools).toEqual({ total: 4, represented: [{ school: 'chalkdown-lower', by: ['h-ibbotson'] }], notRepresented: ['downland-academy', 'skylark-middle', 'hawthorn-lower'] });
    expect(j.rules[0].couldFix.map((f: { id: string }) => f.id)).toEqual(['h-jenkins', 'h-kowalski', 'h-lambert']);
  });

  it('lists by school: heads of church schools include church academies; heads by phase and alliance; no governors', () => {
    const list = (id: string) => wep(['distribution', id], { cwd: dir }).stdout.trim();
    expect(list('church-school-heads')).toBe(
      'head@larkrise-lower.example.org, head@riverbank-lower.example.org, head@orchard-middle.example.org, head@skylark-middle.example.org, head@elmtree-lower.example.org, head@ivelside-middle.example.org, head@cornflower-lower.example.org',
    );
    expect(list('middle-school-heads')).toBe('head@kestrel-middle.example.org, head@orchard-middle.example.org, head@skylark-middle.example.org, head@mallard-middle.example.org, head@ivelside-middle.example.org, head@poppyfield-middle.example.org');
    expect(list('chiltern-tsa')).toBe('head@chalkdown-lower.example.org, head@downland-academy.example.org, head@foxglove-lower.example.org, head@kingfisher-upper.example.org');
    expect(list('all-heads')).not.toContain('governors');
    expect(list('all-heads').split(', ')).toHaveLength(28);
  });

  it('report attendance lists the schools not represented, for a meeting and for a year', () => {
    for (const [date, present] of [
      ['2027-02-04', 'h-ibbotson,h-jenkins,h-kowalski'],
      ['2027-03-25', 'h-ibbotson,px-ibbotson'],
    ] as const) {
      expect(wep(['meeting', 'new', date, '--body', 'cluster-dunstable'], { cwd: dir }).code).toBe(0);
      expect(wep(['attendance', '--meeting', `${date}-cluster-dunstable`, '--present', present], { cwd: dir, today: date }).code).toBe(0);
    }
    const one = wep(['report', 'attendance', '--meeting', '2027-02-04-cluster-dunstable', '--not-represented'], { cwd: dir, today: '2027-04-01' });
    expect(one.code).toBe(0);
    expect(one.stdout).toContain('## Schools not represented\n\n- Hawthorn Lower School, Dunstable cluster: not represented at 1 of 1 meeting (Thursday 4 February 2027)\n');
    expect(one.stdout).not.toContain('Skylark');
    const year = wep(['report', 'attendance', '--year', '2027', '--body', 'cluster-dunstable', '--by', 'school'], { cwd: dir, today: '2027-04-01' });
    expect(year.stdout).toContain('| School | URN | Body | Meetings | Represented | Not represented | Attended |');
    expect(year.stdout).toContain('| Chalkdown Lower School |  | Dunstable cluster | 2 | 2 | 0 | 100% |');
    expect(year.stdout).toContain('| Hawthorn Lower School |  | Dunstable cluster | 2 | 0 | 2 | 0% |');
    expect(year.stdout).toContain('| Thursday 25 March 2027 | 1 out of 4 schools | Downland Academy, Skylark Middle School, Hawthorn Lower School |');
    const csv = wep(['report', 'attendance', '--year', '2027', '--not-represented', '--format', 'csv'], { cwd: dir, today: '2027-04-01' });
    expect(csv.stdout.split('\r\n').slice(0, 3)).toEqual([
      'school,urn,name,body,meetings,represented,not_represented,not_represented_at',
      'downland-academy,,Downland Academy,cluster-dunstable,2,1,1,2027-03-25-cluster-dunstable',
      'skylark-middle,,Skylark Middle School,cluster-dunstable,2,1,1,2027-03-25-cluster-dunstable',
    ]);
    const json = JSON.parse(wep(['report', 'attendance', '--meeting', '2027-03-25-cluster-dunstable', '--by', 'school', '--format', 'json'], { cwd: dir, today: '2027-04-01' }).stdout);
    expect(json.schools).toEqual([{ meeting: '2027-03-25-cluster-dunstable', date: '2027-03-25', body: 'cluster-dunstable', represented: 1, total: 4, notRepresented: ['downland-academy', 'skylark-middle', 'hawthorn-lower'] }]);
    expect(json.rows.map((x: { id: string; notRepresented: number }) => [x.id, x.notRepresented])).toEqual([
      ['chalkdown-lower', 0],
      ['downland-academy', 1],
      ['skylark-middle', 1],
      ['hawthorn-lower', 1],
    ]);
  });

  it('refuses --meeting with a range, and --not-represented by person', () => {
    const r = wep(['report', 'attendance', '--meeting', '2027-02-04-cluster-dunstable', '--year', '2027'], { cwd: dir });
    expect(r).toMatchObject({ code: 2, stderr: 'wep: error: give either --meeting or --year/--from/--to/--body, not both\n  fix: e.g. --meeting 2027-02-04-cluster-dunstable, or --year 2027\n' });
    const p = wep(['report', 'attendance', '--not-represented', '--by', 'person'], { cwd: dir });
    expect(p).toMatchObject({ code: 2, stderr: 'wep: error: --not-represented lists schools: it goes with --by school\n  fix: leave out --by, or give --by school\n' });
    expect(wep(['report', 'attendance', '--meeting', '2027-02-05-cluster-dunstable'], { cwd: dir }).stderr).toContain('wep: error: no meeting "2027-02-05-cluster-dunstable" in meetings/');
  });
});
