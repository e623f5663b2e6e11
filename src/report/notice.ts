/** What `wep notice` says about the deadline and the files it wrote. */
import type { ChalkInstance } from 'chalk';
import { formatLongDate } from '../core/dates.js';
import type { NoticeTiming } from '../core/notice.js';

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** Lines about the notice deadline. Late notice is explained: the rule, and how to record an agreement. */
export function renderNoticeTiming(t: NoticeTiming, meetingId: string, c: ChalkInstance): { out: string[]; err: string[] } {
  const deadline = formatLongDate(t.deadline);
  if (t.status === 'on-time') {
    if (t.sent) return { out: [c.green(`Notice sent on ${formatLongDate(t.date)}: on time (deadline ${deadline}, ${t.rule}).`)], err: [] };
    const left = t.workingDaysLeft === 0 ? 'today is the last day' : `${plural(t.workingDaysLeft, 'working day')} left`;
    const out = [`Notice deadline: ${c.bold(deadline)} (${t.rule}); ${left}.`];
    if (t.date <= t.safeDeadline) out.push(c.dim(`  Safe date on the strict reading: ${formatLongDate(t.safeDeadline)}.`));
    return { out, err: [] };
  }
  const what = t.sent ? `The notice sent on ${formatLongDate(t.date)}` : `Sent today (${formatLongDate(t.date)}), the notice`;
  const late = `${plural(t.workingDaysLate, 'working day')} late`;
  if (t.status === 'short-notice-agreed') {
    const who = t.shortNotice!.agreedBy.length ? ` by ${t.shortNotice!.agreedBy.join(', ')}` : '';
    return { out: [`${what} ${t.sent ? 'was' : 'is'} ${late} under the rule (${t.rule}; deadline ${deadline}), but shorter notice was agreed${who}: ${t.shortNotice!.reason}.`], err: [] };
  }
  return {
    out: [],
    err: [
      `${c.yellow('warning:')} ${what} ${t.sent ? 'was' : 'is'} ${c.bold(late)}: the rule is ${t.rule}, so it had to go by ${deadline}.`,
      `  The terms of reference allow shorter notice only when it is agreed ("unless otherwise agreed").`,
      `  ${c.cyan('fix:')} if shorter notice was agreed, record who agreed and why: wep notice --meeting ${meetingId} --short-notice-agreed "agreed by the chair: urgent budget decision"`,
    ],
  };
}

/** The stable --json shape of the timing. */
export function timingJson(t: NoticeTiming) {
  return {
    status: t.status,
    date: t.date,
    sent: t.sent,
    deadline: t.deadline,
    safeDeadline: t.safeDeadline,
    rule: t.rule,
    workingDaysLate: t.workingDaysLate,
    workingDaysLeft: t.workingDaysLeft,
    shortNotice: t.shortNotice,
  };
}
