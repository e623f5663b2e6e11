import { attendanceReport } from '../core/attendance-report.js';
import { WepError } from '../core/errors.js';
import { meetingBodies } from '../core/meeting-schema.js';
import { meetingDate } from '../io/meetings.js';
import { loadRecords, resolveMeeting } from '../io/records.js';
import { attendanceJson, renderAttendanceCsv, renderAttendanceMarkdown, type By } from '../report/attendance-report.js';
import { jsonDocument } from '../report/emit.js';
import { parseDate, resolveBody } from './args.js';
import { done, type CommandContext, type CommandResult } from './context.js';

export interface ReportAttendanceOptions {
  year?: string;
  from?: string;
  to?: string;
  body?: string;
  by?: By;
  format?: 'md' | 'csv' | 'json';
  json?: true;
  /** One meeting only. */
  meeting?: string;
  /** With --by school: only the schools not represented. */
  notRepresented?: true;
}

/** The dates a report covers: --year, or --from/--to, or this calendar year. */
export function reportRange(opts: ReportAttendanceOptions, today: string): { from: string; to: string } {
  if (opts.year !== undefined) {
    if (opts.from !== undefined || opts.to !== undefined) throw new WepError('give either --year or --from/--to, not both', 'e.g. --year 2026, or --from 2026-09-01 --to 2027-08-31');
    if (!/^\d{4}$/.test(opts.year)) throw new WepError(`"${opts.year}" is not a year`, 'give the year as YYYY, e.g. --year 2026');
    return { from: `${opts.year}-01-01`, to: `${opts.year}-12-31` };
  }
  if (opts.from === undefined && opts.to === undefined) return { from: `${today.slice(0, 4)}-01-01`, to: `${today.slice(0, 4)}-12-31` };
  const from = opts.from === undefined ? '0001-01-01' : parseDate(opts.from, '--from date');
  const to = opts.to === undefined ? today : parseDate(opts.to, '--to date');
  if (from > to) throw new WepError(`--from ${from} is after --to ${to}`, 'swap the dates');
  return { from, to };
}

export async function run(ctx: CommandContext, opts: ReportAttendanceOptions): Promise<CommandResult> {
  const records = await loadRecords(ctx);
  const { model } = records;
  if (opts.meeting !== undefined && (opts.year ?? opts.from ?? opts.to ?? opts.body) !== undefined) {
    throw new WepError('give either --meeting or --year/--from/--to/--body, not both', 'e.g. --meeting 2027-02-04-cluster-dunstable, or --year 2027');
  }
  const one = opts.meeting === undefined ? undefined : (await resolveMeeting(records, opts.meeting, 'next', ctx.today)).rec;
  const range = one ? { from: one.meeting.date, to: one.meeting.date } : reportRange(opts, ctx.today);
  // one joint meeting: the members of each of its bodies
  const body = one ? (meetingBodies(one.meeting).length > 1 ? undefined : resolveBody(model, one.meeting.body)) : opts.body ? resolveBody(model, opts.body) : undefined;
  const meetings = one ? [one] : await records.meetings();
  const report = attendanceReport(model, meetings, { ...range, ...(body ? { body: body.id } : {}) });
  const by = opts.by ?? (opts.notRepresented ? 'school' : 'person');
  if (opts.notRepresented && by !== 'school') throw new WepError('--not-represented lists schools: it goes with --by school', 'leave out --by, or give --by school');
  const view = {
    notRepresented: opts.notRepresented,
    schoolName: (id: string) => model.schools.get(id)?.name ?? id,
    bodyName: (id: string) => model.bodies.get(id)?.name ?? id,
  };
  const format = opts.json ? 'json' : (opts.format ?? 'md');
  if (format === 'json') return done({ json: jsonDocument('report attendance', attendanceJson(report, by, view)) });
  const title = `${model.file.partnership.name}${body ? `, ${body.name}` : ''}`;
  const warnings: string[] = [];
  const unrecorded = report.unrecorded.filter((id) => meetingDate(id) <= ctx.today);
  if (unrecorded.length) warnings.push(`no attendance recorded for ${unrecorded.join(', ')}: left out of the counts ("wep attendance --meeting ID" records it)`);
  if (by === 'school' && report.meetings.length > 0 && report.schoolRows.length === 0) {
    warnings.push('none of these meetings is of a body that counts by school ("attendance-by: school" or a "schools-represented" quorum)');
  }
  if (report.meetings.length === 0) warnings.push(`no meetings with attendance between ${range.from} and ${range.to}`);
  if (format === 'csv') return done({ raw: await renderAttendanceCsv(report, by, view), warnings });
  return done({ lines: renderAttendanceMarkdown(report, by, title, view), warnings });
}
