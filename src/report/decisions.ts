/** The decisions register as the clerk reads it, and its stable --json shape. */
import type { ChalkInstance } from 'chalk';
import { formatShortDate } from '../core/dates.js';
import type { DecisionEntry } from '../core/decisions.js';

export function renderDecisions(ds: readonly DecisionEntry[], c: ChalkInstance): string[] {
  if (ds.length === 0) return ['No decisions recorded yet.'];
  const lines: string[] = [];
  let meeting = '';
  for (const d of ds) {
    if (d.meetingId !== meeting) {
      meeting = d.meetingId;
      if (lines.length) lines.push('');
      lines.push(c.bold(`${d.bodyName}, ${formatShortDate(d.date)}`) + c.dim(`  ${d.meetingId}`));
    }
    const q =
      d.quorate === null ? c.dim('quorum not known (no attendance recorded)') : d.quorate ? c.green('quorate') : c.red.bold('NOT QUORATE: the decision is not valid until a quorate meeting confirms it');
    const short = d.quorum && !d.quorum.quorate ? d.quorum.rules.filter((r) => !r.met).map((r) => `${r.description}: short by ${r.shortBy}`) : [];
    lines.push(`  ${d.ref.slice(d.meetingId.length + 1).padEnd(4)} item ${d.item} (${d.itemTitle})${d.confidential ? c.yellow(' confidential') : ''}${d.fromMinutesFile ? c.dim(' from minutes.md') : ''}`);
    lines.push(`       ${d.text}`);
    lines.push(`       ${q}`);
    for (const s of short) lines.push(`       ${c.red(s)}`);
  }
  const bad = ds.filter((d) => d.quorate === false).length;
  lines.push('', `${ds.length} decision${ds.length === 1 ? '' : 's'}${bad ? `, ${c.red(`${bad} taken while not quorate`)}` : ''}`);
  return lines;
}

/** The stable --json shape of one decision. */
export function decisionJson(d: DecisionEntry) {
  return {
    ref: d.ref,
    meeting: d.meetingId,
    date: d.date,
    body: d.body,
    item: d.item,
    itemTitle: d.itemTitle,
    text: d.text,
    confidential: d.confidential,
    quorate: d.quorate,
    shortfall: d.quorum && !d.quorum.quorate ? d.quorum.rules.filter((r) => !r.met).map((r) => ({ rule: r.description, required: r.required, counted: r.counted, shortBy: r.shortBy })) : [],
    fromMinutesFile: d.fromMinutesFile,
  };
}
