/**
 * --commit does only what the clerk asked: refused while git is in the middle of something,
 * a warning on a detached HEAD, the clerk's own changes never swept into wep's commit (in
 * other files, or in the very file wep changed), and a refused commit leaves git's index
 * exactly as it was, with a message that says what is on disk and why git refused.
 */
import { chmodSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEC, OCT, OCTOBER_YAML, seedMeetings } from '../helpers/minutes-fixtures.js';
import { git, read, tempRepos, wep, write, type RunResult } from '../helpers/wep.js';

const repo = tempRepos();
const OCT_YAML = `meetings/${OCT}/meeting.yaml`;
const DEC_YAML = `meetings/${DEC}/meeting.yaml`;

function seeded(): string {
  const d = repo();
  seedMeetings(d);
  return d;
}

/** Everything about git's state that wep must not touch when it does not commit. */
const snapshot = (d: string) => ({
  head: git(['rev-parse', 'HEAD'], d),
  index: git(['ls-files', '-s'], d),
  staged: git(['diff', '--cached'], d),
});

const committed = (d: string, rel: string, rev = 'HEAD') => git(['show', `${rev}:${rel}`], d);
const filesOf = (d: string, rev = 'HEAD') => git(['show', '--name-only', '--format=', rev], d).trim().split('\n').filter(Boolean).sort();

function expectNoStack(r: RunResult): void {
  expect(r.stderr).not.toMatch(/internal error|\n\s+at .*\(/);
}

/** Two branches that change notes.txt differently, so merging, rebasing or picking one onto the other stops in a conflict. */
function conflicting(d: string): void {
  write(d, 'notes.txt', 'base\n');
  git(['add', 'notes.txt'], d);
  git(['commit', '-qm', 'notes'], d);
  git(['checkout', '-qb', 'other'], d);
  write(d, 'notes.txt', 'other\n');
  git(['commit', '-qam', 'other notes'], d);
  git(['checkout', '-q', 'main'], d);
  write(d, 'notes.txt', 'main\n');
  git(['commit', '-qam', 'main notes'], d);
}

const quiet = (args: string[], d: string) => {
  try {
    git(args, d);
  } catch {
    // expected: git stops in a conflict
  }
};

describe('--commit is refused while git is in the middle of something', () => {
  const states: [string, (d: string) => void, RegExp, RegExp][] = [
    ['a merge', (d) => quiet(['merge', '-q', 'other'], d), /^wep: error: a merge is in progress/m, /git merge --abort/],
    ['a rebase', (d) => quiet(['rebase', '-q', 'other'], d), /^wep: error: a rebase is in progress/m, /git rebase --abort/],
    ['an apply-style rebase', (d) => quiet(['rebase', '--apply', '-q', 'other'], d), /^wep: error: a rebase is in progress/m, /--abort/],
    ['a cherry-pick', (d) => quiet(['cherry-pick', 'other'], d), /^wep: error: a cherry-pick is in progress/m, /git cherry-pick --abort/],
    ['a revert', (d) => quiet(['revert', '--no-edit', 'HEAD~1'], d), /^wep: error: a revert is in progress/m, /git revert --abort/],
    ['a bisect', (d) => git(['bisect', 'start'], d), /^wep: error: a bisect is in progress/m, /git bisect reset/],
  ];
  for (const [name, start, message, hint] of states) {
    it(`${name}: exit 2 before anything is written`, () => {
      const d = seeded();
      conflicting(d);
      if (name === 'a revert') {
        // revert the commit before main's last, whose change main's last then conflicts with
        write(d, 'notes.txt', 'later\n');
        git(['commit', '-qam', 'later notes'], d);
      }
      start(d);
      const before = snapshot(d);
      for (const args of [
        ['minutes', '--meeting', OCT, '--commit'],
        ['actions', 'done', `${OCT}/a1`, '--commit'],
        ['attendance', '--meeting', DEC, '--apologies', 'ph-chen', '--commit'],
        ['notice', '--meeting', DEC, '--commit'],
        ['meeting', 'new', '2027-02-04', '--commit'],
      ]) {
        const r = wep(args, { cwd: d, today: '2026-11-20' });
        expectNoStack(r);
        expect(r.code, `${args.join(' ')}: ${r.stderr}`).toBe(2);
        expect(r.stderr).toMatch(message);
        expect(r.stderr).toMatch(hint);
      }
      expect(snapshot(d)).toEqual(before);
      expect(existsSync(join(d, 'meetings', OCT, 'minutes.md'))).toBe(false);
      expect(existsSync(join(d, 'meetings', DEC, 'notice.md'))).toBe(false);
      expect(read(d, OCT_YAML)).toBe(OCTOBER_YAML);
    });
  }

  it('a detached HEAD: a warning, and the commit is made', () => {
    const d = seeded();
    git(['checkout', '-q', '--detach'], d);
    const r = wep(['actions', 'done', `${OCT}/a1`, '--commit'], { cwd: d, today: '2026-11-20' });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('warning: HEAD is detached (no branch is checked out): the commit will be on no branch; keep it afterwards with "git switch -c NEW-BRANCH"');
    expect(filesOf(d)).toEqual([OCT_YAML]);
  });
});

describe("the clerk's own changes stay out of wep's commit", () => {
  const CLERK = '# the clerk is still writing this\n';

  const cases: [string, string[], string, string, RegExp][] = [
    ['actions done', ['actions', 'done', `${OCT}/a1`, '--commit'], OCT_YAML, '2026-11-20', /done:\n\s+date: 2026-11-20/],
    ['attendance', ['attendance', '--meeting', OCT, '--apologies', 'sh-evans,ph-chen,ph-brown', '--commit'], OCT_YAML, '2026-10-08', /apologies: \[sh-evans, ph-chen, ph-brown\]/],
    ['minutes --circulated', ['minutes', '--meeting', OCT, '--circulated', '2026-10-14', '--commit'], OCT_YAML, '2026-10-14', /status: circulated/],
    ['notice --sent', ['notice', '--meeting', DEC, '--sent', '2026-11-20', '--commit'], DEC_YAML, '2026-11-20', /notice:\n\s+sent: 2026-11-20/],
  ];
  for (const [name, args, file, today, change] of cases) {
    it(`${name}: unstaged edits in the same file are left unstaged; the commit holds wep's change alone`, () => {
      const d = seeded();
      // a notice is recorded as sent only once it has been written
      if (name === 'notice --sent') {
        expect(wep(['notice', '--meeting', DEC, '--commit'], { cwd: d, today }).code).toBe(0);
      }
      const original = read(d, file);
      // the clerk's edit at the top and a new agenda line in the middle, unstaged
      write(d, file, `${CLERK}${original.replace('agenda:\n', 'agenda:\n  - { title: Clerk draft item }\n')}`);
      const r = wep(args, { cwd: d, today });
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout).toMatch(/Committed [0-9a-f]{7,}|\(committed [0-9a-f]{7,}\)/);
      const inCommit = committed(d, file);
      expect(inCommit).toMatch(change);
      expect(inCommit).not.toContain(CLERK.trim());
      expect(inCommit).not.toContain('Clerk draft item');
      expect(inCommit.startsWith(original.split('\n')[0]!)).toBe(true);
      // on disk: both; in git's index: the commit; so git diff shows only the clerk's edits
      const disk = read(d, file);
      expect(disk).toMatch(change);
      expect(disk).toContain(CLERK.trim());
      expect(git(['diff', '--cached', '--name-only'], d).trim()).toBe('');
      const diff = git(['diff', '-U0', '--', file], d);
      expect(diff).toContain(`+${CLERK.trim()}`);
      expect(diff).toContain('+  - { title: Clerk draft item }');
      expect(diff.split('\n').filter((l) => /^[+-][^+-]/.test(l))).toHaveLength(2);
    });
  }

  it('staged edits in the same file: no commit, the index exactly as it was, the file written, and why', () => {
    const d = seeded();
    write(d, OCT_YAML, `${CLERK}${OCTOBER_YAML}`);
    git(['add', OCT_YAML], d);
    const before = snapshot(d);
    const r = wep(['actions', 'done', `${OCT}/a1`, '--commit'], { cwd: d, today: '2026-11-20' });
    expectNoStack(r);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`wep: error: wep wrote ${OCT_YAML} but did not commit: ${OCT_YAML} has changes of yours staged in git's index; wep will not commit them with its own. git's index is as it was`);
    expect(r.stderr).toContain('fix: commit or unstage your own changes in those files first');
    expect(snapshot(d)).toEqual(before);
    expect(read(d, OCT_YAML)).toMatch(/done:\n\s+date: 2026-11-20/);
  });

  it('staged, unstaged and untracked changes in other files stay exactly as they were', () => {
    const d = seeded();
    write(d, 'partnership.yaml', `${read(d, 'partnership.yaml')}# staged edit\n`);
    git(['add', 'partnership.yaml'], d);
    write(d, DEC_YAML, `${read(d, DEC_YAML)}# unstaged edit\n`);
    write(d, 'notes.txt', 'untracked\n');
    const status = git(['status', '--porcelain'], d);
    const stagedDiff = git(['diff', '--cached'], d);
    const r = wep(['minutes', '--meeting', OCT, '--commit'], { cwd: d, today: '2026-10-12' });
    expect(r.code, r.stderr).toBe(0);
    expect(filesOf(d)).toEqual([OCT_YAML, `meetings/${OCT}/minutes.md`]);
    expect(git(['status', '--porcelain'], d)).toBe(status);
    expect(git(['diff', '--cached'], d)).toBe(stagedDiff);
  });

  it('a file wep edits that is not in git yet holds the clerk\'s text: refused, and said why', () => {
    const d = seeded();
    expect(wep(['meeting', 'new', '2027-02-04'], { cwd: d }).code).toBe(0);
    const rel = 'meetings/2027-02-04-partnership/meeting.yaml';
    write(d, rel, `${read(d, rel)}# the clerk's notes\n`);
    const before = snapshot(d);
    const r = wep(['attendance', '--meeting', '2027-02-04-partnership', '--apologies', 'ph-chen', '--commit'], { cwd: d });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${rel} is not in git yet and holds text wep did not write; wep commits only its own change`);
    expect(snapshot(d)).toEqual(before);
  });

  it('a file wep created this run is committed whole; a second run has nothing to commit', () => {
    const d = seeded();
    const r = wep(['meeting', 'new', '2027-02-04', '--commit'], { cwd: d });
    expect(r.code, r.stderr).toBe(0);
    expect(filesOf(d)).toEqual(['meetings/2027-02-04-partnership/meeting.yaml']);
    const n = wep(['notice', '--meeting', DEC, '--commit'], { cwd: d });
    expect(n.code, n.stderr).toBe(0);
    const again = wep(['notice', '--meeting', DEC, '--commit'], { cwd: d });
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toContain('Nothing to commit: the files are as already committed.');
    expect(git(['status', '--porcelain'], d)).toBe('');
  });

  it('records in a folder of a larger git repo, run from a subfolder', () => {
    const top = repo();
    const d = join(top, 'records');
    mkdirSync(d);
    git(['mv', 'partnership.yaml', 'records/'], top);
    git(['commit', '-qm', 'records in a folder'], top);
    seedMeetings(d);
    const r = wep(['actions', 'done', `${OCT}/a1`, '--commit'], { cwd: join(d, 'meetings'), today: '2026-11-20' });
    expect(r.code, r.stderr).toBe(0);
    expect(filesOf(top)).toEqual([`records/${OCT_YAML}`]);
    expect(git(['status', '--porcelain'], top)).toBe('');
  });
});

describe('a commit git refuses leaves the index as it was, and says what is on disk', () => {
  it('a pre-commit hook that refuses', () => {
    const d = seeded();
    write(d, 'partnership.yaml', `${read(d, 'partnership.yaml')}# staged edit\n`);
    git(['add', 'partnership.yaml'], d);
    writeFileSync(join(d, '.git', 'hooks', 'pre-commit'), '#!/bin/sh\necho "pre-commit: the records are not signed off" >&2\nexit 1\n');
    chmodSync(join(d, '.git', 'hooks', 'pre-commit'), 0o755);
    const before = snapshot(d);
    const r = wep(['minutes', '--meeting', OCT, '--commit'], { cwd: d, today: '2026-10-12' });
    expectNoStack(r);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`wep: error: wep wrote meetings/${OCT}/minutes.md, ${OCT_YAML} to disk, but git did not commit: git refused the commit (pre-commit: the records are not signed off). git's index is as it was`);
    expect(r.stderr).toContain('fix: a hook may have refused it');
    expect(snapshot(d)).toEqual(before);
    expect(existsSync(join(d, 'meetings', OCT, 'minutes.md'))).toBe(true);
    expect(git(['ls-files', '--others', '--exclude-standard'], d)).toContain(`meetings/${OCT}/minutes.md`);
  });

  it('a pre-commit hook that passes sees only wep\'s files staged', () => {
    const d = seeded();
    write(d, 'partnership.yaml', `${read(d, 'partnership.yaml')}# staged edit\n`);
    git(['add', 'partnership.yaml'], d);
    writeFileSync(join(d, '.git', 'hooks', 'pre-commit'), '#!/bin/sh\ngit diff --cached --name-only > "$(git rev-parse --git-dir)/hook-saw"\n');
    chmodSync(join(d, '.git', 'hooks', 'pre-commit'), 0o755);
    const r = wep(['actions', 'done', `${OCT}/a1`, '--commit'], { cwd: d, today: '2026-11-20' });
    expect(r.code, r.stderr).toBe(0);
    expect(read(d, '.git/hook-saw').trim()).toBe(OCT_YAML);
    expect(git(['diff', '--cached', '--name-only'], d).trim()).toBe('partnership.yaml');
  });

  it('git does not know who the clerk is', () => {
    const d = seeded();
    git(['config', '--unset', 'user.name'], d);
    git(['config', '--unset', 'user.email'], d);
    git(['config', 'user.useConfigOnly', 'true'], d);
    const before = snapshot(d);
    const r = wep(['actions', 'done', `${OCT}/a1`, '--commit'], {
      cwd: d,
      today: '2026-11-20',
      env: { GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1', GIT_AUTHOR_NAME: undefined, GIT_AUTHOR_EMAIL: undefined, GIT_COMMITTER_NAME: undefined, GIT_COMMITTER_EMAIL: undefined, EMAIL: undefined },
    });
    expectNoStack(r);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(new RegExp(`wep: error: wep wrote ${OCT_YAML} to disk, but git did not commit: git does not know who you are \\(fatal: .*\\)\\. git's index is as it was`));
    expect(r.stderr).toContain('fix: set your name and email once: git config --global user.name');
    expect(snapshot(d)).toEqual(before);
    expect(read(d, OCT_YAML)).toMatch(/done:/);
  });
});
