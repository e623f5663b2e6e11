/**
 * A parsed document as plain data with positions: what the schema validator walks. The io
 * layer builds it from the YAML AST, so core never depends on the YAML library.
 */
export interface Pos {
  line: number;
  col: number;
  /** Length of the span on its first line, for the ^^^ underline. */
  len: number;
}

export type Scalar = string | number | boolean | null;

export interface PScalar {
  kind: 'scalar';
  value: Scalar;
  pos: Pos;
}
export interface PSeq {
  kind: 'seq';
  items: PNode[];
  pos: Pos;
}
export interface PEntry {
  key: Scalar;
  keyPos: Pos;
  value: PNode | undefined;
}
export interface PMap {
  kind: 'map';
  entries: PEntry[];
  pos: Pos;
}
export type PNode = PScalar | PSeq | PMap;

/** Where a path's value (and, for a map entry, its key) is written. */
export interface PathPos {
  value: Pos;
  key?: Pos;
}

/** Positions by path, as diagnostics look them up: a Map, or the lazy index below. */
export interface Positions {
  get(path: string): PathPos | undefined;
}

/**
 * The positions of a document, indexed on the first look-up: only a file with a problem is
 * ever looked up, and a cold run of a thousand valid records would otherwise build a map of
 * every path of each (about 70 ms of a publish of 20 years) for nothing.
 */
export function lazyPositions(root: PNode | undefined): Positions {
  let index: Map<string, PathPos> | undefined;
  return { get: (path) => (index ??= indexPositions(root)).get(path) };
}

/** Every path in the document mapped to where its value (and, for map entries, its key) is. */
export function indexPositions(root: PNode | undefined): Map<string, PathPos> {
  const out = new Map<string, PathPos>();
  const walk = (node: PNode | undefined, path: string, keyPos?: Pos) => {
    if (!node) {
      if (keyPos) out.set(path, { value: keyPos, key: keyPos });
      return;
    }
    out.set(path, { value: node.pos, key: keyPos });
    const j = (s: string | number) => (path === '' ? String(s) : `${path}.${s}`);
    if (node.kind === 'seq') node.items.forEach((n, i) => walk(n, j(i)));
    if (node.kind === 'map') for (const e of node.entries) walk(e.value, j(String(e.key)), e.keyPos);
  };
  walk(root, '');
  return out;
}
