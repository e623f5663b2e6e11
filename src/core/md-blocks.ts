/**
 * Markdown as a small document model: headings, paragraphs, lists, tables, code and rules,
 * each paragraph a list of styled runs. Built from markdown-it's tokens (the caller parses, so
 * this stays pure and markdown-it loads only in the commands that typeset), and rendered by
 * report/pdf-document.ts (the agenda pack) and report/docx-document.ts (Word).
 *
 * Why a model of our own: the PDF and the Word writers need the same reading of a paper or
 * notice, and neither library reads Markdown; one walk over the tokens keeps them agreeing.
 */

export interface Run {
  text: string;
  bold?: boolean;
  italic?: boolean;
  code?: boolean;
  /** Target of a link. */
  href?: string;
}

export type Block =
  | { kind: 'heading'; level: number; runs: Run[] }
  | { kind: 'paragraph'; runs: Run[] }
  | { kind: 'list'; ordered: boolean; start: number; items: Block[][] }
  | { kind: 'table'; header: Run[][]; rows: Run[][][] }
  | { kind: 'code'; text: string }
  | { kind: 'quote'; blocks: Block[] }
  | { kind: 'rule' };

/** The parts of a markdown-it Token this reads. */
export interface MdToken {
  type: string;
  tag: string;
  content: string;
  children: MdToken[] | null;
  attrs: [string, string][] | null;
  markup?: string;
  hidden?: boolean;
}

const attr = (t: MdToken, name: string) => t.attrs?.find(([k]) => k === name)?.[1];

/** Lines of the minutes that stand alone (core/minutes-parse.ts reads the same keywords). */
const KEYWORD_LINE = /^(DECISION|ACTION)S?:/;
const PARAGRAPH_BREAK = '\u2029';

/** Splits a paragraph's runs where a DECISION: or ACTION: line begins. */
function splitParagraphs(runs: Run[]): Run[][] {
  const out: Run[][] = [[]];
  for (const r of runs) {
    const parts = r.text.split(PARAGRAPH_BREAK);
    parts.forEach((text, j) => {
      if (j > 0) out.push([]);
      if (text) out[out.length - 1]!.push({ ...r, text });
    });
  }
  return out.filter((p) => p.length);
}

/** The runs of an inline token: bold, italic, code and links; line breaks as spaces or newlines. */
export function inlineRuns(children: readonly MdToken[]): Run[] {
  const runs: Run[] = [];
  let bold = 0;
  let italic = 0;
  let href: string | undefined;
  const push = (text: string, extra: Partial<Run> = {}) => {
    if (!text) return;
    const r: Run = { text };
    if (bold) r.bold = true;
    if (italic) r.italic = true;
    if (href) r.href = href;
    Object.assign(r, extra);
    const last = runs[runs.length - 1];
    if (last && !last.code && !r.code && last.bold === r.bold && last.italic === r.italic && last.href === r.href) last.text += text;
    else runs.push(r);
  };
  for (const [i, t] of children.entries()) {
    switch (t.type) {
      case 'text':
      case 'html_inline':
        push(t.type === 'html_inline' ? '' : t.content);
        break;
      case 'softbreak':
        // a DECISION: or ACTION: line is a paragraph of its own, even when written straight under another
        push(KEYWORD_LINE.test(children[i + 1]?.content ?? '') ? PARAGRAPH_BREAK : ' ');
        break;
      case 'hardbreak':
        push('\n');
        break;
      case 'code_inline':
        push(t.content, { code: true });
        break;
      case 'strong_open':
        bold++;
        break;
      case 'strong_close':
        bold = Math.max(0, bold - 1);
        break;
      case 'em_open':
        italic++;
        break;
      case 'em_close':
        italic = Math.max(0, italic - 1);
        break;
      case 'link_open':
        href = attr(t, 'href');
        break;
      case 'link_close':
        href = undefined;
        break;
      case 'image':
        push(`[image: ${t.content || attr(t, 'alt') || ''}]`);
        break;
      default:
        if (t.content) push(t.content);
    }
  }
  return runs;
}

/** The text of runs without styling. */
export const runsText = (runs: readonly Run[]) => runs.map((r) => r.text).join('');

/**
 * Blocks from markdown-it's block tokens. Unknown tokens are skipped, never fatal: a paper
 * with an odd construct still goes into the pack, with its text.
 */
export function blocksFromTokens(tokens: readonly MdToken[]): Block[] {
  let i = 0;
  const inline = (): Run[] => {
    const t = tokens[i];
    if (t?.type === 'inline') {
      i++;
      return inlineRuns(t.children ?? []);
    }
    return [];
  };
  function until(close: string | null): Block[] {
    const out: Block[] = [];
    while (i < tokens.length) {
      const t = tokens[i]!;
      if (close && t.type === close) {
        i++;
        return out;
      }
      i++;
      switch (t.type) {
        case 'heading_open': {
          const runs = inline();
          i++; // heading_close
          out.push({ kind: 'heading', level: Number(t.tag.slice(1)) || 1, runs });
          break;
        }
        case 'paragraph_open': {
          const runs = inline();
          i++; // paragraph_close
          for (const p of splitParagraphs(runs)) out.push({ kind: 'paragraph', runs: p });
          break;
        }
        case 'inline': // a tight list item's paragraph is hidden; its inline comes bare
          for (const p of splitParagraphs(inlineRuns(t.children ?? []))) out.push({ kind: 'paragraph', runs: p });
          break;
        case 'bullet_list_open':
        case 'ordered_list_open': {
          const ordered = t.type === 'ordered_list_open';
          const items: Block[][] = [];
          const closeList = ordered ? 'ordered_list_close' : 'bullet_list_close';
          while (i < tokens.length && tokens[i]!.type !== closeList) {
            if (tokens[i]!.type === 'list_item_open') {
              i++;
              items.push(until('list_item_close'));
            } else i++;
          }
          i++;
          out.push({ kind: 'list', ordered, start: Number(attr(t, 'start') ?? 1), items });
          break;
        }
        case 'table_open':
          out.push(table());
          break;
        case 'fence':
        case 'code_block':
          out.push({ kind: 'code', text: t.content.replace(/\n$/, '') });
          break;
        case 'blockquote_open':
          out.push({ kind: 'quote', blocks: until('blockquote_close') });
          break;
        case 'hr':
          out.push({ kind: 'rule' });
          break;
        default:
          break; // html_block (the generated-file stamp, comments) and anything else
      }
    }
    return out;
  }
  function table(): Block {
    const header: Run[][] = [];
    const rows: Run[][][] = [];
    let row: Run[][] | null = null;
    let inHead = false;
    while (i < tokens.length && tokens[i]!.type !== 'table_close') {
      const t = tokens[i++]!;
      if (t.type === 'thead_open') inHead = true;
      else if (t.type === 'thead_close') inHead = false;
      else if (t.type === 'tr_open') row = [];
      else if (t.type === 'tr_close' && row) {
        if (inHead) header.push(...row);
        else rows.push(row);
        row = null;
      } else if ((t.type === 'th_open' || t.type === 'td_open') && row) row.push(inline());
    }
    i++;
    return { kind: 'table', header, rows };
  }
  return until(null);
}

/** All the text of blocks, one line per paragraph or cell: for tests and plain-text output. */
export function blocksText(blocks: readonly Block[]): string {
  const lines: string[] = [];
  const walk = (bs: readonly Block[]) => {
    for (const b of bs) {
      if (b.kind === 'heading' || b.kind === 'paragraph') lines.push(runsText(b.runs));
      else if (b.kind === 'list') b.items.forEach(walk);
      else if (b.kind === 'table') [b.header, ...b.rows].forEach((r) => lines.push(r.map(runsText).join(' | ')));
      else if (b.kind === 'code') lines.push(b.text);
      else if (b.kind === 'quote') walk(b.blocks);
    }
  };
  walk(blocks);
  return lines.join('\n');
}
