/**
 * The one way wep writes a records file, so that no edit is ever lost:
 * - a lock file beside the target (`.<name>.wep-lock`, created with O_EXCL) is held from reading
 *   the current text to the rename, so two wep runs never interleave; a lock left by a run that
 *   died is taken over; a live one is waited for briefly, then the run fails clearly (exit 2);
 * - compare-and-swap: the caller says which text it read (`expected`), and nothing is written
 *   if the file holds anything else by then;
 * - the new text goes to a temporary file in the same folder, is flushed and renamed over the
 *   target, with the target's mode; on any failure (disk full, read-only file system, no
 *   permission) the temporary file is removed, the target is as it was, and the message says so;
 * - a read-only file (or folder) is refused, not replaced, even for root;
 * - a file that is not UTF-8 is never rewritten; a BOM and CRLF line ends are kept;
 * - every write, text or binary, is journalled, so `--commit` can commit exactly wep's change
 *   (io/git.ts).
 * Failures go through a small fs seam (`writerFs`), so tests can inject ENOSPC and friends.
 */
import * as nodeFs from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { WepError } from '../core/errors.js';
import { keepConventions } from '../core/text-file.js';
import { decodeRecordText, readRecordBytesIfExists, shownPath, verifyWritableRecord } from './guarded-read.js';
import { MAX_TEXT_BYTES } from './limits.js';

/** The file-system calls the writer makes; replaced in tests to simulate a full disk. */
export const writerFs = {
  openSync: nodeFs.openSync,
  writeSync: nodeFs.writeSync as (fd: number, data: Uint8Array) => number,
  fsyncSync: nodeFs.fsyncSync,
  fchmodSync: nodeFs.fchmodSync,
  closeSync: nodeFs.closeSync,
  renameSync: nodeFs.renameSync,
  unlinkSync: nodeFs.unlinkSync,
  mkdirSync: nodeFs.mkdirSync,
};
const realWriterFs = { ...writerFs };

/** Puts the real file system back (tests). */
export function resetWriterFs(): void {
  Object.assign(writerFs, realWriterFs);
}

let counter = 0;
const errCode = (e: unknown) => (e as NodeJS.ErrnoException | undefined)?.code;

const WHY: Record<string, [string, string]> = {
  ENOSPC: ['the disk is full', 'free some space, then run the command again'],
  EDQUOT: ['the disk quota is used up', 'free some space, then run the command again'],
  EROFS: ['the file system is read-only', 'run wep where the records can be written, or remount the file system read-write'],
  EACCES: ['permission denied', 'check the permissions of the file and its folder (ls -l)'],
  EPERM: ['the operation is not permitted', 'check the permissions of the file and its folder (ls -l)'],
  EIO: ['an input/output error from the disk', 'check the disk, then run the command again'],
  EMFILE: ['too many open files', 'close some programs, then run the command again'],
  ENFILE: ['too many open files', 'close some programs, then run the command again'],
  ENAMETOOLONG: ['the name is too long', 'use a shorter path'],
  EBUSY: ['the file is busy', 'close the program using it, then run the command again'],
};

/** A failed write as a clear message: what failed, why, and that nothing was changed. */
export function writeFailure(e: unknown, shown: string): Error {
  const code = errCode(e);
  if (!code) return e as Error;
  const [why, hint] = WHY[code] ?? [`the system said ${code}`, 'check the disk and the folder, then run the command again'];
  return new WepError(`could not write ${shown}: ${why} (${code}); nothing was changed`, hint);
}

/** Sleeps without a busy loop (the writer is synchronous). */
function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/** How long a lock is waited for, and after how long one whose owner cannot be checked is stale. */
export const LOCK_WAIT_MS = 5000;
export const LOCK_STALE_MS = 30_000;

const lockPathOf = (path: string) => join(dirname(path), `.${basename(path)}.wep-lock`);

function isAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return errCode(e) === 'EPERM';
  }
}

/** Takes the lock for `path`; returns the function that releases it. */
export function lockRecord(path: string, shown: string, waitMs = LOCK_WAIT_MS): () => void {
  const lock = lockPathOf(path);
  const until = Date.now() + waitMs;
  for (;;) {
    try {
      const fd = writerFs.openSync(lock, 'wx', 0o644);
      try {
        writerFs.writeSync(fd, Buffer.from(`${process.pid}\n${Date.now()}\n`));
      } catch (e) {
        // a full disk: the lock is ours but empty, and would hold other runs off until stale
        writerFs.closeSync(fd);
        try {
          writerFs.unlinkSync(lock);
        } catch {
          // nothing more to do
        }
        throw e;
      }
      writerFs.closeSync(fd);
      return () => {
        try {
          writerFs.unlinkSync(lock);
        } catch {
          // already gone: nothing to release
        }
      };
    } catch (e) {
      if (errCode(e) !== 'EEXIST') throw writeFailure(e, shown);
    }
    let owner = NaN;
    let age = 0;
    try {
      const [pid, at] = nodeFs.readFileSync(lock, 'utf8').split('\n');
      // a lock being written has no pid yet: that is a live one, not a stale one
      owner = /^\d+$/.test(pid ?? '') ? Number(pid) : NaN;
      age = /^\d+$/.test(at ?? '') ? Date.now() - Number(at) : NaN;
      if (!Number.isFinite(age)) age = Date.now() - nodeFs.statSync(lock).mtimeMs;
    } catch {
      // gone or half-written: look again
      age = 0;
    }
    if ((Number.isInteger(owner) && !isAlive(owner)) || age > LOCK_STALE_MS) {
      try {
        nodeFs.rmSync(lock, { force: true });
      } catch {
        // another run took it over first
      }
      continue;
    }
    if (Date.now() >= until) {
      throw new WepError(
        `another wep${Number.isInteger(owner) ? ` (process ${owner})` : ''} is writing ${shown}; nothing was changed`,
        `wait for it to finish and run the command again; if no wep is running, delete ${basename(lock)} beside the file`,
      );
    }
    sleep(20);
  }
}

/**
 * What one run wrote to a file: enough for --commit to commit only wep's change. Every write
 * to a records file is journalled, text or binary: a file missing from the journal is one
 * --commit cannot tell is wep's.
 */
export interface JournalEntry {
  /** The text before wep's first write this run (BOM dropped); undefined when the file was new or is binary. */
  before?: string;
  /** What was last written: the text (BOM and line ends as on disk), or the bytes of a binary document. */
  after: string | Uint8Array;
  /**
   * The same change made to another version of the file, e.g. the committed one, when the
   * clerk has changes of their own in it. Undefined when the whole text is wep's.
   */
  reapply?: (base: string) => string;
}

const journal = new Map<string, JournalEntry>();

/** What this run wrote to `path` (absolute), if anything. */
export function journalEntry(path: string): JournalEntry | undefined {
  return journal.get(path);
}

/** Forgets what was written (tests). */
export function clearJournal(): void {
  journal.clear();
}

export interface UpdateOptions {
  /** The records repo: the file must be inside it. Null for a file the clerk named (--out). */
  root: string | null;
  /** The path as shown in messages. */
  display?: string;
  /** The text the caller read; nothing is written if the file holds anything else. Null: the file must not exist yet. */
  expected?: string | null;
  /** How to make the same change to another version of the file (see JournalEntry). */
  reapply?: (base: string) => string;
  /** Largest current file read (default MAX_TEXT_BYTES). */
  limit?: number;
}

export interface UpdateResult {
  /** The text before (BOM dropped), undefined when there was no file. */
  before?: string;
  /** The text now in the file (as written, or as it was when unchanged). */
  after: string;
  written: boolean;
}

/** Thrown by an update's `change` to stop without writing; the message reaches the clerk. */
function refuse(message: string, hint: string): never {
  throw new WepError(message, hint);
}

const isReadOnly = (mode: number) => (mode & 0o222) === 0;

/**
 * Reads the file under its lock, lets `change` compute the new text from the current one
 * (undefined when there is no file), and writes it atomically. `change` returning undefined
 * writes nothing. Returns what was there and what is there now.
 */
export function updateRecordFile(path: string, change: (current: string | undefined) => string | undefined, opts: UpdateOptions): UpdateResult {
  const shown = prepareFolder(path, opts.root, opts.display);
  const release = lockRecord(path, shown);
  try {
    const bytes = readRecordBytesIfExists(opts.root, path, { display: shown, limit: opts.limit ?? MAX_TEXT_BYTES });
    const current = bytes === undefined ? undefined : decodeRecordText(bytes, shown);
    const st = bytes === undefined ? undefined : nodeFs.statSync(path);
    if (opts.expected === null && current) refuse(`${shown} already exists; wep will not replace it`, 'run the command again: it will see the file that is there now');
    if (typeof opts.expected === 'string' && current?.text !== opts.expected) {
      refuse(`${shown} changed on disk while wep was working (another wep run, or an editor); nothing was written`, 'run the command again: it will start from the file as it is now');
    }
    const next = change(current?.text);
    if (next === undefined) return { before: current?.text, after: current?.text ?? '', written: false };
    const text = keepConventions(current, next);
    const raw = current ? `${current.bom ? '\uFEFF' : ''}${current.text}` : undefined;
    if (raw === text) return { before: current?.text, after: text, written: false };
    if (st && isReadOnly(st.mode)) refuse(`${shown} is read-only; wep will not replace it`, `make it writable (chmod u+w ${shown}) if wep is to change it`);
    writeAtomic(path, Buffer.from(text), st ? st.mode & 0o7777 : undefined, shown);
    const prior = journal.get(path);
    const reapply = opts.reapply && (!prior || prior.reapply) ? (prior?.reapply ? chain(prior.reapply, opts.reapply) : opts.reapply) : undefined;
    journal.set(path, { before: prior ? prior.before : current?.text, after: text, reapply });
    return { before: current?.text, after: text, written: true };
  } finally {
    release();
  }
}

const chain = (a: (s: string) => string, b: (s: string) => string) => (s: string) => b(a(s));

/** Checks that `path` may be written (inside the repo, not a link, a writable folder), makes its folder; returns its shown name. */
function prepareFolder(path: string, root: string | null, display: string | undefined): string {
  const shown = shownPath(root, path, display);
  verifyWritableRecord(root, path, { display: shown });
  const dir = dirname(path);
  try {
    writerFs.mkdirSync(dir, { recursive: true });
  } catch (e) {
    throw writeFailure(e, shown);
  }
  const dirMode = nodeFs.statSync(dir).mode;
  if (isReadOnly(dirMode)) refuse(`${shown} is in a read-only folder; wep will not write there`, `make the folder writable (chmod u+w ${dirname(shown) || '.'}) if wep is to change it`);
  return shown;
}

export interface UpdateBytesOptions {
  /** The records repo: the file must be inside it. Null for a file the clerk named (--out). */
  root: string | null;
  /** The path as shown in messages. */
  display?: string;
  /** Null: the file must not exist yet. */
  expected?: null;
  /** Largest current file read. */
  limit: number;
}

/**
 * The binary counterpart of updateRecordFile (a Word file, a PDF pack, a mail draft): under
 * the same lock, `change` sees the bytes on disk (undefined when there is no file) and returns
 * the bytes to write, or undefined to write nothing; written atomically with the file's mode,
 * a read-only file refused, and journalled whole (no text to reapply: the file is wep's).
 */
export function updateRecordBytes(path: string, change: (current: Uint8Array | undefined) => Uint8Array | undefined, opts: UpdateBytesOptions): { written: boolean } {
  const shown = prepareFolder(path, opts.root, opts.display);
  const release = lockRecord(path, shown);
  try {
    const current = readRecordBytesIfExists(opts.root, path, { display: shown, limit: opts.limit });
    if (opts.expected === null && current !== undefined) refuse(`${shown} already exists; wep will not replace it`, 'run the command again: it will see the file that is there now');
    const next = change(current);
    if (next === undefined) return { written: false };
    const st = current === undefined ? undefined : nodeFs.statSync(path);
    if (st && isReadOnly(st.mode)) refuse(`${shown} is read-only; wep will not replace it`, `make it writable (chmod u+w ${shown}) if wep is to change it`);
    writeAtomic(path, next, st ? st.mode & 0o7777 : undefined, shown);
    journal.set(path, { after: next });
    return { written: true };
  } finally {
    release();
  }
}

/** Writes `text` to `path` through updateRecordFile (see there). */
export function writeRecordFile(path: string, text: string, opts: UpdateOptions): UpdateResult {
  return updateRecordFile(path, () => text, opts);
}

/** Temp file beside the target, flushed, given `mode`, renamed into place; removed on failure. */
function writeAtomic(path: string, data: Uint8Array, mode: number | undefined, shown: string): void {
  // unique per process and call, so two wep runs writing the same file never share a temp file
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}-${++counter}.tmp`);
  let fd: number | undefined;
  try {
    fd = writerFs.openSync(tmp, 'wx', mode ?? 0o666);
    let off = 0;
    while (off < data.length) off += writerFs.writeSync(fd, data.subarray(off));
    if (mode !== undefined) writerFs.fchmodSync(fd, mode);
    writerFs.fsyncSync(fd);
    writerFs.closeSync(fd);
    fd = undefined;
    writerFs.renameSync(tmp, path);
  } catch (e) {
    if (fd !== undefined) {
      try {
        writerFs.closeSync(fd);
      } catch {
        // the close error adds nothing to the one being reported
      }
    }
    try {
      writerFs.unlinkSync(tmp);
    } catch {
      // never created
    }
    throw writeFailure(e, shown);
  }
}

/**
 * Writes a file that is not a record (wep's own cache, outside the records repo): temp file
 * and rename, no lock, no journal. Failures are thrown as they are; the cache ignores them.
 * Never for a file in the records repo: that goes through updateRecordFile or
 * updateRecordBytes, so --commit knows wep wrote it.
 */
export function writeFileAtomic(path: string, content: string | Uint8Array): void {
  nodeFs.mkdirSync(dirname(path), { recursive: true });
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}-${++counter}.tmp`);
  try {
    nodeFs.writeFileSync(tmp, content, { flag: 'wx' });
    nodeFs.renameSync(tmp, path);
  } catch (e) {
    nodeFs.rmSync(tmp, { force: true });
    throw e;
  }
}
