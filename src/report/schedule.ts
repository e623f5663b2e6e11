/** `wep schedule`: the proposed meetings as a table, and the stable --json shape. */
import type { ChalkInstance } from 'chalk';
import { formatShortDate, formatTime, WEEKDAYS } from '../core/dates.js';
import { describeInterval, type SchedulePlan } from '../core/schedule.js';

export interface ScheduleView {
  plan: SchedulePlan;
  /** Start time shown with each meeting, when known. */
  start?: string;
  /** Meeting ids already on disk (not created again). */
  existing: ReadonlySet<string>;
  /** Meeting ids created by this run (with --create). */
  created: ReadonlySet<string>;
}

export const meetingId = (date: string, body: string) => `${date}-${body}`;

export function renderSchedule(v: ScheduleView, c: ChalkInstance): string[] {
  const { plan } = v;
  const day = WEEKDAYS[plan.weekday]!;
  const lines = [
    `${c.bold(plan.body.name)}: ${describeInterval(plan.interval)}, on ${day}s${v.start ? ` at ${formatTime(v.start)}` : ''}, ${plan.from} to ${plan.to}`,
    '',
  ];
  if (plan.meetings.length === 0) return [...lines, '  No meetings fit.'];
  const rows = plan.meetings.map((m) => {
    const id = meetingId(m.date, plan.body.id);
    const made = v.created.has(id) ? c.green('created') : v.existing.has(id) ? c.dim('exists') : '';
    const state = [made, m.assumption ? c.yellow('assumed term dates') : ''].filter(Boolean).join(', ');
    return [m.slot, formatShortDate(m.date), formatShortDate(m.deadlines.noticeBy.date), formatShortDate(m.deadlines.minutesBy.date), state] as const;
  });
  const head = [plan.interval.kind === 'half-term' ? 'Half-term' : plan.interval.kind === 'term' ? 'Term' : plan.interval.kind === 'month' ? 'Month' : '', 'Meeting', 'Send notice by', 'Minutes due by', ''] as const;
  const w = [0, 1, 2, 3].map((i) => Math.max(head[i]!.length, ...rows.map((r) => r[i]!.length)));
  const fmt = (r: readonly string[]) => `  ${r.slice(0, 4).map((x, i) => x.padEnd(w[i]!)).join('   ')}${r[4] ? `   ${r[4]}` : ''}`.trimEnd();
  lines.push(c.dim(fmt(head)));
  for (const r of rows) lines.push(fmt(r));
  const moved = plan.meetings.filter((m) => m.skipped.length);
  if (moved.length) {
    lines.push('', 'Days passed over:');
    for (const m of moved) for (const s of m.skipped) lines.push(`  ${formatShortDate(s.date)}  ${c.dim(s.reason)}`);
  }
  const rule = plan.meetings[0]!.deadlines;
  lines.push('', c.dim(`Notice: ${rule.noticeBy.rule}. Minutes: ${rule.minutesBy.rule}.`));
  return lines;
}

/** The stable --json shape of `wep schedule`. */
export function scheduleJson(v: ScheduleView) {
  const { plan } = v;
  return {
    body: plan.body.id,
    from: plan.from,
    to: plan.to,
    every: plan.interval.kind === 'weeks' ? `${plan.interval.weeks}-weeks` : plan.interval.kind,
    weekday: WEEKDAYS[plan.weekday]!.toLowerCase(),
    start: v.start ?? null,
    meetings: plan.meetings.map((m) => {
      const id = meetingId(m.date, plan.body.id);
      return {
        id,
        date: m.date,
        slot: m.slot,
        noticeBy: m.deadlines.noticeBy.date,
        noticeBySafe: m.deadlines.noticeBySafe.date,
        minutesBy: m.deadlines.minutesBy.date,
        skipped: m.skipped,
        assumption: m.assumption ?? null,
        warnings: m.deadlines.warnings,
        status: v.created.has(id) ? 'created' : v.existing.has(id) ? 'exists' : 'proposed',
      };
    }),
    warnings: plan.warnings,
  };
}
