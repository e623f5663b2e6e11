import { afterEach, describe, expect, it } from 'vitest';
import { DEC, OCT, seedMeetings } from '../helpers/minutes-fixtures.js';
import { git, read, removeRepo, tempRepo, wep, write } from '../helpers/wep.js';

/** Other work in progress: one staged change, one unstaged change, one untracked file. */
function otherChanges(dir: string): void {
  write(dir, 'partnership.yaml', `${read(dir, 'partnership.yaml')}# staged edit\n`);
  git(['add', 'partnership.yaml'], dir);
  write(dir, `meetings/${DEC}/meeting.yaml`, `${read(dir, `meetings/${DEC}/meeting.yaml`)}# unstaged edit\n`);
  write(dir, 'notes.txt', 'untracked\n');
}

const status = (dir: string) => git(['status', '--porcelain'], dir);

describe('--commit commits exactly the files written', () => {
  let dir: string;
  afterEach(() => removeRepo(dir));

  it('wep minutes --commit, with other staged and unstaged changes present', () => {
    dir = tempRepo();
    seedMeetings(dir);
    otherChanges(dir);
    const before = status(dir);
    const r = wep(['minutes', '--meeting', OCT, '--commit'], { cwd: dir, today: '2026-10-12' });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Committed [0-9a-f]{7,} \(2 files\)\./);
    expect(git(['log', '-1', '--format=%s'], dir).trim()).toBe('Minutes: Education Partnership, Thursday 8 October 2026 (draft)');
    expect(git(['show', '--name-only', '--format=', 'HEAD'], dir).trim().split('\n').sort()).toEqual([`meetings/${OCT}/meeting.yaml`, `meetings/${OCT}/minutes.md`]);
    // the other changes are exactly as they were: still staged, still unstaged, still untracked
    expect(status(dir)).toBe(before);
    expect(git(['diff', '--cached', '--name-only'], dir).trim()).toBe('partnership.yaml');

    const c = wep(['minutes', '--meeting', OCT, '--circulated', '2026-10-14', '--commit'], { cwd: dir, today: '2026-10-14' });
    expect(c.code).toBe(0);
    expect(git(['log', '-1', '--format=%s'], dir).trim()).toBe('Minutes: Education Partnership, Thursday 8 October 2026 (circulated)');
    // circulation records the step in meeting.yaml and updates the status block of minutes.md
    expect(git(['show', '--name-only', '--format=', 'HEAD'], dir).trim().split('\n').sort()).toEqual([`meetings/${OCT}/meeting.yaml`, `meetings/${OCT}/minutes.md`]);
    expect(status(dir)).toBe(before);
  });

  it('wep actions done --commit', () => {
    dir = tempRepo();
    seedMeetings(dir);
    otherChanges(dir);
    const before = status(dir);
    const r = wep(['actions', 'done', `${OCT}/a1`, '--commit'], { cwd: dir, today: '2026-11-20' });
    expect(r.code).toBe(0);
    expect(git(['log', '-1', '--format=%s'], dir).trim()).toBe(`Action closed: ${OCT}/a1 (Propose an election process for the MAT seat)`);
    expect(git(['show', '--name-only', '--format=', 'HEAD'], dir).trim()).toBe(`meetings/${OCT}/meeting.yaml`);
    expect(status(dir)).toBe(before);
  });

  it('outside a git repository it says so and writes nothing', () => {
    dir = tempRepo({ git: false });
    seedMeetings(dir, { commit: false });
    const r = wep(['minutes', '--meeting', OCT, '--commit'], { cwd: dir, today: '2026-10-12' });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('is not inside a git repository, so --commit cannot commit');
    expect(r.stderr).toContain('fix: run "git init" in the records folder first, or leave out --commit');
    expect(() => read(dir, `meetings/${OCT}/minutes.md`)).toThrow();
    const s = wep(['status'], { cwd: dir, today: '2026-10-12' });
    expect(s.stdout).toContain('The records are not in a git repository');
  });
});
