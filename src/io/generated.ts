/**
 * Files wep generates (notice.md, notice.html, invite.ics, minutes.md) carry a stamp line with
 * the hash of what wep wrote. Before rewriting, wep compares: an unchanged file is replaced; a
 * file the clerk edited is left alone unless --force, and then a backup is kept first. No
 * state lives outside the file itself.
 */
import { basename, dirname, extname, join } from 'node:path';
import { WepError } from '../core/errors.js';
import { updateRecordFile, writeRecordFile } from './fs.js';
import { readRecordTextIfExists, recordEntry } from './guarded-read.js';
import { sha256Hex } from './sha256.js';

const STAMP = /^(?:<!-- |X-WEP-GENERATED:)wep-generated sha256=([0-9a-f]{16})(?: -->)?\r?$/m;

function hash(body: string): string {
  return sha256Hex(body.replace(/\r\n/g, '\n')).slice(0, 16);
}

function stampLine(path: string, h: string): string {
  return extname(path) === '.ics' ? `X-WEP-GENERATED:wep-generated sha256=${h}` : `<!-- wep-generated sha256=${h} -->`;
}

/** The text without its stamp line. */
function withoutStamp(text: string): string {
  return text.replace(/^(?:<!-- |X-WEP-GENERATED:)wep-generated sha256=[0-9a-f]{16}(?: -->)?\r?\n/m, '');
}

/**
 * Adds the stamp to generated content. Markdown and HTML get an HTML comment as the last line.
 * iCalendar gets an X- property among the calendar's own properties, before its first
 * component (VTIMEZONE, VEVENT): RFC 5545 allows calendar properties only there.
 */
export function stamp(path: string, content: string): string {
  if (extname(path) === '.ics') {
    const body = content.replace(/(END:VCALENDAR)\r?\n?$/, '$1\r\n');
    const line = `${stampLine(path, hash(body))}\r\n`;
    const first = body.search(/\r\nBEGIN:(?!VCALENDAR)/);
    const at = first >= 0 ? first + 2 : body.lastIndexOf('END:VCALENDAR');
    return at >= 0 ? body.slice(0, at) + line + body.slice(at) : body + line;
  }
  const body = content.endsWith('\n') ? content : `${content}\n`;
  return `${body}${stampLine(path, hash(body))}\n`;
}

export type GeneratedState = 'absent' | 'unchanged' | 'edited';

/** The state of generated text: undefined for no file. A file with no stamp counts as edited. */
export function stateOfText(text: string | undefined): GeneratedState {
  if (text === undefined) return 'absent';
  const m = STAMP.exec(text);
  if (!m) return 'edited';
  return hash(withoutStamp(text)) === m[1] ? 'unchanged' : 'edited';
}

/**
 * Whether a generated file is still as wep wrote it. `root` is the records repo the file is
 * in, or null for a file the clerk named with --out (read through the same guarded reader).
 */
export function generatedState(path: string, root: string | null = null, display?: string): GeneratedState {
  return stateOfText(readRecordTextIfExists(root, path, { display }));
}

export interface WriteResult {
  path: string;
  /** written: new or replaced; same: identical content already there; backup: path of the kept copy. */
  status: 'written' | 'same';
  backup?: string;
}

export interface GeneratedOptions {
  force?: boolean;
  display?: string;
  /** The records repo (the file must be inside it), or null for a file named with --out. */
  root?: string | null;
}

function editedError(shown: string, path: string): WepError {
  return new WepError(
    `${shown} has been edited since wep wrote it; wep will not overwrite it`,
    `keep your edits, or run again with --force to regenerate it (your version is kept as ${basename(path)}.bak)`,
  );
}

/**
 * Writes a generated file unless the clerk has edited it, deciding under the writer's lock on
 * the text there at that moment. With `force`, an edited file is first copied to `<name>.bak`
 * (or .bak2, .bak3 ... so no backup is ever overwritten).
 */
export function writeGenerated(path: string, content: string, opts: GeneratedOptions = {}): WriteResult {
  const root = opts.root === undefined ? dirname(path) : opts.root;
  const shown = opts.display ?? path;
  const text = stamp(path, content);
  let backup: string | undefined;
  const r = updateRecordFile(
    path,
    (current) => {
      const state = stateOfText(current);
      if (state === 'edited') {
        if (!opts.force) throw editedError(shown, path);
        let b = `${path}.bak`;
        for (let i = 2; recordEntry(root, b) !== 'absent'; i++) b = `${path}.bak${i}`;
        writeRecordFile(b, current!, { root, display: `${shown}${b.slice(path.length)}`, expected: null });
        backup = b;
      }
      return text;
    },
    { root, display: shown },
  );
  return { path, status: r.written ? 'written' : 'same', backup };
}

/**
 * Writes a set of generated files that belong together (a notice in three formats). If the
 * clerk edited any of them, nothing is written unless `force`: a refused run never leaves a
 * half-updated set.
 */
export function writeGeneratedSet(
  dir: string,
  files: Record<string, string>,
  opts: { force?: boolean; display?: (path: string) => string; root?: string | null } = {},
): WriteResult[] {
  const show = opts.display ?? ((p: string) => p);
  const root = opts.root === undefined ? dir : opts.root;
  const paths = Object.keys(files).map((name) => join(dir, name));
  const edited = paths.filter((p) => generatedState(p, root, show(p)) === 'edited');
  if (edited.length && !opts.force) {
    const one = edited.length === 1;
    throw new WepError(
      `${edited.map(show).join(', ')} ${one ? 'has' : 'have'} been edited since wep wrote ${one ? 'it' : 'them'}; wep will not overwrite ${one ? 'it' : 'them'}`,
      'keep your edits, or run again with --force to regenerate (your version is kept as a .bak file beside it)',
    );
  }
  return paths.map((p, i) => writeGenerated(p, Object.values(files)[i]!, { force: opts.force, display: show(p), root }));
}

/**
 * Changes part of a generated file that wep owns (the status block of minutes.md) in place,
 * atomically. A file still as wep wrote it is stamped again, so it still counts as unedited;
 * in a file the clerk edited only the transform's change is made, and it stays "edited".
 * Returns false when the file is absent or the transform changes nothing.
 */
export function updateGenerated(path: string, transform: (text: string) => string, opts: { root?: string | null; display?: string } = {}): boolean {
  const root = opts.root === undefined ? dirname(path) : opts.root;
  const r = updateRecordFile(
    path,
    (current) => {
      if (current === undefined) return undefined;
      const next = stateOfText(current) === 'unchanged' ? stamp(path, transform(withoutStamp(current))) : transform(current);
      return next === current ? undefined : next;
    },
    { root, display: opts.display ?? path },
  );
  return r.written;
}

/**
 * An invitation written again with nothing changed but DTSTAMP keeps the DTSTAMP of the file
 * on disk: a rerun is not a new version, and an unchanged invite.ics stays byte for byte.
 */
export function keepDtstamp(path: string, content: string): string {
  const current = readRecordTextIfExists(dirname(path), path);
  if (stateOfText(current) !== 'unchanged') return content;
  const old = withoutStamp(current!);
  const was = /^DTSTAMP:(\S+)\r?$/m.exec(old)?.[1];
  if (!was) return content;
  const norm = (t: string) => t.replace(/^DTSTAMP:\S+\r?$/gm, 'DTSTAMP:');
  return norm(old) === norm(content) ? content.replace(/^DTSTAMP:\S+(\r?)$/gm, `DTSTAMP:${was}$1`) : content;
}
