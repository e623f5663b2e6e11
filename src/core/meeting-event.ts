/**
 * A meeting as a calendar event: the one builder behind invite.ics (`wep notice`, `wep send`),
 * `wep calendar` and the site's feed, so a meeting has one UID, one end time and one SEQUENCE
 * wherever a calendar app meets it.
 *
 * - UID: `uid` in meeting.yaml, fixed there when the notice is first written, so renaming the
 *   folder for a new date keeps the event (and a cancellation reaches it). Before that, the
 *   same value derived from the folder name, so what is written is what was already shown.
 * - SEQUENCE: the one recorded when the notice was sent, raised by one when the date, time or
 *   venue have changed since (the recorded `event` fingerprint), and for a cancellation.
 * - DTEND: the meeting's end, else its start plus the body's usual length (usual end minus
 *   usual start), else two hours.
 * - DTSTAMP: given by the caller (the time written for an invitation; a stable value for feeds).
 */
import type { IsoDate } from './dates.js';
import { hashParts } from './hash.js';
import type { IcsCalendar, IcsEvent, IcsPerson } from './ics.js';
import type { MeetingFile } from './meeting-schema.js';
import type { Model, ResolvedBody } from './model.js';
import type { Venue } from './partnership-schema.js';

/** Meeting length when neither the meeting nor its body says: a board meeting's two hours. */
export const DEFAULT_LENGTH_MINUTES = 120;

const slug = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '') || 'wep';

/** The product id every calendar wep writes carries. */
export const prodId = (model: Model) => `-//wep//${model.file.partnership.short.replace(/\/\//g, '/')}//EN`;

/** The UID a meeting gets when none is recorded yet: from the partnership and the folder name. */
export const defaultMeetingUid = (model: Model, id: string) => `${slug(model.file.partnership.short)}-${id}@wep`;

/** The meeting's UID: the one fixed in meeting.yaml, else the default for its folder. */
export const meetingUid = (model: Model, id: string, meeting: Pick<MeetingFile, 'uid'>) => meeting.uid ?? defaultMeetingUid(model, id);

/** DTSTAMP from the data (midnight UTC on the date): for feeds that must be the same on every build. */
export const stableStamp = (date: IsoDate) => `${date.replace(/-/g, '')}T000000Z`;

const minutesOf = (hhmm: string) => {
  const [h, m] = hhmm.split(':').map(Number) as [number, number];
  return h * 60 + m;
};
const hhmm = (mins: number) => `${String(Math.floor(mins / 60)).padStart(2, '0')}:${String(mins % 60).padStart(2, '0')}`;

/** The body's usual meeting length in minutes, when it gives a usual start and end. */
export function usualLength(body: Pick<ResolvedBody, 'start' | 'end'>): number | undefined {
  if (!body.start || !body.end) return undefined;
  const n = minutesOf(body.end) - minutesOf(body.start);
  return n > 0 ? n : undefined;
}

/**
 * When the meeting ends: its own end when after the start; else the start plus the body's
 * usual length (or two hours), kept within the day (23:59 at the latest).
 */
export function meetingEnd(meeting: Pick<MeetingFile, 'start' | 'end'>, body: Pick<ResolvedBody, 'start' | 'end'>): string {
  if (meeting.end && meeting.end > meeting.start) return meeting.end;
  const end = Math.min(minutesOf(meeting.start) + (usualLength(body) ?? DEFAULT_LENGTH_MINUTES), 23 * 60 + 59);
  return hhmm(end);
}

/** The venue that applies: the meeting's own, else the body's usual one. */
export const meetingVenue = (meeting: Pick<MeetingFile, 'venue'>, body: Pick<ResolvedBody, 'venue'>): Venue | undefined => meeting.venue ?? body.venue;

/** LOCATION text: venue name and address. */
export const locationText = (v: Venue | undefined) => (v ? [v.name, v.address].filter(Boolean).join(', ') : undefined);

/**
 * What calendar apps compare: date, start, end and venue. Recorded when the notice is sent;
 * a different value later means the invitation must go out again with a higher SEQUENCE.
 */
export function eventFingerprint(meeting: Pick<MeetingFile, 'date' | 'start' | 'end' | 'venue'>, body: Pick<ResolvedBody, 'start' | 'end' | 'venue'>): string {
  const v = meetingVenue(meeting, body);
  return hashParts([meeting.date, meeting.start, meetingEnd(meeting, body), v?.name ?? '', v?.address ?? '', v?.link ?? '']).slice(0, 16);
}

/** True when the notice was sent and the date, time or venue changed since. */
export function hasEventChanged(meeting: MeetingFile, body: ResolvedBody): boolean {
  const sentAs = meeting.notice?.event;
  return meeting.notice !== undefined && sentAs !== undefined && sentAs !== eventFingerprint(meeting, body);
}

/**
 * The SEQUENCE of the meeting's event now: the one sent (0 before any), plus one when the
 * date, time or venue changed after sending, plus one for a cancellation (which must outrank
 * the invitation it withdraws).
 */
export function eventSequence(meeting: MeetingFile, body: ResolvedBody): number {
  const sent = meeting.notice?.sequence ?? 0;
  if (meeting.cancelled) return sent + 1;
  return sent + (hasEventChanged(meeting, body) ? 1 : 0);
}

export interface MeetingEventOptions {
  /** DTSTAMP, UTC form YYYYMMDDTHHMMSSZ. */
  stamp: string;
  description?: string;
  /** URL: default the joining link. */
  url?: string;
  organizer?: IcsPerson;
  attendees?: IcsPerson[];
  categories?: string[];
}

/** The meeting's event, the same UID, times, SEQUENCE and location for every calendar wep writes. */
export function meetingEvent(model: Model, id: string, meeting: MeetingFile, opts: MeetingEventOptions): IcsEvent {
  const body = model.bodies.get(meeting.body);
  if (!body) throw new Error(`meetingEvent: unknown body ${meeting.body}`);
  const venue = meetingVenue(meeting, body);
  const e: IcsEvent = {
    uid: meetingUid(model, id, meeting),
    stamp: opts.stamp,
    sequence: eventSequence(meeting, body),
    summary: `${model.file.partnership.short}: ${body.name}`,
    timed: { date: meeting.date, start: meeting.start, end: meetingEnd(meeting, body) },
    cancelled: meeting.cancelled !== undefined,
  };
  const location = locationText(venue);
  if (location) e.location = location;
  if (opts.description) e.description = opts.description;
  const url = opts.url ?? venue?.link;
  if (url) e.url = url;
  if (opts.organizer) e.organizer = opts.organizer;
  if (opts.attendees?.length) e.attendees = opts.attendees;
  if (opts.categories?.length) e.categories = opts.categories;
  return e;
}

/** An invitation (METHOD:REQUEST) or, for a cancelled meeting, its cancellation (METHOD:CANCEL). */
export function invitationCalendar(model: Model, event: IcsEvent): IcsCalendar {
  return { prodId: prodId(model), method: event.cancelled ? 'CANCEL' : 'REQUEST', events: [event] };
}
