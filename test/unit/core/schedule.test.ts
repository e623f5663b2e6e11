import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isWorkingDay } from '../../../src/core/calendar.js';
import { addDays, dayOfWeek } from '../../../src/core/dates.js';
import { ok, type Checked, type Problem } from '../../../src/core/errors.js';
import { buildModel, type Model } from '../../../src/core/model.js';
import type { PartnershipFile } from '../../../src/core/partnership-schema.js';
import { describeInterval, onOrAfterWeekday, parseInterval, parseWeekday, planSchedule, type Interval } from '../../../src/core/schedule.js';

const TODAY = '2026-11-22';

function model(extra: Partial<PartnershipFile['bodies'][number]> = {}, closures: { date: string; reason: string }[] = []): Model {
  return buildModel({
    partnership: { name: 'Test', short: 'T', clerk: { name: 'C', email: 'c@example.org' }, calendar: { nation: 'england-and-wales', closures } },
    groups: [{ id: 'g', name: 'G', seats: 2 }],
    people: [{ id: 'a', name: 'A', group: 'g' }],
    bodies: [{ id: 'board', name: 'Board', members: [{ groups: ['g'] }], notice: { kind: 'working-days', days: 7 }, minutes: { kind: 'working-days', days: 7 }, start: '16:00', ...extra }],
  } as PartnershipFile);
}

const planned = (m: Model, from: string, to: string, every: Interval, weekday = 4) => planSchedule(m, m.bodies.get('board')!, { from, to, interval: every, weekday }, TODAY);

function plan(m: Model, from: string, to: string, every: Interval, weekday = 4) {
  const r = planned(m, from, to, every, weekday);
  if (!r.ok) throw new Error(r.problems[0]!.message);
  return r.value;
}

/** The one problem core returned instead of a value. */
const problem = <T>(c: Checked<T>): Problem => {
  expect(c.ok).toBe(false);
  return (c as { problems: Problem[] }).problems[0]!;
};

describe('parseInterval', () => {
  it('reads half-term, month and N-weeks', () => {
    expect(parseInterval('half-term')).toEqual(ok({ kind: 'half-term' }));
    expect(parseInterval('Month')).toEqual(ok({ kind: 'month' }));
    expect(parseInterval('6-weeks')).toEqual(ok({ kind: 'weeks', weeks: 6 }));
    expect(parseInterval('1-week')).toEqual(ok({ kind: 'weeks', weeks: 1 }));
    expect(parseInterval('fortnight')).toEqual(ok({ kind: 'weeks', weeks: 2 }));
  });
  it('refuses anything else, saying what it accepts', () => {
    const e = problem(parseInterval('yearly'));
    expect(e).toEqual({ field: 'every', message: '"yearly" is not an interval wep knows', hint: 'use term, half-term, month, or N-weeks such as 2-weeks or 6-weeks' });
    expect(parseInterval('termly')).toEqual(ok({ kind: 'term' }));
    expect(parseInterval('Half-termly')).toEqual(ok({ kind: 'half-term' }));
    expect(parseInterval('every 6 weeks')).toEqual(ok({ kind: 'weeks', weeks: 6 }));
    expect(parseInterval('0-weeks').ok).toBe(false);
    expect(parseInterval('53-weeks').ok).toBe(false);
  });
  it('describes intervals', () => {
    expect(describeInterval({ kind: 'half-term' })).toBe('one meeting each half-term');
    expect(describeInterval({ kind: 'weeks', weeks: 1 })).toBe('every week');
    expect(describeInterval({ kind: 'weeks', weeks: 4 })).toBe('every 4 weeks');
  });
});

describe('parseWeekday', () => {
  it('reads short and long names in any case', () => {
    expect(parseWeekday('thu')).toEqual(ok(4));
    expect(parseWeekday('Tuesday')).toEqual(ok(2));
    expect(parseWeekday('MO')).toEqual(ok(1));
  });
  it('refuses what is not a day, and weekends', () => {
    const e = problem(parseWeekday('thursdy'));
    expect(e.message).toBe('"thursdy" is not a day of the week');
    expect(e.hint).toBe('use mon, tue, wed, thu or fri');
    expect(problem(parseWeekday('t')).message).toMatch(/not a day of the week/);
    expect(problem(parseWeekday('sat')).message).toBe('meetings are planned on working days, and Saturday is not one');
    expect(problem(parseWeekday('sunday')).message).toMatch(/Sunday is not one/);
  });
});

// A local authority's published term dates (Wokingham's pattern), and an academy trust's that
// differ: the trust starts a day earlier, and its autumn half-term is a fortnight.
const LA_TERMS = [
  { name: 'Autumn 2026', start: '2026-09-03', end: '2026-12-18', halfTerm: { start: '2026-10-26', end: '2026-10-30' } },
  { name: 'Spring 2027', start: '2027-01-05', end: '2027-03-26', halfTerm: { start: '2027-02-15', end: '2027-02-19' } },
  { name: 'Summer 2027', start: '2027-04-12', end: '2027-07-21', halfTerm: { start: '2027-05-31', end: '2027-06-04' } },
  { name: 'Autumn 2027', start: '2027-09-02', end: '2027-12-17', halfTerm: { start: '2027-10-25', end: '2027-10-29' } },
  { name: 'Spring 2028', start: '2028-01-04', end: '2028-03-31', halfTerm: { start: '2028-02-14', end: '2028-02-18' } },
  { name: 'Summer 2028', start: '2028-04-18', end: '2028-07-21', halfTerm: { start: '2028-05-29', end: '2028-06-02' } },
];
const TRUST_TERMS = [{ name: 'Autumn 2027 (trust)', start: '2027-09-01', end: '2027-12-17', halfTerm: { start: '2027-10-18', end: '2027-10-29' } }];

function termModel(extra: Partial<PartnershipFile['bodies'][number]> = {}, closures: PartnershipFile['partnership']['calendar'] extends infer C ? (C extends { closures?: infer X } ? X : never) : never = []): Model {
  return buildModel({
    partnership: { name: 'Test', short: 'T', clerk: { name: 'C', email: 'c@example.org' }, calendar: { nation: 'england-and-wales', closures, terms: LA_TERMS, otherTerms: { trust: { name: 'The trust', terms: TRUST_TERMS } } } },
    groups: [{ id: 'g', name: 'G', seats: 2 }],
    people: [{ id: 'a', name: 'A', group: 'g' }],
    bodies: [{ id: 'board', name: 'Board', members: [{ groups: ['g'] }], notice: { kind: 'working-days', days: 7 }, minutes: { kind: 'working-days', days: 7 }, start: '16:00', end: '18:00', ...extra }],
  } as PartnershipFile);
}

const inHoliday = (d: string) => LA_TERMS.every((t) => d < t.start || d > t.end || (d >= t.halfTerm.start && d <= t.halfTerm.end));

describe('planSchedule: terms and half-terms from the term dates', () => {
  it('one meeting in each half of each term, the first week back left free, on the weekday asked', () => {
    const p = plan(termModel(), '2027-09-01', '2028-07-31', { kind: 'half-term' });
    expect(p.meetings.map((m) => [m.slot, m.date])).toEqual([
      ['Autumn 2027, first half', '2027-09-09'],
      ['Autumn 2027, second half', '2027-11-11'],
      ['Spring 2028, first half', '2028-01-13'],
      ['Spring 2028, second half', '2028-03-02'],
      ['Summer 2028, first half', '2028-04-27'],
      ['Summer 2028, second half', '2028-06-15'],
    ]);
    expect(p.warnings).toEqual([]);
    expect(p.meetings.every((m) => m.assumption === undefined)).toBe(true);
    for (const m of p.meetings) expect(dayOfWeek(m.date)).toBe(4);
  });

  it('term: one meeting each term, over two years', () => {
    const p = plan(termModel(), '2026-09-01', '2028-07-31', { kind: 'term' });
    expect(p.meetings.map((m) => m.date)).toEqual(['2026-09-10', '2027-01-14', '2027-04-22', '2027-09-09', '2028-01-13', '2028-04-27']);
  });

  it('a body on an academy trust\'s calendar follows its dates, not the authority\'s', () => {
    // the trust's autumn half-term is 18 to 29 October; the authority's 25 to 29 October
    const la = plan(termModel(), '2027-10-01', '2027-10-31', { kind: 'weeks', weeks: 1 });
    const trust = plan(termModel({ terms: 'trust' }), '2027-10-01', '2027-10-31', { kind: 'weeks', weeks: 1 });
    expect(la.meetings.map((m) => m.date)).toEqual(['2027-10-07', '2027-10-14', '2027-10-21']);
    expect(trust.meetings.map((m) => m.date)).toEqual(['2027-10-07', '2027-10-14']);
  });

  it('skips a bank holiday, saying why (early May on a Monday)', () => {
    const p = plan(termModel(), '2028-04-18', '2028-05-26', { kind: 'half-term' }, 1);
    expect(p.meetings).toHaveLength(1);
    expect(p.meetings[0]!.date).toBe('2028-05-08');
    expect(p.meetings[0]!.skipped).toEqual([{ date: '2028-05-01', reason: 'Early May bank holiday' }]);
    const may = plan(termModel(), '2027-05-01', '2027-05-28', { kind: 'weeks', weeks: 2 }, 1);
    expect(may.meetings[0]!.date).toBe('2027-05-10');
    expect(may.meetings[0]!.skipped).toEqual([{ date: '2027-05-03', reason: 'Early May bank holiday' }]);
  });

  it("skips the partnership's closure days, single or ranges", () => {
    const one = plan(termModel({}, [{ date: '2027-09-09', reason: 'INSET day' }]), '2027-09-01', '2027-10-20', { kind: 'half-term' });
    expect(one.meetings[0]!.date).toBe('2027-09-16');
    expect(one.meetings[0]!.skipped).toEqual([{ date: '2027-09-09', reason: 'closure: INSET day' }]);
    const range = plan(termModel({}, [{ from: '2027-09-06', to: '2027-09-17', reason: 'building works' }]), '2027-09-01', '2027-10-20', { kind: 'half-term' });
    expect(range.meetings[0]!.date).toBe('2027-09-23');
    expect(range.meetings[0]!.skipped.map((k) => k.reason)).toEqual(['closure: building works', 'closure: building works']);
  });

  it('warns when a whole half of a term has no working day left', () => {
    const closures = [{ from: '2028-02-21', to: '2028-03-31', reason: 'site closed' }];
    const p = plan(termModel({}, closures), '2028-02-20', '2028-03-31', { kind: 'half-term' });
    expect(p.meetings).toEqual([]);
    expect(p.warnings[0]).toMatch(/^no working Thursday in Spring 2028, second half \(2028-03-02: closure: site closed; /);
  });

  it('keeps to the range given: a window cut by --from starts at --from', () => {
    const p = plan(termModel(), '2027-10-01', '2027-12-31', { kind: 'half-term' });
    expect(p.meetings.map((m) => m.date)).toEqual(['2027-10-07', '2027-11-11']);
  });

  it('without term dates, the usual English pattern, each date marked as an assumption', () => {
    const p = plan(model(), '2027-09-01', '2028-07-31', { kind: 'half-term' });
    expect(p.meetings).toHaveLength(6);
    expect(p.meetings.every((m) => m.assumption?.includes('usual English pattern'))).toBe(true);
    expect(p.warnings.at(-1)).toMatch(/^6 of the 6 dates rest on the usual English term pattern/);
    // and beyond the years the file gives, the pattern fills in
    const q = plan(termModel(), '2028-09-01', '2028-12-31', { kind: 'term' });
    expect(q.meetings.map((m) => [m.date, Boolean(m.assumption)])).toEqual([['2028-09-14', true]]);
  });
});

describe('planSchedule: months and weeks, in term time', () => {
  it('month: the first working weekday of each month in term time; August has none', () => {
    const p = plan(termModel(), '2027-06-01', '2027-12-31', { kind: 'month' }, 2);
    expect(p.meetings.map((m) => m.date)).toEqual(['2027-06-08', '2027-07-06', '2027-09-07', '2027-10-05', '2027-11-02', '2027-12-07']);
    expect(p.meetings.map((m) => m.slot)[0]).toBe('June 2027');
    expect(p.warnings).toEqual([]);
  });

  it('N-weeks: never in the holidays; after a holiday the rhythm starts again from the day back', () => {
    const p = plan(termModel(), '2026-12-01', '2027-03-31', { kind: 'weeks', weeks: 3 }, 3);
    for (const m of p.meetings) expect(inHoliday(m.date), m.date).toBe(false);
    expect(p.meetings.map((m) => m.date)).toEqual(['2026-12-02', '2027-01-06', '2027-01-27', '2027-02-24', '2027-03-17']);
  });

  it('N-weeks: a bank holiday in term time moves that meeting a week on, then back to the rhythm', () => {
    const p = plan(termModel(), '2027-04-19', '2027-05-28', { kind: 'weeks', weeks: 2 }, 1);
    expect(p.meetings.map((m) => m.date)).toEqual(['2027-04-19', '2027-05-10', '2027-05-17']);
    expect(p.meetings[1]!.skipped.map((s) => s.date)).toEqual(['2027-05-03']);
  });

  it('stays clear of other meetings at the same time, and not of those at another time', () => {
    const busy = [{ date: '2027-09-09', start: '17:00', end: '19:00', label: '2027-09-09-cluster' }];
    const p = planSchedule(termModel(), termModel().bodies.get('board')!, { from: '2027-09-01', to: '2027-10-20', interval: { kind: 'half-term' }, weekday: 4, busy, time: { start: '16:00', end: '18:00' } }, TODAY);
    expect(p.ok && p.value.meetings[0]).toMatchObject({ date: '2027-09-16', skipped: [{ date: '2027-09-09', reason: '2027-09-09-cluster is then (17:00 to 19:00), with people in common' }] });
    const morning = planSchedule(termModel(), termModel().bodies.get('board')!, { from: '2027-09-01', to: '2027-10-20', interval: { kind: 'half-term' }, weekday: 4, busy, time: { start: '09:00', end: '11:00' } }, TODAY);
    expect(morning.ok && morning.value.meetings[0]!.date).toBe('2027-09-09');
  });
});

describe('planSchedule: deadlines, lifespan and refusals', () => {
  it('gives each meeting its notice and minutes deadlines', () => {
    const p = plan(model(), '2026-12-01', '2026-12-31', { kind: 'month' });
    const m = p.meetings[0]!;
    expect(m.date).toBe('2026-12-03');
    expect(m.deadlines.noticeBy.date).toBe('2026-11-24');
    expect(m.deadlines.minutesBy.date).toBe('2026-12-14');
  });

  it('plans a body with a lifespan only while it lives', () => {
    const p = plan(model({ lifespan: { start: '2026-10-01', end: '2027-01-31' } }), '2026-09-01', '2027-07-31', { kind: 'month' });
    expect(p.from).toBe('2026-10-01');
    expect(p.to).toBe('2027-01-31');
    expect(p.meetings.map((m) => m.date)).toEqual(['2026-10-01', '2026-11-05', '2026-12-03', '2027-01-07']);
    expect(p.warnings[0]).toBe('the Board exists from 2026-10-01 to 2027-01-31: only those dates are planned');
  });

  it('warns when the bank holiday table does not cover the years', () => {
    const p = plan(model(), '2041-01-01', '2041-01-31', { kind: 'month' });
    expect(p.warnings[0]).toBe("wep's bank holiday table does not cover 2041: check the dates against GOV.UK's list when it is published");
  });

  it('refuses bad ranges', () => {
    expect(problem(planned(model(), '2027-13-01', '2027-12-01', { kind: 'month' }))).toMatchObject({ field: 'from', message: '"2027-13-01" is not a date in the form YYYY-MM-DD' });
    expect(problem(planned(model(), '2027-01-01', 'soon', { kind: 'month' }))).toMatchObject({ field: 'to', message: '"soon" is not a date in the form YYYY-MM-DD' });
    const back = problem(planned(model(), '2027-07-01', '2027-01-01', { kind: 'month' }));
    expect(back).toEqual({ field: 'to', message: '2027-01-01 is before the first date (2027-07-01)', hint: 'swap the two dates' });
    expect(problem(planned(model(), '2026-01-01', '2030-01-01', { kind: 'month' })).message).toBe('2026-01-01 to 2030-01-01 is more than three years');
  });

  it('property: every meeting is a working day in term time on the weekday asked, inside the range, in order, at most one per slot, clear of busy times', () => {
    const m = termModel({}, [{ date: '2027-03-04', reason: 'closure' }, { from: '2027-11-15', to: '2027-11-26', reason: 'building works' }]);
    const dateArb = fc.integer({ min: 0, max: 600 }).map((n) => addDays('2026-09-01', n));
    const busy = [{ date: '2027-01-14', start: '15:00', end: '17:00', label: 'x' }, { date: '2027-09-09', start: '17:30', end: '18:30', label: 'y' }];
    fc.assert(
      fc.property(
        dateArb,
        fc.integer({ min: 0, max: 400 }),
        fc.oneof(fc.constant<Interval>({ kind: 'term' }), fc.constant<Interval>({ kind: 'half-term' }), fc.constant<Interval>({ kind: 'month' }), fc.integer({ min: 1, max: 8 }).map((weeks): Interval => ({ kind: 'weeks', weeks }))),
        fc.integer({ min: 1, max: 5 }),
        (from, span, every, weekday) => {
          const to = [addDays(from, span), '2028-07-21'].sort()[0]!; // within the term dates given
          const r = planSchedule(m, m.bodies.get('board')!, { from, to, interval: every, weekday, busy, time: { start: '16:00', end: '18:00' } }, TODAY);
          if (!r.ok) throw new Error(r.problems[0]!.message);
          const p = r.value;
          const dates = p.meetings.map((x) => x.date);
          for (const d of dates) {
            expect(isWorkingDay(m.calendar, d)).toBe(true);
            expect(inHoliday(d), d).toBe(false);
            expect(busy.some((b) => b.date === d)).toBe(false);
            expect(dayOfWeek(d)).toBe(weekday);
            expect(d >= from && d <= to).toBe(true);
          }
          expect([...dates].sort()).toEqual(dates);
          expect(new Set(dates).size).toBe(dates.length);
          expect(new Set(p.meetings.map((x) => x.slot)).size).toBe(dates.length);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('onOrAfterWeekday', () => {
    expect(onOrAfterWeekday('2027-09-01', 4)).toBe('2027-09-02');
    expect(onOrAfterWeekday('2027-09-02', 4)).toBe('2027-09-02');
  });
});
