import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { removeRepo, tempRepo, wep } from '../helpers/wep.js';

// bin/wep.cjs -> dist/boot.cjs compiles dist/cli.cjs with V8's code cache, kept in wep's cache
// folder. The cache may only ever cost speed: these tests show it is written, used, replaced
// when it does not fit, and never needed.
const dir = tempRepo({ git: false });
const cache = mkdtempSync(join(tmpdir(), 'wep-boot-cache-'));
afterAll(() => {
  removeRepo(dir);
  rmSync(cache, { recursive: true, force: true });
});
const codeFiles = () => readdirSync(cache).filter((f) => f.startsWith('code-') && f.endsWith('.bin'));

describe('start-up code cache', () => {
  it('is written after the first run and used by the next, with the same output', () => {
    const first = wep(['members', '--json'], { cwd: dir, env: { WEP_CACHE_DIR: cache } });
    expect(first.code).toBe(0);
    expect(codeFiles()).toHaveLength(1);
    const second = wep(['members', '--json'], { cwd: dir, env: { WEP_CACHE_DIR: cache } });
    expect(second).toEqual(first);
  });

  it('a damaged cache is rejected, the command still works, and the cache is rewritten', () => {
    const file = join(cache, codeFiles()[0]!);
    writeFileSync(file, 'not a code cache');
    const r = wep(['deadlines', '2026-12-10', '--json'], { cwd: dir, env: { WEP_CACHE_DIR: cache } });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).noticeBy).toBe('2026-12-01');
    expect(readFileSync(file).length).toBeGreaterThan(1000);
  });

  it('WEP_NO_CACHE=1 writes nothing', () => {
    const empty = mkdtempSync(join(tmpdir(), 'wep-boot-none-'));
    const r = wep(['deadlines', '2026-12-10'], { cwd: dir, env: { WEP_CACHE_DIR: empty, WEP_NO_CACHE: '1' } });
    expect(r.code).toBe(0);
    expect(readdirSync(empty)).toEqual([]);
    rmSync(empty, { recursive: true, force: true });
  });
});
