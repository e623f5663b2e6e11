/**
 * The annual report as Markdown or HTML. Both come from one list of sections, so they say
 * the same thing. Word and PDF are further renderers of the same sections: the seam is
 * `annualSections` (a title, paragraphs and tables), which a .docx or PDF writer can walk.
 */
import { attendanceRate, type Tally } from '../core/attendance-report.js';
import type { AnnualMeeting, AnnualReport } from '../core/annual-report.js';
import { formatLongDate, formatShortDate } from '../core/dates.js';

export interface Table {
  head: string[];
  /** Columns aligned right (numbers). */
  numeric?: number[];
  rows: string[][];
}
export interface Section {
  heading: string;
  paragraphs: string[];
  tables: Table[];
}
export interface AnnualDocument {
  title: string;
  subtitle: string;
  sections: Section[];
}

const plural = (n: number, w: string) => `${n} ${w}${n === 1 ? '' : 's'}`;
const pct = (t: Tally) => {
  const r = attendanceRate(t);
  return r === null ? '' : `${r}%`;
};
const tallyCells = (t: Tally) => [String(t.meetings), String(t.present), String(t.proxy), String(t.apologies), String(t.absent), pct(t)];
const TALLY_HEAD = ['Meetings', 'Present', 'By proxy', 'Apologies', 'Absent', 'Attended'];

function deadlineCell(o: AnnualMeeting['notice'] | AnnualMeeting['minutes'], what: 'sent' | 'circulated'): string {
  if (o.onTime === null) return `not recorded (due ${formatShortDate(o.by)})`;
  if (o.onTime) return `${what} ${formatShortDate(o.done!)}, on time`;
  return `${what} ${formatShortDate(o.done!)}, ${plural(o.workingDaysLate, 'working day')} late`;
}

/** The report as sections: what every format renders. */
export function annualSections(r: AnnualReport, bodyName?: string): AnnualDocument {
  const s = r.summary;
  const sections: Section[] = [];
  sections.push({
    heading: 'Summary',
    paragraphs: [
      `${plural(s.held, 'meeting')} held${s.cancelled ? `, ${s.cancelled} cancelled` : ''}, of ${s.scheduled} scheduled between ${formatLongDate(r.from)} and ${formatLongDate(r.to)}.`,
      `Quorate: ${s.quorate} of ${s.held}${s.inquorate ? `; not quorate: ${s.inquorate}` : ''}${s.quorumUnknown ? `; attendance not recorded: ${s.quorumUnknown}` : ''}.`,
      `Notice on time: ${s.noticeOnTime} of ${s.held}${s.noticeLate ? `; late: ${s.noticeLate}` : ''}${s.noticeNotRecorded ? `; not recorded: ${s.noticeNotRecorded}` : ''}. Minutes circulated on time: ${s.minutesOnTime} of ${s.held}${s.minutesLate ? `; late: ${s.minutesLate}` : ''}${s.minutesOutstanding ? `; not yet circulated: ${s.minutesOutstanding}` : ''}.`,
      `Decisions: ${r.decisions.list.length}${r.decisions.counts.confirmed ? `, of which ${r.decisions.counts.confirmed} taken while not quorate and confirmed by a later quorate meeting` : ''}${r.decisions.counts['awaiting-confirmation'] ? `; ${r.decisions.counts['awaiting-confirmation']} taken while not quorate and still awaiting confirmation` : ''}. Actions: ${r.actions.set} set, ${r.actions.completed} completed, ${r.actions.open} open, ${r.actions.overdue} overdue.`,
    ],
    tables: [],
  });
  sections.push({
    heading: 'Deadline rules',
    paragraphs: r.bodies.map((b) => `${b.name}: notice ${b.noticeRule}; minutes ${b.minutesRule}. Working days are Monday to Friday, excluding bank holidays and the partnership's closure days.`),
    tables: [],
  });
  sections.push({
    heading: 'Meetings',
    paragraphs: r.meetings.length ? [] : ['No meetings in the records for this year.'],
    tables: r.meetings.length
      ? [
          {
            head: ['Date', 'Body', 'Held', 'Quorate', 'Notice', 'Minutes', 'Status'],
            rows: r.meetings.map((m) => [
              formatShortDate(m.date),
              m.bodyName,
              m.cancelled ? 'cancelled' : m.held ? 'yes' : 'not yet',
              m.quorate === null ? (m.held ? 'not recorded' : '') : m.quorate ? 'yes' : 'NO',
              m.cancelled ? '' : `${deadlineCell(m.notice, 'sent')}${m.notice.shortNotice && m.notice.onTime === false ? ` (shorter notice agreed: ${m.notice.shortNotice})` : ''}`,
              m.held ? deadlineCell(m.minutes, 'circulated') : '',
              m.held ? m.minutes.status : '',
            ]),
          },
        ]
      : [],
  });
  const a = r.attendance;
  sections.push({
    heading: 'Attendance',
    paragraphs: [
      `${plural(a.meetings.length, 'meeting')} with attendance recorded${a.unrecorded.length ? `; not recorded: ${a.unrecorded.join(', ')}` : ''}. "Attended" counts meetings attended in person or through a proxy.`,
    ],
    tables: [
      { head: ['Member', 'Group', ...TALLY_HEAD], numeric: [2, 3, 4, 5, 6, 7], rows: a.people.map((p) => [p.name, p.groupName ?? '', ...tallyCells(p)]) },
      { head: ['Partner group', 'Members', ...TALLY_HEAD], numeric: [1, 2, 3, 4, 5, 6, 7], rows: a.groups.map((g) => [g.name, String(g.members), ...tallyCells(g)]) },
      ...(r.schools.length ? [{ head: ['School', ...TALLY_HEAD], numeric: [1, 2, 3, 4, 5, 6], rows: r.schools.map((x) => [x.name, ...tallyCells(x)]) }] : []),
      ...(a.schools.length ? [{ head: ['Meeting', 'Schools represented'], rows: a.schools.map((x) => [formatShortDate(x.date), `${x.represented} out of ${x.total} schools`]) }] : []),
    ],
  });
  const standing = { valid: 'quorate', confirmed: 'confirmed', 'awaiting-confirmation': 'NOT QUORATE: awaiting confirmation', unknown: 'quorum not recorded' } as const;
  sections.push({
    heading: 'Decisions',
    paragraphs: r.decisions.list.length ? [] : ['No decisions recorded.'],
    tables: r.decisions.list.length
      ? [
          {
            head: ['Meeting', 'Item', 'Decision', 'Vote', 'Standing'],
            rows: r.decisions.list.map((d) => [
              `${formatShortDate(d.date)}${d.minuteRef ? ` (${d.minuteRef})` : ''}`,
              `${d.item}. ${d.itemTitle}`,
              d.text ?? 'Confidential: not published',
              d.votes ? `${d.votes.for} for, ${d.votes.against} against${d.votes.abstentions !== undefined ? `, ${d.votes.abstentions} abstained` : ''}` : '',
              d.standing === 'confirmed' && d.confirmation ? `confirmed at ${formatShortDate(d.confirmation.date ?? d.confirmation.at.slice(0, 10))}` : standing[d.standing],
            ]),
          },
        ]
      : [],
  });
  sections.push({
    heading: 'Actions',
    paragraphs: [`${plural(r.actions.set, 'action')} set, ${r.actions.completed} completed, ${r.actions.open} open, ${r.actions.overdue} overdue.`],
    tables: r.actions.overdueList.length ? [{ head: ['Action', 'Set', 'Due', 'Text'], rows: r.actions.overdueList.map((x) => [x.ref, formatShortDate(x.meetingDate), x.due ? formatShortDate(x.due) : '', x.text]) }] : [],
  });
  return { title: `${r.partnership}: annual report ${r.year}`, subtitle: `${bodyName ?? 'All bodies'}, ${formatLongDate(r.from)} to ${formatLongDate(r.to)}`, sections };
}

const mdCell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

export function renderAnnualMarkdown(doc: AnnualDocument): string {
  const out = [`# ${doc.title}`, '', doc.subtitle, ''];
  for (const s of doc.sections) {
    out.push(`## ${s.heading}`, '');
    for (const p of s.paragraphs) out.push(p, '');
    for (const t of s.tables) {
      out.push(`| ${t.head.map(mdCell).join(' | ')} |`, `|${t.head.map((_, i) => (t.numeric?.includes(i) ? '---:' : '---')).join('|')}|`);
      for (const r of t.rows) out.push(`| ${r.map(mdCell).join(' | ')} |`);
      out.push('');
    }
  }
  return `${out.join('\n').trimEnd()}\n`;
}

const h = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export function renderAnnualHtml(doc: AnnualDocument): string {
  const body: string[] = [`<h1>${h(doc.title)}</h1>`, `<p>${h(doc.subtitle)}</p>`];
  for (const s of doc.sections) {
    body.push(`<h2>${h(s.heading)}</h2>`);
    for (const p of s.paragraphs) body.push(`<p>${h(p)}</p>`);
    for (const t of s.tables) {
      const cls = (i: number) => (t.numeric?.includes(i) ? ' class="num"' : '');
      body.push(
        '<table>',
        `<thead><tr>${t.head.map((c, i) => `<th scope="col"${cls(i)}>${h(c)}</th>`).join('')}</tr></thead>`,
        '<tbody>',
        ...t.rows.map((r) => `<tr>${r.map((c, i) => `<td${cls(i)}>${h(c)}</td>`).join('')}</tr>`),
        '</tbody>',
        '</table>',
      );
    }
  }
  return `<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${h(doc.title)}</title>
<style>
body { font-family: system-ui, sans-serif; max-width: 60rem; margin: 2rem auto; padding: 0 1rem; line-height: 1.5; color: #1a1a1a; }
table { border-collapse: collapse; width: 100%; margin: 1rem 0; }
th, td { border: 1px solid #999; padding: 0.3rem 0.5rem; text-align: left; vertical-align: top; }
.num { text-align: right; }
@media print { body { margin: 0; max-width: none; } }
</style>
</head>
<body>
<main>
${body.join('\n')}
</main>
</body>
</html>
`;
}
