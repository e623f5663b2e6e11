/**
 * The one rule for what a heading is in minutes.md and which agenda item each line belongs to.
 * The minutes parser (DECISION and ACTION lines), the registers and the site's privacy filter
 * all read minutes through `readMinutesLines`, so a line is under the same item for all of them.
 *
 * A heading is an ATX heading (`## 5. Budget`, up to three spaces before the `#`s) or a setext
 * heading (a paragraph underlined with `===` or `---`), as CommonMark (and so the site's
 * markdown-it) reads them at the top level of the document. Fenced code (``` or ~~~, closed
 * by a fence of the same character at least as long), indented code and HTML comments hold no
 * headings and no entries. A heading names an item when its text starts with the item's number
 * (`5.`, `5)`, `5:`, `5 -`, `Item 5`, bold or not). The item's section runs to the next heading
 * of the same or a higher level; a deeper heading inside it (`### Discussion`) stays in it.
 * Headings CommonMark finds inside lists or block quotes are not read as headings here: the
 * site compares this rule with markdown-it and withholds minutes where the two disagree.
 *
 * Hand-written, not markdown-it: `wep check` reads minutes on every run, and loading
 * markdown-it would cost the hot commands their start-up budget.
 */

export interface MinutesHeading {
  /** 1-based line of the heading's first line (for setext, the first line of its text). */
  line: number;
  /** 1-based last line (the underline of a setext heading). */
  endLine: number;
  level: number;
  text: string;
  form: 'atx' | 'setext';
  /** The agenda item number the heading's text names, if any. */
  number?: number;
}

/** `code` is inside a fence; `indented` is indented code (or a list's indented paragraph, which this rule does not tell apart). */
export type MinutesLineKind = 'text' | 'blank' | 'heading' | 'fence' | 'code' | 'indented' | 'break';

export interface MinutesLine {
  /** The line with HTML comments blanked out (as spaces, so columns stay true). */
  visible: string;
  kind: MinutesLineKind;
  /** The agenda item whose section holds this line (headings included). */
  item?: number;
  /** Set on every line of a heading. */
  heading?: MinutesHeading;
  /** The line is inside a list item or block quote paragraph (lazy continuation included). */
  inContainer?: boolean;
}

// after the number: . : ) or a spaced hyphen, en dash (\u2013) or em dash (\u2014); escapes keep the built CLI ASCII
const ITEM_NUMBER = /^[*_\s]*(?:item\s+)?(\d{1,4})\s*(?:[.:)]|\s-|\s\u2013|\s\u2014)?(?:[\s*_]|$)/i;

/** The agenda item number a heading's text names ("5. Budget", "Item 5: Budget", "**5** Budget"), or undefined. */
export function itemNumberOf(headingText: string): number | undefined {
  const m = ITEM_NUMBER.exec(headingText);
  if (!m) return undefined;
  const n = Number(m[1]);
  return n >= 1 ? n : undefined;
}

const ATX = /^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$/;
const ATX_EMPTY_CLOSE = /^ {0,3}(#{1,6})[ \t]+#+[ \t]*$/;
const FENCE_OPEN = /^( {0,3})(`{3,}|~{3,})(.*)$/;
const SETEXT = /^ {0,3}(=+|-+)[ \t]*$/;
const BREAK = /^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$/;
const BULLET = /^ {0,3}([-+*])(?:[ \t]+(.*)|[ \t]*)$/;
const ORDERED = /^ {0,3}(\d{1,9})[.)](?:[ \t]+(.*)|[ \t]*)$/;
const QUOTE = /^ {0,3}>/;
const INDENTED = /^(?: {4}| {0,3}\t)/;

/** Blanks HTML comments (which may span lines) to spaces; returns the visible text and whether a comment is still open. */
function blankComments(line: string, inComment: boolean): { visible: string; inComment: boolean } {
  let visible = '';
  let at = 0;
  while (at < line.length) {
    if (inComment) {
      const close = line.indexOf('-->', at);
      const stop = close < 0 ? line.length : close + 3;
      visible += ' '.repeat(stop - at);
      at = stop;
      if (close >= 0) inComment = false;
    } else {
      const open = line.indexOf('<!--', at);
      const stop = open < 0 ? line.length : open;
      visible += line.slice(at, stop);
      at = stop;
      if (open >= 0) inComment = true;
    }
  }
  return { visible, inComment };
}

type Container = { kind: 'list'; indent: number; emptyStart: boolean } | { kind: 'quote' };

const indentOf = (v: string): number => {
  let n = 0;
  for (const c of v) {
    if (c === ' ') n++;
    else if (c === '\t') n += 4 - (n % 4);
    else break;
  }
  return n;
};

/** A line that starts a block of its own (so it cannot continue a paragraph lazily). */
function startsBlock(v: string, interruptsParagraph: boolean): boolean {
  if (ATX.exec(v) && !INDENTED.test(v)) return true;
  if (FENCE_OPEN.test(v) || BREAK.test(v) || QUOTE.test(v)) return true;
  const bullet = BULLET.exec(v);
  const ordered = ORDERED.exec(v);
  if (!interruptsParagraph) return Boolean(bullet || ordered);
  return Boolean((bullet && (bullet[2] ?? '').trim() !== '') || (ordered && Number(ordered[1]) === 1 && (ordered[2] ?? '').trim() !== ''));
}

/** A list item's marker, and where its content starts (CommonMark's rule, tabs aside). */
function listItem(v: string): { indent: number; empty: boolean; content: string } | undefined {
  const m = /^( {0,3})([-+*]|\d{1,9}[.)])( *)(.*)$/.exec(v);
  if (!m || (m[3] === '' && m[4] !== '')) return undefined;
  const at = m[1]!.length + m[2]!.length;
  const empty = m[4]!.trim() === '';
  const spaces = m[3]!.length;
  return { indent: empty || spaces >= 5 ? at + 1 : at + spaces, empty, content: m[4]! };
}

/** Whether a line in a container is paragraph text (so a following line may continue it lazily). */
const isParagraphText = (content: string): boolean => content.trim() !== '' && !startsBlock(content, false) && !INDENTED.test(content);

type Fence = { char: string; len: number };

const closesFence = (f: Fence, v: string) => new RegExp(`^ {0,3}${f.char === '`' ? '`' : '~'}{${f.len},}[ \\t]*$`).test(v);

function opensFence(v: string): Fence | undefined {
  const f = FENCE_OPEN.exec(v);
  return f && !(f[2]![0] === '`' && f[3]!.includes('`')) ? { char: f[2]![0]!, len: f[2]!.length } : undefined;
}

/** The state of one pass over the lines. */
interface Scan {
  out: MinutesLine[];
  inComment: boolean;
  fence?: Fence;
  /** A top-level paragraph is open (so `===`/`---` under it makes a setext heading). */
  plain: boolean;
  paraStart: number;
  container?: Container;
  /** The container's last line was paragraph text (a following line may continue it lazily). */
  containerPara: boolean;
  containerFence?: Fence;
}

/** Tracks a fence and paragraph inside a container's content. */
function containerContent(s: Scan, content: string): void {
  if (s.containerFence) {
    if (closesFence(s.containerFence, content)) s.containerFence = undefined;
  } else s.containerFence = opensFence(content);
  s.containerPara = !s.containerFence && isParagraphText(content);
}

/** A line while a list is open: true when the line belongs to the list (and was recorded). */
function listLine(s: Scan, list: Extract<Container, { kind: 'list' }>, v: string): boolean {
  if (v.trim() === '') {
    s.containerPara = false;
    // An empty list item followed by a blank line ends (CommonMark: at most one blank line to start).
    if (list.emptyStart && s.out[s.out.length - 1]?.inContainer && listItem(s.out[s.out.length - 1]!.visible)?.empty) s.container = undefined;
    s.out.push({ visible: v, kind: 'blank', ...(s.container ? { inContainer: true } : {}) });
    return true;
  }
  if (indentOf(v) >= list.indent) {
    containerContent(s, v.slice(list.indent));
    s.out.push({ visible: v, kind: 'text', inContainer: true });
    return true;
  }
  if (!s.containerFence && s.containerPara && !startsBlock(v, true) && !listItem(v)) {
    s.out.push({ visible: v, kind: 'text', inContainer: true });
    return true;
  }
  return false;
}

/** A line while a block quote is open: true when the line belongs to the quote (and was recorded). */
function quoteLine(s: Scan, v: string): boolean {
  if (QUOTE.test(v)) {
    containerContent(s, v.replace(/^ {0,3}> ?/, ''));
    s.out.push({ visible: v, kind: 'text', inContainer: true });
    return true;
  }
  // markdown-it ends a quote's lazy paragraph at any list marker, empty or not
  if (v.trim() !== '' && !s.containerFence && s.containerPara && !startsBlock(v, false)) {
    s.out.push({ visible: v, kind: 'text', inContainer: true });
    return true;
  }
  return false;
}

function heading(line: number, endLine: number, level: number, text: string, form: MinutesHeading['form']): MinutesHeading {
  const h: MinutesHeading = { line, endLine, level, text, form };
  const n = itemNumberOf(text);
  if (n !== undefined) h.number = n;
  return h;
}

/** Makes the open paragraph, with its underline `v`, a setext heading. */
function setextHeading(s: Scan, v: string, level: number): void {
  const h = heading(s.paraStart + 1, s.out.length + 1, level, s.out.slice(s.paraStart).map((x) => x.visible.trim()).join(' '), 'setext');
  for (let k = s.paraStart; k < s.out.length; k++) {
    s.out[k]!.kind = 'heading';
    s.out[k]!.heading = h;
  }
  s.out.push({ visible: v, kind: 'heading', heading: h });
}

/** Opens a container (quote or list item) at a top-level line; false when the line opens none. */
function openContainer(s: Scan, v: string): boolean {
  if (QUOTE.test(v)) {
    s.container = { kind: 'quote' };
    s.containerFence = undefined;
    containerContent(s, v.replace(/^ {0,3}> ?/, ''));
  } else {
    const item = listItem(v);
    if (!item || (s.plain && !startsBlock(v, true))) return false;
    s.container = { kind: 'list', indent: item.indent, emptyStart: item.empty };
    s.containerFence = undefined;
    containerContent(s, item.empty ? '' : v.slice(Math.min(item.indent, v.length)));
  }
  s.out.push({ visible: v, kind: 'text', inContainer: true });
  return true;
}

/** A top-level line (no container holds it). */
function topLevelLine(s: Scan, raw: string, v: string, fenceAllowed: boolean): void {
  const kind = (k: MinutesLineKind): void => {
    s.out.push({ visible: v, kind: k });
  };
  if (v.trim() === '') {
    s.plain = false;
    return kind('blank');
  }
  const f = fenceAllowed ? opensFence(raw) : undefined;
  if (f) {
    // A fence opened before a comment would: the rest of the line is its info string.
    s.inComment = false;
    s.fence = f;
    s.plain = false;
    s.out.push({ visible: raw, kind: 'fence' });
    return;
  }
  const setext = SETEXT.exec(v);
  if (setext && s.plain) {
    setextHeading(s, v, setext[1]![0] === '=' ? 1 : 2);
    s.plain = false;
    return;
  }
  if (!s.plain && INDENTED.test(v)) return kind('indented');
  const atx = INDENTED.test(v) ? null : ATX.exec(v);
  if (atx) {
    s.plain = false;
    const h = heading(s.out.length + 1, s.out.length + 1, atx[1]!.length, ATX_EMPTY_CLOSE.test(v) ? '' : (atx[2] ?? '').trim(), 'atx');
    s.out.push({ visible: v, kind: 'heading', heading: h });
    return;
  }
  if (BREAK.test(v)) {
    s.plain = false;
    return kind('break');
  }
  if (openContainer(s, v)) {
    s.plain = false;
    return;
  }
  if (!s.plain) s.paraStart = s.out.length;
  s.plain = true;
  kind('text');
}

/**
 * Every line of minutes.md with what it is and the agenda item it belongs to. Pure and total:
 * any text gives an answer, line for line (split on LF, CRLF or CR).
 */
export function readMinutesLines(text: string): MinutesLine[] {
  const s: Scan = { out: [], inComment: false, plain: false, paraStart: -1, containerPara: false };
  for (const raw of text.split(/\r\n|\r|\n/)) {
    if (s.fence) {
      if (closesFence(s.fence, raw)) s.fence = undefined;
      s.out.push({ visible: raw, kind: 'code' });
      continue;
    }
    const wasInComment = s.inComment;
    const b = blankComments(raw, s.inComment);
    s.inComment = b.inComment;
    const v = b.visible;
    const c = s.container;
    if (c && (c.kind === 'list' ? listLine(s, c, v) : quoteLine(s, v))) continue;
    s.container = undefined;
    s.containerFence = undefined;
    topLevelLine(s, raw, v, !wasInComment);
  }
  assignItems(s.out);
  return s.out;
}

/** Gives every line the item of the numbered section holding it (see the module comment). */
function assignItems(lines: MinutesLine[]): void {
  let section: { item: number; level: number } | undefined;
  let current: MinutesHeading | undefined;
  for (const line of lines) {
    const h = line.heading;
    if (h && h !== current) {
      current = h;
      if (!section || h.level <= section.level) section = h.number !== undefined ? { item: h.number, level: h.level } : undefined;
    }
    if (section) line.item = section.item;
  }
}

/** The headings of minutes.md, in order. */
export function minutesHeadings(text: string): MinutesHeading[] {
  const out: MinutesHeading[] = [];
  for (const l of readMinutesLines(text)) if (l.heading && out[out.length - 1] !== l.heading) out.push(l.heading);
  return out;
}
