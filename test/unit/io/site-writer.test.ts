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
import { SITE_MARKER, siteWriterFs, writeSite } from '../../../src/io/site-writer.js';

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
  it('writes every file, each in its folder, and swaps the new site in', async () => {
    const out = earlierSite();
    const files = [...pages(300), { path: 'index.html', content: 'home' }, { path: 'registers/decisions.html', content: 'decisions' }];
    const written = await writeSite(out, { files, copies: [] });
    expect(written).toEqual(files.map((f) => f.path));
    for (const f of files) expect(readFileSync(join(out, f.path), 'utf8')).toBe(f.content);
    expect(existsSync(join(out, SITE_MARKER))).toBe(true);
    expect(leftovers(out)).toEqual([]);
  });

  it('a write that fails (a file where a folder belongs) leaves the old site and no build folder', async () => {
    const out = earlierSite();
    const files = [...pages(50), { path: 'meetings/m7', content: 'a file named as a folder' }, ...pages(50)];
    let error: unknown;
    try {
      await writeSite(out, { files, copies: [] });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(WepError);
    expect((error as WepError).message).toMatch(/could not write the site in .*nothing was changed/);
    expect(readFileSync(join(out, 'index.html'), 'utf8')).toBe('the old site');
    expect(leftovers(out)).toEqual([]);
  });

  it('a renderer that fails half way leaves the old site and no build folder', async () => {
    const out = earlierSite();
    function* files() {
      yield* pages(40);
      throw new Error('a bug in a page template');
    }
    await expect(writeSite(out, { files: files(), copies: [] })).rejects.toThrow('a bug in a page template');
    expect(readFileSync(join(out, 'index.html'), 'utf8')).toBe('the old site');
    expect(leftovers(out)).toEqual([]);
  });

  it('refuses a path that leaves the build folder', async () => {
    const out = earlierSite();
    await expect(writeSite(out, { files: [{ path: '../escape.html', content: 'x' }], copies: [] })).rejects.toThrow(/escapes the build folder/);
    expect(existsSync(join(out, '..', 'escape.html'))).toBe(false);
    expect(readFileSync(join(out, 'index.html'), 'utf8')).toBe('the old site');
  });

  it('writes a path given twice in turn: the later content is the one kept, even when the first write is slow', async () => {
    const out = earlierSite();
    const real = siteWriterFs.writeFile;
    let held = false;
    // the first write of index.html is held back until well after the second one was asked for
    siteWriterFs.writeFile = ((path: string, content: string, done: (e: NodeJS.ErrnoException | null) => void) => {
      if (path.endsWith('index.html') && !path.includes('meetings') && !held) {
        held = true;
        setTimeout(() => real(path, content, done), 100);
      } else real(path, content, done);
    }) as typeof siteWriterFs.writeFile;
    try {
      const files = [{ path: 'index.html', content: 'the first version' }, ...pages(40), { path: 'index.html', content: 'second' }, ...pages(40)];
      await writeSite(out, { files, copies: [] });
    } finally {
      siteWriterFs.writeFile = real;
    }
    expect(held).toBe(true);
    expect(readFileSync(join(out, 'index.html'), 'utf8')).toBe('second');
    expect(readFileSync(join(out, 'meetings/m39/index.html'), 'utf8')).toBe('page 39');
  });

  it('stops rendering soon after a write fails, and leaves nothing behind', async () => {
    const out = earlierSite();
    let rendered = 0;
    function* files() {
      yield { path: 'meetings', content: 'a file where the meetings folder belongs' };
      for (let i = 0; i < 5000; i++) {
        rendered++;
        yield { path: `meetings/m${i}/index.html`, content: `page ${i}` };
      }
    }
    await expect(writeSite(out, { files: files(), copies: [] })).rejects.toThrow(/could not write the site in .*nothing was changed/);
    expect(rendered).toBeLessThan(5000);
    expect(readFileSync(join(out, 'index.html'), 'utf8')).toBe('the old site');
    expect(leftovers(out)).toEqual([]);
  });

  it('copies papers after the pages, byte for byte, into their folders', async () => {
    const out = earlierSite();
    const paper = join(base, `paper-${n++}.pdf`);
    const bytes = Buffer.from([0x25, 0x50, 0x44, 0x46, 0x00, 0xff, 0x0a]);
    writeFileSync(paper, bytes);
    await writeSite(out, { files: pages(3), copies: [{ from: paper, to: 'meetings/m1/papers/report.pdf' }] });
    expect(readFileSync(join(out, 'meetings/m1/papers/report.pdf')).equals(bytes)).toBe(true);
    expect(readFileSync(join(out, 'meetings/m1/index.html'), 'utf8')).toBe('page 1');
  });
});
