/** The decisions register as the clerk reads it, and its stable --json shape. */
import type { ChalkInstance } from 'chalk';
import { formatShortDate } from '../core/dates.js';
import type { DecisionEntry } from '../core/decisions.js';
import type { Votes } from '../core/meeting-schema.js';

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
      d.quorate === null
        ? c.dim('quorum not known (no attendance recorded)')
        : d.quorate
          ? c.green('quorate')
          : d.standing === 'confirmed'
            ? `${c.yellow('not quorate')}, ${c.green(`confirmed at ${d.confirmation!.at}${d.confirmation!.item ? ` item ${d.confirmation!.item}` : ''}`)}`
            : c.red.bold('NOT QUORATE: the decision is not valid until a quorate meeting confirms it');
    const short = d.quorum && !d.quorum.quorate ? d.quorum.rules.filter((r) => !r.met).map((r) => `${r.description}: short by ${r.shortBy}`) : [];
    lines.push(`  ${d.ref.slice(d.meetingId.length + 1).padEnd(4)} item ${d.item} (${d.itemTitle})${d.confidential ? c.yellow(' confidential') : ''}${d.fromMinutesFile ? c.dim(' from minutes.md') : ''}`);
    if (d.minuteRef) lines.push(`       minute ${d.minuteRef}`);
    lines.push(`       ${d.text}`);
    if (d.votes) lines.push(`       ${formatVoteLine(d.votes)}`);
    lines.push(`       ${q}`);
    if (d.confirmation?.problem) lines.push(`       ${c.red(`confirmation at ${d.confirmation.at} does not count: ${d.confirmation.problem}`)}`);
    for (const s of short) lines.push(`       ${c.red(s)}`);
  }
  const bad = ds.filter((d) => d.standing === 'awaiting-confirmation').length;
  const confirmed = ds.filter((d) => d.standing === 'confirmed').length;
  lines.push(
    '',
    `${ds.length} decision${ds.length === 1 ? '' : 's'}${bad ? `, ${c.red(`${bad} taken while not quorate, awaiting confirmation`)}` : ''}${confirmed ? `, ${confirmed} confirmed by a later quorate meeting` : ''}`,
  );
  return lines;
}

/** "Vote: 9 for, 1 against, 2 abstentions (carried)". */
export function formatVoteLine(v: Votes): string {
  const outcome = v.for > v.against ? 'carried' : 'not carried';
  return `vote: ${v.for} for, ${v.against} against${v.abstentions !== undefined ? `, ${v.abstentions} abstention${v.abstentions === 1 ? '' : 's'}` : ''} (${outcome})`;
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
    votes: d.votes ?? null,
    minuteRef: d.minuteRef ?? null,
    standing: d.standing,
    confirmation: d.confirmation,
  };
}
