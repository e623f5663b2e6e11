import { theName } from '../core/body-names.js';
import { WepError } from '../core/errors.js';
import { meetingDeadlines } from '../core/meeting-deadlines.js';
import { meetingHolidayReason } from '../core/term-dates.js';
import { createMeeting, meetingPath } from '../io/create-meeting.js';
import { commitFiles, verifyInsideRepo } from '../io/git.js';
import { displayPath, loadPartnership } from '../io/partnership-file.js';
import { formatCommit } from '../report/commit.js';
import { deadlinesJson, renderDeadlines } from '../report/deadlines.js';
import { jsonDocument } from '../report/emit.js';
import { parseDate, parseTime, resolveBody, verifyPerson } from './args.js';
import { done, type CommandContext, type CommandResult } from './context.js';

export interface MeetingNewOptions {
  date: string;
  body?: string;
  time?: string;
  end?: string;
  venue?: string;
  requestedBy?: string;
  jointWith?: string[];
  commit?: true;
  json?: true;
}

export async function run(ctx: CommandContext, opts: MeetingNewOptions): Promise<CommandResult> {
  const date = parseDate(opts.date, 'meeting date');
  const { model, root } = await loadPartnership(ctx);
  const gitWarnings = opts.commit ? verifyInsideRepo(root) : [];
  const body = resolveBody(model, opts.body);
  const start = opts.time !== undefined ? parseTime(opts.time, '--time') : body.start;
  if (!start) throw new WepError(`${theName(body.name)} has no usual start time in the partnership file`, 'give one with --time HH:MM, or add "start:" to the body');
  const end = opts.end !== undefined ? parseTime(opts.end, '--end') : opts.time !== undefined ? undefined : body.end;
  if (end !== undefined && end <= start) throw new WepError(`the meeting would end (${end}) before it starts (${start})`, 'check --time and --end (24-hour clock)');
  if (opts.requestedBy !== undefined) verifyPerson(model, opts.requestedBy, '--requested-by');
  const venue = opts.venue !== undefined ? { name: opts.venue } : body.venue;
  const jointWith = (opts.jointWith ?? []).map((b) => resolveBody(model, b));
  if (jointWith.some((b) => b.id === body.id)) throw new WepError(`--joint-with: a meeting of ${theName(body.name)} cannot be joint with itself`, 'name the other bodies that meet with it');

  const id = `${date}-${body.id}`;
  const display = displayPath(ctx.cwd, meetingPath(root, body.id, date));
  const d = meetingDeadlines(model, body, date, ctx.today);
  const { path, created } = createMeeting(root, { body, date, start, end, venue, requestedBy: opts.requestedBy, jointWith });
  if (!created) {
    throw new WepError(`meeting ${id} already exists (${display}); wep will not replace it`, `edit ${display}, or choose another date`);
  }

  const warnings = [...gitWarnings, ...d.warnings];
  const holiday = meetingHolidayReason(model, { body: body.id, date, jointWith: jointWith.map((b) => b.id) });
  if (holiday) warnings.push(`${date} is in the school holidays (${holiday}): school leaders may not be able to come`);
  if (date < ctx.today) warnings.unshift(`the meeting date ${date} is in the past`);
  if (opts.requestedBy && !body.memberIds.includes(opts.requestedBy)) {
    warnings.push(`${model.people.get(opts.requestedBy)!.name} is not a member of ${theName(body.name)}; the clerk calls extra meetings at the request of a member`);
  }
  const commit = opts.commit ? commitFiles(root, [path], `New meeting ${id}`) : undefined;
  if (opts.json) {
    return done({ warnings, json: jsonDocument('meeting new', { meeting: id, date, body: body.id, file: display, start, end: end ?? null, deadlines: deadlinesJson(d), commit: commit ?? null }) });
  }
  const lines = [
    `Created ${ctx.c.bold(display)} with the standard agenda: add the business items, then run "wep notice --meeting ${id}".`,
    '',
    ...renderDeadlines(d, ctx.c),
  ];
  if (commit !== undefined) lines.push(formatCommit(commit, 1));
  return done({ lines, warnings });
}
