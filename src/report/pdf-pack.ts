/**
 * The agenda pack as a PDF, drawn with pdf-lib (pure JavaScript: no browser, no LaTeX on the
 * clerk's machine; external in the bundle, loaded only by `wep pack` and `wep send`):
 *
 * - a small typesetter for the Markdown model (core/md-blocks): wrapped text in the PDF
 *   standard fonts, headings, numbered and bulleted lists, simple ruled tables, code;
 * - the pack: the cover (core/pack.ts packCover), then each paper (typeset, or a PDF's pages
 *   copied as they are, or a note), a footer with "page N of M" on every page, and a bookmark
 *   (outline entry) per paper.
 *
 * The cover lists the page each paper starts on, which is known only once the cover's own
 * length is: it is laid out with placeholders, then again with the numbers (same length, as
 * the numbers take no more room than the placeholders).
 */
import { packCover, paperHeading, paperNote, type PackPaper, type PackPlan } from '../core/pack.js';
import type { Block, Run } from '../core/md-blocks.js';
import type { NoticeView } from '../core/notice.js';
import { loadExternal } from '../io/external.js';

type PdfLib = typeof import('pdf-lib');
type PDFDocument = import('pdf-lib').PDFDocument;
type PDFPage = import('pdf-lib').PDFPage;
type PDFFont = import('pdf-lib').PDFFont;

const A4: [number, number] = [595.28, 841.89];
const MARGIN = 56;
const BOTTOM = 64; // room for the footer
const BODY = 10.5;
const LEAD = 1.35;
const HEADING_SIZES = [18, 14, 12, 11, 11, 11];

interface Fonts {
  regular: PDFFont;
  bold: PDFFont;
  italic: PDFFont;
  boldItalic: PDFFont;
  mono: PDFFont;
}

interface Piece {
  text: string;
  font: PDFFont;
  size: number;
  link: boolean;
}

const REPLACE: Record<string, string> = { '\u2192': '->', '\u2190': '<-', '\u2713': 'v', '\u2714': 'v', '\u2717': 'x', '\u2265': '>=', '\u2264': '<=', '\u00a0': ' ', '\u2212': '-', '\u2011': '-', '\u2010': '-', '\u200b': '' };

/** Text the standard fonts can draw: WinAnsi only, anything else replaced (never a crash). */
export function makeSanitiser(font: PDFFont): (s: string) => string {
  const ok = new Set(font.getCharacterSet());
  return (s) => {
    let out = '';
    for (const ch of s.replace(/\t/g, '    ')) {
      const cp = ch.codePointAt(0)!;
      if (ok.has(cp)) out += ch;
      else if (REPLACE[ch] !== undefined) out += REPLACE[ch];
      else out += ch.normalize('NFD').replace(/[\u0300-\u036f]/g, '').split('').every((c) => ok.has(c.codePointAt(0)!)) ? ch.normalize('NFD').replace(/[\u0300-\u036f]/g, '') : '?';
    }
    return out;
  };
}

/** Neighbouring pieces in the same font, size and colour as one. */
function mergePieces(line: readonly Piece[]): Piece[] {
  const out: Piece[] = [];
  for (const p of line) {
    const last = out[out.length - 1];
    if (last && last.font === p.font && last.size === p.size && last.link === p.link) last.text += p.text;
    else out.push({ ...p });
  }
  return out;
}

/** Lays blocks out on pages of a document, top to bottom, starting a new page when one is full. */
class Typesetter {
  page!: PDFPage;
  y = 0;
  pages: PDFPage[] = [];
  private readonly clean: (s: string) => string;

  constructor(
    private readonly lib: PdfLib,
    private readonly doc: PDFDocument,
    private readonly fonts: Fonts,
  ) {
    this.clean = makeSanitiser(fonts.regular);
    this.newPage();
  }

  newPage(): void {
    this.page = this.doc.addPage(A4);
    this.pages.push(this.page);
    this.y = A4[1] - MARGIN;
  }

  private width = () => A4[0] - 2 * MARGIN;

  private ensure(h: number): void {
    if (this.y - h < BOTTOM && this.y < A4[1] - MARGIN) this.newPage();
  }

  private fontOf(r: Run, bold = false): PDFFont {
    if (r.code) return this.fonts.mono;
    const b = bold || r.bold;
    return b && r.italic ? this.fonts.boldItalic : b ? this.fonts.bold : r.italic ? this.fonts.italic : this.fonts.regular;
  }

  /** Runs as wrapped lines of pieces, at most `width` wide. */
  wrap(runs: readonly Run[], size: number, width: number, bold = false): Piece[][] {
    const lines: Piece[][] = [[]];
    let w = 0;
    const add = (p: Piece, pw: number) => {
      lines[lines.length - 1]!.push(p);
      w += pw;
    };
    const breakLine = () => {
      const line = lines[lines.length - 1]!;
      while (line.length && /^\s+$/.test(line[line.length - 1]!.text)) line.pop();
      lines.push([]);
      w = 0;
    };
    for (const r of runs) {
      const font = this.fontOf(r, bold);
      const s = r.code ? size * 0.92 : size;
      for (const [i, part] of this.clean(r.text).split('\n').entries()) {
        if (i > 0) breakLine();
        for (const word of part.split(/(\s+)/)) {
          if (!word) continue;
          const space = /^\s+$/.test(word);
          const text = space ? ' ' : word;
          let ww = font.widthOfTextAtSize(text, s);
          if (space && w === 0) continue;
          if (!space && w + ww > width && w > 0) breakLine();
          if (!space && ww > width) {
            // a word longer than the line: break it by characters
            let chunk = '';
            for (const ch of text) {
              if (font.widthOfTextAtSize(chunk + ch, s) > width - w && chunk) {
                add({ text: chunk, font, size: s, link: !!r.href }, font.widthOfTextAtSize(chunk, s));
                breakLine();
                chunk = '';
              }
              chunk += ch;
            }
            ww = font.widthOfTextAtSize(chunk, s);
            add({ text: chunk, font, size: s, link: !!r.href }, ww);
            continue;
          }
          add({ text, font, size: s, link: !!r.href }, ww);
        }
      }
    }
    return lines.filter((l, i) => l.length > 0 || i < lines.length - 1);
  }

  /** Draws wrapped lines at x, moving down; returns nothing. */
  private lines(lines: Piece[][], x: number, size: number): void {
    const lh = size * LEAD;
    for (const line of lines) {
      this.ensure(lh);
      this.y -= lh;
      let cx = x;
      // one drawText per stretch in the same style: pdf-lib's cost is per call, not per letter
      for (const p of mergePieces(line)) {
        this.page.drawText(p.text, { x: cx, y: this.y + (lh - size) / 2, size: p.size, font: p.font, color: p.link ? this.lib.rgb(0.11, 0.31, 0.57) : this.lib.rgb(0, 0, 0) });
        cx += p.font.widthOfTextAtSize(p.text, p.size);
      }
    }
  }

  paragraph(runs: readonly Run[], x = MARGIN, width = this.width(), size = BODY, bold = false): void {
    this.lines(this.wrap(runs, size, width, bold), x, size);
    this.y -= size * 0.5;
  }

  blocks(blocks: readonly Block[], x = MARGIN, width = this.width()): void {
    for (const b of blocks) {
      switch (b.kind) {
        case 'heading': {
          const size = HEADING_SIZES[Math.min(b.level, 6) - 1]!;
          this.ensure(size * LEAD * 3); // keep a heading with what follows
          this.y -= size * 0.4;
          this.lines(this.wrap(b.runs, size, width, true), x, size);
          this.y -= size * 0.35;
          break;
        }
        case 'paragraph':
          this.paragraph(b.runs, x, width);
          break;
        case 'list':
          b.items.forEach((item, n) => {
            const marker = b.ordered ? `${b.start + n}.` : '\u2022';
            const indent = 20;
            this.ensure(BODY * LEAD);
            const topPage = this.page;
            const topY = this.y;
            this.blocks(item, x + indent, width - indent);
            // the marker beside the item's first line
            const firstLineY = topY - BODY * LEAD + (BODY * LEAD - BODY) / 2;
            const target = topPage;
            target.drawText(marker, { x: x + 2, y: firstLineY, size: BODY, font: this.fonts.regular });
          });
          break;
        case 'table':
          this.table(b.header, b.rows, x, width);
          break;
        case 'code': {
          const size = 8.5;
          for (const line of b.text.split('\n')) this.lines(this.wrap([{ text: line || ' ', code: true }], size, width - 8), x + 8, size);
          this.y -= BODY * 0.5;
          break;
        }
        case 'quote': {
          const top = this.y;
          const page = this.page;
          this.blocks(b.blocks, x + 14, width - 14);
          if (page === this.page) page.drawLine({ start: { x: x + 4, y: top }, end: { x: x + 4, y: this.y + BODY * 0.5 }, thickness: 2, color: this.lib.rgb(0.75, 0.78, 0.83) });
          break;
        }
        case 'rule':
          this.ensure(12);
          this.y -= 6;
          this.page.drawLine({ start: { x, y: this.y }, end: { x: x + width, y: this.y }, thickness: 0.7, color: this.lib.rgb(0.6, 0.6, 0.6) });
          this.y -= 6;
          break;
      }
    }
  }

  private table(header: Run[][], rows: Run[][][], x: number, width: number): void {
    const cols = Math.max(header.length, ...rows.map((r) => r.length), 1);
    const size = BODY * 0.92;
    const pad = 3;
    // columns as wide as their longest text asks, within reason
    const want = Array.from({ length: cols }, (_, c) =>
      Math.min(Math.max(...[header, ...rows].map((r) => this.fonts.regular.widthOfTextAtSize(this.clean((r[c] ?? []).map((x) => x.text).join('')), size)), 20), width * 0.6),
    );
    const total = want.reduce((a, b) => a + b, 0);
    const widths = want.map((w) => (w / total) * width);
    const drawRow = (cells: Run[][], head: boolean) => {
      const wrapped = widths.map((w, c) => this.wrap(cells[c] ?? [], size, w - 2 * pad, head));
      const h = Math.max(...wrapped.map((l) => l.length), 1) * size * LEAD + 2 * pad;
      if (this.y - h < BOTTOM) {
        this.newPage();
        if (!head && header.length) drawRow(header, true);
      }
      const top = this.y;
      if (head) this.page.drawRectangle({ x, y: top - h, width, height: h, color: this.lib.rgb(0.93, 0.95, 0.97) });
      let cx = x;
      wrapped.forEach((lines, c) => {
        let ly = top - pad;
        for (const line of lines) {
          ly -= size * LEAD;
          let lx = cx + pad;
          for (const p of mergePieces(line)) {
            this.page.drawText(p.text, { x: lx, y: ly + (size * LEAD - size) / 2, size: p.size, font: p.font });
            lx += p.font.widthOfTextAtSize(p.text, p.size);
          }
        }
        cx += widths[c]!;
      });
      const grey = this.lib.rgb(0.7, 0.7, 0.7);
      this.page.drawRectangle({ x, y: top - h, width, height: h, borderColor: grey, borderWidth: 0.5 });
      let vx = x;
      for (const w of widths.slice(0, -1)) {
        vx += w;
        this.page.drawLine({ start: { x: vx, y: top }, end: { x: vx, y: top - h }, thickness: 0.5, color: grey });
      }
      this.y = top - h;
    };
    if (header.length) drawRow(header, true);
    for (const r of rows) drawRow(r, false);
    this.y -= BODY * 0.8;
  }
}

async function standardFonts(lib: PdfLib, doc: PDFDocument): Promise<Fonts> {
  const S = lib.StandardFonts;
  const [regular, bold, italic, boldItalic, mono] = await Promise.all([S.Helvetica, S.HelveticaBold, S.HelveticaOblique, S.HelveticaBoldOblique, S.Courier].map((f) => doc.embedFont(f)));
  return { regular: regular!, bold: bold!, italic: italic!, boldItalic: boldItalic!, mono: mono! };
}

/** A paper's content, read by io: Markdown as blocks, a PDF as bytes, or nothing (a note stands in). */
export interface PaperContent {
  blocks?: Block[];
  pdf?: Uint8Array;
}

export interface RenderedPack {
  bytes: Uint8Array;
  pages: number;
  /** Agenda item -> first page of its paper (1-based). */
  starts: Map<number, number>;
  /** Papers whose PDF could not be read, so a note stands in. */
  unreadable: PackPaper[];
}

/** Typesets blocks as a document of their own; for counting and for the cover. */
async function typesetDoc(lib: PdfLib, blocks: readonly Block[]): Promise<PDFDocument> {
  const doc = await lib.PDFDocument.create();
  const ts = new Typesetter(lib, doc, await standardFonts(lib, doc));
  ts.blocks(blocks);
  return doc;
}

/** The pack's PDF: cover, papers, footers, bookmarks. */
export async function renderPack(view: NoticeView, plan: PackPlan, all: readonly PackPaper[], contents: ReadonlyMap<number, PaperContent>, meta: { title: string; footer: string }): Promise<RenderedPack> {
  const lib = await loadExternal('pdf-lib');
  // The papers go straight into the pack, typeset there or copied from their PDF, so nothing
  // is drawn twice; the cover, counted first, is put in front of them at the end.
  const out = await lib.PDFDocument.create();
  const fonts = await standardFonts(lib, out);
  const unreadable: PackPaper[] = [];
  const parts: { paper: PackPaper; pages: number }[] = [];
  for (const p of plan.papers) {
    const c = contents.get(p.item);
    const before = out.getPageCount();
    let merged = false;
    if (p.format === 'pdf' && c?.pdf) {
      try {
        const src = await lib.PDFDocument.load(c.pdf, { updateMetadata: false });
        if (src.getPageCount() === 0) throw new Error('no pages');
        for (const pg of await out.copyPages(src, src.getPageIndices())) out.addPage(pg);
        merged = true;
      } catch {
        unreadable.push(p);
      }
    }
    if (!merged) new Typesetter(lib, out, fonts).blocks(p.format === 'markdown' && c?.blocks ? [...paperHeading(p), { kind: 'rule' }, ...c.blocks] : paperNote(p));
    parts.push({ paper: p, pages: out.getPageCount() - before });
  }

  // The cover, counted with placeholders, then drawn with the start pages.
  const coverPages = (await typesetDoc(lib, packCover(view, plan, all))).getPageCount();
  const starts = new Map<number, number>();
  let next = coverPages + 1;
  for (const part of parts) {
    starts.set(part.paper.item, next);
    next += part.pages;
  }
  let cover = await typesetDoc(lib, packCover(view, plan, all, starts));
  if (cover.getPageCount() !== coverPages) {
    // the numbers took more room than the placeholders (never seen, but then count again)
    const shift = cover.getPageCount() - coverPages;
    for (const [k, v] of starts) starts.set(k, v + shift);
    cover = await typesetDoc(lib, packCover(view, plan, all, starts));
  }
  (await out.copyPages(cover, cover.getPageIndices())).forEach((pg, i) => out.insertPage(i, pg));

  setMetadata(out, meta.title);

  const owner = new Map<number, PackPaper>();
  for (const part of parts) for (let i = 0; i < part.pages; i++) owner.set(starts.get(part.paper.item)! + i, part.paper);
  const clean = drawFooters(lib, out, fonts.regular, (n, total) => {
    const paper = owner.get(n);
    return `${meta.footer}${paper ? `  |  item ${paper.item}${paper.late ? ', late paper' : ''}` : ''}  |  page ${n} of ${total}`;
  });

  addOutline(lib, out, [
    { title: plan.part === 'confidential' ? 'Confidential papers' : 'Notice and agenda', page: 0 },
    ...parts.map((p) => ({ title: clean(`${p.paper.item}. ${p.paper.title}${p.paper.late ? ' (late)' : ''}`), page: starts.get(p.paper.item)! - 1 })),
  ]);
  const bytes = await out.save({ useObjectStreams: false });
  return { bytes, pages: out.getPageCount(), starts, unreadable };
}

/** Sets the document's fixed metadata: the same records give the same bytes. */
function setMetadata(doc: PDFDocument, title: string): void {
  doc.setTitle(title);
  doc.setCreator('wep');
  doc.setProducer('wep (pdf-lib)');
  doc.setCreationDate(new Date(0));
  doc.setModificationDate(new Date(0));
}

/** Draws each page's footer (its text from `label`), on a white band; returns the font's sanitiser. */
function drawFooters(lib: PdfLib, doc: PDFDocument, font: PDFFont, label: (page: number, total: number) => string): (s: string) => string {
  const clean = makeSanitiser(font);
  const total = doc.getPageCount();
  doc.getPages().forEach((page, i) => {
    const text = clean(label(i + 1, total));
    const size = 8;
    const { width } = page.getSize();
    const w = font.widthOfTextAtSize(text, size);
    const x = Math.max(8, (width - w) / 2);
    // a white band, so a merged paper's own footer never makes the number unreadable
    page.drawRectangle({ x: x - 4, y: 18, width: w + 8, height: size + 6, color: lib.rgb(1, 1, 1) });
    page.drawText(text, { x, y: 21, size, font, color: lib.rgb(0.25, 0.25, 0.25) });
  });
  return clean;
}

/** A document of its own (the annual report) typeset as the pack's papers are, "page N of M" on every page. */
export async function renderDocumentPdf(blocks: readonly Block[], meta: { title: string; footer: string }): Promise<Uint8Array> {
  const lib = await loadExternal('pdf-lib');
  const doc = await typesetDoc(lib, blocks);
  setMetadata(doc, meta.title);
  drawFooters(lib, doc, await doc.embedFont(lib.StandardFonts.Helvetica), (n, total) => `${meta.footer}  |  page ${n} of ${total}`);
  return doc.save({ useObjectStreams: false });
}

/** A flat outline (bookmarks), one entry per part, each opening its first page. */
function addOutline(lib: PdfLib, doc: PDFDocument, entries: { title: string; page: number }[]): void {
  if (!entries.length) return;
  const { PDFName, PDFHexString, PDFNumber } = lib;
  const ctx = doc.context;
  const root = ctx.nextRef();
  const refs = entries.map(() => ctx.nextRef());
  const pages = doc.getPages();
  entries.forEach((e, i) => {
    const dict = ctx.obj({});
    dict.set(PDFName.of('Title'), PDFHexString.fromText(e.title));
    dict.set(PDFName.of('Parent'), root);
    dict.set(PDFName.of('Dest'), ctx.obj([pages[e.page]!.ref, PDFName.of('Fit')]));
    if (i > 0) dict.set(PDFName.of('Prev'), refs[i - 1]!);
    if (i < entries.length - 1) dict.set(PDFName.of('Next'), refs[i + 1]!);
    ctx.assign(refs[i]!, dict);
  });
  const outlines = ctx.obj({});
  outlines.set(PDFName.of('Type'), PDFName.of('Outlines'));
  outlines.set(PDFName.of('First'), refs[0]!);
  outlines.set(PDFName.of('Last'), refs[refs.length - 1]!);
  outlines.set(PDFName.of('Count'), PDFNumber.of(entries.length));
  ctx.assign(root, outlines);
  doc.catalog.set(PDFName.of('Outlines'), root);
  doc.catalog.set(PDFName.of('PageMode'), PDFName.of('UseOutlines'));
}
