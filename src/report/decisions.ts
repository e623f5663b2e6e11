/** The decisions register as the clerk reads it, and its stable --json shape. */
import type { ChalkInstance } from 'chalk';
import { theName, theNames } from '../core/body-names.js';
import { formatShortDate } from '../core/dates.js';
import type { DecisionEntry } from '../core/decisions.js';
import type { Votes } from '../core/meeting-schema.js';

/** "quorate", "not quorate" or "quorum not known", for one body of a joint meeting. */
const quorumWord = (q: boolean | null, c: ChalkInstance) => (q === null ? c.dim('quorum not known') : q ? c.green('quorate') : c.red('not quorate'));

/** The decisions register; `bodyName` when it is one body's register (`--body`). */
export function renderDecisions(ds: readonly DecisionEntry[], c: ChalkInstance, bodyName?: string): string[] {
  if (ds.length === 0) return [bodyName ? `No decisions of ${theName(bodyName)} recorded yet.` : 'No decisions recorded yet.'];
  const lines: string[] = [];
  let meeting = '';
  for (const d of ds) {
    if (d.meetingId !== meeting) {
      meeting = d.meetingId;
      if (lines.length) lines.push('');
      const who = d.joint ? `Joint meeting of ${theNames(d.joint.map((q) => q.bodyName))}` : d.bodyName;
      lines.push(c.bold(`${who}, ${formatShortDate(d.date)}`) + c.dim(`  ${d.meetingId}`));
    }
    const q =
      d.quorate === null
        ? c.dim('quorum not known (no attendance recorded)')
        : d.quorate
          ? c.green('quorate')
          : d.standing === 'confirmed'
            ? `${c.yellow('not quorate')}, ${c.green(`confirmed at ${d.confirmation!.at}${d.confirmation!.item ? ` item ${d.confirmation!.item}` : ''}`)}`
            : c.red.bold('NOT QUORATE: the decision is not valid until a quorate meeting confirms it');
    // a joint meeting: each body's shortfall, named; otherwise the body's own
    const shortOf = (q: DecisionEntry['quorum'], whose = '') => (q && !q.quorate ? q.rules.filter((r) => !r.met).map((r) => `${whose}${r.description}: short by ${r.shortBy}`) : []);
    const short = d.joint ? d.joint.filter((q) => bodyName === undefined || q.body === d.body).flatMap((q) => shortOf(q.quorum, `${q.bodyName}: `)) : shortOf(d.quorum);
    lines.push(`  ${d.ref.slice(d.meetingId.length + 1).padEnd(4)} item ${d.item} (${d.itemTitle})${d.confidential ? c.yellow(' confidential') : ''}${d.fromMinutesFile ? c.dim(' from minutes.md') : ''}`);
    if (d.minuteRef) lines.push(`       minute ${d.minuteRef}`);
    lines.push(`       ${d.text}`);
    if (d.votes) lines.push(`       ${formatVoteLine(d.votes)}`);
    lines.push(`       ${q}`);
    if (d.joint) lines.push(`       ${d.joint.map((j) => `${j.bodyName}: ${quorumWord(j.quorate, c)}`).join('; ')}`);
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
    bodies: d.bodies,
    joint: d.joint ? d.joint.map((j) => ({ body: j.body, quorate: j.quorate, shortfall: shortfallJson(j.quorum) })) : null,
    item: d.item,
    itemTitle: d.itemTitle,
    text: d.text,
    confidential: d.confidential,
    quorate: d.quorate,
    shortfall: shortfallJson(d.quorum),
    fromMinutesFile: d.fromMinutesFile,
    votes: d.votes ?? null,
    minuteRef: d.minuteRef ?? null,
    standing: d.standing,
    confirmation: d.confirmation,
  };
}

/** The rules not met, in the --json shape. */
function shortfallJson(q: DecisionEntry['quorum']) {
  return q && !q.quorate ? q.rules.filter((r) => !r.met).map((r) => ({ rule: r.description, required: r.required, counted: r.counted, shortBy: r.shortBy })) : [];
}
