import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../../../src/core/dates.js';
import { escapeText, foldLine, lastSunday, londonUtcOffset, paramValue, renderCalendar, unfold, utcDateTime, type IcsEvent } from '../../../src/core/ics.js';

const utf8 = (s: string) => Buffer.byteLength(s);

/** What Intl (the system's tz database) says the London offset is at a UTC instant, in minutes. */
function intlOffset(utcMs: number): number {
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', timeZoneName: 'shortOffset' }).formatToParts(new Date(utcMs));
  const name = parts.find((p) => p.type === 'timeZoneName')!.value; // "GMT" or "GMT+1"
  const m = /GMT([+-]\d+)?/.exec(name)!;
  return m[1] ? Number(m[1]) * 60 : 0;
}

describe('Europe/London offsets', () => {
  it('finds the last Sunday of March and October', () => {
    expect(lastSunday(2026, 3)).toBe('2026-03-29');
    expect(lastSunday(2026, 10)).toBe('2026-10-25');
    expect(lastSunday(2027, 3)).toBe('2027-03-28');
    expect(lastSunday(2027, 10)).toBe('2027-10-31');
    expect(lastSunday(2026, 12)).toBe('2026-12-27');
  });

  it('is GMT in December and BST in June', () => {
    expect(londonUtcOffset('2026-12-10', '16:00')).toBe(0);
    expect(londonUtcOffset('2027-06-10', '16:00')).toBe(60);
    expect(utcDateTime('2026-12-10', '16:00')).toBe('20261210T160000Z');
    expect(utcDateTime('2027-06-10', '16:00')).toBe('20270610T150000Z');
    expect(utcDateTime('2027-06-10', '00:30')).toBe('20270609T233000Z');
  });

  it('changes at the right local time on the change days', () => {
    expect(londonUtcOffset('2026-03-29', '00:59')).toBe(0);
    expect(londonUtcOffset('2026-03-29', '02:00')).toBe(60);
    expect(londonUtcOffset('2026-10-25', '00:30')).toBe(60);
    expect(londonUtcOffset('2026-10-25', '02:00')).toBe(0);
  });

  it('agrees with the tz database for every unambiguous local time, 2019-2035', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 17 * 366 }), fc.integer({ min: 0, max: 1439 }), (day, minute) => {
        const date = addDays('2019-01-01', day);
        const time = `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;
        const year = Number(date.slice(0, 4));
        // Skip the hour that does not exist and the hour that happens twice.
        if ((date === lastSunday(year, 3) || date === lastSunday(year, 10)) && time >= '01:00' && time < '02:00') return;
        const offset = londonUtcOffset(date, time);
        const utc = Date.parse(`${date}T${time}:00Z`) - offset * 60_000;
        expect(intlOffset(utc)).toBe(offset);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('iCalendar text', () => {
  it('escapes text values and quotes parameters', () => {
    expect(escapeText('a, b; c\\d\ne')).toBe('a\\, b\\; c\\\\d\\ne');
    expect(paramValue('Owen Morgan')).toBe('Owen Morgan');
    expect(paramValue('Morgan, Owen')).toBe('"Morgan, Owen"');
    expect(paramValue('Dr "Al" Smith')).toBe('Dr Al Smith');
  });

  it('folds at 75 octets without splitting a character, and unfolds back', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', 'é', '€', '😀', ' ', ','), maxLength: 400 }), (s) => {
        const line = `DESCRIPTION:${s}`;
        const folded = foldLine(line);
        for (const l of folded) expect(utf8(l)).toBeLessThanOrEqual(75);
        for (const l of folded.slice(1)) expect(l.startsWith(' ')).toBe(true);
        expect(unfold(`${folded.join('\r\n')}\r\n`)).toEqual([line]);
      }),
    );
  });

  const meeting = (date: string): IcsEvent => ({
    uid: `m-${date}@wep`,
    stamp: `${date.replace(/-/g, '')}T000000Z`,
    summary: 'WEP: Education Partnership',
    location: 'Shute End, Wokingham',
    timed: { date, start: '16:00', end: '18:00' },
    attendees: [{ name: 'Owen Morgan', email: 'owen.morgan@council.example.org' }],
  });

  it('writes CRLF lines only, a VTIMEZONE for timed events, and TZID times', () => {
    const text = renderCalendar({ prodId: '-//wep//WEP//EN', method: 'REQUEST', events: [meeting('2026-12-10'), meeting('2027-06-10')] });
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    expect(text.endsWith('END:VCALENDAR\r\n')).toBe(true);
    const lines = unfold(text);
    expect(lines).toContain('BEGIN:VTIMEZONE');
    expect(lines).toContain('TZID:Europe/London');
    expect(lines).toContain('DTSTART;TZID=Europe/London:20261210T160000');
    expect(lines).toContain('DTSTART;TZID=Europe/London:20270610T160000');
    expect(lines).toContain('DTEND;TZID=Europe/London:20270610T180000');
    expect(lines).toContain('ATTENDEE;CN=Owen Morgan;ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=FALSE:mailto:owen.morgan@council.example.org');
    expect(lines).toContain('LOCATION:Shute End\\, Wokingham');
  });

  it('writes all-day reminders without a time zone', () => {
    const text = renderCalendar({
      prodId: '-//wep//WEP//EN',
      method: 'PUBLISH',
      events: [{ uid: 'n@wep', stamp: '20261210T000000Z', summary: 'Send notice', allDay: '2026-12-01', alarm: { trigger: '-P1D', description: 'due tomorrow' } }],
    });
    const lines = unfold(text);
    expect(lines).not.toContain('BEGIN:VTIMEZONE');
    expect(lines).toContain('DTSTART;VALUE=DATE:20261201');
    expect(lines).toContain('DTEND;VALUE=DATE:20261202');
    expect(lines).toContain('TRIGGER:-P1D');
  });

  it('is deterministic', () => {
    const cal = { prodId: '-//wep//WEP//EN', method: 'REQUEST' as const, events: [meeting('2026-12-10')] };
    expect(renderCalendar(cal)).toBe(renderCalendar(structuredClone(cal)));
  });
});
