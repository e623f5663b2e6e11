import { formatCommit } from '../report/commit.js';
import { existsSync } from 'node:fs';
import { isTime } from '../core/dates.js';
import { WepError } from '../core/errors.js';
import { requireBody } from '../core/meeting-deadlines.js';
import { parseInterval, parseWeekday, planSchedule } from '../core/schedule.js';
import { commitFiles, verifyInsideRepo } from '../io/git.js';
import { loadPartnership } from '../io/partnership-file.js';
import { createMeeting, meetingPath } from '../io/create-meeting.js';
import { meetingId, renderSchedule, scheduleJson } from '../report/schedule.js';
import type { CommandContext } from './context.js';

interface Opts {
  body: string;
  from: string;
  to: string;
  every: string;
  weekday?: string;
  time?: string;
  create?: boolean;
  commit?: boolean;
  json?: boolean;
}

function parseTime(value: string): string {
  const v = /^\d:\d\d$/.test(value) ? `0${value}` : value;
  if (isTime(v)) return v;
  throw new WepError(`"${value}" is not a time (--time)`, 'give the time on the 24-hour clock as HH:MM, e.g. --time 16:00');
}

export async function run(ctx: CommandContext, opts: Opts): Promise<number> {
  const interval = parseInterval(opts.every);
  const weekday = parseWeekday(opts.weekday ?? 'thu');
  const time = opts.time !== undefined ? parseTime(opts.time) : undefined;
  if (opts.commit && !opts.create) throw new WepError('--commit commits the meetings --create makes', 'add --create, or leave out --commit');
  const { model, root } = await loadPartnership(ctx);
  const body = requireBody(model, opts.body);
  const plan = planSchedule(model, body, { from: opts.from, to: opts.to, interval, weekday }, ctx.today);
  const start = time ?? body.start;
  // As `wep meeting new`: a time given replaces the usual times, so the usual end no longer fits.
  const end = time !== undefined ? undefined : body.end;

  const existing = new Set(plan.meetings.filter((m) => existsSync(meetingPath(root, body.id, m.date))).map((m) => meetingId(m.date, body.id)));
  const created = new Set<string>();
  const written: string[] = [];
  if (opts.create) {
    if (!start) throw new WepError(`the ${body.name} has no usual start time in the partnership file`, 'give one with --time HH:MM, or add "start:" to the body');
    if (opts.commit) for (const w of verifyInsideRepo(root)) ctx.out.err(`${ctx.out.c.yellow('warning:')} ${w}`);
    for (const m of plan.meetings) {
      const r = createMeeting(root, { body, date: m.date, start, end, venue: body.venue });
      if (r.created) {
        created.add(meetingId(m.date, body.id));
        written.push(r.path);
      }
    }
  }

  const view = { plan, start, existing, created };
  if (opts.json) ctx.out.json(scheduleJson(view));
  else for (const line of renderSchedule(view, ctx.out.c)) ctx.out.out(line);
  const c = ctx.out.c;
  for (const w of plan.warnings) ctx.out.err(`${c.yellow('warning:')} ${w}`);
  for (const m of plan.meetings) for (const w of m.deadlines.warnings) ctx.out.err(`${c.yellow('warning:')} ${m.date}: ${w}`);
  if (opts.create && !opts.json) {
    const skipped = plan.meetings.length - created.size;
    ctx.out.out('');
    ctx.out.out(`Created ${created.size} meeting${created.size === 1 ? '' : 's'} under meetings/${skipped ? ` (${skipped} already there, left as they were)` : ''}.`);
    if (created.size) ctx.out.out('Add the business items to each agenda, then "wep notice --meeting ID" when notice is due.');
  }
  if (opts.commit && written.length) {
    const hash = commitFiles(root, written, `Schedule ${written.length} meeting${written.length === 1 ? '' : 's'} of the ${body.name}`);
    if (!opts.json) ctx.out.out(formatCommit(hash, written.length));
  }
  return 0;
}
