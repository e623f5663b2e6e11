import { formatCommit } from '../report/commit.js';
import { isTime } from '../core/dates.js';
import { WepError } from '../core/errors.js';
import { meetingDeadlines, requireBody } from '../core/meeting-deadlines.js';
import { defaultBodyId } from '../core/model.js';
import { hintFor } from '../core/suggest.js';
import { createMeeting, meetingPath } from '../io/create-meeting.js';
import { commitFiles, verifyInsideRepo } from '../io/git.js';
import { displayPath, loadPartnership } from '../io/partnership-file.js';
import { renderDeadlines } from '../report/deadlines.js';
import type { CommandContext } from './context.js';
import { parseDateArg } from './deadlines.js';

interface Opts {
  date: string;
  body?: string;
  time?: string;
  end?: string;
  venue?: string;
  requestedBy?: string;
  commit?: boolean;
}

function parseTime(value: string, option: string): string {
  const v = /^\d:\d\d$/.test(value) ? `0${value}` : value;
  if (isTime(v)) return v;
  throw new WepError(`"${value}" is not a time (${option})`, `give the time on the 24-hour clock as HH:MM, e.g. ${option} 16:00`);
}

export async function run(ctx: CommandContext, opts: Opts): Promise<number> {
  const date = parseDateArg(opts.date, 'meeting date');
  const { model, root } = await loadPartnership(ctx);
  if (opts.commit) for (const w of verifyInsideRepo(root)) ctx.out.err(`${ctx.out.c.yellow('warning:')} ${w}`);
  const body = requireBody(model, opts.body ?? defaultBodyId(model));
  const start = opts.time !== undefined ? parseTime(opts.time, '--time') : body.start;
  if (!start) throw new WepError(`the ${body.name} has no usual start time in the partnership file`, 'give one with --time HH:MM, or add "start:" to the body');
  const end = opts.end !== undefined ? parseTime(opts.end, '--end') : opts.time !== undefined ? undefined : body.end;
  if (end !== undefined && end <= start) throw new WepError(`the meeting would end (${end}) before it starts (${start})`, 'check --time and --end (24-hour clock)');
  if (opts.requestedBy !== undefined && !model.people.has(opts.requestedBy)) {
    throw new WepError(`no person "${opts.requestedBy}" in the partnership file (--requested-by)`, hintFor(opts.requestedBy, [...model.people.keys()], 'people'));
  }
  const venue = opts.venue !== undefined ? { name: opts.venue } : body.venue;

  const id = `${date}-${body.id}`;
  const display = displayPath(ctx.cwd, meetingPath(root, body.id, date));
  const d = meetingDeadlines(model, body, date, ctx.today);
  const { path, created } = createMeeting(root, { body, date, start, end, venue, requestedBy: opts.requestedBy });
  if (!created) {
    throw new WepError(`meeting ${id} already exists (${display}); wep will not replace it`, `edit ${display}, or choose another date`);
  }

  const warnings = [...d.warnings];
  if (date < ctx.today) warnings.unshift(`the meeting date ${date} is in the past`);
  if (opts.requestedBy && !body.memberIds.includes(opts.requestedBy)) {
    warnings.push(`${model.people.get(opts.requestedBy)!.name} is not a member of the ${body.name}; the clerk calls extra meetings at the request of a member`);
  }

  const c = ctx.out.c;
  ctx.out.out(`Created ${c.bold(display)} with the standard agenda: add the business items, then run "wep notice --meeting ${id}".`);
  ctx.out.out('');
  for (const line of renderDeadlines(d, c)) ctx.out.out(line);
  for (const w of warnings) ctx.out.err(`${c.yellow('warning:')} ${w}`);
  if (opts.commit) {
    const hash = commitFiles(root, [path], `New meeting ${id}`);
    ctx.out.out(formatCommit(hash, 1));
  }
  return 0;
}
