/** `wep meetings`: one line per meeting with its state, and the stable --json shape. */
import type { ChalkInstance } from 'chalk';
import { theName, theNames } from '../core/body-names.js';
import { formatShortDate } from '../core/dates.js';
import type { MeetingState } from '../core/meeting-state.js';

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

function left(n: number | null): string {
  if (n === null) return '';
  if (n > 0) return ` (${plural(n, 'working day')} left)`;
  if (n === 0) return ' (today)';
  return ` (${plural(-n, 'working day')} ago)`;
}

/** The state in words: "notice sent 25 Sep, on time", "minutes due by Mon 19 Oct 2026". */
export function describeState(s: MeetingState, c: ChalkInstance): string {
  const d = formatShortDate;
  const sentText = () =>
    s.notice.onTime ? `notice sent ${d(s.notice.sent!)}, on time` : `notice sent ${d(s.notice.sent!)}, ${plural(s.notice.workingDaysLate, 'working day')} late${s.notice.shortNotice ? ' (short notice agreed)' : ''}`;
  switch (s.state) {
    case 'cancelled':
      return c.dim('cancelled');
    case 'notice-due':
      return `notice due by ${d(s.notice.by)}${left(s.workingDaysLeft)}`;
    case 'notice-overdue':
      return c.red(`notice overdue: was due by ${d(s.notice.by)}${left(s.workingDaysLeft)}`);
    case 'notice-sent':
      return s.notice.onTime || s.notice.shortNotice ? c.green(sentText()) : c.yellow(sentText());
    case 'minutes-due':
      return `held; minutes due by ${d(s.minutes.by)}${left(s.workingDaysLeft)}`;
    case 'minutes-overdue':
      return c.red(`held; minutes overdue: were due by ${d(s.minutes.by)}${left(s.workingDaysLeft)}`);
    case 'circulated': {
      const when = s.minutes.circulated ? ` ${d(s.minutes.circulated)}` : '';
      const late = s.minutes.onTime === false ? `, ${plural(s.minutes.workingDaysLate, 'working day')} late` : s.minutes.onTime ? ', on time' : '';
      return `held; minutes circulated${when}${late}`;
    }
    case 'approved':
      return c.green(`held; minutes approved${s.minutes.approvedAt ? ` at ${s.minutes.approvedAt}` : ''}`);
    case 'signed':
      return c.green('held; minutes approved and signed');
  }
}

/** One line per meeting; `bodyName` when only the meetings of one body are listed. */
export function renderMeetings(states: readonly MeetingState[], c: ChalkInstance, bodyName?: string): string[] {
  if (states.length === 0) return [bodyName ? `No meetings of ${theName(bodyName)} yet.` : 'No meetings yet. Create one with "wep meeting new YYYY-MM-DD".'];
  const idWidth = Math.max(...states.map((s) => s.id.length));
  const joint = (s: MeetingState) => (s.jointWith.length ? c.dim(`  joint meeting of ${theNames([s.bodyName, ...s.jointWith.map((j) => j.name)])}`) : '');
  return states.map((s) => `${s.id.padEnd(idWidth)}  ${formatShortDate(s.date).padEnd(16)} ${s.start}  ${describeState(s, c)}${joint(s)}`);
}

/** The stable --json shape of `wep meetings`: one object per meeting, oldest first. */
export function meetingsJson(states: readonly MeetingState[]) {
  return states.map((s) => ({
    id: s.id,
    date: s.date,
    body: s.body,
    bodies: [s.body, ...s.jointWith.map((j) => j.id)],
    start: s.start,
    end: s.end,
    state: s.state,
    held: s.held,
    workingDaysLeft: s.workingDaysLeft,
    notice: s.notice,
    minutes: s.minutes,
  }));
}

/** How a command says which meeting it chose, the same words for every command (stderr). */
export function renderMeetingChoice(id: string, choice: 'given' | 'next' | 'latest-held', c: ChalkInstance): string[] {
  if (choice === 'given') return [];
  const which = choice === 'next' ? 'the next upcoming meeting' : 'the latest meeting held';
  return [c.dim(`wep: using ${id}, ${which} (choose another with --meeting ID)`)];
}
