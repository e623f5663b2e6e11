/**
 * The notice of a meeting: whether it goes out in time, and everything a notice says (DOMAIN.md,
 * "Notice, agenda, minutes"), as plain data for the templates and the invitation.
 */
import { workingDaysAfter } from './calendar.js';
import { formatLongDate, formatTime, type IsoDate } from './dates.js';
import { lateness } from './deadlines.js';
import type { Agenda, AgendaEntry } from './agenda.js';
import type { Distribution, Recipient } from './distribution.js';
import type { IcsCalendar, IcsPerson } from './ics.js';
import { invitationCalendar, meetingEvent } from './meeting-event.js';
import type { MeetingDeadlines } from './meeting-deadlines.js';
import type { MeetingFile } from './meeting-schema.js';
import type { Model, ResolvedBody } from './model.js';
import { isWebAddress } from './agenda.js';
import { hashParts } from './hash.js';
import { eventFingerprint, eventSequence } from './meeting-event.js';

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

/** An agenda entry as the notice shows it: `paperUrl` when the paper has a web address (for email). */
export interface NoticeEntry extends AgendaEntry {
  paperUrl: string | null;
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
  agenda: NoticeEntry[];
  papers: NoticeEntry[];
  hasConfidential: boolean;
  calledBy: NoticePerson | null;
  requestedBy: NoticePerson | null;
  recipients: { members: Recipient[]; proxies: Recipient[]; invitees: Recipient[] };
  recipientCount: number;
  shortNotice: { reason: string; agreedBy: string[] } | null;
  /** The deadline rule, in words, for the notice's own record. */
  noticeRule: string;
  clerk: { name: string; email: string; phone: string | null };
  /** A cancelled meeting gets a notice of cancellation instead. */
  cancelled: { reason: string } | null;
  /** Set when the notice was sent and has changed since: it must go out again. */
  revised: NoticeRevision | null;
}

export interface NoticeRevision {
  /** When the earlier notice was sent. */
  sent: IsoDate;
  sentLong: string;
  /** What changed, in words: "the date, time or venue", "the agenda". */
  changes: string[];
}

/** What a notice promises, for telling whether it changed after sending: event, agenda, short notice. */
function noticeParts(meeting: MeetingFile, body: ResolvedBody): { event: string; agenda: string } {
  const agenda = meeting.agenda.map((i) => [i.title, i.presenter ?? '', i.paper ?? '', i.purpose ?? '', i.confidential ? 'c' : ''].join('\u0001'));
  return { event: eventFingerprint(meeting, body), agenda: hashParts([...agenda, meeting.shortNotice?.reason ?? '']).slice(0, 16) };
}

/**
 * The fingerprint of a notice, recorded when it is sent: its date, time and venue (as the
 * invitation's), its agenda (titles, presenters, papers, purposes) and any agreed short notice.
 * Apologies and carried-forward actions change without the notice having to go out again, so
 * they are not part of it.
 */
export function noticeFingerprint(meeting: MeetingFile, body: ResolvedBody): string {
  const p = noticeParts(meeting, body);
  return `${p.event}.${p.agenda}`;
}

/** When the notice was sent and has changed since: what changed. Null when not sent, or unchanged. */
export function noticeRevision(meeting: MeetingFile, body: ResolvedBody): NoticeRevision | null {
  const sent = meeting.notice?.sent;
  const was = meeting.notice?.content;
  if (!sent || !was || meeting.cancelled) return null;
  const now = noticeParts(meeting, body);
  const [event, agenda] = was.split('.');
  const changes: string[] = [];
  if (event !== now.event) changes.push('the date, time or venue');
  if (agenda !== now.agenda) changes.push('the agenda');
  return changes.length ? { sent, sentLong: formatLongDate(sent), changes } : null;
}

/** A paper the agenda names that is not in the meeting folder. */
export interface MissingPaper {
  item: number;
  title: string;
  paper: string;
}

/** Local papers of the agenda that are not among `found` (paths as written in meeting.yaml). */
export function missingPapers(agenda: Agenda, found: ReadonlySet<string>): MissingPaper[] {
  return agenda.papers.filter((e) => e.paper && !isWebAddress(e.paper) && !found.has(e.paper)).map((e) => ({ item: e.number, title: e.title, paper: e.paper! }));
}

/**
 * Where a paper can be read by someone who got the notice by email: with the site's address,
 * its published page (Markdown papers become pages); a confidential paper is never published,
 * so it has no link. Without an address, the relative path as before.
 */
export function paperLink(meetingId: string, e: AgendaEntry, baseUrl?: string): string | null {
  if (!e.paper || !e.paperHref) return null;
  if (!baseUrl || isWebAddress(e.paper)) return e.paperHref;
  if (e.confidential) return null;
  const path = e.paperHref.replace(/^(\.\/)+/, '').replace(/\.(md|markdown)$/i, '.html');
  return `${baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`}meetings/${meetingId}/${path}`;
}

/** What `notice --sent` and `wep send` record: when, to whom, and what was sent. */
export interface NoticeSentRecord {
  sent: IsoDate;
  to: string[];
  sequence: number;
  event: string;
  content: string;
  papers?: { path: string; sha256: string }[];
}

export function noticeSentRecord(meeting: MeetingFile, body: ResolvedBody, sent: IsoDate, to: string[], papers: { path: string; sha256: string }[]): NoticeSentRecord {
  // a cancellation's SEQUENCE is one above the invitation's: the invitation's is recorded, so
  // the cancellation keeps its number (and its version) after it is recorded as sent
  const sequence = eventSequence(meeting, body) - (meeting.cancelled ? 1 : 0);
  const r: NoticeSentRecord = { sent, to, sequence, event: eventFingerprint(meeting, body), content: noticeFingerprint(meeting, body) };
  if (papers.length) r.papers = papers;
  return r;
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
  const baseUrl = model.file.partnership.publish?.baseUrl;
  const link = (e: AgendaEntry): NoticeEntry => {
    const href = paperLink(id, e, baseUrl);
    return { ...e, paperHref: href, paperUrl: href && /^https?:/i.test(href) ? href : null };
  };
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
    agenda: agenda.items.map(link),
    papers: agenda.papers.map(link),
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
    cancelled: meeting.cancelled ? { reason: meeting.cancelled.reason } : null,
    revised: noticeRevision(meeting, body),
  };
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

/**
 * The invitation: the meeting's event (core/meeting-event) with the notice's description and
 * the clerk as organiser. Attendees follow the send mode: none in invite.ics or a BCC message,
 * only the one recipient in a message of their own, so no address is shown to another.
 */
export function buildInvite(model: Model, meeting: MeetingFile, v: NoticeView, opts: { stamp: string; attendees?: IcsPerson[] }): IcsCalendar {
  const event = meetingEvent(model, v.meetingId, meeting, {
    stamp: opts.stamp,
    description: description(v),
    organizer: { name: v.clerk.name, email: v.clerk.email },
    attendees: opts.attendees,
  });
  return invitationCalendar(model, event);
}
