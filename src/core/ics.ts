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

/**
 * Characters that never reach an iCalendar file: every C0 control (newlines are escaped
 * before this applies, tabs become spaces), DEL, the C1 controls, and UTF-16 halves that are
 * not part of a pair (they have no UTF-8 form).
 */
const NOT_IN_ICS = /[\u0000-\u001f\u007f-\u009f]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
/** Every way text can say "new line": CRLF, a lone CR or LF, NEL, and the Unicode line and paragraph separators. */
const NEWLINE = /\r\n|[\r\n\u0085\u2028\u2029]/g;

/** Text with its newlines as \n and nothing a calendar file cannot hold (controls become U+FFFD). */
function cleanText(s: string): string {
  return s.replace(NEWLINE, '\n').replace(/\t/g, ' ').replace(NOT_IN_ICS, (c) => (c === '\n' ? c : '\ufffd'));
}

/** Escapes a TEXT value (RFC 5545 3.3.11): backslash, semicolon, comma and every newline; controls never pass. */
export function escapeText(s: string): string {
  return cleanText(s).replace(/[\\;,\n]/g, (c) => (c === '\n' ? '\\n' : `\\${c}`));
}

/** A parameter value (CN=...): quoted when it holds : ; or ,; double quotes, newlines and controls cannot appear at all. */
export function paramValue(s: string): string {
  const clean = cleanText(s).replace(/\n/g, ' ').replace(/"/g, '');
  return /[:;,]/.test(clean) ? `"${clean}"` : clean;
}

/** A URI value (URL, mailto:): every character a URI may not hold raw (space, controls, quotes, <>, non-ASCII) percent-encoded. */
export function uriValue(s: string): string {
  return s
    .replace(NOT_IN_ICS, (c) => (/[\ud800-\udfff]/.test(c) ? '\ufffd' : c))
    .replace(/[^A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;=%]/gu, encodeURIComponent);
}

/** Refuses a value wep itself computes (a date, a time stamp, a duration) that is not of its form: that is a bug. */
function verified(value: string, form: RegExp, what: string): string {
  if (!form.test(value)) throw new Error(`iCalendar ${what} "${value}" is not of the form ${form.source}`);
  return value;
}

const STAMP = /^\d{8}T\d{6}Z$/;
const LOCAL = /^\d{8}T\d{6}$/;
const DATE = /^\d{8}$/;
const DURATION = /^[+-]?P(\d+W|(\d+D)?(T(\d+H)?(\d+M)?(\d+S)?)?)$/;
const NAME = /^[A-Z][A-Z0-9-]*$/;

/**
 * One content line, NAME;PARAM=...:VALUE, from values already escaped by escapeText,
 * paramValue or uriValue (or verified). A control character here is a bug in wep, and refused.
 */
function contentLine(name: string, value: string, params: readonly (readonly [string, string])[] = []): string {
  verified(name, NAME, 'property name');
  const line = `${name}${params.map(([k, v]) => `;${verified(k, NAME, 'parameter name')}=${v}`).join('')}:${value}`;
  if (/[\u0000-\u001f\u007f-\u009f]/.test(line)) throw new Error(`iCalendar line ${name} holds a control character`);
  return line;
}

/** The property kinds of the calendars wep writes: the only way a value reaches a line. */
const prop = {
  text: (name: string, value: string) => contentLine(name, escapeText(value)),
  texts: (name: string, values: readonly string[]) => contentLine(name, values.map(escapeText).join(',')),
  uri: (name: string, value: string) => contentLine(name, uriValue(value)),
  stamp: (name: string, value: string) => contentLine(name, verified(value, STAMP, 'time stamp')),
  local: (name: string, value: string) => contentLine(name, verified(value, LOCAL, 'local date-time'), [['TZID', TZID]]),
  date: (name: string, value: string) => contentLine(name, verified(value, DATE, 'date'), [['VALUE', 'DATE']]),
  duration: (name: string, value: string) => contentLine(name, verified(value, DURATION, 'duration')),
  int: (name: string, value: number) => contentLine(name, verified(String(value), /^-?\d{1,9}$/, 'integer')),
  word: (name: string, value: string) => contentLine(name, verified(value, NAME, 'value')),
  person: (name: string, p: IcsPerson, params: readonly (readonly [string, string])[] = []) =>
    contentLine(name, `mailto:${uriValue(p.email)}`, [['CN', paramValue(p.name)], ...params]),
};

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
  const lines = ['BEGIN:VEVENT', prop.text('UID', e.uid), prop.stamp('DTSTAMP', e.stamp)];
  if (e.timed) {
    lines.push(prop.local('DTSTART', localDateTime(e.timed.date, e.timed.start)));
    lines.push(prop.local('DTEND', localDateTime(e.timed.date, e.timed.end)));
  } else if (e.allDay) {
    lines.push(prop.date('DTSTART', compact(e.allDay)));
    lines.push(prop.date('DTEND', compact(addDays(e.allDayLast ?? e.allDay, 1))));
    lines.push('TRANSP:TRANSPARENT');
  }
  if (e.sequence !== undefined) lines.push(prop.int('SEQUENCE', e.sequence));
  lines.push(prop.text('SUMMARY', e.summary));
  if (e.location) lines.push(prop.text('LOCATION', e.location));
  if (e.description) lines.push(prop.text('DESCRIPTION', e.description));
  if (e.url) lines.push(prop.uri('URL', e.url));
  if (e.categories?.length) lines.push(prop.texts('CATEGORIES', e.categories));
  lines.push(`STATUS:${e.cancelled ? 'CANCELLED' : 'CONFIRMED'}`);
  if (e.organizer) lines.push(prop.person('ORGANIZER', e.organizer));
  for (const a of e.attendees ?? []) {
    lines.push(prop.person('ATTENDEE', a, [['ROLE', 'REQ-PARTICIPANT'], ['PARTSTAT', 'NEEDS-ACTION'], ['RSVP', 'FALSE']]));
  }
  if (e.alarm) lines.push('BEGIN:VALARM', 'ACTION:DISPLAY', prop.duration('TRIGGER', e.alarm.trigger), prop.text('DESCRIPTION', e.alarm.description), 'END:VALARM');
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
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', prop.text('PRODID', cal.prodId), 'CALSCALE:GREGORIAN', prop.word('METHOD', cal.method)];
  if (cal.name) lines.push(prop.text('X-WR-CALNAME', cal.name), `X-WR-TIMEZONE:${TZID}`);
  if (cal.events.some((e) => e.timed)) lines.push(...LONDON_VTIMEZONE);
  for (const e of cal.events) lines.push(...eventLines(e));
  lines.push('END:VCALENDAR');
  return `${lines.flatMap(foldLine).join('\r\n')}\r\n`;
}

/** Undoes folding (for reading back and testing). */
export function unfold(text: string): string[] {
  return text.replace(/\r\n[ \t]/g, '').split('\r\n').filter((l) => l !== '');
}
