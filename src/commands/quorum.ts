import { checkPeopleIds } from '../core/attendance.js';
import { EXIT, WepError } from '../core/errors.js';
import { modelOn } from '../core/model.js';
import { evaluateQuorum, meetingQuorumByBody } from '../core/quorum.js';
import { loadRecords, resolveMeeting } from '../io/records.js';
import { jsonDocument } from '../report/emit.js';
import { renderMeetingChoice } from '../report/meetings.js';
import { meetingQuorumJson, meetingQuorumWarnings, quorumOutput, renderMeetingQuorum } from '../report/quorum.js';
import { ATTENDANCE_FLAGS, parseItem, problemError, resolveBody } from './args.js';
import type { CommandContext, CommandResult } from './context.js';

export interface QuorumOptions {
  meeting?: string;
  item?: string;
  present?: string[];
  body?: string;
  json?: true;
}

export async function run(ctx: CommandContext, opts: QuorumOptions): Promise<CommandResult> {
  if (opts.present) {
    if (opts.meeting) throw new WepError('--present and --meeting do not go together', 'use --present for a what-if attendance, or --meeting to read what a meeting recorded');
    if (opts.item !== undefined) throw new WepError('--item needs a meeting record, not --present', 'record the attendance with "wep attendance", then run "wep quorum --item N"');
  } else if (opts.body) {
    throw new WepError('--body goes with --present', 'a meeting record names its own body; choose the meeting with --meeting ID');
  }
  const records = await loadRecords(ctx);
  if (opts.present) {
    // a what-if attendance: the members of today
    const model = modelOn(records.model, ctx.today);
    const unknown = checkPeopleIds(model, opts.present, 'present');
    if (unknown) throw problemError(unknown, ATTENDANCE_FLAGS);
    const body = resolveBody(model, opts.body);
    const result = evaluateQuorum(model, body, { present: opts.present });
    return { exitCode: result.quorate ? EXIT.ok : EXIT.inquorate, ...quorumOutput(model, result, {}, opts.json, ctx.c) };
  }
  const chosen = await resolveMeeting(records, opts.meeting, 'next-else-latest', ctx.today);
  const { rec, body, model } = chosen;
  const item = parseItem(opts.item, rec.meeting.agenda.length, rec.id);
  const each = meetingQuorumByBody(model, body, rec.meeting, rec.id, item);
  const exitCode = each.every((q) => q.result.quorate) ? EXIT.ok : EXIT.inquorate;
  const notes = renderMeetingChoice(rec.id, chosen.choice, ctx.c);
  if (opts.json) return { exitCode, notes, json: jsonDocument('quorum', meetingQuorumJson(each, rec.id)) };
  return { exitCode, notes, lines: renderMeetingQuorum(model, each, rec.id, ctx.c), warnings: meetingQuorumWarnings(each) };
}
