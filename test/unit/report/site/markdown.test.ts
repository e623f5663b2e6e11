import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isSiteLink, markdownHeadingLines, markdownHeadingLinesFullParse, renderMarkdown } from '../../../../src/report/site/markdown.js';

const doc = (...lines: string[]) => lines.join('\n');

describe('renderMarkdown (markdown-it)', () => {
  it('renders the table wep writes at the top of minutes', () => {
    const html = renderMarkdown(doc('| | |', '|---|---|', '| **Date** | Thursday 10 December 2026 |', '| **Venue** | Shute End |'));
    expect(html).toContain('<div class="table-wrap"><table>');
    expect(html).toContain('<td><strong>Date</strong></td>');
    expect(html).toMatch(/<\/table>\s*<\/div>/);
    expect(html).not.toContain('|');
  });

  it('renders nested lists, setext headings, autolinks, images and entities', () => {
    const html = renderMarkdown(doc('Title', '=====', '', '- one', '  - inner', '- two', '', '<https://example.org/a>', '', 'See https://example.org/b', '', '![Chart](papers/chart.png)', '', 'Fish &amp; chips &copy;'));
    expect(html).toContain('<h3>Title</h3>');
    expect(html).toMatch(/<li>one\s*<ul>\s*<li>inner<\/li>/);
    expect(html).toContain('<a href="https://example.org/a">https://example.org/a</a>');
    expect(html).toContain('<a href="https://example.org/b">https://example.org/b</a>');
    expect(html).toContain('<img src="papers/chart.png" alt="Chart">');
    expect(html).toContain('Fish &amp; chips ©');
  });

  it('shows raw HTML as text', () => {
    const html = renderMarkdown('<script>alert(1)</script> <b onclick="x">b</b>');
    expect(html).not.toMatch(/<script|<b /);
    expect(html).toContain('&lt;script&gt;');
  });

  it.each([
    ['[x](javascript:alert(1))'],
    ['[x](JAVASCRIPT:alert(1))'],
    ['[x](jav&#x61;script:alert(1))'],
    ['[x](data:text/html,hi)'],
    ['[x](file:///etc/passwd)'],
    ['[x](//evil.example/)'],
    ['[x](/etc/passwd)'],
    ['[x](../../../outside.html)'],
    ['[x](%2e%2e/%2e%2e/%2e%2e/outside)'],
    ['![x](javascript:alert(1))'],
    ['<javascript:alert(1)>'],
  ])('drops the link %s, keeping its text', (md) => {
    const html = renderMarkdown(md, { pagePath: 'meetings/m/index.html' });
    expect(html).not.toMatch(/href=|src=/);
  });

  it.each([['[x](https://example.org)'], ['[x](mailto:clerk@example.org)'], ['[x](papers/a.pdf)'], ['[x](../../index.html)'], ['[x](#minutes)']])('keeps the link %s', (md) => {
    expect(renderMarkdown(md, { pagePath: 'meetings/m/index.html' })).toMatch(/<a href="/);
  });

  it('renumbers headings from the base, never skipping a level', () => {
    expect(renderMarkdown(doc('## A', '#### B', '## C'), { headingBase: 3 })).toBe('<h3>A</h3>\n<h4>B</h4>\n<h3>C</h3>');
    expect(renderMarkdown('###### deep', { headingBase: 3 })).toBe('<h3>deep</h3>');
    expect(renderMarkdown(doc('# A', '###### B'), { headingBase: 5 })).toBe('<h5>A</h5>\n<h6>B</h6>');
  });

  it('escapes everything from the text (property)', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        const html = renderMarkdown(s);
        expect(html).not.toMatch(/<(script|iframe|object|style)\b/i);
        expect(html).not.toMatch(/\son\w+=/i);
      }),
    );
  });
});

describe('isSiteLink', () => {
  it.each([
    ['https://x.org', 'index.html', true],
    ['mailto:a@b.org', 'index.html', true],
    ['http:', 'index.html', false],
    ['a/b.html', 'index.html', true],
    ['../x.html', 'index.html', false],
    ['../x.html', 'registers/a.html', true],
    ['../../x.html', 'registers/a.html', false],
    ['a/../../x', 'registers/a.html', true],
    ['a\\b', 'index.html', false],
    ['#top', 'index.html', true],
    ['%E0%A4%A', 'index.html', false],
  ])('%s from %s: %s', (url, from, want) => expect(isSiteLink(url, from)).toBe(want));
});

describe('markdownHeadingLines', () => {
  it('gives the 1-based start lines of top-level headings only', () => {
    expect(markdownHeadingLines(doc('# A', 'text', '', 'B', '---', '- ## nested', '> ## quoted'))).toEqual([1, 4]);
  });

  it('reads a reference definition as the page does: one whose address the site refuses is a paragraph, and can be underlined', () => {
    const text = doc('## 1. Welcome', '', '[x]: ../../a.pdf', '===');
    // from a meeting's page the address stays inside the site: a reference definition, no heading
    expect(markdownHeadingLines(text, 'meetings/2026-10-08-partnership/index.html')).toEqual([1]);
    expect(renderMarkdown(text, { pagePath: 'meetings/2026-10-08-partnership/index.html' }).match(/<h\d>/g)).toHaveLength(1);
    // from the home page it would leave the site: a paragraph, and "===" makes it a heading
    expect(markdownHeadingLines(text, 'index.html')).toEqual([1, 3]);
    expect(renderMarkdown(text, { pagePath: 'index.html' }).match(/<h\d>/g)).toHaveLength(2);
  });

  it('finds exactly the headings the whole parser finds, inline stage and all, on any page', () => {
    // lines that make and unmake headings, and inline syntax that might (code spans, links,
    // emphasis, entities, autolinks, raw HTML, reference definitions the site keeps or refuses)
    const line = fc.oneof(
      fc.constantFrom('# 1. Welcome', '## 2. Budget', '   ### 3', '#no space', '\\# escaped', 'Title', '===', '---', '- item', '> quote', '```', '~~~', '    indented', '', '<!-- c -->', '<div>', '[ref]: http://x.org', '[ref]: /etc/passwd', '[ref]: ../../a.pdf', '[ref]', '`# code`', '**5. Bold**', 'ACTION: x — owner: a', '| a | b |', '|---|---|', '1. one', '* * *', '&#35; entity', '<https://x.org>', '# [link](http://a) `x` *y*'),
      fc.string({ maxLength: 12 }),
    );
    const page = fc.constantFrom('index.html', 'meetings/2026-10-08-partnership/index.html', 'bodies/partnership.html');
    fc.assert(
      fc.property(fc.array(line, { maxLength: 25 }), page, (lines, pagePath) => {
        const text = lines.join('\n');
        expect(markdownHeadingLines(text, pagePath)).toEqual(markdownHeadingLinesFullParse(text, pagePath));
      }),
      { numRuns: 1000 },
    );
  });
});
