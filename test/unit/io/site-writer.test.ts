/**
 * The site writer puts each page on disk as it is rendered, in a build folder swapped
 * in at the end: whatever fails on the way (the disk, the renderer), the site that was there is
 * left as it was and no build folder is left behind.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { WepError } from '../../../src/core/errors.js';
import { SITE_MARKER, writeSite } from '../../../src/io/site-writer.js';

const base = mkdtempSync(join(tmpdir(), 'wep-site-writer-'));
afterAll(() => rmSync(base, { recursive: true, force: true }));
let n = 0;

/** An earlier build in a folder of its own. */
function earlierSite(): string {
  const parent = join(base, `p${n++}`);
  const out = join(parent, 'site');
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, SITE_MARKER), 'built by wep\n');
  writeFileSync(join(out, 'index.html'), 'the old site');
  return out;
}

const pages = (count: number) => Array.from({ length: count }, (_, i) => ({ path: `meetings/m${i}/index.html`, content: `page ${i}` }));
const leftovers = (out: string) => readdirSync(join(out, '..')).filter((f) => f.includes('.wep-'));

describe('writeSite', () => {
  it('writes every file, each in its folder, and swaps the new site in', () => {
    const out = earlierSite();
    const files = [...pages(300), { path: 'index.html', content: 'home' }, { path: 'registers/decisions.html', content: 'decisions' }];
    const written = writeSite(out, { files, copies: [] });
    expect(written).toEqual(files.map((f) => f.path));
    for (const f of files) expect(readFileSync(join(out, f.path), 'utf8')).toBe(f.content);
    expect(existsSync(join(out, SITE_MARKER))).toBe(true);
    expect(leftovers(out)).toEqual([]);
  });

  it('a write that fails (a file where a folder belongs) leaves the old site and no build folder', () => {
    const out = earlierSite();
    const files = [...pages(50), { path: 'meetings/m7', content: 'a file named as a folder' }, ...pages(50)];
    let error: unknown;
    try {
      writeSite(out, { files, copies: [] });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(WepError);
    expect((error as WepError).message).toMatch(/could not write the site in .*nothing was changed/);
    expect(readFileSync(join(out, 'index.html'), 'utf8')).toBe('the old site');
    expect(leftovers(out)).toEqual([]);
  });

  it('a renderer that fails half way leaves the old site and no build folder', () => {
    const out = earlierSite();
    function* files() {
      yield* pages(40);
      throw new Error('a bug in a page template');
    }
    expect(() => writeSite(out, { files: files(), copies: [] })).toThrow('a bug in a page template');
    expect(readFileSync(join(out, 'index.html'), 'utf8')).toBe('the old site');
    expect(leftovers(out)).toEqual([]);
  });

  it('refuses a path that leaves the build folder', () => {
    const out = earlierSite();
    expect(() => writeSite(out, { files: [{ path: '../escape.html', content: 'x' }], copies: [] })).toThrow(/escapes the build folder/);
    expect(existsSync(join(out, '..', 'escape.html'))).toBe(false);
    expect(readFileSync(join(out, 'index.html'), 'utf8')).toBe('the old site');
  });
});
