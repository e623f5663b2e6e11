/**
 * Edits YAML records in place, keeping every line the clerk wrote that the edit did not touch.
 *
 * The yaml Document API keeps comments, but re-rendering a whole document also re-renders
 * what did not change (it re-wraps folded text, re-spaces flow mappings). So the edit is made
 * on the Document, and then only the top-level entries whose value changed are spliced into
 * the original text; every other byte stays as it was. If the splice would not read back as
 * the edited document, the full rendering is used instead: correctness first, layout second.
 * Writes are atomic and refuse to clobber a file that changed on disk since it was read.
 */
import { isMap, isScalar, parseDocument, type Document } from 'yaml';
import { WepError } from '../core/errors.js';
import { updateRecordFile } from './fs.js';
import { MAX_YAML_BYTES } from './limits.js';

export const STRINGIFY = { lineWidth: 0, indentSeq: true } as const;

/** Parses YAML keeping comments and layout, ready for editing. */
export function parseForEdit(source: string): Document {
  return parseDocument(source, { keepSourceTokens: true, version: '1.2' });
}

interface Block {
  key: string;
  /** Offset where the entry's first line starts (its leading comments included). */
  start: number;
  /** Offset just past the entry's last line. */
  end: number;
}

const lineStart = (text: string, offset: number) => text.lastIndexOf('\n', offset - 1) + 1;

/**
 * The top-level entries of a block mapping, each as a span of whole lines: from the first
 * comment line directly above the key (no blank line between) to the line before the next
 * entry's span. The last entry ends with its value's last line: what follows (blank lines and
 * comments at the end of the file) is the document's tail, which is not any entry's, so an
 * entry added at the end goes before it and the tail is written once.
 */
function topLevelBlocks(doc: Document, text: string): { blocks: Block[]; tail: number } | undefined {
  const root = doc.contents;
  if (!isMap(root) || root.flow || !root.range) return undefined;
  const starts: { key: string; at: number }[] = [];
  for (const pair of root.items) {
    if (!isScalar(pair.key) || !pair.key.range) return undefined;
    let at = lineStart(text, pair.key.range[0]);
    // take the comment lines directly above the key with it
    for (;;) {
      if (at === 0) break;
      const prev = lineStart(text, at - 1);
      if (!/^\s*#/.test(text.slice(prev, at - 1))) break;
      at = prev;
    }
    starts.push({ key: String(pair.key.value), at });
  }
  let tail = Math.min(root.range[2], text.length);
  if (tail > 0 && text[tail - 1] !== '\n') {
    const eol = text.indexOf('\n', tail);
    tail = eol === -1 ? text.length : eol + 1;
  }
  if (starts.length && tail < starts[starts.length - 1]!.at) return undefined;
  return { blocks: starts.map((s, i) => ({ key: s.key, start: s.at, end: i + 1 < starts.length ? starts[i + 1]!.at : tail })), tail };
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** Key order does not change what a mapping means; an entry keeps its place in the file. */
const canon = (v: unknown): unknown =>
  Array.isArray(v) ? v.map(canon) : v && typeof v === 'object' && !(v instanceof Date) ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, canon((v as Record<string, unknown>)[k])])) : v;

/**
 * The edited document as text, changing only the top-level entries whose value changed.
 * Exported for tests.
 */
export function spliceEdit(source: string, edited: Document): string {
  const full = edited.toString(STRINGIFY);
  const before = parseForEdit(source);
  const after = parseForEdit(full);
  const oldSpans = topLevelBlocks(before, source);
  const newSpans = topLevelBlocks(after, full);
  if (!oldSpans || !newSpans) return full;
  const oldBlocks = oldSpans.blocks;
  const newBlocks = newSpans.blocks;
  const oldJs = (before.toJS() ?? {}) as Record<string, unknown>;
  const newJs = (after.toJS() ?? {}) as Record<string, unknown>;

  let out = '';
  let cursor = 0;
  const newByKey = new Map(newBlocks.map((b) => [b.key, b]));
  const oldKeys = new Set(oldBlocks.map((b) => b.key));
  for (const b of oldBlocks) {
    out += source.slice(cursor, b.start);
    cursor = b.end;
    const nb = newByKey.get(b.key);
    if (!nb) continue; // removed
    if (same(oldJs[b.key], newJs[b.key])) out += source.slice(b.start, b.end);
    else {
      // keep the blank lines that separated this entry from the next one
      const oldText = source.slice(b.start, b.end);
      const trailing = /\n*$/.exec(oldText)![0];
      out += full.slice(nb.start, nb.end).replace(/\n*$/, '') + (trailing || '\n');
    }
  }
  out += source.slice(cursor, Math.max(cursor, oldSpans.tail));
  const added = newBlocks.filter((b) => !oldKeys.has(b.key));
  if (added.length) {
    if (out !== '' && !out.endsWith('\n')) out += '\n';
    for (const b of added) out += full.slice(b.start, b.end).replace(/\n*$/, '\n');
  }
  out += source.slice(Math.max(cursor, oldSpans.tail));
  // Only trust the splice if it reads back as exactly the edited document.
  const check = parseDocument(out, { version: '1.2' });
  if (check.errors.length || !same(canon(check.toJS()), canon(after.toJS()))) return full;
  return out;
}

/** The edited text of `source`, or a refusal when it is not YAML wep can edit. */
export function applyYamlEdit(source: string, edit: (doc: Document) => void, shown: string): string {
  // edited with LF line ends; the writer gives a CRLF file its CRLF back
  const lf = source.replace(/\r\n/g, '\n');
  const doc = parseForEdit(lf);
  if (doc.errors.length) throw new WepError(`${shown} is not valid YAML`, 'run "wep check" to see where');
  edit(doc);
  return spliceEdit(lf, doc);
}

/**
 * Reads `path` (inside the records repo at `root`), lets `edit` change the document, and writes
 * it back through the one writer (lock, compare-and-swap, atomic, mode and line ends kept),
 * changing only the entries the edit changed. When `expected` is given and the file no longer
 * holds that text, nothing is written. Returns the new text.
 */
export function editYamlFile(root: string, path: string, edit: (doc: Document) => void, expected?: string, display?: string): string {
  const shown = display ?? path;
  const r = updateRecordFile(path, (current) => {
    if (current === undefined) throw new WepError(`${shown} does not exist`, 'check the meeting id; "wep meetings" lists them');
    return applyYamlEdit(current, edit, shown);
  }, { root, display, expected, reapply: (base) => applyYamlEdit(base, edit, shown), limit: MAX_YAML_BYTES });
  return r.after;
}

/** Sets `key: value` at the top of a document; an existing mapping keeps its other keys. */
export function setTopLevel(doc: Document, key: string, value: Record<string, unknown>): void {
  const existing = doc.get(key, true);
  if (isMap(existing)) {
    for (const [k, v] of Object.entries(value)) doc.setIn([key, k], doc.createNode(v));
  } else {
    doc.set(key, doc.createNode(value));
  }
}
