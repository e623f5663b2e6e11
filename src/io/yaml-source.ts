/**
 * Reads YAML text into the position-carrying tree that core validates. The only module that
 * parses YAML for reading; edits go through yaml-edit.ts.
 */
import { isAlias, isMap, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import type { Diagnostic } from '../core/diagnostic.js';
import { lazyPositions, type PNode, type Pos, type Positions } from '../core/pnode.js';
import type { Schema } from '../core/schema.js';
import { locate } from '../core/diagnostic.js';

import { MAX_DEPTH, MAX_YAML_BYTES } from './limits.js';
import { readFastPNode } from './yaml-fast.js';

export { MAX_DEPTH, MAX_YAML_BYTES };
/**
 * Nodes that aliases may produce before the file is refused as an alias bomb. Counting nodes
 * produced, not aliases followed, bounds the work: 999 aliases of one 5,000-entry list are
 * 5 million nodes. A records file that uses an anchor for a shared venue needs a few hundred.
 */
export const MAX_ALIAS_NODES = 10_000;

const YAML_HINTS: Record<string, string> = {
  DUPLICATE_KEY: 'each key may appear once in a mapping: remove or rename one of them',
  BAD_INDENT: 'line the entry up with its neighbours, using spaces (not tabs)',
  TAB_AS_INDENT: 'indent with spaces, not tabs',
  MISSING_CHAR: 'a quote or bracket is not closed',
  BLOCK_AS_IMPLICIT_KEY: 'check the indentation of this line and the one before',
  MULTILINE_IMPLICIT_KEY: 'a key must fit on one line; check for a missing ":" or quote on the line before',
  UNEXPECTED_TOKEN: 'check the punctuation near here',
  BAD_ALIAS: 'an alias (*name) must refer to an anchor (&name) defined earlier',
};

/** A hint for the message when the code alone would mislead (an unclosed [ is reported as BAD_INDENT). */
function yamlHint(code: string, message: string): string | undefined {
  if (/end with a \]/.test(message)) return 'a list written in [ ] is not closed: add the missing "]" (it is often on the line before)';
  if (/end with a \}/.test(message)) return 'a mapping written in { } is not closed: add the missing "}" (it is often on the line before)';
  if (/Nested mappings are not allowed in compact mappings/.test(message)) return 'a colon followed by a space starts a key: put the whole text in quotes, e.g. name: "Brown: Peter"';
  return YAML_HINTS[code];
}

/** `duplicate key "name"`, naming the key written at the offset where the parser stopped. */
function duplicateKeyMessage(source: string, offset: number): string {
  const key = /^\s*["']?([^"':\n]+?)["']?\s*:/.exec(source.slice(offset, source.indexOf('\n', offset) === -1 ? undefined : source.indexOf('\n', offset)))?.[1];
  return key ? `duplicate key "${key}": it appears twice in the same mapping` : 'duplicate key: a key appears twice in the same mapping';
}

const tooDeep = (file: string, pos: Pos): Diagnostic => ({
  severity: 'error',
  file,
  check: 'yaml',
  pos: { ...pos, len: 1 },
  message: `lists and mappings are nested more than ${MAX_DEPTH} levels deep here`,
  hint: 'records files nest a few levels; check for unclosed [ or { or runaway indentation',
});

export interface ParsedYaml<T> {
  value: T | undefined;
  diagnostics: Diagnostic[];
  positions: Positions;
  root: PNode | undefined;
  /** List entries that could not be read at all (see Ctx.dropped). */
  dropped?: string[];
}

function posAt(lc: LineCounter, source: string, offset: number): Pos {
  const { line, col } = lc.linePos(offset);
  const eol = source.indexOf('\n', offset);
  return { line, col, len: Math.max(1, (eol === -1 ? source.length : eol) - offset) };
}

function spanPos(lc: LineCounter, source: string, range: [number, number, number] | null | undefined, fallback: number): Pos {
  if (!range) return posAt(lc, source, fallback);
  const p = posAt(lc, source, range[0]);
  const len = Math.max(1, Math.min(p.len, range[1] - range[0]));
  return { ...p, len };
}

/** Why a document cannot be turned into a tree: too many nodes from aliases, an alias inside what it names, too deep. */
class Unreadable extends Error {
  constructor(
    readonly why: 'alias-bomb' | 'alias-loop' | 'too-deep',
    readonly offset: number,
  ) {
    super(why);
  }
}

interface Walk {
  /** Nodes aliases may still produce. */
  aliasNodes: number;
  /** Inside the expansion of an alias (its nodes count against aliasNodes). */
  inAlias: number;
  depth: number;
  /** Anchors by name, as defined so far in document order (a later anchor of the same name wins, as in YAML). */
  anchors: Map<string, Node>;
  /** The anchored nodes being expanded: an alias to one of them would never end. */
  expanding: Set<Node>;
}

function toPNode(doc: Document, lc: LineCounter, source: string, node: Node | null | undefined, fallback: number, w: Walk): PNode | undefined {
  if (node === null || node === undefined) return undefined;
  if (isAlias(node)) {
    // resolved here, in document order, in one pass: yaml's Alias.resolve searches the whole
    // document for each alias
    const target = w.anchors.get(node.source);
    if (!target) return undefined;
    if (w.expanding.has(target)) throw new Unreadable('alias-loop', node.range?.[0] ?? fallback);
    w.expanding.add(target);
    w.inAlias++;
    try {
      return toPNode(doc, lc, source, target, node.range?.[0] ?? fallback, w);
    } finally {
      w.inAlias--;
      w.expanding.delete(target);
    }
  }
  if (w.inAlias > 0 && --w.aliasNodes < 0) throw new Unreadable('alias-bomb', fallback);
  if (w.inAlias === 0 && node.anchor) w.anchors.set(node.anchor, node);
  const pos = spanPos(lc, source, node.range, fallback);
  if (isScalar(node)) {
    const v = node.value;
    const value = v === null || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? v : String(v);
    return { kind: 'scalar', value, pos };
  }
  if (!isSeq(node) && !isMap(node)) return undefined;
  if (++w.depth > MAX_DEPTH) throw new Unreadable('too-deep', node.range?.[0] ?? fallback);
  try {
    return collection(doc, lc, source, node, pos, w);
  } finally {
    w.depth--;
  }
}

function collection(doc: Document, lc: LineCounter, source: string, node: Node, pos: Pos, w: Walk): PNode | undefined {
  if (isSeq(node)) {
    return { kind: 'seq', pos, items: node.items.map((n) => toPNode(doc, lc, source, n as Node, node.range?.[0] ?? 0, w) ?? { kind: 'scalar', value: null, pos }) };
  }
  if (isMap(node)) {
    return {
      kind: 'map',
      pos,
      entries: node.items.map((pair) => {
        const k = pair.key as Node | null;
        const keyPos = spanPos(lc, source, k?.range, node.range?.[0] ?? 0);
        const key = isScalar(k) ? (k.value as string) : String(k);
        const valueNode = pair.value as Node | null;
        const value = toPNode(doc, lc, source, valueNode, k?.range?.[2] ?? 0, w) ?? { kind: 'scalar' as const, value: null, pos: keyPos };
        return { key: key === null ? 'null' : key, keyPos, value };
      }),
    };
  }
  return undefined;
}

const newWalk = (): Walk => ({ aliasNodes: MAX_ALIAS_NODES, inAlias: 0, depth: 0, anchors: new Map(), expanding: new Set() });

function fullParse(source: string): { doc: Document; lc: LineCounter } {
  const lc = new LineCounter();
  const doc = parseDocument(source, { lineCounter: lc, uniqueKeys: true, prettyErrors: false, strict: true, version: '1.2' });
  return { doc, lc };
}

/**
 * The tree the full parser gives, with the codes of its errors and warnings (the tree only when
 * there are no errors): what readFastPNode is held to. For tests and benchmarks.
 */
export function slowPNode(source: string): { root: PNode | undefined; errors: string[]; warnings: string[] } {
  const { doc, lc } = fullParse(source);
  const errors = doc.errors.map((e) => e.code as string);
  const warnings = doc.warnings.map((e) => e.code as string);
  if (errors.length) return { root: undefined, errors, warnings };
  try {
    return { root: toPNode(doc, lc, source, doc.contents as Node | null, 0, newWalk()), errors, warnings };
  } catch (e) {
    if (!(e instanceof Unreadable)) throw e;
    return { root: undefined, errors: [e.why], warnings };
  }
}

/** Parses YAML text and validates it against a schema, collecting every problem at once. */
export function parseYaml<T>(source: string, file: string, schema: Schema<T>): ParsedYaml<T> {
  const diagnostics: Diagnostic[] = [];
  if (Buffer.byteLength(source) > MAX_YAML_BYTES) {
    diagnostics.push({ severity: 'error', file, check: 'yaml', message: `the file is ${Math.round(Buffer.byteLength(source) / 1024)} KiB, larger than wep reads (${MAX_YAML_BYTES / 1024 / 1024} MiB)`, hint: 'is this the right file? records files are a few hundred lines' });
    return { value: undefined, diagnostics, positions: new Map(), root: undefined };
  }
  // Most records are in the plain subset of YAML that the fast reader knows, and give the
  // same tree as the full parser would; anything else goes to the full parser.
  const fast = readFastPNode(source);
  if (fast) return validate(fast.root, file, schema, diagnostics);
  let doc: Document;
  let lc: LineCounter;
  try {
    ({ doc, lc } = fullParse(source));
  } catch (e) {
    // the parser recurses per level of nesting: a deep enough file exhausts the stack
    if (!(e instanceof RangeError)) throw e;
    diagnostics.push(tooDeep(file, { line: 1, col: 1, len: 1 }));
    return { value: undefined, diagnostics, positions: new Map(), root: undefined };
  }
  // One syntax error usually causes a cascade of others (a tab, an unclosed bracket), so only
  // the first is reported; duplicate keys do not cascade and are all reported.
  const firstSyntax = doc.errors.find((e) => e.code !== 'DUPLICATE_KEY');
  for (const e of doc.errors.filter((x) => x === firstSyntax || x.code === 'DUPLICATE_KEY')) {
    let offset = Math.min(e.pos[0], source.length);
    // An error found at the end of the input (an unclosed quote) points at the last text
    // written, not at an empty line after it.
    const lineStart = source.lastIndexOf('\n', offset - 1) + 1;
    const lineEnd = source.indexOf('\n', offset);
    if (source.slice(lineStart, lineEnd === -1 ? undefined : lineEnd).trim() === '') {
      const last = source.slice(0, lineStart).trimEnd().length;
      if (last > 0) offset = last - 1;
    }
    const firstLine = e.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
    if (/call stack/i.test(firstLine)) {
      diagnostics.push(tooDeep(file, posAt(lc, source, offset)));
      continue;
    }
    diagnostics.push({
      severity: 'error',
      file,
      check: 'yaml',
      pos: posAt(lc, source, offset),
      message: e.code === 'DUPLICATE_KEY' ? duplicateKeyMessage(source, offset) : `YAML syntax: ${firstLine}`,
      hint: yamlHint(e.code, firstLine),
    });
  }
  if (diagnostics.length) return { value: undefined, diagnostics, positions: new Map(), root: undefined };
  let root: PNode | undefined;
  try {
    root = toPNode(doc, lc, source, doc.contents as Node | null, 0, newWalk());
  } catch (e) {
    if (!(e instanceof Unreadable)) throw e;
    const pos = { ...posAt(lc, source, e.offset), len: 1 };
    diagnostics.push(
      e.why === 'too-deep'
        ? tooDeep(file, pos)
        : e.why === 'alias-loop'
          ? { severity: 'error', file, check: 'yaml', pos, message: 'this YAML alias is inside the list or mapping it refers to, so it would never end', hint: 'write the values out instead of using anchors (&) and aliases (*)' }
          : { severity: 'error', file, check: 'yaml', pos: { line: 1, col: 1, len: 1 }, message: `the file's YAML aliases expand to more than ${MAX_ALIAS_NODES} values`, hint: 'write the values out instead of using anchors (&) and aliases (*)' },
    );
    return { value: undefined, diagnostics, positions: new Map(), root: undefined };
  }
  return validate(root, file, schema, diagnostics);
}

/** Checks the tree read from the file against the schema. */
function validate<T>(root: PNode | undefined, file: string, schema: Schema<T>, diagnostics: Diagnostic[]): ParsedYaml<T> {
  const positions = lazyPositions(root);
  if (!root || (root.kind === 'scalar' && root.value === null)) {
    diagnostics.push({ severity: 'error', file, check: 'schema', pos: { line: 1, col: 1, len: 1 }, message: 'the file is empty', hint: 'start from the bundled example: wep init, or copy partnership.yaml' });
    return { value: undefined, diagnostics, positions, root };
  }
  const ctx = { problems: [], dropped: [] as string[] };
  const value = schema.parse(root, '', ctx);
  diagnostics.push(...locate(ctx.problems, file, positions, 'schema'));
  return { value, diagnostics, positions, root, dropped: ctx.dropped };
}
