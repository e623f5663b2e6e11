import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { actionsOn, collectActions } from '../../../src/core/actions.js';
import { collectDecisions } from '../../../src/core/decisions.js';
import type { MeetingFile } from '../../../src/core/meeting-schema.js';
import { buildModel, type Model } from '../../../src/core/model.js';
import { evaluateQuorum } from '../../../src/core/quorum.js';
import { buildStatus, checkRegisterProblems, statusView, URGENCIES, type StatusItem } from '../../../src/core/status.js';
import { examplePartnership } from '../../helpers/example-model.js';
import { ROOT } from '../../helpers/wep.js';

let model: Model;
beforeAll(async () => {
  const file = examplePartnership();
  model = buildModel(file!);
});
const m = (date: string, over: Partial<MeetingFile> = {}): MeetingFile => ({ body: 'partnership', date, start: '16:00', agenda: [{ title: 'A' }, { title: 'B' }], ...over });
const status = (meetings: { id: string; meeting: MeetingFile; hasMinutesFile?: boolean }[], today: string, uncommitted: string[] | null = []) =>
  buildStatus(model, { meetings: meetings.map((x) => ({ hasMinutesFile: false, ...x })), actions: collectActions(meetings, today), uncommitted }, today);
const kinds = (items: StatusItem[]) => items.map((i) => i.kind);

describe('buildStatus', () => {
  it('the next meeting and its notice deadline in working days', () => {
    // Notice for Thu 10 Dec 2026: 7 working days back is Tue 1 Dec; from Sun 22 Nov that is 7 working days.
    const r = status([{ id: '2026-12-10-partnership', meeting: m('2026-12-10') }], '2026-11-22');
    expect(r.next).toEqual([expect.objectContaining({ meeting: '2026-12-10-partnership', noticeBy: '2026-12-01', workingDaysToNotice: 7, noticeSent: null })]);
    expect(r.items.find((i) => i.kind === 'notice-due')).toMatchObject({ urgency: 'upcoming', workingDaysLeft: 7 });
    const soon = status([{ id: '2026-12-10-partnership', meeting: m('2026-12-10') }], '2026-11-27');
    expect(soon.items.find((i) => i.kind === 'notice-due')).toMatchObject({ urgency: 'due', workingDaysLeft: 2 });
  });

  it('notice not sent after the deadline is overdue; sent late with no agreement is noted', () => {
    expect(status([{ id: 'x', meeting: m('2026-12-10') }], '2026-12-03').items[0]).toMatchObject({ kind: 'notice-overdue', urgency: 'overdue', workingDaysLate: 2 });
    const late = status([{ id: 'x', meeting: m('2026-12-10', { notice: { sent: '2026-12-02' } }) }], '2026-12-03');
    expect(late.items.find((i) => i.kind === 'notice-sent-late')).toMatchObject({ workingDaysLate: 1, urgency: 'info' });
    const agreed = status([{ id: 'x', meeting: m('2026-12-10', { notice: { sent: '2026-12-02' }, shortNotice: { reason: 'urgent' } }) }], '2026-12-03');
    expect(kinds(agreed.items)).not.toContain('notice-sent-late');
  });

  it('minutes due, then overdue, then circulated awaiting approval, then missed approval', () => {
    const oct = (over: Partial<MeetingFile> = {}) => ({ id: '2026-10-08-partnership', meeting: m('2026-10-08', over), hasMinutesFile: true });
    expect(status([oct()], '2026-10-12').items[0]).toMatchObject({ kind: 'minutes-due', urgency: 'due', minutesBy: '2026-10-19', workingDaysLeft: 5, drafted: true });
    expect(status([oct()], '2026-10-21').items[0]).toMatchObject({ kind: 'minutes-overdue', urgency: 'overdue', workingDaysLate: 2 });
    const circ = oct({ minutes: { status: 'circulated', circulated: '2026-10-15' } });
    const dec = { id: '2026-12-10-partnership', meeting: m('2026-12-10', { notice: { sent: '2026-11-20' } }) };
    expect(status([circ, dec], '2026-11-22').items.find((i) => i.kind.startsWith('approval'))).toMatchObject({ kind: 'approval-pending', nextMeeting: '2026-12-10-partnership' });
    expect(status([circ, dec], '2026-12-14').items.find((i) => i.kind.startsWith('approval'))).toMatchObject({ kind: 'approval-missed', urgency: 'due' });
    const signed = oct({ minutes: { status: 'signed', circulated: '2026-10-15', approvedAt: '2026-12-10-partnership', signed: { by: 'chair-okafor', date: '2026-12-10' } } });
    expect(status([signed, dec], '2026-12-14').items.filter((i) => 'meeting' in i && i.meeting === '2026-10-08-partnership')).toEqual([]);
  });

  it('overdue actions one by one, actions due within a week, and a count of open ones', () => {
    const meeting = m('2026-10-08', {
      minutes: { status: 'approved', approvedAt: 'y' },
      actions: [
        { id: 'a1', text: 'late', owner: 'la-lewis', due: '2026-11-01' },
        { id: 'a2', text: 'soon', owner: 'la-lewis', due: '2026-11-25' },
        { id: 'a3', text: 'later', owner: 'la-lewis', due: '2027-01-01' },
        { id: 'a4', text: 'done', owner: 'la-lewis', due: '2026-11-01', done: { date: '2026-10-30' } },
      ],
    });
    const r = status([{ id: 'x', meeting }], '2026-11-22');
    expect(r.items.filter((i) => i.kind.startsWith('action'))).toEqual([
      { kind: 'action-overdue', urgency: 'overdue', ref: 'x/a1', text: 'late', owner: 'la-lewis', due: '2026-11-01', daysOverdue: 21 },
      { kind: 'action-due', urgency: 'due', ref: 'x/a2', text: 'soon', owner: 'la-lewis', due: '2026-11-25', daysLeft: 3 },
      { kind: 'actions-open', urgency: 'info', open: 3, overdue: 1 },
    ]);
  });

  it('vacancies with the day they fell vacant, terms ending within 90 days, and git', () => {
    const r = status([], '2026-11-22', ['meetings/x/meeting.yaml']);
    expect(r.items).toContainEqual({ kind: 'vacancy', urgency: 'upcoming', group: 'mat-executive-heads', vacant: 1, seats: 1, since: null, lastHeldBy: null, filledBy: 'elected' });
    expect(r.items).toContainEqual({ kind: 'term-ending', urgency: 'upcoming', person: 'ph-davies', end: '2026-12-31', daysLeft: 39, group: 'primary-heads', body: null, filledBy: 'elected' });
    expect(r.items).toContainEqual({ kind: 'uncommitted', urgency: 'due', files: ['meetings/x/meeting.yaml'] });
    // an ended term leaves the seat vacant from the day after
    expect(status([], '2027-01-05').items).toContainEqual({ kind: 'vacancy', urgency: 'upcoming', group: 'primary-heads', vacant: 1, seats: 4, since: '2027-01-01', lastHeldBy: 'ph-davies', filledBy: 'elected' });
    expect(kinds(status([], '2027-01-05').items)).not.toContain('term-ending');
    expect(kinds(status([], '2026-11-22', null).items)).toContain('no-git');
    expect(kinds(status([], '2026-11-22', []).items)).not.toContain('uncommitted');
  });

  it('most urgent first', () => {
    const r = status(
      [
        { id: '2026-10-08-partnership', meeting: m('2026-10-08', { actions: [{ id: 'a1', text: 't', owner: 'la-lewis', due: '2026-11-01' }] }) },
        { id: '2026-12-10-partnership', meeting: m('2026-12-10') },
      ],
      '2026-11-22',
      null,
    );
    const ranks = r.items.map((i) => URGENCIES.indexOf(i.urgency));
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    expect(r.items[0]!.urgency).toBe('overdue');
  });

  it('cancelled meetings need nothing', () => {
    expect(status([{ id: 'x', meeting: m('2026-12-10', { cancelled: { reason: 'snow' } }) }], '2026-12-09').next).toEqual([]);
  });
});

describe('checkRegisterProblems', () => {
  it('unknown owners (with did-you-mean), overdue actions, inquorate decisions, unreadable minutes.md lines (late minutes: see the record check)', () => {
    const meeting = m('2026-10-08', {
      attendance: { present: ['chair-okafor', 'ph-ahmed', 'sh-clarke', 'sh-francis', 'sf-iqbal', 'sf-jones'] },
      actions: [
        { id: 'a1', text: 'x', owner: 'la-morgen', due: '2027-01-01' },
        { id: 'a2', text: 'y', owner: 'la-lewis', due: '2026-11-01' },
      ],
      decisions: [{ id: 'd1', item: 2, text: 'z' }],
    });
    const decisions = collectDecisions(model, [{ id: 'x', meeting }], (on, b, a, item) => evaluateQuorum(on, b, a, { item }));
    const ps = checkRegisterProblems(
      model,
      [
        {
          id: 'x',
          meeting,
          pendingActions: [{ id: 'a3', owner: 'nobody-at-all', text: 'w', line: 12, col: 1, ownerCol: 20 }],
          minutesProblems: [{ line: 14, col: 1, len: 6, message: 'ACTION with no owner' }],
        },
      ],
      decisions,
      '2026-11-22',
    );
    expect(ps.map((p) => [p.file, p.path, p.line ?? null, p.severity ?? 'error', p.check])).toEqual([
      ['meeting', 'actions.0.owner', null, 'error', 'registers'],
      ['meeting', 'actions.1.due', null, 'warning', 'registers'],
      ['minutes', '', 12, 'error', 'registers'],
      ['minutes', '', 14, 'error', 'minutes'],
      ['meeting', 'decisions.0', null, 'error', 'quorum'],
    ]);
    expect(ps[0]!.hint).toBe('did you mean "la-morgan"?');
    expect(ps[2]!.col).toBe(20);
    expect(ps[4]!.message).toMatch(/x\/d1 was recorded at item 2 while the meeting was not quorate \(at least 2 from Wokingham Primary Heads Partnership, short by 1\)/);
  });

  it('a clean meeting has no problems', () => {
    const meeting = m('2026-10-08', { minutes: { status: 'circulated', circulated: '2026-10-12' }, actions: [{ id: 'a1', text: 'x', owner: 'la-lewis', due: '2027-01-01' }] });
    expect(checkRegisterProblems(model, [{ id: 'x', meeting, pendingActions: [], minutesProblems: [] }], [], '2026-11-22')).toEqual([]);
  });
});

describe('status: decisions awaiting confirmation', () => {
  it('lists an inquorate decision until a quorate meeting confirms it', () => {
    const INQUORATE = ['chair-okafor', 'ph-ahmed', 'sh-clarke', 'sf-iqbal', 'sf-jones'];
    const QUORATE = ['chair-okafor', 'ph-ahmed', 'ph-brown', 'sh-clarke', 'sh-francis', 'sf-iqbal', 'sf-jones'];
    const evaluate = (on: Parameters<typeof evaluateQuorum>[0], b: Parameters<typeof evaluateQuorum>[1], a: Parameters<typeof evaluateQuorum>[2], item?: number) => evaluateQuorum(on, b, a, { item });
    const minutes = { status: 'signed' as const, circulated: '2026-10-12', approvedAt: '2026-12-10-partnership', signed: { by: 'chair-okafor', date: '2026-12-10' } };
    const records = (confirmed?: { at: string }) => [
      { id: '2026-10-08-partnership', meeting: m('2026-10-08', { attendance: { present: INQUORATE }, minutes, decisions: [{ id: 'd1', item: 2, text: 'Budget.', ...(confirmed ? { confirmed } : {}) }] }) },
      { id: '2026-12-10-partnership', meeting: m('2026-12-10', { attendance: { present: QUORATE }, minutes: { status: 'circulated', circulated: '2026-12-14' } }) },
    ];
    const run = (recs: ReturnType<typeof records>) =>
      buildStatus(model, { meetings: recs.map((x) => ({ hasMinutesFile: true, ...x })), actions: [], decisions: collectDecisions(model, recs, evaluate), uncommitted: [] }, '2026-12-20').items;
    const waiting = run(records()).filter((i) => i.kind === 'decision-unconfirmed');
    expect(waiting).toEqual([{ kind: 'decision-unconfirmed', urgency: 'due', ref: '2026-10-08-partnership/d1', meeting: '2026-10-08-partnership', body: 'partnership', date: '2026-10-08', item: 2, text: 'Budget.' }]);
    const after = run(records({ at: '2026-12-10-partnership' }));
    expect(kinds(after)).not.toContain('decision-unconfirmed');
    // the December minutes still await approval
    expect(kinds(after)).toContain('approval-pending');
  });

  it('the view status keeps gives the same report as the whole records, on the day it was made and on later days', () => {
    const INQUORATE = ['chair-okafor', 'ph-ahmed', 'sh-clarke', 'sf-iqbal', 'sf-jones'];
    const evaluate = (on: Parameters<typeof evaluateQuorum>[0], b: Parameters<typeof evaluateQuorum>[1], a: Parameters<typeof evaluateQuorum>[2], item?: number) => evaluateQuorum(on, b, a, { item });
    const recs = [
      {
        id: '2026-10-08-partnership',
        hasMinutesFile: true,
        merged: m('2026-10-08', {
          attendance: { present: INQUORATE },
          minutes: { status: 'circulated', circulated: '2026-10-12' },
          decisions: [{ id: 'd1', item: 2, text: 'Budget.' }],
          actions: [
            { id: 'a1', text: 'Open, due soon', owner: 'la-morgan', due: '2026-12-01' },
            { id: 'a2', text: 'Done', owner: 'la-morgan', due: '2026-11-01', done: { date: '2026-10-30' } },
          ],
        }),
      },
      { id: '2026-12-10-partnership', hasMinutesFile: false, merged: m('2026-12-10') },
    ];
    const view = statusView(model, recs, '2026-11-22', evaluate);
    expect(view.actions.map((a) => a.ref)).toEqual(['2026-10-08-partnership/a1']);
    expect(view.decisions.map((d) => d.ref)).toEqual(['2026-10-08-partnership/d1']);
    for (const today of ['2026-11-22', '2026-12-05', '2027-01-20']) {
      const whole = buildStatus(
        model,
        { meetings: recs.map((r) => ({ id: r.id, meeting: r.merged, hasMinutesFile: r.hasMinutesFile })), actions: collectActions(recs.map((r) => ({ id: r.id, meeting: r.merged })), today), decisions: collectDecisions(model, recs.map((r) => ({ id: r.id, meeting: r.merged })), evaluate), uncommitted: [] },
        today,
      );
      const kept = buildStatus(model, { meetings: view.meetings, actions: actionsOn(view.actions, today), decisions: view.decisions, uncommitted: [] }, today);
      expect(kept, today).toEqual(whole);
    }
  });
});

describe('checkMinutesDifferences: how to settle each disagreement', () => {
  it('after approval a change is an amendment; an entry minutes.md lacks is an error once circulated', async () => {
    const { checkMinutesDifferences } = await import('../../../src/core/status.js');
    const approved = m('2026-10-08', { minutes: { status: 'approved', circulated: '2026-10-14', approvedAt: '2026-12-10-partnership' } });
    const ps = checkMinutesDifferences('oct', approved, [
      { kind: 'changed', entry: 'action', id: 'a1', index: 0, line: 9, col: 3, text: 'New', was: 'Old', fields: ['text', 'due'] },
      { kind: 'missing', entry: 'decision', id: 'd2', index: 1, was: 'Gone.', item: 2 },
      { kind: 'moved', entry: 'decision', id: 'd1', index: 0, line: 5, col: 1, text: 'X', was: 'X', fields: ['item'], item: 2, wasItem: 1 },
    ]);
    expect(ps.map((p) => [p.file, p.severity ?? 'error', p.line ?? p.path, p.message, p.hint])).toEqual([
      [
        'minutes',
        'error',
        9,
        'action a1 was changed in minutes.md after they were circulated on 2026-10-14: its text, due differ from meeting.yaml, which has "Old"',
        'the minutes were approved at 2026-12-10-partnership: if that meeting amended them so, record it: wep minutes --meeting oct --approved-at 2026-12-10-partnership --amendment "the change"; otherwise restore the line as it went out',
      ],
      ['meeting', 'error', 'decisions.1', 'decision d2 "Gone." is in meeting.yaml but not in minutes.md, which is the record', 'add the line "DECISION: Gone." under item 2 of minutes.md, or delete the entry from meeting.yaml'],
      [
        'minutes',
        'error',
        5,
        'decision d1 was changed in minutes.md after they were circulated on 2026-10-14 (moved from item 1 to item 2): its item differs from meeting.yaml, which has "X"',
        expect.stringContaining('--amendment'),
      ],
    ]);
    // in draft: added and changed lines are the clerk writing; only missing entries are named, as warnings
    const draft = checkMinutesDifferences('oct', m('2026-10-08'), [
      { kind: 'added', entry: 'decision', id: 'd3', line: 4, col: 1, text: 'New.' },
      { kind: 'missing', entry: 'action', id: 'a1', index: 0, was: 'Old' },
    ]);
    expect(draft.map((p) => [p.severity, p.path])).toEqual([['warning', 'actions.0']]);
  });
});

describe('checkApprovals: minutes approved where they could not be', () => {
  it('not in the records, not later, cancelled, or not quorate at the approval item', async () => {
    const { checkApprovals } = await import('../../../src/core/status.js');
    const evaluate = (on: Parameters<typeof evaluateQuorum>[0], b: Parameters<typeof evaluateQuorum>[1], a: Parameters<typeof evaluateQuorum>[2], item?: number) => evaluateQuorum(on, b, a, { item });
    const approvedAt = (at: string) => m('2026-10-08', { minutes: { status: 'approved', approvedAt: at } });
    const QUORATE = ['chair-okafor', 'ph-ahmed', 'ph-brown', 'sh-clarke', 'sh-francis', 'sf-iqbal', 'sf-jones'];
    const later = (over: Partial<MeetingFile>) => m('2026-12-10', { agenda: [{ title: 'Welcome' }, { title: 'Minutes', standard: 'previous-minutes' }], ...over });
    const run = (at: MeetingFile | undefined) => checkApprovals(model, [{ id: 'oct', meeting: approvedAt('dec') }, ...(at ? [{ id: 'dec', meeting: at }] : [])], evaluate).map((p) => p.message);
    expect(run(undefined)).toEqual(['the minutes are recorded as approved at dec, which is not in the records']);
    expect(run(m('2026-09-01'))).toEqual(['the minutes are recorded as approved at dec, which is not after the meeting']);
    expect(run(later({ cancelled: { reason: 'snow' } }))).toEqual(['the minutes are recorded as approved at dec, which was cancelled']);
    expect(run(later({ attendance: { present: QUORATE, left: [{ person: 'sf-jones', item: 2 }] } }))).toEqual(['the minutes are recorded as approved at dec, which was not quorate at item 2, where it approved them']);
    expect(run(later({ attendance: { present: QUORATE } }))).toEqual([]);
    // no attendance recorded: nothing to say here (wep minutes --approved-at asks for it)
    expect(run(later({}))).toEqual([]);
  });
});
