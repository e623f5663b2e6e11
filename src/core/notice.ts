/**
 * The notice of a meeting: whether it goes out in time, and everything a notice says (DOMAIN.md,
 * "Notice, agenda, minutes"), as plain data for the templates and the invitation.
 */
import { workingDaysAfter } from './calendar.js';
import { formatLongDate, formatTime, type IsoDate } from './dates.js';
import { lateness } from './deadlines.js';
import type { Agenda, AgendaEntry } from './agenda.js';
import type { Distribution, Recipient } from './distribution.js';
import type { IcsCalendar, IcsEvent } from './ics.js';
import type { MeetingDeadlines } from './meeting-deadlines.js';
import type { MeetingFile } from './meeting-schema.js';
import type { Model } from './model.js';

export interface NoticeTiming {
  /** on-time: sent (or can still be sent) by the deadline; late: after it, with no agreement;
   * short-notice-agreed: after it, with shorter notice agreed and recorded. */
  status: 'on-time' | 'late' | 'short-notice-agreed';
  /** The day the notice was sent, or today when it has not been sent yet. */
  date: IsoDate;
  sent: boolean;
  deadline: IsoDate;
  safeDeadline: IsoDate;
  rule: string;
  workingDaysLate: number;
  /** Working days left to the deadline when not yet sent and on time. */
  workingDaysLeft: number;
  shortNotice: { reason: string; agreedBy: string[] } | null;
}

/** Checks the notice (sent on `sent`, or still to send on `today`) against the deadline. */
export function noticeTiming(model: Model, d: MeetingDeadlines, meeting: MeetingFile, today: IsoDate, sent?: IsoDate): NoticeTiming {
  const date = sent ?? today;
  const late = lateness(model.calendar, d.noticeBy.date, date);
  const shortNotice = meeting.shortNotice ? { reason: meeting.shortNotice.reason, agreedBy: meeting.shortNotice.agreedBy ?? [] } : null;
  return {
    status: late.onTime ? 'on-time' : shortNotice ? 'short-notice-agreed' : 'late',
    date,
    sent: sent !== undefined,
    deadline: d.noticeBy.date,
    safeDeadline: d.noticeBySafe.date,
    rule: d.noticeBy.rule,
    workingDaysLate: late.workingDaysLate,
    workingDaysLeft: late.onTime ? workingDaysAfter(model.calendar, date, d.noticeBy.date) : 0,
    shortNotice,
  };
}

export interface NoticePerson {
  name: string;
  title: string | null;
  email: string | null;
}

export interface NoticeView {
  partnership: { name: string; short: string };
  body: { id: string; name: string };
  meetingId: string;
  /** "Thursday 10 December 2026" */
  dateLong: string;
  date: IsoDate;
  start: string;
  end: string | null;
  /** "4pm to 6pm", as people write it. */
  timeText: string;
  venue: { name: string; address: string | null; link: string | null; joining: string | null } | null;
  agenda: AgendaEntry[];
  papers: AgendaEntry[];
  hasConfidential: boolean;
  calledBy: NoticePerson | null;
  requestedBy: NoticePerson | null;
  recipients: { members: Recipient[]; proxies: Recipient[]; invitees: Recipient[] };
  recipientCount: number;
  shortNotice: { reason: string; agreedBy: string[] } | null;
  /** The deadline rule, in words, for the notice's own record. */
  noticeRule: string;
  clerk: { name: string; email: string; phone: string | null };
}

function person(model: Model, id: string | undefined): NoticePerson | null {
  if (!id) return null;
  const p = model.people.get(id);
  return p ? { name: p.name, title: p.title ?? null, email: p.email ?? null } : { name: id, title: null, email: null };
}

/** "4pm to 6pm", or "4pm" when no end is known. */
export function timeText(start: string, end?: string): string {
  return end ? `${formatTime(start)} to ${formatTime(end)}` : formatTime(start);
}

/** Everything the notice templates show, from the records. */
export function buildNoticeView(model: Model, id: string, meeting: MeetingFile, agenda: Agenda, dist: Distribution, d: MeetingDeadlines): NoticeView {
  const body = model.bodies.get(meeting.body)!;
  const venue = meeting.venue ?? body.venue;
  const p = model.file.partnership;
  const name = (pid: string) => model.people.get(pid)?.name ?? pid;
  return {
    partnership: { name: p.name, short: p.short },
    body: { id: body.id, name: body.name },
    meetingId: id,
    dateLong: formatLongDate(meeting.date),
    date: meeting.date,
    start: meeting.start,
    end: meeting.end ?? null,
    timeText: timeText(meeting.start, meeting.end),
    venue: venue ? { name: venue.name, address: venue.address ?? null, link: venue.link ?? null, joining: venue.joining ?? null } : null,
    agenda: agenda.items,
    papers: agenda.papers,
    hasConfidential: agenda.items.some((i) => i.confidential),
    calledBy: person(model, meeting.calledBy ?? body.chair),
    requestedBy: person(model, meeting.requestedBy),
    recipients: {
      members: dist.recipients.filter((r) => r.kind === 'member'),
      proxies: dist.recipients.filter((r) => r.kind === 'proxy').map((r) => ({ ...r, proxyFor: r.proxyFor ? name(r.proxyFor) : undefined })),
      invitees: dist.recipients.filter((r) => r.kind === 'invitee'),
    },
    recipientCount: dist.recipients.length,
    shortNotice: meeting.shortNotice ? { reason: meeting.shortNotice.reason, agreedBy: (meeting.shortNotice.agreedBy ?? []).map(name) } : null,
    noticeRule: d.noticeBy.rule,
    clerk: { name: p.clerk.name, email: p.clerk.email, phone: p.clerk.phone ?? null },
  };
}

const slug = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '') || 'wep';

/** The product id every calendar wep writes carries. */
export const prodId = (model: Model) => `-//wep//${model.file.partnership.short.replace(/\/\//g, '/')}//EN`;

/** The stable UID of a meeting's calendar event. */
export const meetingUid = (model: Model, id: string) => `${slug(model.file.partnership.short)}-${id}@wep`;

/** DTSTAMP from the data: midnight UTC on the meeting date (stable across runs). */
export const stampFor = (date: IsoDate) => `${date.replace(/-/g, '')}T000000Z`;

function location(v: NoticeView): string | undefined {
  if (!v.venue) return undefined;
  return [v.venue.name, v.venue.address].filter(Boolean).join(', ');
}

function description(v: NoticeView): string {
  const lines = [`${v.partnership.name}: ${v.body.name}`, `${v.dateLong}, ${v.timeText}`, ''];
  if (v.venue?.link) lines.push(`Join online: ${v.venue.link}`);
  if (v.venue?.joining) lines.push(v.venue.joining);
  if (v.venue?.link || v.venue?.joining) lines.push('');
  lines.push('Agenda:');
  for (const i of v.agenda) lines.push(`${i.number}. ${i.title}${i.purposeText ? ` (${i.purposeText.toLowerCase()})` : ''}`);
  lines.push('', `Apologies and proxy nominations to ${v.clerk.name}, ${v.clerk.email}`);
  return lines.join('\n');
}

/** The invitation: one event in Europe/London time, the distribution as attendees. */
export function buildInvite(model: Model, v: NoticeView, dist: Distribution, cancelled = false): IcsCalendar {
  const end = v.end ?? v.start;
  const event: IcsEvent = {
    uid: meetingUid(model, v.meetingId),
    stamp: stampFor(v.date),
    // a cancellation must outrank the invitation it cancels
    sequence: cancelled ? 1 : 0,
    summary: `${v.partnership.short}: ${v.body.name}`,
    description: description(v),
    location: location(v),
    url: v.venue?.link ?? undefined,
    timed: { date: v.date, start: v.start, end },
    cancelled,
    organizer: { name: v.clerk.name, email: v.clerk.email },
    attendees: dist.recipients.filter((r) => r.email).map((r) => ({ name: r.name, email: r.email! })),
  };
  return { prodId: prodId(model), method: cancelled ? 'CANCEL' : 'REQUEST', events: [event] };
}
