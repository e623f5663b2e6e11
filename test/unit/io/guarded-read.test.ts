/**
 * The guarded reader against real hostile files: links out of the repo (every shape), FIFOs
 * (the test would hang if one were opened blocking), sockets, devices, folders where a file
 * belongs, files over the limit, text that is not UTF-8. Each refusal names the file and the
 * reason, exits 2 and never carries the content.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DiagnosticsError, WepError } from '../../../src/core/errors.js';
import {
  isRecordFile,
  listRecordFolder,
  readRecordBytes,
  readRecordText,
  readRecordTextIfExists,
  recordEntry,
  RefusedFileError,
  verifyWritableRecord,
} from '../../../src/io/guarded-read.js';

const SECRET = 'TOP-SECRET-CONTENT-7f3a';
let base: string;
let root: string;
let outside: string;
let server: Server | undefined;

beforeAll(async () => {
  base = mkdtempSync(join(tmpdir(), 'wep-guard-'));
  root = join(base, 'records');
  outside = join(base, 'elsewhere');
  mkdirSync(join(root, 'meetings', 'm1'), { recursive: true });
  mkdirSync(outside);
  writeFileSync(join(outside, 'secret.txt'), `${SECRET}\n`);
  mkdirSync(join(outside, 'dir'));
  writeFileSync(join(outside, 'dir', 'meeting.yaml'), `${SECRET}\n`);
  writeFileSync(join(root, 'ok.md'), 'hello\n');
  mkdirSync(join(root, 'sub'));
  writeFileSync(join(root, 'sub', 'inner.md'), 'inner\n');
  // links out, in every shape
  symlinkSync(join(outside, 'secret.txt'), join(root, 'abs-link.md'));
  symlinkSync('../elsewhere/secret.txt', join(root, 'rel-link.md'));
  symlinkSync(outside, join(root, 'linked-dir'));
  symlinkSync('abs-link.md', join(root, 'chain-link.md'));
  symlinkSync(join(outside, 'missing.txt'), join(root, 'dangling.md'));
  symlinkSync('loop-b.md', join(root, 'loop-a.md'));
  symlinkSync('loop-a.md', join(root, 'loop-b.md'));
  symlinkSync('/etc/passwd', join(root, 'passwd.md'));
  symlinkSync('/dev/zero', join(root, 'zero.md'));
  symlinkSync('/proc/self/environ', join(root, 'environ.md'));
  symlinkSync(join(outside, 'dir'), join(root, 'meetings', 'linked-meeting'));
  // links that stay inside are fine
  symlinkSync('ok.md', join(root, 'inside-link.md'));
  symlinkSync('sub', join(root, 'inside-dir-link'));
  // not files
  execFileSync('mkfifo', [join(root, 'fifo.md')]);
  execFileSync('mkfifo', [join(outside, 'fifo')]);
  symlinkSync(join(root, 'fifo.md'), join(root, 'fifo-link.md'));
  mkdirSync(join(root, 'folder.md'));
  await new Promise<void>((done) => {
    server = createServer().listen(join(root, 'socket.md'), () => done());
  });
  // sizes
  writeFileSync(join(root, 'big.md'), '');
  truncateSync(join(root, 'big.md'), 5 * 1024 * 1024 + 1);
  writeFileSync(join(root, 'limit.md'), 'x'.repeat(100));
  writeFileSync(join(root, 'meetings', 'not-a-folder'), 'x');
});

afterAll(async () => {
  await new Promise<void>((done) => (server ? server.close(() => done()) : done()));
  rmSync(base, { recursive: true, force: true });
});

function refusal(f: () => unknown): RefusedFileError {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(RefusedFileError);
    const r = e as RefusedFileError;
    expect(r.exitCode).toBe(2);
    expect(r.message).not.toContain(SECRET);
    expect(r.hint).toBeTruthy();
    return r;
  }
  throw new Error('expected a refusal');
}

describe('links out of the records repo are refused, by name, content never shown', () => {
  const cases: [string, string][] = [
    ['abs-link.md', 'outside'],
    ['rel-link.md', 'outside'],
    ['chain-link.md', 'outside'],
    ['linked-dir/secret.txt', 'outside'],
    ['passwd.md', 'outside'],
    ['zero.md', 'outside'],
    ['environ.md', 'outside'],
    ['meetings/linked-meeting/meeting.yaml', 'outside'],
    ['dangling.md', 'dangling-link'],
    ['loop-a.md', 'link-loop'],
  ];
  for (const [rel, reason] of cases) {
    it(`${rel}: ${reason}`, () => {
      for (const read of [readRecordText, readRecordTextIfExists, readRecordBytes, recordEntry]) {
        const r = refusal(() => read(root, join(root, rel)));
        expect(r.reason).toBe(reason);
        expect(r.message).toContain(rel);
      }
      expect(isRecordFile(root, join(root, rel))).toBe(false);
    });
  }

  it('a linked folder out of the repo is refused when listed', () => {
    expect(refusal(() => listRecordFolder(root, join(root, 'linked-dir'))).reason).toBe('outside');
    expect(refusal(() => recordEntry(root, join(root, 'meetings', 'linked-meeting'))).reason).toBe('outside');
  });

  it('a plain folder reached through a link out of the repo is refused, and so is the file in it, asked in either order', () => {
    // the folder itself is no link: where it really is comes from the folder it is in
    expect(refusal(() => recordEntry(root, join(root, 'linked-dir', 'dir'))).reason).toBe('outside');
    expect(refusal(() => readRecordText(root, join(root, 'linked-dir', 'dir', 'meeting.yaml'))).reason).toBe('outside');
    expect(refusal(() => listRecordFolder(root, join(root, 'meetings', 'linked-meeting'))).reason).toBe('outside');
    expect(refusal(() => readRecordText(root, join(root, 'meetings', 'linked-meeting', 'meeting.yaml'))).reason).toBe('outside');
    expect(refusal(() => recordEntry(root, join(root, 'meetings', 'linked-meeting'))).reason).toBe('outside');
    // and a plain folder inside the repo, then its file
    expect(recordEntry(root, join(root, 'meetings', 'm1'))).toBe('folder');
    expect(recordEntry(root, join(root, 'sub'))).toBe('folder');
    expect(readRecordText(root, join(root, 'sub', 'inner.md'))).toBe('inner\n');
  });

  it('links that stay inside the repo are read', () => {
    expect(readRecordText(root, join(root, 'inside-link.md'))).toBe('hello\n');
    expect(readRecordText(root, join(root, 'inside-dir-link', 'inner.md'))).toBe('inner\n');
    expect(recordEntry(root, join(root, 'inside-dir-link'))).toBe('folder');
  });

  it('the root given as a path through a link is still the same repo', () => {
    const viaLink = join(base, 'records-link');
    symlinkSync(root, viaLink);
    expect(readRecordText(viaLink, join(viaLink, 'ok.md'))).toBe('hello\n');
    expect(refusal(() => readRecordText(viaLink, join(viaLink, 'abs-link.md'))).reason).toBe('outside');
  });

  it('the message names the file and says it leads outside', () => {
    const r = refusal(() => readRecordText(root, join(root, 'abs-link.md'), { display: 'meetings/x/minutes.md' }));
    expect(r.message).toMatch(/^meetings\/x\/minutes\.md leads outside the records repo \(to .*secret\.txt\); wep reads and writes only files inside it$/);
    expect(r.hint).toBe('put the file or folder itself in the records repo instead of a link to it');
  });
});

describe('what is not a regular file is refused before it is opened', () => {
  const cases: [string, string, RegExp][] = [
    ['fifo.md', 'fifo', /is a named pipe \(FIFO\), not a file/],
    ['fifo-link.md', 'fifo', /is a named pipe/],
    ['socket.md', 'socket', /is a socket, not a file/],
    ['folder.md', 'folder', /is a folder where a file belongs/],
  ];
  for (const [rel, reason, message] of cases) {
    it(`${rel}: ${reason} (no hang)`, () => {
      for (const read of [readRecordText, readRecordTextIfExists, readRecordBytes]) {
        const r = refusal(() => read(root, join(root, rel)));
        expect(r.reason).toBe(reason);
        expect(r.message).toMatch(message);
      }
      expect(isRecordFile(root, join(root, rel))).toBe(false);
    });
  }

  it('a FIFO given with no repo (an --out file) is refused too', () => {
    expect(refusal(() => readRecordText(null, join(outside, 'fifo'))).reason).toBe('fifo');
  });

  it('a device is refused (null root: only the kind is checked)', () => {
    const r = refusal(() => readRecordText(null, '/dev/zero'));
    expect(r.reason).toBe('device');
    expect(refusal(() => readRecordText(null, '/dev/null')).reason).toBe('device');
  });

  it('recordEntry tells a file from a folder and refuses the rest', () => {
    expect(recordEntry(root, join(root, 'ok.md'))).toBe('file');
    expect(recordEntry(root, join(root, 'sub'))).toBe('folder');
    expect(recordEntry(root, join(root, 'nothing.md'))).toBe('absent');
    expect(recordEntry(root, join(root, 'ok.md', 'below'))).toBe('absent');
    expect(refusal(() => recordEntry(root, join(root, 'fifo.md'))).reason).toBe('fifo');
  });

  it('a file where a folder belongs is refused when listed; a missing folder is empty', () => {
    expect(refusal(() => listRecordFolder(root, join(root, 'meetings', 'not-a-folder'))).reason).toBe('not-a-folder');
    expect(listRecordFolder(root, join(root, 'no-such-folder'))).toEqual([]);
    expect(listRecordFolder(root, join(root, 'sub')).map((d) => d.name)).toEqual(['inner.md']);
  });
});

describe('size limits', () => {
  it('a file over the default limit is refused before it is read', () => {
    const r = refusal(() => readRecordText(root, join(root, 'big.md')));
    expect(r.reason).toBe('too-large');
    expect(r.message).toBe('big.md is 5 MiB, larger than wep reads for this file (5 MiB)');
  });
  it('a caller limit applies: at the limit is read, one byte over is refused', () => {
    expect(readRecordText(root, join(root, 'limit.md'), { limit: 100 })).toHaveLength(100);
    expect(refusal(() => readRecordText(root, join(root, 'limit.md'), { limit: 99 })).reason).toBe('too-large');
  });
  it('files of every size around the read sizes come back byte for byte', () => {
    for (const size of [0, 1, 2, 65535, 65536, 65537, 131073, 300000]) {
      const bytes = Buffer.alloc(size);
      for (let i = 0; i < size; i++) bytes[i] = (i * 7919 + size) & 0xff;
      const path = join(root, `sized-${size}.bin`);
      writeFileSync(path, bytes);
      expect(readRecordBytes(root, path).equals(bytes), `${size} bytes`).toBe(true);
    }
  });
  it('a file with more bytes than its size says (a /proc file says 0) is read to its end, within the limit', () => {
    const proc = '/proc/version';
    if (!existsSync(proc)) return;
    const text = readFileSync(proc);
    expect(text.length).toBeGreaterThan(1);
    expect(readRecordBytes(null, proc).equals(text)).toBe(true);
    expect(refusal(() => readRecordBytes(null, proc, { limit: 1 })).reason).toBe('too-large');
  });
  it('a missing file: undefined, or an error naming it', () => {
    expect(readRecordTextIfExists(root, join(root, 'nothing.md'))).toBeUndefined();
    expect(() => readRecordText(root, join(root, 'nothing.md'))).toThrow(WepError);
    expect(() => readRecordText(root, join(root, 'nothing.md'))).toThrow('nothing.md does not exist');
  });
});

describe('text must be UTF-8', () => {
  const bad: [string, number[], number, number][] = [
    ['latin-1 é', [...Buffer.from('title: Caf'), 0xe9, 0x0a], 1, 11],
    ['on line 3', [...Buffer.from('a: 1\nb: 2\nc: x'), 0xff], 3, 5],
    ['overlong slash', [...Buffer.from('x: '), 0xc0, 0xaf], 1, 4],
    ['encoded surrogate', [...Buffer.from('x: '), 0xed, 0xa0, 0x80], 1, 4],
    ['truncated at the end', [...Buffer.from('x: '), 0xe2, 0x82], 1, 4],
    ['after a BOM and multibyte text', [0xef, 0xbb, 0xbf, ...Buffer.from('name: Zoë\nnote: '), 0x80], 2, 7],
    ['windows-1252 quote', [...Buffer.from('text: '), 0x93, ...Buffer.from('hi'), 0x94], 1, 7],
    ['beyond U+10FFFF', [...Buffer.from('x: '), 0xf4, 0x90, 0x80, 0x80], 1, 4],
    ['UTF-16 LE', [0xff, 0xfe, 0x61, 0x00], 1, 1],
  ];
  for (const [name, bytes, line, col] of bad) {
    it(`${name}: refused at ${line}:${col}`, () => {
      const path = join(root, `bad-${name.replace(/\W+/g, '-')}.yaml`);
      writeFileSync(path, Buffer.from(bytes));
      let err: unknown;
      try {
        readRecordText(root, path, { display: 'x.yaml' });
      } catch (e) {
        err = e;
      }
      expect(err).toBeInstanceOf(DiagnosticsError);
      const d = (err as DiagnosticsError).diagnostics[0]!;
      expect(d.file).toBe('x.yaml');
      expect(d.pos).toMatchObject({ line, col });
      expect(d.message).toMatch(/^the file is not UTF-8 text: byte 0x[0-9A-F]{2} here is not valid UTF-8, so wep neither reads nor rewrites the file$/);
      expect(d.hint).toMatch(/^save the file as UTF-8/);
      expect((err as DiagnosticsError).exitCode).toBe(2);
    });
  }

  it('a UTF-8 BOM is dropped from the text', () => {
    const path = join(root, 'bom.md');
    writeFileSync(path, Buffer.from([0xef, 0xbb, 0xbf, ...Buffer.from('a: 1\n')]));
    expect(readRecordText(root, path)).toBe('a: 1\n');
  });

  it('CRLF is kept as it is', () => {
    const path = join(root, 'crlf.md');
    writeFileSync(path, 'a: 1\r\nb: 2\r\n');
    expect(readRecordText(root, path)).toBe('a: 1\r\nb: 2\r\n');
  });
});

describe('verifyWritableRecord', () => {
  it('refuses a target whose folder leads out of the repo, and a target that is a link', () => {
    expect(refusal(() => verifyWritableRecord(root, join(root, 'linked-dir', 'new.md'))).reason).toBe('outside');
    expect(refusal(() => verifyWritableRecord(root, join(root, 'linked-dir', 'deeper', 'new.md'))).reason).toBe('outside');
    expect(refusal(() => verifyWritableRecord(root, join(root, 'inside-link.md'))).message).toBe('inside-link.md is a symbolic link; wep will not replace it');
    expect(refusal(() => verifyWritableRecord(root, join(root, 'fifo.md'))).reason).toBe('fifo');
    expect(refusal(() => verifyWritableRecord(root, join(root, 'folder.md'))).reason).toBe('folder');
  });
  it('accepts a file or a new file inside, and a repo not made yet', () => {
    expect(() => verifyWritableRecord(root, join(root, 'ok.md'))).not.toThrow();
    expect(() => verifyWritableRecord(root, join(root, 'new', 'deeper', 'x.md'))).not.toThrow();
    expect(() => verifyWritableRecord(join(base, 'not-yet'), join(base, 'not-yet', 'partnership.yaml'))).not.toThrow();
  });
});
