/**
 * Files wep generates (notice.md, notice.html, invite.ics, minutes.md) carry a stamp line with
 * the hash of what wep wrote. Before rewriting, wep compares: an unchanged file is replaced; a
 * file the clerk edited is left alone unless --force, and then a backup is kept first. No
 * state lives outside the file itself.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, copyFileSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { WepError } from '../core/errors.js';
import { writeFileAtomic } from './fs.js';

const STAMP = /^(?:<!-- |X-WEP-GENERATED:)wep-generated sha256=([0-9a-f]{16})(?: -->)?\r?$/m;

function hash(body: string): string {
  return createHash('sha256').update(body.replace(/\r\n/g, '\n')).digest('hex').slice(0, 16);
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

/** Whether a generated file is still as wep wrote it. A file with no stamp counts as edited. */
export function generatedState(path: string): GeneratedState {
  if (!existsSync(path)) return 'absent';
  const text = readFileSync(path, 'utf8');
  const m = STAMP.exec(text);
  if (!m) return 'edited';
  return hash(withoutStamp(text)) === m[1] ? 'unchanged' : 'edited';
}

export interface WriteResult {
  path: string;
  /** written: new or replaced; same: identical content already there; backup: path of the kept copy. */
  status: 'written' | 'same';
  backup?: string;
}

/**
 * Writes a generated file unless the clerk has edited it. With `force`, an edited file is
 * first copied to `<name>.bak` (or .bak2, .bak3 ... so no backup is ever overwritten).
 */
export function writeGenerated(path: string, content: string, opts: { force?: boolean; display?: string } = {}): WriteResult {
  const text = stamp(path, content);
  const state = generatedState(path);
  if (state === 'unchanged' && readFileSync(path, 'utf8') === text) return { path, status: 'same' };
  let backup: string | undefined;
  if (state === 'edited') {
    if (!opts.force) {
      throw new WepError(
        `${opts.display ?? path} has been edited since wep wrote it; wep will not overwrite it`,
        `keep your edits, or run again with --force to regenerate it (your version is kept as ${basename(path)}.bak)`,
      );
    }
    backup = `${path}.bak`;
    for (let i = 2; existsSync(backup); i++) backup = `${path}.bak${i}`;
    copyFileSync(path, backup);
  }
  writeFileAtomic(path, text);
  return { path, status: 'written', backup };
}

/**
 * Writes a set of generated files that belong together (a notice in three formats). If the
 * clerk edited any of them, nothing is written unless `force`: a refused run never leaves a
 * half-updated set.
 */
export function writeGeneratedSet(
  dir: string,
  files: Record<string, string>,
  opts: { force?: boolean; display?: (path: string) => string } = {},
): WriteResult[] {
  const show = opts.display ?? ((p: string) => p);
  const paths = Object.keys(files).map((name) => join(dir, name));
  const edited = paths.filter((p) => generatedState(p) === 'edited');
  if (edited.length && !opts.force) {
    const one = edited.length === 1;
    throw new WepError(
      `${edited.map(show).join(', ')} ${one ? 'has' : 'have'} been edited since wep wrote ${one ? 'it' : 'them'}; wep will not overwrite ${one ? 'it' : 'them'}`,
      'keep your edits, or run again with --force to regenerate (your version is kept as a .bak file beside it)',
    );
  }
  return paths.map((p, i) => writeGenerated(p, Object.values(files)[i]!, { force: opts.force, display: show(p) }));
}

/**
 * An invitation written again with nothing changed but DTSTAMP keeps the DTSTAMP of the file
 * on disk: a rerun is not a new version, and an unchanged invite.ics stays byte for byte.
 */
export function keepDtstamp(path: string, content: string): string {
  if (generatedState(path) !== 'unchanged') return content;
  const old = withoutStamp(readFileSync(path, 'utf8'));
  const was = /^DTSTAMP:(\S+)\r?$/m.exec(old)?.[1];
  if (!was) return content;
  const norm = (t: string) => t.replace(/^DTSTAMP:\S+\r?$/gm, 'DTSTAMP:');
  return norm(old) === norm(content) ? content.replace(/^DTSTAMP:\S+(\r?)$/gm, `DTSTAMP:${was}$1`) : content;
}
