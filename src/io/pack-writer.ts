/**
 * Writes a meeting's agenda packs: reads the papers from the meeting folder (Markdown as
 * blocks, PDFs as bytes), has report/pdf-pack.ts draw each pack, and writes them under the
 * rule for generated documents (io/documents.ts: an edited pack is not overwritten). Used by
 * `wep pack` and by `wep send`, which attaches the packs it finds.
 */
import { join } from 'node:path';
import { formatLongDate } from '../core/dates.js';
import type { PackPaper, PackPlan } from '../core/pack.js';
import type { NoticeView } from '../core/notice.js';
import type { PaperContent } from '../report/pdf-pack.js';
import { markdownBlocks, writeBinaryGenerated } from './documents.js';
import type { WriteResult } from './generated.js';
import { decodeRecordText } from './guarded-read.js';
import type { PaperFile } from './papers.js';

export interface WrittenPack extends WriteResult {
  plan: PackPlan;
  pages: number;
  starts: Map<number, number>;
  unreadable: PackPaper[];
}

/** Draws and writes each planned pack into the meeting folder. */
export async function writePacks(
  dir: string,
  view: NoticeView,
  plans: readonly PackPlan[],
  all: readonly PackPaper[],
  files: readonly PaperFile[],
  opts: { force?: boolean; display?: (p: string) => string } = {},
): Promise<WrittenPack[]> {
  const { renderPack } = await import('../report/pdf-pack.js');
  const byPaper = new Map(files.map((f) => [f.paper, f]));
  const contents = new Map<number, PaperContent>();
  for (const p of all) {
    const f = byPaper.get(p.paper);
    if (!f) continue;
    if (p.format === 'markdown') contents.set(p.item, { blocks: await markdownBlocks(decodeRecordText(f.bytes, f.paper).text) });
    else if (p.format === 'pdf') contents.set(p.item, { pdf: f.bytes });
  }
  const out: WrittenPack[] = [];
  for (const plan of plans) {
    const what = plan.part === 'confidential' ? 'confidential papers' : plan.supplement ? 'supplementary agenda pack' : 'agenda pack';
    const r = await renderPack(view, plan, all, contents, {
      title: `${view.partnership.short}: ${view.body.name}, ${view.dateLong}: ${what}`,
      footer: `${view.partnership.short} ${view.body.name}, ${formatLongDate(view.date)}${plan.part === 'confidential' ? ', CONFIDENTIAL' : ''}`,
    });
    const path = join(dir, plan.file);
    const w = writeBinaryGenerated(path, r.bytes, { force: opts.force, display: opts.display?.(path) });
    out.push({ ...w, plan, pages: r.pages, starts: r.starts, unreadable: r.unreadable });
  }
  return out;
}
