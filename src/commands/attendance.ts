import { applyAttendanceFlags, hasAttendanceFlags, type AttendanceFlags } from '../core/attendance.js';
import { WepError } from '../core/errors.js';
import type { Attendance } from '../core/meeting-schema.js';
import { requireBody } from '../core/meeting-deadlines.js';
import { modelOn } from '../core/model.js';
import { evaluateQuorum, forecastQuorum, hasRecordedPresence, quorumByItem } from '../core/quorum.js';
import { writeAttendance } from '../io/attendance-file.js';
import { commitFiles, verifyInsideRepo } from '../io/git.js';
import { loadMeeting } from '../io/meetings.js';
import { loadPartnership } from '../io/partnership-file.js';
import { formatVerdict, quorumJson, renderQuorum } from '../report/quorum.js';
import type { CommandContext } from './context.js';
import { pickMeetingId } from './quorum.js';

export interface AttendanceOptions extends AttendanceFlags {
  meeting?: string;
  commit?: boolean;
  json?: boolean;
}

export async function run(ctx: CommandContext, opts: AttendanceOptions): Promise<number> {
  const loaded = await loadPartnership(ctx);
  const { root } = loaded;
  if (opts.commit) verifyInsideRepo(root);
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
  const rec = await loadMeeting(root, await pickMeetingId(root, ctx.today, opts.meeting), ctx.cwd, ctx.env);
  // Who sits, votes and stands in is decided as of the meeting's date, never today.
  const model = modelOn(loaded.model, rec.meeting.date);
  const body = requireBody(model, rec.meeting.body);
  const agenda = rec.meeting.agenda;

  let attendance: Attendance;
  if (scripted) {
    const applied = applyAttendanceFlags(model, body, rec.meeting.attendance, flags, agenda.length);
    for (const w of applied.warnings) ctx.out.err(`${ctx.out.c.yellow('warning:')} ${w}`);
    attendance = applied.attendance;
  } else {
    // prompts load only here, so the scripted paths and `wep quorum` never pay for them
    const { askAttendance, promptKit } = await import('../io/attendance-prompt.js');
    const verdict = (att: Attendance) => formatVerdict(model, hasRecordedPresence(att) ? evaluateQuorum(model, body, att) : forecastQuorum(model, body, att.apologies ?? []), ctx.out.c);
    const answer = await askAttendance({ model, body, meeting: rec.meeting, meetingId: rec.id, file: rec.display, current: rec.meeting.attendance, verdict, print: (l) => ctx.out.out(l) }, await promptKit());
    if (!answer) {
      ctx.out.err('nothing was written');
      return 0;
    }
    attendance = answer;
  }

  const changed = writeAttendance(rec.path, attendance, rec.source);
  const commit = opts.commit ? commitFiles(root, [rec.path], `Attendance for ${rec.id}`) : null;

  const result = hasRecordedPresence(attendance) ? evaluateQuorum(model, body, attendance) : forecastQuorum(model, body, attendance.apologies ?? []);
  const byItem = hasRecordedPresence(attendance) ? quorumByItem(model, body, attendance, agenda.length).map((x) => ({ ...x, title: agenda[x.item - 1]?.title })) : undefined;
  if (opts.json) {
    ctx.out.json({ ...quorumJson(result, { meeting: rec.id, byItem }), file: rec.display, changed, commit: commit ?? null, attendance });
    return 0;
  }
  ctx.out.out(`${changed ? 'Recorded attendance in' : 'Attendance unchanged in'} ${rec.display}${commit ? ` (committed ${commit})` : ''}`);
  ctx.out.out('');
  for (const line of renderQuorum(model, result, ctx.out.c, { meeting: rec.id, byItem })) ctx.out.out(line);
  for (const w of result.warnings) ctx.out.err(`${ctx.out.c.yellow('warning:')} ${w}`);
  return 0;
}
