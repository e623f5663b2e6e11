import { attendanceReport } from '../core/attendance-report.js';
import { WepError } from '../core/errors.js';
import { meetingDate } from '../io/meetings.js';
import { loadRecords } from '../io/records.js';
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
  const range = reportRange(opts, ctx.today);
  const body = opts.body ? resolveBody(model, opts.body) : undefined;
  const meetings = await records.meetings();
  const report = attendanceReport(model, meetings, { ...range, ...(body ? { body: body.id } : {}) });
  const by = opts.by ?? 'person';
  const format = opts.json ? 'json' : (opts.format ?? 'md');
  if (format === 'json') return done({ json: jsonDocument('report attendance', attendanceJson(report, by)) });
  const title = `${model.file.partnership.name}${body ? `, ${body.name}` : ''}`;
  const warnings: string[] = [];
  const unrecorded = report.unrecorded.filter((id) => meetingDate(id) <= ctx.today);
  if (unrecorded.length) warnings.push(`no attendance recorded for ${unrecorded.join(', ')}: left out of the counts ("wep attendance --meeting ID" records it)`);
  if (report.meetings.length === 0) warnings.push(`no meetings with attendance between ${range.from} and ${range.to}`);
  if (format === 'csv') return done({ raw: await renderAttendanceCsv(report, by), warnings });
  return done({ lines: renderAttendanceMarkdown(report, by, title), warnings });
}
