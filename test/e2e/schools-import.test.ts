import { chmodSync, existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, git, read, tempRepos, wep, write } from '../helpers/wep.js';

const FIXTURES = join(ROOT, 'test/fixtures/gias');
const repo = tempRepos();

/** A small partnership with a hand-typed register in block style, and comments to keep. */
const PARTNERSHIP = `# Records of a made-up cluster partnership.
partnership:
  name: Ivel Cluster Partnership
  short: ICP
  clerk: { name: Alex Clerk, email: clerk@icp.example.org }

groups:
  - { id: heads, name: Headteachers, seats: 0 }

clusters:
  - { id: ivel, name: Ivel }

# The schools register. Beechwood was typed in by hand, before any import.
schools:
  # a lower school; the head is linked below
  - id: beechwood-lower
    name: Beechwood Lower School
    phase: lower
    type: community
    cluster: ivel
    head: h-ashworth

people:
  - { id: h-ashworth, name: Anna Ashworth, email: head@beechwood.example.org, school: beechwood-lower }

bodies:
  - id: cluster
    name: Ivel cluster
    kind: cluster
    members:
      - schools: { cluster: [ivel] }
    notice: { kind: working-days, days: 5 }
    minutes: { kind: working-days, days: 10 }
    quorum:
      - { kind: schools-represented, fraction: 1/2 } # half the schools
`;


describe('wep schools import', () => {
  const dir = repo({ partnership: PARTNERSHIP });
  // The extracts go in the repo, as a clerk would keep a download beside the records.
  for (const f of ['edubase-2026.csv', 'edubase-2027.csv', 'bedford-only.csv']) writeFileSync(join(dir, f), readFileSync(join(FIXTURES, f)));
  const run = (args: string[], today = '2026-11-22') => wep(['schools', 'import', ...args], { cwd: dir, today });

  it('--dry-run shows the plan and writes nothing', () => {
    const before = read(dir, 'partnership.yaml');
    const r = run(['edubase-2026.csv', '--la', 'Central Bedfordshire', '--dry-run']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('edubase-2026.csv: 12 rows of Central Bedfordshire (of 15 in the file)');
    expect(r.stdout).toContain('Added (9):');
    expect(r.stdout).toContain('  + St Mary’s Church of England Academy [st-marys-church-of-england-academy], URN 109004: first, academy, Church of England, Diocese of St Albans, Academy Trust');
    expect(r.stdout).toContain('  ~ Beechwood Lower School [beechwood-lower]: urn: added 109001 (matched by name); head-name: (none) -> "Mrs Anna Ashworth"');
    expect(r.stdout).toContain('- 1 closed school not added');
    expect(r.stdout).toContain('- left out, not schools wep tracks: Other independent school 1');
    expect(r.stdout.trimEnd().split('\n').at(-1)).toBe('Dry run: nothing was written.');
    expect(r.stderr).toBe('');
    expect(read(dir, 'partnership.yaml')).toBe(before);
    expect(existsSync(join(dir, 'gias-import.json'))).toBe(false);
  });

  it('imports: three-tier phases, accented names decoded, closed and independent schools left out, comments kept, and commits', () => {
    const r = run(['edubase-2026.csv', '--la', 'Central Bedfordshire', '--commit']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Wrote partnership.yaml and gias-import.json.');
    expect(r.stdout).toMatch(/^Committed [0-9a-f]{7,} \(2 files\)\.$/m);
    const text = read(dir, 'partnership.yaml');
    expect(text).toContain('# The schools register. Beechwood was typed in by hand, before any import.');
    expect(text).toContain('  # a lower school; the head is linked below');
    expect(text).toContain('    quorum:\n      - { kind: schools-represented, fraction: 1/2 } # half the schools');
    expect(text).toContain('    urn: "109001"\n    head-name: Mrs Anna Ashworth');
    for (const line of [
      '  - id: kestrel-middle-school\n    name: Kestrel Middle School\n    urn: "109002"\n    phase: middle\n    type: foundation\n    head-name: Mr David Dhillon',
      '    phase: upper\n    type: academy\n    trust: Greensand Learning Trust',
      '    name: Chênefield Lower School\n    urn: "109005"\n    phase: lower\n    type: voluntary-controlled\n    religious-character: Church of England\n    head-name: Mr José Núñez',
      '    head-name: Revd Zoë Brontë',
      '    name: Our Lady Catholic Primary School\n    urn: "109011"\n    phase: first',
      '    phase: special\n    type: special',
      '    phase: pupil-referral-unit\n    type: pupil-referral-unit',
    ]) {
      expect(text).toContain(line);
    }
    expect(text).not.toContain('Oldfield'); // closed, never in the register
    expect(text).not.toContain('Little Acorns'); // independent
    expect(text).not.toContain('Castle Upper'); // Bedford
    expect(wep(['check', '--quiet'], { cwd: dir })).toMatchObject({ code: 0, stdout: '', stderr: '' });
    const base = JSON.parse(read(dir, 'gias-import.json'));
    expect(base).toMatchObject({ version: 1, la: 'Central Bedfordshire', file: 'edubase-2026.csv', imported: '2026-11-22' });
    expect(Object.keys(base.schools)).toHaveLength(10); // nine added and Beechwood
    expect(git(['log', '-1', '--format=%s', '--name-only'], dir).trim().split('\n')).toEqual(['Schools register from GIAS (Central Bedfordshire)', '', 'gias-import.json', 'partnership.yaml']);
  });

  it('a re-import shows what was added, changed and closed, and keeps the clerk\'s edits, saying so', () => {
    // The clerk corrects two things by hand after the first import.
    const edited = read(dir, 'partnership.yaml')
      .replace('name: St Mary’s Church of England Academy', 'name: St Mary’s C of E Academy')
      .replace('head-name: Mr David Dhillon', 'head-name: Mr D Dhillon');
    write(dir, 'partnership.yaml', edited);
    const r = run(['edubase-2027.csv', '--la', 'Central Bedfordshire'], '2027-09-01');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Added (1):\n  + Harlington Lower School [harlington-lower-school], URN 109014: lower, community');
    expect(r.stdout).toContain('Changed (1):\n  ~ Greensand Upper School [greensand-upper-school]: trust: "Greensand Learning Trust" -> "Chiltern Learning Trust"');
    expect(r.stdout).toContain('Closed (1):\n  - Biggleswade Academy [biggleswade-academy], URN 109010: closed in GIAS');
    expect(r.stdout).toContain('Kept your edits (2):');
    expect(r.stdout).toContain('  ! Kestrel Middle School [kestrel-middle-school] head-name: yours "Mr D Dhillon", GIAS "Ms Kiran Patel" (last import "Mr David Dhillon")');
    expect(r.stdout).toContain('  ! St Mary’s C of E Academy [st-marys-church-of-england-academy] name: yours "St Mary’s C of E Academy", GIAS "St Mary’s CofE Academy" (last import "St Mary’s Church of England Academy")');
    expect(r.stdout).toContain("  fix: to take GIAS's value, write it in the school's entry in place of yours (an optional field can simply be deleted)");
    expect(r.stdout).toContain('- not in this extract, left as they are: Chênefield Lower School (URN 109005)');
    expect(r.stderr).toBe('warning: 2 fields you edited differ from GIAS: kept yours (listed under "Kept your edits")\n');
    const text = read(dir, 'partnership.yaml');
    expect(text).toContain('head-name: Mr D Dhillon');
    expect(text).toContain('name: St Mary’s C of E Academy');
    expect(text).toContain('trust: Chiltern Learning Trust');
    expect(text).toMatch(/name: Biggleswade Academy\n(?:    .*\n)*?    status: closed\n/);
    expect(wep(['check'], { cwd: dir, today: '2027-09-01' }).code).toBe(0);
  });

  it('the same extract again: nothing to change, the earlier edits kept quietly', () => {
    const before = read(dir, 'partnership.yaml');
    const r = run(['edubase-2027.csv', '--la', 'Central Bedfordshire'], '2027-09-02');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('No changes: the register matches GIAS.');
    expect(r.stdout).toContain('- 2 fields you edited before kept as you wrote them (GIAS unchanged)');
    expect(r.stdout.trimEnd().split('\n').at(-1)).toBe('Nothing to write.');
    expect(r.stderr).toBe('');
    expect(read(dir, 'partnership.yaml')).toBe(before);
  });

  it('a deleted field is filled from GIAS again', () => {
    write(dir, 'partnership.yaml', read(dir, 'partnership.yaml').replace('    head-name: Mr D Dhillon\n', ''));
    const r = run(['edubase-2027.csv', '--la', 'Central Bedfordshire', '--json'], '2027-09-02');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.changed).toEqual([{ id: 'kestrel-middle-school', urn: '109002', name: 'Kestrel Middle School', closed: false, linkedByName: false, changes: [{ field: 'head-name', from: null, to: 'Ms Kiran Patel' }] }]);
    expect(j).toMatchObject({ la: 'Central Bedfordshire', rows: 12, total: 15, dryRun: false, added: [], unchanged: 9, skipped: { 'Other independent school': 1 } });
    expect(read(dir, 'partnership.yaml')).toContain('head-name: Ms Kiran Patel');
  });

  it('keeps the mode of partnership.yaml', () => {
    chmodSync(join(dir, 'partnership.yaml'), 0o640);
    write(dir, 'partnership.yaml', read(dir, 'partnership.yaml').replace('    head-name: Ms Kiran Patel\n', ''));
    expect(run(['edubase-2027.csv', '--la', 'Central Bedfordshire'], '2027-09-03').code).toBe(0);
    expect(read(dir, 'partnership.yaml')).toContain('head-name: Ms Kiran Patel');
    expect(statSync(join(dir, 'partnership.yaml')).mode & 0o777).toBe(0o640);
  });
});

describe('wep schools import: bad input', () => {
  const dir = repo({ partnership: PARTNERSHIP });
  writeFileSync(join(dir, 'all.csv'), readFileSync(join(FIXTURES, 'edubase-2026.csv')));
  const bad = Buffer.from(readFileSync(join(FIXTURES, 'edubase-2026.csv')).toString('latin1').replace('\r\n109002,', '\r\n10900X,'), 'latin1');
  writeFileSync(join(dir, 'bad.csv'), bad);
  const run = (args: string[]) => wep(['schools', 'import', ...args], { cwd: dir });
  const unchanged = () => expect(read(dir, 'partnership.yaml')).toBe(PARTNERSHIP);

  it('several authorities and no --la', () => {
    const r = run(['all.csv']);
    expect(r).toMatchObject({ code: 2, stdout: '' });
    expect(r.stderr).toBe('wep: error: all.csv covers 3 local authorities\n  fix: choose yours with --la NAME, e.g. --la "Central Bedfordshire" (others: "Bedford", "Luton")\n');
    unchanged();
  });

  it('an authority not in the file', () => {
    const r = run(['all.csv', '--la', 'Bedfrod']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('wep: error: no schools of "Bedfrod" in all.csv\n  fix: did you mean --la "Bedford"?\n');
  });

  it('a file that is not a GIAS extract', () => {
    write(dir, 'people.csv', 'name,email\nJo,jo@example.org\n');
    const r = run(['people.csv']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('people.csv:1:1: error: not a GIAS establishments extract: no "URN", "LA (name)", "EstablishmentName"');
    expect(r.stderr).toContain('1 | name,email\n');
    expect(r.stderr).toContain('  fix: download "all establishment data"');
    unchanged();
  });

  it('a bad URN, at its line and column, with the long line cut around it', () => {
    const r = run(['bad.csv', '--la', 'Central Bedfordshire']);
    expect(r.code).toBe(2);
    const lines = r.stderr.split('\n');
    expect(lines[0]).toBe('bad.csv:3:1: error: "10900X" is not a URN');
    expect(lines[2]).toMatch(/^3 \| 10900X,823,Central Bedfordshire,9002,Kestrel Middle School,.*…$/);
    expect(lines[2]!.length).toBeLessThan(140);
    expect(lines[3]).toBe('  | ^^^^^^');
    expect(r.stderr).toContain('  fix: a URN is 5 to 7 digits: is this the GIAS establishments CSV, unchanged?');
    expect(r.stderr).not.toMatch(/at .*\.js:\d+/); // no stack trace
    unchanged();
  });

  it('a missing file, and an empty --la', () => {
    expect(run(['nope.csv'])).toMatchObject({ code: 2, stderr: 'wep: error: no file nope.csv\n  fix: give the path of the CSV downloaded from Get Information about Schools\n' });
    expect(run(['all.csv', '--la', ' ']).stderr).toContain('wep: error: --la needs the local authority\'s name');
  });

  it('a corrupt record of the last import', () => {
    write(dir, 'gias-import.json', '{ not json');
    const r = run(['all.csv', '--la', 'Central Bedfordshire']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('wep: error: gias-import.json cannot be read');
    unchanged();
  });
});
