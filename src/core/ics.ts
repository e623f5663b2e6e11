/**
 * iCalendar (RFC 5545) text for meeting invitations and the clerk's calendar: Europe/London
 * times with a VTIMEZONE, CRLF line endings, lines folded at 75 octets, text escaped. Pure and
 * deterministic: the same events give the same bytes (DTSTAMP comes from the data, never the
 * clock).
 */
import { addDays, dayOfWeek, type IsoDate } from './dates.js';

export const TZID = 'Europe/London';

/** The Europe/London zone as calendar apps expect it: GMT in winter, BST (+01:00) in summer. */
export const LONDON_VTIMEZONE = [
  'BEGIN:VTIMEZONE',
  `TZID:${TZID}`,
  `X-LIC-LOCATION:${TZID}`,
  'BEGIN:DAYLIGHT',
  'TZOFFSETFROM:+0000',
  'TZOFFSETTO:+0100',
  'TZNAME:BST',
  'DTSTART:19700329T010000',
  'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU',
  'END:DAYLIGHT',
  'BEGIN:STANDARD',
  'TZOFFSETFROM:+0100',
  'TZOFFSETTO:+0000',
  'TZNAME:GMT',
  'DTSTART:19701025T020000',
  'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU',
  'END:STANDARD',
  'END:VTIMEZONE',
];

/** The last Sunday of a month (1-12) of a year. */
export function lastSunday(year: number, month: number): IsoDate {
  const next = month === 12 ? `${year + 1}-01-01` : `${year}-${String(month + 1).padStart(2, '0')}-01`;
  const last = addDays(next, -1);
  return addDays(last, -dayOfWeek(last));
}

/**
 * Minutes Europe/London is ahead of UTC at a local date and time: 60 in British Summer Time
 * (from 01:00 UTC on the last Sunday of March to 01:00 UTC on the last Sunday of October),
 * else 0. A local time that happens twice (01:00-01:59 on the October change) is read as the
 * first; one that never happens (01:00-01:59 on the March change) as summer time.
 */
export function londonUtcOffset(date: IsoDate, time = '12:00'): number {
  const year = Number(date.slice(0, 4));
  const start = lastSunday(year, 3);
  const end = lastSunday(year, 10);
  if (date < start || date > end) return 0;
  if (date > start && date < end) return 60;
  if (date === start) return time >= '01:00' ? 60 : 0;
  return time < '02:00' ? 60 : 0;
}

const compact = (date: IsoDate) => date.replace(/-/g, '');

/** A local Europe/London date-time as an iCalendar value: 20261210T160000. */
export function localDateTime(date: IsoDate, time: string): string {
  return `${compact(date)}T${time.replace(':', '')}00`;
}

/** A local Europe/London date and time as UTC, in iCalendar form: 20260610T150000Z. */
export function utcDateTime(date: IsoDate, time: string): string {
  const [h, m] = time.split(':').map(Number) as [number, number];
  let minutes = h * 60 + m - londonUtcOffset(date, time);
  let day = date;
  if (minutes < 0) {
    minutes += 1440;
    day = addDays(date, -1);
  }
  const hh = String(Math.floor(minutes / 60)).padStart(2, '0');
  const mm = String(minutes % 60).padStart(2, '0');
  return `${compact(day)}T${hh}${mm}00Z`;
}

/** Escapes a TEXT value: backslash, semicolon, comma and newlines. */
export function escapeText(s: string): string {
  return s.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n');
}

/** A parameter value (CN=...): quoted when it holds : ; or ,; double quotes cannot appear at all. */
export function paramValue(s: string): string {
  const clean = s.replace(/["\r\n]/g, '');
  return /[:;,]/.test(clean) ? `"${clean}"` : clean;
}

function utf8Length(ch: string): number {
  const cp = ch.codePointAt(0)!;
  return cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
}

/** Folds a content line at 75 octets (UTF-8), never splitting a character. */
export function foldLine(line: string): string[] {
  const out: string[] = [];
  let current = '';
  let octets = 0;
  const limit = () => (out.length === 0 ? 75 : 74); // continuation lines start with a space
  for (const ch of line) {
    const n = utf8Length(ch);
    if (octets + n > limit()) {
      out.push(out.length === 0 ? current : ` ${current}`);
      current = '';
      octets = 0;
    }
    current += ch;
    octets += n;
  }
  out.push(out.length === 0 ? current : ` ${current}`);
  return out;
}

export interface IcsPerson {
  name: string;
  email: string;
}

export interface IcsEvent {
  uid: string;
  summary: string;
  description?: string;
  location?: string;
  url?: string;
  /** A meeting: local Europe/London date and times. */
  timed?: { date: IsoDate; start: string; end: string };
  /** An all-day reminder on this date. */
  allDay?: IsoDate;
  /** With allDay: the last day of an event of several days (a term, a half-term). */
  allDayLast?: IsoDate;
  /** DTSTAMP, in UTC form (YYYYMMDDTHHMMSSZ); derived from the data so output is stable. */
  stamp: string;
  sequence?: number;
  cancelled?: boolean;
  organizer?: IcsPerson;
  attendees?: IcsPerson[];
  /** A display alarm, e.g. "-P1D" for a day before. */
  alarm?: { trigger: string; description: string };
  categories?: string[];
}

function eventLines(e: IcsEvent): string[] {
  const lines = ['BEGIN:VEVENT', `UID:${e.uid}`, `DTSTAMP:${e.stamp}`];
  if (e.timed) {
    lines.push(`DTSTART;TZID=${TZID}:${localDateTime(e.timed.date, e.timed.start)}`);
    lines.push(`DTEND;TZID=${TZID}:${localDateTime(e.timed.date, e.timed.end)}`);
  } else if (e.allDay) {
    lines.push(`DTSTART;VALUE=DATE:${compact(e.allDay)}`);
    lines.push(`DTEND;VALUE=DATE:${compact(addDays(e.allDayLast ?? e.allDay, 1))}`);
    lines.push('TRANSP:TRANSPARENT');
  }
  if (e.sequence !== undefined) lines.push(`SEQUENCE:${e.sequence}`);
  lines.push(`SUMMARY:${escapeText(e.summary)}`);
  if (e.location) lines.push(`LOCATION:${escapeText(e.location)}`);
  if (e.description) lines.push(`DESCRIPTION:${escapeText(e.description)}`);
  if (e.url) lines.push(`URL:${e.url}`);
  if (e.categories?.length) lines.push(`CATEGORIES:${e.categories.map(escapeText).join(',')}`);
  lines.push(`STATUS:${e.cancelled ? 'CANCELLED' : 'CONFIRMED'}`);
  if (e.organizer) lines.push(`ORGANIZER;CN=${paramValue(e.organizer.name)}:mailto:${e.organizer.email}`);
  for (const a of e.attendees ?? []) {
    lines.push(`ATTENDEE;CN=${paramValue(a.name)};ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=FALSE:mailto:${a.email}`);
  }
  if (e.alarm) lines.push('BEGIN:VALARM', 'ACTION:DISPLAY', `TRIGGER:${e.alarm.trigger}`, `DESCRIPTION:${escapeText(e.alarm.description)}`, 'END:VALARM');
  lines.push('END:VEVENT');
  return lines;
}

export interface IcsCalendar {
  /** PRODID, e.g. "-//wep//Wokingham Education Partnership//EN". */
  prodId: string;
  /** REQUEST for an invitation sent to attendees, CANCEL to withdraw it, PUBLISH for a calendar to import. */
  method: 'REQUEST' | 'CANCEL' | 'PUBLISH';
  name?: string;
  events: IcsEvent[];
}

/** The whole iCalendar text, CRLF line endings, folded. */
export function renderCalendar(cal: IcsCalendar): string {
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', `PRODID:${cal.prodId}`, 'CALSCALE:GREGORIAN', `METHOD:${cal.method}`];
  if (cal.name) lines.push(`X-WR-CALNAME:${escapeText(cal.name)}`, `X-WR-TIMEZONE:${TZID}`);
  if (cal.events.some((e) => e.timed)) lines.push(...LONDON_VTIMEZONE);
  for (const e of cal.events) lines.push(...eventLines(e));
  lines.push('END:VCALENDAR');
  return `${lines.flatMap(foldLine).join('\r\n')}\r\n`;
}

/** Undoes folding (for reading back and testing). */
export function unfold(text: string): string[] {
  return text.replace(/\r\n[ \t]/g, '').split('\r\n').filter((l) => l !== '');
}
