import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isWorkingDay, makeCalendar, NATIONS, walkWorkingDays, workingDaysAfter, workingDaysStrictlyBetween, type Calendar, type Nation } from '../../../src/core/calendar.js';
import { addDays, daysBetween, fromDayNumber, toDayNumber } from '../../../src/core/dates.js';
import {
  describeMinutesRule,
  describeNoticeRule,
  lateness,
  meetingDateWarnings,
  minutesDeadline,
  noticeDeadlines,
  type MinutesRule,
  type NoticeRule,
} from '../../../src/core/deadlines.js';

const cals = Object.fromEntries(NATIONS.map((n) => [n, makeCalendar(n)])) as Record<Nation, Calendar>;
const wd = (days: number): NoticeRule => ({ kind: 'working-days', days });
const notice = (n: Nation, meeting: string, rule: NoticeRule) => noticeDeadlines(cals[n], meeting, rule);

describe('notice: no fewer than N working days before (WORKDAY(meeting, -N)) and the safe date', () => {
  // [nation, meeting, N, noticeBy, safe]
  const cases: [Nation, string, number, string, string][] = [
    // Christmas and New Year
    ['england-and-wales', '2027-01-07', 7, '2026-12-24', '2026-12-23'],
    ['northern-ireland', '2027-01-07', 7, '2026-12-24', '2026-12-23'],
    ['scotland', '2027-01-07', 7, '2026-12-23', '2026-12-22'], // 4 Jan 2027: 2 January substitute
    // Easter 2026: Good Friday 3 April, Easter Monday 6 April (not in Scotland)
    ['england-and-wales', '2026-04-09', 7, '2026-03-27', '2026-03-26'],
    ['northern-ireland', '2026-04-09', 7, '2026-03-27', '2026-03-26'],
    ['scotland', '2026-04-09', 7, '2026-03-30', '2026-03-27'],
    // one-off days, the same in every nation
    ...NATIONS.flatMap((n): [Nation, string, number, string, string][] => [
      [n, '2020-05-12', 2, '2020-05-07', '2020-05-06'], // VE day, Friday 8 May 2020
      [n, '2022-06-10', 7, '2022-05-30', '2022-05-27'], // 2 and 3 June 2022
      [n, '2022-09-21', 3, '2022-09-15', '2022-09-14'], // state funeral, 19 September 2022
      [n, '2023-05-10', 5, '2023-05-02', '2023-04-28'], // coronation 8 May, early May 1 May 2023
    ]),
    // nation-only days
    ['scotland', '2026-06-17', 2, '2026-06-12', '2026-06-11'], // 15 June 2026
    ['england-and-wales', '2026-06-17', 2, '2026-06-15', '2026-06-12'],
    ['scotland', '2026-12-02', 2, '2026-11-27', '2026-11-26'], // St Andrew's Day, Mon 30 Nov 2026
    ['england-and-wales', '2026-12-02', 2, '2026-11-30', '2026-11-27'],
    ['northern-ireland', '2026-03-19', 2, '2026-03-16', '2026-03-13'], // St Patrick's Day
    ['england-and-wales', '2026-03-19', 2, '2026-03-17', '2026-03-16'],
    ['northern-ireland', '2026-07-15', 2, '2026-07-10', '2026-07-09'], // Boyne substitute, Mon 13 July 2026
    ['england-and-wales', '2026-07-15', 2, '2026-07-13', '2026-07-10'],
    // an ordinary week
    ['england-and-wales', '2026-12-10', 7, '2026-12-01', '2026-11-30'],
  ];
  it.each(cases)('%s, meeting %s, %i working days: send by %s, safe %s', (n, meeting, days, by, safe) => {
    const r = notice(n, meeting, wd(days));
    expect(r.noticeBy.date).toBe(by);
    expect(r.noticeBySafe.date).toBe(safe);
    expect(r.noticeBy.counted).toHaveLength(days);
    expect(r.noticeBy.counted.at(-1)).toBe(by); // the send day is the Nth
    expect(r.noticeBySafe.counted).toHaveLength(days + 1);
  });

  it('shows the skipped days with their reasons', () => {
    const r = notice('england-and-wales', '2026-04-09', wd(7));
    expect(r.noticeBy.skipped.map((s) => `${s.date} ${s.reason}`)).toEqual([
      '2026-04-06 Easter Monday (bank holiday)',
      '2026-04-05 Sunday',
      '2026-04-04 Saturday',
      '2026-04-03 Good Friday (bank holiday)',
      '2026-03-29 Sunday',
      '2026-03-28 Saturday',
    ]);
    expect(r.noticeBy.rule).toBe('no fewer than 7 working days before the meeting');
    expect(r.noticeBySafe.rule).toBe('7 whole working days between the day of sending and the meeting');
  });

  it('skips the partnership\'s closure days', () => {
    const c = makeCalendar('england-and-wales', [{ date: '2026-12-24', reason: 'Council offices closed' }]);
    const r = noticeDeadlines(c, '2027-01-07', wd(7));
    expect(r.noticeBy.date).toBe('2026-12-23');
    expect(r.noticeBySafe.date).toBe('2026-12-22');
    expect(r.noticeBy.skipped).toContainEqual({ date: '2026-12-24', reason: 'closure: Council offices closed' });
  });

  it('0 working days: notice on the meeting day itself; the safe date is the working day before', () => {
    const r = notice('england-and-wales', '2026-12-10', wd(0));
    expect(r.noticeBy.date).toBe('2026-12-10');
    expect(r.noticeBySafe.date).toBe('2026-12-09');
  });
});

describe('notice: clear days and calendar days', () => {
  it('clear days exclude the day of sending and the day of the meeting; weekends and holidays count', () => {
    const r = notice('england-and-wales', '2026-12-10', { kind: 'clear-days', days: 7 });
    expect(r.noticeBy.date).toBe('2026-12-02');
    expect(r.noticeBySafe.date).toBe('2026-12-02');
    expect(r.noticeBy.counted).toEqual(['2026-12-09', '2026-12-08', '2026-12-07', '2026-12-06', '2026-12-05', '2026-12-04', '2026-12-03']);
    expect(r.noticeBy.skipped).toEqual([]);
    expect(r.noticeBy.rule).toBe('at least 7 clear days before the meeting (the day of sending and the day of the meeting not counted)');
  });

  it.each(NATIONS)('clear days are the same over Christmas in %s', (n) => {
    expect(notice(n, '2027-01-04', { kind: 'clear-days', days: 7 }).noticeBy.date).toBe('2026-12-27');
    expect(notice(n, '2026-04-09', { kind: 'clear-days', days: 7 }).noticeBy.date).toBe('2026-04-01');
    expect(notice(n, '2022-06-10', { kind: 'clear-days', days: 7 }).noticeBy.date).toBe('2022-06-02');
  });

  it('calendar days: N days before; safe date one day earlier', () => {
    const r = notice('scotland', '2026-12-10', { kind: 'calendar-days', days: 7 });
    expect(r.noticeBy.date).toBe('2026-12-03');
    expect(r.noticeBySafe.date).toBe('2026-12-02');
    expect(r.noticeBy.rule).toBe('no fewer than 7 days before the meeting');
    expect(describeNoticeRule({ kind: 'working-days', days: 1 })).toBe('no fewer than 1 working day before the meeting');
  });
});

describe('minutes: within N working days of the meeting', () => {
  const mr = (days: number, extra: Partial<MinutesRule> = {}): MinutesRule => ({ kind: 'working-days', days, ...extra });
  // [nation, meeting, rule, minutesBy]
  const cases: [Nation, string, MinutesRule, string][] = [
    ...NATIONS.map((n): [Nation, string, MinutesRule, string] => [n, '2026-12-17', mr(7), '2026-12-30']),
    ['england-and-wales', '2026-04-02', mr(2), '2026-04-08'],
    ['northern-ireland', '2026-04-02', mr(2), '2026-04-08'],
    ['scotland', '2026-04-02', mr(2), '2026-04-07'], // no Easter Monday in Scotland
    ['scotland', '2026-12-31', mr(1), '2027-01-05'], // 1 Jan and 4 Jan (2 January substitute)
    ['england-and-wales', '2026-12-31', mr(1), '2027-01-04'],
    ...NATIONS.flatMap((n): [Nation, string, MinutesRule, string][] => [
      [n, '2022-06-01', mr(1), '2022-06-06'],
      [n, '2022-09-16', mr(1), '2022-09-20'],
      [n, '2023-05-05', mr(1), '2023-05-09'],
      [n, '2020-05-07', mr(1), '2020-05-11'],
    ]),
    // "beginning with the day of the meeting": the meeting day is day 1, one working day earlier
    ['england-and-wales', '2026-12-17', mr(7, { countMeetingDay: true }), '2026-12-29'],
    ['england-and-wales', '2026-12-17', mr(1, { countMeetingDay: true }), '2026-12-17'],
    ['england-and-wales', '2026-12-17', { kind: 'calendar-days', days: 7 }, '2026-12-24'],
    ['england-and-wales', '2026-12-17', { kind: 'calendar-days', days: 7, countMeetingDay: true }, '2026-12-23'],
  ];
  it.each(cases)('%s, meeting %s, %j: due %s', (n, meeting, rule, due) => {
    expect(minutesDeadline(cals[n], meeting, rule).date).toBe(due);
  });

  it('lists the meeting day first when it counts as day 1', () => {
    const d = minutesDeadline(cals['england-and-wales'], '2026-12-17', mr(3, { countMeetingDay: true }));
    expect(d.counted).toEqual(['2026-12-17', '2026-12-18', '2026-12-21']);
    expect(d.rule).toBe('within 3 working days beginning with the day of the meeting');
    expect(describeMinutesRule(mr(7))).toBe('within 7 working days of the meeting');
    expect(describeMinutesRule({ kind: 'calendar-days', days: 1 })).toBe('within 1 day of the meeting');
  });
});

describe('warnings about the meeting date', () => {
  const c = makeCalendar('england-and-wales', [{ date: '2026-12-24', reason: 'Christmas Eve' }]);
  it('weekend, bank holiday, closure', () => {
    expect(meetingDateWarnings(c, '2026-12-26')).toEqual([
      'the meeting falls on a weekend (Saturday 26 December 2026: Saturday); deadlines are still counted from it',
    ]);
    expect(meetingDateWarnings(c, '2026-12-28')).toEqual([
      'the meeting falls on a bank holiday (Monday 28 December 2026: Boxing Day (substitute day)); deadlines are still counted from it',
    ]);
    expect(meetingDateWarnings(c, '2026-12-24')[0]).toMatch(/^the meeting falls on a closure day \(Thursday 24 December 2026: closure: Christmas Eve\)/);
    expect(meetingDateWarnings(c, '2026-12-10')).toEqual([]);
  });

  it('outside the years the table covers, says so instead of guessing', () => {
    expect(meetingDateWarnings(c, '2041-01-10')).toEqual([
      'the bank-holiday calendar has no data for 2041 (it covers 2015-2040): only weekends and the file\'s closure days were skipped; add that year\'s bank holidays as closure days',
    ]);
    const w = meetingDateWarnings(c, '2015-01-02', ['2014-12-19', '2015-01-13']);
    expect(w).toHaveLength(1);
    expect(w[0]).toMatch(/no data for 2014/);
  });
});

describe('lateness', () => {
  const c = cals['england-and-wales'];
  it('on time, and late in working and calendar days', () => {
    expect(lateness(c, '2026-12-23', '2026-12-23')).toEqual({ onTime: true, workingDaysLate: 0, daysLate: 0 });
    expect(lateness(c, '2026-12-23', '2026-12-29')).toEqual({ onTime: false, workingDaysLate: 2, daysLate: 6 });
  });
});

describe('properties (fast-check)', () => {
  const first = toDayNumber('2015-02-01');
  const last = toDayNumber('2040-11-30');
  const date = fc.integer({ min: first, max: last }).map(fromDayNumber);
  const nation = fc.constantFrom(...NATIONS);
  const closures = fc.array(fc.integer({ min: -40, max: 40 }), { maxLength: 4 });
  const calFor = (n: Nation, meeting: string, offsets: number[]) =>
    makeCalendar(n, offsets.map((o) => ({ date: addDays(meeting, o), reason: 'closed' })));
  const N = fc.integer({ min: 1, max: 30 });

  it('the notice date is a working day with exactly N working days in [noticeBy, meeting)', () => {
    fc.assert(
      fc.property(nation, date, N, closures, (n, meeting, days, off) => {
        const c = calFor(n, meeting, off);
        const { noticeBy } = noticeDeadlines(c, meeting, wd(days));
        expect(isWorkingDay(c, noticeBy.date)).toBe(true);
        expect(noticeBy.date < meeting).toBe(true);
        expect(workingDaysStrictlyBetween(c, noticeBy.date, meeting) + 1).toBe(days);
        expect(new Set([...noticeBy.counted, ...noticeBy.skipped.map((s) => s.date)]).size).toBe(daysBetween(noticeBy.date, meeting));
      }),
    );
  });

  it('the safe date is exactly one working day before the notice date, with N whole working days before the meeting', () => {
    fc.assert(
      fc.property(nation, date, fc.integer({ min: 0, max: 30 }), closures, (n, meeting, days, off) => {
        const c = calFor(n, meeting, off);
        const { noticeBy, noticeBySafe } = noticeDeadlines(c, meeting, wd(days));
        expect(isWorkingDay(c, noticeBySafe.date)).toBe(true);
        expect(noticeBySafe.date < noticeBy.date).toBe(true);
        expect(workingDaysStrictlyBetween(c, noticeBySafe.date, noticeBy.date)).toBe(0);
        expect(walkWorkingDays(c, noticeBy.date, 1, -1).date).toBe(noticeBySafe.date);
        expect(workingDaysStrictlyBetween(c, noticeBySafe.date, meeting)).toBe(days);
      }),
    );
  });

  it('moving the meeting later never moves the notice deadline earlier', () => {
    fc.assert(
      fc.property(nation, date, fc.integer({ min: 0, max: 60 }), N, closures, (n, meeting, later, days, off) => {
        const c = calFor(n, meeting, off);
        const a = noticeDeadlines(c, meeting, wd(days)).noticeBy.date;
        const b = noticeDeadlines(c, addDays(meeting, later), wd(days)).noticeBy.date;
        expect(a <= b).toBe(true);
        const ma = minutesDeadline(c, meeting, { kind: 'working-days', days }).date;
        const mb = minutesDeadline(c, addDays(meeting, later), { kind: 'working-days', days }).date;
        expect(ma <= mb).toBe(true);
      }),
    );
  });

  it('minutes are due on a working day after the meeting, with N working days in (meeting, minutesBy]', () => {
    fc.assert(
      fc.property(nation, date, N, closures, (n, meeting, days, off) => {
        const c = calFor(n, meeting, off);
        const due = minutesDeadline(c, meeting, { kind: 'working-days', days }).date;
        expect(due > meeting).toBe(true);
        expect(isWorkingDay(c, due)).toBe(true);
        expect(workingDaysAfter(c, meeting, due)).toBe(days);
        // counting the meeting day as day 1 lands one working day earlier (on a working meeting day)
        if (isWorkingDay(c, meeting) && days > 1) {
          const early = minutesDeadline(c, meeting, { kind: 'working-days', days, countMeetingDay: true }).date;
          expect(walkWorkingDays(c, early, 1, 1).date).toBe(due);
        }
      }),
    );
  });

  it('clear days: exactly N calendar days strictly between sending and the meeting', () => {
    fc.assert(
      fc.property(nation, date, fc.integer({ min: 0, max: 60 }), (n, meeting, days) => {
        const { noticeBy } = noticeDeadlines(cals[n], meeting, { kind: 'clear-days', days });
        expect(daysBetween(noticeBy.date, meeting) - 1).toBe(days);
        expect(noticeBy.counted).toHaveLength(days);
      }),
    );
  });
});
