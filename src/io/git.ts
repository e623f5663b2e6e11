/**
 * git through its own command line, with argument arrays (never a shell string). Commits take
 * exactly the files a command wrote, whatever else is staged or changed in the repo.
 */
import { spawn, spawnSync } from 'node:child_process';
import { relative } from 'node:path';
import { WepError } from '../core/errors.js';

export interface GitResult {
  code: number;
  stdout: string;
  stderr: string;
}

export function runGit(args: string[], cwd: string): GitResult {
  const r = spawnSync('git', args, { cwd, encoding: 'utf8' });
  if (r.error) return { code: -1, stdout: '', stderr: r.error.message };
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

export function isGitAvailable(): boolean {
  return runGit(['--version'], process.cwd()).code === 0;
}

/** True when `dir` is inside a git work tree. */
export function isInsideRepo(dir: string): boolean {
  const r = runGit(['rev-parse', '--is-inside-work-tree'], dir);
  return r.code === 0 && r.stdout.trim() === 'true';
}

export function verifyInsideRepo(dir: string): void {
  if (!isGitAvailable()) throw new WepError('git is not installed, so --commit cannot commit', 'install git, or leave out --commit');
  if (!isInsideRepo(dir)) throw new WepError(`${dir} is not inside a git repository, so --commit cannot commit`, 'run "git init" in the records folder first, or leave out --commit');
}

/**
 * Commits exactly `files` (absolute paths) with `message`. Other staged or unstaged changes
 * stay as they were: `git commit --only -- <paths>` records just these paths. New files are
 * added first. Returns the short hash, or null when the files are already as committed.
 */
export function commitFiles(root: string, files: string[], message: string): string | null {
  verifyInsideRepo(root);
  const rels = [...new Set(files.map((f) => relative(root, f)))];
  const untracked = rels.filter((f) => runGit(['ls-files', '--error-unmatch', '--', f], root).code !== 0);
  if (untracked.length) {
    const add = runGit(['add', '--', ...untracked], root);
    if (add.code !== 0) throw new WepError(`git add failed: ${add.stderr.trim()}`, 'check the repository state with "git status"');
  }
  const r = runGit(['commit', '--only', '--quiet', '-m', message, '--', ...rels], root);
  if (r.code !== 0) {
    const why = (r.stderr || r.stdout).trim();
    if (/nothing to commit|no changes added/i.test(why)) return null;
    throw new WepError(`git commit failed: ${why}`, 'check "git status"; if git does not know who you are, set user.name and user.email');
  }
  return runGit(['rev-parse', '--short', 'HEAD'], root).stdout.trim();
}

/** Paths under `dir` (relative to the repo) that git reports as changed or untracked. */
export function uncommittedPaths(root: string, paths: string[] = ['.']): string[] {
  const r = runGit(['status', '--porcelain', '-z', '--untracked-files=all', '--', ...paths], root);
  if (r.code !== 0) return [];
  return r.stdout
    .split('\0')
    .filter(Boolean)
    .map((line) => line.slice(3));
}

const parseStatus = (stdout: string) =>
  stdout
    .split('\0')
    .filter((s) => /^[ MADRCU?!]{2} /.test(s))
    .map((line) => line.slice(3));

/**
 * Changed or untracked files among `paths` (relative to `root`), in one git call; null when
 * `root` is not inside a git work tree (or git is missing).
 */
export function changedFiles(root: string, paths: string[]): string[] | null {
  const r = runGit(['status', '--porcelain', '-z', '--untracked-files=all', '--', ...paths], root);
  return r.code === 0 ? parseStatus(r.stdout) : null;
}

/** changedFiles without waiting: git runs while the caller reads the records. */
export function changedFilesAsync(root: string, paths: string[]): Promise<string[] | null> {
  return new Promise((done) => {
    const child = spawn('git', ['status', '--porcelain', '-z', '--untracked-files=all', '--', ...paths], { cwd: root, stdio: ['ignore', 'pipe', 'ignore'] });
    let out = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (out += d));
    child.on('error', () => done(null));
    child.on('close', (code) => done(code === 0 ? parseStatus(out) : null));
  });
}

// ---------------------------------------------------------------------------------------------
// Reading history (wep history). Paths are relative to `root`, which git resolves from its cwd.

/** One commit that touched a file. */
export interface CommitInfo {
  hash: string;
  short: string;
  /** Author date, ISO 8601 with offset. */
  date: string;
  author: string;
  subject: string;
}

/** True when the repository at `root` is a shallow clone (its early history is missing). */
export function isShallowRepo(root: string): boolean {
  return runGit(['rev-parse', '--is-shallow-repository'], root).stdout.trim() === 'true';
}

/** True when HEAD names a commit (a fresh `git init` has none). */
export function hasCommits(root: string): boolean {
  return runGit(['rev-parse', '--verify', '--quiet', 'HEAD'], root).code === 0;
}

const SEP = '\x1f';

/** The commits that changed `rel`, oldest first. Renames are not followed: a meeting's folder name is its id. */
export function fileCommits(root: string, rel: string): CommitInfo[] {
  const r = runGit(['log', '--format=%H%x1f%h%x1f%aI%x1f%an%x1f%s', '--', rel], root);
  if (r.code !== 0) return [];
  return r.stdout
    .split('\n')
    .filter(Boolean)
    .map((line) => {
      const [hash = '', short = '', date = '', author = '', subject = ''] = line.split(SEP);
      return { hash, short, date, author, subject };
    })
    .reverse();
}

/** The text of `rel` at commit `hash`, or undefined when it did not exist there. */
export function fileAt(root: string, hash: string, rel: string): string | undefined {
  const r = runGit(['show', `${hash}:./${rel.split('\\').join('/')}`], root);
  return r.code === 0 ? r.stdout : undefined;
}

/** A unified diff of `rel` between two commits ('' when the same). */
export function diffBetween(root: string, from: string, to: string, rel: string): string {
  const r = runGit(['diff', '--no-color', '--no-ext-diff', from, to, '--', rel], root);
  return r.code === 0 ? r.stdout : '';
}

/** Whether `rel` is committed as it is on disk, changed since, or not in git at all. */
export function fileGitState(root: string, rel: string): 'committed' | 'changed' | 'untracked' {
  if (runGit(['ls-files', '--error-unmatch', '--', rel], root).code !== 0) return 'untracked';
  const r = runGit(['status', '--porcelain', '--', rel], root);
  return r.stdout.trim() ? 'changed' : 'committed';
}
