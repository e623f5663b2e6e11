import { existsSync } from 'node:fs';
import { theName } from '../core/body-names.js';
import { WepError } from '../core/errors.js';
import { meetingEnd } from '../core/meeting-rules.js';
import { meetingBodies } from '../core/meeting-schema.js';
import { parseInterval, parseWeekday, planSchedule } from '../core/schedule.js';
import { createMeeting, meetingPath } from '../io/create-meeting.js';
import { commitFiles, verifyInsideRepo } from '../io/git.js';
import { loadRecords } from '../io/records.js';
import { formatCommit } from '../report/commit.js';
import { jsonDocument } from '../report/emit.js';
import { meetingId, renderSchedule, scheduleJson } from '../report/schedule.js';
import { orFail, parseTime, resolveBody } from './args.js';
import { done, type CommandContext, type CommandResult } from './context.js';

export interface ScheduleOptions {
  body: string;
  from: string;
  to: string;
  every?: string;
  weekday: string;
  time?: string;
  create?: true;
  commit?: true;
  json?: true;
}

const FLAGS = { every: '--every', weekday: '--weekday', from: '--from', to: '--to' };

export async function run(ctx: CommandContext, opts: ScheduleOptions): Promise<CommandResult> {
  const weekday = orFail(parseWeekday(opts.weekday), FLAGS);
  const time = opts.time !== undefined ? parseTime(opts.time, '--time') : undefined;
  if (opts.commit && !opts.create) throw new WepError('--commit commits the meetings --create makes', 'add --create, or leave out --commit');
  const records = await loadRecords(ctx);
  const { model, root } = records;
  const body = resolveBody(model, opts.body);
  // Without --every, the body's own "meets:" says how often.
  if (opts.every === undefined && body.meets === undefined) {
    throw new WepError(`${theName(body.name)} has no "meets:" in the partnership file, so wep cannot tell how often it meets`, 'give --every term, half-term, month or N-weeks, or add e.g. "meets: termly" to the body');
  }
  const interval = orFail(parseInterval(opts.every ?? body.meets!), opts.every === undefined ? { every: `${theName(body.name)}'s "meets: ${body.meets}"` } : FLAGS);
  const start = time ?? body.start;
  // As `wep meeting new`: a time given replaces the usual times, so the usual end no longer fits.
  const end = time !== undefined ? undefined : body.end;
  // Keep clear of every other meeting at the same time: the clerk, at least, is at all of them.
  const busy = (await records.meetings({ summary: true }))
    .filter((r) => !r.meeting.cancelled && !meetingBodies(r.meeting).includes(body.id))
    .map((r) => ({ date: r.meeting.date, start: r.meeting.start, end: meetingEnd(r.meeting, model.bodies.get(r.meeting.body)), label: r.id }));
  const slot = start ? { start, end: meetingEnd({ start, end }, body) } : undefined;
  const plan = orFail(planSchedule(model, body, { from: opts.from, to: opts.to, interval, weekday, busy, ...(slot ? { time: slot } : {}) }, ctx.today), FLAGS);

  const existing = new Set(plan.meetings.filter((m) => existsSync(meetingPath(root, body.id, m.date))).map((m) => meetingId(m.date, body.id)));
  const created = new Set<string>();
  const written: string[] = [];
  const gitWarnings: string[] = [];
  if (opts.create) {
    if (!start) throw new WepError(`${theName(body.name)} has no usual start time in the partnership file`, 'give one with --time HH:MM, or add "start:" to the body');
    if (opts.commit) gitWarnings.push(...verifyInsideRepo(root));
    for (const m of plan.meetings) {
      const r = createMeeting(root, { body, date: m.date, start, end, venue: body.venue });
      if (r.created) {
        created.add(meetingId(m.date, body.id));
        written.push(r.path);
      }
    }
  }
  const commit = opts.commit && written.length ? commitFiles(root, written, `Schedule ${written.length} meeting${written.length === 1 ? '' : 's'} of ${theName(body.name)}`) : undefined;

  const warnings = [...gitWarnings, ...plan.warnings, ...plan.meetings.flatMap((m) => m.deadlines.warnings.map((w) => `${m.date}: ${w}`))];
  const view = { plan, start, existing, created };
  if (opts.json) return done({ warnings, json: jsonDocument('schedule', { ...scheduleJson(view), commit: commit ?? null }) });
  const lines = renderSchedule(view, ctx.c);
  if (opts.create) {
    const skipped = plan.meetings.length - created.size;
    lines.push('', `Created ${created.size} meeting${created.size === 1 ? '' : 's'} under meetings/${skipped ? ` (${skipped} already there, left as they were)` : ''}.`);
    if (created.size) lines.push('Add the business items to each agenda, then "wep notice --meeting ID" when notice is due.');
  }
  if (commit !== undefined) lines.push(formatCommit(commit, written.length));
  return done({ lines, warnings });
}
