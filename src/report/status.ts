/** `wep status`: one screen, most urgent first. */
import type { ChalkInstance } from 'chalk';
import { formatLongDate, formatShortDate } from '../core/dates.js';
import type { Model } from '../core/model.js';
import type { FillMethod } from '../core/partnership-schema.js';
import type { StatusItem, StatusReport, Urgency } from '../core/status.js';

const plural = (n: number, w: string) => `${n} ${w}${n === 1 ? '' : 's'}`;
const wd = (n: number) => plural(n, 'working day');

/** Who fills a seat, and how: "Primary Heads elect a member to the seat". */
function fillText(how: FillMethod, group: string, vacant: boolean): string {
  switch (how) {
    case 'elected':
      return vacant ? `${group} elect a member to the seat` : `${group} elect a successor, or re-elect`;
    case 'appointed':
      return vacant ? `${group} appoint a member to the seat` : `${group} appoint a successor, or reappoint`;
    case 'co-opted':
      return vacant ? 'the body co-opts a member to the seat' : 'the body co-opts a successor, or reappoints';
  }
}

/** One item in words, with the command that deals with it. */
export function describeStatusItem(model: Model, i: StatusItem): { text: string; fix?: string } {
  const bodyName = (id: string) => model.bodies.get(id)?.name ?? id;
  const person = (id: string) => model.people.get(id)?.name ?? id;
  const group = (id: string) => model.groups.get(id)?.name ?? id;
  const m = (x: { body: string; date: string }) => `${bodyName(x.body)}, ${formatShortDate(x.date)}`;
  switch (i.kind) {
    case 'notice-overdue':
      return i.shortNotice
        ? { text: `Notice of ${m(i)} not yet sent; shorter notice agreed (${i.shortNotice})`, fix: `wep notice --meeting ${i.meeting}` }
        : { text: `Notice of ${m(i)} is LATE: not sent, deadline was ${formatShortDate(i.noticeBy)} (${wd(i.workingDaysLate)} ago)`, fix: `send it and record it: wep notice --meeting ${i.meeting} --sent, or record agreement: --short-notice-agreed "reason"` };
    case 'notice-due':
      return {
        text: `Send notice of ${m(i)} by ${formatShortDate(i.noticeBy)}: ${i.workingDaysLeft === 0 ? 'today is the last day' : `${wd(i.workingDaysLeft)} from today`}`,
        fix: `wep notice --meeting ${i.meeting}`,
      };
    case 'notice-sent-late':
      return { text: `Notice of ${m(i)} was sent ${formatShortDate(i.sent)}, ${wd(i.workingDaysLate)} after the deadline, with no shorter notice recorded`, fix: `wep notice --meeting ${i.meeting} --short-notice-agreed "reason"` };
    case 'minutes-overdue':
      return {
        text: `Minutes of ${m(i)} are OVERDUE: due ${formatShortDate(i.minutesBy)}, ${wd(i.workingDaysLate)} late${i.drafted ? ' (drafted in minutes.md)' : ' (not started)'}`,
        fix: i.drafted ? `circulate them, then: wep minutes --meeting ${i.meeting} --circulated` : `wep minutes --meeting ${i.meeting}`,
      };
    case 'minutes-due':
      return {
        text: `Minutes of ${m(i)} due by ${formatShortDate(i.minutesBy)}: ${wd(i.workingDaysLeft)} left${i.drafted ? ' (drafted in minutes.md)' : ' (not started)'}`,
        fix: i.drafted ? `circulate them, then: wep minutes --meeting ${i.meeting} --circulated` : `wep minutes --meeting ${i.meeting}`,
      };
    case 'approval-missed':
      return { text: `Minutes of ${m(i)} were circulated but are not recorded as approved, and the next meeting (${i.nextMeeting}) has been held`, fix: `wep minutes --meeting ${i.meeting} --approved-at ${i.nextMeeting}` };
    case 'approval-pending':
      return { text: `Minutes of ${m(i)} circulated, to be approved${i.nextMeeting ? ` at ${i.nextMeeting}` : ' at the next meeting'}` };
    case 'signature-pending':
      return { text: `Minutes of ${m(i)} approved at ${i.approvedAt}, not yet signed by the chair`, fix: `wep minutes --meeting ${i.meeting} --signed` };
    case 'decision-unconfirmed':
      return {
        text: `Decision ${i.ref} (${m(i)}, item ${i.item}) was taken while not quorate: it awaits confirmation by a quorate meeting: ${i.text}`,
        fix: `once a quorate meeting confirms it: wep decisions confirm ${i.ref} --at MEETING --item N`,
      };
    case 'action-overdue':
      return { text: `Action ${i.ref} OVERDUE by ${plural(i.daysOverdue, 'day')} (due ${formatShortDate(i.due)}, ${person(i.owner)}): ${i.text}`, fix: `wep actions done ${i.ref}` };
    case 'action-due':
      return { text: `Action ${i.ref} due ${i.daysLeft === 0 ? 'today' : `in ${plural(i.daysLeft, 'day')}`} (${person(i.owner)}): ${i.text}` };
    case 'actions-open':
      return { text: `${plural(i.open, 'open action')}${i.overdue ? `, ${i.overdue} overdue` : ''}`, fix: 'wep actions --open' };
    case 'vacancy': {
      const since = i.since ? ` since ${formatShortDate(i.since)}${i.lastHeldBy ? ` (${person(i.lastHeldBy)}'s term ended)` : ''}` : '';
      return { text: `${group(i.group)}: ${i.vacant} of ${plural(i.seats, 'seat')} vacant${since}; ${fillText(i.filledBy, group(i.group), true)}`, fix: 'add the new member\'s appointment (with "from:") in partnership.yaml; wep members shows the seats' };
    }
    case 'term-ending': {
      const where = i.body ? bodyName(i.body) : i.group ? group(i.group) : undefined;
      return {
        text: `${person(i.person)}'s term of office${where ? ` (${where})` : ''} ends ${formatShortDate(i.end)} (in ${plural(i.daysLeft, 'day')}); ${fillText(i.filledBy, i.group ? group(i.group) : 'the body', false)}`,
        fix: 'when it is decided, end the appointment ("to:") and add the next one in partnership.yaml',
      };
    }
    case 'uncommitted':
      return {
        text: `${plural(i.files.length, 'record file')} not committed to git: ${i.files.slice(0, 4).join(', ')}${i.files.length > 4 ? ', ...' : ''}`,
        fix: 'commit them (git add ... && git commit), or use --commit on the command that wrote them',
      };
    case 'no-git':
      return { text: 'The records are not in a git repository: there is no history of changes', fix: 'git init && git add -A && git commit -m "records"' };
  }
}

const HEADINGS: Record<Urgency, string> = { overdue: 'Overdue', due: 'Due now', upcoming: 'Coming up', info: 'For information' };

/** At most this many items per heading; the rest are counted. */
export const MAX_PER_HEADING = 12;

export function renderStatus(model: Model, r: StatusReport, c: ChalkInstance): string[] {
  const lines = [c.bold(`${model.file.partnership.short}: status on ${formatLongDate(r.today)}`), ''];
  if (r.next.length === 0) lines.push('No upcoming meetings in meetings/ ("wep meeting new YYYY-MM-DD" creates one).');
  for (const n of r.next) {
    const notice = n.noticeSent
      ? c.green(`notice sent ${formatShortDate(n.noticeSent)}`)
      : n.workingDaysToNotice >= 0
        ? `notice by ${formatShortDate(n.noticeBy)} (${n.workingDaysToNotice === 0 ? 'today' : `in ${wd(n.workingDaysToNotice)}`})`
        : c.red(`notice deadline ${formatShortDate(n.noticeBy)} passed ${wd(-n.workingDaysToNotice)} ago`);
    lines.push(`Next: ${c.bold(model.bodies.get(n.body)?.name ?? n.body)}, ${formatLongDate(n.date)} at ${n.start}; ${notice}`);
  }
  const colour: Record<Urgency, (s: string) => string> = { overdue: c.red.bold, due: c.yellow.bold, upcoming: c.cyan.bold, info: c.dim };
  for (const u of ['overdue', 'due', 'upcoming', 'info'] as const) {
    const these = r.items.filter((i) => i.urgency === u);
    if (!these.length) continue;
    lines.push('', colour[u](`${HEADINGS[u]} (${these.length})`));
    for (const i of these.slice(0, MAX_PER_HEADING)) {
      const d = describeStatusItem(model, i);
      lines.push(`  - ${d.text}`);
      if (d.fix && u !== 'info') lines.push(c.dim(`      ${d.fix}`));
    }
    if (these.length > MAX_PER_HEADING) lines.push(c.dim(`  ... and ${these.length - MAX_PER_HEADING} more (wep status --json lists them all)`));
  }
  if (!r.items.some((i) => i.urgency === 'overdue' || i.urgency === 'due')) lines.push('', c.green('Nothing is overdue or due now.'));
  return lines;
}

/** The stable --json shape. */
export function statusJson(model: Model, r: StatusReport) {
  return {
    today: r.today,
    next: r.next,
    items: r.items.map((i) => ({ ...i, message: describeStatusItem(model, i).text, fix: describeStatusItem(model, i).fix ?? null })),
  };
}
