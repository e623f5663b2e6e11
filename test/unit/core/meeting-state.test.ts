import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { MeetingFile } from '../../../src/core/meeting-schema.js';
import { meetingState } from '../../../src/core/meeting-state.js';
import { buildModel, type Model } from '../../../src/core/model.js';
import { examplePartnership } from '../../helpers/example-model.js';
import { ROOT } from '../../helpers/wep.js';

let wep: Model;
beforeAll(async () => {
  const file = examplePartnership();
  wep = buildModel(file!);
});

// 10 Dec 2026: notice by Tue 1 Dec (safe Mon 30 Nov); minutes by Mon 21 Dec.
const m = (extra: Partial<MeetingFile> = {}): { id: string; meeting: MeetingFile } => ({
  id: '2026-12-10-partnership',
  meeting: { body: 'partnership', date: '2026-12-10', start: '16:00', agenda: [], ...extra },
});
const state = (today: string, extra: Partial<MeetingFile> = {}) => meetingState(wep, m(extra), today);

describe('meetingState', () => {
  it('notice due, with working days left, up to the deadline', () => {
    const s = state('2026-11-22');
    expect(s.state).toBe('notice-due');
    expect(s.notice.by).toBe('2026-12-01');
    expect(s.notice.safeBy).toBe('2026-11-30');
    expect(s.workingDaysLeft).toBe(7);
    expect(state('2026-12-01').workingDaysLeft).toBe(0);
  });

  it('notice overdue after the deadline when not sent', () => {
    const s = state('2026-12-03');
    expect(s.state).toBe('notice-overdue');
    expect(s.workingDaysLeft).toBe(-2);
  });

  it('notice sent on time, or how late', () => {
    expect(state('2026-11-25', { notice: { sent: '2026-11-24' } }).notice).toMatchObject({ onTime: true, workingDaysLate: 0 });
    const late = state('2026-12-04', { notice: { sent: '2026-12-03' } });
    expect(late.state).toBe('notice-sent');
    expect(late.notice).toMatchObject({ onTime: false, workingDaysLate: 2, shortNotice: null });
    expect(state('2026-12-04', { notice: { sent: '2026-12-03' }, shortNotice: { reason: 'urgent' } }).notice.shortNotice).toBe('urgent');
  });

  it('held: minutes due, then overdue', () => {
    expect(state('2026-12-10').state).toBe('minutes-due');
    expect(state('2026-12-10').held).toBe(true);
    expect(state('2026-12-21').state).toBe('minutes-due');
    expect(state('2026-12-22').state).toBe('minutes-overdue');
    expect(state('2026-12-10', { minutes: { status: 'draft' } }).state).toBe('minutes-due');
  });

  it('circulated (on time or late), approved, signed, cancelled', () => {
    const on = state('2027-01-10', { minutes: { status: 'circulated', circulated: '2026-12-17' } });
    expect(on.state).toBe('circulated');
    expect(on.minutes.onTime).toBe(true);
    const late = state('2027-01-10', { minutes: { status: 'circulated', circulated: '2026-12-23' } });
    expect(late.minutes).toMatchObject({ onTime: false, workingDaysLate: 2 });
    expect(state('2027-02-10', { minutes: { status: 'approved', approvedAt: '2027-02-04-partnership' } }).state).toBe('approved');
    expect(state('2027-02-10', { minutes: { status: 'signed', signed: { by: 'chair-okafor', date: '2027-02-04' } } }).state).toBe('signed');
    expect(state('2026-11-22', { cancelled: { reason: 'snow' } }).state).toBe('cancelled');
  });
});
