import { agendaAmong } from '../core/agenda.js';
import { timeText } from '../core/notice.js';
import { loadRecords, resolveMeeting } from '../io/records.js';
import { agendaJson, renderAgenda } from '../report/agenda.js';
import { jsonDocument } from '../report/emit.js';
import { renderMeetingChoice } from '../report/meetings.js';
import { done, type CommandContext, type CommandResult } from './context.js';

export interface AgendaOptions {
  meeting?: string;
  json?: true;
}

export async function run(ctx: CommandContext, opts: AgendaOptions): Promise<CommandResult> {
  const records = await loadRecords(ctx);
  const { rec, body, choice } = await resolveMeeting(records, opts.meeting, 'next', ctx.today);
  const agenda = agendaAmong(records.model, rec.id, rec.meeting, await records.meetings(), ctx.today);
  const notes = renderMeetingChoice(rec.id, choice, ctx.c);
  if (opts.json) return done({ notes, json: jsonDocument('agenda', agendaJson(agenda)) });
  const venue = rec.meeting.venue ?? body.venue;
  const heading = { partnership: records.model.file.partnership.name, body: body.name, time: timeText(rec.meeting.start, rec.meeting.end), venue: venue?.name };
  return done({ notes, lines: renderAgenda(agenda, heading, ctx.c) });
}
