/** The school year: the usual English pattern, term lookups, and the checks on term dates. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, dayOfWeek } from '../../../src/core/dates.js';
import { assumedCalendar, easterSunday, schoolDay, schoolHolidayReason, termHalves, termProblems, usualTerms, type TermCalendar } from '../../../src/core/school-year.js';

// Easter Sunday for some years, from the Church of England's tables.
const EASTER: Record<number, string> = { 2019: '2019-04-21', 2020: '2020-04-12', 2021: '2021-04-04', 2022: '2022-04-17', 2023: '2023-04-09', 2024: '2024-03-31', 2025: '2025-04-20', 2026: '2026-04-05', 2027: '2027-03-28', 2028: '2028-04-16', 2038: '2038-04-25' };

describe('the usual English pattern', () => {
  it('Easter', () => {
    for (const [y, d] of Object.entries(EASTER)) expect(easterSunday(Number(y))).toBe(d);
  });

  it('2027-28: autumn, spring and summer with their half-terms', () => {
    expect(usualTerms(2027)).toEqual([
      { name: 'Autumn 2027 (2027-28)', start: '2027-09-03', end: '2027-12-17', halfTerm: { start: '2027-10-25', end: '2027-10-29' } },
      { name: 'Spring 2028 (2027-28)', start: '2028-01-05', end: '2028-04-07', halfTerm: { start: '2028-02-14', end: '2028-02-18' } },
      { name: 'Summer 2028 (2027-28)', start: '2028-04-24', end: '2028-07-21', halfTerm: { start: '2028-05-29', end: '2028-06-02' } },
    ]);
  });

  it('property: for every year, terms in order on weekdays, half-terms a Monday-to-Friday week inside them, Easter in the holidays', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2000, max: 2099 }), (y) => {
        const terms = usualTerms(y);
        expect(termProblems(terms)).toEqual([]);
        for (const t of terms) {
          expect([0, 6]).not.toContain(dayOfWeek(t.start));
          expect(dayOfWeek(t.end)).not.toBe(0);
          expect(dayOfWeek(t.halfTerm!.start)).toBe(1);
          expect(t.halfTerm!.end).toBe(addDays(t.halfTerm!.start, 4));
        }
        const cal: TermCalendar = { name: 'usual', source: 'assumed', terms };
        expect(schoolDay(cal, easterSunday(y + 1)).kind).toBe('holiday');
        expect(schoolDay(cal, `${y}-12-25`).kind).toBe('holiday');
        expect(schoolDay(cal, `${y + 1}-08-01`).kind).toBe('unknown');
        expect(terms[1]!.halfTerm!.start >= `${y + 1}-02-12` && terms[1]!.halfTerm!.start <= `${y + 1}-02-18`).toBe(true);
      }),
    );
  });

  it('assumedCalendar covers every academic year the range touches', () => {
    const cal = assumedCalendar('2027-08-01', '2028-09-30');
    expect(cal.source).toBe('assumed');
    expect(cal.terms.map((t) => t.name)).toEqual(['Autumn 2027 (2027-28)', 'Spring 2028 (2027-28)', 'Summer 2028 (2027-28)', 'Autumn 2028 (2028-29)']);
  });
});

describe('where a day stands', () => {
  const cal: TermCalendar = {
    name: 'LA',
    source: 'given',
    terms: [
      { name: 'Autumn 2027', start: '2027-09-02', end: '2027-12-17', halfTerm: { start: '2027-10-25', end: '2027-10-29' } },
      { name: 'Spring 2028', start: '2028-01-04', end: '2028-03-31' },
    ],
  };
  it('term, half-term, holiday, unknown', () => {
    expect(schoolDay(cal, '2027-09-02')).toMatchObject({ kind: 'term' });
    expect(schoolDay(cal, '2027-10-27')).toMatchObject({ kind: 'half-term' });
    expect(schoolDay(cal, '2027-12-29')).toMatchObject({ kind: 'holiday' });
    expect(schoolDay(cal, '2027-08-31').kind).toBe('unknown');
    expect(schoolDay(cal, '2028-04-01').kind).toBe('unknown');
    expect(schoolHolidayReason(cal, '2027-10-27')).toBe('half-term of Autumn 2027');
    expect(schoolHolidayReason(cal, '2027-12-29')).toBe('school holiday between Autumn 2027 and Spring 2028');
    expect(schoolHolidayReason(cal, '2027-11-01')).toBeUndefined();
    expect(schoolHolidayReason({ ...cal, source: 'assumed' }, '2027-10-27')).toMatch(/usual English pattern/);
  });
  it('the halves of a term', () => {
    expect(termHalves(cal.terms[0]!)).toEqual([
      { label: 'Autumn 2027, first half', start: '2027-09-02', end: '2027-10-24' },
      { label: 'Autumn 2027, second half', start: '2027-10-30', end: '2027-12-17' },
    ]);
    expect(termHalves(cal.terms[1]!)).toEqual([{ label: 'Spring 2028', start: '2028-01-04', end: '2028-03-31' }]);
  });
  it('problems with term dates as written', () => {
    expect(
      termProblems([
        { name: 'A', start: '2027-09-02', end: '2027-08-01' },
        { name: 'B', start: '2027-09-10', end: '2027-12-17', halfTerm: { start: '2027-12-20', end: '2027-12-24' } },
        { name: 'C', start: '2027-12-01', end: '2028-03-31', halfTerm: { start: '2028-02-18', end: '2028-02-14' } },
      ]).map((p) => [p.index, p.field]),
    ).toEqual([
      [0, 'end'],
      [1, 'half-term'],
      [2, 'half-term'],
      [2, 'start'],
    ]);
  });
});
