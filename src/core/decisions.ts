/**
 * The decisions register across meetings, each decision with the quorum at its item, its
 * recorded vote and minute reference, and, for a decision taken while the meeting was not
 * quorate, whether a later quorate meeting has confirmed it. Pure.
 */
import type { IsoDate } from './dates.js';
import type { Attendance, MeetingFile, Votes } from './meeting-schema.js';
import type { MinuteRef } from './minute-refs.js';
import type { QuorumView } from './minutes.js';
import { modelOn, type Model, type ResolvedBody } from './model.js';

/**
 * valid: taken while quorate; confirmed: taken while not quorate and confirmed by a later
 * quorate meeting; awaiting-confirmation: taken while not quorate, not (validly) confirmed;
 * unknown: no attendance recorded.
 */
export type DecisionStanding = 'valid' | 'confirmed' | 'awaiting-confirmation' | 'unknown';

export interface Confirmation {
  /** The meeting that confirmed it, and the item (null: the start of the meeting). */
  at: string;
  item: number | null;
  date: IsoDate | null;
  /** The confirming meeting's quorum at that point: null when unknown or not in the records. */
  quorate: boolean | null;
  /** Why the confirmation does not count, when it does not. */
  problem: string | null;
}

export interface DecisionEntry {
  /** `<meeting id>/<decision id>`; decisions without an id are numbered d1, d2 ... by position. */
  ref: string;
  meetingId: string;
  date: IsoDate;
  body: string;
  bodyName: string;
  item: number;
  itemTitle: string;
  text: string;
  confidential: boolean;
  /** Quorum at the item: true/false, or null when no attendance is recorded (or the body is unknown). */
  quorate: boolean | null;
  quorum?: QuorumView;
  /** Typed in minutes.md and not yet copied into meeting.yaml. */
  fromMinutesFile: boolean;
  votes?: Votes;
  /** The minute reference under the partnership's scheme, when it has one. */
  minuteRef?: string;
  confirmation: Confirmation | null;
  standing: DecisionStanding;
}

/** Evaluates the quorum of a body at an agenda item (the quorum engine, injected), with the model as of the meeting; no item: the start. */
export type EvaluateQuorum = (model: Model, body: ResolvedBody, attendance: Attendance, item: number | undefined) => QuorumView;

export interface DecisionSource {
  id: string;
  meeting: MeetingFile;
  /** Ids of decisions that came from minutes.md. */
  fromMinutesFile?: ReadonlySet<string>;
}

/**
 * Whether a recorded confirmation counts: the confirming meeting must be in the records, later,
 * of the same body, not cancelled, and quorate at the item (or start) where it confirmed.
 */
export function checkConfirmation(
  model: Model,
  decision: { meetingId: string; date: IsoDate; body: string },
  confirmed: { at: string; item?: number },
  at: MeetingFile | undefined,
  evaluate: EvaluateQuorum,
): Confirmation {
  const base = { at: confirmed.at, item: confirmed.item ?? null, date: at?.date ?? null };
  const fail = (problem: string, quorate: boolean | null = null): Confirmation => ({ ...base, quorate, problem });
  if (!at) return fail(`there is no meeting ${confirmed.at} in the records`);
  if (at.date <= decision.date) return fail(`${confirmed.at} is not after the meeting that took the decision (${decision.meetingId})`);
  if (at.body !== decision.body) return fail(`${confirmed.at} is a meeting of another body (${at.body}); only the body that took the decision can confirm it`);
  if (at.cancelled) return fail(`${confirmed.at} was cancelled`);
  // An empty agenda is a summary record (io/registers.ts summaryOf): the item cannot be checked there.
  if (confirmed.item !== undefined && at.agenda.length && confirmed.item > at.agenda.length) return fail(`${confirmed.at} has no item ${confirmed.item} (its agenda has ${at.agenda.length})`);
  const body = model.bodies.get(at.body);
  if (!body || !at.attendance) return fail(`no attendance is recorded for ${confirmed.at}, so wep cannot tell whether it was quorate`);
  const q = evaluate(modelOn(model, at.date), body, at.attendance, confirmed.item);
  if (!q.quorate) {
    const short = q.rules.filter((r) => !r.met).map((r) => `${r.description}, short by ${r.shortBy}`).join('; ');
    return fail(`${confirmed.at} was not quorate ${confirmed.item ? `at item ${confirmed.item}` : 'at the start'} either${short ? ` (${short})` : ''}`, false);
  }
  return { ...base, quorate: true, problem: null };
}

/** Every decision of every meeting, oldest first, with the quorum at the time. Pure. */
export function collectDecisions(model: Model, meetings: readonly DecisionSource[], evaluate: EvaluateQuorum, refOf?: MinuteRef): DecisionEntry[] {
  const out: DecisionEntry[] = [];
  const byId = new Map(meetings.map((m) => [m.id, m.meeting] as const));
  for (const { id, meeting: m, fromMinutesFile } of meetings) {
    // The quorum of a decision is counted on the meeting's date, with the members of that day.
    const on = modelOn(model, m.date);
    const body = on.bodies.get(m.body);
    (m.decisions ?? []).forEach((d, i) => {
      const item = m.agenda[d.item - 1];
      const quorum = body && m.attendance ? evaluate(on, body, m.attendance, d.item) : undefined;
      const did = d.id ?? `d${i + 1}`;
      const quorate = quorum ? quorum.quorate : null;
      const confirmation = d.confirmed ? checkConfirmation(model, { meetingId: id, date: m.date, body: m.body }, d.confirmed, byId.get(d.confirmed.at), evaluate) : null;
      const standing: DecisionStanding = quorate === null ? 'unknown' : quorate ? 'valid' : confirmation && !confirmation.problem ? 'confirmed' : 'awaiting-confirmation';
      const minuteRef = refOf?.(id, d.item);
      out.push({
        ref: `${id}/${did}`,
        meetingId: id,
        date: m.date,
        body: m.body,
        bodyName: body?.name ?? m.body,
        item: d.item,
        itemTitle: item?.title ?? `item ${d.item}`,
        text: d.text,
        confidential: item?.confidential ?? false,
        quorate,
        ...(quorum ? { quorum } : {}),
        fromMinutesFile: d.id !== undefined && (fromMinutesFile?.has(d.id) ?? false),
        ...(d.votes ? { votes: d.votes } : {}),
        ...(minuteRef ? { minuteRef } : {}),
        confirmation,
        standing,
      });
    });
  }
  return out;
}

/**
 * Why a confirmation cannot be recorded for this decision, or null when it can: the decision
 * must have been taken while not quorate, not yet confirmed, and the confirming meeting must
 * count (checkConfirmation).
 */
export function confirmationRefusal(entry: DecisionEntry, proposed: Confirmation): { message: string; hint: string } | null {
  if (entry.quorate === null) {
    return { message: `no attendance is recorded for ${entry.meetingId}, so wep cannot tell whether decision ${entry.ref} needs confirming`, hint: `record the attendance of ${entry.meetingId} first` };
  }
  if (entry.quorate) return { message: `decision ${entry.ref} was taken while the meeting was quorate: it needs no confirmation`, hint: '"wep decisions" shows which decisions await confirmation' };
  if (entry.standing === 'confirmed' && entry.confirmation) {
    return { message: `decision ${entry.ref} is already confirmed at ${entry.confirmation.at}`, hint: 'nothing to do; to change the record, edit "confirmed:" in meeting.yaml' };
  }
  if (proposed.problem) return { message: `${proposed.at} cannot confirm decision ${entry.ref}: ${proposed.problem}`, hint: 'name a later meeting of the same body that was quorate at the item where it confirmed the decision' };
  return null;
}
