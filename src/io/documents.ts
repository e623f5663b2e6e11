/**
 * Binary documents wep writes (Word .docx, the PDF agenda pack), under the same rule as the
 * text ones in generated.ts: each carries the hash of what wep wrote, in a place the format
 * sets aside for it, and an edited file is never overwritten without --force (then a backup
 * is kept). A .docx is a zip: the stamp is the zip's comment, which Word drops when it saves.
 * A PDF gets a comment line after its end; a PDF tool that rewrites the file drops it.
 */
import { loadExternal } from './external.js';
import { basename, dirname, extname, join } from 'node:path';
import { WepError } from '../core/errors.js';
import { updateRecordBytes } from './fs.js';
import { readRecordBytesIfExists } from './guarded-read.js';
import { sha256Hex } from './sha256.js';

/** The packs can be large; wep reads back one of up to this size. */
const MAX_DOCUMENT_BYTES = 500 * 1024 * 1024;
const readBack = (path: string) => readRecordBytesIfExists(dirname(path), path, { limit: MAX_DOCUMENT_BYTES });
import type { GeneratedState, WriteResult } from './generated.js';

/** Files of a meeting folder that belong to its notice, committed with it. */
export const NOTICE_DOCUMENTS = ['notice.md', 'notice.html', 'invite.ics', 'notice.docx', 'agenda-pack.pdf', 'agenda-pack-confidential.pdf', 'agenda-pack-supplement.pdf', 'agenda-pack-supplement-confidential.pdf'];

const MARK = 'wep-generated sha256=';
const hash16 = (b: Uint8Array) => sha256Hex(b).slice(0, 16);
const ascii = (s: string) => new TextEncoder().encode(s);

/** Offset of the zip's end-of-central-directory record, or -1. */
function eocd(b: Uint8Array): number {
  for (let i = b.length - 22; i >= Math.max(0, b.length - 22 - 65535); i--) {
    if (b[i] === 0x50 && b[i + 1] === 0x4b && b[i + 2] === 0x05 && b[i + 3] === 0x06) return i;
  }
  return -1;
}

/** Adds the stamp: as the zip comment of a .docx, as a trailing comment line of a PDF. */
export function stampBinary(path: string, bytes: Uint8Array): Uint8Array {
  const h = hash16(bytes);
  if (extname(path) === '.docx') {
    const at = eocd(bytes);
    if (at < 0) throw new Error('stampBinary: not a zip file');
    const comment = ascii(MARK + h);
    const out = new Uint8Array(at + 22 + comment.length);
    out.set(bytes.subarray(0, at + 22));
    out[at + 20] = comment.length & 0xff;
    out[at + 21] = comment.length >> 8;
    out.set(comment, at + 22);
    return out;
  }
  const line = ascii(`\n%${MARK}${h}\n`);
  const out = new Uint8Array(bytes.length + line.length);
  out.set(bytes);
  out.set(line, bytes.length);
  return out;
}

/** The bytes as wep wrote them (without the stamp) and the stamped hash, or undefined when unstamped. */
function unstamp(path: string, b: Uint8Array): { body: Uint8Array; hash: string } | undefined {
  if (extname(path) === '.docx') {
    const at = eocd(b);
    if (at < 0) return undefined;
    const len = b[at + 20]! | (b[at + 21]! << 8);
    const comment = new TextDecoder().decode(b.subarray(at + 22, at + 22 + len));
    if (!comment.startsWith(MARK) || at + 22 + len !== b.length) return undefined;
    const body = b.slice(0, at + 22);
    body[at + 20] = 0;
    body[at + 21] = 0;
    return { body, hash: comment.slice(MARK.length) };
  }
  const tail = new TextDecoder().decode(b.subarray(Math.max(0, b.length - 64)));
  const m = /\n%wep-generated sha256=([0-9a-f]{16})\n$/.exec(tail);
  if (!m) return undefined;
  return { body: b.subarray(0, b.length - m[0].length), hash: m[1]! };
}

/** Whether these bytes of a binary document are as wep wrote them; a file without the stamp counts as edited. */
export function stateOfBinary(path: string, bytes: Uint8Array): 'unchanged' | 'edited' {
  const u = unstamp(path, bytes);
  return u && hash16(u.body) === u.hash ? 'unchanged' : 'edited';
}

/** Whether a binary document is still as wep wrote it; a file without the stamp counts as edited. */
export function binaryState(path: string): GeneratedState {
  const bytes = readBack(path);
  return bytes === undefined ? 'absent' : stateOfBinary(path, bytes);
}

/** The binary documents wep stamps: what --commit may take as wep's when written in an earlier run. */
export const isStampedDocument = (path: string) => /\.(docx|pdf)$/.test(path);

/**
 * Writes a binary document unless the clerk edited it; with `force`, the edited one is kept as
 * .bak. Through the records writer (io/fs.ts): locked, atomic, mode kept, journalled for --commit.
 */
export function writeBinaryGenerated(path: string, bytes: Uint8Array, opts: { force?: boolean; display?: string } = {}): WriteResult {
  const root = dirname(path);
  const stamped = stampBinary(path, bytes);
  let backup: string | undefined;
  updateRecordBytes(
    path,
    (current) => {
      if (current !== undefined && stateOfBinary(path, current) === 'edited') {
        if (!opts.force) {
          throw new WepError(`${opts.display ?? path} has been edited since wep wrote it; wep will not overwrite it`, `keep your edits, or run again with --force to write it again (your version is kept as ${basename(path)}.bak)`);
        }
        backup = `${path}.bak`;
        for (let i = 2; readBack(backup) !== undefined; i++) backup = `${path}.bak${i}`;
        updateRecordBytes(backup, () => current, { root, expected: null, limit: MAX_DOCUMENT_BYTES, display: opts.display ? `${opts.display}${backup.slice(path.length)}` : undefined });
      }
      return stamped;
    },
    { root, display: opts.display, limit: MAX_DOCUMENT_BYTES },
  );
  return { path, status: 'written', backup };
}

/** Markdown text as blocks (markdown-it loads here, only for the commands that typeset). */
export async function markdownBlocks(text: string): Promise<import('../core/md-blocks.js').Block[]> {
  const [MarkdownIt, { blocksFromTokens }] = await Promise.all([loadExternal('markdown-it'), import('../core/md-blocks.js')]);
  const md = new MarkdownIt({ html: true, linkify: false });
  return blocksFromTokens(md.parse(text, {}) as never);
}

const GENERATED_LINE = /^<!-- wep-generated sha256=[0-9a-f]{16} -->\r?\n?/m;

/** A Word file beside a generated Markdown document: notice.md -> notice.docx. */
export async function writeDocxBeside(dir: string, name: string, markdown: string, meta: { title: string }, opts: { force?: boolean; display?: (p: string) => string } = {}): Promise<WriteResult> {
  const [{ renderDocx }] = await Promise.all([import('../report/docx-document.js')]);
  const blocks = await markdownBlocks(markdown.replace(GENERATED_LINE, ''));
  const bytes = await renderDocx(blocks, { title: meta.title });
  const path = join(dir, name);
  return writeBinaryGenerated(path, bytes, { force: opts.force, display: opts.display?.(path) });
}

/** notice.docx from the notice's Markdown. */
export function writeNoticeDocx(dir: string, markdown: string, opts: { force?: boolean; display?: (p: string) => string } = {}): Promise<WriteResult> {
  const title = /^# (.+)$/m.exec(markdown)?.[1] ?? 'Notice of meeting';
  return writeDocxBeside(dir, 'notice.docx', markdown, { title }, opts);
}
