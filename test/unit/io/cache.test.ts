import { mkdirSync, mkdtempSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checksum } from '../../../src/core/hash.js';
import { cacheDir, cacheKey, pruneCache, readCache as readAny, writeCache } from '../../../src/io/cache.js';

const readCache = (key: string, env: NodeJS.ProcessEnv) => readAny(key, (v): v is unknown => true, env);

const dir = mkdtempSync(join(tmpdir(), 'wep-cache-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('cache', () => {
  it('lives in WEP_CACHE_DIR, else XDG_CACHE_HOME/wep, else ~/.cache/wep; WEP_NO_CACHE turns it off', () => {
    expect(cacheDir({ WEP_CACHE_DIR: '/c', XDG_CACHE_HOME: '/x' })).toBe('/c');
    expect(cacheDir({ XDG_CACHE_HOME: '/x' })).toBe('/x/wep');
    expect(cacheDir({})).toBe(join(homedir(), '.cache', 'wep'));
    expect(cacheDir({ WEP_NO_CACHE: '1', WEP_CACHE_DIR: '/c' })).toBeUndefined();
  });

  it('keys are stable hashes of every part, and parts cannot run together', () => {
    expect(cacheKey('a', 'b')).toBe(cacheKey('a', 'b'));
    expect(cacheKey('a', 'b')).not.toBe(cacheKey('a', 'c'));
    expect(cacheKey('ab', 'c')).not.toBe(cacheKey('a', 'bc'));
    expect(cacheKey('x')).toMatch(/^[0-9a-f]{32}$/);
  });

  it('round-trips JSON; a miss, a corrupt entry or no cache is just undefined', () => {
    const env = { WEP_CACHE_DIR: join(dir, 'c') };
    const key = cacheKey('t', 'round-trip');
    expect(readCache(key, env)).toBeUndefined();
    writeCache(key, { a: [1, 2], b: null }, env);
    expect(readCache(key, env)).toEqual({ a: [1, 2], b: null });
    expect(readdirSync(env.WEP_CACHE_DIR).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    writeFileSync(join(env.WEP_CACHE_DIR, `${key}.json`), '{ not json');
    expect(readCache(key, env)).toBeUndefined();
    writeCache(key, 1, { WEP_NO_CACHE: '1' });
    expect(readCache(key, { WEP_NO_CACHE: '1' })).toBeUndefined();
  });

  it('a cache folder that cannot be written only costs speed', () => {
    const blocker = join(dir, 'a-file');
    writeFileSync(blocker, 'not a folder');
    expect(() => writeCache(cacheKey('x'), { a: 1 }, { WEP_CACHE_DIR: join(blocker, 'sub') })).not.toThrow();
    expect(readCache(cacheKey('x'), { WEP_CACHE_DIR: join(blocker, 'sub') })).toBeUndefined();
  });
});

describe('a run that starts with no cache folder', () => {
  it('reads back what it wrote, and takes anything else as a miss (another run may be writing it)', () => {
    const env = { WEP_CACHE_DIR: join(dir, 'cold') };
    const mine = cacheKey('t', 'mine');
    const theirs = cacheKey('t', 'theirs');
    expect(readCache(mine, env)).toBeUndefined();
    writeCache(mine, { a: 1 }, env);
    // an entry of the right form written beside it by another wep
    const payload = '{"b":2}';
    writeFileSync(join(env.WEP_CACHE_DIR, `${theirs}.json`), `wep-cache 1 ${theirs} ${checksum(payload)}\n${payload}`);
    expect(readCache(mine, env)).toEqual({ a: 1 });
    expect(readCache(theirs, env)).toBeUndefined();
    // a folder that was there at the first look is read as usual
    const warm = { WEP_CACHE_DIR: join(dir, 'cold-copy') };
    mkdirSync(warm.WEP_CACHE_DIR);
    writeFileSync(join(warm.WEP_CACHE_DIR, `${theirs}.json`), `wep-cache 1 ${theirs} ${checksum(payload)}\n${payload}`);
    expect(readCache(theirs, warm)).toEqual({ b: 2 });
  });
});

describe('pruneCache', () => {
  it('keeps the newest half once the folder passes the limit', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'wep-prune-'));
    for (let i = 0; i < 12; i++) {
      writeFileSync(join(dir, `k${i}.json`), '{}');
      utimesSync(join(dir, `k${i}.json`), 1_000 + i, 1_000 + i);
    }
    pruneCache(dir, 20);
    expect(readdirSync(dir)).toHaveLength(12);
    pruneCache(dir, 10);
    expect(readdirSync(dir).sort()).toEqual(['k10.json', 'k11.json', 'k7.json', 'k8.json', 'k9.json']);
    rmSync(dir, { recursive: true, force: true });
  });
});
