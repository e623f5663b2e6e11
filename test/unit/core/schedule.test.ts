import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isWorkingDay } from '../../../src/core/calendar.js';
import { addDays, dayOfWeek } from '../../../src/core/dates.js';
import { ok, type Checked, type Problem } from '../../../src/core/errors.js';
import { buildModel, type Model } from '../../../src/core/model.js';
import type { PartnershipFile } from '../../../src/core/partnership-schema.js';
import { describeInterval, HALF_TERMS, onOrAfterWeekday, parseInterval, parseWeekday, planSchedule, type Interval } from '../../../src/core/schedule.js';

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
    const e = problem(parseInterval('termly'));
    expect(e).toEqual({ field: 'every', message: '"termly" is not an interval wep knows', hint: 'use half-term, month, or N-weeks such as 2-weeks or 6-weeks' });
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

describe('planSchedule: half-terms', () => {
  it('proposes one meeting in each of the six half-terms of an academic year, on the weekday asked', () => {
    const p = plan(model(), '2027-09-01', '2028-07-31', { kind: 'half-term' });
    expect(p.meetings.map((m) => [m.slot, m.date])).toEqual([
      ['autumn 1 2027-28', '2027-09-16'],
      ['autumn 2 2027-28', '2027-11-11'],
      ['spring 1 2027-28', '2028-01-13'],
      ['spring 2 2027-28', '2028-03-02'],
      ['summer 1 2027-28', '2028-05-04'],
      ['summer 2 2027-28', '2028-06-08'],
    ]);
    expect(p.warnings).toEqual([]);
    for (const m of p.meetings) expect(dayOfWeek(m.date)).toBe(4);
  });

  it('skips a bank holiday, saying why (early May on a Monday)', () => {
    const p = plan(model(), '2027-04-20', '2027-05-31', { kind: 'half-term' }, 1);
    expect(p.meetings).toHaveLength(1);
    expect(p.meetings[0]!.date).toBe('2027-05-10');
    expect(p.meetings[0]!.skipped).toEqual([{ date: '2027-05-03', reason: 'Early May bank holiday' }]);
  });

  it("skips the partnership's closure days", () => {
    const p = plan(model({}, [{ date: '2027-09-16', reason: 'INSET day' }]), '2027-09-01', '2027-10-31', { kind: 'half-term' });
    expect(p.meetings[0]!.date).toBe('2027-09-23');
    expect(p.meetings[0]!.skipped).toEqual([{ date: '2027-09-16', reason: 'closure: INSET day' }]);
  });

  it('warns when a whole half-term has no working day left', () => {
    const closures = ['2028-03-02', '2028-03-09', '2028-03-16', '2028-03-23'].map((date) => ({ date, reason: 'site closed' }));
    const p = plan(model({}, closures), '2028-03-01', '2028-03-31', { kind: 'half-term' });
    expect(p.meetings).toEqual([]);
    expect(p.warnings[0]).toMatch(/^no working Thursday in spring 2 2027-28 \(2028-03-02: closure: site closed; /);
    expect(p.warnings.at(-1)).toMatch(/no Thursday between 2028-03-01 and 2028-03-31 fits/);
  });

  it('keeps to the range given: a window cut by --from starts at --from', () => {
    const p = plan(model(), '2027-10-01', '2027-12-31', { kind: 'half-term' });
    expect(p.meetings.map((m) => m.date)).toEqual(['2027-10-07', '2027-11-11']);
  });

  it('the windows sit inside the academic year in order', () => {
    expect(HALF_TERMS).toHaveLength(6);
    const order = HALF_TERMS.map((w) => (w.from[0] >= 9 ? 0 : 12) + w.from[0] + w.from[1] / 100);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
  });
});

describe('planSchedule: months and weeks', () => {
  it('month: the first working weekday of each month', () => {
    const p = plan(model(), '2027-01-01', '2027-06-30', { kind: 'month' }, 1);
    expect(p.meetings.map((m) => m.date)).toEqual(['2027-01-04', '2027-02-01', '2027-03-01', '2027-04-05', '2027-05-10', '2027-06-07']);
    expect(p.meetings.map((m) => m.slot)[0]).toBe('January 2027');
  });

  it('N-weeks: every N weeks from the first weekday on or after --from; a day off moves a week on, then back to the rhythm', () => {
    const p = plan(model(), '2026-12-01', '2027-02-28', { kind: 'weeks', weeks: 2 }, 5);
    // Fri 1 Jan is a bank holiday: that meeting moves a week on, and the next keeps the rhythm.
    expect(p.meetings.map((m) => m.date)).toEqual(['2026-12-04', '2026-12-18', '2027-01-08', '2027-01-15', '2027-01-29', '2027-02-12', '2027-02-26']);
    expect(p.meetings[2]!.skipped.map((s) => s.date)).toEqual(['2027-01-01']);
  });

  it('weekly: a meeting that cannot move is left out, with a warning', () => {
    const p = plan(model(), '2026-12-21', '2027-01-08', { kind: 'weeks', weeks: 1 }, 5);
    expect(p.meetings.map((m) => m.date)).toEqual(['2027-01-08']);
    expect(p.warnings).toEqual([
      'no working Friday for meeting 1 (2026-12-25: Christmas Day (bank holiday))',
      "no working Friday for meeting 2 (2027-01-01: New Year's Day (bank holiday))",
    ]);
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
    expect(p.warnings).toEqual(['the Board exists from 2026-10-01 to 2027-01-31: only those dates are planned']);
  });

  it('warns when the bank holiday table does not cover the years', () => {
    const p = plan(model(), '2041-01-01', '2041-01-31', { kind: 'month' });
    expect(p.warnings).toEqual(["wep's bank holiday table does not cover 2041: check the dates against GOV.UK's list when it is published"]);
  });

  it('refuses bad ranges', () => {
    expect(problem(planned(model(), '2027-13-01', '2027-12-01', { kind: 'month' }))).toMatchObject({ field: 'from', message: '"2027-13-01" is not a date in the form YYYY-MM-DD' });
    expect(problem(planned(model(), '2027-01-01', 'soon', { kind: 'month' }))).toMatchObject({ field: 'to', message: '"soon" is not a date in the form YYYY-MM-DD' });
    const back = problem(planned(model(), '2027-07-01', '2027-01-01', { kind: 'month' }));
    expect(back).toEqual({ field: 'to', message: '2027-01-01 is before the first date (2027-07-01)', hint: 'swap the two dates' });
    expect(problem(planned(model(), '2026-01-01', '2030-01-01', { kind: 'month' })).message).toBe('2026-01-01 to 2030-01-01 is more than three years');
  });

  it('property: every meeting is a working day on the weekday asked, inside the range, in order, at most one per slot', () => {
    const m = model({}, [{ date: '2027-03-04', reason: 'closure' }]);
    const dateArb = fc.integer({ min: 0, max: 900 }).map((n) => addDays('2026-01-01', n));
    fc.assert(
      fc.property(
        dateArb,
        fc.integer({ min: 0, max: 400 }),
        fc.oneof(fc.constant<Interval>({ kind: 'half-term' }), fc.constant<Interval>({ kind: 'month' }), fc.integer({ min: 1, max: 8 }).map((weeks): Interval => ({ kind: 'weeks', weeks }))),
        fc.integer({ min: 1, max: 5 }),
        (from, span, every, weekday) => {
          const to = addDays(from, span);
          const p = plan(m, from, to, every, weekday);
          const dates = p.meetings.map((x) => x.date);
          for (const d of dates) {
            expect(isWorkingDay(m.calendar, d)).toBe(true);
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
