import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { format } from 'date-fns';
import {
  addDays,
  dayOfWeek,
  daysBetween,
  daysInMonth,
  englandDate,
  formatLongDate,
  formatShortDate,
  formatTime,
  fromDayNumber,
  isIsoDate,
  isTime,
  isWeekend,
  toDayNumber,
  whyNotIsoDate,
  yearOf,
} from '../../../src/core/dates.js';

describe('isIsoDate / whyNotIsoDate', () => {
  it.each(['2026-12-10', '2024-02-29', '2000-02-29', '2015-01-01', '2040-12-31'])('%s is a date', (d) => {
    expect(isIsoDate(d)).toBe(true);
    expect(whyNotIsoDate(d)).toBeUndefined();
  });

  it.each([
    ['2026-02-30', '"2026-02-30" is not a real date: February 2026 has 28 days'],
    ['2026-02-29', '"2026-02-29" is not a real date: February 2026 has 28 days'],
    ['1900-02-29', '"1900-02-29" is not a real date: February 1900 has 28 days'],
    ['2026-04-31', '"2026-04-31" is not a real date: April 2026 has 30 days'],
    ['2026-12-00', '"2026-12-00" is not a real date: December 2026 has 31 days'],
    ['2026-13-01', '"2026-13-01" has no month 13: months run from 01 to 12'],
    ['2026-00-10', '"2026-00-10" has no month 0: months run from 01 to 12'],
    ['tomorrow', '"tomorrow" is not a date in the form YYYY-MM-DD'],
    ['10/12/2026', '"10/12/2026" is not a date in the form YYYY-MM-DD'],
    ['2026-1-5', '"2026-1-5" is not a date in the form YYYY-MM-DD'],
    ['2026-12-10 ', '"2026-12-10 " is not a date in the form YYYY-MM-DD'],
    ['', '"" is not a date in the form YYYY-MM-DD'],
  ])('%s is refused: %s', (d, why) => {
    expect(isIsoDate(d)).toBe(false);
    expect(whyNotIsoDate(d)).toBe(why);
  });

  it('knows month lengths, leap years included', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12].map((m) => daysInMonth(2026, m))).toEqual([31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]);
    expect(daysInMonth(2028, 2)).toBe(29);
    expect(daysInMonth(2100, 2)).toBe(28);
  });
});

describe('day arithmetic', () => {
  it('adds days across month, year and daylight-saving boundaries', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2027-01-01', -1)).toBe('2026-12-31');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-03-28', 2)).toBe('2026-03-30'); // clocks go forward 29 March 2026
    expect(addDays('2026-10-24', 2)).toBe('2026-10-26'); // clocks go back 25 October 2026
    expect(addDays('2026-12-10', 0)).toBe('2026-12-10');
    expect(daysBetween('2026-12-02', '2026-12-10')).toBe(8);
    expect(daysBetween('2026-12-10', '2026-12-02')).toBe(-8);
  });

  it('knows the day of the week', () => {
    expect(dayOfWeek('1970-01-01')).toBe(4);
    expect(dayOfWeek('2026-12-10')).toBe(4); // Thursday
    expect(dayOfWeek('2026-12-26')).toBe(6);
    expect(dayOfWeek('2026-12-27')).toBe(0);
    expect(dayOfWeek('1969-12-31')).toBe(3); // before the epoch too
    expect(isWeekend('2026-12-26')).toBe(true);
    expect(isWeekend('2026-12-28')).toBe(false);
    expect(yearOf('2027-01-04')).toBe(2027);
  });

  it('day numbers round-trip and agree with addDays (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: -20_000, max: 40_000 }), fc.integer({ min: -400, max: 400 }), (n, k) => {
        const d = fromDayNumber(n);
        expect(isIsoDate(d)).toBe(true);
        expect(toDayNumber(d)).toBe(n);
        expect(daysBetween(d, addDays(d, k))).toBe(k);
        expect(dayOfWeek(addDays(d, 7 * k))).toBe(dayOfWeek(d));
      }),
    );
  });
});

describe('formatting', () => {
  it('writes dates as people do', () => {
    expect(formatLongDate('2026-12-10')).toBe('Thursday 10 December 2026');
    expect(formatLongDate('2026-12-01')).toBe('Tuesday 1 December 2026');
    expect(formatShortDate('2026-12-28')).toBe('Mon 28 Dec 2026');
    expect(formatShortDate('2027-01-01')).toBe('Fri 1 Jan 2027');
  });

  it('checks and formats times', () => {
    for (const t of ['00:00', '09:30', '16:00', '23:59']) expect(isTime(t)).toBe(true);
    for (const t of ['25:00', '24:00', '9:30', '16:60', '16.00', '4pm', '']) expect(isTime(t)).toBe(false);
    expect(formatTime('16:30')).toBe('4:30pm');
    expect(formatTime('16:00')).toBe('4pm');
    expect(formatTime('00:05')).toBe('12:05am');
    expect(formatTime('12:00')).toBe('12pm');
    expect(formatTime('09:30')).toBe('9:30am');
  });
});

describe('englandDate', () => {
  const intl = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit' });
  it('agrees with the Europe/London time zone at any instant from 1996 to 2099', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(1996, 0, 1), max: Date.UTC(2099, 11, 31, 23, 59) }), (ms) => {
        expect(englandDate(ms)).toBe(intl.format(new Date(ms)));
      }),
      { numRuns: 20_000 },
    );
  });

  it('at the changes of the clocks, and around midnight in summer and winter', () => {
    const cases: [string, string][] = [
      ['2026-03-29T00:59:59Z', '2026-03-29'],
      ['2026-03-28T23:30:00Z', '2026-03-28'], // GMT still: 23:30 on the 28th
      ['2026-07-01T23:30:00Z', '2026-07-02'], // BST: 00:30 on the 2nd
      ['2026-10-25T00:30:00Z', '2026-10-25'],
      ['2026-10-24T23:30:00Z', '2026-10-25'], // BST until 01:00 UTC on the 25th
      ['2026-10-25T23:30:00Z', '2026-10-25'], // GMT again
      ['2026-12-31T23:59:59Z', '2026-12-31'],
    ];
    for (const [at, want] of cases) {
      expect(englandDate(Date.parse(at))).toBe(want);
      expect(intl.format(new Date(at))).toBe(want);
    }
  });

  it('leaves other years to the time-zone database', () => {
    expect(englandDate(Date.UTC(1990, 5, 1))).toBeUndefined();
    expect(englandDate(Date.UTC(2100, 5, 1))).toBeUndefined();
  });
});

describe('formatLongDate and formatShortDate say what date-fns format() says', () => {
  it('on any day from 1000 to 2999', () => {
    fc.assert(
      fc.property(fc.integer({ min: toDayNumber('1000-01-01'), max: toDayNumber('2999-12-31') }), (n) => {
        const iso = fromDayNumber(n);
        const d = new Date(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10)), 12);
        d.setFullYear(Number(iso.slice(0, 4)));
        expect(formatLongDate(iso)).toBe(format(d, 'EEEE d MMMM yyyy'));
        expect(formatShortDate(iso)).toBe(format(d, 'EEE d MMM yyyy'));
      }),
      { numRuns: 5000 },
    );
  });
});
