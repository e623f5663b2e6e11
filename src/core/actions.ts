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
}

/** Every action of every meeting, oldest meeting first. */
export function collectActions(meetings: readonly { id: string; meeting: MeetingFile }[], today: IsoDate): LoggedAction[] {
  return meetings.flatMap(({ id, meeting }) =>
    (meeting.actions ?? []).map((a) => {
      const open = !a.done;
      return { ...a, ref: `${id}/${a.id}`, meetingId: id, meetingDate: meeting.date, body: meeting.body, bodies: meetingBodies(meeting), open, overdue: open && a.due !== undefined && a.due < today };
    }),
  );
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
    .map((a) => ({ ...a, overdue: a.due !== undefined && a.due < date }));
}
