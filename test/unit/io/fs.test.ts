/**
 * The one writer: no update lost between processes (a real race of two processes on one
 * file), modes kept, read-only refused, every disk failure (injected through the writer's fs
 * seam) a clear exit 2 with the target as it was and no temporary or lock file left, BOM and
 * CRLF kept, non-UTF-8 never rewritten, and the journal --commit reads.
 */
import { spawn } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSync } from 'esbuild';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DiagnosticsError, WepError } from '../../../src/core/errors.js';
import { clearJournal, journalEntry, lockRecord, resetWriterFs, updateRecordBytes, updateRecordFile, writeRecordFile, writerFs } from '../../../src/io/fs.js';

const made: string[] = [];
afterAll(() => made.forEach((d) => rmSync(d, { recursive: true, force: true })));
let root: string;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'wep-writer-'));
  made.push(root);
  clearJournal();
});
afterEach(() => resetWriterFs());

const leftovers = (dir: string) => readdirSync(dir).filter((n) => /\.tmp$|\.wep-lock$/.test(n));

function wepError(f: () => unknown): WepError {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(WepError);
    expect((e as WepError).exitCode).toBe(2);
    return e as WepError;
  }
  throw new Error('expected a WepError');
}

describe('modes and read-only files', () => {
  for (const mode of [0o600, 0o640, 0o644, 0o664, 0o700, 0o755]) {
    it(`a file of mode ${mode.toString(8)} keeps it when rewritten`, () => {
      const p = join(root, 'meeting.yaml');
      writeFileSync(p, 'a: 1\n');
      chmodSync(p, mode);
      writeRecordFile(p, 'a: 2\n', { root });
      expect(readFileSync(p, 'utf8')).toBe('a: 2\n');
      expect(statSync(p).mode & 0o7777).toBe(mode);
    });
  }

  for (const mode of [0o444, 0o400, 0o555]) {
    it(`a read-only file (${mode.toString(8)}) is refused, not replaced, even for root`, () => {
      const p = join(root, 'meeting.yaml');
      writeFileSync(p, 'a: 1\n');
      chmodSync(p, mode);
      const e = wepError(() => writeRecordFile(p, 'a: 2\n', { root, display: 'meeting.yaml' }));
      expect(e.message).toBe('meeting.yaml is read-only; wep will not replace it');
      expect(e.hint).toBe('make it writable (chmod u+w meeting.yaml) if wep is to change it');
      expect(readFileSync(p, 'utf8')).toBe('a: 1\n');
      expect(leftovers(root)).toEqual([]);
    });
  }

  it('a read-only folder is refused', () => {
    const dir = join(root, 'meetings');
    mkdirSync(dir);
    chmodSync(dir, 0o555);
    const e = wepError(() => writeRecordFile(join(dir, 'new.yaml'), 'a: 1\n', { root, display: 'meetings/new.yaml' }));
    expect(e.message).toBe('meetings/new.yaml is in a read-only folder; wep will not write there');
    chmodSync(dir, 0o755);
    expect(readdirSync(dir)).toEqual([]);
  });
});

describe('a lock that cannot be written', () => {
  it('is not left behind to hold other runs off: the next write goes ahead at once', () => {
    const p = join(root, 'minutes.md');
    writeFileSync(p, 'before\n');
    const real = writerFs.writeSync;
    writerFs.writeSync = ((...args: Parameters<typeof real>) => {
      if (/^\d+\n\d+\n$/.test(Buffer.from(args[1] as Uint8Array).toString())) throw Object.assign(new Error('ENOSPC'), { code: 'ENOSPC' });
      return real(...args);
    }) as typeof real;
    try {
      expect(wepError(() => writeRecordFile(p, 'after\n', { root, display: 'minutes.md' })).message).toMatch(/the disk is full \(ENOSPC\)/);
    } finally {
      writerFs.writeSync = real;
    }
    expect(readdirSync(root).filter((n) => n.endsWith('.wep-lock'))).toEqual([]);
    // with no wait at all: a lock left behind would be refused at once
    lockRecord(p, 'minutes.md', 0)();
    writeRecordFile(p, 'after\n', { root, display: 'minutes.md' });
    expect(readFileSync(p, 'utf8')).toBe('after\n');
  });
});

describe('disk failures: exit 2, a clear message, the file as it was, nothing partial', () => {
  type Op = 'openSync' | 'writeSync' | 'fsyncSync' | 'renameSync' | 'fchmodSync';
  const cases: [Op, string, RegExp][] = [
    ['writeSync', 'ENOSPC', /the disk is full \(ENOSPC\); nothing was changed$/],
    ['writeSync', 'EDQUOT', /the disk quota is used up/],
    ['writeSync', 'EIO', /an input\/output error/],
    ['openSync', 'EROFS', /the file system is read-only \(EROFS\)/],
    ['openSync', 'EACCES', /permission denied \(EACCES\)/],
    ['openSync', 'EMFILE', /too many open files/],
    ['fsyncSync', 'ENOSPC', /the disk is full/],
    ['fsyncSync', 'EIO', /input\/output error/],
    ['renameSync', 'EACCES', /permission denied/],
    ['renameSync', 'EROFS', /read-only/],
    ['renameSync', 'EBUSY', /the file is busy/],
    ['fchmodSync', 'EPERM', /not permitted/],
    ['writeSync', 'EWHATEVER', /the system said EWHATEVER/],
  ];
  for (const [op, code, message] of cases) {
    it(`${code} from ${op}`, () => {
      const p = join(root, 'minutes.md');
      writeFileSync(p, 'before\n');
      chmodSync(p, 0o640);
      const real = writerFs[op] as (...a: unknown[]) => unknown;
      // the lock file goes through the seam too: fail only the temporary file's calls
      const isLock = (args: unknown[]) =>
        op === 'writeSync' ? /^\d+\n\d+\n$/.test(Buffer.from(args[1] as Uint8Array).toString()) : String(args[0]).endsWith('.wep-lock');
      (writerFs as Record<Op, unknown>)[op] = (...args: unknown[]) => {
        if (!isLock(args)) throw Object.assign(new Error(code), { code });
        return real(...args);
      };
      const e = wepError(() => writeRecordFile(p, 'after\n', { root, display: 'minutes.md' }));
      expect(e.message).toMatch(/^could not write minutes\.md: /);
      expect(e.message).toMatch(message);
      expect(e.hint).toBeTruthy();
      expect(readFileSync(p, 'utf8')).toBe('before\n');
      expect(statSync(p).mode & 0o777).toBe(0o640);
      expect(leftovers(root)).toEqual([]);
      expect(journalEntry(p)).toBeUndefined();
    });
  }

  it('a failure to make the folder is a clear error too', () => {
    writerFs.mkdirSync = (() => {
      throw Object.assign(new Error('nope'), { code: 'ENOSPC' });
    }) as typeof writerFs.mkdirSync;
    const e = wepError(() => writeRecordFile(join(root, 'meetings', 'x', 'meeting.yaml'), 'a: 1\n', { root, display: 'meetings/x/meeting.yaml' }));
    expect(e.message).toBe('could not write meetings/x/meeting.yaml: the disk is full (ENOSPC); nothing was changed');
  });

  it('a lock that cannot be made (read-only file system) is a clear error', () => {
    const p = join(root, 'a.md');
    writeFileSync(p, 'x\n');
    writerFs.openSync = (() => {
      throw Object.assign(new Error('ro'), { code: 'EROFS' });
    }) as typeof writerFs.openSync;
    expect(wepError(() => writeRecordFile(p, 'y\n', { root, display: 'a.md' })).message).toBe('could not write a.md: the file system is read-only (EROFS); nothing was changed');
    expect(readFileSync(p, 'utf8')).toBe('x\n');
  });
});

describe('compare-and-swap', () => {
  it('refuses when the file no longer holds what the caller read', () => {
    const p = join(root, 'meeting.yaml');
    writeFileSync(p, 'a: 2\n');
    const e = wepError(() => writeRecordFile(p, 'a: 3\n', { root, display: 'meeting.yaml', expected: 'a: 1\n' }));
    expect(e.message).toBe('meeting.yaml changed on disk while wep was working (another wep run, or an editor); nothing was written');
    expect(readFileSync(p, 'utf8')).toBe('a: 2\n');
  });
  it('expected null: a file that appeared meanwhile is never replaced', () => {
    const p = join(root, 'meeting.yaml');
    writeFileSync(p, 'theirs\n');
    expect(wepError(() => writeRecordFile(p, 'mine\n', { root, display: 'meeting.yaml', expected: null })).message).toBe('meeting.yaml already exists; wep will not replace it');
    expect(readFileSync(p, 'utf8')).toBe('theirs\n');
  });
  it('expected text that was deleted meanwhile is refused', () => {
    expect(() => writeRecordFile(join(root, 'gone.yaml'), 'x\n', { root, expected: 'a\n' })).toThrow(/changed on disk/);
  });
  it('unchanged text is not rewritten (same inode, same mtime)', () => {
    const p = join(root, 'a.md');
    writeFileSync(p, 'same\n');
    const before = statSync(p);
    expect(writeRecordFile(p, 'same\n', { root }).written).toBe(false);
    expect(statSync(p).ino).toBe(before.ino);
  });
  it('a change function returning undefined writes nothing', () => {
    const p = join(root, 'a.md');
    expect(updateRecordFile(p, () => undefined, { root }).written).toBe(false);
    expect(readdirSync(root)).toEqual([]);
  });
  it('an error thrown by the change function leaves the file and no lock', () => {
    const p = join(root, 'a.md');
    writeFileSync(p, 'x\n');
    expect(() =>
      updateRecordFile(p, () => {
        throw new WepError('no');
      }, { root }),
    ).toThrow('no');
    expect(readFileSync(p, 'utf8')).toBe('x\n');
    expect(leftovers(root)).toEqual([]);
  });
});

describe('encodings and line ends', () => {
  it('a CRLF file stays CRLF, with no lone LF', () => {
    const p = join(root, 'meeting.yaml');
    writeFileSync(p, 'a: 1\r\nb: 2\r\n');
    writeRecordFile(p, 'a: 1\nb: 3\nc: 4\n', { root });
    expect(readFileSync(p, 'utf8')).toBe('a: 1\r\nb: 3\r\nc: 4\r\n');
  });
  it('an LF file stays LF', () => {
    const p = join(root, 'meeting.yaml');
    writeFileSync(p, 'a: 1\n');
    writeRecordFile(p, 'a: 2\n', { root });
    expect(readFileSync(p, 'utf8')).toBe('a: 2\n');
  });
  it('a BOM is kept, once', () => {
    const p = join(root, 'meeting.yaml');
    writeFileSync(p, '\uFEFFa: 1\n');
    const r = updateRecordFile(p, (cur) => cur!.replace('1', '2'), { root });
    expect(r.before).toBe('a: 1\n');
    expect(readFileSync(p, 'utf8')).toBe('\uFEFFa: 2\n');
  });
  it('BOM and CRLF together', () => {
    const p = join(root, 'meeting.yaml');
    writeFileSync(p, '\uFEFFa: 1\r\n');
    writeRecordFile(p, 'a: 2\nb: 1\n', { root });
    expect(readFileSync(p, 'utf8')).toBe('\uFEFFa: 2\r\nb: 1\r\n');
  });
  it('a file that is not UTF-8 is refused at its line and column and never rewritten', () => {
    const p = join(root, 'meeting.yaml');
    const bytes = Buffer.from([...Buffer.from('a: 1\nb: Caf'), 0xe9, 0x0a]);
    writeFileSync(p, bytes);
    let err: unknown;
    try {
      writeRecordFile(p, 'a: 2\n', { root, display: 'meeting.yaml' });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(DiagnosticsError);
    expect((err as DiagnosticsError).diagnostics[0]).toMatchObject({ file: 'meeting.yaml', pos: { line: 2, col: 7 } });
    expect(readFileSync(p)).toEqual(bytes);
    expect(leftovers(root)).toEqual([]);
  });
});

describe('the lock', () => {
  it('a live lock is waited for, then the run fails clearly', () => {
    const p = join(root, 'a.md');
    writeFileSync(join(root, '.a.md.wep-lock'), `${process.ppid}\n${Date.now()}\n`);
    const t = Date.now();
    const e = wepError(() => lockRecord(p, 'a.md', 150));
    expect(Date.now() - t).toBeGreaterThanOrEqual(140);
    expect(e.message).toBe(`another wep (process ${process.ppid}) is writing a.md; nothing was changed`);
    expect(e.hint).toBe('wait for it to finish and run the command again; if no wep is running, delete .a.md.wep-lock beside the file');
  });
  it('a lock whose process has died is taken over', async () => {
    const dead = await new Promise<number>((done) => {
      const c = spawn(process.execPath, ['-e', '0']);
      c.on('exit', () => done(c.pid!));
    });
    const p = join(root, 'a.md');
    writeFileSync(join(root, '.a.md.wep-lock'), `${dead}\n${Date.now()}\n`);
    writeRecordFile(p, 'x\n', { root });
    expect(readFileSync(p, 'utf8')).toBe('x\n');
    expect(leftovers(root)).toEqual([]);
  });
  it('a lock older than the stale limit is taken over whoever holds it', () => {
    const p = join(root, 'a.md');
    writeFileSync(join(root, '.a.md.wep-lock'), `${process.ppid}\n${Date.now() - 60_000}\n`);
    writeRecordFile(p, 'x\n', { root });
    expect(readFileSync(p, 'utf8')).toBe('x\n');
  });
  it('a half-written lock file (no pid yet) is waited for, not broken at once', () => {
    writeFileSync(join(root, '.a.md.wep-lock'), '');
    expect(() => lockRecord(join(root, 'a.md'), 'a.md', 100)).toThrow(/another wep is writing a\.md/);
  });

  it('two processes adding to one file 40 times each lose no update', async () => {
    const bundle = join(root, 'writer.cjs');
    buildSync({
      entryPoints: [resolve(dirname(fileURLToPath(import.meta.url)), '../../../src/io/fs.ts')],
      bundle: true,
      platform: 'node',
      format: 'cjs',
      outfile: bundle,
      logLevel: 'silent',
    });
    const counter = join(root, 'data', 'count.txt');
    mkdirSync(join(root, 'data'));
    writeFileSync(counter, '0\n');
    const script = `const w = require(${JSON.stringify(bundle)});
      for (let i = 0; i < 40; i++) w.updateRecordFile(${JSON.stringify(counter)}, (cur) => String(Number(cur) + 1) + '\\n', { root: ${JSON.stringify(root)} });`;
    const run = () =>
      new Promise<number>((done) => {
        const c = spawn(process.execPath, ['-e', script], { stdio: ['ignore', 'ignore', 'inherit'] });
        c.on('exit', (code) => done(code ?? -1));
      });
    const codes = await Promise.all([run(), run()]);
    expect(codes).toEqual([0, 0]);
    expect(readFileSync(counter, 'utf8')).toBe('80\n');
    expect(leftovers(join(root, 'data'))).toEqual([]);
  });
});

describe('the journal', () => {
  it('records the text before the first write, the last text, and the change to make again', () => {
    const p = join(root, 'meeting.yaml');
    writeFileSync(p, 'a: 1\n');
    updateRecordFile(p, (c) => `${c}b: 2\n`, { root, reapply: (base) => `${base}b: 2\n` });
    updateRecordFile(p, (c) => `${c}c: 3\n`, { root, reapply: (base) => `${base}c: 3\n` });
    const j = journalEntry(p)!;
    expect(j.before).toBe('a: 1\n');
    expect(j.after).toBe('a: 1\nb: 2\nc: 3\n');
    expect(j.reapply!('z: 0\n')).toBe('z: 0\nb: 2\nc: 3\n');
  });
  it('a whole-file write after an edit makes the text wep\'s alone', () => {
    const p = join(root, 'meeting.yaml');
    writeFileSync(p, 'a: 1\n');
    updateRecordFile(p, (c) => `${c}b: 2\n`, { root, reapply: (base) => `${base}b: 2\n` });
    writeRecordFile(p, 'whole\n', { root });
    expect(journalEntry(p)!.reapply).toBeUndefined();
  });
  it('a new file has no text before', () => {
    const p = join(root, 'new.md');
    writeRecordFile(p, 'x\n', { root, expected: null });
    expect(journalEntry(p)).toEqual({ before: undefined, after: 'x\n', reapply: undefined });
  });
  it('a refused write leaves no entry', () => {
    const p = join(root, 'a.md');
    writeFileSync(p, 'x\n');
    expect(() => writeRecordFile(p, 'y\n', { root, expected: 'other' })).toThrow();
    expect(journalEntry(p)).toBeUndefined();
  });
});

describe('binary files: the same writer, journalled whole', () => {
  it('writes the bytes atomically, keeps the mode, and journals them', () => {
    const p = join(root, 'agenda-pack.pdf');
    writeFileSync(p, Buffer.from([0x25, 0x50, 0x44, 0x46, 0x00, 0xff]));
    chmodSync(p, 0o640);
    const bytes = Buffer.from([0x25, 0x50, 0x44, 0x46, 0x0a, 0x00, 0xfe, 0xff]);
    expect(updateRecordBytes(p, () => bytes, { root, limit: 1024 })).toEqual({ written: true });
    expect(readFileSync(p).equals(bytes)).toBe(true);
    expect(statSync(p).mode & 0o7777).toBe(0o640);
    expect(journalEntry(p)).toEqual({ after: bytes });
    expect(leftovers(root)).toEqual([]);
  });
  it('change sees the bytes on disk, and returning undefined writes nothing and journals nothing', () => {
    const p = join(root, 'notice.docx');
    writeFileSync(p, Buffer.from('PK old'));
    let seen: Uint8Array | undefined;
    expect(updateRecordBytes(p, (current) => ((seen = current), undefined), { root, limit: 1024 })).toEqual({ written: false });
    expect(Buffer.from(seen!).toString()).toBe('PK old');
    expect(journalEntry(p)).toBeUndefined();
  });
  it('a read-only file is refused, and a file that must be new is not replaced', () => {
    const p = join(root, 'minutes.docx');
    writeFileSync(p, 'PK');
    chmodSync(p, 0o444);
    expect(wepError(() => updateRecordBytes(p, () => Buffer.from('PK new'), { root, display: 'minutes.docx', limit: 1024 })).message).toBe('minutes.docx is read-only; wep will not replace it');
    chmodSync(p, 0o644);
    expect(wepError(() => updateRecordBytes(p, () => Buffer.from('PK new'), { root, display: 'minutes.docx', expected: null, limit: 1024 })).message).toBe('minutes.docx already exists; wep will not replace it');
    expect(readFileSync(p, 'utf8')).toBe('PK');
    expect(journalEntry(p)).toBeUndefined();
  });
  it('a full disk leaves the file as it was and no temporary file', () => {
    const p = join(root, 'agenda-pack.pdf');
    writeFileSync(p, 'old');
    const real = writerFs.writeSync;
    // the lock file goes through the seam too: fail only the temporary file's write
    writerFs.writeSync = (fd, data) => {
      if (/^\d+\n\d+\n$/.test(Buffer.from(data).toString())) return real(fd, data);
      throw Object.assign(new Error('no space'), { code: 'ENOSPC' });
    };
    expect(wepError(() => updateRecordBytes(p, () => Buffer.from('new'), { root, display: 'agenda-pack.pdf', limit: 1024 })).message).toBe('could not write agenda-pack.pdf: the disk is full (ENOSPC); nothing was changed');
    expect(readFileSync(p, 'utf8')).toBe('old');
    expect(leftovers(root)).toEqual([]);
    expect(journalEntry(p)).toBeUndefined();
  });
  it('a link out of the repo is never written through', async () => {
    const { symlinkSync } = await import('node:fs');
    const elsewhere = mkdtempSync(join(tmpdir(), 'wep-elsewhere-'));
    made.push(elsewhere);
    writeFileSync(join(elsewhere, 'x.pdf'), 'theirs');
    symlinkSync(join(elsewhere, 'x.pdf'), join(root, 'agenda-pack.pdf'));
    expect(wepError(() => updateRecordBytes(join(root, 'agenda-pack.pdf'), () => Buffer.from('ours'), { root, display: 'agenda-pack.pdf', limit: 1024 })).message).toBe('agenda-pack.pdf is a symbolic link; wep will not replace it');
    expect(readFileSync(join(elsewhere, 'x.pdf'), 'utf8')).toBe('theirs');
  });
});

describe('outside the records repo', () => {
  it('a folder that leads out of the repo is never written into', async () => {
    const { symlinkSync } = await import('node:fs');
    const elsewhere = mkdtempSync(join(tmpdir(), 'wep-elsewhere-'));
    made.push(elsewhere);
    symlinkSync(elsewhere, join(root, 'meetings'));
    const e = wepError(() => writeRecordFile(join(root, 'meetings', 'x', 'meeting.yaml'), 'a: 1\n', { root, display: 'meetings/x/meeting.yaml' }));
    expect(e.message).toMatch(/^meetings\/x\/meeting\.yaml would be written outside the records repo/);
    expect(readdirSync(elsewhere)).toEqual([]);
  });
  it('a file that is a link (even inside) is not replaced', async () => {
    const { symlinkSync } = await import('node:fs');
    writeFileSync(join(root, 'real.md'), 'real\n');
    symlinkSync('real.md', join(root, 'link.md'));
    expect(() => writeRecordFile(join(root, 'link.md'), 'x\n', { root })).toThrow(/is a symbolic link; wep will not replace it/);
    expect(readFileSync(join(root, 'real.md'), 'utf8')).toBe('real\n');
  });
});
