/** The action log across meetings: what `wep actions`, agendas and `wep status` share. */
import type { IsoDate } from './dates.js';
import { meetingBodies, type Action, type MeetingFile } from './meeting-schema.js';

export interface LoggedAction extends Action {
  /** Global id: `<meeting id>/<action id>`, e.g. 2026-12-10-partnership/a1. */
  ref: string;
  meetingId: string;
  meetingDate: IsoDate;
  body: string;
  /** The bodies of the meeting that set it: more than one for a joint meeting. */
  bodies: string[];
  open: boolean;
  overdue: boolean;
  /** Agreed under a confidential agenda item: its text stays out of anything sent or published. */
  confidential?: boolean;
}

/** Every action of every meeting, oldest meeting first. */
export function collectActions(meetings: readonly { id: string; meeting: MeetingFile }[], today: IsoDate): LoggedAction[] {
  return meetings.flatMap(({ id, meeting }) =>
    (meeting.actions ?? []).map((a) => {
      const open = !a.done;
      const confidential = a.item !== undefined && meeting.agenda?.[a.item - 1]?.confidential === true;
      return { ...a, ref: `${id}/${a.id}`, meetingId: id, meetingDate: meeting.date, body: meeting.body, bodies: meetingBodies(meeting), open, overdue: open && overdueOn(a, today), confidential };
    }),
  );
}

const overdueOn = (a: Pick<Action, 'due'>, today: IsoDate) => a.due !== undefined && a.due < today;

/** The log as it stands on another day: only which open actions are overdue changes. */
export function actionsOn(log: readonly LoggedAction[], today: IsoDate): LoggedAction[] {
  return log.map((a) => ({ ...a, overdue: a.open && overdueOn(a, today) }));
}

/**
 * Open actions from meetings of the same body held before `date`: matters arising. "Overdue"
 * here means overdue at that meeting (due before its date), not today, so a notice or agenda
 * says the same thing whenever it is generated.
 */
export function actionsCarriedForward(all: readonly LoggedAction[], body: string | readonly string[], date: IsoDate): LoggedAction[] {
  const bodies = typeof body === 'string' ? [body] : body;
  return all
    .filter((a) => a.open && a.bodies.some((b) => bodies.includes(b)) && a.meetingDate < date)
    .map((a) => ({ ...a, overdue: overdueOn(a, date) }));
}

/**
 * An action's text as it may travel into a later agenda, notice or minutes: a confidential
 * item's action keeps its reference, owner and due date, never its text.
 */
export function travellingActionText(a: Pick<LoggedAction, 'text' | 'confidential' | 'item'>): string {
  return a.confidential === true ? `Confidential action (item ${a.item} of its meeting): see the confidential minutes` : a.text;
}
