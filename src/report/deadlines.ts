import type { ChalkInstance } from 'chalk';
import { formatLongDate, formatShortDate } from '../core/dates.js';
import type { Deadline } from '../core/deadlines.js';
import type { MeetingDeadlines } from '../core/meeting-deadlines.js';

/** The derivation of one deadline: the days counted and the days skipped, in date order. */
export function renderDerivation(d: Deadline, c: ChalkInstance): string[] {
  const rows = [...d.counted.map((date, i) => ({ date, text: `day ${i + 1}`, skip: false })), ...d.skipped.map((s) => ({ date: s.date, text: `skipped: ${s.reason}`, skip: true }))];
  rows.sort((a, b) => (a.date < b.date ? -1 : 1));
  if (rows.length === 0) return [];
  // number the counted days in counting order (backwards counts run from the meeting)
  return rows.map((r) => `      ${formatShortDate(r.date).padEnd(16)} ${r.skip ? c.dim(r.text) : r.text}`);
}

export function renderDeadlines(r: MeetingDeadlines, c: ChalkInstance): string[] {
  const lines = [
    `${c.bold(r.body.name)}: meeting on ${c.bold(formatLongDate(r.meeting))}`,
    '',
    `  Send notice by  ${c.bold(formatLongDate(r.noticeBy.date))}  (${r.noticeBy.rule})`,
    ...renderDerivation(r.noticeBy, c),
    '',
    `  Safe date       ${c.bold(formatLongDate(r.noticeBySafe.date))}  (strict reading: ${r.noticeBySafe.rule})`,
    '',
    `  Minutes due by  ${c.bold(formatLongDate(r.minutesBy.date))}  (${r.minutesBy.rule})`,
    ...renderDerivation(r.minutesBy, c),
  ];
  return lines;
}

/** The stable --json shape of `wep deadlines`. */
export function deadlinesJson(r: MeetingDeadlines) {
  const derivation = (d: Deadline) => ({ rule: d.rule, counted: d.counted, skipped: d.skipped });
  return {
    meeting: r.meeting,
    body: r.body.id,
    noticeBy: r.noticeBy.date,
    noticeBySafe: r.noticeBySafe.date,
    minutesBy: r.minutesBy.date,
    workingDaysToNotice: r.workingDaysToNotice,
    warnings: r.warnings,
    derivation: { noticeBy: derivation(r.noticeBy), noticeBySafe: derivation(r.noticeBySafe), minutesBy: derivation(r.minutesBy) },
  };
}
