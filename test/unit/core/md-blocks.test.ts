import MarkdownIt from 'markdown-it';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { blocksFromTokens, blocksText, type Block } from '../../../src/core/md-blocks.js';

const blocks = (md: string): Block[] => blocksFromTokens(new MarkdownIt({ html: true }).parse(md, {}) as never);

describe('blocksFromTokens', () => {
  it('headings, paragraphs with bold, italic, code and links', () => {
    expect(blocks('# Title\n\nSome **bold** and *it* and `x` and [a link](https://e.org).\n')).toEqual([
      { kind: 'heading', level: 1, runs: [{ text: 'Title' }] },
      {
        kind: 'paragraph',
        runs: [{ text: 'Some ' }, { text: 'bold', bold: true }, { text: ' and ' }, { text: 'it', italic: true }, { text: ' and ' }, { text: 'x', code: true }, { text: ' and ' }, { text: 'a link', href: 'https://e.org' }, { text: '.' }],
      },
    ]);
  });

  it('numbered lists keep their start and nest', () => {
    const b = blocks('3. three\n    - sub\n4. four\n');
    expect(b).toEqual([
      {
        kind: 'list',
        ordered: true,
        start: 3,
        items: [
          [{ kind: 'paragraph', runs: [{ text: 'three' }] }, { kind: 'list', ordered: false, start: 1, items: [[{ kind: 'paragraph', runs: [{ text: 'sub' }] }]] }],
          [{ kind: 'paragraph', runs: [{ text: 'four' }] }],
        ],
      },
    ]);
  });

  it('tables: header and rows of cells', () => {
    expect(blocks('| a | b |\n|---|---|\n| 1 | **2** |\n')).toEqual([{ kind: 'table', header: [[{ text: 'a' }], [{ text: 'b' }]], rows: [[[{ text: '1' }], [{ text: '2', bold: true }]]] }]);
  });

  it('a DECISION or ACTION line is a paragraph of its own, even written straight under another', () => {
    expect(blocksText(blocks('Discussion went on.\nDECISION: Agreed.\nACTION: Do it — owner: x\n'))).toBe('Discussion went on.\nDECISION: Agreed.\nACTION: Do it — owner: x');
    expect(blocks('Text\nmore text\n')).toHaveLength(1);
  });

  it('code, quotes and rules; the generated-file stamp and other HTML are left out', () => {
    const b = blocks('```\nline 1\nline 2\n```\n\n> quoted\n\n---\n\n<!-- wep-generated sha256=0123456789abcdef -->\n');
    expect(b).toEqual([{ kind: 'code', text: 'line 1\nline 2' }, { kind: 'quote', blocks: [{ kind: 'paragraph', runs: [{ text: 'quoted' }] }] }, { kind: 'rule' }]);
  });

  it('property: any Markdown gives blocks, never an error, and keeps the words of plain paragraphs', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (s) => {
        expect(() => blocks(s)).not.toThrow();
      }),
    );
    fc.assert(
      fc.property(fc.array(fc.stringMatching(/^[a-z]{1,8}$/), { minLength: 1, maxLength: 20 }), (words) => {
        expect(blocksText(blocks(words.join(' ')))).toBe(words.join(' '));
      }),
    );
  });
});
