/**
 * Writes a meeting's attendance into its meeting.yaml through the yaml Document API: only the
 * lists that changed are touched, entries that stay keep their comments, and everything else in
 * the file is left exactly as the clerk wrote it.
 */
import { Document, isMap, isScalar, isSeq, type Node, type YAMLMap, type YAMLSeq } from 'yaml';
import { WepError } from '../core/errors.js';
import type { Attendance } from '../core/meeting-schema.js';
import { updateRecordFile } from './fs.js';
import { MAX_YAML_BYTES } from './limits.js';
import { parseForEdit, STRINGIFY } from './yaml-edit.js';

const KEYS = ['present', 'apologies', 'proxies', 'observers', 'arrived', 'left', 'interests'] as const;
type Key = (typeof KEYS)[number];

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** A list node for `values`, reusing the existing item nodes (and so their comments) where the value is unchanged. */
function listNode(doc: Document, existing: unknown, values: readonly unknown[]): Node {
  const old = isSeq(existing) ? (existing as YAMLSeq) : undefined;
  const pool = old ? [...old.items] : [];
  const items = values.map((v) => {
    const i = pool.findIndex((n) => same(isScalar(n) || isMap(n) ? (n as Node).toJSON() : n, v));
    if (i >= 0) return pool.splice(i, 1)[0];
    const node = doc.createNode(v) as Node;
    if (isMap(node)) (node as YAMLMap).flow = true; // { proxy: px-evans, for: sh-evans }
    return node;
  });
  if (old) {
    old.items = items;
    return old;
  }
  const seq = doc.createNode([]) as YAMLSeq;
  seq.items = items;
  // short id lists read best on one line: present: [a, b, c]
  seq.flow = values.every((v) => typeof v === 'string') && values.length <= 12;
  return seq;
}

/** Sets `attendance:` in the document to `att`, changing only what differs. */
export function setAttendance(doc: Document, att: Attendance): void {
  const root = doc.contents;
  if (!isMap(root)) throw new WepError('meeting.yaml is not a map of keys', 'run "wep check" to see where');
  let node = root.get('attendance', true) as unknown;
  if (!isMap(node)) {
    node = doc.createNode({});
    if (root.has('attendance')) root.set('attendance', node);
    else root.items.push(doc.createPair('attendance', node) as never);
  }
  const map = node as YAMLMap;
  for (const key of KEYS) {
    const value = att[key as Key] as unknown[] | undefined;
    const existing = map.get(key, true);
    if (!value || value.length === 0) {
      if (map.has(key)) map.delete(key);
      continue;
    }
    if (existing !== undefined && same((existing as Node).toJSON?.() ?? existing, value)) continue;
    const list = listNode(doc, existing, value);
    if (map.has(key)) map.set(key, list);
    else {
      // keep the keys in the schema's order
      const later = KEYS.slice(KEYS.indexOf(key) + 1);
      const at = map.items.findIndex((p) => isScalar(p.key) && later.includes(String(p.key.value) as Key));
      const pair = doc.createPair(key, list);
      if (at >= 0) map.items.splice(at, 0, pair as never);
      else map.items.push(pair as never);
    }
  }
}

const keyIs = (k: string) => (p: { key: unknown }) => isScalar(p.key) && p.key.value === k;

/** The `attendance:` block as text, in the style the example records use: `present: [a, b]`, `- { proxy: p, for: m }`. */
function renderBlock(pair: unknown): string {
  const out = new Document();
  const map = out.createNode({}) as YAMLMap;
  map.items.push(pair as never);
  out.contents = map;
  return out
    .toString(STRINGIFY)
    .split('\n')
    .map((line) => line.replace(/^(\s*[\w-]+: )\[ (.*) \](\s*#.*)?$/, '$1[$2]$3'))
    .join('\n')
    .replace(/^\n+/, ''); // the reused key may carry the blank line that preceded it; the splice keeps that already
}

/**
 * meeting.yaml text with its attendance set to `att`. Only the `attendance:` block is
 * re-rendered; every other byte of the file stays as the clerk wrote it (long lines, folded
 * text, comments, blank lines). A record without attendance gets it after the notice or agenda.
 */
export function withAttendance(source: string, att: Attendance): string {
  const original = parseForEdit(source);
  if (original.errors.length || !isMap(original.contents)) throw new WepError('meeting.yaml is not valid YAML', 'run "wep check" to see where');
  const doc = parseForEdit(source);
  setAttendance(doc, att);
  const pair = (doc.contents as YAMLMap).items.find(keyIs('attendance'))!;
  const block = renderBlock(pair);
  const old = (original.contents as YAMLMap).items.find(keyIs('attendance'));
  const oldKey = old?.key as Node | undefined;
  const oldValue = old?.value as Node | undefined;
  if (old && oldKey?.range && oldValue?.range) return source.slice(0, oldKey.range[0]) + block + source.slice(oldValue.range[2]);
  if (old) return doc.toString(STRINGIFY); // an odd shape (attendance with no value): let yaml lay out the file
  const anchor = ['notice', 'invitees', 'agenda'].map((k) => (original.contents as YAMLMap).items.find(keyIs(k))).find((p) => p !== undefined);
  const end = (anchor?.value as Node | undefined)?.range?.[2];
  if (end === undefined) return `${source}${source.endsWith('\n') || source === '' ? '' : '\n'}${block}`;
  const before = source.slice(0, end);
  const lead = before.endsWith('\n') ? '' : '\n';
  // the clerk separates top-level sections with blank lines: keep that rhythm
  return source[end] === '\n' ? `${before}${lead}\n${block}${source.slice(end)}` : `${before}${lead}${block}${source.slice(end)}`;
}

/**
 * Writes the attendance into meeting.yaml at `path`, atomically, refusing if the file changed
 * since it was read (`expected`). Returns whether the file changed.
 */
export function writeAttendance(root: string, path: string, att: Attendance, expected: string, display?: string): boolean {
  // edited with LF line ends; the writer gives a CRLF file its CRLF back
  const edit = (source: string) => withAttendance(source.replace(/\r\n/g, '\n'), att);
  return updateRecordFile(path, (current) => (current === undefined ? undefined : edit(current)), { root, display, expected, reapply: edit, limit: MAX_YAML_BYTES }).written;
}
