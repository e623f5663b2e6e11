import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapeHtml, renderInline, renderMarkdown } from '../../../src/report/site-markdown.js';

describe('escapeHtml', () => {
  it('escapes the five HTML characters', () => expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;'));
});

describe('renderInline', () => {
  it.each([
    ['**bold** and *it* and _it2_', '<strong>bold</strong> and <em>it</em> and <em>it2</em>'],
    ['snake_case_name stays', 'snake_case_name stays'],
    ['`<code>` **x**', '<code>&lt;code&gt;</code> <strong>x</strong>'],
    ['[GOV.UK](https://www.gov.uk/)', '<a href="https://www.gov.uk/">GOV.UK</a>'],
    ['[mail](mailto:clerk@example.org)', '<a href="mailto:clerk@example.org">mail</a>'],
    ['[evil](javascript:alert(1))', 'evil)'],
    ['[paper](papers/a.pdf)', 'paper'],
    ['[x](https://e.org/?a=1&b="2")', '<a href="https://e.org/?a=1&amp;b=&quot;2&quot;">x</a>'],
    ['<img src=x onerror=alert(1)>', '&lt;img src=x onerror=alert(1)&gt;'],
  ])('%j', (md, html) => expect(renderInline(md)).toBe(html));
});

describe('renderMarkdown', () => {
  it('renders the subset minutes use', () => {
    const md = ['# Minutes', '', '## 1. Welcome', 'The Chair', 'welcomed members.', '', '- one', '- two', '  continued', '', '3. three', '4. four', '', '> quoted', '', '---', '', '```', '<b>code</b>', '```'].join('\n');
    expect(renderMarkdown(md)).toBe(
      [
        '<h3>Minutes</h3>',
        '<h4>1. Welcome</h4>',
        '<p>The Chair welcomed members.</p>',
        '<ul><li>one</li><li>two continued</li></ul>',
        '<ol start="3"><li>three</li><li>four</li></ol>',
        '<blockquote><p>quoted</p></blockquote>',
        '<hr>',
        '<pre><code>&lt;b&gt;code&lt;/b&gt;</code></pre>',
      ].join('\n'),
    );
  });

  it('keeps headings in order: the top level becomes the base and no level is skipped', () => {
    expect(renderMarkdown('## A\n#### B\n## C', { headingBase: 3 })).toBe('<h3>A</h3>\n<h4>B</h4>\n<h3>C</h3>');
    expect(renderMarkdown('###### deep', { headingBase: 3 })).toBe('<h3>deep</h3>');
  });

  it('drops HTML comments, even unclosed ones', () => {
    expect(renderMarkdown('a\n<!-- hidden -->\nb\n<!-- open')).toBe('<p>a</p>\n<p>b</p>');
  });

  it('never lets markup from the file through', () => {
    const tags = /<\/?(h[1-6]|p|ul|ol|li|blockquote|hr|pre|code|strong|em|a)( (href|start)="[^"<>]*")?>/g;
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('<', '>', '"', "'", '&', 'a', ' ', '\n', '#', '-', '*', '_', '`', '[', ']', '(', ')', ':', '/', '!') }), (s) => {
        const html = renderMarkdown(s).replace(tags, '');
        expect(html).not.toMatch(/[<>"]/);
      }),
    );
  });
});
