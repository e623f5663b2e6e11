/**
 * `wep check` for the registers: actions owned by unknown people (with did-you-mean), overdue
 * actions, decisions recorded while the meeting was not quorate, minutes past their deadline,
 * and minutes.md lines wep cannot read, each at FILE:LINE:COL. Meetings that do not validate
 * are left to the meeting-record check, which reports them.
 */
import { locate, type Diagnostic } from '../core/diagnostic.js';
import type { IsoDate } from '../core/dates.js';
import { collectDecisions } from '../core/decisions.js';
import { DiagnosticsError } from '../core/errors.js';
import type { Model } from '../core/model.js';
import { evaluateQuorum } from '../core/quorum.js';
import { checkRegisterProblems } from '../core/status.js';
import { listMeetingIds, loadMeeting, parseMeetingSource } from './meetings.js';
import { withMinutes, type RegisterMeeting } from './registers.js';

export async function checkRegisters(root: string, cwd: string, model: Model, today: IsoDate): Promise<{ diagnostics: Diagnostic[]; sources: Record<string, string> }> {
  const meetings: RegisterMeeting[] = [];
  for (const id of listMeetingIds(root)) {
    try {
      // the record checks just parsed every meeting.yaml and remembered it (io/meetings.ts):
      // an entry in the cache for each as well would be a thousand files written on a cold check
      // of 20 years, for no later check (the record checks parse every file whenever one changed)
      meetings.push(withMinutes(await loadMeeting(root, id, cwd, process.env, { keep: false })));
    } catch (e) {
      if (!(e instanceof DiagnosticsError)) throw e;
    }
  }
  const decisions = collectDecisions(
    model,
    meetings.map((m) => ({ id: m.id, meeting: m.merged, fromMinutesFile: new Set(m.pending.decisions.map((d) => d.id)) })),
    (on, body, attendance, item) => evaluateQuorum(on, body, attendance, item === undefined ? {} : { item }),
  );
  const problems = checkRegisterProblems(
    model,
    meetings.map((m) => ({ id: m.id, meeting: m.meeting, pendingActions: m.pending.actions, pendingDecisions: m.pending.decisions, minutesProblems: m.parsed?.problems ?? [], differences: m.differences })),
    decisions,
    today,
    (on, body, attendance, item) => evaluateQuorum(on, body, attendance, item === undefined ? {} : { item }),
  );
  const diagnostics: Diagnostic[] = [];
  const sources: Record<string, string> = {};
  const byId = new Map(meetings.map((m) => [m.id, m] as const));
  const positions = new Map<string, Awaited<ReturnType<typeof parseMeetingSource>>['positions']>();
  for (const p of problems) {
    const rec = byId.get(p.meeting)!;
    const severity = p.severity ?? 'error';
    if (p.file === 'minutes') {
      sources[rec.minutesDisplay] = rec.minutesSource ?? '';
      diagnostics.push({ severity, file: rec.minutesDisplay, pos: { line: p.line ?? 1, col: p.col ?? 1, len: p.len ?? 1 }, message: p.message, ...(p.hint ? { hint: p.hint } : {}), check: p.check });
      continue;
    }
    // Positions only for the meetings with problems: a clean repo pays no second parse.
    if (!positions.has(rec.id)) positions.set(rec.id, (await parseMeetingSource(rec.source, rec.display)).positions);
    sources[rec.display] = rec.source;
    const [d] = locate([{ path: p.path, message: p.message, hint: p.hint, severity }], rec.display, positions.get(rec.id) ?? new Map(), p.check);
    diagnostics.push(d!);
  }
  return { diagnostics, sources };
}
