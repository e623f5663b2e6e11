import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { addDays, fromDayNumber, toDayNumber } from '../../../src/core/dates.js';
import {
  isBankHoliday,
  isCovered,
  isWorkingDay,
  makeCalendar,
  NATIONS,
  nextWorkingDay,
  nonWorkingReason,
  walkWorkingDays,
  workingDaysAfter,
  workingDaysStrictlyBetween,
  type Nation,
} from '../../../src/core/calendar.js';

const ew = makeCalendar('england-and-wales');
const sc = makeCalendar('scotland');
const ni = makeCalendar('northern-ireland');
const cal: Record<Nation, ReturnType<typeof makeCalendar>> = { 'england-and-wales': ew, scotland: sc, 'northern-ireland': ni };

/** [date, which nations have it as a bank holiday, name in the table] */
const HOLIDAYS: [string, Nation[], string][] = [
  // fixed days and their substitutes
  ['2026-01-01', ['england-and-wales', 'scotland', 'northern-ireland'], "New Year's Day"],
  ['2026-12-25', ['england-and-wales', 'scotland', 'northern-ireland'], 'Christmas Day'],
  ['2026-12-28', ['england-and-wales', 'scotland', 'northern-ireland'], 'Boxing Day (substitute day)'],
  ['2027-12-27', ['england-and-wales', 'scotland', 'northern-ireland'], 'Christmas Day (substitute day)'],
  ['2027-12-28', ['england-and-wales', 'scotland', 'northern-ireland'], 'Boxing Day (substitute day)'],
  ['2022-01-04', ['scotland'], "New Year's Day (substitute day)"],
  // Easter: Good Friday everywhere, Easter Monday not in Scotland
  ['2026-04-03', ['england-and-wales', 'scotland', 'northern-ireland'], 'Good Friday'],
  ['2026-04-06', ['england-and-wales', 'northern-ireland'], 'Easter Monday'],
  ['2027-03-26', ['england-and-wales', 'scotland', 'northern-ireland'], 'Good Friday'],
  ['2027-03-29', ['england-and-wales', 'northern-ireland'], 'Easter Monday'],
  // one-off days
  ['2020-05-08', ['england-and-wales', 'scotland', 'northern-ireland'], 'Early May bank holiday (VE day)'],
  ['2022-06-02', ['england-and-wales', 'scotland', 'northern-ireland'], 'Spring bank holiday'],
  ['2022-06-03', ['england-and-wales', 'scotland', 'northern-ireland'], "Queen's Platinum Jubilee"],
  ['2022-09-19', ['england-and-wales', 'scotland', 'northern-ireland'], "Queen Elizabeth's Funeral Day"],
  ['2023-05-08', ['england-and-wales', 'scotland', 'northern-ireland'], "King Charles III's Coronation"],
  // Scotland
  ['2026-01-02', ['scotland'], 'January 2nd'],
  ['2027-01-04', ['scotland'], 'January 2nd (substitute day)'],
  ['2026-11-30', ['scotland'], "St Andrew's Day"],
  ['2019-12-02', ['scotland'], "St Andrew's Day (substitute day)"],
  ['2026-08-03', ['scotland'], 'Summer bank holiday'],
  ['2026-06-15', ['scotland'], 'Extra bank holiday (FIFA World Cup)'],
  ['2026-08-31', ['england-and-wales', 'northern-ireland'], 'Summer bank holiday'],
  // Northern Ireland
  ['2026-03-17', ['northern-ireland'], "St Patrick's Day"],
  ['2026-07-13', ['northern-ireland'], "Battle of the Boyne (Orangemen's Day) (substitute day)"],
  ['2027-07-12', ['northern-ireland'], "Battle of the Boyne (Orangemen's Day)"],
];

describe('bank holidays by nation', () => {
  it.each(HOLIDAYS)('%s is a bank holiday in %j only: %s', (date, where, name) => {
    for (const n of Object.keys(cal) as Nation[]) {
      const expected = where.includes(n);
      expect(isBankHoliday(cal[n], date), `${n}`).toBe(expected);
      expect(isWorkingDay(cal[n], date), `${n}`).toBe(!expected);
      if (expected) expect(nonWorkingReason(cal[n], date)).toBe(/bank holiday|substitute day/i.test(name) ? name : `${name} (bank holiday)`);
    }
  });

  it('the day a one-off replaced is a working day again', () => {
    for (const c of [ew, sc, ni]) {
      expect(isWorkingDay(c, '2020-05-04')).toBe(true); // early May moved to VE day
      expect(isWorkingDay(c, '2022-05-30')).toBe(true); // spring bank holiday moved to 2 June
    }
  });

  it('names weekends and closures as the reason', () => {
    expect(nonWorkingReason(ew, '2026-12-26')).toBe('Saturday');
    expect(nonWorkingReason(ew, '2026-12-27')).toBe('Sunday');
    expect(nonWorkingReason(ew, '2026-12-24')).toBeUndefined();
    const withClosure = makeCalendar('england-and-wales', [{ date: '2026-12-24', reason: 'Council offices closed' }]);
    expect(nonWorkingReason(withClosure, '2026-12-24')).toBe('closure: Council offices closed');
    expect(isWorkingDay(withClosure, '2026-12-24')).toBe(false);
    expect(isBankHoliday(withClosure, '2026-12-24')).toBe(false);
    // a closure on a weekend is reported as the weekend
    expect(nonWorkingReason(makeCalendar('scotland', [{ date: '2026-12-26', reason: 'x' }]), '2026-12-26')).toBe('Saturday');
  });

  it('defaults to England and Wales with no closures', () => {
    const c = makeCalendar();
    expect(c.nation).toBe('england-and-wales');
    expect(c.closures.size).toBe(0);
    expect(isBankHoliday(c, '2026-04-06')).toBe(true);
  });

  it('knows which years it covers (2015-2040)', () => {
    expect(isCovered(ew, '2014-12-31')).toBe(false);
    expect(isCovered(ew, '2015-01-01')).toBe(true);
    expect(isCovered(ew, '2040-12-31')).toBe(true);
    expect(isCovered(ew, '2041-01-01')).toBe(false);
  });
});

describe('walking working days', () => {
  it('counts back over Christmas and New Year, naming each skipped day', () => {
    const w = walkWorkingDays(ew, '2027-01-07', 7, -1);
    expect(w.date).toBe('2026-12-24');
    expect(w.counted).toEqual(['2027-01-06', '2027-01-05', '2027-01-04', '2026-12-31', '2026-12-30', '2026-12-29', '2026-12-24']);
    expect(w.skipped).toEqual([
      { date: '2027-01-03', reason: 'Sunday' },
      { date: '2027-01-02', reason: 'Saturday' },
      { date: '2027-01-01', reason: "New Year's Day (bank holiday)" },
      { date: '2026-12-28', reason: 'Boxing Day (substitute day)' },
      { date: '2026-12-27', reason: 'Sunday' },
      { date: '2026-12-26', reason: 'Saturday' },
      { date: '2026-12-25', reason: 'Christmas Day (bank holiday)' },
    ]);
  });

  it('counts forward, and n = 0 stays put', () => {
    expect(walkWorkingDays(ew, '2026-12-24', 1, 1).date).toBe('2026-12-29');
    expect(walkWorkingDays(ew, '2026-12-26', 0, 1)).toEqual({ date: '2026-12-26', counted: [], skipped: [] });
  });

  it('counts working days in spans', () => {
    expect(workingDaysAfter(ew, '2026-12-23', '2026-12-29')).toBe(2); // 24, 29
    expect(workingDaysAfter(ew, '2026-12-23', '2026-12-23')).toBe(0);
    expect(workingDaysStrictlyBetween(ew, '2026-12-24', '2027-01-07')).toBe(6);
    expect(workingDaysStrictlyBetween(sc, '2026-12-24', '2027-01-07')).toBe(5); // 4 Jan is a holiday in Scotland
    expect(nextWorkingDay(ew, '2026-12-25')).toBe('2026-12-29');
    expect(nextWorkingDay(sc, '2027-01-01')).toBe('2027-01-05');
    expect(nextWorkingDay(ew, '2026-12-10')).toBe('2026-12-10');
  });
});

describe('counting working days agrees with walking them', () => {
  /** The definition, one day at a time. */
  const walked = (c: ReturnType<typeof makeCalendar>, a: string, b: string, strict: boolean) => {
    let n = 0;
    for (let d = addDays(a, 1); strict ? d < b : d <= b; d = addDays(d, 1)) if (isWorkingDay(c, d)) n++;
    return n;
  };
  const day = fc.integer({ min: toDayNumber('1960-01-01'), max: toDayNumber('2040-12-31') }).map(fromDayNumber);
  const closures = fc.array(
    fc.record({ date: day, reason: fc.constantFrom('INSET day', 'polling day') }),
    { maxLength: 12 },
  );

  it('for any span, nation and closures, including spans that run backwards or before 1970', () => {
    fc.assert(
      fc.property(fc.constantFrom(...NATIONS), closures, day, fc.integer({ min: -30, max: 800 }), (nation, cs, a, len) => {
        const c = makeCalendar(nation, cs);
        const b = addDays(a, len);
        expect(workingDaysAfter(c, a, b)).toBe(walked(c, a, b, false));
        expect(workingDaysStrictlyBetween(c, a, b)).toBe(walked(c, a, b, true));
      }),
      { numRuns: 300 },
    );
  });

  it('over the whole bank-holiday table, closures on bank holidays and weekends counted once', () => {
    const c = makeCalendar('england-and-wales', [
      { date: '2026-12-25', reason: 'Christmas' },
      { date: '2026-12-26', reason: 'a Saturday' },
      { date: '2026-12-29', reason: 'closed' },
    ]);
    expect(workingDaysAfter(c, '2018-12-31', '2028-12-31')).toBe(walked(c, '2018-12-31', '2028-12-31', false));
    expect(workingDaysAfter(c, '2026-12-23', '2026-12-30')).toBe(2); // 24 and 30: 25 and 28 are bank holidays, 29 a closure
  });
});
