/**
 * The term dates as calendars and checks show them: the one place that turns the partnership's
 * school calendars (model.termCalendars, from `calendar.terms` and `calendar.other-terms`) into
 * all-day events, and that says whether a meeting falls in the school holidays. `wep calendar`,
 * the site's feed and page, `wep check`, `wep meeting new` and `wep publish` all ask here, so
 * they agree on every date and every word. Pure.
 *
 * Only term dates given in the partnership file count: the usual English pattern is a guess
 * for planning (`wep schedule` marks it as one), not something to warn of or to publish.
 */
import { formatLongDate } from './dates.js';
import type { IcsEvent } from './ics.js';
import { meetingBodies, type MeetingFile } from './meeting-schema.js';
import { termCalendarFor, type Model } from './model.js';
import { schoolHolidayReason, type Term, type TermCalendar } from './school-year.js';
import { stableStamp } from './meeting-event.js';

/** One school calendar as people read it: whose it is, the bodies that meet by it, its terms. */
export interface TermDates {
  /** '' for the partnership's own term dates, else the id under calendar.other-terms. */
  id: string;
  /** "Term dates" for the partnership's own; the other calendar's name (an academy trust's). */
  name: string;
  /** Ids of the bodies that follow this calendar. */
  bodies: string[];
  terms: readonly Term[];
}

/** The school calendars given in the partnership file, the partnership's own first. */
export function termDates(model: Pick<Model, 'termCalendars' | 'bodies'>): TermDates[] {
  const main = model.termCalendars.get('');
  const out: TermDates[] = [];
  for (const [id, cal] of model.termCalendars) {
    if (cal.source !== 'given') continue;
    const bodies = [...model.bodies.values()].filter((b) => (b.terms && model.termCalendars.has(b.terms) ? b.terms : main ? '' : undefined) === id).map((b) => b.id);
    out.push({ id, name: id ? cal.name : 'Term dates', bodies, terms: cal.terms });
  }
  return out.sort((a, b) => (a.id === '' ? -1 : b.id === '' ? 1 : a.id.localeCompare(b.id)));
}

/** Each term and half-term of the term dates given, as all-day events spanning them. */
export function termEvents(model: Pick<Model, 'termCalendars' | 'file'>): IcsEvent[] {
  const short = model.file.partnership.short;
  const key = short.toLowerCase();
  const events: IcsEvent[] = [];
  for (const [id, cal] of model.termCalendars) {
    if (cal.source !== 'given') continue;
    const tag = id ? `${id}-` : '';
    const whose = id ? ` (${cal.name})` : '';
    for (const t of cal.terms) {
      const at = `${tag}${t.start}`;
      events.push({
        uid: `term-${at}-${key}@wep`,
        stamp: stableStamp(t.start),
        summary: `${short}: ${t.name} term${whose}`,
        description: `Term time: ${formatLongDate(t.start)} to ${formatLongDate(t.end)}. Meetings are held in term time.`,
        allDay: t.start,
        allDayLast: t.end,
        categories: [short, 'term dates'],
      });
      if (t.halfTerm) {
        events.push({
          uid: `half-term-${at}-${key}@wep`,
          stamp: stableStamp(t.halfTerm.start),
          summary: `${short}: half-term, ${t.name}${whose}`,
          description: `Half-term: ${formatLongDate(t.halfTerm.start)} to ${formatLongDate(t.halfTerm.end)}. Schools are closed.`,
          allDay: t.halfTerm.start,
          allDayLast: t.halfTerm.end,
          categories: [short, 'term dates'],
        });
      }
    }
  }
  return events;
}

/**
 * Why a meeting's date is in the school holidays ("half-term of Spring 2027"), or undefined
 * in term time, outside the dates given, or when no term dates are given. A joint meeting is
 * checked against the calendar of each of its bodies (a trust's cluster may follow its own).
 */
export function meetingHolidayReason(model: Pick<Model, 'termCalendars' | 'bodies'>, m: Pick<MeetingFile, 'body' | 'jointWith' | 'date'>): string | undefined {
  const seen = new Set<TermCalendar>();
  const reasons: string[] = [];
  for (const id of meetingBodies(m)) {
    const body = model.bodies.get(id);
    if (!body) continue;
    const cal = termCalendarFor(model, body, m.date, m.date);
    if (cal.source !== 'given' || seen.has(cal)) continue;
    seen.add(cal);
    const why = schoolHolidayReason(cal, m.date);
    if (why && !reasons.includes(why)) reasons.push(why);
  }
  return reasons.length ? reasons.join('; ') : undefined;
}

/**
 * The warning for a meeting held in the school holidays, in the words `wep check` and
 * `wep publish` both print; undefined for a cancelled meeting or one in term time.
 */
export function holidayWarning(model: Pick<Model, 'termCalendars' | 'bodies'>, m: Pick<MeetingFile, 'body' | 'jointWith' | 'date' | 'cancelled'>): string | undefined {
  if (m.cancelled) return undefined;
  const why = meetingHolidayReason(model, m);
  return why ? `the meeting on ${formatLongDate(m.date)} is in the school holidays (${why}): school leaders may not be able to come` : undefined;
}

/** The line a meeting's calendar event carries when it falls in the school holidays. */
export const holidayNote = (reason: string): string => `Warning: in the school holidays (${reason}).`;

