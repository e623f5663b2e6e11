import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { MeetingFile } from '../../../src/core/meeting-schema.js';
import { applyLifecycle, buildMinutes, laterStatus, type QuorumAt } from '../../../src/core/minutes.js';
import { buildModel, type Model } from '../../../src/core/model.js';
import { evaluateQuorum } from '../../../src/core/quorum.js';
import { examplePartnership } from '../../helpers/example-model.js';
import { ROOT } from '../../helpers/wep.js';

let model: Model;
beforeAll(async () => {
  const file = examplePartnership();
  model = buildModel(file!);
});
const board = () => model.bodies.get('partnership')!;

const OCTOBER: MeetingFile = {
  body: 'partnership',
  date: '2026-10-08',
  start: '16:00',
  end: '18:00',
  agenda: [
    { title: 'Welcome and apologies', standard: 'apologies' },
    { title: 'Proxies', standard: 'proxies' },
    { title: 'Declarations of interest', standard: 'declarations' },
    { title: 'Minutes of the last meeting', standard: 'previous-minutes' },
    { title: 'Matters arising', standard: 'matters-arising' },
    { title: 'Work plan 2027', purpose: 'decision', presenter: 'la-morgan' },
    { title: 'Attendance data', purpose: 'information' },
    { title: 'Any other business', standard: 'aob' },
  ],
  attendance: {
    present: ['chair-okafor', 'ph-ahmed', 'ph-brown', 'sh-clarke', 'sh-francis', 'sf-iqbal', 'sf-jones', 'la-morgan', 'op-dunn'],
    apologies: ['sh-evans', 'ph-chen'],
    proxies: [{ proxy: 'px-evans', for: 'sh-evans' }],
    observers: ['op-dunn'],
    left: [{ person: 'sf-jones', item: 7 }],
    interests: [{ person: 'ph-ahmed', item: 6, interest: 'school named in the plan' }],
  },
  actions: [
    { id: 'a1', text: 'Circulate the work plan', owner: 'la-morgan', due: '2026-10-30', item: 6 },
    { id: 'a2', text: 'Loose action', owner: 'op-baker' },
  ],
  decisions: [
    { id: 'd1', item: 6, text: 'Approved the work plan.' },
    { id: 'd2', item: 7, text: 'Noted the data.' },
  ],
};

const quorumAt = (m: MeetingFile): QuorumAt => (item) => evaluateQuorum(model, board(), m.attendance, item === undefined ? {} : { item });

describe('buildMinutes', () => {
  it('lists who was there by partner group, with proxies, officers, observers, apologies and absences', () => {
    const d = buildMinutes(model, board(), { id: '2026-10-08-partnership', meeting: OCTOBER, carried: [], quorumAt: quorumAt(OCTOBER) });
    expect(d.present.map((g) => [g.name, g.people.map((p) => p.id)])).toEqual([
      ['Independent Chair', ['chair-okafor']],
      ['Wokingham Primary Heads Partnership', ['ph-ahmed', 'ph-brown']],
      ['Wokingham Secondary Heads Federation', ['sh-clarke', 'sh-francis']],
      ['Schools Forum', ['sf-iqbal', 'sf-jones']],
    ]);
    expect(d.present[3]!.people[1]!.note).toBe('left before item 7');
    expect(d.proxies.map((p) => `${p.proxy.id}>${p.for.id}`)).toEqual(['px-evans>sh-evans']);
    expect(d.officers.map((p) => p.id)).toEqual(['la-morgan']);
    expect(d.observers.map((p) => p.id)).toEqual(['op-dunn']);
    expect(d.apologies.map((p) => p.id)).toEqual(['sh-evans', 'ph-chen']);
    // Represented by a proxy or sent apologies: not absent.
    expect(d.absent.map((p) => p.id)).toEqual(['ph-davies', 'sp-green', 'fc-hughes', 'sf-kaur', 'la-lewis']);
    expect(d.chair).toMatchObject({ id: 'chair-okafor', name: 'Dr Grace Okafor' });
    expect(d.clerk).toBe('Jo Clerk');
    expect(d.dateLong).toBe('Thursday 8 October 2026');
    expect(d.venue?.name).toMatch(/Shute End/);
  });

  it('states the quorum at the start and at each decision item, and flags decisions taken while inquorate', () => {
    const d = buildMinutes(model, board(), { id: 'x', meeting: OCTOBER, carried: [], quorumAt: quorumAt(OCTOBER) });
    expect(d.quorumAtStart?.quorate).toBe(true);
    const item6 = d.items[5]!;
    // ph-ahmed withdrew for item 6: one primary head left, short by one.
    expect(item6.quorum?.quorate).toBe(false);
    expect(item6.quorum?.rules.find((r) => !r.met)).toMatchObject({ shortBy: 1 });
    expect(item6.inquorateDecision).toBe(true);
    // sf-jones left before item 7, where a decision was recorded.
    expect(d.items[6]!.inquorateDecision).toBe(true);
    expect(d.inquorateDecisions).toEqual([6, 7]);
    // items with no decision and not for decision get no quorum line
    expect(d.items[0]!.quorum).toBeUndefined();
    expect(item6.declarations).toEqual([{ person: expect.objectContaining({ id: 'ph-ahmed' }), interest: 'school named in the plan', withdrew: true }]);
    expect(item6.presenter).toBe('Owen Morgan');
  });

  it('puts actions under their item, and actions with no item under any other business', () => {
    const d = buildMinutes(model, board(), { id: 'x', meeting: OCTOBER, carried: [], quorumAt: quorumAt(OCTOBER) });
    expect(d.items[5]!.actions.map((a) => a.id)).toEqual(['a1']);
    expect(d.items[7]!.actions.map((a) => a.id)).toEqual(['a2']);
  });

  it('names the previous meeting, the actions carried forward and the next meeting', () => {
    const prev: MeetingFile = { ...OCTOBER, date: '2026-07-09', minutes: { status: 'circulated', circulated: '2026-07-14' } };
    const next: MeetingFile = { ...OCTOBER, date: '2026-12-10' };
    const carried = [{ id: 'a9', text: 'Old', owner: 'la-lewis', due: '2026-09-01', ref: '2026-07-09-partnership/a9', meetingId: '2026-07-09-partnership', meetingDate: '2026-07-09', body: 'partnership', bodies: ['partnership'], open: true, overdue: true }];
    const d = buildMinutes(model, board(), { id: 'x', meeting: OCTOBER, previous: { id: '2026-07-09-partnership', meeting: prev }, next: { id: 'n', meeting: next }, carried, quorumAt: quorumAt(OCTOBER) });
    expect(d.previous).toEqual({ id: '2026-07-09-partnership', date: '2026-07-09', dateLong: 'Thursday 9 July 2026', status: 'circulated' });
    expect(d.mattersArising).toEqual([expect.objectContaining({ ref: '2026-07-09-partnership/a9', overdue: true, owner: expect.objectContaining({ name: 'Claire Lewis' }) })]);
    expect(d.next).toEqual({ date: '2026-12-10', dateLong: 'Thursday 10 December 2026' });
    // next-meeting: in meeting.yaml wins over the records
    expect(buildMinutes(model, board(), { id: 'x', meeting: { ...OCTOBER, nextMeeting: '2027-01-14' }, next: { id: 'n', meeting: next }, carried: [], quorumAt: quorumAt(OCTOBER) }).next?.date).toBe('2027-01-14');
  });

  it('without attendance: no quorum statements, nobody listed absent', () => {
    const m = { ...OCTOBER, attendance: undefined };
    const d = buildMinutes(model, board(), { id: 'x', meeting: m, carried: [], quorumAt: () => undefined });
    expect(d.attendanceRecorded).toBe(false);
    expect(d.quorumAtStart).toBeUndefined();
    expect(d.absent).toEqual([]);
    expect(d.inquorateDecisions).toEqual([]);
  });

  it('names people missing from the partnership file by their id', () => {
    const m = { ...OCTOBER, attendance: { present: ['someone-new'] } };
    const d = buildMinutes(model, board(), { id: 'x', meeting: m, carried: [], quorumAt: quorumAt(m) });
    expect(d.present.at(-1)).toEqual({ id: null, name: 'Also present', people: [{ id: 'someone-new', name: 'someone-new' }] });
  });
});

describe('applyLifecycle', () => {
  const m = { date: '2026-10-08', minutes: { status: 'draft' as const } };
  // Seven working days after Thu 8 Oct 2026 is Mon 19 Oct 2026.
  const by = '2026-10-19';

  it('circulation on the deadline is on time', () => {
    const ch = applyLifecycle(model, m, by, { circulated: '2026-10-19' }, '2026-10-20');
    expect(ch.minutes).toEqual({ status: 'circulated', circulated: '2026-10-19' });
    expect(ch.circulation).toMatchObject({ onTime: true, workingDaysLate: 0, deadline: by });
  });

  it('late circulation counts working days, skipping the weekend', () => {
    // Fri 23 Oct is 4 working days after Mon 19; Mon 26 is 5.
    expect(applyLifecycle(model, m, by, { circulated: '2026-10-23' }, '2026-11-01').circulation).toMatchObject({ onTime: false, workingDaysLate: 4 });
    expect(applyLifecycle(model, m, by, { circulated: '2026-10-26' }, '2026-11-01').circulation).toMatchObject({ onTime: false, workingDaysLate: 5 });
  });

  it('approval and signature move the status on, never back', () => {
    const ch = applyLifecycle(model, { ...m, minutes: { status: 'circulated', circulated: '2026-10-12' } }, by, { approvedAt: { id: '2026-12-10-partnership', date: '2026-12-10' }, signed: { date: '2026-12-10', by: 'chair-okafor' } }, '2026-12-11');
    expect(ch.minutes).toEqual({ status: 'signed', circulated: '2026-10-12', approvedAt: '2026-12-10-partnership', signed: { by: 'chair-okafor', date: '2026-12-10' } });
    expect(ch.warnings).toEqual([]);
    const again = applyLifecycle(model, { date: m.date, minutes: ch.minutes }, by, { circulated: '2026-10-12' }, '2026-12-11');
    expect(again.minutes.status).toBe('signed');
    expect(laterStatus('approved', 'circulated')).toBe('approved');
    expect(laterStatus(undefined, 'draft')).toBe('draft');
  });

  it('warns when approval comes with no circulation, or a signature with no approval', () => {
    expect(applyLifecycle(model, m, by, { approvedAt: { id: '2026-12-10-partnership', date: '2026-12-10' } }, '2026-12-10').warnings[0]).toMatch(/no circulation date/);
    expect(applyLifecycle(model, m, by, { signed: { date: '2026-10-20', by: 'chair-okafor' } }, '2026-10-20').warnings[0]).toMatch(/not as approved/);
  });

  it('refuses what cannot be true', () => {
    const refused = (req: Parameters<typeof applyLifecycle>[3], today: string) => applyLifecycle(model, m, by, req, today).refusals.map((r) => `${r.field}: ${r.message}`);
    expect(refused({ circulated: '2026-10-07' }, '2026-10-20')).toEqual(['circulated: minutes cannot be circulated (2026-10-07) before the meeting (2026-10-08)']);
    expect(refused({ circulated: '2026-10-21' }, '2026-10-20')).toEqual(['circulated: the circulation date 2026-10-21 is in the future (today is 2026-10-20)']);
    expect(refused({ approvedAt: { id: '2026-07-09-partnership', date: '2026-07-09' } }, '2026-10-20')).toEqual([
      'approvedAt: minutes can only be approved at a later meeting: 2026-07-09-partnership is not after the meeting of 2026-10-08',
    ]);
    expect(refused({ approvedAt: { id: '2026-12-10-partnership', date: '2026-12-10' } }, '2026-10-20')).toEqual(['approvedAt: the approval meeting date 2026-12-10 is in the future (today is 2026-10-20)']);
    expect(refused({ signed: { date: '2026-10-01', by: 'chair-okafor' } }, '2026-10-20')).toEqual(['signed: minutes cannot be signed (2026-10-01) before the meeting (2026-10-08)']);
  });
});

describe('applyLifecycle: circulation history', () => {
  const by = '2026-10-19';
  const out = { date: '2026-10-08', minutes: { status: 'circulated' as const, circulated: '2026-10-14' } };
  it('the same circulation date again changes nothing; another date needs a reason and never overwrites the first', () => {
    expect(applyLifecycle(model, out, by, { circulated: '2026-10-14' }, '2026-10-20')).toMatchObject({ minutes: out.minutes, refusals: [] });
    const refused = applyLifecycle(model, out, by, { circulated: '2026-10-20' }, '2026-10-20').refusals;
    expect(refused).toEqual([
      {
        field: 'reason',
        message: 'the minutes were first circulated on Wednesday 14 October 2026; circulating them again on Tuesday 20 October 2026 is a re-circulation, and needs its reason',
        hint: 'say what was corrected and why they go out again; the first circulation date is kept',
      },
    ]);
    const again = applyLifecycle(model, out, by, { circulated: '2026-10-20', reason: 'item 6 corrected' }, '2026-10-20');
    expect(again.refusals).toEqual([]);
    expect(again.minutes).toEqual({ status: 'circulated', circulated: '2026-10-14', recirculated: [{ date: '2026-10-20', reason: 'item 6 corrected' }] });
    expect(again.recirculation).toEqual({ date: '2026-10-20', reason: 'item 6 corrected', first: '2026-10-14' });
    expect(again.circulation).toBeUndefined();
  });
  it('re-circulations keep their order; approved minutes are not re-circulated; a reason alone is refused', () => {
    const twice = { date: out.date, minutes: { ...out.minutes, recirculated: [{ date: '2026-10-20', reason: 'a' }] } };
    expect(applyLifecycle(model, twice, by, { circulated: '2026-10-19', reason: 'b' }, '2026-10-30').refusals[0]?.message).toBe('a re-circulation (2026-10-19) cannot come before the last circulation (2026-10-20)');
    const approved = { date: out.date, minutes: { status: 'approved' as const, circulated: '2026-10-14', approvedAt: '2026-12-10-partnership' } };
    expect(applyLifecycle(model, approved, by, { circulated: '2026-12-11', reason: 'x' }, '2026-12-11').refusals[0]).toMatchObject({
      field: 'reason',
      message: 'the minutes were approved at 2026-12-10-partnership: approved minutes are not re-circulated',
    });
    expect(applyLifecycle(model, out, by, { reason: 'x' }, '2026-10-30').refusals[0]?.message).toBe('a reason is recorded only with a re-circulation');
    expect(applyLifecycle(model, { date: out.date, minutes: { status: 'draft' } }, by, { circulated: '2026-10-14', reason: 'x' }, '2026-10-30').warnings).toEqual([
      'a first circulation needs no reason: "x" is not recorded',
    ]);
  });
});

describe('applyLifecycle: approval', () => {
  const by = '2026-10-19';
  const out = { date: '2026-10-08', minutes: { status: 'circulated' as const, circulated: '2026-10-14' } };
  const at = (quorum: Partial<import('../../../src/core/minutes.js').ApprovalQuorum>) => ({
    id: '2026-12-10-partnership',
    date: '2026-12-10',
    quorum: { cancelled: false, item: 2, itemTitle: 'Minutes of the last meeting', quorate: true, shortfall: [], ...quorum },
  });
  it('as a true record, or with amendments listed', () => {
    expect(applyLifecycle(model, out, by, { approvedAt: at({}) }, '2026-12-10').minutes).toEqual({ ...out.minutes, status: 'approved', approvedAt: '2026-12-10-partnership' });
    const amended = applyLifecycle(model, out, by, { approvedAt: at({}), amendments: ['item 6: wording'] }, '2026-12-10');
    expect(amended.minutes.amendments).toEqual(['item 6: wording']);
    // amendments may be added to approved minutes later, never before approval
    expect(applyLifecycle(model, { date: out.date, minutes: amended.minutes }, by, { amendments: ['item 7'] }, '2026-12-11').minutes.amendments).toEqual(['item 7']);
    expect(applyLifecycle(model, out, by, { amendments: ['x'] }, '2026-12-11').refusals[0]?.field).toBe('amendments');
  });
  it('refuses a meeting not quorate at its approval item, or with no attendance, or cancelled; warns instead when configured', () => {
    const inq = at({ quorate: false, shortfall: ['at least 2 from Schools Forum: short by 1'] });
    const r = applyLifecycle(model, out, by, { approvedAt: inq }, '2026-12-10');
    expect(r.refusals).toEqual([
      {
        field: 'approvedAt',
        message: '2026-12-10-partnership was not quorate at item 2 (Minutes of the last meeting) (at least 2 from Schools Forum: short by 1): an inquorate meeting cannot approve minutes',
        hint: 'have a later quorate meeting approve them, or correct the attendance if it is wrong (in partnership.yaml, "minutes: { inquorate-approval: warn }" under partnership: makes this a warning)',
        complete: true,
      },
    ]);
    const warned = applyLifecycle(model, out, by, { approvedAt: inq }, '2026-12-10', 'warn');
    expect(warned.refusals).toEqual([]);
    expect(warned.warnings).toEqual([r.refusals[0]!.message]);
    expect(warned.minutes.status).toBe('approved');
    expect(applyLifecycle(model, out, by, { approvedAt: at({ quorate: null, item: null, itemTitle: null }) }, '2026-12-10').refusals[0]?.message).toBe(
      'no attendance is recorded for 2026-12-10-partnership, so wep cannot tell whether it was quorate at the start of the meeting, where it approved the minutes',
    );
    expect(applyLifecycle(model, out, by, { approvedAt: at({ cancelled: true }) }, '2026-12-10', 'warn').refusals[0]?.message).toBe('the meeting 2026-12-10-partnership was cancelled, so it approved nothing');
  });
  it('approval at a second meeting is refused', () => {
    const approved = { date: out.date, minutes: { ...out.minutes, status: 'approved' as const, approvedAt: '2026-12-10-partnership' } };
    expect(applyLifecycle(model, approved, by, { approvedAt: { ...at({}), id: '2027-02-04-partnership', date: '2027-02-04' } }, '2027-02-04').refusals[0]?.message).toBe(
      'the minutes are already recorded as approved at 2026-12-10-partnership',
    );
  });
});

describe('approvalItem', () => {
  it('the "minutes of the last meeting" item, else none', async () => {
    const { approvalItem } = await import('../../../src/core/minutes.js');
    expect(approvalItem(OCTOBER.agenda)).toBe(4);
    expect(approvalItem([{ title: 'A' }])).toBeNull();
  });
});

describe('buildMinutes: chair, minute references and votes', () => {
  it('the person recorded as taking the chair, not the body\'s chair; refs and votes on the items', () => {
    const m: MeetingFile = { ...OCTOBER, chair: 'sh-clarke', decisions: [{ id: 'd1', item: 6, text: 'Approved.', votes: { for: 5, against: 2 } }] };
    const d = buildMinutes(model, board(), { id: 'x', meeting: m, carried: [], quorumAt: () => undefined, minuteRef: (n) => `WEP/2026/10/${n}` });
    expect(d.chair).toMatchObject({ id: 'sh-clarke' });
    expect(d.items[5]).toMatchObject({ ref: 'WEP/2026/10/6', decisions: [{ id: 'd1', text: 'Approved.', votes: { for: 5, against: 2 } }] });
  });
});
