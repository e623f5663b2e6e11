import { applyAttendanceFlags, hasAttendanceFlags, type AttendanceFlags } from '../core/attendance.js';
import { WepError } from '../core/errors.js';
import type { Attendance } from '../core/meeting-schema.js';
import { evaluateQuorum, forecastQuorum, hasRecordedPresence, jointBodiesOf, meetingQuorumByBody } from '../core/quorum.js';
import { writeAttendance } from '../io/attendance-file.js';
import { commitFiles, verifyInsideRepo } from '../io/git.js';
import { loadRecords, resolveMeeting } from '../io/records.js';
import { jsonDocument } from '../report/emit.js';
import { renderMeetingChoice } from '../report/meetings.js';
import { formatMeetingVerdict, meetingQuorumJson, meetingQuorumWarnings, renderMeetingQuorum } from '../report/quorum.js';
import { ATTENDANCE_FLAGS, orFail } from './args.js';
import { done, type CommandContext, type CommandResult } from './context.js';

export interface AttendanceOptions extends AttendanceFlags {
  meeting?: string;
  commit?: true;
  json?: true;
}

export async function run(ctx: CommandContext, opts: AttendanceOptions): Promise<CommandResult> {
  const records = await loadRecords(ctx);
  const { root } = records;
  const gitWarnings = opts.commit ? verifyInsideRepo(root) : [];
  const flags: AttendanceFlags = {
    present: opts.present,
    apologies: opts.apologies,
    proxy: opts.proxy,
    substitute: opts.substitute,
    observer: opts.observer,
    arrivedAt: opts.arrivedAt,
    leftAt: opts.leftAt,
    interest: opts.interest,
  };
  const scripted = hasAttendanceFlags(flags);
  if (!scripted && !ctx.interactive) {
    throw new WepError(
      'wep attendance asks who is present on a terminal; this is not one, and no attendance flags were given',
      'give the attendance as flags, e.g. wep attendance --present ph-ahmed,sh-clarke --apologies sh-evans --proxy px-evans=sh-evans',
    );
  }
  const chosen = await resolveMeeting(records, opts.meeting, 'next-else-latest', ctx.today);
  const { rec, body, model } = chosen;
  const notes = renderMeetingChoice(rec.id, chosen.choice, ctx.c);
  const agenda = rec.meeting.agenda;
  const jointWith = jointBodiesOf(model, body, rec.meeting);

  const warnings: string[] = [...gitWarnings];
  let attendance: Attendance;
  if (scripted) {
    const applied = orFail(applyAttendanceFlags(model, body, rec.meeting.attendance, flags, agenda.length, jointWith), ATTENDANCE_FLAGS);
    warnings.push(...applied.warnings);
    attendance = applied.attendance;
  } else {
    // prompts load only here, so the scripted paths and `wep quorum` never pay for them
    const { askAttendance, promptKit } = await import('../io/attendance-prompt.js');
    // the verdict of each body, as "wep quorum" gives it
    const bodies = [body, ...jointWith];
    const verdict = (att: Attendance) =>
      formatMeetingVerdict(model, bodies.map((b) => ({ body: b, result: hasRecordedPresence(att) ? evaluateQuorum(model, b, att) : forecastQuorum(model, b, att.apologies ?? [], bodies) })), ctx.c);
    const answer = await askAttendance({ model, body, jointWith, meeting: rec.meeting, meetingId: rec.id, file: rec.display, current: rec.meeting.attendance, verdict, print: ctx.print }, await promptKit());
    if (!answer) return done({ notes: ['nothing was written'] });
    attendance = answer;
  }

  const changed = writeAttendance(root, rec.path, attendance, rec.source, rec.display);
  const commit = opts.commit ? commitFiles(root, [rec.path], `Attendance for ${rec.id}`) : null;

  // Recording attendance succeeds whether or not the meeting is quorate, so the exit is 0; the
  // quorum, of each body of a joint meeting, is in the report ("wep quorum" exits 3).
  const each = meetingQuorumByBody(model, body, { ...rec.meeting, attendance }, rec.id);
  if (opts.json) {
    return done({ notes, warnings, json: jsonDocument('attendance', { ...meetingQuorumJson(each, rec.id), file: rec.display, changed, commit: commit ?? null, attendance }) });
  }
  const lines = [`${changed ? 'Recorded attendance in' : 'Attendance unchanged in'} ${rec.display}${commit ? ` (committed ${commit})` : ''}`, '', ...renderMeetingQuorum(model, each, rec.id, ctx.c)];
  return done({ notes, lines, warnings: [...warnings, ...meetingQuorumWarnings(each)] });
}
