import { describe, expect, it } from 'vitest';
import { indexPositions, lazyPositions, type PNode } from '../../../src/core/pnode.js';
import { parseYaml } from '../../../src/io/yaml-source.js';
import { obj, opt, str, arr } from '../../../src/core/schema.js';

const at = (line: number, col: number, len = 1) => ({ line, col, len });

/** A document tree whose walks are counted: each read of a node's kind, entries or items. */
function counted(node: PNode): { root: PNode; reads: () => number } {
  let reads = 0;
  const wrap = (v: unknown): unknown =>
    v && typeof v === 'object'
      ? new Proxy(v as object, {
          get(target, key, receiver) {
            if (key === 'kind' || key === 'entries' || key === 'items') reads++;
            return wrap(Reflect.get(target, key, receiver));
          },
        })
      : v;
  return { root: wrap(node) as PNode, reads: () => reads };
}

const doc: PNode = {
  kind: 'map',
  pos: at(1, 1, 5),
  entries: [
    { key: 'name', keyPos: at(1, 1, 4), value: { kind: 'scalar', value: 'Jo', pos: at(1, 7, 2) } },
    { key: 'tags', keyPos: at(2, 1, 4), value: { kind: 'seq', pos: at(3, 3), items: [{ kind: 'scalar', value: 'a', pos: at(3, 5) }] } },
    { key: 'empty', keyPos: at(4, 1, 5), value: undefined },
  ],
};

describe('lazyPositions', () => {
  it('answers every path as the full index does, and a path that is not there with undefined', () => {
    const full = indexPositions(doc);
    const lazy = lazyPositions(doc);
    for (const path of [...full.keys(), 'nope', 'tags.9']) expect(lazy.get(path)).toEqual(full.get(path));
    expect(lazy.get('tags.0')).toEqual({ value: at(3, 5), key: undefined });
  });

  it('reads nothing of the document until asked, and builds its index once', () => {
    const { root, reads } = counted(doc);
    const lazy = lazyPositions(root);
    expect(reads()).toBe(0);
    expect(lazy.get('name')?.value).toEqual(at(1, 7, 2));
    const afterFirst = reads();
    expect(afterFirst).toBeGreaterThan(0);
    expect(lazy.get('tags.0')?.value).toEqual(at(3, 5));
    expect(lazy.get('missing')).toBeUndefined();
    expect(reads()).toBe(afterFirst);
  });

  it('gives a parsed file the positions its diagnostics are located with', () => {
    const schema = obj({ name: opt(str()), tags: opt(arr(str())) });
    const r = parseYaml('name: Jo\ntags:\n  - a\n  - 3\n', 'f.yaml', schema);
    expect(r.positions.get('tags.1')?.value).toEqual(at(4, 5));
    expect(r.diagnostics.map((d) => [d.pos, d.message])).toEqual([[at(4, 5), expect.stringContaining('text')]]);
  });
});
