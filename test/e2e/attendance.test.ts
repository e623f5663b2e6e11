/** `wep attendance` with flags, end to end: writes meeting.yaml keeping comments, prints the quorum. */
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { git, read, removeRepo, tempRepo, wep, write } from '../helpers/wep.js';

const ID = '2026-12-10-partnership';
const FILE = `meetings/${ID}/meeting.yaml`;
const RECORD = `# The December meeting of the Partnership board.
body: partnership
date: 2026-12-10
start: "16:00"
end: "18:00"
agenda:
  - { title: Welcome and apologies, standard: welcome }
  - { title: Proxies, standard: proxies }
  - { title: Declarations of interest, standard: declarations }
  - title: High-needs funding bids
    purpose: decision
    minutes: >-
      A minute the clerk wrapped by hand over
      two lines.
  - { title: Budget 2027-28, purpose: decision }
  - { title: Any other business, standard: aob }

# sent by email to the members list
notice:
  sent: 2026-11-30
`;

const dirs: string[] = [];
let dir: string;
beforeEach(() => {
  dir = tempRepo();
  dirs.push(dir);
  write(dir, FILE, RECORD);
  git(['add', '-A'], dir);
  git(['commit', '-qm', 'meeting'], dir);
});
afterAll(() => dirs.forEach(removeRepo));

const attendanceBlock = () => read(dir, FILE).slice(RECORD.length);

describe('wep attendance with flags', () => {
  it('records apologies as they arrive and prints the forecast', () => {
    const r = wep(['attendance', '--apologies', 'sh-evans'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')[0]).toBe(`Recorded attendance in ${FILE}`);
    expect(r.stdout).toContain('Forecast: quorate if these apologies stand (1 apology so far): Education Partnership');
    const r2 = wep(['attendance', '--apologies', 'sh-francis'], { cwd: dir });
    expect(r2.stdout).toContain(
      "Forecast: NOT QUORATE if these apologies stand (2 apologies so far): Wokingham Secondary Heads Federation 1 of 2; ask Megan Evans's proxy George Usman (px-evans), or ask Dev Francis's proxy Holly Vaughan (px-francis)",
    );
    // the record keeps every comment and line; attendance goes after the notice
    expect(read(dir, FILE)).toBe(`${RECORD}attendance:\n  apologies: [sh-evans, sh-francis]\n`);
  });

  it('records who came, with a proxy standing in, and shows the quorum', () => {
    const r = wep(['attendance', '--present', 'chair-okafor,ph-ahmed,ph-brown,sh-clarke,sf-iqbal,sf-jones,la-lewis', '--proxy', 'px-evans=sh-evans', '--apologies', 'sh-evans,sh-francis'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('wep: using 2026-12-10-partnership, the next upcoming meeting (choose another with --meeting ID)\n');
    expect(r.stdout).toContain('Quorate: Education Partnership, at the start of the meeting (7 counted)');
    expect(r.stdout).toContain('George Usman (px-evans) as proxy for Megan Evans');
    expect(r.stdout).toContain('Quorate at every agenda item (1-6)');
    expect(attendanceBlock()).toBe(
      'attendance:\n  present: [px-evans, chair-okafor, ph-ahmed, ph-brown, sh-clarke, sf-iqbal, sf-jones, la-lewis]\n  apologies: [sh-evans, sh-francis]\n  proxies:\n    - { proxy: px-evans, for: sh-evans }\n',
    );
    expect(wep(['quorum'], { cwd: dir }).code).toBe(0);
  });

  it('a proxy given with --present stands for the member who appointed them', () => {
    wep(['attendance', '--present', 'px-clarke,sh-francis'], { cwd: dir });
    expect(attendanceBlock()).toBe('attendance:\n  present: [px-clarke, sh-francis]\n  proxies:\n    - { proxy: px-clarke, for: sh-clarke }\n');
  });

  it('a departure making the meeting inquorate at an item, and an interest withdrawal', () => {
    wep(['attendance', '--present', 'chair-okafor,ph-ahmed,ph-brown,sh-clarke,sh-francis,sf-iqbal,sf-jones'], { cwd: dir });
    const r = wep(['attendance', '--left-at', 'sh-clarke=5', '--interest', 'sf-jones=4'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Not quorate from item 4: decisions at these items must be flagged');
    expect(r.stdout).toContain('  item 4 (High-needs funding bids): Schools Forum 1 of 2');
    expect(r.stdout).toContain('  items 5-6: Wokingham Secondary Heads Federation 1 of 2');
    expect(attendanceBlock()).toContain('  left:\n    - { person: sh-clarke, item: 5 }\n  interests:\n    - { person: sf-jones, item: 4 }\n');
    const at5 = wep(['quorum', '--item', '5'], { cwd: dir });
    expect(at5.code).toBe(3);
    expect(at5.stdout.split('\n')[0]).toBe('NOT QUORATE: Wokingham Secondary Heads Federation 1 of 2 (short by 1), at item 5');
  });

  it('--json prints the quorum with the attendance written', () => {
    const r = wep(['attendance', '--present', 'sh-clarke', '--observer', 'op-baker', '--arrived-at', 'sh-clarke=2', '--json'], { cwd: dir });
    expect(r.code).toBe(0);
    const data = JSON.parse(r.stdout);
    expect(data).toMatchObject({ quorate: false, body: 'partnership', meeting: ID, file: FILE, changed: true, commit: null });
    expect(data.attendance).toEqual({ present: ['sh-clarke'], observers: ['op-baker'], arrived: [{ person: 'sh-clarke', item: 2 }] });
    expect(data.rules[0]).toMatchObject({ description: 'at least 2 from Schools Forum', required: 2, counted: 0, met: false, shortBy: 2 });
    // a meeting of one body has no `joint`
    expect(data).not.toHaveProperty('joint');
  });

  it('--commit commits meeting.yaml, and only it', () => {
    write(dir, 'notes.txt', 'not for this commit\n');
    const r = wep(['attendance', '--apologies', 'ph-chen', '--commit'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')[0]).toMatch(new RegExp(`^Recorded attendance in ${FILE} \\(committed [0-9a-f]+\\)$`));
    expect(git(['log', '-1', '--format=%s'], dir).trim()).toBe(`Attendance for ${ID}`);
    expect(git(['show', '--name-only', '--format=', 'HEAD'], dir).trim()).toBe(FILE);
    expect(git(['status', '--porcelain'], dir)).toContain('?? notes.txt');
  });

  it('the same flags twice leave the file unchanged', () => {
    wep(['attendance', '--apologies', 'ph-chen'], { cwd: dir });
    const r = wep(['attendance', '--apologies', 'ph-chen'], { cwd: dir });
    expect(r.stdout.split('\n')[0]).toBe(`Attendance unchanged in ${FILE}`);
  });

  it('warns about a proxy whose member is present', () => {
    const r = wep(['attendance', '--present', 'sh-clarke,px-clarke'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('warning: Fiona Taylor (px-clarke) is proxy for Tom Clarke (sh-clarke), who is present: not counted');
  });
});

describe('wep attendance errors (exit 2, file unchanged)', () => {
  const fails = (args: string[], message: string, hint?: string) => {
    const r = wep(['attendance', ...args], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`wep: error: ${message}`);
    if (hint) expect(r.stderr).toContain(`fix: ${hint}`);
    expect(read(dir, FILE)).toBe(RECORD);
  };

  it('without a terminal and without flags', () =>
    fails([], 'wep attendance asks who is present on a terminal; this is not one, and no attendance flags were given', 'give the attendance as flags'));
  it('an unknown id, with a did-you-mean', () => fails(['--present', 'ph-ahmad'], '--present: no person "ph-ahmad" in the partnership file', 'did you mean "ph-ahmed"?'));
  it('an item beyond the agenda', () => fails(['--left-at', 'sh-clarke=9'], '--left-at "sh-clarke=9": the agenda has 6 items, so there is no item 9'));
  it('a malformed pair', () => fails(['--proxy', 'px-evans'], '--proxy "px-evans": expected PROXY=MEMBER'));
  it('a proxy for someone who does not vote', () => fails(['--proxy', 'px-evans=la-lewis'], '--proxy px-evans=la-lewis: Claire Lewis (la-lewis) does not vote on Education Partnership (rule voting-member: a stand-in stands for a voting member of the body)'));
  it('an unknown meeting', () => fails(['--apologies', 'sh-evans', '--meeting', '2026-12-11-partnership'], 'no meeting "2026-12-11-partnership" in meetings/', 'did you mean "2026-12-10-partnership"?'));
});

describe('wep attendance: substitutes, where the body allows them', () => {
  const SUBS = (src: string) =>
    src
      .replace('    kind: board\n', '    kind: board\n    substitutes: { allowed: true }\n')
      .replace(
        '  # Proxies: each core member appoints one',
        '  - { id: sh-deputy, name: Ola Deputy, email: o.deputy@loddon-school.example.org, group: secondary-heads, role: proxy }\n  # Proxies: each core member appoints one',
      );
  let sdir: string;
  beforeEach(() => {
    sdir = tempRepo({ partnership: SUBS(read(dir, 'partnership.yaml')) });
    dirs.push(sdir);
    write(sdir, FILE, RECORD);
  });
  const present = 'chair-okafor,ph-ahmed,ph-brown,sh-clarke,sf-iqbal,sf-jones';

  it('records a substitute from the member\'s own group, who counts for that group', () => {
    const r = wep(['attendance', '--present', present, '--substitute', 'sh-deputy=sh-evans', '--json'], { cwd: sdir });
    expect(r.code, r.stderr).toBe(0);
    const j = JSON.parse(r.stdout) as { quorate: boolean; counted: { id: string; as: string; for: string | null; group: string | null }[] };
    expect(j.quorate).toBe(true);
    expect(j.counted).toContainEqual({ id: 'sh-deputy', as: 'substitute', for: 'sh-evans', group: 'secondary-heads' });
    expect(read(sdir, FILE)).toContain('    - { proxy: sh-deputy, for: sh-evans, as: substitute }\n');
    // wep check applies the same rules to the record, and finds nothing wrong with it
    expect(wep(['check', '--quiet'], { cwd: sdir }).stderr).toBe('');
  });

  it('refuses a substitute from another group, naming the rule', () => {
    const r = wep(['attendance', '--present', present, '--substitute', 'px-ahmed=sh-evans'], { cwd: sdir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      "wep: error: --substitute px-ahmed=sh-evans: Ruth Patel (px-ahmed) is not in Wokingham Secondary Heads Federation, Megan Evans (sh-evans)'s group (rule own-group: a substitute comes from the absent member's own partner group)",
    );
    expect(read(sdir, FILE)).toBe(RECORD);
  });

  it('two stand-ins for one member are refused the same way whatever the order of the flags', () => {
    const a = wep(['attendance', '--present', present, '--proxy', 'px-evans=sh-evans', '--substitute', 'sh-deputy=sh-evans'], { cwd: sdir });
    const b = wep(['attendance', '--substitute', 'sh-deputy=sh-evans', '--present', present, '--proxy', 'px-evans=sh-evans'], { cwd: sdir });
    expect(a.code).toBe(2);
    expect(a.stderr).toBe(b.stderr);
    expect(a.stderr).toContain(
      'wep: error: --proxy px-evans=sh-evans: George Usman (px-evans) and Ola Deputy (sh-deputy) are both recorded standing in for Megan Evans (sh-evans): one stand-in per member (rule one-per-member: one stand-in per absent member) (and sh-deputy=sh-evans)',
    );
    expect(read(sdir, FILE)).toBe(RECORD);
  });
});
