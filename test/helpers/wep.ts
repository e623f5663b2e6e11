/**
 * End-to-end helpers: run the built `wep` (bin/wep.cjs -> dist/) in a temporary records repo,
 * with "today" fixed and a private cache, and capture stdout, stderr and the exit code.
 */
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, existsSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll } from 'vitest';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const BIN = join(ROOT, 'bin/wep.cjs');
export const EXAMPLE = join(ROOT, 'partnership.yaml');

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  cwd: string;
  today?: string;
  env?: Record<string, string | undefined>;
  input?: string;
}

function wepEnv(opts: RunOptions): NodeJS.ProcessEnv {
  const env: Record<string, string | undefined> = {
    ...process.env,
    WEP_TODAY: opts.today ?? '2026-11-22',
    // Outside the repo, so a test of what wep writes never sees the cache; one folder per test
    // file's process, so files do not share state.
    WEP_CACHE_DIR: join(process.env.WEP_TEST_CACHE_ROOT ?? join(tmpdir(), 'wep-test-cache'), String(process.pid)),
    NO_COLOR: '1',
    FORCE_COLOR: undefined,
    WEP_FILE: undefined,
    WEP_DEBUG: undefined,
    ...opts.env,
  };
  for (const k of Object.keys(env)) if (env[k] === undefined) delete env[k];
  return env as NodeJS.ProcessEnv;
}

/** Runs the built wep. No colour, a fixed today (default 2026-11-22) and a cache of its own. */
export function wep(args: string[], opts: RunOptions): RunResult {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: opts.cwd, env: wepEnv(opts), encoding: 'utf8', input: opts.input ?? '' });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/**
 * Runs the built wep without blocking this process: for tests that serve wep from here (a
 * mail server), which must go on answering while wep runs.
 */
export function wepAsync(args: string[], opts: RunOptions): Promise<RunResult> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: opts.cwd, env: wepEnv(opts), stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', fail);
    child.on('close', (code) => done({ code: code ?? -1, stdout, stderr }));
    child.stdin.end(opts.input ?? '');
  });
}

export function git(args: string[], cwd: string): string {
  const r = spawnSync('git', args, { cwd, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`git ${args.join(' ')}: ${r.stderr}`);
  return r.stdout;
}

/**
 * The files git tracks under `rel` in this checkout: what a fresh clone has. Untracked files
 * (the notice the quick start writes into the example meeting, a clerk's experiment) are never
 * copied into a test's repo. Outside a git checkout (an unpacked package), everything.
 */
export function trackedFiles(rel: string): string[] {
  const r = spawnSync('git', ['ls-files', '-z', '--', rel], { cwd: ROOT, encoding: 'utf8' });
  if (r.status !== 0) return existsSync(join(ROOT, rel)) ? listAll(join(ROOT, rel)).map((f) => join(rel, f)) : [];
  return r.stdout.split('\0').filter(Boolean);
}

function listAll(dir: string, base = dir): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => (d.isDirectory() ? listAll(join(dir, d.name), base) : [relative(base, join(dir, d.name))]));
}

/** Copies the tracked files under `rel` into `dest`, keeping their paths. */
export function copyTracked(rel: string, dest: string): void {
  for (const f of trackedFiles(rel)) {
    mkdirSync(dirname(join(dest, f)), { recursive: true });
    cpSync(join(ROOT, f), join(dest, f));
  }
}

/**
 * A fresh records repo in a temp folder: the bundled example partnership.yaml (and, with
 * `withMeetings`, the example meetings/ folder), committed to a new git repo.
 */
export function tempRepo(opts: { withMeetings?: boolean; git?: boolean; partnership?: string } = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'wep-test-'));
  if (opts.partnership !== undefined) writeFileSync(join(dir, 'partnership.yaml'), opts.partnership);
  else cpSync(EXAMPLE, join(dir, 'partnership.yaml'));
  if (opts.withMeetings) copyTracked('meetings', dir);
  if (!opts.withMeetings) mkdirSync(join(dir, 'meetings'), { recursive: true });
  writeFileSync(join(dir, '.gitignore'), '.wep-test-cache/\n');
  if (opts.git !== false) {
    git(['init', '-q', '-b', 'main'], dir);
    git(['config', 'user.email', 'clerk@example.org'], dir);
    git(['config', 'user.name', 'Test Clerk'], dir);
    git(['config', 'commit.gpgsign', 'false'], dir);
    git(['add', '-A'], dir);
    git(['commit', '-qm', 'records'], dir);
  }
  return dir;
}

export function read(dir: string, rel: string): string {
  return readFileSync(join(dir, rel), 'utf8');
}

export function write(dir: string, rel: string, text: string): void {
  mkdirSync(dirname(join(dir, rel)), { recursive: true });
  writeFileSync(join(dir, rel), text);
}

export function removeRepo(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

/**
 * A maker of temp repos for one test file, each removed after the file's tests:
 * `const repo = tempRepos({ withMeetings: true });` then `repo()` or `repo({ git: false })`.
 */
export function tempRepos(defaults: Parameters<typeof tempRepo>[0] = {}): (opts?: Parameters<typeof tempRepo>[0]) => string {
  const made: string[] = [];
  afterAll(() => made.forEach(removeRepo));
  return (opts = {}) => {
    const dir = tempRepo({ ...defaults, ...opts });
    made.push(dir);
    return dir;
  };
}

/** git identity and config for tests that run git in a fresh folder, whatever the machine has. */
export const GIT_ENV = {
  GIT_CONFIG_GLOBAL: '/dev/null',
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_AUTHOR_NAME: 'Test Clerk',
  GIT_AUTHOR_EMAIL: 'clerk@example.org',
  GIT_COMMITTER_NAME: 'Test Clerk',
  GIT_COMMITTER_EMAIL: 'clerk@example.org',
};
