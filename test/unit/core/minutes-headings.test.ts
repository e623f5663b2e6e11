import fc from 'fast-check';
import MarkdownIt from 'markdown-it';
import { describe, expect, it } from 'vitest';
import { itemNumberOf, minutesHeadings, readMinutesLines } from '../../../src/core/minutes-headings.js';

const doc = (...lines: string[]) => lines.join('\n');
const md = new MarkdownIt({ html: false });

/** 1-based start lines of the top-level headings markdown-it finds. */
function markdownItHeadingLines(text: string): number[] {
  return md
    .parse(text, {})
    .filter((t) => t.type === 'heading_open' && t.level === 0)
    .map((t) => t.map![0] + 1);
}

describe('itemNumberOf', () => {
  it.each([
    ['5. Budget', 5],
    ['5) Budget', 5],
    ['5: Budget', 5],
    ['5 - Budget', 5],
    ['5 — Budget', 5],
    ['5 Budget', 5],
    ['5', 5],
    ['Item 5: Budget', 5],
    ['item 12', 12],
    ['**5. Budget**', 5],
    ['_Item 5_', 5],
    ['Budget', undefined],
    ['Minutes of 10 December', undefined],
    ['5.1 Detail', undefined],
    ['2026-12-10', undefined],
    ['0. Nothing', undefined],
    ['', undefined],
  ])('%j -> %j', (text, want) => expect(itemNumberOf(text)).toBe(want));
});

describe('readMinutesLines: what is a heading', () => {
  it('reads ATX headings with up to three spaces of indent, closing hashes and empty text', () => {
    const hs = minutesHeadings(doc('# A', '   ## 2. B ##', '    ## code', '#nospace', '####### seven', '## ', '### ###'));
    expect(hs.map((h) => [h.line, h.level, h.text, h.number])).toEqual([
      [1, 1, 'A', undefined],
      [2, 2, '2. B', 2],
      [6, 2, '', undefined],
      [7, 3, '', undefined],
    ]);
  });

  it('reads setext headings, multi-line ones too, but not a rule after a blank line or a list', () => {
    const hs = minutesHeadings(doc('4. Staffing', '===', '', 'Item 5', 'continued', '---', '', '---', '- list', '---', 'text', '', '==='));
    expect(hs.map((h) => [h.line, h.endLine, h.level, h.number, h.form])).toEqual([
      [4, 6, 2, 5, 'setext'],
    ]);
    // "4. Staffing" starts a list, so "===" is lazy text inside it, as CommonMark says.
    expect(markdownItHeadingLines(doc('4. Staffing', '==='))).toEqual([]);
    expect(minutesHeadings(doc('Staffing', '==='))).toMatchObject([{ line: 1, level: 1 }]);
  });

  it('holds no heading in fenced code of either kind, until a long enough fence of the same character', () => {
    const text = doc('```', '## 1. in backticks', '~~~', '## 2. still in', '```', '~~~~', '## 3. tildes', '~~~', '## 4. still in', '~~~~~', '## 5. out');
    expect(minutesHeadings(text).map((h) => h.number)).toEqual([5]);
    expect(markdownItHeadingLines(text)).toEqual([11]);
  });

  it('holds no heading in HTML comments, and a fence inside a comment opens nothing', () => {
    const text = doc('<!--', '## 1. hidden', '```', '-->', '## 2. shown', '<!-- ## 3. inline --> text');
    expect(minutesHeadings(text).map((h) => h.number)).toEqual([2]);
  });

  it('an unclosed fence runs to the end', () => {
    expect(minutesHeadings(doc('## 1. A', '~~~', '## 2. B'))).toHaveLength(1);
  });

  it('a backtick fence whose info string holds a backtick is not a fence', () => {
    expect(minutesHeadings(doc('``` a`b', '## 1. A')).map((h) => h.number)).toEqual([1]);
  });
});

describe('readMinutesLines: which item a line belongs to', () => {
  const text = doc('# Minutes', 'intro', '## 4. Staffing', 'secret', '### Discussion', 'more', '### 7. nested number', 'still four', '## Any other business', 'loose', '## 5. Budget', 'open', '', 'Item 6', '------', 'six');
  const lines = readMinutesLines(text);
  it('a numbered heading opens its item, deeper headings stay in it, one of the same level ends it', () => {
    expect(lines.map((l) => l.item)).toEqual([undefined, undefined, 4, 4, 4, 4, 4, 4, undefined, undefined, 5, 5, 5, 6, 6, 6]);
  });
  it('splits on CR, LF and CRLF alike', () => {
    expect(readMinutesLines('## 1. A\r\nx\ry\nz').map((l) => l.item)).toEqual([1, 1, 1, 1]);
  });
});

// The rule and markdown-it (the site's renderer) must agree on which lines are top-level
// headings, for documents built from every form the rule knows about.
describe('readMinutesLines agrees with markdown-it (property)', () => {
  const line = fc.constantFrom(
    '# 1. Welcome',
    '## 2. Staffing',
    '   ### Item 3: Pay',
    '    ## 4. indented code',
    '#5 no space',
    '## 6. Closed ##',
    '##',
    '====',
    '---',
    '  ---',
    '- - -',
    '***',
    'Plain text',
    'DECISION: agreed',
    'ACTION: do it — owner: x',
    '- a bullet',
    '-',
    '1. first',
    '4. fourth',
    '> quoted',
    '',
    '```',
    '````',
    '```js',
    '~~~',
    '~~~~',
    '    indented',
    '<!-- note -->',
    '<!--',
    '-->',
    '| a | b |',
    'Item 7',
  );
  it('finds the same heading lines', () => {
    fc.assert(
      fc.property(fc.array(line, { maxLength: 25 }), (ls) => {
        const lines = readMinutesLines(ls.join('\n'));
        const visible = lines.map((l) => l.visible).join('\n');
        const ours = minutesHeadings(ls.join('\n')).map((h) => h.line);
        expect(ours).toEqual(markdownItHeadingLines(visible));
        expect(lines).toHaveLength(ls.length === 0 ? 1 : ls.length);
      }),
      { numRuns: 3000 },
    );
  });
});

describe('the minutes parser reads items by the same rule', () => {
  it('setext headings, either fence, and a heading that ends an item', async () => {
    const { parseMinutes } = await import('../../../src/core/minutes-parse.js');
    const r = parseMinutes(doc('Item 4 Staffing', '---', 'DECISION: four', '~~~', 'DECISION: in code', '~~~', 'Item 5 Budget', '===', 'DECISION: five', '# Any other business', 'DECISION: loose'));
    expect(r.decisions.map((d) => [d.text, d.item])).toEqual([
      ['four', 4],
      ['five', 5],
      ['loose', undefined],
    ]);
    expect(r.problems.map((p) => p.message)).toEqual(["DECISION outside any numbered item's section (a heading of the same or a higher level ended it), so wep cannot tell which item it belongs to"]);
  });
});
