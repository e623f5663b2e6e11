import { meetingBodies } from '../core/meeting-schema.js';
import { meetingState } from '../core/meeting-state.js';
import { bodyOf, loadRecords } from '../io/records.js';
import { jsonDocument } from '../report/emit.js';
import { meetingsJson, renderMeetings } from '../report/meetings.js';
import { resolveBody } from './args.js';
import { done, type CommandContext, type CommandResult } from './context.js';

export interface MeetingsOptions {
  body?: string;
  json?: true;
}

export async function run(ctx: CommandContext, opts: MeetingsOptions): Promise<CommandResult> {
  const records = await loadRecords(ctx);
  const body = opts.body === undefined ? undefined : resolveBody(records.model, opts.body);
  const all = await records.meetings();
  for (const r of all) bodyOf(records, r);
  // a joint meeting is a meeting of each of its bodies
  const shown = body ? all.filter((r) => meetingBodies(r.meeting).includes(body.id)) : all;
  const states = shown.map((r) => meetingState(records.model, r, ctx.today));
  if (opts.json) return done({ json: jsonDocument('meetings', { date: ctx.today, ...(body ? { body: body.id } : {}), meetings: meetingsJson(states) }) });
  return done({ lines: renderMeetings(states, ctx.c, body?.name) });
}
