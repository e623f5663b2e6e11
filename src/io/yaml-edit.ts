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
import { readFileSync } from 'node:fs';
import { isMap, isScalar, parseDocument, type Document } from 'yaml';
import { WepError } from '../core/errors.js';
import { writeFileAtomic } from './fs.js';

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
 * entry's span.
 */
function topLevelBlocks(doc: Document, text: string): Block[] | undefined {
  const root = doc.contents;
  if (!isMap(root) || root.flow) return undefined;
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
  const docEnd = text.length;
  return starts.map((s, i) => ({ key: s.key, start: s.at, end: i + 1 < starts.length ? starts[i + 1]!.at : docEnd }));
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * The edited document as text, changing only the top-level entries whose value changed.
 * Exported for tests.
 */
export function spliceEdit(source: string, edited: Document): string {
  const full = edited.toString(STRINGIFY);
  const before = parseForEdit(source);
  const after = parseForEdit(full);
  const oldBlocks = topLevelBlocks(before, source);
  const newBlocks = topLevelBlocks(after, full);
  if (!oldBlocks || !newBlocks) return full;
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
  out += source.slice(cursor);
  const added = newBlocks.filter((b) => !oldKeys.has(b.key));
  if (added.length) {
    if (!out.endsWith('\n')) out += '\n';
    for (const b of added) out += full.slice(b.start, b.end).replace(/\n*$/, '\n');
  }
  // Only trust the splice if it reads back as exactly the edited document.
  const check = parseDocument(out, { version: '1.2' });
  if (check.errors.length || !same(check.toJS(), after.toJS())) return full;
  return out;
}

/**
 * Reads `path`, lets `edit` change the document, and writes it back atomically, changing only
 * the entries the edit changed. When `expected` is given and the file no longer holds that
 * text, nothing is written. Returns the new text.
 */
export function editYamlFile(path: string, edit: (doc: Document) => void, expected?: string): string {
  const source = readFileSync(path, 'utf8');
  if (expected !== undefined && source !== expected) {
    throw new WepError(`${path} changed on disk while wep was working`, 'run the command again');
  }
  const doc = parseForEdit(source);
  if (doc.errors.length) throw new WepError(`${path} is not valid YAML`, 'run "wep check" to see where');
  edit(doc);
  const text = spliceEdit(source, doc);
  if (text !== source) writeFileAtomic(path, text);
  return text;
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
