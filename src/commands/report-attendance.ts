import { attendanceReport } from '../core/attendance-report.js';
import { WepError } from '../core/errors.js';
import { requireBody } from '../core/meeting-deadlines.js';
import { loadAllMeetings, meetingDate, verifyMeetingId } from '../io/meetings.js';
import { loadPartnership } from '../io/partnership-file.js';
import { attendanceJson, renderAttendanceCsv, renderAttendanceMarkdown, type By } from '../report/attendance-report.js';
import type { CommandContext } from './context.js';
import { parseDateArg } from './deadlines.js';

export interface ReportAttendanceOptions {
  year?: string;
  from?: string;
  to?: string;
  body?: string;
  by?: By;
  format?: 'md' | 'csv' | 'json';
  /** One meeting only. */
  meeting?: string;
  /** With --by school: only the schools not represented. */
  notRepresented?: boolean;
}

/** The dates a report covers: --year, or --from/--to, or this calendar year. */
export function reportRange(opts: ReportAttendanceOptions, today: string): { from: string; to: string } {
  if (opts.year !== undefined) {
    if (opts.from !== undefined || opts.to !== undefined) throw new WepError('give either --year or --from/--to, not both', 'e.g. --year 2026, or --from 2026-09-01 --to 2027-08-31');
    if (!/^\d{4}$/.test(opts.year)) throw new WepError(`"${opts.year}" is not a year`, 'give the year as YYYY, e.g. --year 2026');
    return { from: `${opts.year}-01-01`, to: `${opts.year}-12-31` };
  }
  if (opts.from === undefined && opts.to === undefined) return { from: `${today.slice(0, 4)}-01-01`, to: `${today.slice(0, 4)}-12-31` };
  const from = opts.from === undefined ? '0001-01-01' : parseDateArg(opts.from, '--from date');
  const to = opts.to === undefined ? today : parseDateArg(opts.to, '--to date');
  if (from > to) throw new WepError(`--from ${from} is after --to ${to}`, 'swap the dates');
  return { from, to };
}

export async function run(ctx: CommandContext, opts: ReportAttendanceOptions): Promise<number> {
  const { model, root } = await loadPartnership(ctx);
  if (opts.meeting !== undefined && (opts.year ?? opts.from ?? opts.to ?? opts.body) !== undefined) {
    throw new WepError('give either --meeting or --year/--from/--to/--body, not both', 'e.g. --meeting 2027-02-04-cluster-dunstable, or --year 2027');
  }
  if (opts.meeting !== undefined) verifyMeetingId(root, opts.meeting);
  const all = await loadAllMeetings(root, ctx.cwd, ctx.env);
  const one = opts.meeting === undefined ? undefined : all.find((x) => x.id === opts.meeting);
  if (opts.meeting !== undefined && !one) throw new WepError(`meeting "${opts.meeting}" could not be read`, 'run "wep check" to see why');
  const range = one ? { from: one.meeting.date, to: one.meeting.date } : reportRange(opts, ctx.today);
  const body = one ? requireBody(model, one.meeting.body) : opts.body ? requireBody(model, opts.body) : undefined;
  const meetings = one ? [one] : all;
  const report = attendanceReport(model, meetings, { ...range, ...(body ? { body: body.id } : {}) });
  const by = opts.by ?? (opts.notRepresented ? 'school' : 'person');
  if (opts.notRepresented && by !== 'school') throw new WepError('--not-represented lists schools: it goes with --by school', 'leave out --by, or give --by school');
  const view = {
    notRepresented: opts.notRepresented,
    schoolName: (id: string) => model.schools.get(id)?.name ?? id,
    bodyName: (id: string) => model.bodies.get(id)?.name ?? id,
  };
  const format = opts.format ?? 'md';
  if (format === 'json') ctx.out.json(attendanceJson(report, by, view));
  else {
    const title = `${model.file.partnership.name}${body ? `, ${body.name}` : ''}`;
    const lines = format === 'csv' ? renderAttendanceCsv(report, by, view) : renderAttendanceMarkdown(report, by, title, view);
    for (const line of lines) ctx.out.out(line);
  }
  const unrecorded = report.unrecorded.filter((id) => meetingDate(id) <= ctx.today);
  if (unrecorded.length && format !== 'json') {
    ctx.out.err(`${ctx.out.c.yellow('warning:')} no attendance recorded for ${unrecorded.join(', ')}: left out of the counts ("wep attendance --meeting ID" records it)`);
  }
  if (by === 'school' && report.meetings.length > 0 && report.schoolRows.length === 0 && format !== 'json') {
    ctx.out.err(`${ctx.out.c.yellow('warning:')} none of these meetings is of a body that counts by school ("attendance-by: school" or a "schools-represented" quorum)`);
  }
  if (report.meetings.length === 0 && format !== 'json') ctx.out.err(`${ctx.out.c.yellow('warning:')} no meetings with attendance between ${range.from} and ${range.to}`);
  return 0;
}
