/**
 * The one way wep reads a records file (partnership.yaml, a meeting folder, meeting.yaml,
 * minutes.md, templates, site.css, papers). Before a byte is read:
 * - the real path (every symbolic link resolved) must be inside the records repo;
 * - it must be a regular file: a FIFO would hang the read, a device never ends, a folder is
 *   not the file the clerk meant; all are refused by lstat/stat before opening, and the file is
 *   opened non-blocking and checked again by fstat, so a swap after the check is caught too;
 * - it must be within a size limit (limits.ts), checked before and while reading;
 * - text must be UTF-8; anything else is refused at FILE:LINE:COL, never guessed at.
 * A refused file is named with the reason; its content is never shown.
 */
import { closeSync, constants, fstatSync, lstatSync, openSync, readdirSync, readSync, realpathSync, statSync, type Dirent, type Stats } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { DiagnosticsError, WepError } from '../core/errors.js';
import { decodeText, formatBytes } from '../core/text-file.js';
import { MAX_TEXT_BYTES } from './limits.js';

/** Why a records file was refused; `path` is as shown to the clerk. */
export type RefusalReason = 'outside' | 'dangling-link' | 'link-loop' | 'fifo' | 'device' | 'socket' | 'folder' | 'not-a-folder' | 'other' | 'too-large' | 'unreadable' | 'changed';

/** A records file wep will not read (or write), and why. Exit 2, like any bad input. */
export class RefusedFileError extends WepError {
  constructor(
    readonly path: string,
    readonly reason: RefusalReason,
    message: string,
    hint: string,
  ) {
    super(message, hint);
    this.name = 'RefusedFileError';
  }
}

export interface ReadOptions {
  /** The path as shown in messages (default: relative to the records repo). */
  display?: string;
  /** Largest size read, in bytes (default MAX_TEXT_BYTES). */
  limit?: number;
}

const realRoots = new Map<string, string>();

/** The records repo's real path (links resolved), computed once per run. */
export function realRoot(root: string): string {
  let r = realRoots.get(root);
  if (r === undefined) {
    try {
      r = realpathSync.native(root);
      realRoots.set(root, r);
    } catch {
      // not there yet (wep init is making it): not cached, so it is resolved once it exists
      r = resolve(root);
    }
  }
  return r;
}

/** Whether `child` is `parent` or inside it (both absolute, both real or both not). */
export function isInside(parent: string, child: string): boolean {
  const rel = relative(parent, child);
  return rel === '' || (!rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel));
}

export function shownPath(root: string | null, path: string, display?: string): string {
  if (display) return display;
  if (root === null) return path;
  const rel = relative(root, path);
  return rel && isInside(root, resolve(root, rel)) ? rel : path;
}

const errCode = (e: unknown) => (e as NodeJS.ErrnoException | undefined)?.code;

function kindOf(st: Stats): RefusalReason | 'file' | 'dir' {
  if (st.isFile()) return 'file';
  if (st.isDirectory()) return 'dir';
  if (st.isFIFO()) return 'fifo';
  if (st.isCharacterDevice() || st.isBlockDevice()) return 'device';
  if (st.isSocket()) return 'socket';
  return 'other';
}

const NOT_A_FILE: Record<string, [string, string]> = {
  fifo: ['is a named pipe (FIFO), not a file', 'replace it with a regular file; wep does not read from pipes'],
  device: ['is a device, not a file', 'replace it with a regular file'],
  socket: ['is a socket, not a file', 'replace it with a regular file'],
  other: ['is not a regular file', 'replace it with a regular file'],
  folder: ['is a folder where a file belongs', 'move the folder out of the way and put the file there'],
};

function refuseKind(shown: string, kind: string): never {
  const [what, hint] = NOT_A_FILE[kind === 'dir' ? 'folder' : kind] ?? NOT_A_FILE.other!;
  throw new RefusedFileError(shown, (kind === 'dir' ? 'folder' : kind) as RefusalReason, `${shown} ${what}; wep does not read it`, hint);
}

/**
 * `root` is the records repo; null stands for a file the clerk named on the command line
 * (`--out`), which may be anywhere but is still checked for what it is.
 *
 * Resolves `path` inside the records repo at `root`: undefined when nothing is there; the real
 * path and its stat otherwise. Throws RefusedFileError when the real path is outside the repo
 * or is a link that leads nowhere.
 */
export function resolveRecord(root: string | null, path: string, shown: string): { real: string; st: Stats } | undefined {
  const abs = resolve(path);
  let lst: Stats;
  try {
    lst = lstatSync(abs);
  } catch (e) {
    if (errCode(e) === 'ENOENT' || errCode(e) === 'ENOTDIR') return undefined;
    throw unreadable(shown, e);
  }
  let real: string;
  try {
    // A plain file or folder (not a link) is where its parent folder really is: one real path
    // per folder, not per entry, and a folder found so is remembered for what is in it (a
    // thousand meetings, each a folder, share the one meetings/ folder). A link is followed to its end.
    if (lst.isFile() || lst.isDirectory()) {
      real = join(realFolder(dirname(abs)), basename(abs));
      if (lst.isDirectory()) realFolders.set(abs, real);
    } else real = realpathSync.native(abs);
  } catch (e) {
    if (errCode(e) === 'ELOOP') throw new RefusedFileError(shown, 'link-loop', `${shown} is a symbolic link that loops back on itself; wep does not read it`, 'replace the link with the file itself');
    if (errCode(e) === 'ENOENT' || errCode(e) === 'ENOTDIR') throw new RefusedFileError(shown, 'dangling-link', `${shown} is a symbolic link to something that does not exist`, 'replace the link with the file itself, or remove it');
    throw unreadable(shown, e);
  }
  if (root !== null && !isInside(realRoot(root), real)) {
    throw new RefusedFileError(
      shown,
      'outside',
      `${shown} leads outside the records repo (to ${real}); wep reads and writes only files inside it`,
      'put the file or folder itself in the records repo instead of a link to it',
    );
  }
  if (lst.isFile() || lst.isDirectory()) return { real, st: lst };
  let st: Stats;
  try {
    st = statSync(real);
  } catch (e) {
    throw unreadable(shown, e);
  }
  return { real, st };
}

/** Real paths of folders, asked once a run. */
const realFolders = new Map<string, string>();
function realFolder(dir: string): string {
  let real = realFolders.get(dir);
  if (real === undefined) {
    real = realpathSync.native(dir);
    realFolders.set(dir, real);
  }
  return real;
}

function unreadable(shown: string, e: unknown): RefusedFileError {
  const code = errCode(e);
  const why = code === 'EACCES' || code === 'EPERM' ? 'permission denied' : code === 'EISDIR' ? 'it is a folder' : (code ?? 'unknown error');
  return new RefusedFileError(shown, 'unreadable', `${shown} cannot be read: ${why}`, code === 'EACCES' || code === 'EPERM' ? 'check the file\'s permissions (chmod u+r)' : 'check the file is there and readable');
}

function tooLarge(shown: string, size: number, limit: number): RefusedFileError {
  return new RefusedFileError(shown, 'too-large', `${shown} is ${formatBytes(size)}, larger than wep reads for this file (${formatBytes(limit)})`, 'is this the right file? records files are a few hundred lines');
}

let scratchBuffer: Buffer | undefined;
/** The buffer that a read past the file's known size goes through (64 KB, made once a run). */
function scratch(): Buffer {
  return (scratchBuffer ??= Buffer.allocUnsafe(64 * 1024));
}

/** Reads up to `length` bytes at the file's position; a FIFO (EAGAIN) is refused as one. */
function readChunk(fd: number, buf: Buffer, length: number, shown: string): number {
  try {
    return readSync(fd, buf, 0, length, null);
  } catch (e) {
    if (errCode(e) === 'EAGAIN') refuseKind(shown, 'fifo');
    throw unreadable(shown, e);
  }
}

/** The bytes of a records file, or undefined when there is none. Every check in the header. */
export function readRecordBytesIfExists(root: string | null, path: string, opts: ReadOptions = {}): Buffer | undefined {
  const shown = shownPath(root, path, opts.display);
  const limit = opts.limit ?? MAX_TEXT_BYTES;
  const found = resolveRecord(root, path, shown);
  if (!found) return undefined;
  const kind = kindOf(found.st);
  if (kind !== 'file') refuseKind(shown, kind);
  if (found.st.size > limit) throw tooLarge(shown, found.st.size, limit);
  let fd: number;
  try {
    fd = openSync(found.real, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (constants.O_NOFOLLOW ?? 0));
  } catch (e) {
    if (errCode(e) === 'ELOOP') throw new RefusedFileError(shown, 'changed', `${shown} changed into a link while wep was reading it`, 'run the command again');
    throw unreadable(shown, e);
  }
  try {
    const fst = fstatSync(fd);
    if (!fst.isFile()) refuseKind(shown, kindOf(fst));
    if (fst.ino !== found.st.ino || fst.dev !== found.st.dev) throw new RefusedFileError(shown, 'changed', `${shown} was replaced while wep was reading it`, 'run the command again');
    if (fst.size > limit) throw tooLarge(shown, fst.size, limit);
    // Read until the end, never past the limit: a file that grows while read is still refused.
    // The first read asks for one byte more than the file's size, into a buffer of that size;
    // later reads (the one that finds the end, and any of a file that grew) go through one
    // scratch buffer and are copied out only when they bring bytes.
    const first = Buffer.allocUnsafe(Math.min(fst.size + 1, limit + 1));
    const chunks: Buffer[] = [];
    let len = 0;
    for (let buf: Buffer = first; ; buf = scratch()) {
      const n = readChunk(fd, buf, Math.min(buf.length, limit + 1 - len), shown);
      if (n === 0) break;
      len += n;
      if (len > limit) throw tooLarge(shown, len, limit);
      chunks.push(buf === first ? first.subarray(0, n) : Buffer.from(buf.subarray(0, n)));
    }
    return chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, len);
  } finally {
    closeSync(fd);
  }
}

/** The bytes of a records file; a missing one is an error that names it. */
export function readRecordBytes(root: string | null, path: string, opts: ReadOptions = {}): Buffer {
  const bytes = readRecordBytesIfExists(root, path, opts);
  if (bytes === undefined) {
    const shown = shownPath(root, path, opts.display);
    throw new WepError(`${shown} does not exist`, 'check the name; "wep check" lists the records it finds');
  }
  return bytes;
}

/**
 * Decodes bytes read from `shown` as UTF-8 (a BOM is dropped). Anything else is a diagnostic at
 * FILE:LINE:COL with the line shown (the bad bytes as U+FFFD), and the file is never rewritten.
 */
export function decodeRecordText(bytes: Uint8Array, shown: string): { text: string; bom: boolean } {
  const d = decodeText(bytes);
  if (d.ok) return { text: d.text, bom: d.bom };
  throw new DiagnosticsError(
    [
      {
        severity: 'error',
        file: shown,
        check: 'encoding',
        pos: { line: d.line, col: d.col, len: 1 },
        message: `the file is not UTF-8 text: byte 0x${d.byte.toString(16).toUpperCase().padStart(2, '0')} here is not valid UTF-8, so wep neither reads nor rewrites the file`,
        hint: 'save the file as UTF-8 (in most editors: Save As, encoding UTF-8), then run the command again',
      },
    ],
    { [shown]: `${'\n'.repeat(d.line - 1)}${d.preview}` },
  );
}

/** The text of a records file (UTF-8, BOM dropped), or undefined when there is none. */
export function readRecordTextIfExists(root: string | null, path: string, opts: ReadOptions = {}): string | undefined {
  const bytes = readRecordBytesIfExists(root, path, opts);
  return bytes === undefined ? undefined : decodeRecordText(bytes, shownPath(root, path, opts.display)).text;
}

/** The text of a records file; a missing one is an error that names it. */
export function readRecordText(root: string | null, path: string, opts: ReadOptions = {}): string {
  return decodeRecordText(readRecordBytes(root, path, opts), shownPath(root, path, opts.display)).text;
}

/**
 * What is at `path`: 'absent', 'file' or 'folder'. Anything else there (a FIFO, a device, a
 * link out of the repo) is refused with the reason.
 */
export function recordEntry(root: string | null, path: string, opts: ReadOptions = {}): 'absent' | 'file' | 'folder' {
  const shown = shownPath(root, path, opts.display);
  const found = resolveRecord(root, path, shown);
  if (!found) return 'absent';
  const kind = kindOf(found.st);
  if (kind === 'file') return 'file';
  if (kind === 'dir') return 'folder';
  return refuseKind(shown, kind);
}

/** True for a regular file inside the records repo; false for anything else, never an error. */
export function isRecordFile(root: string | null, path: string): boolean {
  try {
    return recordEntry(root, path) === 'file';
  } catch {
    return false;
  }
}

/**
 * The entries of a records folder (sorted by name). The folder must be inside the repo; a
 * missing folder has none. Entries are not followed here: each is checked when it is read.
 */
export function listRecordFolder(root: string | null, dir: string, opts: ReadOptions = {}): Dirent[] {
  const shown = shownPath(root, dir, opts.display);
  const found = resolveRecord(root, dir, shown);
  if (!found) return [];
  if (!found.st.isDirectory()) {
    throw new RefusedFileError(shown, 'not-a-folder', `${shown} is a file where a folder belongs`, `move it out of the way; ${shown} holds the records as folders`);
  }
  try {
    return readdirSync(found.real, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  } catch (e) {
    throw unreadable(shown, e);
  }
}

/**
 * Checks that wep may write `path`: the nearest folder that exists on the way to it is inside
 * the records repo (links resolved), and the file, if there, is a regular file and not a link
 * (a rename would replace the link itself, losing it).
 */
export function verifyWritableRecord(root: string | null, path: string, opts: ReadOptions = {}): void {
  const shown = shownPath(root, path, opts.display);
  const abs = resolve(path);
  // the nearest folder that exists on the way from the records repo down to the file; folders
  // still to be made are made inside it. A records repo not made yet (wep init) has none.
  for (let dir = dirname(abs); root === null || isInside(resolve(root), dir); dir = dirname(dir)) {
    let real: string | undefined;
    try {
      real = realpathSync.native(dir);
    } catch (e) {
      if (errCode(e) !== 'ENOENT' && errCode(e) !== 'ENOTDIR') throw unreadable(shown, e);
    }
    if (real !== undefined) {
      if (root !== null && !isInside(realRoot(root), real)) {
        throw new RefusedFileError(shown, 'outside', `${shown} would be written outside the records repo (in ${real}); wep writes only inside it`, 'replace the linked folder with a real folder inside the records repo');
      }
      break;
    }
    if (dirname(dir) === dir) break;
  }
  let lst: Stats;
  try {
    lst = lstatSync(abs);
  } catch (e) {
    if (errCode(e) === 'ENOENT' || errCode(e) === 'ENOTDIR') return;
    throw unreadable(shown, e);
  }
  if (lst.isSymbolicLink()) {
    throw new RefusedFileError(shown, 'outside', `${shown} is a symbolic link; wep will not replace it`, 'replace the link with the file itself if wep is to update it');
  }
  const kind = kindOf(lst);
  if (kind !== 'file') {
    const [what, hint] = NOT_A_FILE[kind === 'dir' ? 'folder' : kind] ?? NOT_A_FILE.other!;
    throw new RefusedFileError(shown, (kind === 'dir' ? 'folder' : kind) as RefusalReason, `${shown} ${what}; wep will not replace it`, hint);
  }
}
