/**
 * The one records loader. Every command reads the records through it: the partnership file
 * (found, validated, built into the model), and the meetings, each with its minutes.md read
 * once by the one minutes parser, so every command sees the same ACTION and DECISION lines.
 * Also the one meeting resolver: `--meeting ID`, the next upcoming, or the latest held.
 */
import type { IsoDate } from '../core/dates.js';
import { WepError } from '../core/errors.js';
import { modelOn, type Model, type ResolvedBody } from '../core/model.js';
import { hintFor } from '../core/suggest.js';
import { listMeetingIds, meetingDate, MEETING_ID, MEETINGS_DIR } from './meetings.js';
import { loadPartnership, type LoadedPartnership, type LoadOptions } from './partnership-file.js';
import type { RegisterMeeting } from './registers.js';

/** A meeting as every command sees it: meeting.yaml, and minutes.md's entries not yet in it. */
export type MeetingRecord = RegisterMeeting;

export interface Records extends LoadedPartnership {
  /** Ids of every meeting folder that holds a meeting.yaml, oldest first. */
  ids(): string[];
  /** One meeting, validated, with its minutes. */
  meeting(id: string): Promise<MeetingRecord>;
  /**
   * Every meeting, oldest first, with its minutes. `summary` leaves out the agenda, venue and invitees,
   * for commands that read none of them on repos of a thousand meetings.
   */
  meetings(opts?: { summary?: boolean }): Promise<MeetingRecord[]>;
}

/** Loads the partnership file; meetings are read when first asked for, and then only once. */
export async function loadRecords(opts: LoadOptions): Promise<Records> {
  const loaded = await loadPartnership(opts);
  const env = opts.env ?? process.env;
  const all = new Map<string, Promise<MeetingRecord[]>>();
  let ids: string[] | undefined;
  // registers.js brings the minutes parser: loaded only by commands that read meetings
  const registers = () => import('./registers.js');
  return {
    ...loaded,
    ids: () => (ids ??= listMeetingIds(loaded.root)),
    async meeting(id) {
      const { loadRegisterMeeting } = await registers();
      return loadRegisterMeeting(loaded.root, id, opts.cwd, env);
    },
    meetings({ summary = false } = {}) {
      const key = summary ? 'summary' : 'full';
      let p = all.get(key);
      if (!p) {
        p = registers().then(({ loadRegisters }) => loadRegisters(loaded.root, opts.cwd, env, { summary }));
        all.set(key, p);
      }
      return p;
    },
  };
}

/** How a command finds its meeting when none is named. */
export type MeetingDefault = 'next' | 'latest-held' | 'next-else-latest';

/** How the meeting was chosen: named with --meeting, or picked by the default. */
export type MeetingChoice = 'given' | 'next' | 'latest-held';

export interface ChosenMeeting {
  rec: MeetingRecord;
  /** The partnership as of the meeting's date: who sits, votes, stands in and gets the papers. */
  model: Model;
  /** The meeting's body, as of its date. */
  body: ResolvedBody;
  choice: MeetingChoice;
}

/** Why no meeting could be chosen. */
export type NoMeetingReason = 'not-an-id' | 'unknown' | 'none-yet' | 'none-upcoming' | 'none-held';

/** The one error of the meeting resolver: the reason is for code, the message for the clerk. */
export class NoMeetingError extends WepError {
  constructor(
    readonly reason: NoMeetingReason,
    message: string,
    hint: string,
  ) {
    super(message, hint);
    this.name = 'NoMeetingError';
  }
}

/** The id of the meeting to use, or a NoMeetingError. Pure over the list of ids. */
export function chooseMeetingId(ids: readonly string[], today: IsoDate, requested: string | undefined, def: MeetingDefault): { id: string; choice: MeetingChoice } {
  if (requested !== undefined) {
    if (!MEETING_ID.test(requested)) {
      throw new NoMeetingError('not-an-id', `"${requested}" is not a meeting id`, `a meeting id is the folder name under ${MEETINGS_DIR}/, such as 2026-12-10-partnership; "wep meetings" lists them`);
    }
    if (!ids.includes(requested)) throw new NoMeetingError('unknown', `no meeting "${requested}" in ${MEETINGS_DIR}/`, hintFor(requested, [...ids], 'meetings'));
    return { id: requested, choice: 'given' };
  }
  if (ids.length === 0) throw new NoMeetingError('none-yet', `no meetings yet in ${MEETINGS_DIR}/`, 'create one with "wep meeting new YYYY-MM-DD"');
  const next = ids.find((m) => meetingDate(m) >= today);
  const held = [...ids].reverse().find((m) => meetingDate(m) <= today);
  const known = `name one with --meeting ID; known meetings: ${ids.slice(-5).join(', ')}`;
  if (def === 'next' || (def === 'next-else-latest' && next)) {
    if (next) return { id: next, choice: 'next' };
    throw new NoMeetingError('none-upcoming', `no upcoming meeting (on or after ${today}) in ${MEETINGS_DIR}/`, known);
  }
  if (held) return { id: held, choice: 'latest-held' };
  throw new NoMeetingError('none-held', `no meeting held yet (on or before ${today}) in ${MEETINGS_DIR}/`, known);
}

/** The meeting a command acts on, loaded, with its body checked against the partnership file. */
export async function resolveMeeting(records: Records, requested: string | undefined, def: MeetingDefault, today: IsoDate): Promise<ChosenMeeting> {
  const { id, choice } = chooseMeetingId(records.ids(), today, requested, def);
  const rec = await records.meeting(id);
  // Everything about a meeting is decided as of its date, never today.
  const model = modelOn(records.model, rec.meeting.date);
  return { rec, model, body: bodyOf({ model }, rec), choice };
}

/** The body a meeting record names, or an error pointing at `wep check`. */
export function bodyOf(records: Pick<Records, 'model'>, rec: Pick<MeetingRecord, 'display' | 'meeting'>): ResolvedBody {
  const body = records.model.bodies.get(rec.meeting.body);
  if (!body) {
    throw new WepError(`${rec.display}: unknown body "${rec.meeting.body}"`, `${hintFor(rec.meeting.body, [...records.model.bodies.keys()], 'bodies')}; "wep check" lists every problem`);
  }
  return body;
}

/** A meeting named on the command line other than the one acted on (e.g. --approved-at). */
export function verifyMeetingRef(records: Pick<Records, 'ids'>, id: string, flag?: string): string {
  try {
    return chooseMeetingId(records.ids(), '0000-01-01', id, 'next').id;
  } catch (e) {
    if (e instanceof NoMeetingError && flag) throw new WepError(`${flag}: ${e.message}`, e.hint);
    throw e;
  }
}
