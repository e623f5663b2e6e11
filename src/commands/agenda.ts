import { actionsCarriedForward, collectActions } from '../core/actions.js';
import { buildAgenda, type Agenda } from '../core/agenda.js';
import { WepError } from '../core/errors.js';
import { modelOn, type ResolvedBody } from '../core/model.js';
import { timeText } from '../core/notice.js';
import { hintFor } from '../core/suggest.js';
import { chooseMeetingId, loadAllMeetings, loadMeeting, type MeetingRecord, type Pick } from '../io/meetings.js';
import { loadPartnership, type LoadedPartnership } from '../io/partnership-file.js';
import { agendaJson, renderAgenda } from '../report/agenda.js';
import type { CommandContext } from './context.js';

export interface OpenMeeting extends LoadedPartnership {
  rec: MeetingRecord;
  body: ResolvedBody;
  picked: boolean;
}

/**
 * The meeting a command acts on, loaded and checked against the partnership file. Without
 * --meeting the choice is said on stderr, so the clerk knows which meeting was used.
 */
export async function openMeeting(ctx: CommandContext, requested: string | undefined, pick: Pick = 'next'): Promise<OpenMeeting> {
  const loaded = await loadPartnership(ctx);
  const { id, picked } = chooseMeetingId(loaded.root, ctx.today, requested, pick);
  if (picked) ctx.out.err(`wep: using ${id}, the ${pick === 'next' ? 'next upcoming' : 'latest held'} meeting (choose another with --meeting ID)`);
  const rec = await loadMeeting(loaded.root, id, ctx.cwd, ctx.env);
  // Members, recipients and proxies as of the meeting's date, never today.
  const model = modelOn(loaded.model, rec.meeting.date);
  const body = model.bodies.get(rec.meeting.body);
  if (!body) {
    throw new WepError(`${rec.display}: unknown body "${rec.meeting.body}"`, `${hintFor(rec.meeting.body, [...model.bodies.keys()], 'bodies')}; "wep check" lists every problem`);
  }
  return { ...loaded, model, rec, body, picked };
}

/** The agenda of the open meeting: actions carried forward and the previous meeting come from the other records. */
export async function agendaFor(ctx: CommandContext, m: OpenMeeting): Promise<Agenda> {
  const all = await loadAllMeetings(m.root, ctx.cwd, ctx.env);
  const { meeting } = m.rec;
  const carried = actionsCarriedForward(collectActions(all, ctx.today), meeting.body, meeting.date);
  const previous = all.filter((r) => r.meeting.body === meeting.body && r.meeting.date < meeting.date && !r.meeting.cancelled).pop();
  return buildAgenda(m.model, m.rec.id, meeting, {
    carried,
    previous: previous ? { id: previous.id, date: previous.meeting.date, minutesStatus: previous.meeting.minutes?.status } : undefined,
  });
}

export async function run(ctx: CommandContext, opts: { meeting?: string; json?: boolean }): Promise<number> {
  const m = await openMeeting(ctx, opts.meeting, 'next');
  const agenda = await agendaFor(ctx, m);
  if (opts.json) {
    ctx.out.json(agendaJson(agenda));
    return 0;
  }
  const venue = m.rec.meeting.venue ?? m.body.venue;
  const lines = renderAgenda(
    agenda,
    { partnership: m.model.file.partnership.name, body: m.body.name, time: timeText(m.rec.meeting.start, m.rec.meeting.end), venue: venue?.name },
    ctx.out.c,
  );
  for (const line of lines) ctx.out.out(line);
  return 0;
}
