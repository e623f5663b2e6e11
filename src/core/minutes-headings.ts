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

const ITEM_NUMBER = /^[*_\s]*(?:item\s+)?(\d{1,4})\s*(?:[.:)]|\s-|\s–|\s—)?(?:[\s*_]|$)/i;

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

/**
 * Every line of minutes.md with what it is and the agenda item it belongs to. Pure and total:
 * any text gives an answer, line for line (split on LF, CRLF or CR).
 */
export function readMinutesLines(text: string): MinutesLine[] {
  const raw = text.split(/\r\n|\r|\n/);
  const out: MinutesLine[] = [];
  let inComment = false;
  let fence: { char: string; len: number } | undefined;
  let plain = false;
  let paraStart = -1;
  let container: Container | undefined;
  let containerPara = false;
  let containerFence: { char: string; len: number } | undefined;
  const closes = (f: { char: string; len: number }, v: string) => new RegExp(`^ {0,3}${f.char === '`' ? '`' : '~'}{${f.len},}[ \\t]*$`).test(v);
  const opens = (v: string): { char: string; len: number } | undefined => {
    const f = FENCE_OPEN.exec(v);
    return f && !(f[2]![0] === '`' && f[3]!.includes('`')) ? { char: f[2]![0]!, len: f[2]!.length } : undefined;
  };

  for (let i = 0; i < raw.length; i++) {
    const l = raw[i]!;
    if (fence) {
      if (closes(fence, l)) fence = undefined;
      out.push({ visible: l, kind: 'code' });
      continue;
    }
    const b = blankComments(l, inComment);
    const wasInComment = inComment;
    inComment = b.inComment;
    const v = b.visible;
    const blank = v.trim() === '';

    if (container?.kind === 'list') {
      const item = listItem(v);
      if (blank) {
        containerPara = false;
        if (container.emptyStart && out[out.length - 1]?.inContainer) {
          const prev = out[out.length - 1]!;
          if (listItem(prev.visible)?.empty) container = undefined;
        }
        out.push({ visible: v, kind: 'blank', ...(container ? { inContainer: true } : {}) });
        continue;
      }
      if (indentOf(v) >= container.indent) {
        const content = v.slice(container.indent);
        if (containerFence) {
          if (closes(containerFence, content)) containerFence = undefined;
        } else containerFence = opens(content);
        containerPara = !containerFence && isParagraphText(content);
        out.push({ visible: v, kind: 'text', inContainer: true });
        continue;
      }
      if (!containerFence && containerPara && !startsBlock(v, true) && !(item && indentOf(v) < container.indent)) {
        out.push({ visible: v, kind: 'text', inContainer: true });
        continue;
      }
      containerFence = undefined;
      container = undefined;
    } else if (container?.kind === 'quote') {
      if (QUOTE.test(v)) {
        const content = v.replace(/^ {0,3}> ?/, '');
        if (containerFence) {
          if (closes(containerFence, content)) containerFence = undefined;
        } else containerFence = opens(content);
        containerPara = !containerFence && isParagraphText(content);
        out.push({ visible: v, kind: 'text', inContainer: true });
        continue;
      }
      // markdown-it ends a quote's lazy paragraph at any list marker, empty or not
      if (!blank && !containerFence && containerPara && !startsBlock(v, false)) {
        out.push({ visible: v, kind: 'text', inContainer: true });
        continue;
      }
      containerFence = undefined;
      container = undefined;
    }

    if (blank) {
      plain = false;
      out.push({ visible: v, kind: 'blank' });
      continue;
    }
    const f = wasInComment ? undefined : opens(l);
    if (f) {
      // A fence opened before a comment would: the rest of the line is its info string.
      inComment = false;
      fence = f;
      plain = false;
      out.push({ visible: l, kind: 'fence' });
      continue;
    }
    const setext = SETEXT.exec(v);
    if (setext && plain) {
      const level = setext[1]![0] === '=' ? 1 : 2;
      const headingText = out
        .slice(paraStart)
        .map((x) => x.visible.trim())
        .join(' ');
      const h: MinutesHeading = { line: paraStart + 1, endLine: i + 1, level, text: headingText, form: 'setext' };
      const n = itemNumberOf(headingText);
      if (n !== undefined) h.number = n;
      for (let k = paraStart; k < out.length; k++) {
        out[k]!.kind = 'heading';
        out[k]!.heading = h;
      }
      out.push({ visible: v, kind: 'heading', heading: h });
      plain = false;
      continue;
    }
    if (!plain && INDENTED.test(v)) {
      out.push({ visible: v, kind: 'indented' });
      continue;
    }
    const atx = INDENTED.test(v) ? null : ATX.exec(v);
    if (atx) {
      const headingText = ATX_EMPTY_CLOSE.test(v) ? '' : (atx[2] ?? '').trim();
      const h: MinutesHeading = { line: i + 1, endLine: i + 1, level: atx[1]!.length, text: headingText, form: 'atx' };
      const n = itemNumberOf(headingText);
      if (n !== undefined) h.number = n;
      plain = false;
      out.push({ visible: v, kind: 'heading', heading: h });
      continue;
    }
    if (BREAK.test(v)) {
      plain = false;
      out.push({ visible: v, kind: 'break' });
      continue;
    }
    if (QUOTE.test(v)) {
      container = { kind: 'quote' };
      const content = v.replace(/^ {0,3}> ?/, '');
      containerFence = opens(content);
      containerPara = !containerFence && isParagraphText(content);
      plain = false;
      out.push({ visible: v, kind: 'text', inContainer: true });
      continue;
    }
    const item = listItem(v);
    if (item && (!plain || startsBlock(v, true))) {
      container = { kind: 'list', indent: item.indent, emptyStart: item.empty };
      const content = item.empty ? '' : v.slice(Math.min(item.indent, v.length));
      containerFence = opens(content);
      containerPara = !containerFence && isParagraphText(content);
      plain = false;
      out.push({ visible: v, kind: 'text', inContainer: true });
      continue;
    }
    if (!plain) paraStart = out.length;
    plain = true;
    out.push({ visible: v, kind: 'text' });
  }

  assignItems(out);
  return out;
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
