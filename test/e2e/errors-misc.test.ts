/**
 * Error messages not covered elsewhere, each with its exit code, through the built binary, and
 * what --commit says when there is nothing new to commit.
 */
import { existsSync, mkdirSync, rmSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempRepos, wep } from '../helpers/wep.js';

const repo = tempRepos();

describe('errors', () => {
  it('closing an action that is already closed', () => {
    const dir = repo({ withMeetings: true });
    expect(wep(['actions', 'done', '2026-10-08-partnership/a1'], { cwd: dir }).code).toBe(0);
    const r = wep(['actions', 'done', '2026-10-08-partnership/a1'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('wep: error: action 2026-10-08-partnership/a1 is already closed (2026-11-22)');
    expect(r.stderr).toContain('fix: nothing to do; to change the record, edit meeting.yaml');
  });

  it('signing minutes with a date before the meeting', () => {
    const dir = repo({ withMeetings: true });
    const r = wep(['minutes', '--meeting', '2026-10-08-partnership', '--signed', '2026-10-01'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('wep: error: minutes cannot be signed (2026-10-01) before the meeting (2026-10-08)');
  });

  it('a command that needs a meeting, in a repo with none', () => {
    const dir = repo();
    const r = wep(['notice'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('wep: error: no meetings yet in meetings/');
    expect(r.stderr).toContain('fix: create one with "wep meeting new YYYY-MM-DD"');
  });

  it('--commit outside a git repository says so before writing anything', () => {
    const dir = repo({ withMeetings: true, git: false });
    const r = wep(['notice', '--meeting', '2026-12-10-partnership', '--commit'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/wep: error: .* is not inside a git repository, so --commit cannot commit/);
    expect(existsSync(join(dir, 'meetings/2026-12-10-partnership/notice.md'))).toBe(false);
  });

  it('publishing into a symbolic link', () => {
    const dir = repo({ withMeetings: true });
    mkdirSync(join(dir, 'real-site'));
    symlinkSync(join(dir, 'real-site'), join(dir, 'site-link'));
    const r = wep(['publish', '--out', 'site-link'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('wep: error: --out site-link is a symbolic link');
    rmSync(join(dir, 'site-link'));
  });
});

describe('--commit with nothing new', () => {
  it('says there was nothing to commit, and succeeds', () => {
    const dir = repo({ withMeetings: true });
    const first = wep(['notice', '--meeting', '2026-12-10-partnership', '--commit'], { cwd: dir });
    // the three documents (meeting.yaml already holds the UID)
    expect(first.stdout).toMatch(/Committed [0-9a-f]{7,} \(3 files\)\./);
    const again = wep(['notice', '--meeting', '2026-12-10-partnership', '--commit'], { cwd: dir });
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('Nothing to commit: the files are as already committed.');
    expect(again.stderr).not.toContain('error');
  });
});
