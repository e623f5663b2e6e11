/** The term dates as calendars and checks show them: events, the site's list, holiday warnings. */
import { describe, expect, it } from 'vitest';
import { renderCalendar } from '../../../src/core/ics.js';
import { buildModel, type Model } from '../../../src/core/model.js';
import type { PartnershipFile } from '../../../src/core/partnership-schema.js';
import { holidayNote, holidayWarning, meetingHolidayReason, termDates, termEvents } from '../../../src/core/term-dates.js';

const LA_TERMS = [
  { name: 'Autumn 2027', start: '2027-09-02', end: '2027-12-17', halfTerm: { start: '2027-10-25', end: '2027-10-29' } },
  { name: 'Spring 2028', start: '2028-01-04', end: '2028-03-31', halfTerm: { start: '2028-02-14', end: '2028-02-18' } },
];
// An academy trust whose autumn half-term is a fortnight: 18 to 29 October.
const TRUST_TERMS = [{ name: 'Autumn 2027', start: '2027-09-01', end: '2027-12-17', halfTerm: { start: '2027-10-18', end: '2027-10-29' } }];

function model(calendar: PartnershipFile['partnership']['calendar']): Model {
  const body = (id: string, extra: object = {}) => ({ id, name: id === 'board' ? 'The Board' : 'Trust Cluster', members: [{ groups: ['g'] }], notice: { kind: 'working-days', days: 7 }, minutes: { kind: 'working-days', days: 7 }, ...extra });
  return buildModel({
    partnership: { name: 'Test Partnership', short: 'TP', clerk: { name: 'C', email: 'c@example.org' }, calendar },
    groups: [{ id: 'g', name: 'G', seats: 2 }],
    people: [{ id: 'a', name: 'A', group: 'g' }],
    bodies: [body('board'), body('cluster', { terms: 'trust' })],
  } as PartnershipFile);
}

const withTrust = model({ nation: 'england-and-wales', terms: LA_TERMS, otherTerms: { trust: { name: 'Example Academy Trust', terms: TRUST_TERMS } } });
const none = model({ nation: 'england-and-wales' });

describe('termEvents', () => {
  it('each term and half-term as an all-day event spanning it, the trust\'s named', () => {
    const events = termEvents(withTrust);
    expect(events.map((e) => [e.summary, e.allDay, e.allDayLast])).toEqual([
      ['TP: Autumn 2027 term', '2027-09-02', '2027-12-17'],
      ['TP: half-term, Autumn 2027', '2027-10-25', '2027-10-29'],
      ['TP: Spring 2028 term', '2028-01-04', '2028-03-31'],
      ['TP: half-term, Spring 2028', '2028-02-14', '2028-02-18'],
      ['TP: Autumn 2027 term (Example Academy Trust)', '2027-09-01', '2027-12-17'],
      ['TP: half-term, Autumn 2027 (Example Academy Trust)', '2027-10-18', '2027-10-29'],
    ]);
    // UIDs are stable and distinct: a subscriber's calendar updates the event, never doubles it
    expect(new Set(events.map((e) => e.uid)).size).toBe(events.length);
    expect(events[0]!.uid).toBe('term-2027-09-02-tp@wep');
    expect(events[4]!.uid).toBe('term-trust-2027-09-01-tp@wep');
    const ics = renderCalendar({ prodId: '-//x//EN', method: 'PUBLISH', events });
    expect(ics).toContain('DTSTART;VALUE=DATE:20271025\r\nDTEND;VALUE=DATE:20271030\r\nTRANSP:TRANSPARENT\r\n');
  });

  it('nothing when no term dates are given: the usual pattern is a guess, not a date to publish', () => {
    expect(termEvents(none)).toEqual([]);
    expect(termDates(none)).toEqual([]);
  });
});

describe('termDates', () => {
  it('the partnership\'s own first, each with the bodies that meet by it', () => {
    expect(termDates(withTrust).map((t) => [t.id, t.name, t.bodies, t.terms.length])).toEqual([
      ['', 'Term dates', ['board'], 2],
      ['trust', 'Example Academy Trust', ['cluster'], 1],
    ]);
  });
});

describe('meetingHolidayReason and holidayWarning', () => {
  const m = (date: string, over: object = {}) => ({ body: 'board', date, ...over });

  it('a meeting in half-term, and one in the holidays between terms', () => {
    expect(meetingHolidayReason(withTrust, m('2027-10-27'))).toBe('half-term of Autumn 2027');
    expect(meetingHolidayReason(withTrust, m('2027-12-21'))).toBe('school holiday between Autumn 2027 and Spring 2028');
    expect(meetingHolidayReason(withTrust, m('2027-11-04'))).toBeUndefined();
  });

  it('each body by its own calendar: a joint meeting with the trust\'s cluster is checked against both', () => {
    expect(meetingHolidayReason(withTrust, m('2027-10-20'))).toBeUndefined();
    expect(meetingHolidayReason(withTrust, m('2027-10-20', { body: 'cluster' }))).toBe('half-term of Autumn 2027');
    expect(meetingHolidayReason(withTrust, m('2027-10-20', { jointWith: ['cluster'] }))).toBe('half-term of Autumn 2027');
    // the same reason from both calendars is said once
    expect(meetingHolidayReason(withTrust, m('2027-10-27', { jointWith: ['cluster'] }))).toBe('half-term of Autumn 2027');
  });

  it('no warning without term dates, or for a cancelled meeting', () => {
    expect(meetingHolidayReason(none, m('2027-10-27'))).toBeUndefined();
    expect(holidayWarning(withTrust, m('2027-10-27', { cancelled: { reason: 'x' } }))).toBeUndefined();
  });

  it('the words wep check and wep publish print, and the line a calendar event carries', () => {
    expect(holidayWarning(withTrust, m('2027-10-27'))).toBe('the meeting on Wednesday 27 October 2027 is in the school holidays (half-term of Autumn 2027): school leaders may not be able to come');
    expect(holidayNote('half-term of Autumn 2027')).toBe('Warning: in the school holidays (half-term of Autumn 2027).');
  });
});
