/** What `wep pack` wrote, as lines for the terminal and as JSON. */
import type { Styles } from './output.js';
import type { WrittenPack } from '../io/pack-writer.js';

export function renderPackResult(meetingId: string, written: readonly WrittenPack[], show: (p: string) => string, c: Styles): string[] {
  const lines: string[] = [];
  if (!written.length) lines.push(`No pack written for ${meetingId}.`);
  for (const w of written) {
    const what = w.plan.part === 'confidential' ? c.red('confidential: members only, never publish') : w.plan.supplement ? 'supplement' : 'public';
    lines.push(`wrote ${show(w.path)}: ${w.pages} page${w.pages === 1 ? '' : 's'}, ${w.plan.papers.length} paper${w.plan.papers.length === 1 ? '' : 's'} (${what})${w.backup ? c.yellow(`  (your edited version kept as ${show(w.backup)})`) : ''}`);
    for (const p of w.plan.papers) lines.push(`  item ${p.item}: ${p.title}, page ${w.starts.get(p.item)}${p.late ? c.yellow(' (late)') : ''}`);
  }
  return lines;
}

export function packJson(meetingId: string, written: readonly WrittenPack[], show: (p: string) => string, warnings: string[], commit: string | null) {
  return {
    meeting: meetingId,
    packs: written.map((w) => ({
      path: show(w.path),
      part: w.plan.part,
      supplement: w.plan.supplement,
      pages: w.pages,
      backup: w.backup ? show(w.backup) : null,
      papers: w.plan.papers.map((p) => ({ item: p.item, title: p.title, paper: p.paper, format: p.format, late: p.late, page: w.starts.get(p.item) ?? null })),
    })),
    warnings,
    commit,
  };
}
