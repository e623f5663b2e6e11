/**
 * A Word document (.docx) from the Markdown model (core/md-blocks): headings, the numbered
 * agenda as a real numbered list, tables with borders, and DECISION and ACTION lines set apart
 * so a reader finds them. The `docx` package is loaded here only, by the commands that write
 * Word (it is external in the bundle).
 */
import type { Block, Run } from '../core/md-blocks.js';
import { loadExternal } from '../io/external.js';

const NUMBERED = 'wep-numbered';
const BULLETS = 'wep-bullets';
/** DECISION: and ACTION: at the start of a paragraph, as the minutes write them. */
const KEYWORD = /^(DECISION|ACTION|DECISIONS|ACTIONS)(:)\s*/;

export interface DocxMeta {
  title: string;
  subject?: string;
  creator?: string;
}

/** The .docx bytes of `blocks`. */
export async function renderDocx(blocks: readonly Block[], meta: DocxMeta): Promise<Uint8Array> {
  const d = await loadExternal('docx');
  const { Paragraph, TextRun, HeadingLevel, Table, TableRow, TableCell, WidthType, BorderStyle, ExternalHyperlink, AlignmentType, LevelFormat, ShadingType } = d;
  const headings = [HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3, HeadingLevel.HEADING_4, HeadingLevel.HEADING_5, HeadingLevel.HEADING_6];
  let listInstance = 0;

  const runs = (rs: readonly Run[], extra: { bold?: boolean } = {}) =>
    rs.flatMap((r) => {
      const parts = r.text.split('\n');
      return parts.map((text, i) => {
        const run = new TextRun({ text, bold: r.bold || extra.bold, italics: r.italic, font: r.code ? 'Consolas' : undefined, break: i > 0 ? 1 : undefined, style: r.href ? 'Hyperlink' : undefined });
        return r.href && /^(https?|mailto):/i.test(r.href) ? new ExternalHyperlink({ link: r.href, children: [run] }) : run;
      });
    });

  function paragraph(rs: readonly Run[], opts: Record<string, unknown> = {}) {
    const first = rs[0];
    const m = first ? KEYWORD.exec(first.text) : null;
    if (m && first) {
      // DECISION: / ACTION: lines: the keyword in bold capitals, the line boxed on the left
      const rest = [{ ...first, text: first.text.slice(m[0].length) }, ...rs.slice(1)];
      return new Paragraph({
        ...opts,
        children: [new TextRun({ text: `${m[1]}: `, bold: true }), ...runs(rest)],
        border: { left: { style: BorderStyle.SINGLE, size: 18, color: m[1]!.startsWith('DECISION') ? '1D4F91' : 'B35900', space: 6 } },
        shading: { type: ShadingType.CLEAR, fill: m[1]!.startsWith('DECISION') ? 'EEF2F7' : 'FFF4E5', color: 'auto' },
        spacing: { before: 80, after: 80 },
      });
    }
    return new Paragraph({ ...opts, children: runs(rs) });
  }

  function blocksOf(bs: readonly Block[], level = 0, instance?: number, ordered?: boolean): (InstanceType<typeof Paragraph> | InstanceType<typeof Table>)[] {
    const out: (InstanceType<typeof Paragraph> | InstanceType<typeof Table>)[] = [];
    for (const b of bs) {
      switch (b.kind) {
        case 'heading':
          out.push(new Paragraph({ heading: headings[Math.min(b.level, 6) - 1], children: runs(b.runs) }));
          break;
        case 'paragraph':
          out.push(paragraph(b.runs, instance !== undefined ? { numbering: { reference: ordered ? NUMBERED : BULLETS, level, instance } } : {}));
          break;
        case 'list': {
          const inst = ++listInstance;
          for (const item of b.items) {
            // the item's first paragraph carries the number; the rest are indented beneath it
            const [first, ...rest] = item;
            if (first?.kind === 'paragraph') out.push(paragraph(first.runs, { numbering: { reference: b.ordered ? NUMBERED : BULLETS, level: Math.min(level, 8), instance: inst } }));
            else if (first) out.push(...blocksOf([first], level + 1));
            for (const r of rest) {
              if (r.kind === 'paragraph') out.push(paragraph(r.runs, { indent: { left: 720 * (level + 1) } }));
              else out.push(...blocksOf([r], r.kind === 'list' ? level + 1 : level));
            }
          }
          break;
        }
        case 'table': {
          const cols = Math.max(b.header.length, ...b.rows.map((r) => r.length), 1);
          const cell = (rs: Run[] | undefined, head: boolean) =>
            new TableCell({
              children: [new Paragraph({ children: runs(rs ?? [], { bold: head }) })],
              shading: head ? { type: ShadingType.CLEAR, fill: 'EEF2F7', color: 'auto' } : undefined,
              width: { size: Math.floor(100 / cols), type: WidthType.PERCENTAGE },
            });
          const rows = [];
          if (b.header.length) rows.push(new TableRow({ tableHeader: true, children: Array.from({ length: cols }, (_, i) => cell(b.header[i], true)) }));
          for (const r of b.rows) rows.push(new TableRow({ children: Array.from({ length: cols }, (_, i) => cell(r[i], false)) }));
          out.push(new Table({ rows, width: { size: 100, type: WidthType.PERCENTAGE } }));
          out.push(new Paragraph({ children: [] }));
          break;
        }
        case 'code':
          for (const line of b.text.split('\n')) out.push(new Paragraph({ children: [new TextRun({ text: line, font: 'Consolas' })] }));
          break;
        case 'quote':
          for (const p of blocksOf(b.blocks, level)) out.push(p);
          break;
        case 'rule':
          out.push(new Paragraph({ children: [], border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: '999999', space: 1 } } }));
          break;
      }
    }
    return out;
  }

  const levels = (format: (typeof LevelFormat)[keyof typeof LevelFormat], text: (n: number) => string) =>
    Array.from({ length: 9 }, (_, n) => ({ level: n, format, text: text(n), alignment: AlignmentType.START, style: { paragraph: { indent: { left: 720 * (n + 1), hanging: 360 } } } }));
  const doc = new d.Document({
    title: meta.title,
    subject: meta.subject,
    creator: meta.creator ?? 'wep',
    styles: { default: { document: { run: { font: 'Arial', size: 22 } } } },
    numbering: {
      config: [
        { reference: NUMBERED, levels: levels(LevelFormat.DECIMAL, (n) => `%${n + 1}.`) },
        { reference: BULLETS, levels: levels(LevelFormat.BULLET, (n) => (n % 2 ? '\u25e6' : '\u2022')) },
      ],
    },
    sections: [{ children: blocksOf(blocks) }],
  });
  return new Uint8Array(await d.Packer.toBuffer(doc));
}
