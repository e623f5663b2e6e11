import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildAgenda } from '../../../src/core/agenda.js';
import { meetingDistribution } from '../../../src/core/distribution.js';
import { renderCalendar, unfold } from '../../../src/core/ics.js';
import { meetingDeadlines } from '../../../src/core/meeting-deadlines.js';
import type { MeetingFile } from '../../../src/core/meeting-schema.js';
import { buildModel, type Model } from '../../../src/core/model.js';
import { eventSequence } from '../../../src/core/meeting-event.js';
import { buildInvite, buildNoticeView, missingPapers, noticeRevision, noticeSentRecord, noticeTiming, paperLink, timeText } from '../../../src/core/notice.js';
import { examplePartnership } from '../../helpers/example-model.js';
import { ROOT } from '../../helpers/wep.js';

let wep: Model;
beforeAll(async () => {
  const file = examplePartnership();
  wep = buildModel(file!);
});

const meeting = (extra: Partial<MeetingFile> = {}): MeetingFile => ({
  body: 'partnership',
  date: '2026-12-10',
  start: '16:00',
  end: '18:00',
  agenda: [{ title: 'Budget <script>', purpose: 'decision', paper: 'papers/b.pdf' }],
  ...extra,
});
const deadlines = (m: MeetingFile, today = '2026-11-22') => meetingDeadlines(wep, wep.bodies.get(m.body)!, m.date, today);

describe('noticeTiming', () => {
  it('on time up to the deadline, with the working days left', () => {
    const m = meeting();
    const t = noticeTiming(wep, deadlines(m), m, '2026-11-22');
    expect(t).toMatchObject({ status: 'on-time', sent: false, deadline: '2026-12-01', safeDeadline: '2026-11-30', workingDaysLeft: 7, workingDaysLate: 0 });
    expect(t.rule).toBe('no fewer than 7 working days before the meeting');
    expect(noticeTiming(wep, deadlines(m), m, '2026-12-01').status).toBe('on-time');
  });

  it('late by N working days after the deadline', () => {
    const m = meeting();
    expect(noticeTiming(wep, deadlines(m), m, '2026-12-02')).toMatchObject({ status: 'late', workingDaysLate: 1 });
    expect(noticeTiming(wep, deadlines(m), m, '2026-12-09', '2026-12-07')).toMatchObject({ status: 'late', sent: true, date: '2026-12-07', workingDaysLate: 4 });
  });

  it('short notice when it was agreed', () => {
    const m = meeting({ shortNotice: { reason: 'urgent budget decision', agreedBy: ['chair-okafor'] } });
    expect(noticeTiming(wep, deadlines(m), m, '2026-12-03')).toMatchObject({ status: 'short-notice-agreed', workingDaysLate: 2, shortNotice: { reason: 'urgent budget decision', agreedBy: ['chair-okafor'] } });
  });
});

describe('buildNoticeView', () => {
  it('says everything a notice says', () => {
    const m = meeting({ requestedBy: 'sh-clarke', invitees: [{ name: 'Dr Alex Morris', email: 'a.morris@example.org' }] });
    const dist = meetingDistribution(wep, m);
    const v = buildNoticeView(wep, '2026-12-10-partnership', m, buildAgenda(wep, '2026-12-10-partnership', m, { carried: [] }), dist, deadlines(m));
    expect(v).toMatchObject({
      partnership: { name: 'Wokingham Education Partnership', short: 'WEP' },
      body: { id: 'partnership', name: 'Education Partnership' },
      dateLong: 'Thursday 10 December 2026',
      timeText: '4pm to 6pm',
      venue: { name: 'Shute End Council Offices, Committee Room 1', address: 'Shute End, Wokingham RG40 1BN' },
      calledBy: { name: 'Dr Grace Okafor', title: 'Independent Chair' },
      requestedBy: { name: 'Tom Clarke' },
      clerk: { name: 'Jo Clerk', email: 'clerk@wep.example.org' },
      recipientCount: 28,
    });
    expect(v.recipients.proxies[0]).toMatchObject({ id: 'px-ahmed', proxyFor: 'Samina Ahmed' });
    expect(v.papers.map((p) => p.paper)).toEqual(['papers/b.pdf']);
  });

  it('writes times as people do', () => {
    expect(timeText('16:00', '18:30')).toBe('4pm to 6:30pm');
    expect(timeText('09:30')).toBe('9:30am');
    expect(timeText('12:00', '13:00')).toBe('12pm to 1pm');
  });
});

describe('buildInvite', () => {
  const invite = (date: string, extra: Partial<MeetingFile> = {}, attendees?: { name: string; email: string }[]) => {
    const m = meeting({ date, ...extra });
    const dist = meetingDistribution(wep, m);
    const v = buildNoticeView(wep, `${date}-partnership`, m, buildAgenda(wep, `${date}-partnership`, m, { carried: [] }), dist, deadlines(m));
    return unfold(renderCalendar(buildInvite(wep, m, v, { stamp: '20261122T093000Z', attendees })));
  };

  it('a cancelled meeting sends a cancellation that outranks the invitation', () => {
    const sent = invite('2026-12-10');
    const cancelled = invite('2026-12-10', { cancelled: { reason: 'snow' } });
    expect(sent).toContain('SEQUENCE:0');
    expect(cancelled).toContain('METHOD:CANCEL');
    expect(cancelled).toContain('STATUS:CANCELLED');
    expect(cancelled).toContain('SEQUENCE:1');
    expect(cancelled.find((l) => l.startsWith('UID:'))).toBe(sent.find((l) => l.startsWith('UID:')));
  });

  it('at London time in winter and in summer, stamped with the time given, no attendees by default', () => {
    const winter = invite('2026-12-10');
    expect(winter).toContain('DTSTART;TZID=Europe/London:20261210T160000');
    expect(winter).toContain('DTSTAMP:20261122T093000Z');
    expect(winter).toContain('METHOD:REQUEST');
    expect(winter).toContain('ORGANIZER;CN=Jo Clerk:mailto:clerk@wep.example.org');
    // attendees follow the send mode: invite.ics and a Bcc message name nobody
    expect(winter.filter((l) => l.startsWith('ATTENDEE'))).toHaveLength(0);
    const summer = invite('2027-06-10');
    expect(summer).toContain('DTSTART;TZID=Europe/London:20270610T160000');
    expect(summer).toContain('DTEND;TZID=Europe/London:20270610T180000');
    expect(summer).toContain('UID:wep-2027-06-10-partnership@wep');
  });

  it('a message of its own names its one recipient', () => {
    const one = invite('2026-12-10', {}, [{ name: 'Samina Ahmed', email: 's.ahmed@oakwood-primary.example.org' }]);
    expect(one.filter((l) => l.startsWith('ATTENDEE'))).toEqual(['ATTENDEE;CN=Samina Ahmed;ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=FALSE:mailto:s.ahmed@oakwood-primary.example.org']);
  });

  it('the UID fixed in meeting.yaml wins over the folder name', () => {
    expect(invite('2027-01-14', { uid: 'wep-2026-12-10-partnership@wep' })).toContain('UID:wep-2026-12-10-partnership@wep');
  });
});

describe('noticeRevision and noticeSentRecord', () => {
  const body = () => wep.bodies.get('partnership')!;
  const sentAs = (m: MeetingFile): MeetingFile => ({ ...m, notice: noticeSentRecord(m, body(), '2026-11-25', ['ph-ahmed'], []) });

  it('not sent, or sent and unchanged: not revised', () => {
    expect(noticeRevision(meeting(), body())).toBeNull();
    expect(noticeRevision(sentAs(meeting()), body())).toBeNull();
  });

  it('time, venue or agenda changed after sending: revised, saying what changed', () => {
    const sent = sentAs(meeting());
    expect(noticeRevision({ ...sent, start: '16:30' }, body())).toEqual({ sent: '2026-11-25', sentLong: 'Wednesday 25 November 2026', changes: ['the date, time or venue'] });
    expect(noticeRevision({ ...sent, venue: { name: 'Elsewhere' } }, body())?.changes).toEqual(['the date, time or venue']);
    expect(noticeRevision({ ...sent, agenda: [...sent.agenda, { title: 'New item' }] }, body())?.changes).toEqual(['the agenda']);
    expect(noticeRevision({ ...sent, end: '19:00', agenda: [] }, body())?.changes).toEqual(['the date, time or venue', 'the agenda']);
  });

  it('apologies and attendance do not make a notice revised', () => {
    const sent = sentAs(meeting());
    expect(noticeRevision({ ...sent, attendance: { apologies: ['ph-ahmed'] } }, body())).toBeNull();
  });

  it('records the SEQUENCE sent: a change then raises it by one, a cancellation too', () => {
    const sent = sentAs(meeting());
    expect(sent.notice).toMatchObject({ sent: '2026-11-25', to: ['ph-ahmed'], sequence: 0 });
    expect(eventSequence({ ...sent, start: '17:00' }, body())).toBe(1);
    const resent = sentAs({ ...sent, start: '17:00' });
    expect(resent.notice!.sequence).toBe(1);
    expect(eventSequence(resent, body())).toBe(1);
    const cancelled = { ...resent, cancelled: { reason: 'snow' } };
    expect(eventSequence(cancelled, body())).toBe(2);
    // recorded as sent, the cancellation keeps its number
    expect(eventSequence(sentAs(cancelled), body())).toBe(2);
  });
});

describe('paperLink and missingPapers', () => {
  const m = meeting({ agenda: [{ title: 'A', paper: 'papers/a b.md' }, { title: 'B', paper: 'papers/b.pdf', confidential: true }, { title: 'C', paper: 'https://example.org/c.pdf' }] });
  const agenda = buildAgenda(wep, '2026-12-10-partnership', m, { carried: [] });

  it('relative without a site address; the published page with one; never for a confidential paper', () => {
    const [a, b, c] = agenda.papers;
    expect(paperLink('2026-12-10-partnership', a!)).toBe('papers/a%20b.md');
    expect(paperLink('2026-12-10-partnership', a!, 'https://wep.example.org/')).toBe('https://wep.example.org/meetings/2026-12-10-partnership/papers/a%20b.html');
    expect(paperLink('2026-12-10-partnership', a!, 'https://wep.example.org')).toBe('https://wep.example.org/meetings/2026-12-10-partnership/papers/a%20b.html');
    expect(paperLink('2026-12-10-partnership', b!, 'https://wep.example.org/')).toBeNull();
    expect(paperLink('2026-12-10-partnership', c!, 'https://wep.example.org/')).toBe('https://example.org/c.pdf');
  });

  it('local papers not found are missing; web papers never are', () => {
    expect(missingPapers(agenda, new Set(['papers/b.pdf']))).toEqual([{ item: 1, title: 'A', paper: 'papers/a b.md' }]);
    expect(missingPapers(agenda, new Set(['papers/a b.md', 'papers/b.pdf']))).toEqual([]);
  });
});
