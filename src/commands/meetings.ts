import { meetingState } from '../core/meeting-state.js';
import { bodyOf, loadRecords } from '../io/records.js';
import { jsonDocument } from '../report/emit.js';
import { meetingsJson, renderMeetings } from '../report/meetings.js';
import { done, type CommandContext, type CommandResult } from './context.js';

export interface MeetingsOptions {
  json?: true;
}

export async function run(ctx: CommandContext, opts: MeetingsOptions): Promise<CommandResult> {
  const records = await loadRecords(ctx);
  const all = await records.meetings();
  for (const r of all) bodyOf(records, r);
  const states = all.map((r) => meetingState(records.model, r, ctx.today));
  if (opts.json) return done({ json: jsonDocument('meetings', { date: ctx.today, meetings: meetingsJson(states) }) });
  return done({ lines: renderMeetings(states, ctx.c) });
}
