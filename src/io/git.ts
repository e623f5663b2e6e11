/**
 * git through its own command line, with argument arrays (never a shell string). `--commit`
 * does only what the clerk asked:
 * - it is refused while a merge, rebase, cherry-pick, revert or bisect is under way (the commit
 *   would become part of it), and warns on a detached HEAD;
 * - the commit is built in a temporary index (GIT_INDEX_FILE) from HEAD plus wep's change
 *   alone: other files' staged or unstaged changes stay out, and in a file wep changed, the
 *   clerk's own unstaged edits stay out too (wep's edit is made again on the committed version,
 *   from the writer's journal); staged edits in that file are refused, not swept in;
 * - hooks run as for any commit; if git refuses (a hook, no identity), the clerk's index is
 *   exactly as it was and the message says what is on disk and why git refused;
 * - after a commit, git's index holds the committed version of wep's files, so `git status`
 *   shows just the clerk's own changes, as before.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, realpathSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { WepError } from '../core/errors.js';
import { decodeText, keepConventions } from '../core/text-file.js';
import { journalEntry, lockRecord } from './fs.js';
import { stateOfText } from './generated.js';
import { isStampedDocument, stateOfBinary } from './documents.js';
import { readRecordBytesIfExists } from './guarded-read.js';

export interface GitResult {
  code: number;
  stdout: string;
  stderr: string;
}

interface GitRun {
  env?: NodeJS.ProcessEnv;
  input?: string | Uint8Array;
}

export function runGit(args: string[], cwd: string, opts: GitRun = {}): GitResult {
  const r = spawnSync('git', args, { cwd, encoding: 'utf8', env: opts.env ?? process.env, input: opts.input, maxBuffer: 256 * 1024 * 1024 });
  if (r.error) return { code: -1, stdout: '', stderr: r.error.message };
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

function gitBytes(args: string[], cwd: string): Buffer | undefined {
  const r = spawnSync('git', args, { cwd, maxBuffer: 256 * 1024 * 1024 });
  return r.status === 0 ? r.stdout : undefined;
}

export function isGitAvailable(): boolean {
  return runGit(['--version'], process.cwd()).code === 0;
}

/** True when `dir` is inside a git work tree. */
export function isInsideRepo(dir: string): boolean {
  const r = runGit(['rev-parse', '--is-inside-work-tree'], dir);
  return r.code === 0 && r.stdout.trim() === 'true';
}

interface RepoInfo {
  gitDir: string;
  top: string;
  /** False on a detached HEAD. */
  onBranch: boolean;
}

/** What git is in the middle of, by the files it keeps while it is; the first that applies. */
const IN_PROGRESS: { file: string; what: string; hint: string }[] = [
  { file: 'rebase-merge', what: 'a rebase', hint: 'finish it (git rebase --continue) or abort it (git rebase --abort)' },
  { file: 'rebase-apply', what: 'a rebase', hint: 'finish it (git rebase --continue, or git am --continue) or abort it (--abort)' },
  { file: 'MERGE_HEAD', what: 'a merge', hint: 'finish it (git commit) or abort it (git merge --abort)' },
  { file: 'CHERRY_PICK_HEAD', what: 'a cherry-pick', hint: 'finish it (git cherry-pick --continue) or abort it (git cherry-pick --abort)' },
  { file: 'REVERT_HEAD', what: 'a revert', hint: 'finish it (git revert --continue) or abort it (git revert --abort)' },
  { file: 'sequencer', what: 'a cherry-pick or revert of several commits', hint: 'finish it (--continue) or abort it (--abort)' },
  { file: 'BISECT_LOG', what: 'a bisect', hint: 'end it with "git bisect reset"' },
];

function repoInfo(dir: string): RepoInfo {
  if (!isGitAvailable()) throw new WepError('git is not installed, so --commit cannot commit', 'install git, or leave out --commit');
  const r = runGit(['rev-parse', '--is-inside-work-tree', '--absolute-git-dir', '--show-toplevel'], dir);
  const [inside, gitDir, top] = r.stdout.split('\n');
  if (r.code !== 0 || inside !== 'true' || !gitDir || !top) {
    throw new WepError(`${dir} is not inside a git repository, so --commit cannot commit`, 'run "git init" in the records folder first, or leave out --commit');
  }
  for (const p of IN_PROGRESS) {
    if (existsSync(join(gitDir, p.file))) {
      throw new WepError(`${p.what} is in progress in this repository, so --commit will not commit (the commit would become part of it)`, `${p.hint}, then run the command again; or leave out --commit`);
    }
  }
  const onBranch = runGit(['symbolic-ref', '-q', 'HEAD'], dir).code === 0;
  return { gitDir, top, onBranch };
}

export const DETACHED_WARNING = 'HEAD is detached (no branch is checked out): the commit will be on no branch; keep it afterwards with "git switch -c NEW-BRANCH"';

/**
 * Checks that --commit can commit here, before anything is written: git is installed, `dir`
 * is in a work tree, and git is not in the middle of a merge, rebase, cherry-pick, revert or
 * bisect. Returns warnings to show (a detached HEAD).
 */
export function verifyInsideRepo(dir: string): string[] {
  return repoInfo(dir).onBranch ? [] : [DETACHED_WARNING];
}

/** `git ls-tree` / `git ls-files -s` entry: mode and object id. */
interface Entry {
  mode: string;
  oid: string;
  stage?: string;
}

function headEntry(top: string, rel: string): Entry | undefined {
  const r = runGit(['ls-tree', '-z', 'HEAD', '--', rel], top);
  const m = /^(\d+) blob ([0-9a-f]+)\t/.exec(r.stdout);
  return r.code === 0 && m ? { mode: m[1]!, oid: m[2]! } : undefined;
}

function indexEntries(top: string, rel: string): Entry[] {
  const r = runGit(['ls-files', '-s', '-z', '--', rel], top);
  return r.stdout
    .split('\0')
    .filter(Boolean)
    .map((line) => /^(\d+) ([0-9a-f]+) (\d)\t(.*)$/s.exec(line))
    .filter((m): m is RegExpExecArray => m !== null && m[4] === rel)
    .map((m) => ({ mode: m[1]!, oid: m[2]!, stage: m[3]! }));
}

interface Planned {
  file: string;
  rel: string;
  mode: string;
  oid: string;
  headOid?: string;
}

/** Path relative to the top of the work tree, with forward slashes, links in folders resolved. */
function topRelative(top: string, file: string): string {
  let real: string;
  try {
    real = join(realpathSync(dirname(file)), basename(file));
  } catch {
    real = file;
  }
  return relative(realpathSync(top), real).split(sep).join('/');
}

/** The largest file --commit reads back to see whether an earlier run's document is still wep's. */
const MAX_COMMIT_READ_BYTES = 500 * 1024 * 1024;

/**
 * What wep wrote to `file` in an earlier run and nobody has changed since: a generated text
 * file or a binary document whose stamp still matches. Undefined for anything else.
 */
function unchangedGenerated(file: string): string | Uint8Array | undefined {
  const bytes = readRecordBytesIfExists(null, file, { limit: MAX_COMMIT_READ_BYTES });
  if (bytes === undefined) return undefined;
  if (isStampedDocument(file)) return stateOfBinary(file, bytes) === 'unchanged' ? bytes : undefined;
  const text = decodeText(bytes);
  return text.ok && stateOfText(text.text) === 'unchanged' ? bytes : undefined;
}

/**
 * The content of `file` that wep's commit should hold (text or bytes), or a reason not to
 * commit it, or null when wep did not change it in this run (nothing of it to commit).
 */
function contentToCommit(top: string, file: string, rel: string, head: Entry | undefined): { content: string | Uint8Array } | { refuse: string } | null {
  const j = journalEntry(file);
  if (!j) {
    // not written this run: only a generated file still exactly as wep made it is wep's alone
    const content = unchangedGenerated(file);
    return content === undefined ? null : { content };
  }
  // a binary document, or a text file written whole: all of it is wep's
  if (typeof j.after !== 'string' || !j.reapply) return { content: j.after };
  if (!head) {
    if (j.before === undefined) return { content: j.after };
    return { refuse: `${rel} is not in git yet and holds text wep did not write; wep commits only its own change` };
  }
  const bytes = gitBytes(['cat-file', 'blob', head.oid], top);
  const committed = bytes ? decodeText(bytes) : undefined;
  if (!committed?.ok) return { refuse: `the committed version of ${rel} cannot be read as UTF-8 text` };
  if (committed.text === j.before || committed.text === j.before?.replace(/\r\n/g, '\n')) return { content: j.after };
  try {
    return { content: keepConventions(committed, j.reapply(committed.text)) };
  } catch {
    return { refuse: `${rel} holds changes of yours that are not committed, and wep's change cannot be made on the committed version alone` };
  }
}

/**
 * The files among `files` (absolute paths) that git ignores and does not track: --commit
 * leaves them out, as "git add" would, since the clerk's .gitignore keeps them out of git.
 */
export function ignoredFiles(root: string, files: readonly string[]): string[] {
  if (files.length === 0) return [];
  const r = runGit(['ls-files', '-z', '--others', '--ignored', '--exclude-standard', '--', ...files.map((f) => relative(root, f) || '.')], root);
  if (r.code !== 0) return [];
  const ignored = new Set(r.stdout.split('\0').filter(Boolean).map((rel) => resolve(root, rel)));
  return files.filter((f) => ignored.has(resolve(f)));
}

/** The line of git's output that says why: its fatal: or error: line, else its last. */
function gitSays(out: string): string {
  const lines = out.split('\n').map((l) => l.trim()).filter(Boolean);
  return lines.find((l) => /^(fatal|error):/.test(l)) ?? lines[lines.length - 1] ?? 'no reason given';
}

/** What a --commit did. */
export interface CommitOutcome {
  /** The short hash, or null when the files were already as committed. */
  hash: string | null;
  /** The files the commit holds (absolute paths). */
  committed: string[];
  /** Files left out because git ignores them (see ignoredFiles). */
  ignored: string[];
}

/**
 * Commits wep's change to `files` (absolute paths) with `message`, and nothing else (see the
 * module comment). Returns the short hash, or null when the files are already as committed.
 */
export function commitFiles(root: string, files: string[], message: string): string | null {
  return commitChanges(root, files, message).hash;
}

/** commitFiles, saying also which files the commit holds and which git ignores. */
export function commitChanges(root: string, files: string[], message: string): CommitOutcome {
  const info = repoInfo(root);
  const { gitDir, top } = info;
  const shown = (f: string) => relative(root, f) || f;
  const release = lockRecord(join(gitDir, 'wep-commit'), 'the git index', 10_000);
  const tempIndex = join(gitDir, `wep-index-${process.pid}`);
  const env = { ...process.env, GIT_INDEX_FILE: tempIndex };
  try {
    const ignored = ignoredFiles(root, [...new Set(files)]);
    const unique = [...new Set(files)].filter((f) => !ignored.includes(f));
    const hasHead = runGit(['rev-parse', '-q', '--verify', 'HEAD^{commit}'], top).code === 0;
    const planned: Planned[] = [];
    const refusals: string[] = [];
    for (const file of unique) {
      const rel = topRelative(top, file);
      const head = hasHead ? headEntry(top, rel) : undefined;
      const staged = indexEntries(top, rel);
      if (staged.some((e) => e.stage !== '0')) {
        refusals.push(`${rel} has unresolved conflicts in git's index`);
        continue;
      }
      const c = contentToCommit(top, file, rel, head);
      if (c === null) continue;
      if ('refuse' in c) {
        refusals.push(c.refuse);
        continue;
      }
      const indexOid = staged[0]?.oid;
      if (indexOid !== head?.oid) {
        refusals.push(`${rel} has changes of yours staged in git's index; wep will not commit them with its own`);
        continue;
      }
      const h = runGit(['hash-object', '-w', '--stdin', `--path=${rel}`], top, { input: c.content });
      if (h.code !== 0) throw new WepError(`git could not store ${rel}: ${h.stderr.trim()}`, 'check the repository with "git status" and "git fsck"');
      const executable = (() => {
        try {
          return (statSync(file).mode & 0o111) !== 0;
        } catch {
          return false;
        }
      })();
      planned.push({ file, rel, mode: head?.mode ?? (executable ? '100755' : '100644'), oid: h.stdout.trim(), headOid: head?.oid });
    }
    const onDisk = unique.map(shown).join(', ');
    if (refusals.length) {
      throw new WepError(
        `wep wrote ${onDisk} but did not commit: ${refusals.join('; ')}. git's index is as it was`,
        'commit or unstage your own changes in those files first (git diff shows them), then commit wep\'s with git add and git commit',
      );
    }
    const changed = planned.filter((p) => p.oid !== p.headOid);
    if (changed.length === 0) return { hash: null, committed: [], ignored };

    const read = runGit(hasHead ? ['read-tree', 'HEAD'] : ['read-tree', '--empty'], top, { env });
    if (read.code !== 0) throw new WepError(`git could not read HEAD: ${read.stderr.trim()}`, 'check the repository with "git status"');
    const info2 = runGit(['update-index', '--add', '-z', '--index-info'], top, { env, input: changed.map((p) => `${p.mode} ${p.oid}\t${p.rel}\0`).join('') });
    if (info2.code !== 0) throw new WepError(`git could not stage ${onDisk}: ${info2.stderr.trim()}`, 'check the repository with "git status"');

    const r = runGit(['commit', '--quiet', '-m', message], top, { env });
    if (r.code !== 0) {
      const why = (r.stderr || r.stdout).trim();
      const identity = /tell me who you are|empty ident|user\.email|user\.name/i.test(why);
      throw new WepError(
        `wep wrote ${onDisk} to disk, but git did not commit: ${identity ? 'git does not know who you are' : 'git refused the commit'} (${gitSays(why)}). git's index is as it was`,
        identity
          ? 'set your name and email once: git config --global user.name "Your Name" && git config --global user.email you@example.org, then commit the files yourself or run the command again'
          : 'a hook may have refused it (see its message); fix what it reports, then commit the files yourself: git add them and git commit',
      );
    }
    // git's own index now holds the committed version of wep's files, so status shows only
    // the clerk's own changes
    const hash = runGit(['rev-parse', '--short', 'HEAD'], top).stdout.trim();
    const sync = runGit(['update-index', '--add', '-z', '--index-info'], top, { input: changed.map((p) => `${p.mode} ${p.oid}\t${p.rel}\0`).join('') });
    if (sync.code !== 0) {
      throw new WepError(`committed ${hash}, but git's index could not be brought up to date (${sync.stderr.trim()})`, `run "git reset -q -- ${changed.map((p) => p.rel).join(' ')}" so git status shows only your own changes`);
    }
    return { hash, committed: changed.map((p) => p.file), ignored };
  } finally {
    rmSync(tempIndex, { force: true });
    rmSync(`${tempIndex}.lock`, { force: true });
    release();
  }
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
