/** The decisions register across meetings, each decision with the quorum at its item. */
import type { IsoDate } from './dates.js';
import type { Attendance, MeetingFile } from './meeting-schema.js';
import type { QuorumView } from './minutes.js';
import { modelOn, type Model, type ResolvedBody } from './model.js';

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
}

/** Evaluates the quorum of a body at an agenda item (the quorum engine, injected). */
export type EvaluateQuorum = (model: Model, body: ResolvedBody, attendance: Attendance, item: number) => QuorumView;

export interface DecisionSource {
  id: string;
  meeting: MeetingFile;
  /** Ids of decisions that came from minutes.md. */
  fromMinutesFile?: ReadonlySet<string>;
}

/** Every decision of every meeting, oldest first, with the quorum at the time. Pure. */
export function collectDecisions(model: Model, meetings: readonly DecisionSource[], evaluate: EvaluateQuorum): DecisionEntry[] {
  const out: DecisionEntry[] = [];
  for (const { id, meeting: m, fromMinutesFile } of meetings) {
    // The quorum of a decision is counted on the meeting's date, with the members of that day.
    const on = modelOn(model, m.date);
    const body = on.bodies.get(m.body);
    (m.decisions ?? []).forEach((d, i) => {
      const item = m.agenda[d.item - 1];
      const quorum = body && m.attendance ? evaluate(on, body, m.attendance, d.item) : undefined;
      const did = d.id ?? `d${i + 1}`;
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
        quorate: quorum ? quorum.quorate : null,
        ...(quorum ? { quorum } : {}),
        fromMinutesFile: d.id !== undefined && (fromMinutesFile?.has(d.id) ?? false),
      });
    });
  }
  return out;
}
