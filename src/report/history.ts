/** `wep history`: the audit trail as the clerk reads it, and its --json shape. */
import type { ChalkInstance } from 'chalk';
import type { HistoryEvent, MeetingHistory } from '../core/history.js';

const LABEL: Record<HistoryEvent['kind'], string> = {
  written: 'written',
  'notice-written': 'notice written',
  sent: 'notice sent',
  'minutes-written': 'minutes written',
  circulated: 'circulated',
  recirculated: 're-circulated',
  amended: 'amended',
  approved: 'approved',
  signed: 'signed',
  confirmed: 'confirmed',
};

/** "a1b2c3d Test Clerk 2026-10-12 14:03" or the reason there is no commit. */
function commitText(e: HistoryEvent, c: ChalkInstance): string {
  if (!e.commit) return c.yellow('not committed: the record says so, but no commit has it yet');
  return `${c.cyan(e.commit.short)} ${e.commit.author}, ${e.commit.date.slice(0, 16).replace('T', ' ')}  ${c.dim(e.commit.subject)}`;
}

export function renderHistory(hs: readonly (MeetingHistory & { title: string; notes: string[]; diff?: string })[], c: ChalkInstance): string[] {
  const lines: string[] = [];
  for (const h of hs) {
    if (lines.length) lines.push('');
    lines.push(c.bold(h.title) + c.dim(`  ${h.id}`));
    for (const n of h.notes) lines.push(`  ${c.yellow('note:')} ${n}`);
    for (const e of h.events) {
      lines.push(`  ${LABEL[e.kind].padEnd(16)}${(e.date ?? '').padEnd(11)} ${commitText(e, c)}`);
      if (e.detail && e.kind !== 'written' && e.kind !== 'notice-written' && e.kind !== 'minutes-written') lines.push(`  ${''.padEnd(27)} ${e.detail}`);
    }
    if (h.diff) {
      lines.push('', `  Changes to minutes.md between circulation (${h.circulatedCommit?.short}) and approval (${h.approvedCommit?.short}):`, '');
      for (const l of h.diff.replace(/\n$/, '').split('\n')) lines.push(`    ${l.startsWith('+') && !l.startsWith('+++') ? c.green(l) : l.startsWith('-') && !l.startsWith('---') ? c.red(l) : l}`);
    }
  }
  return lines;
}

export function historyJson(hs: readonly (MeetingHistory & { title: string; notes: string[]; diff?: string })[], warnings: readonly string[]) {
  return {
    warnings,
    meetings: hs.map((h) => ({ id: h.id, title: h.title, notes: h.notes, events: h.events.map((e) => ({ kind: e.kind, date: e.date, commit: e.commit, detail: e.detail ?? null })), amendedDiff: h.diff ?? null })),
  };
}
