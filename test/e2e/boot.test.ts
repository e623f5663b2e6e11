import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BIN, ROOT, removeRepo, tempRepo, wep } from '../helpers/wep.js';

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

const old = new Date('2000-01-01T00:00:00Z');
/** A code file made to look untouched since 2000, so that a rewrite of it shows. */
const age = (file: string) => utimesSync(file, old, old);
const untouched = (file: string) => statSync(file).mtimeMs === old.getTime();
const magic = (file: string) => readFileSync(file).subarray(0, 4).toString('latin1');

describe('start-up code cache', () => {
  it("a command's first run leaves a mark, the second writes its code, and the third takes it, with the same output", () => {
    const first = wep(['members', '--json'], { cwd: dir, env: { WEP_CACHE_DIR: cache } });
    expect(first.code).toBe(0);
    expect(codeFiles()).toEqual([expect.stringMatching(/^code-.*-members\.bin$/)]);
    const file = join(cache, codeFiles()[0]!);
    expect(magic(file)).toBe('WEP1');
    expect(readFileSync(file).length).toBe(12);
    expect(wep(['members', '--json'], { cwd: dir, env: { WEP_CACHE_DIR: cache } })).toEqual(first);
    expect(magic(file)).toBe('WEPC');
    expect(readFileSync(file).length).toBeGreaterThan(100_000);
    age(file);
    expect(wep(['members', '--json'], { cwd: dir, env: { WEP_CACHE_DIR: cache } })).toEqual(first);
    expect(untouched(file)).toBe(true);
  });

  it("the code kept is a run's with the parse cache warm: less than a run that parsed the records compiles", () => {
    const warm = mkdtempSync(join(tmpdir(), 'wep-boot-warm-'));
    const cold = mkdtempSync(join(tmpdir(), 'wep-boot-cold-'));
    const check = (at: string) => expect(wep(['check', '-q'], { cwd: dir, env: { WEP_CACHE_DIR: at } }).code).toBe(0);
    check(warm); // the mark, and the records' parse cache
    const [name] = readdirSync(warm).filter((f) => f.startsWith('code-'));
    // the same mark in a cache folder with nothing parsed: that run parses the records too
    cpSync(join(warm, name!), join(cold, name!));
    check(warm);
    check(cold);
    const size = (at: string) => readFileSync(join(at, name!)).length;
    expect(magic(join(cold, name!))).toBe('WEPC');
    expect(size(warm)).toBeLessThan(0.9 * size(cold));
    for (const at of [warm, cold]) rmSync(at, { recursive: true, force: true });
  });

  it('each command keeps its own', () => {
    expect(wep(['--file', 'partnership.yaml', 'deadlines', '2026-12-10'], { cwd: dir, env: { WEP_CACHE_DIR: cache } }).code).toBe(0);
    expect(codeFiles().map((f) => f.replace(/^code-.*-(\w+)\.bin$/, '$1')).sort()).toEqual(['deadlines', 'members']);
  });

  it('a damaged cache is rejected, the command still works, and the cache is made again', () => {
    const file = join(cache, codeFiles().find((f) => f.endsWith('-deadlines.bin'))!);
    writeFileSync(file, 'not a code cache');
    const r = wep(['deadlines', '2026-12-10', '--json'], { cwd: dir, env: { WEP_CACHE_DIR: cache } });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).noticeBy).toBe('2026-12-01');
    expect(magic(file)).toBe('WEP1');
    expect(wep(['deadlines', '2026-12-10', '--json'], { cwd: dir, env: { WEP_CACHE_DIR: cache } })).toEqual(r);
    expect(magic(file)).toBe('WEPC');
  });

  it('a cache with one byte of its code changed fails its checksum: not used, and made again', () => {
    const file = join(cache, codeFiles().find((f) => f.endsWith('-members.bin'))!);
    expect(magic(file)).toBe('WEPC');
    const damaged = readFileSync(file);
    damaged[Math.floor(damaged.length / 2)]! ^= 0x20;
    writeFileSync(file, damaged);
    age(file);
    const r = wep(['members', '--json'], { cwd: dir, env: { WEP_CACHE_DIR: cache } });
    expect(r.code).toBe(0);
    expect(untouched(file)).toBe(false);
    expect(magic(file)).toBe('WEP1');
    expect(wep(['members', '--json'], { cwd: dir, env: { WEP_CACHE_DIR: cache } })).toEqual(r);
    expect(magic(file)).toBe('WEPC');
    age(file);
    expect(wep(['members', '--json'], { cwd: dir, env: { WEP_CACHE_DIR: cache } })).toEqual(r);
    expect(untouched(file)).toBe(true);
  });

  it('with no WebAssembly (node --jitless) the checksum is worked out in JavaScript: the code one run writes, the next takes', () => {
    const own = mkdtempSync(join(tmpdir(), 'wep-boot-jitless-'));
    const run = () => spawnSync(process.execPath, ['--jitless', BIN, '--file', 'partnership.yaml', 'deadlines', '2026-12-10', '--json'], { cwd: dir, encoding: 'utf8', env: { ...process.env, WEP_CACHE_DIR: own, WEP_TODAY: '2026-11-22', NO_COLOR: '1' } });
    const first = run();
    expect(first.status).toBe(0);
    const [name] = readdirSync(own).filter((f) => f.startsWith('code-'));
    expect(name).toMatch(/-deadlines\.bin$/);
    const file = join(own, name!);
    expect(run().stdout).toBe(first.stdout);
    expect(magic(file)).toBe('WEPC');
    age(file);
    expect(run().stdout).toBe(first.stdout);
    expect(untouched(file)).toBe(true);
    rmSync(own, { recursive: true, force: true });
  });

  it("an earlier build's code files are removed when a new one is written", () => {
    writeFileSync(join(cache, 'code-0.0.1+old-members.bin'), 'old');
    writeFileSync(join(cache, 'keep-me.json'), '{}');
    expect(wep(['check', '-q'], { cwd: dir, env: { WEP_CACHE_DIR: cache } }).code).toBe(0);
    expect(readdirSync(cache)).not.toContain('code-0.0.1+old-members.bin');
    expect(readdirSync(cache)).toContain('keep-me.json');
    expect(codeFiles().some((f) => f.endsWith('-check.bin'))).toBe(true);
  });

  it('WEP_NO_CACHE=1 writes nothing', () => {
    const empty = mkdtempSync(join(tmpdir(), 'wep-boot-none-'));
    const r = wep(['deadlines', '2026-12-10'], { cwd: dir, env: { WEP_CACHE_DIR: empty, WEP_NO_CACHE: '1' } });
    expect(r.code).toBe(0);
    expect(readdirSync(empty)).toEqual([]);
    rmSync(empty, { recursive: true, force: true });
  });
});

/** A copy of wep's bin/ in a new folder, with dist/boot.cjs when `withBoot`, and no bundle. */
function copyOfWep(prefix: string, withBoot: boolean): string {
  const copy = mkdtempSync(join(tmpdir(), prefix));
  mkdirSync(join(copy, 'bin'));
  cpSync(BIN, join(copy, 'bin/wep.cjs'));
  if (withBoot) {
    mkdirSync(join(copy, 'dist'));
    cpSync(join(ROOT, 'dist/boot.cjs'), join(copy, 'dist/boot.cjs'));
  }
  return copy;
}

describe('reading the bundle', () => {
  it('an ASCII bundle is read as it is, and one with other text is decoded as UTF-8', () => {
    const copy = copyOfWep('wep-boot-text-', true);
    for (const text of ['Thursday, 10 December', 'Thursday \u2013 10 December \u00a3 \u{1F4C5}']) {
      writeFileSync(join(copy, 'dist/cli.cjs'), `process.stdout.write(${JSON.stringify(text)} + "\\n");`);
      const r = spawnSync(process.execPath, [join(copy, 'bin/wep.cjs')], { encoding: 'utf8', env: { ...process.env, WEP_NO_CACHE: '1' } });
      expect(r.stderr).toBe('');
      expect(r.stdout).toBe(`${text}\n`);
    }
    rmSync(copy, { recursive: true, force: true });
  });
});

describe('an unbuilt wep', () => {
  it.each([
    ['with dist/ but no bundle', true, 'cli.cjs is missing: wep has not been built'],
    ['with no dist/ at all', false, 'dist is missing: wep has not been built'],
  ])('%s, says how to build it instead of showing a stack trace', (_case, withBoot, says) => {
    const copy = copyOfWep('wep-unbuilt-', withBoot);
    const r = spawnSync(process.execPath, [join(copy, 'bin/wep.cjs'), 'check'], { encoding: 'utf8' });
    expect(r.status).toBe(70);
    expect(r.stderr).toContain(says);
    expect(r.stderr).toContain('fix: run "npm run build" (or "npm ci") in the wep folder');
    expect(r.stderr).not.toContain('    at ');
    rmSync(copy, { recursive: true, force: true });
  });
});
