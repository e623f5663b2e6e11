/**
 * A reader for the plain subset of YAML that records are written in: block mappings with
 * simple keys, block lists, one-line flow collections, one-line scalars, folded or literal
 * text, comments. It gives exactly the tree yaml-source.ts would build from the full parser's
 * document, positions included, in a fraction of the time. Anything outside the subset, and
 * anything the full parser would call an error, is not read here: the answer is then
 * undefined, and the full parser reads the file.
 */
import type { PEntry, PNode, Pos, Scalar } from '../core/pnode.js';
import { MAX_DEPTH } from './limits.js';

/** Thrown (never seen outside this module) when the text leaves the subset. */
const NOT_MINE: unique symbol = Symbol('not mine');

/**
 * Characters the subset leaves to the full parser wherever they are: tabs, carriage returns
 * and other controls, the byte order mark, the Unicode line separators, and noncharacters.
 * Lines starting a document marker (--- or ...) or a directive (%) too.
 */
const UNSAFE = /[\x00-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff]|^(?:---|\.\.\.|%)/m;

/** A plain key: letters, digits, - _ . /, single spaces between words. */
const PLAIN_KEY = /[A-Za-z0-9_][A-Za-z0-9_./-]*(?: [A-Za-z0-9_./-]+)*/y;
/** Keys longer than this are left to the full parser (YAML allows 1024 characters). */
const MAX_KEY = 1000;

const SPACE = 0x20;
const HASH = 0x23;

/**
 * A plain scalar's value under the YAML 1.2 core schema, as the yaml library resolves it (its
 * tags in its order: null, bool, octal, decimal and hex int, .inf/.nan, exponent and plain floats).
 */
export function corePlainValue(s: string): Scalar {
  // Every text the tags read starts with one of ~ n N t T f F . + - or a digit (or is empty):
  // a title, a name or a key starting otherwise is text, found without the patterns.
  return s.length > 0 && !MAY_RESOLVE.test(s[0]!) ? s : corePatternValue(s);
}

/** The same, by the core schema's patterns alone. */
export function corePatternValue(s: string): Scalar {
  if (/^(?:~|[Nn]ull|NULL)?$/.test(s)) return null;
  if (/^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/.test(s)) return s[0] === 't' || s[0] === 'T';
  if (/^0o[0-7]+$/.test(s)) return parseInt(s.substring(2), 8);
  if (/^[-+]?[0-9]+$/.test(s)) return parseInt(s, 10);
  if (/^0x[0-9a-fA-F]+$/.test(s)) return parseInt(s.substring(2), 16);
  if (/^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/.test(s)) return s.slice(-3).toLowerCase() === 'nan' ? NaN : s[0] === '-' ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;
  if (/^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/.test(s)) return parseFloat(s);
  if (/^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/.test(s)) return parseFloat(s);
  return s;
}

/** The first characters of the plain texts the core schema reads as other than text. */
const MAY_RESOLVE = /[~nNtTfF.+\-0-9]/;

/** Escapes in double-quoted text that the subset reads; any other is left to the full parser. */
const DQ_ESCAPES: Record<string, string> = { '\\': '\\', '"': '"', '/': '/', n: '\n', t: '\t' };

interface Read {
  node: PNode;
  /** The first line after the node (the lines between it and the next content are blank or comments). */
  next: number;
}

class Reader {
  private readonly starts: number[] = [];
  private readonly ends: number[] = [];
  /** Leading spaces of each line, or -1 for a line that is blank or only a comment. */
  private readonly indents: number[] = [];
  private readonly n: number;

  constructor(private readonly src: string) {
    let start = 0;
    for (;;) {
      const nl = src.indexOf('\n', start);
      const end = nl === -1 ? src.length : nl;
      let i = start;
      while (i < end && src.charCodeAt(i) === SPACE) i++;
      this.starts.push(start);
      this.ends.push(end);
      this.indents.push(i === end || src.charCodeAt(i) === HASH ? -1 : i - start);
      if (nl === -1) break;
      start = nl + 1;
    }
    this.n = this.starts.length;
  }

  document(): PNode | undefined {
    const first = this.nextContent(0);
    if (first === this.n) return undefined;
    const r = this.node(first, this.starts[first]! + this.indents[first]!, -1, 0);
    if (this.nextContent(r.next) !== this.n) throw NOT_MINE;
    return r.node;
  }

  /** The first line from `i` on that has content (not blank, not only a comment), or n. */
  private nextContent(i: number): number {
    while (i < this.n && this.indents[i]! < 0) i++;
    return i;
  }

  /** The position the full parser gives a node starting at `off` on line `li` whose text ends at `end`. */
  private pos(li: number, off: number, end: number): Pos {
    return { line: li + 1, col: off - this.starts[li]! + 1, len: Math.max(1, Math.min(this.ends[li]! - off, end - off)) };
  }

  /**
   * A block node whose text starts at `off` on line `li`: a list, a mapping, or a value on that
   * line. `parent` is the indentation of the collection it is in; the node's own lines are
   * indented more.
   */
  private node(li: number, off: number, parent: number, depth: number): Read {
    const src = this.src;
    if (src.charCodeAt(off) === 0x2d /* - */ && (off + 1 === this.ends[li] || src.charCodeAt(off + 1) === SPACE)) return this.blockSeq(li, off, depth + 1);
    if (this.key(li, off)) return this.blockMap(li, off, depth + 1);
    return this.inline(li, off, parent, depth);
  }

  private blockMap(li: number, off: number, depth: number): Read {
    if (depth > MAX_DEPTH) throw NOT_MINE;
    const col = off - this.starts[li]!;
    const pos = this.pos(li, off, this.ends[li]!);
    const entries: PEntry[] = [];
    const seen = new Set<string>();
    for (;;) {
      const k = this.key(li, off);
      if (!k) throw NOT_MINE;
      if (seen.has(k.key)) throw NOT_MINE;
      seen.add(k.key);
      const keyPos = this.pos(li, off, k.end);
      const q = this.skipSpaces(k.end + 1, li);
      let r: Read;
      if (q === this.ends[li] || this.src.charCodeAt(q) === HASH) r = this.emptyValue(li, q, col, depth, true);
      else r = this.inline(li, q, col, depth);
      entries.push({ key: k.key, keyPos, value: r.node });
      const j = this.nextContent(r.next);
      if (j === this.n || this.indents[j]! < col) return { node: { kind: 'map', pos, entries }, next: j };
      if (this.indents[j]! > col) throw NOT_MINE;
      li = j;
      off = this.starts[j]! + col;
    }
  }

  private blockSeq(li: number, off: number, depth: number): Read {
    if (depth > MAX_DEPTH) throw NOT_MINE;
    const col = off - this.starts[li]!;
    const pos = this.pos(li, off, this.ends[li]!);
    const items: PNode[] = [];
    for (;;) {
      const q = this.skipSpaces(off + 1, li);
      const r = q === this.ends[li] || this.src.charCodeAt(q) === HASH ? this.emptyValue(li, q, col, depth, false) : this.node(li, q, col, depth);
      items.push(r.node);
      const j = this.nextContent(r.next);
      if (j === this.n || this.indents[j]! < col) return { node: { kind: 'seq', pos, items }, next: j };
      if (this.indents[j]! > col) throw NOT_MINE;
      const o = this.starts[j]! + col;
      // a key at the list's indentation: the list was the value of the mapping it belongs to
      if (!this.isSeqItem(j, o)) return { node: { kind: 'seq', pos, items }, next: j };
      li = j;
      off = o;
    }
  }

  private isSeqItem(li: number, off: number): boolean {
    return this.src.charCodeAt(off) === 0x2d && (off + 1 === this.ends[li] || this.src.charCodeAt(off + 1) === SPACE);
  }

  /**
   * The value of `key:` or `-` with nothing after it on the line (`q` is after the indicator
   * and its spaces): a block node on the lines below, or null.
   */
  private emptyValue(li: number, q: number, col: number, depth: number, inMap: boolean): Read {
    const j = this.nextContent(li + 1);
    if (j < this.n) {
      const ind = this.indents[j]!;
      const o = this.starts[j]! + ind;
      if (ind > col) {
        // A value on a line of its own after a comment line: the full parser may take the lines
        // after it into a plain value ("- \n#c\n    first\n- a" is one item, "first - a") or
        // refuse the text, so one that is not a list or mapping is left to it.
        if (this.hasComment(li + 1, j) && !this.isSeqItem(j, o) && !this.key(j, o)) throw NOT_MINE;
        return this.node(j, o, col, depth);
      }
      // a list may be the value of a key at the key's own indentation
      if (inMap && ind === col && this.isSeqItem(j, o)) return this.blockSeq(j, o, depth + 1);
    }
    return { node: { kind: 'scalar', value: null, pos: this.pos(li, q, q) }, next: li + 1 };
  }

  /** Whether a line from `from` up to (not including) `to` is a comment. */
  private hasComment(from: number, to: number): boolean {
    for (let i = from; i < to; i++) {
      const at = this.skipSpaces(this.starts[i]!, i);
      if (at < this.ends[i]! && this.src.charCodeAt(at) === HASH) return true;
    }
    return false;
  }

  private skipSpaces(i: number, li: number): number {
    const end = this.ends[li]!;
    while (i < end && this.src.charCodeAt(i) === SPACE) i++;
    return i;
  }

  /** A key at `off` followed by ":" and a space or the end of the line: its text and end. */
  private key(li: number, off: number): { key: string; end: number } | undefined {
    const src = this.src;
    const c = src[off];
    let key: string;
    let end: number;
    if (c === '"' || c === "'") {
      const q = this.quoted(li, off);
      if (!q) return undefined;
      key = q.value;
      end = q.end;
    } else {
      PLAIN_KEY.lastIndex = off;
      const m = PLAIN_KEY.exec(src);
      if (!m) return undefined;
      end = off + m[0].length;
      if (src.charCodeAt(end) !== 0x3a || (end + 1 !== this.ends[li] && src.charCodeAt(end + 1) !== SPACE)) return undefined;
      const v = corePlainValue(m[0]);
      // a key the core schema reads as null, true or a number is left to the full parser
      if (typeof v !== 'string') throw NOT_MINE;
      key = v;
    }
    if (src.charCodeAt(end) !== 0x3a || (end + 1 !== this.ends[li] && src.charCodeAt(end + 1) !== SPACE)) return undefined;
    if (end - off > MAX_KEY) throw NOT_MINE;
    return { key, end };
  }

  /** A quoted scalar at `off` closed on the same line, or undefined when it is not closed there. */
  private quoted(li: number, off: number): { value: string; end: number } | undefined {
    const src = this.src;
    const eol = this.ends[li]!;
    if (src[off] === "'") {
      let value = '';
      let p = off + 1;
      for (;;) {
        const i = src.indexOf("'", p);
        if (i === -1 || i >= eol) return undefined;
        value += src.slice(p, i);
        if (src[i + 1] === "'") {
          value += "'";
          p = i + 2;
        } else return { value, end: i + 1 };
      }
    }
    let value = '';
    let p = off + 1;
    for (;;) {
      let i = p;
      while (i < eol && src[i] !== '"' && src[i] !== '\\') i++;
      if (i >= eol) return undefined;
      value += src.slice(p, i);
      if (src[i] === '"') return { value, end: i + 1 };
      const e = DQ_ESCAPES[src[i + 1]!];
      if (e === undefined || i + 1 >= eol) throw NOT_MINE;
      value += e;
      p = i + 2;
    }
  }

  /**
   * A value written on the line at `off`: a quoted or plain scalar, a flow collection, or the
   * header of folded or literal text. Nothing but a comment may follow it on the line, and no
   * line below may continue it.
   */
  private inline(li: number, off: number, parent: number, depth: number): Read {
    const src = this.src;
    const eol = this.ends[li]!;
    const c = src[off]!;
    let node: PNode;
    let end: number;
    if (c === '"' || c === "'") {
      const q = this.quoted(li, off);
      if (!q) throw NOT_MINE;
      node = { kind: 'scalar', value: q.value, pos: this.pos(li, off, q.end) };
      end = q.end;
    } else if (c === '[' || c === '{') {
      const f = this.flow(li, off, depth + 1);
      node = f.node;
      end = f.end;
    } else if (c === '|' || c === '>') {
      return this.blockScalar(li, off, parent);
    } else {
      if (!this.plainStart(off, eol, false)) throw NOT_MINE;
      let text = src.slice(off, eol);
      const hash = text.indexOf(' #');
      if (hash !== -1) text = text.slice(0, hash);
      text = text.replace(/ +$/, '');
      // "a: b" after a key is a mapping in a mapping; the full parser says so
      if (text.includes(': ') || text.endsWith(':')) throw NOT_MINE;
      end = off + text.length;
      node = { kind: 'scalar', value: corePlainValue(text), pos: this.pos(li, off, end) };
    }
    this.restOfLine(li, end);
    return { node, next: this.noContinuation(li + 1, parent) };
  }

  /** Only spaces, or spaces and a comment, may follow a value on its line. */
  private restOfLine(li: number, end: number): void {
    const p = this.skipSpaces(end, li);
    if (p === this.ends[li]) return;
    if (p > end && this.src.charCodeAt(p) === HASH) return;
    throw NOT_MINE;
  }

  /** After a value that ends on its line: the next content must not be indented under it. */
  private noContinuation(next: number, parent: number): number {
    const j = this.nextContent(next);
    if (j < this.n && this.indents[j]! > parent) throw NOT_MINE;
    return next;
  }

  /** Whether a plain scalar may start at `off` (not with an indicator, "- " or "? " or ": "). */
  private plainStart(off: number, eol: number, flow: boolean): boolean {
    const c = this.src[off]!;
    if ('&*!|>\'"%@`,[]{}#?:'.includes(c)) return false;
    if (c === '-') {
      const d = off + 1 < eol ? this.src[off + 1]! : ' ';
      if (d === ' ' || (flow && ',[]{}'.includes(d))) return false;
    }
    return true;
  }

  /** A flow collection on one line at `off`, [ ... ] or { ... }, nested as deep as it goes. */
  private flow(li: number, off: number, depth: number): { node: PNode; end: number } {
    if (depth > MAX_DEPTH) throw NOT_MINE;
    const src = this.src;
    const isMap = src[off] === '{';
    const close = isMap ? '}' : ']';
    const items: PNode[] = [];
    const entries: PEntry[] = [];
    const seen = new Set<string>();
    let p = this.skipSpaces(off + 1, li);
    if (src[p] !== close) {
      for (;;) {
        if (isMap) {
          const k = this.key(li, p);
          if (!k || seen.has(k.key)) throw NOT_MINE;
          seen.add(k.key);
          const keyPos = this.pos(li, p, k.end);
          const v = this.flowValue(li, this.skipSpaces(k.end + 1, li), depth);
          entries.push({ key: k.key, keyPos, value: v.node });
          p = v.end;
        } else {
          const v = this.flowValue(li, p, depth);
          items.push(v.node);
          p = v.end;
        }
        p = this.skipSpaces(p, li);
        if (src[p] === ',') {
          p = this.skipSpaces(p + 1, li);
          // a trailing comma is left to the full parser
          if (src[p] === close) throw NOT_MINE;
          continue;
        }
        if (src[p] === close) break;
        throw NOT_MINE;
      }
    }
    if (p >= this.ends[li]!) throw NOT_MINE;
    const end = p + 1;
    const pos = this.pos(li, off, end);
    return { node: isMap ? { kind: 'map', pos, entries } : { kind: 'seq', pos, items }, end };
  }

  /** A value inside a flow collection: quoted, plain (up to , ] } or a comment), or a nested collection. */
  private flowValue(li: number, off: number, depth: number): { node: PNode; end: number } {
    const src = this.src;
    const eol = this.ends[li]!;
    if (off >= eol) throw NOT_MINE;
    const c = src[off];
    if (c === '[' || c === '{') return this.flow(li, off, depth + 1);
    if (c === '"' || c === "'") {
      const q = this.quoted(li, off);
      if (!q) throw NOT_MINE;
      return { node: { kind: 'scalar', value: q.value, pos: this.pos(li, off, q.end) }, end: q.end };
    }
    if (!this.plainStart(off, eol, true)) throw NOT_MINE;
    let i = off;
    while (i < eol) {
      const ch = src[i]!;
      if (ch === ',' || ch === '[' || ch === ']' || ch === '{' || ch === '}') break;
      if (ch === ':' && (i + 1 === eol || ' ,[]{}'.includes(src[i + 1]!))) break;
      if (ch === ' ' && src[i + 1] === '#') break;
      i++;
    }
    let end = i;
    while (end > off && src.charCodeAt(end - 1) === SPACE) end--;
    const text = src.slice(off, end);
    return { node: { kind: 'scalar', value: corePlainValue(text), pos: this.pos(li, off, end) }, end };
  }

  /**
   * Folded (>) or literal (|) text, clipped or stripped (-), its lines all at one indentation
   * with no trailing spaces; other forms are left to the full parser.
   */
  private blockScalar(li: number, off: number, parent: number): Read {
    const src = this.src;
    const header = src.slice(off, this.ends[li]);
    if (header !== '>' && header !== '>-' && header !== '|' && header !== '|-') throw NOT_MINE;
    const folded = header[0] === '>';
    const first = li + 1;
    if (first >= this.n || this.isBlank(first)) throw NOT_MINE;
    const m = this.lineIndent(first);
    if (m <= parent) throw NOT_MINE;
    let value = '';
    let blanks = 0;
    let k = first;
    let last = first;
    for (; k < this.n; k++) {
      if (this.isBlank(k)) {
        if (this.ends[k]! - this.starts[k]! > m) throw NOT_MINE;
        blanks++;
        continue;
      }
      const ind = this.lineIndent(k);
      if (ind < m) break;
      if (ind > m) throw NOT_MINE;
      const text = src.slice(this.starts[k]! + m, this.ends[k]);
      if (text.endsWith(' ')) throw NOT_MINE;
      if (k > first) value += folded ? (blanks === 0 ? ' ' : '\n'.repeat(blanks)) : '\n'.repeat(blanks + 1);
      value += text;
      blanks = 0;
      last = k;
    }
    if (header.length === 1) value += '\n';
    const node: PNode = { kind: 'scalar', value, pos: this.pos(li, off, this.ends[li]!) };
    return { node, next: this.noContinuation(last + 1, parent) };
  }

  private isBlank(li: number): boolean {
    for (let i = this.starts[li]!; i < this.ends[li]!; i++) if (this.src.charCodeAt(i) !== SPACE) return false;
    return true;
  }

  private lineIndent(li: number): number {
    let i = this.starts[li]!;
    while (i < this.ends[li]! && this.src.charCodeAt(i) === SPACE) i++;
    return i - this.starts[li]!;
  }
}

/**
 * The tree of a YAML text in the subset this module reads (`{ root }`, root undefined for a
 * text with no content), exactly as the full parser and yaml-source.ts would build it; or
 * undefined when the text is not in the subset and the full parser must read it.
 */
export function readFastPNode(source: string): { root: PNode | undefined } | undefined {
  if (UNSAFE.test(source)) return undefined;
  try {
    return { root: new Reader(source).document() };
  } catch (e) {
    if (e === NOT_MINE) return undefined;
    throw e;
  }
}
