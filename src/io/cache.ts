/**
 * A cache of validated records keyed by the content hash of their source, so a command the
 * clerk runs mid-meeting does not pay for a cold YAML parse. It lives outside the records repo
 * (in the user cache folder), so it never shows up in git. Any failure just means no cache.
 *
 * No entry is trusted as it is found: each file starts with a header naming its key and a
 * checksum of what follows, so a truncated, damaged, emptied or misplaced entry is a miss
 * (and is rewritten), and each caller checks the shape of what it reads before using it.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import type { Diagnostic } from '../core/diagnostic.js';
import { cacheHash, checksum } from '../core/hash.js';
import { writeFileAtomic } from './fs.js';

declare const __WEP_BUILD__: string;
/** Each build caches apart, so a change in what is cached can never be misread. */
const BUILD = typeof __WEP_BUILD__ === 'string' ? __WEP_BUILD__ : `dev-${process.pid}`;

/** WEP_NO_CACHE set to anything but "" or "0" turns every cache off (boot.ts reads it the same way). */
export const cacheDisabled = (env: NodeJS.ProcessEnv) => env.WEP_NO_CACHE !== undefined && env.WEP_NO_CACHE !== '' && env.WEP_NO_CACHE !== '0';

export function cacheDir(env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (cacheDisabled(env)) return undefined;
  if (env.WEP_CACHE_DIR) return env.WEP_CACHE_DIR;
  const base = env.XDG_CACHE_HOME || join(homedir(), '.cache');
  return join(base, 'wep');
}

export function cacheKey(...parts: string[]): string {
  return cacheHash([BUILD, ...parts]);
}

const header = (key: string, payload: string) => `wep-cache 1 ${key} ${checksum(payload)}\n`;

/** Whether a value read from the cache has the shape its caller expects. */
export type CacheShape<T> = (value: unknown) => value is T;

/**
 * The entry under `key`, if there is one, it is whole (header, key and checksum agree) and it
 * has the expected shape; otherwise undefined, and the caller computes and rewrites it.
 */
export function readCache<T>(key: string, isShape: CacheShape<T>, env: NodeJS.ProcessEnv = process.env): T | undefined {
  const dir = cacheDir(env);
  if (!dir) return undefined;
  const path = join(dir, `${key}.json`);
  // A cold run (CI's) would otherwise look for a thousand entries that cannot be there.
  if (startedEmpty(dir) && !writtenThisRun.has(path)) return undefined;
  try {
    const text = readFileSync(path, 'utf8');
    const nl = text.indexOf('\n');
    if (nl === -1) return undefined;
    const payload = text.slice(nl + 1);
    if (text.slice(0, nl + 1) !== header(key, payload)) return undefined;
    const value: unknown = JSON.parse(payload);
    return isShape(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

/** Entries kept (a records repo of 20 years has a thousand meetings, one entry each); past
 * this, a write removes the older half (by last write). */
export const MAX_CACHE_ENTRIES = 5000;

const pruned = new Set<string>();

/** Cache folders that did not exist when this run first looked: they hold only what it wrote. */
const emptyAtStart = new Map<string, boolean>();
const writtenThisRun = new Set<string>();

function startedEmpty(dir: string): boolean {
  let empty = emptyAtStart.get(dir);
  if (empty === undefined) emptyAtStart.set(dir, (empty = !existsSync(dir)));
  return empty;
}

export function writeCache(key: string, value: unknown, env: NodeJS.ProcessEnv = process.env): void {
  const dir = cacheDir(env);
  if (!dir) return;
  try {
    startedEmpty(dir);
    mkdirSync(dir, { recursive: true });
    const payload = JSON.stringify(value);
    const path = join(dir, `${key}.json`);
    writeFileAtomic(path, `${header(key, payload)}${payload}`);
    writtenThisRun.add(path);
    // once a run: a cold check writes an entry per meeting, and listing the folder after each
    // made a thousand writes quadratic
    if (!pruned.has(dir)) {
      pruned.add(dir);
      pruneCache(dir);
    }
  } catch {
    // a read-only home or full disk only costs speed
  }
}

/** Keeps the cache small: every new build, file version and day adds entries. Runs only on a
 * cache miss, so the fast path never lists the folder. */
export function pruneCache(dir: string, max = MAX_CACHE_ENTRIES): void {
  const names = readdirSync(dir).filter((n) => n.endsWith('.json'));
  if (names.length <= max) return;
  const byAge = names.map((n) => ({ n, t: statSync(join(dir, n)).mtimeMs })).sort((a, b) => a.t - b.t);
  for (const { n } of byAge.slice(0, names.length - Math.floor(max / 2))) rmSync(join(dir, n), { force: true });
}

// Shape checks for what the callers cache. Light on purpose (a full check would cost what the
// cache saves): the checksum already rules out damage, these rule out an entry of another kind.

export const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isPos = (v: unknown) => isObject(v) && Number.isInteger(v.line) && Number.isInteger(v.col) && Number.isInteger(v.len);
const optString = (v: unknown) => v === undefined || typeof v === 'string';

export function isDiagnostic(v: unknown): v is Diagnostic {
  return (
    isObject(v) &&
    (v.severity === 'error' || v.severity === 'warning') &&
    typeof v.file === 'string' &&
    typeof v.message === 'string' &&
    typeof v.check === 'string' &&
    (v.pos === undefined || isPos(v.pos)) &&
    optString(v.path) &&
    optString(v.hint)
  );
}

export const isDiagnostics = (v: unknown): v is Diagnostic[] => Array.isArray(v) && v.every(isDiagnostic);

/**
 * A value derived from `inputs` (texts that between them hold everything it depends on), from
 * the cache when the same inputs gave it before: the key hashes every input, so the cached
 * value is always the one computing it would give.
 */
export async function memoised<T>(kind: string, inputs: readonly string[], isShape: CacheShape<T>, compute: () => Promise<T>, env: NodeJS.ProcessEnv = process.env): Promise<T> {
  const key = cacheKey(kind, ...inputs);
  const hit = readCache(key, isShape, env);
  if (hit !== undefined) return hit;
  const value = await compute();
  writeCache(key, value, env);
  return value;
}
