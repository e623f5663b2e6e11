import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { collectDecisions } from '../../../src/core/decisions.js';
import type { MeetingFile } from '../../../src/core/meeting-schema.js';
import { buildModel, type Model } from '../../../src/core/model.js';
import { evaluateQuorum } from '../../../src/core/quorum.js';
import { examplePartnership } from '../../helpers/example-model.js';
import { ROOT } from '../../helpers/wep.js';

let model: Model;
beforeAll(async () => {
  const file = examplePartnership();
  model = buildModel(file!);
});
const evaluate = (on: Parameters<typeof evaluateQuorum>[0], body: Parameters<typeof evaluateQuorum>[1], att: Parameters<typeof evaluateQuorum>[2], item?: number) => evaluateQuorum(on, body, att, item === undefined ? {} : { item });

const QUORATE = ['chair-okafor', 'ph-ahmed', 'ph-brown', 'sh-clarke', 'sh-francis', 'sf-iqbal', 'sf-jones'];
const meeting = (over: Partial<MeetingFile>): MeetingFile => ({
  body: 'partnership',
  date: '2026-10-08',
  start: '16:00',
  agenda: [{ title: 'Welcome' }, { title: 'Budget', purpose: 'decision' }, { title: 'Closed item', confidential: true }],
  ...over,
});

describe('collectDecisions', () => {
  it('gives each decision its ref, item title and the quorum at that item', () => {
    const m = meeting({
      attendance: { present: QUORATE, left: [{ person: 'sf-jones', item: 3 }] },
      decisions: [
        { id: 'd1', item: 2, text: 'Budget approved.' },
        { item: 3, text: 'Closed decision.' },
      ],
    });
    const ds = collectDecisions(model, [{ id: '2026-10-08-partnership', meeting: m, fromMinutesFile: new Set(['d1']) }], evaluate);
    expect(ds.map((d) => [d.ref, d.itemTitle, d.quorate, d.confidential, d.fromMinutesFile])).toEqual([
      ['2026-10-08-partnership/d1', 'Budget', true, false, true],
      ['2026-10-08-partnership/d2', 'Closed item', false, true, false],
    ]);
    expect(ds[1]!.quorum!.rules.find((r) => !r.met)).toMatchObject({ shortBy: 1 });
  });

  it('quorum is unknown (null) with no attendance or an unknown body', () => {
    const ds = collectDecisions(
      model,
      [
        { id: 'a', meeting: meeting({ decisions: [{ item: 2, text: 'x' }] }) },
        { id: 'b', meeting: meeting({ body: 'no-such-body', attendance: { present: QUORATE }, decisions: [{ item: 9, text: 'y' }] }) },
      ],
      evaluate,
    );
    expect(ds.map((d) => [d.quorate, d.bodyName, d.itemTitle])).toEqual([
      [null, 'Education Partnership', 'Budget'],
      [null, 'no-such-body', 'item 9'],
    ]);
  });
});

describe('confirmation of decisions taken while not quorate', () => {
  const INQUORATE = ['chair-okafor', 'ph-ahmed', 'sh-clarke', 'sf-iqbal', 'sf-jones'];
  const oct = (confirmed?: { at: string; item?: number }) =>
    meeting({ attendance: { present: INQUORATE }, decisions: [{ id: 'd1', item: 2, text: 'Budget approved.', ...(confirmed ? { confirmed } : {}) }] });
  const dec = (over: Partial<MeetingFile> = {}) => meeting({ date: '2026-12-10', attendance: { present: QUORATE, left: [{ person: 'sf-jones', item: 3 }] }, ...over });
  const run = (records: { id: string; meeting: MeetingFile }[]) => collectDecisions(model, records, evaluate);

  it('no confirmation: awaiting; confirmed where the later meeting was quorate: confirmed', () => {
    expect(run([{ id: 'oct', meeting: oct() }])[0]).toMatchObject({ quorate: false, standing: 'awaiting-confirmation', confirmation: null });
    const d = run([{ id: 'oct', meeting: oct({ at: '2026-12-10-partnership', item: 2 }) }, { id: '2026-12-10-partnership', meeting: dec() }])[0]!;
    expect(d).toMatchObject({ standing: 'confirmed', confirmation: { at: '2026-12-10-partnership', item: 2, date: '2026-12-10', quorate: true, problem: null } });
  });

  it('a confirmation that does not count, and why', () => {
    const problem = (confirmed: { at: string; item?: number }, at?: MeetingFile) =>
      run([{ id: '2026-10-08-partnership', meeting: oct(confirmed) }, ...(at ? [{ id: confirmed.at, meeting: at }] : [])])[0]!;
    const cases: [ReturnType<typeof problem>, string][] = [
      [problem({ at: '2027-01-01-partnership' }), 'there is no meeting 2027-01-01-partnership in the records'],
      [problem({ at: '2026-09-01-partnership' }, dec({ date: '2026-09-01' })), '2026-09-01-partnership is not after the meeting that took the decision (2026-10-08-partnership)'],
      [problem({ at: '2026-12-10-operational-group' }, dec({ body: 'operational-group' })), '2026-12-10-operational-group is a meeting of another body (operational-group); only the body that took the decision can confirm it'],
      [problem({ at: 'x' }, dec({ cancelled: { reason: 'snow' } })), 'x was cancelled'],
      [problem({ at: 'x', item: 9 }, dec()), 'x has no item 9 (its agenda has 3)'],
      [problem({ at: 'x' }, dec({ attendance: undefined })), 'no attendance is recorded for x, so wep cannot tell whether it was quorate'],
      [problem({ at: 'x', item: 3 }, dec()), 'x was not quorate at item 3 either (at least 2 from Schools Forum, short by 1)'],
    ];
    for (const [d, why] of cases) {
      expect(d.confirmation?.problem).toBe(why);
      expect(d.standing).toBe('awaiting-confirmation');
    }
  });

  it('confirmationRefusal: only inquorate, unconfirmed decisions, at a meeting that counts', async () => {
    const { confirmationRefusal, checkConfirmation } = await import('../../../src/core/decisions.js');
    const [quorate] = run([{ id: 'q', meeting: meeting({ attendance: { present: QUORATE }, decisions: [{ id: 'd1', item: 2, text: 'Y.' }] }) }]);
    const ok = checkConfirmation(model, { meetingId: 'oct', date: '2026-10-08', body: 'partnership' }, { at: 'dec' }, dec(), evaluate);
    expect(ok.problem).toBeNull();
    expect(confirmationRefusal(quorate!, ok)?.message).toBe('decision q/d1 was taken while the meeting was quorate: it needs no confirmation');
    const [unknown] = run([{ id: 'u', meeting: meeting({ decisions: [{ id: 'd1', item: 2, text: 'Y.' }] }) }]);
    expect(confirmationRefusal(unknown!, ok)?.message).toBe('no attendance is recorded for u, so wep cannot tell whether decision u/d1 needs confirming');
    const [waiting] = run([{ id: 'oct', meeting: oct() }]);
    expect(confirmationRefusal(waiting!, ok)).toBeNull();
    const bad = checkConfirmation(model, waiting!, { at: 'dec', item: 3 }, dec(), evaluate);
    expect(confirmationRefusal(waiting!, bad)?.message).toBe('dec cannot confirm decision oct/d1: dec was not quorate at item 3 either (at least 2 from Schools Forum, short by 1)');
    const [done] = run([{ id: 'oct', meeting: oct({ at: 'dec' }) }, { id: 'dec', meeting: dec() }]);
    expect(confirmationRefusal(done!, ok)?.message).toBe('decision oct/d1 is already confirmed at dec');
  });

  it('votes and minute references reach the register', () => {
    const [d] = collectDecisions(model, [{ id: 'oct', meeting: meeting({ decisions: [{ id: 'd1', item: 2, text: 'X.', votes: { for: 4, against: 3, abstentions: 1 } }] }) }], evaluate, (id, item) => `WEP/${id}/${item}`);
    expect(d).toMatchObject({ votes: { for: 4, against: 3, abstentions: 1 }, minuteRef: 'WEP/oct/2', standing: 'unknown' });
  });
});

describe('collectDecisions: a joint meeting', () => {
  // quorate for the Partnership; for the Operational Group (at least 2 voting members) only op-baker came
  const joint = meeting({ jointWith: ['operational-group'], attendance: { present: [...QUORATE, 'op-baker'] }, decisions: [{ id: 'd1', item: 2, text: 'The joint plan is agreed.' }] });
  const later = (over: Partial<MeetingFile>) => meeting({ date: '2026-12-03', attendance: { present: ['la-morgan', 'op-baker', 'op-cole'] }, decisions: [], ...over });

  it('one entry, with the quorum of each body; quorate only when every body was', () => {
    const [d] = collectDecisions(model, [{ id: '2026-10-08-partnership', meeting: joint }], evaluate);
    expect(d).toMatchObject({ body: 'partnership', bodies: ['partnership', 'operational-group'], quorate: false, inquorateBodies: ['operational-group'], standing: 'awaiting-confirmation' });
    expect(d!.joint!.map((q) => [q.body, q.bodyName, q.quorate])).toEqual([
      ['partnership', 'Education Partnership', true],
      ['operational-group', 'Operational Group', false],
    ]);
    // the shortfall shown is the body that was short
    expect(d!.quorum!.rules.find((r) => !r.met)).toMatchObject({ description: 'at least 2 voting members', shortBy: 1 });
  });

  it("in one body's register, that body's quorum; a meeting of another body only is left out", () => {
    const other = { id: '2026-10-09-partnership', meeting: meeting({ date: '2026-10-09', attendance: { present: QUORATE }, decisions: [{ item: 2, text: 'Board only.' }] }) };
    const source = [{ id: '2026-10-08-partnership', meeting: joint }, other];
    const og = collectDecisions(model, source, evaluate, undefined, { body: 'operational-group' });
    expect(og.map((d) => [d.ref, d.body, d.bodyName, d.quorate])).toEqual([['2026-10-08-partnership/d1', 'operational-group', 'Operational Group', false]]);
    const board = collectDecisions(model, source, evaluate, undefined, { body: 'partnership' });
    expect(board.map((d) => [d.ref, d.body, d.quorate, d.standing])).toEqual([
      ['2026-10-08-partnership/d1', 'partnership', true, 'valid'],
      ['2026-10-09-partnership/d1', 'partnership', true, 'valid'],
    ]);
  });

  it('is confirmed by a later quorate meeting of the body that was short, not by the other', () => {
    const confirmed = { ...joint, decisions: [{ id: 'd1', item: 2, text: 'The joint plan is agreed.', confirmed: { at: '2026-12-03-operational-group' } }] };
    const og = { id: '2026-12-03-operational-group', meeting: later({ body: 'operational-group', agenda: [{ title: 'Welcome' }] }) };
    const [ok] = collectDecisions(model, [{ id: '2026-10-08-partnership', meeting: confirmed }, og], evaluate);
    expect(ok).toMatchObject({ standing: 'confirmed', confirmation: { at: '2026-12-03-operational-group', quorate: true, problem: null } });

    const byBoard = { ...joint, decisions: [{ id: 'd1', item: 2, text: 'x', confirmed: { at: '2026-12-03-partnership' } }] };
    const board = { id: '2026-12-03-partnership', meeting: later({ attendance: { present: QUORATE } }) };
    const [no] = collectDecisions(model, [{ id: '2026-10-08-partnership', meeting: byBoard }, board], evaluate);
    expect(no!.standing).toBe('awaiting-confirmation');
    expect(no!.confirmation!.problem).toBe('2026-12-03-partnership is not a meeting of the Operational Group; a meeting of each body that was not quorate when the decision was taken must confirm it');
  });
});
