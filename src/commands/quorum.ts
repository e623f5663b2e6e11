import { checkPeopleIds } from '../core/attendance.js';
import { EXIT, WepError } from '../core/errors.js';
import { meetingBodies } from '../core/meeting-schema.js';
import { evaluateQuorum, meetingQuorum } from '../core/quorum.js';
import { loadRecords, resolveMeeting } from '../io/records.js';
import { renderMeetingChoice } from '../report/meetings.js';
import { quorumOutput } from '../report/quorum.js';
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
  const { model } = records;
  if (opts.present) {
    const unknown = checkPeopleIds(model, opts.present, 'present');
    if (unknown) throw problemError(unknown, ATTENDANCE_FLAGS);
    const body = resolveBody(model, opts.body);
    const result = evaluateQuorum(model, body, { present: opts.present });
    return { exitCode: result.quorate ? EXIT.ok : EXIT.inquorate, ...quorumOutput(model, result, {}, opts.json, ctx.c) };
  }
  const chosen = await resolveMeeting(records, opts.meeting, 'next-else-latest', ctx.today);
  const { rec } = chosen;
  const item = parseItem(opts.item, rec.meeting.agenda.length, rec.id);
  // A joint meeting is quorate for each of its bodies by that body's own rules.
  const bodies = meetingBodies(rec.meeting).map((id) => model.bodies.get(id)).filter((b) => b !== undefined);
  const results = bodies.map((body) => {
    const { result, byItem } = meetingQuorum(model, body, rec.meeting, rec.id, item);
    return { result, view: { meeting: rec.id, ...(byItem ? { byItem } : {}) } };
  });
  const exitCode = results.every((r) => r.result.quorate) ? EXIT.ok : EXIT.inquorate;
  const notes = renderMeetingChoice(rec.id, chosen.choice, ctx.c);
  const [first, ...joint] = results.map((r) => quorumOutput(model, r.result, r.view, opts.json, ctx.c));
  if (joint.length === 0) return { exitCode, notes, ...first };
  if (opts.json) return { exitCode, notes, json: { ...first!.json!, joint: joint.map((j) => { const { version: _v, command: _c, ...rest } = j.json!; return rest; }) } };
  const lines = results.flatMap((r, i) => [...(i ? [''] : []), ctx.c.bold(`${bodies[i]!.name} (joint meeting):`), ...(i ? joint[i - 1]! : first!).lines!]);
  return { exitCode, notes, lines, warnings: [first!, ...joint].flatMap((x) => x.warnings ?? []) };
}
