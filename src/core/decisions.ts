/**
 * The decisions register across meetings, each decision with the quorum at its item, its
 * recorded vote and minute reference, and, for a decision taken while the meeting was not
 * quorate, whether a later quorate meeting has confirmed it. Pure.
 */
import { theNames } from './body-names.js';
import type { IsoDate } from './dates.js';
import { meetingBodies, type Attendance, type MeetingFile, type Votes } from './meeting-schema.js';
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

/** The quorum of one body of a joint meeting at a decision's item, by that body's own rules. */
export interface BodyQuorum {
  body: string;
  bodyName: string;
  /** null when no attendance is recorded. */
  quorate: boolean | null;
  quorum?: QuorumView;
}

export interface DecisionEntry {
  /** `<meeting id>/<decision id>`; decisions without an id are numbered d1, d2 ... by position. */
  ref: string;
  meetingId: string;
  date: IsoDate;
  /** The body the register lists it for: the meeting's own, or the body asked for (a joint meeting's other body). */
  body: string;
  bodyName: string;
  /** Every body of the meeting, its own first: more than one for a joint meeting. */
  bodies: string[];
  /** A joint meeting only: the quorum of each of its bodies at the item. */
  joint?: BodyQuorum[];
  /**
   * The bodies that were not quorate at the item: the ones a later meeting must confirm the
   * decision for (empty when quorate or not known).
   */
  inquorateBodies: string[];
  item: number;
  itemTitle: string;
  text: string;
  confidential: boolean;
  /**
   * Quorum at the item: true/false, or null when no attendance is recorded (or the body is
   * unknown). For a joint meeting listed for no one body, true only when every body was quorate.
   */
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
 * of the same body, not cancelled, and quorate at the item (or start) where it confirmed. For a
 * decision of a joint meeting, "the same body" is each body that was not quorate when it was
 * taken (`inquorateBodies`): the confirming meeting must be a meeting of each, quorate for each.
 */
export function checkConfirmation(
  model: Model,
  decision: { meetingId: string; date: IsoDate; body: string; inquorateBodies?: readonly string[] },
  confirmed: { at: string; item?: number },
  at: MeetingFile | undefined,
  evaluate: EvaluateQuorum,
): Confirmation {
  const base = { at: confirmed.at, item: confirmed.item ?? null, date: at?.date ?? null };
  const fail = (problem: string, quorate: boolean | null = null): Confirmation => ({ ...base, quorate, problem });
  if (!at) return fail(`there is no meeting ${confirmed.at} in the records`);
  if (at.date <= decision.date) return fail(`${confirmed.at} is not after the meeting that took the decision (${decision.meetingId})`);
  const needs = decision.inquorateBodies?.length ? [...decision.inquorateBodies] : [decision.body];
  const atBodies = meetingBodies(at);
  const missing = needs.filter((b) => !atBodies.includes(b));
  if (missing.length) {
    if (needs.length === 1 && needs[0] === decision.body) return fail(`${confirmed.at} is a meeting of another body (${at.body}); only the body that took the decision can confirm it`);
    const names = theNames(missing.map((b) => model.bodies.get(b)?.name ?? b));
    return fail(`${confirmed.at} is not a meeting of ${names}; a meeting of each body that was not quorate when the decision was taken must confirm it`);
  }
  if (at.cancelled) return fail(`${confirmed.at} was cancelled`);
  // An empty agenda is a summary record (io/registers.ts summaryOf): the item cannot be checked there.
  if (confirmed.item !== undefined && at.agenda.length && confirmed.item > at.agenda.length) return fail(`${confirmed.at} has no item ${confirmed.item} (its agenda has ${at.agenda.length})`);
  const on = modelOn(model, at.date);
  for (const id of needs) {
    const body = model.bodies.get(id);
    if (!body || !at.attendance) return fail(`no attendance is recorded for ${confirmed.at}, so wep cannot tell whether it was quorate`);
    const q = evaluate(on, on.bodies.get(id) ?? body, at.attendance, confirmed.item);
    if (!q.quorate) {
      const short = q.rules.filter((r) => !r.met).map((r) => `${r.description}, short by ${r.shortBy}`).join('; ');
      const whose = needs.length > 1 ? ` for ${body.name}` : '';
      return fail(`${confirmed.at} was not quorate${whose} ${confirmed.item ? `at item ${confirmed.item}` : 'at the start'} either${short ? ` (${short})` : ''}`, false);
    }
  }
  return { ...base, quorate: true, problem: null };
}

export interface CollectOptions {
  /**
   * Only the meetings of this body, joint meetings included, each decision with this body's
   * quorum: the body's own register.
   */
  body?: string;
}

/**
 * Every decision of every meeting, oldest first, with the quorum at the time. A decision of a
 * joint meeting is one entry with the quorum of each body (`joint`); it is quorate when every
 * body was, or, in one body's register (`opts.body`), when that body was. Pure.
 */
export function collectDecisions(model: Model, meetings: readonly DecisionSource[], evaluate: EvaluateQuorum, refOf?: MinuteRef, opts: CollectOptions = {}): DecisionEntry[] {
  const out: DecisionEntry[] = [];
  const byId = new Map(meetings.map((m) => [m.id, m.meeting] as const));
  for (const { id, meeting: m, fromMinutesFile } of meetings) {
    const bodies = meetingBodies(m);
    if (opts.body !== undefined && !bodies.includes(opts.body)) continue;
    const listed = opts.body ?? m.body;
    // The quorum of a decision is counted on the meeting's date, with the members of that day.
    const on = modelOn(model, m.date);
    const body = on.bodies.get(listed);
    (m.decisions ?? []).forEach((d, i) => {
      const item = m.agenda[d.item - 1];
      const byBody: BodyQuorum[] = bodies.map((b) => {
        const ofBody = on.bodies.get(b);
        const quorum = ofBody && m.attendance ? evaluate(on, ofBody, m.attendance, d.item) : undefined;
        return { body: b, bodyName: ofBody?.name ?? b, quorate: quorum ? quorum.quorate : null, ...(quorum ? { quorum } : {}) };
      });
      const own = byBody.find((q) => q.body === listed)!;
      const counted = opts.body !== undefined ? [own] : byBody;
      const quorate = counted.some((q) => q.quorate === null) ? null : counted.every((q) => q.quorate);
      // the shortfall shown: the listed body's, or the first body that was short
      const quorum = quorate === false ? counted.find((q) => q.quorate === false)!.quorum : own.quorum;
      const inquorateBodies = counted.filter((q) => q.quorate === false).map((q) => q.body);
      const did = d.id ?? `d${i + 1}`;
      const confirmation = d.confirmed ? checkConfirmation(model, { meetingId: id, date: m.date, body: listed, inquorateBodies }, d.confirmed, byId.get(d.confirmed.at), evaluate) : null;
      const standing: DecisionStanding = quorate === null ? 'unknown' : quorate ? 'valid' : confirmation && !confirmation.problem ? 'confirmed' : 'awaiting-confirmation';
      const minuteRef = refOf?.(id, d.item);
      out.push({
        ref: `${id}/${did}`,
        meetingId: id,
        date: m.date,
        body: listed,
        bodyName: body?.name ?? listed,
        bodies,
        ...(bodies.length > 1 ? { joint: byBody } : {}),
        inquorateBodies,
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
