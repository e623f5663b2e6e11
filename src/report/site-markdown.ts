/**
 * A small, safe Markdown subset for minutes on the website: headings, paragraphs, lists,
 * block quotes, rules, fenced code, and inline bold, italic, code and web links. Everything
 * from the file is HTML-escaped first; raw HTML shows as text, HTML comments are dropped, and
 * links other than http(s), mailto and in-page anchors become plain text (a relative link into
 * the records repo would be broken on the site).
 */

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for HTML element content and attribute values. */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

const SAFE_HREF = /^(https?:\/\/[^\s]+|mailto:[^\s]+|#[\w-]+)$/i;

/** Inline Markdown on one block of text: code, links, bold, italic. */
export function renderInline(text: string): string {
  const codes: string[] = [];
  // Code spans first, so nothing inside them is formatted.
  let s = text.replace(/`([^`]+)`/g, (_, code: string) => {
    codes.push(`<code>${escapeHtml(code)}</code>`);
    return `\u0000${codes.length - 1}\u0000`;
  });
  const links: string[] = [];
  s = s.replace(/\[([^\]]+)\]\(([^)\s]+)\)/g, (_, label: string, href: string) => {
    const inner = formatEmphasis(escapeHtml(label));
    links.push(SAFE_HREF.test(href) ? `<a href="${escapeHtml(href)}">${inner}</a>` : inner);
    return `\u0001${links.length - 1}\u0001`;
  });
  s = formatEmphasis(escapeHtml(s));
  s = s.replace(/\u0001(\d+)\u0001/g, (_, i: string) => links[Number(i)]!);
  return s.replace(/\u0000(\d+)\u0000/g, (_, i: string) => codes[Number(i)]!);
}

function formatEmphasis(escaped: string): string {
  return escaped
    .replace(/\*\*(?=\S)([^*]*?\S)\*\*/g, '<strong>$1</strong>')
    .replace(/__(?=\S)([^_]*?\S)__/g, '<strong>$1</strong>')
    .replace(/(^|[^*\w])\*(?=\S)([^*]*?\S)\*(?![*\w])/g, '$1<em>$2</em>')
    .replace(/(^|[^_\w])_(?=\S)([^_]*?\S)_(?![_\w])/g, '$1<em>$2</em>');
}

export interface MarkdownOptions {
  /** The HTML level of a "#" heading (later levels follow, capped at 6). Default 3. */
  headingBase?: number;
}

type ListKind = 'ul' | 'ol';

/** Renders Markdown text to HTML. */
export function renderMarkdown(markdown: string, opts: MarkdownOptions = {}): string {
  const base = opts.headingBase ?? 3;
  const lines = markdown.replace(/\r\n?/g, '\n').replace(/<!--[\s\S]*?(-->|$)/g, '').split('\n');
  // The top heading level the text uses becomes `base`; no heading skips a level after it,
  // so the page's headings stay in order whatever the file does.
  const levels = lines.map((l) => /^(#{1,6})\s/.exec(l)?.[1]!.length).filter((n): n is number => n !== undefined);
  const top = levels.length ? Math.min(...levels) : 1;
  let last = base - 1;
  const out: string[] = [];
  let para: string[] = [];
  let quote: string[] = [];
  let list: { kind: ListKind; start: number; items: string[] } | null = null;

  const flushPara = () => {
    if (para.length) out.push(`<p>${renderInline(para.join(' '))}</p>`);
    para = [];
  };
  const flushQuote = () => {
    if (quote.length) out.push(`<blockquote><p>${renderInline(quote.join(' '))}</p></blockquote>`);
    quote = [];
  };
  const flushList = () => {
    if (list) {
      const start = list.kind === 'ol' && list.start !== 1 ? ` start="${list.start}"` : '';
      out.push(`<${list.kind}${start}>${list.items.map((i) => `<li>${renderInline(i)}</li>`).join('')}</${list.kind}>`);
    }
    list = null;
  };
  const flushAll = () => {
    flushPara();
    flushQuote();
    flushList();
  };

  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const fence = /^\s*(```|~~~)/.exec(line);
    if (fence) {
      flushAll();
      const code: string[] = [];
      for (i++; i < lines.length && !lines[i]!.trimStart().startsWith(fence[1]!); i++) code.push(lines[i]!);
      out.push(`<pre><code>${escapeHtml(code.join('\n'))}</code></pre>`);
      continue;
    }
    if (line.trim() === '') {
      flushAll();
      continue;
    }
    const heading = /^(#{1,6})\s+(.*?)\s*#*\s*$/.exec(line);
    if (heading) {
      flushAll();
      const level = Math.min(6, base + heading[1]!.length - top, last + 1);
      last = level;
      out.push(`<h${level}>${renderInline(heading[2]!)}</h${level}>`);
      continue;
    }
    if (/^\s{0,3}([-*_])(\s*\1){2,}\s*$/.test(line)) {
      flushAll();
      out.push('<hr>');
      continue;
    }
    const quoted = /^\s{0,3}>\s?(.*)$/.exec(line);
    if (quoted) {
      flushPara();
      flushList();
      quote.push(quoted[1]!);
      continue;
    }
    const bullet = /^\s{0,3}[-*+]\s+(.*)$/.exec(line);
    const numbered = /^\s{0,3}(\d{1,9})[.)]\s+(.*)$/.exec(line);
    if (bullet || numbered) {
      flushPara();
      flushQuote();
      const kind: ListKind = bullet ? 'ul' : 'ol';
      if (!list || (list as { kind: ListKind }).kind !== kind) {
        flushList();
        list = { kind, start: numbered ? Number(numbered[1]) : 1, items: [] };
      }
      (list as { items: string[] }).items.push(bullet ? bullet[1]! : numbered![2]!);
      continue;
    }
    if (list && /^\s+\S/.test(line)) {
      const items = (list as { items: string[] }).items;
      items[items.length - 1] += ` ${line.trim()}`;
      continue;
    }
    flushQuote();
    flushList();
    para.push(line.trim());
  }
  flushAll();
  return out.join('\n');
}
