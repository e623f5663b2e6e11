import { verifyPeopleIds } from '../core/attendance.js';
import { EXIT, WepError } from '../core/errors.js';
import { requireBody } from '../core/meeting-deadlines.js';
import { defaultBodyId, modelOn } from '../core/model.js';
import { evaluateQuorum, forecastQuorum, hasRecordedPresence, quorumByItem, type QuorumResult } from '../core/quorum.js';
import type { MeetingRecord } from '../io/meetings.js';
import { loadPartnership } from '../io/partnership-file.js';
import { quorumJson, renderQuorum, type QuorumView } from '../report/quorum.js';
import type { CommandContext } from './context.js';

export interface QuorumOptions {
  meeting?: string;
  item?: string;
  present?: string[];
  body?: string;
  json?: boolean;
}

/** The meeting `wep quorum` and `wep attendance` act on: --meeting, else the next upcoming, else the latest. */
export async function pickMeetingId(root: string, today: string, requested: string | undefined): Promise<string> {
  // loaded here, not at the top: `wep quorum --present` reads no meeting records
  const { chooseMeetingId } = await import('../io/meetings.js');
  if (requested) return chooseMeetingId(root, today, requested, 'next').id;
  try {
    return chooseMeetingId(root, today, undefined, 'next').id;
  } catch (e) {
    if (e instanceof WepError && /no upcoming meeting/.test(e.message)) return chooseMeetingId(root, today, undefined, 'latest-held').id;
    throw e;
  }
}

/** Parses --item against the meeting's agenda. */
export function parseItemOption(value: string | undefined, rec: MeetingRecord): number | undefined {
  if (value === undefined) return undefined;
  const n = rec.meeting.agenda.length;
  if (!/^\d+$/.test(value.trim()) || Number(value) < 1) throw new WepError(`--item "${value}" is not an agenda item number`, 'agenda items are numbered from 1, as "wep agenda" shows them');
  if (Number(value) > n) throw new WepError(`--item ${value}: the agenda of ${rec.id} has ${n} item${n === 1 ? '' : 's'}`, `give an item from 1 to ${n}`);
  return Number(value);
}

/** Prints a quorum result (human or JSON) and returns the exit code: 0 quorate, 3 not. */
export function printQuorum(ctx: CommandContext, model: import('../core/model.js').Model, result: QuorumResult, view: QuorumView, json: boolean | undefined): number {
  if (json) ctx.out.json(quorumJson(result, view));
  else {
    for (const line of renderQuorum(model, result, ctx.out.c, view)) ctx.out.out(line);
    for (const w of result.warnings) ctx.out.err(`${ctx.out.c.yellow('warning:')} ${w}`);
  }
  return result.quorate ? EXIT.ok : EXIT.inquorate;
}

export async function run(ctx: CommandContext, opts: QuorumOptions): Promise<number> {
  const loaded = await loadPartnership(ctx);
  const { root } = loaded;

  if (opts.present) {
    const model = modelOn(loaded.model, ctx.today);
    if (opts.meeting) throw new WepError('--present and --meeting do not go together', 'use --present for a what-if attendance, or --meeting to read what a meeting recorded');
    if (opts.item !== undefined) throw new WepError('--item needs a meeting record, not --present', 'record the attendance with "wep attendance", then run "wep quorum --item N"');
    verifyPeopleIds(model, opts.present, '--present');
    const body = requireBody(model, opts.body ?? defaultBodyId(model));
    return printQuorum(ctx, model, evaluateQuorum(model, body, { present: opts.present }), {}, opts.json);
  }
  if (opts.body) throw new WepError('--body goes with --present', 'a meeting record names its own body; choose the meeting with --meeting ID');

  const { loadMeeting } = await import('../io/meetings.js');
  const rec = await loadMeeting(root, await pickMeetingId(root, ctx.today, opts.meeting), ctx.cwd, ctx.env);
  const model = modelOn(loaded.model, rec.meeting.date);
  const body = requireBody(model, rec.meeting.body);
  const item = parseItemOption(opts.item, rec);
  const att = rec.meeting.attendance;
  if (!hasRecordedPresence(att)) {
    const result = forecastQuorum(model, body, att?.apologies ?? []);
    if (item !== undefined) result.warnings.push(`no attendance recorded yet for ${rec.id}, so this is a forecast for the whole meeting, not item ${item}`);
    return printQuorum(ctx, model, result, { meeting: rec.id }, opts.json);
  }
  const result = evaluateQuorum(model, body, att, { item });
  const agenda = rec.meeting.agenda;
  const byItem = item === undefined ? quorumByItem(model, body, att, agenda.length).map((x) => ({ ...x, title: agenda[x.item - 1]?.title })) : undefined;
  return printQuorum(ctx, model, result, { meeting: rec.id, byItem }, opts.json);
}
