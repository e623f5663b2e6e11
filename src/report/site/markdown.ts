/**
 * Markdown on the site (minutes and Markdown papers), by markdown-it: CommonMark with tables,
 * nested lists, setext headings, autolinks, images and entities. Raw HTML is off (it shows as
 * text); a link or image is kept only when it is http(s), mailto, or relative and stays inside
 * the site, else its text stays and the link goes. Headings are renumbered so the file's top
 * level becomes the page's `headingBase` and no level is skipped. Loaded by `wep publish` only:
 * no other command imports this file.
 */
import markdownIt, { type MarkdownIt, type Token } from 'markdown-it';

export interface MarkdownOptions {
  /** The HTML level of the file's top heading (later levels follow, capped at 6). Default 3. */
  headingBase?: number;
  /** The site path of the page the Markdown goes on, for checking relative links. Default: the site's root. */
  pagePath?: string;
}

let md: MarkdownIt | undefined;
let currentPage = 'index.html';

/** markdown-it as the site uses it: CommonMark with tables and autolinks, the site's link rule. */
function siteParser(): MarkdownIt {
  const parser = markdownIt({ html: false, linkify: true, typographer: false });
  parser.validateLink = (url: string) => isSiteLink(url, currentPage);
  return parser;
}

function instance(): MarkdownIt {
  if (md) return md;
  md = siteParser();
  const table = md.renderer.rules.table_open;
  md.renderer.rules.table_open = (tokens, idx, options, env, self) => `<div class="table-wrap">${table ? table(tokens, idx, options, env, self) : self.renderToken(tokens, idx, options)}`;
  const tableClose = md.renderer.rules.table_close;
  md.renderer.rules.table_close = (tokens, idx, options, env, self) => `${tableClose ? tableClose(tokens, idx, options, env, self) : self.renderToken(tokens, idx, options)}</div>`;
  return md;
}

/**
 * Whether a link may stay: http(s) and mailto addresses, fragments, and relative paths that,
 * resolved from the page, stay inside the site. Anything with another scheme (javascript:,
 * data:, file:), protocol-relative (//host) or absolute (/etc) is refused.
 */
export function isSiteLink(url: string, pagePath: string): boolean {
  const u = url.trim();
  if (/^(https?:\/\/[^\s/]|mailto:[^\s])/i.test(u)) return true;
  if (/^[a-z][a-z0-9+.-]*:/i.test(u) || u.startsWith('/') || u.startsWith('\\')) return false;
  let path: string;
  try {
    path = decodeURIComponent(u.split(/[?#]/)[0]!);
  } catch {
    return false;
  }
  if (/[\\:]/.test(path)) return false;
  const parts = pagePath.split('/').slice(0, -1);
  for (const seg of path.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') {
      if (parts.length === 0) return false;
      parts.pop();
    } else parts.push(seg);
  }
  return true;
}

/** Renumbers heading levels: the top level becomes `base`, none skips a level after the one before. */
function renumberHeadings(tokens: Token[], base: number): void {
  const levels = tokens.filter((t) => t.type === 'heading_open').map((t) => Number(t.tag.slice(1)));
  const top = levels.length ? Math.min(...levels) : 1;
  let last = base - 1;
  const open: Token[] = [];
  for (const t of tokens) {
    if (t.type === 'heading_open') {
      const level = Math.min(6, base + Number(t.tag.slice(1)) - top, last + 1);
      last = level;
      t.tag = `h${level}`;
      open.push(t);
    } else if (t.type === 'heading_close') t.tag = open.pop()?.tag ?? t.tag;
  }
}

/** Renders Markdown text to HTML. */
export function renderMarkdown(markdown: string, opts: MarkdownOptions = {}): string {
  const m = instance();
  currentPage = opts.pagePath ?? 'index.html';
  const env = {};
  const tokens = m.parse(markdown, env);
  renumberHeadings(tokens, opts.headingBase ?? 3);
  return m.renderer.render(tokens, m.options, env).trimEnd();
}

let blocks: MarkdownIt | undefined;

/**
 * The same parser with its inline stage off: which lines are headings is settled by the block
 * stage alone (in CommonMark, block structure comes before inline content), and a thousand
 * minutes files parse in half the time. It has the site's link rule, which the block stage
 * uses too: a reference definition whose address the site refuses is a paragraph, and the line
 * under it may then underline a heading.
 */
function blockInstance(): MarkdownIt {
  if (blocks) return blocks;
  blocks = siteParser();
  blocks.core.ruler.disable(['inline', 'linkify', 'replacements', 'smartquotes', 'text_join'], true);
  return blocks;
}

/**
 * The 1-based lines where markdown-it finds top-level headings in Markdown shown on the page at
 * `pagePath`: the check on the minutes' heading rule, reading the text as that page's render does.
 */
export function markdownHeadingLines(markdown: string, pagePath = 'index.html'): number[] {
  return headingLines(blockInstance(), markdown, pagePath);
}

/** markdownHeadingLines with the whole parser, inline stage included: what it is held to in tests. */
export function markdownHeadingLinesFullParse(markdown: string, pagePath = 'index.html'): number[] {
  return headingLines(instance(), markdown, pagePath);
}

function headingLines(parser: MarkdownIt, markdown: string, pagePath: string): number[] {
  currentPage = pagePath;
  return parser
    .parse(markdown, {})
    .filter((t) => t.type === 'heading_open' && t.level === 0 && t.map)
    .map((t) => t.map![0] + 1);
}
