/**
 * A cache of validated records keyed by the content hash of their source, so a command the
 * clerk runs mid-meeting does not pay for a cold YAML parse. It lives outside the records repo
 * (in the user cache folder), so it never shows up in git. Any failure just means no cache.
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { hashParts } from '../core/hash.js';
import { writeFileAtomic } from './fs.js';

declare const __WEP_BUILD__: string;
/** Each build caches apart, so a change in what is cached can never be misread. */
const BUILD = typeof __WEP_BUILD__ === 'string' ? __WEP_BUILD__ : `dev-${process.pid}`;

export function cacheDir(env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (env.WEP_NO_CACHE) return undefined;
  if (env.WEP_CACHE_DIR) return env.WEP_CACHE_DIR;
  const base = env.XDG_CACHE_HOME || join(homedir(), '.cache');
  return join(base, 'wep');
}

export function cacheKey(...parts: string[]): string {
  return hashParts([BUILD, ...parts]);
}

export function readCache<T>(key: string, env: NodeJS.ProcessEnv = process.env): T | undefined {
  const dir = cacheDir(env);
  if (!dir) return undefined;
  try {
    return JSON.parse(readFileSync(join(dir, `${key}.json`), 'utf8')) as T;
  } catch {
    return undefined;
  }
}

/** Entries kept (a records repo of 20 years has a thousand meetings, one entry each); past
 * this, a write removes the older half (by last write). */
export const MAX_CACHE_ENTRIES = 5000;

export function writeCache(key: string, value: unknown, env: NodeJS.ProcessEnv = process.env): void {
  const dir = cacheDir(env);
  if (!dir) return;
  try {
    mkdirSync(dir, { recursive: true });
    writeFileAtomic(join(dir, `${key}.json`), JSON.stringify(value));
    pruneCache(dir);
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
