import { describe, expect, it } from 'vitest';
import { int, obj, opt, req, str, arr } from '../../../src/core/schema.js';
import { MAX_ALIAS_NODES, MAX_YAML_BYTES, parseYaml } from '../../../src/io/yaml-source.js';

const schema = obj({ name: req(str()), seats: opt(int({ min: 0 })), tags: opt(arr(str())), nested: opt(obj({ when: opt(str()) })) });
const parse = (text: string) => parseYaml(text, 'f.yaml', schema);
const brief = (text: string) => parse(text).diagnostics.map((d) => `${d.pos?.line}:${d.pos?.col}+${d.pos?.len} ${d.check} ${d.message}`);

describe('parseYaml', () => {
  it('returns the value and every path with its position', () => {
    const r = parse('name: Jo\nseats: 3\ntags:\n  - a\n  - "b c"\nnested: { when: later }\n');
    expect(r.diagnostics).toEqual([]);
    expect(r.value).toEqual({ name: 'Jo', seats: 3, tags: ['a', 'b c'], nested: { when: 'later' } });
    expect(r.positions.get('seats')).toEqual({ value: { line: 2, col: 8, len: 1 }, key: { line: 2, col: 1, len: 5 } });
    expect(r.positions.get('tags.1')!.value).toEqual({ line: 5, col: 5, len: 5 });
    expect(r.positions.get('nested.when')!.value).toEqual({ line: 6, col: 17, len: 5 });
  });

  it('locates schema problems at the value, unknown keys at the key, missing keys at the mapping', () => {
    expect(brief('name: Jo\nseats: lots\n')).toEqual(['2:8+4 schema expected a whole number of at least 0, found "lots"']);
    expect(brief('name: Jo\nsaets: 3\n')).toEqual(['2:1+5 schema unknown key "saets"']);
    expect(brief('seats: 3\nnested:\n  when: x\n')).toEqual(['1:1+8 schema missing required key "name"']);
    expect(brief('name: Jo\nnested:\n  wen: x\n')).toEqual(['3:3+3 schema unknown key "wen"']);
  });

  it('reports every duplicate key, naming it', () => {
    const r = parse('name: Jo\nseats: 1\nname: Al\nseats: 2\n');
    expect(r.value).toBeUndefined();
    expect(r.diagnostics.map((d) => `${d.pos?.line}:${d.pos?.col} ${d.message}`)).toEqual([
      '3:1 duplicate key "name": it appears twice in the same mapping',
      '4:1 duplicate key "seats": it appears twice in the same mapping',
    ]);
    expect(r.diagnostics[0]!.check).toBe('yaml');
  });

  it('reports only the first syntax error: the rest usually follow from it', () => {
    const r = parse('name: Jo\n\tseats: 1\n\ttags: x\n');
    expect(r.diagnostics).toHaveLength(1);
    expect(r.diagnostics[0]).toMatchObject({ check: 'yaml', message: 'YAML syntax: Tabs are not allowed as indentation', hint: 'indent with spaces, not tabs', pos: { line: 2, col: 1 } });
    expect(brief('name: "Jo\n')).toEqual(['1:9+1 yaml YAML syntax: Missing closing "quote']); // at the last text, not the empty line after
    expect(parse('tags: [a, b\nname: Jo\n').diagnostics[0]!.hint).toBe('a list written in [ ] is not closed: add the missing "]" (it is often on the line before)');
    expect(parse('name: Brown: Peter\n').diagnostics[0]!.hint).toMatch(/^a colon followed by a space starts a key/);
  });

  it('resolves aliases within the budget, and refuses an alias bomb', () => {
    expect(parse('name: &n Jo\nnested: { when: *n }\n').value).toEqual({ name: 'Jo', nested: { when: 'Jo' } });
    const lines = ['a0: &a0 [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i <= 9; i++) lines.push(`a${i}: &a${i} [${Array(10).fill(`*a${i - 1}`).join(', ')}]`);
    const r = parse(lines.join('\n'));
    expect(r.value).toBeUndefined();
    expect(r.diagnostics).toEqual([
      { severity: 'error', file: 'f.yaml', check: 'yaml', pos: { line: 1, col: 1, len: 1 }, message: `the file's YAML aliases expand to more than ${MAX_ALIAS_NODES} values`, hint: 'write the values out instead of using anchors (&) and aliases (*)' },
    ]);
  });

  it('refuses huge text, and says when the file is empty', () => {
    const huge = parse(`name: ${'x'.repeat(MAX_YAML_BYTES)}\n`);
    expect(huge.diagnostics).toHaveLength(1);
    expect(huge.diagnostics[0]!.message).toBe('the file is 5120 KiB, larger than wep reads (5 MiB)');
    for (const empty of ['', '\n\n', '# only a comment\n', '~\n']) {
      expect(parse(empty).diagnostics.map((d) => d.message)).toEqual(['the file is empty']);
    }
  });

  it('a document that is not a mapping', () => {
    expect(brief('- a\n- b\n')).toEqual(['1:1+3 schema expected a mapping, found a list']);
    expect(brief('just text\n')).toEqual(['1:1+9 schema expected a mapping, found "just text"']);
  });
});
