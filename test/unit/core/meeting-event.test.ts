import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_LENGTH_MINUTES, defaultMeetingUid, eventFingerprint, eventSequence, hasEventChanged, meetingEnd, meetingEvent, meetingUid, usualLength } from '../../../src/core/meeting-event.js';
import type { MeetingFile } from '../../../src/core/meeting-schema.js';
import { buildModel, type ResolvedBody } from '../../../src/core/model.js';
import type { PartnershipFile } from '../../../src/core/partnership-schema.js';

const file = {
  partnership: { name: 'Test Partnership', short: 'TP', clerk: { name: 'A Clerk', email: 'clerk@example.org' } },
  groups: [{ id: 'g', name: 'Group', seats: 2 }],
  people: [{ id: 'p-one', name: 'One', group: 'g', email: 'one@example.org' }],
  bodies: [
    { id: 'board', name: 'Board', members: [{ groups: ['g'] }], notice: { kind: 'working-days', days: 7 }, minutes: { kind: 'working-days', days: 7 }, start: '16:00', end: '17:30', venue: { name: 'Town Hall', address: '1 High St', link: 'https://meet.example.org/x' } },
    { id: 'group', name: 'Group', members: [{ groups: ['g'] }], notice: { kind: 'working-days', days: 7 }, minutes: { kind: 'working-days', days: 7 } },
  ],
} as unknown as PartnershipFile;
const model = buildModel(file);
const board = model.bodies.get('board')!;
const group = model.bodies.get('group')!;
const meeting = (extra: Partial<MeetingFile> = {}): MeetingFile => ({ body: 'board', date: '2026-12-10', start: '16:00', agenda: [], ...extra });

const hhmm = fc.tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 })).map(([h, m]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`);

describe('meetingEnd', () => {
  it('the meeting\'s own end; else the body\'s usual length; else two hours', () => {
    expect(meetingEnd(meeting({ end: '18:00' }), board)).toBe('18:00');
    expect(meetingEnd(meeting({ start: '10:00' }), board)).toBe('11:30');
    expect(meetingEnd(meeting({ start: '10:00' }), group)).toBe('12:00');
    expect(usualLength(board)).toBe(90);
    expect(usualLength(group)).toBeUndefined();
    expect(DEFAULT_LENGTH_MINUTES).toBe(120);
  });

  it('an end at or before the start is ignored; the end stays within the day', () => {
    expect(meetingEnd(meeting({ start: '16:00', end: '16:00' }), board)).toBe('17:30');
    expect(meetingEnd(meeting({ start: '23:00' }), group)).toBe('23:59');
  });

  it('property: always after the start (or 23:59), never past midnight, and a valid HH:MM', () => {
    fc.assert(
      fc.property(hhmm, fc.option(hhmm, { nil: undefined }), fc.option(hhmm, { nil: undefined }), fc.option(hhmm, { nil: undefined }), (start, end, bStart, bEnd) => {
        const e = meetingEnd({ start, end }, { start: bStart, end: bEnd });
        expect(e).toMatch(/^([01]\d|2[0-3]):[0-5]\d$/);
        expect(e > start || e === '23:59').toBe(true);
        if (end && end > start) expect(e).toBe(end);
      }),
    );
  });
});

describe('UID', () => {
  it('from the folder until one is fixed in meeting.yaml, then that one', () => {
    expect(defaultMeetingUid(model, '2026-12-10-board')).toBe('tp-2026-12-10-board@wep');
    expect(meetingUid(model, '2026-12-10-board', meeting())).toBe('tp-2026-12-10-board@wep');
    expect(meetingUid(model, '2027-01-14-board', meeting({ uid: 'tp-2026-12-10-board@wep' }))).toBe('tp-2026-12-10-board@wep');
  });
});

describe('SEQUENCE', () => {
  const sent = (m: MeetingFile, sequence = 0): MeetingFile => ({ ...m, notice: { sent: '2026-11-25', sequence, event: eventFingerprint(m, board) } });

  it('0 before sending, and after sending while nothing changed', () => {
    expect(eventSequence(meeting(), board)).toBe(0);
    expect(eventSequence(sent(meeting()), board)).toBe(0);
    expect(hasEventChanged(sent(meeting()), board)).toBe(false);
  });

  it('raised by one when the date, time or venue change after sending', () => {
    const s = sent(meeting());
    for (const change of [{ date: '2026-12-11' }, { start: '16:30' }, { end: '19:00' }, { venue: { name: 'Elsewhere' } }, { venue: { name: 'Town Hall', address: '1 High St' } }]) {
      expect(eventSequence({ ...s, ...change }, board)).toBe(1);
    }
    // the agenda is not part of the event
    expect(eventSequence({ ...s, agenda: [{ title: 'New' }] }, board)).toBe(0);
    expect(eventSequence(sent(meeting({ start: '17:00' }), 1), board)).toBe(1);
  });

  it('a cancellation outranks what was sent', () => {
    expect(eventSequence(meeting({ cancelled: { reason: 'snow' } }), board)).toBe(1);
    expect(eventSequence({ ...sent(meeting(), 3), cancelled: { reason: 'snow' } }, board)).toBe(4);
  });

  it('a notice recorded before fingerprints were kept counts as unchanged', () => {
    expect(eventSequence({ ...meeting({ start: '09:00' }), notice: { sent: '2026-11-25' } }, board)).toBe(0);
  });
});

describe('meetingEvent', () => {
  it('one event: UID, times, location, SEQUENCE, joining link as URL unless another is given', () => {
    const e = meetingEvent(model, '2026-12-10-board', meeting(), { stamp: '20261122T120000Z' });
    expect(e).toEqual({
      uid: 'tp-2026-12-10-board@wep',
      stamp: '20261122T120000Z',
      sequence: 0,
      summary: 'TP: Board',
      timed: { date: '2026-12-10', start: '16:00', end: '17:30' },
      cancelled: false,
      location: 'Town Hall, 1 High St',
      url: 'https://meet.example.org/x',
    });
    expect(meetingEvent(model, '2026-12-10-board', meeting(), { stamp: 'x', url: 'https://site/' }).url).toBe('https://site/');
    expect(meetingEvent(model, '2026-12-10-board', meeting(), { stamp: 'x' }).attendees).toBeUndefined();
  });
});
