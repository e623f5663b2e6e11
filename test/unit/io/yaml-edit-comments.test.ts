/**
 * YAML edits never duplicate or move a comment, at the end of the file included, and a CRLF
 * file stays CRLF through an edit: a property test over generated records and edits.
 */
import fc from 'fast-check';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { editYamlFile, parseForEdit, spliceEdit } from '../../../src/io/yaml-edit.js';

interface Entry {
  key: string;
  above: boolean;
  inline: boolean;
  list: boolean;
  blankAfter: boolean;
}

const entries = fc.uniqueArray(
  fc.record({ key: fc.constantFrom('body', 'date', 'notice', 'agenda', 'actions', 'minutes', 'venue', 'extra'), above: fc.boolean(), inline: fc.boolean(), list: fc.boolean(), blankAfter: fc.boolean() }),
  { selector: (e) => e.key, minLength: 1, maxLength: 6 },
);

/** A record with numbered comments, so each can be counted and ordered. */
function render(es: Entry[], header: boolean, eof: number): { text: string; comments: string[]; aboveOf: Map<string, string> } {
  let n = 0;
  const comments: string[] = [];
  const aboveOf = new Map<string, string>();
  const c = () => {
    const t = `# c${n++}`;
    comments.push(t);
    return t;
  };
  let text = header ? `${c()}\n\n` : '';
  for (const e of es) {
    if (e.above) {
      const t = c();
      aboveOf.set(e.key, t);
      text += `${t}\n`;
    }
    if (e.list) text += `${e.key}:\n  - one${e.inline ? ` ${c()}` : ''}\n  - two\n`;
    else text += `${e.key}: v-${e.key}${e.inline ? ` ${c()}` : ''}\n`;
    if (e.blankAfter) text += '\n';
  }
  for (let i = 0; i < eof; i++) text += `${i === 0 ? '\n' : ''}${c()}\n`;
  return { text, comments, aboveOf };
}

type Edit = { kind: 'set'; key: string } | { kind: 'add'; key: string } | { kind: 'delete'; key: string } | { kind: 'nested'; key: string };

const edits = (es: Entry[]) =>
  fc.array(
    fc.oneof(
      fc.constantFrom(...es.map((e) => e.key)).map((key): Edit => ({ kind: 'set', key })),
      fc.constantFrom('added-one', 'added-two', 'signed').map((key): Edit => ({ kind: 'add', key })),
      fc.constantFrom(...es.map((e) => e.key)).map((key): Edit => ({ kind: 'delete', key })),
      fc.constantFrom(...es.map((e) => e.key)).map((key): Edit => ({ kind: 'nested', key })),
    ),
    { minLength: 1, maxLength: 3 },
  );

function apply(doc: ReturnType<typeof parseForEdit>, e: Edit): void {
  if (e.kind === 'set') doc.set(e.key, `new-${e.key}`);
  else if (e.kind === 'add') doc.set(e.key, { status: 'draft', date: '2026-12-10' });
  else if (e.kind === 'delete') doc.delete(e.key);
  else doc.set(e.key, doc.createNode({ status: 'circulated' }));
}

const count = (text: string, c: string) => text.split('\n').filter((l) => l.trim() === c || l.endsWith(` ${c}`)).length;

describe('comments through YAML edits', () => {
  it('never duplicated, never reordered; those above kept entries and at the end of the file stay', () => {
    fc.assert(
      fc.property(
        entries.chain((es) => fc.tuple(fc.constant(es), fc.boolean(), fc.integer({ min: 0, max: 2 }), edits(es))),
        ([es, header, eof, eds]) => {
          const { text, comments, aboveOf } = render(es, header, eof);
          const doc = parseForEdit(text);
          for (const e of eds) apply(doc, e);
          // wep never empties a record: an edit leaves at least one entry
          fc.pre(Object.keys((doc.toJS() ?? {}) as object).length > 0);
          const out = spliceEdit(text, doc);
          // the edit is what was asked
          expect(parseDocument(out).toJS()).toEqual(doc.toJS());
          const deleted = new Set(eds.filter((e) => e.kind === 'delete').map((e) => e.key));
          const kept = comments.filter((c) => count(out, c) > 0);
          for (const c of comments) expect(count(out, c)).toBeLessThanOrEqual(1);
          // order is kept: the comments still there appear in the order they were written
          const at = kept.map((c) => out.split('\n').findIndex((l) => l.trim() === c || l.endsWith(` ${c}`)));
          expect([...at].sort((a, b) => a - b)).toEqual(at);
          for (const [key, c] of aboveOf) if (!deleted.has(key)) expect(count(out, c)).toBe(1);
          // the comments at the end of the file stay there, once, after everything else
          const eofComments = comments.slice(comments.length - eof);
          if (eof > 0) {
            for (const c of eofComments) expect(count(out, c)).toBe(1);
            expect(out.trimEnd().endsWith(eofComments[eofComments.length - 1]!)).toBe(true);
          }
          if (header) expect(out.startsWith('# c0\n')).toBe(true);
        },
      ),
      { numRuns: 400 },
    );
  });

  it('an entry added to a file ending in a comment goes before the comment, which is written once', () => {
    const src = 'a: 1\n# about b\nb: 2\n\n# end of file\n';
    const doc = parseForEdit(src);
    doc.set('c', 3);
    expect(spliceEdit(src, doc)).toBe('a: 1\n# about b\nb: 2\nc: 3\n\n# end of file\n');
  });

  it('the last entry changed, with an end-of-file comment after it', () => {
    const src = 'a: 1\nb: 2 # inline\n\n# end\n# really the end\n';
    const doc = parseForEdit(src);
    doc.set('b', 3);
    const out = spliceEdit(src, doc);
    expect(out.endsWith('\n# end\n# really the end\n')).toBe(true);
    expect(count(out, '# end')).toBe(1);
  });
});

describe('editYamlFile keeps a file\'s line ends and BOM', () => {
  const dir = mkdtempSync(join(tmpdir(), 'wep-yaml-crlf-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('CRLF in, CRLF out, only the edited entry changed', () => {
    const p = join(dir, 'meeting.yaml');
    const src = '# header\r\nbody: partnership\r\n\r\n# minutes\r\nminutes:\r\n  status: draft\r\n# end\r\n';
    writeFileSync(p, src);
    editYamlFile(dir, p, (d) => d.setIn(['minutes', 'status'], 'circulated'), src);
    expect(readFileSync(p, 'utf8')).toBe(src.replace('draft', 'circulated'));
  });

  it('a BOM stays, and an added entry comes before the comment at the end', () => {
    const p = join(dir, 'bom.yaml');
    writeFileSync(p, '\uFEFFbody: partnership\n# end\n');
    editYamlFile(dir, p, (d) => d.set('notice', { sent: '2026-12-01' }));
    expect(readFileSync(p, 'utf8')).toBe('\uFEFFbody: partnership\nnotice:\n  sent: 2026-12-01\n# end\n');
  });
});
