/**
 * Markdown outputs attacked: titles and names holding raw HTML, comments, entities and
 * backslash tricks never become HTML in notice.md or minutes.md, even for a Markdown renderer
 * that allows HTML; {{{x}}} still inserts a value as it is, and .html templates keep HTML's
 * escaping.
 */
import fc from 'fast-check';
import MarkdownIt from 'markdown-it';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { renderTemplate } from '../../../src/io/templates.js';
import { escapeMarkdownHtml } from '../../../src/report/markdown-escape.js';

const RUNS = 300;
const md = new MarkdownIt({ html: true, linkify: false });
const root = mkdtempSync(join(tmpdir(), 'wep-templates-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const hostile = fc.oneof(
  fc.string({ unit: fc.constantFrom('<', '>', '&', ';', '#', 'x', 'amp', 'lt', '\\', '/', '!', '-', '?', 'script', 'img src=x onerror=alert(1)', ' ', '\n', '`', '*'), maxLength: 30 }),
  fc.string({ unit: 'binary-ascii', maxLength: 40 }),
  fc.constantFrom('<script>alert(1)</script>', '<!-- hidden -->', '\\<b>x</b>', '\\\\<i>', '&lt;b&gt;', '<https://evil.example>', '<div>\nblock\n</div>', 'a <img src=x onerror=alert(1)> b'),
);

/** Every token of the rendered Markdown, inline children included. */
function tokens(text: string) {
  return md.parse(text, {}).flatMap((t) => [t, ...(t.children ?? [])]);
}
const htmlTokens = (text: string) => tokens(text).filter((t) => t.type === 'html_inline' || t.type === 'html_block' || (t.type === 'link_open' && t.markup === 'autolink'));

describe('Markdown escaping', () => {
  it('no raw HTML, comment or autolink can start in an escaped value, whatever it holds', () => {
    fc.assert(
      fc.property(hostile, (s) => {
        expect(htmlTokens(`Item: ${escapeMarkdownHtml(s)}`)).toEqual([]);
        expect(htmlTokens(escapeMarkdownHtml(s))).toEqual([]);
      }),
      { numRuns: RUNS },
    );
  });

  it('shows the text as written', () => {
    for (const s of ['<script>alert(1)</script>', 'Fish & Chips', '&amp; is an entity', '\\<b>', 'a < b > c']) {
      const html = md.renderInline(escapeMarkdownHtml(s));
      const shown = html.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&');
      expect(shown).toBe(s);
    }
  });

  it('notice.md: titles, names and venues from the records never become HTML', async () => {
    await fc.assert(
      fc.asyncProperty(hostile, hostile, async (title, name) => {
        const view = {
          partnership: { name },
          body: { name },
          dateLong: 'Thursday 10 December 2026',
          timeText: '4pm',
          venue: { name, address: title, joining: title },
          agenda: [{ number: 1, title, presenter: name, paper: title, notes: [title], actions: [{ ref: 'a1', text: title, ownerName: name }] }],
          papers: [{ number: 1, title, paper: title }],
          recipients: { members: [{ name, title }], proxies: [{ name, proxyFor: name }], invitees: [{ name, organisation: title }] },
          clerk: { name, email: 'clerk@example.org' },
        };
        const out = await renderTemplate(root, root, 'notice.md.hbs', view, { html: false });
        expect(htmlTokens(out).filter((t) => t.content !== 'clerk@example.org' && !/^mailto:clerk@example\.org$/.test(String(t.attrGet?.('href') ?? '')))).toEqual([]);
      }),
      { numRuns: 100 },
    );
  });

  it('minutes.md: titles and names never become HTML, and wep\'s own comments stay comments', async () => {
    const title = '<script>alert(1)</script>';
    const view = {
      partnership: title,
      body: { name: title },
      dateLong: 'Thursday 10 December 2026',
      items: [{ number: 1, title, meta: title, declarations: [title], standardLines: [`- ${escapeMarkdownHtml(title)} <!-- close it: wep actions done m/a1 -->`], minute: title, decisions: [title], actions: [title] }],
    };
    const out = await renderTemplate(root, root, 'minutes.md.hbs', view, { html: false });
    expect(out).not.toMatch(/(^|[^\\])<script>/);
    const html = htmlTokens(out);
    expect(html.length).toBeGreaterThan(0);
    for (const t of html) expect(t.content.trim()).toMatch(/^<!--[^]*-->$/);
  });

  it('.html templates keep HTML escaping', async () => {
    const out = await renderTemplate(root, root, 'notice.html.hbs', { partnership: { name: '<script>x</script>' }, body: { name: 'b' }, agenda: [], recipients: {} }, { html: true });
    expect(out).not.toContain('<script>x');
    expect(out).toContain('&lt;script&gt;x');
  });
});
