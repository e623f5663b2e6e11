import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Attendance } from '../../../src/core/meeting-schema.js';
import { buildModel, type Model } from '../../../src/core/model.js';
import type { PartnershipFile, QuorumRule } from '../../../src/core/partnership-schema.js';
import {
  evaluateAfresh,
  evaluateQuorum,
  forecastQuorum,
  fractionRequired,
  hasRecordedPresence,
  inquorateItems,
  meetingQuorumByBody,
  presenceAt,
  quorumByItem,
  type QuorumResult,
} from '../../../src/core/quorum.js';
import { examplePartnership } from '../../helpers/example-model.js';
import { ROOT } from '../../helpers/wep.js';

let wep: Model;
beforeAll(async () => {
  const file = examplePartnership();
  wep = buildModel(file!);
});
const board = () => wep.bodies.get('partnership')!;
const q = (att: Attendance, item?: number) => evaluateQuorum(wep, board(), att, { item });
const rule = (r: QuorumResult, group: string) => r.rules.find((x) => x.group === group)!;

/** Everyone needed and no more: 2 primary, 2 secondary, 2 Schools Forum. */
const QUORATE = ['chair-okafor', 'ph-ahmed', 'ph-brown', 'sh-clarke', 'sh-francis', 'sf-iqbal', 'sf-jones'];

/** A small synthetic partnership, to try rule kinds the example does not use. */
function synthetic(quorum: QuorumRule[], opts: { maxPerProxy?: number; allowed?: boolean; seats?: number } = {}): Model {
  const people: PartnershipFile['people'] = [
    { id: 'chair', name: 'Chair Person', group: 'a', role: 'chair' },
    { id: 'a1', name: 'A One', group: 'a', proxy: 'pa1' },
    { id: 'a2', name: 'A Two', group: 'a', proxy: 'pa2' },
    { id: 'b1', name: 'B One', group: 'b', proxy: 'pb1' },
    { id: 'b2', name: 'B Two', group: 'b', proxy: 'pshared' },
    { id: 'b3', name: 'B Three', group: 'b', proxy: 'pshared' },
    { id: 'off', name: 'Officer', group: 'b', role: 'officer' },
    { id: 'pa1', name: 'Proxy A1', role: 'proxy', proxy: 'pchain' },
    { id: 'pa2', name: 'Proxy A2', role: 'proxy' },
    { id: 'pb1', name: 'Proxy B1', role: 'proxy' },
    { id: 'pshared', name: 'Shared Proxy', role: 'proxy' },
    { id: 'pchain', name: 'Proxy of a proxy', role: 'proxy' },
    { id: 'outsider', name: 'Out Sider' },
  ];
  const file = {
    partnership: { name: 'Test', short: 'T', clerk: { name: 'C', email: 'c@example.org' } },
    groups: [
      { id: 'a', name: 'Group A', seats: 4 },
      { id: 'b', name: 'Group B', seats: 4 },
    ],
    people,
    bodies: [
      {
        id: 'board',
        name: 'Board',
        members: [{ groups: ['a', 'b'] }],
        seats: opts.seats,
        notice: { kind: 'working-days', days: 7 },
        minutes: { kind: 'working-days', days: 7 },
        quorum,
        proxies: { allowed: opts.allowed, maxPerProxy: opts.maxPerProxy },
        chair: 'chair',
      },
    ],
  } as unknown as PartnershipFile;
  return buildModel(file);
}
const sq = (m: Model, att: Attendance, item?: number) => evaluateQuorum(m, m.bodies.get('board')!, att, { item });

describe('evaluateQuorum on the Wokingham example (2 each of Schools Forum, primary and secondary heads)', () => {
  it('is quorate with two from each group', () => {
    const r = q({ present: QUORATE });
    expect(r.quorate).toBe(true);
    expect(r.body).toBe('partnership');
    expect(r.item).toBeNull();
    expect(r.rules.map((x) => [x.group, x.required, x.counted, x.met, x.shortBy])).toEqual([
      ['schools-forum', 2, 2, true, 0],
      ['primary-heads', 2, 2, true, 0],
      ['secondary-heads', 2, 2, true, 0],
    ]);
    expect(r.rules[0]!.description).toBe('at least 2 from Schools Forum');
    expect(r.warnings).toEqual([]);
  });

  it('says which group is short, by how many, and who could fix it (absent members and their proxies)', () => {
    const r = q({ present: QUORATE.filter((id) => id !== 'sh-francis') });
    expect(r.quorate).toBe(false);
    const sh = rule(r, 'secondary-heads');
    expect(sh).toMatchObject({ counted: 1, required: 2, met: false, shortBy: 1, countedIds: ['sh-clarke'] });
    expect(sh.couldFix).toEqual([
      { id: 'sh-evans', name: 'Megan Evans', via: 'member' },
      { id: 'px-evans', name: 'George Usman', via: 'proxy', forMember: 'sh-evans', forMemberName: 'Megan Evans' },
      { id: 'sh-francis', name: 'Dev Francis', via: 'member' },
      { id: 'px-francis', name: 'Holly Vaughan', via: 'proxy', forMember: 'sh-francis', forMemberName: 'Dev Francis' },
    ]);
    expect(rule(r, 'primary-heads').couldFix).toEqual([]);
  });

  it('counts a proxy present for their absent member, in that member\'s group', () => {
    const r = q({ present: [...QUORATE.filter((id) => id !== 'sh-francis'), 'px-evans'] });
    expect(r.quorate).toBe(true);
    expect(r.counted).toContainEqual({ id: 'px-evans', as: 'proxy', for: 'sh-evans', group: 'secondary-heads' });
    expect(rule(r, 'secondary-heads').countedIds).toEqual(['sh-clarke', 'px-evans']);
  });

  it('refuses a proxy entry for a member who appointed someone else, naming the rule', () => {
    const r = q({ present: QUORATE.filter((id) => id !== 'sh-francis'), proxies: [{ proxy: 'px-clarke', for: 'sh-evans' }] });
    expect(r.quorate).toBe(false);
    expect(r.counted.some((c) => c.id === 'px-clarke')).toBe(false);
    expect(r.notCounted).toContainEqual({
      id: 'px-clarke',
      reason:
        "Fiona Taylor (px-clarke) is not Megan Evans (sh-evans)'s appointed proxy on Education Partnership (Megan Evans (sh-evans)'s appointed proxy is George Usman (px-evans)) (rule appointed-proxy: a proxy is the person the member appointed for this body)",
    });
  });

  it("counts the appointed proxy of an absent member, in that member's group", () => {
    const r = q({ present: QUORATE.filter((id) => id !== 'sh-francis'), proxies: [{ proxy: 'px-evans', for: 'sh-evans' }] });
    expect(r.quorate).toBe(true);
    expect(r.counted).toContainEqual({ id: 'px-evans', as: 'proxy', for: 'sh-evans', group: 'secondary-heads' });
  });

  it('never counts a member and their own proxy twice', () => {
    const r = q({ present: [...QUORATE.filter((id) => id !== 'sh-francis'), 'px-clarke'] });
    expect(r.quorate).toBe(false);
    expect(rule(r, 'secondary-heads').counted).toBe(1);
    expect(r.notCounted).toContainEqual({ id: 'px-clarke', reason: 'Tom Clarke (sh-clarke) is present in person' });
  });

  it('a proxy stands for one member only by default', () => {
    const r = q({
      present: ['ph-ahmed', 'ph-brown', 'sf-iqbal', 'sf-jones'],
      proxies: [
        { proxy: 'px-evans', for: 'sh-evans' },
        { proxy: 'px-evans', for: 'sh-francis' },
      ],
    });
    expect(r.quorate).toBe(false);
    expect(rule(r, 'secondary-heads').counted).toBe(1);
    expect(r.counted.filter((c) => c.id === 'px-evans')).toEqual([{ id: 'px-evans', as: 'proxy', for: 'sh-evans', group: 'secondary-heads' }]);
    expect(r.warnings.join('\n')).toMatch(/George Usman \(px-evans\) is not counted for Dev Francis \(sh-francis\): George Usman \(px-evans\) is not Dev Francis \(sh-francis\)'s appointed proxy/);
  });

  it('does not count officers, observers, people not on the body, or unknown ids', () => {
    const r = q({ present: ['la-lewis', 'op-baker', 'nobody'], observers: ['la-morgan'] });
    expect(r.counted).toEqual([]);
    expect(r.notCounted).toEqual([
      { id: 'la-lewis', reason: 'does not vote (officer)' },
      { id: 'op-baker', reason: 'not a member of Education Partnership' },
      { id: 'nobody', reason: 'not in the partnership file' },
      { id: 'la-morgan', reason: 'observer' },
    ]);
    expect(r.warnings).toContain('not in the partnership file, so not counted: nobody');
  });

  it('a proxy whose member is not on the body does not count', () => {
    const r = q({ present: ['px-ahmed'], proxies: [{ proxy: 'px-ahmed', for: 'op-baker' }] });
    expect(r.notCounted).toEqual([{ id: 'px-ahmed', reason: 'Nick Baker (op-baker) is not a member of Education Partnership (rule voting-member: a stand-in stands for a voting member of the body)' }]);
  });

  it('late arrivals and early departures count only for the items they were there for', () => {
    const att: Attendance = { present: QUORATE, left: [{ person: 'sh-clarke', item: 6 }], arrived: [{ person: 'sh-evans', item: 8 }] };
    expect(q(att).quorate).toBe(true);
    expect(q(att, 5).quorate).toBe(true);
    const at6 = q(att, 6);
    expect(at6.quorate).toBe(false);
    expect(at6.item).toBe(6);
    expect(at6.notCounted).toContainEqual({ id: 'sh-clarke', reason: 'left at item 6' });
    expect(at6.notCounted).toContainEqual({ id: 'sh-evans', reason: 'arrives at item 8' });
    expect(q(att, 8).quorate).toBe(true);
    const byItem = quorumByItem(wep, board(), att, 9);
    expect(byItem.map((x) => x.item)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(inquorateItems(byItem)).toEqual([6, 7]);
  });

  it('a withdrawal for a declared interest does not count for that item only', () => {
    const att: Attendance = { present: QUORATE, interests: [{ person: 'sf-jones', item: 5, interest: 'governor at a bidding school' }] };
    expect(q(att, 4).quorate).toBe(true);
    const at5 = q(att, 5);
    expect(at5.quorate).toBe(false);
    expect(at5.notCounted).toContainEqual({ id: 'sf-jones', reason: 'withdrew for a declared interest in item 5' });
    expect(q(att).quorate).toBe(true); // the start of the meeting: no withdrawals yet
    expect(q({ ...att, interests: [{ person: 'sf-jones', item: 5, withdrew: false }] }, 5).quorate).toBe(true);
  });

  it('a proxy cannot stand in for a member who withdrew for an interest', () => {
    const att: Attendance = { present: [...QUORATE, 'px-jones'], interests: [{ person: 'sf-jones', item: 5 }] };
    const at5 = q(att, 5);
    expect(at5.quorate).toBe(false);
    expect(at5.notCounted).toContainEqual({ id: 'px-jones', reason: 'Gareth Jones (sf-jones) withdrew for a declared interest in item 5; a proxy cannot stand in' });
  });

  it('a proxy who leaves stops counting', () => {
    const att: Attendance = { present: QUORATE.filter((id) => id !== 'sh-francis'), proxies: [{ proxy: 'px-francis', for: 'sh-francis' }], left: [{ person: 'px-francis', item: 4 }] };
    expect(q(att, 3).quorate).toBe(true);
    expect(q(att, 4).quorate).toBe(false);
    expect(q(att, 4).notCounted).toContainEqual({ id: 'px-francis', reason: 'left at item 4' });
  });

  it('warns about someone both present and sending apologies, and counts them', () => {
    const r = q({ present: QUORATE, apologies: ['sh-clarke'] });
    expect(r.quorate).toBe(true);
    expect(r.warnings).toContain('Tom Clarke (sh-clarke) is recorded both as present and as sending apologies; counted as present');
  });

  it('with no attendance nobody is present', () => {
    const r = evaluateQuorum(wep, board(), undefined);
    expect(r.quorate).toBe(false);
    expect(r.counted).toEqual([]);
    expect(hasRecordedPresence(undefined)).toBe(false);
    expect(hasRecordedPresence({ apologies: ['sh-evans'] })).toBe(false);
    expect(hasRecordedPresence({ proxies: [{ proxy: 'px-evans', for: 'sh-evans' }] })).toBe(true);
  });

  it('the operational group needs two', () => {
    const og = wep.bodies.get('operational-group')!;
    expect(evaluateQuorum(wep, og, { present: ['op-baker', 'op-cole'] }).quorate).toBe(true);
    const r = evaluateQuorum(wep, og, { present: ['op-baker'] });
    expect(r.rules[0]).toMatchObject({ description: 'at least 2 voting members', required: 2, counted: 1, shortBy: 1 });
  });
});

describe('forecastQuorum', () => {
  it('assumes everyone else comes, and names the proxies of those who sent apologies', () => {
    const r = forecastQuorum(wep, board(), ['sh-evans', 'sh-francis']);
    expect(r.forecast).toBe(true);
    expect(r.apologies).toEqual(['sh-evans', 'sh-francis']);
    expect(r.quorate).toBe(false);
    const sh = rule(r, 'secondary-heads');
    expect(sh).toMatchObject({ counted: 1, shortBy: 1 });
    expect(sh.couldFix).toEqual([
      { id: 'px-evans', name: 'George Usman', via: 'proxy', forMember: 'sh-evans', forMemberName: 'Megan Evans' },
      { id: 'px-francis', name: 'Holly Vaughan', via: 'proxy', forMember: 'sh-francis', forMemberName: 'Dev Francis' },
    ]);
  });

  it('is quorate when the apologies leave enough', () => {
    expect(forecastQuorum(wep, board(), ['sh-evans', 'ph-chen']).quorate).toBe(true);
    expect(forecastQuorum(wep, board(), []).quorate).toBe(true);
  });

  it('names the member when they have no proxy, and warns about unknown apologies', () => {
    const m = synthetic([{ kind: 'count', min: 5 }]);
    const r = forecastQuorum(m, m.bodies.get('board')!, ['a1', 'chair', 'zz']);
    expect(r.rules[0]!.couldFix).toEqual([
      { id: 'chair', name: 'Chair Person', via: 'member' },
      { id: 'pa1', name: 'Proxy A1', via: 'proxy', forMember: 'a1', forMemberName: 'A One' },
    ]);
    expect(r.warnings).toContain('apologies from people not in the partnership file: zz');
  });

  it('at a joint meeting, apologies from a member of any of its bodies are no stranger\'s', () => {
    const og = wep.bodies.get('operational-group')!;
    expect(forecastQuorum(wep, board(), ['op-cole', 'px-ahmed']).warnings).toContain('apologies from people who are not members of Education Partnership: op-cole, px-ahmed');
    const each = meetingQuorumByBody(wep, board(), { body: 'partnership', jointWith: ['operational-group'], agenda: [], attendance: { apologies: ['op-cole', 'sh-evans', 'px-ahmed'] } }, 'm');
    expect(each.map((q) => q.body.id)).toEqual(['partnership', 'operational-group']);
    for (const q of each) {
      expect(q.result.forecast).toBe(true);
      expect(q.result.warnings.filter((w) => w.startsWith('apologies from'))).toEqual(['apologies from people who are not members of Education Partnership or Operational Group: px-ahmed']);
    }
    expect(forecastQuorum(wep, og, ['op-cole', 'sh-evans'], [board(), og]).warnings).toEqual([]);
  });
});

describe('rule kinds', () => {
  it('fraction of seats, rounded up by default, with a floor', () => {
    expect(fractionRequired(14, '2/5')).toBe(6);
    expect(fractionRequired(15, '2/5')).toBe(6);
    expect(fractionRequired(15, '2/5', 'down')).toBe(6);
    expect(fractionRequired(14, '2/5', 'down')).toBe(5);
    expect(fractionRequired(14, '2/5', 'nearest')).toBe(6); // 5.6
    expect(fractionRequired(12, '1/8', 'nearest')).toBe(2); // 1.5 rounds half up
    expect(fractionRequired(6, '1/3', 'up', 3)).toBe(3);
    expect(fractionRequired(12, '1/3', 'up', 3)).toBe(4);
    expect(fractionRequired(10, '1/2')).toBe(5);
  });

  it('fraction of seats counts against all seats; of filled seats against voting members in post', () => {
    const seats = synthetic([{ kind: 'fraction', of: 'seats', fraction: '1/2' }]);
    const r = sq(seats, { present: ['chair', 'a1', 'a2', 'b1'] });
    expect(r.rules[0]).toMatchObject({ description: '1/2 of 8 seats, rounded up', required: 4, counted: 4, met: true });
    const filled = synthetic([{ kind: 'fraction', of: 'filled-seats', fraction: '1/2', neverFewerThan: 4 }]);
    const r2 = sq(filled, { present: ['chair', 'a1', 'b1'] });
    // 6 voting members in post: half is 3, but never fewer than 4
    expect(r2.rules[0]).toMatchObject({ description: '1/2 of 6 filled seats, rounded up, never fewer than 4', required: 4, counted: 3, shortBy: 1 });
    expect(r2.rules[0]!.couldFix.map((f) => f.id)).toEqual(['a2', 'pa2', 'b2', 'pshared', 'b3', 'pshared']);
  });

  it('a required role or person must be there in person', () => {
    const m = synthetic([
      { kind: 'required', role: 'chair' },
      { kind: 'required', person: 'a1' },
    ]);
    const r = sq(m, { present: ['a1'] });
    expect(r.rules.map((x) => [x.description, x.met])).toEqual([
      ['the chair present', false],
      ['A One present', true],
    ]);
    expect(r.rules[0]!.couldFix).toEqual([{ id: 'chair', name: 'Chair Person', via: 'member' }]);
    expect(sq(m, { present: ['chair', 'pa1'] }).rules[1]!.met).toBe(false); // a proxy does not stand in for a required person
    expect(sq(m, { present: ['a1', 'chair'], interests: [{ person: 'chair', item: 3 }] }, 3).quorate).toBe(false);
  });

  it('a required rule naming nobody is skipped with a warning; no rules at all is quorate with a warning', () => {
    const m = synthetic([{ kind: 'required' }]);
    expect(sq(m, {}).warnings).toContain('a "required" quorum rule of Board names neither a role nor a person, so it was skipped');
    const none = synthetic([]);
    const r = sq(none, {});
    expect(r.quorate).toBe(true);
    expect(r.warnings[0]).toMatch(/Board has no quorum rule/);
  });

  it('all rules must hold', () => {
    const m = synthetic([
      { kind: 'count', min: 2 },
      { kind: 'required', role: 'chair' },
    ]);
    expect(sq(m, { present: ['a1', 'a2'] }).quorate).toBe(false);
    expect(sq(m, { present: ['a1', 'chair'] }).quorate).toBe(true);
  });

  it('warns when a per-group rule can never be met', () => {
    const m = synthetic([{ kind: 'per-group', groups: ['a'], min: 4 }]);
    expect(sq(m, {}).warnings).toContain('Group A has 3 voting members on Board, fewer than the 4 the quorum needs: the rule can never be met');
  });
});

describe('proxies', () => {
  it('a proxy cannot appoint a proxy', () => {
    const m = synthetic([{ kind: 'count', min: 1 }]);
    const r = sq(m, { present: ['pchain'] });
    expect(r.quorate).toBe(false);
    expect(r.notCounted).toEqual([{ id: 'pchain', reason: 'stands for Proxy A1 (pa1), who is a proxy: a proxy cannot appoint a proxy' }]);
  });

  it('a shared proxy stands for one member unless the body allows more', () => {
    const one = synthetic([{ kind: 'per-group', groups: ['b'], min: 2 }]);
    const r1 = sq(one, { present: ['pshared'] });
    expect(r1.counted).toEqual([{ id: 'pshared', as: 'proxy', for: 'b2', group: 'b' }]);
    const two = synthetic([{ kind: 'per-group', groups: ['b'], min: 2 }], { maxPerProxy: 2 });
    const r2 = sq(two, { present: ['pshared'] });
    expect(r2.counted.map((c) => c.for)).toEqual(['b2', 'b3']);
    expect(r2.quorate).toBe(true);
  });

  it('proxies do not count where the body does not allow them, and are not offered as a fix', () => {
    const m = synthetic([{ kind: 'count', min: 2 }], { allowed: false });
    const r = sq(m, { present: ['a1', 'pa2'] });
    expect(r.counted.map((c) => c.id)).toEqual(['a1']);
    expect(r.notCounted).toEqual([{ id: 'pa2', reason: 'proxies are not allowed on Board' }]);
    expect(r.rules[0]!.couldFix.every((f) => f.via === 'member')).toBe(true);
  });

  it('a voting member named as a proxy is counted once, as themselves', () => {
    const m = synthetic([{ kind: 'count', min: 2 }]);
    const r = sq(m, { present: ['a1'], proxies: [{ proxy: 'a1', for: 'a2' }] });
    expect(r.counted).toEqual([{ id: 'a1', as: 'member', group: 'a' }]);
    expect(r.warnings.join('\n')).toMatch(/A One \(a1\) sits on .* in their own right, so counts once \(rule not-a-member/);
  });

  it('a proxy not appointed by the member does not count, whatever the order', () => {
    const m = synthetic([{ kind: 'count', min: 2 }]);
    for (const proxies of [[{ proxy: 'pa1', for: 'a1' }, { proxy: 'pb1', for: 'a1' }], [{ proxy: 'pb1', for: 'a1' }, { proxy: 'pa1', for: 'a1' }]]) {
      const r = sq(m, { present: [], proxies });
      expect(r.counted).toEqual([{ id: 'pa1', as: 'proxy', for: 'a1', group: 'a' }]);
      expect(r.notCounted).toHaveLength(1);
      expect(r.notCounted[0]!.reason).toMatch(/^Proxy B1 \(pb1\) is not A One \(a1\)'s appointed proxy .*\(rule appointed-proxy/);
    }
  });
});

describe('presenceAt', () => {
  it('reads arrivals and departures as a timeline', () => {
    const att: Attendance = { present: ['x'], left: [{ person: 'x', item: 3 }], arrived: [{ person: 'x', item: 5 }, { person: 'y', item: 2 }] };
    expect([1, 2, 3, 4, 5, 6].map((i) => presenceAt(att, 'x', i).present)).toEqual([true, true, false, false, true, true]);
    expect(presenceAt(att, 'y', null)).toEqual({ present: false, why: 'arrives at item 2' });
    expect(presenceAt(att, 'y', 2)).toEqual({ present: true });
  });
});

// ---- properties ----------------------------------------------------------------------------

const everyone = () => [...wep.people.keys()];
const attendanceArb = () =>
  fc.record({
    present: fc.subarray(everyone()),
    proxies: fc.array(fc.record({ proxy: fc.constantFrom(...everyone()), for: fc.constantFrom(...everyone()) }), { maxLength: 4 }),
    left: fc.array(fc.record({ person: fc.constantFrom(...everyone()), item: fc.integer({ min: 1, max: 9 }) }), { maxLength: 3 }),
    interests: fc.array(fc.record({ person: fc.constantFrom(...everyone()), item: fc.integer({ min: 1, max: 9 }) }), { maxLength: 3 }),
  });
const item = fc.option(fc.integer({ min: 1, max: 9 }), { nil: undefined });

describe('properties', () => {
  it('every answer, reused or not, is the count worked out in full, at the start and at any item', () => {
    const arrivals = fc.array(fc.record({ person: fc.constantFrom(...everyone()), item: fc.integer({ min: 1, max: 9 }) }), { maxLength: 2 });
    fc.assert(
      fc.property(attendanceArb(), arrivals, fc.boolean(), fc.array(item, { minLength: 1, maxLength: 4 }), (att, arrived, timed, ats) => {
        // half the cases with no arrivals or departures: the room at every item is the start's
        const record: Attendance = timed ? { ...att, arrived } : { ...att, left: [] };
        for (const at of ats) expect(q(record, at)).toEqual(evaluateAfresh(wep, board(), structuredClone(record), at ?? null));
      }),
      { numRuns: 300 },
    );
  });

  it("a body's members are worked out again for a model with other people, and its counts follow them", () => {
    const att: Attendance = { present: ['chair-okafor', 'ph-ahmed'] };
    const before = evaluateQuorum(wep, board(), att);
    const renamed: Model = { ...wep, people: new Map([...wep.people].map(([id, p]) => [id, { ...p, name: `${p.name} (renamed)` }])) };
    const after = evaluateQuorum(renamed, board(), structuredClone(att));
    const names = (r: QuorumResult) => r.rules.flatMap((x) => x.couldFix.map((c) => c.name));
    expect(names(before).length).toBeGreaterThan(0);
    expect(names(before).every((n) => !n.endsWith('(renamed)'))).toBe(true);
    expect(names(after)).toEqual(names(before).map((n) => `${n} (renamed)`));
    expect(after).toEqual(evaluateAfresh(renamed, board(), att, null));
    // a model of another day with the same people (modelOn's days of one span) counts the same
    expect(evaluateQuorum({ ...wep, asOf: '2027-01-04' }, board(), structuredClone(att))).toEqual(before);
  });

  it('adding a present voting member never makes a quorate meeting inquorate', () => {
    const voting = () => board().memberIds.filter((id) => wep.people.get(id)!.voting);
    fc.assert(
      fc.property(attendanceArb(), fc.constantFrom(...voting()), item, (att, extra, at) => {
        // one who withdraws for an interest at this item is not there for it (and their proxy cannot stand in)
        fc.pre(!att.interests.some((i) => i.person === extra && i.item === at));
        const before = q(att, at);
        const after = q({ ...att, present: [...att.present, extra] }, at);
        if (before.quorate) expect(after.quorate).toBe(true);
        for (let i = 0; i < before.rules.length; i++) expect(after.rules[i]!.counted).toBeGreaterThanOrEqual(before.rules[i]!.counted);
      }),
      { numRuns: 300 },
    );
  });

  it('a member and their proxy present together count once', () => {
    const withProxy = () => board().memberIds.filter((id) => wep.people.get(id)!.proxy);
    fc.assert(
      fc.property(fc.subarray(QUORATE), fc.constantFrom(...withProxy()), (present, member) => {
        const proxy = wep.people.get(member)!.proxy!;
        const alone = q({ present: [...present, member] });
        const both = q({ present: [...present, member, proxy] });
        const explicit = q({ present: [...present, member], proxies: [{ proxy, for: member }] });
        expect(both.counted).toEqual(alone.counted);
        expect(explicit.counted).toEqual(alone.counted);
        expect(both.rules.map((r) => r.counted)).toEqual(alone.rules.map((r) => r.counted));
      }),
    );
  });

  it('officers and observers never change the result', () => {
    const officers = ['la-lewis', 'la-morgan', 'op-baker'];
    fc.assert(
      fc.property(attendanceArb(), fc.subarray(officers, { minLength: 1 }), item, (att, extra, at) => {
        const base = { ...att, present: att.present.filter((id) => !officers.includes(id)) };
        const a = q(base, at);
        const b = q({ ...base, present: [...base.present, ...extra] }, at);
        const c = q({ ...base, observers: extra }, at);
        expect(b.quorate).toBe(a.quorate);
        expect(b.counted).toEqual(a.counted);
        expect(c.rules).toEqual(a.rules);
      }),
      { numRuns: 200 },
    );
  });

  it('no one is counted twice, and every counted proxy stands for a different absent voting member', () => {
    fc.assert(
      fc.property(attendanceArb(), item, (att, at) => {
        const r = q(att, at);
        const ids = r.counted.map((c) => c.for ?? c.id);
        expect(new Set(ids).size).toBe(ids.length);
        const people = r.counted.map((c) => c.id);
        expect(new Set(people).size).toBe(people.length); // max-per-proxy is 1 on the example
        for (const c of r.counted) {
          const member = wep.people.get(c.for ?? c.id)!;
          expect(member.voting).toBe(true);
          expect(board().memberIds).toContain(member.id);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('a fraction rule requires at least the exact fraction when rounded up, and never less than its floor', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 200 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 12 }), fc.option(fc.integer({ min: 1, max: 20 }), { nil: undefined }), (base, x, y, floor) => {
        const [a, b] = x <= y ? [x, y] : [y, x];
        const up = fractionRequired(base, `${a}/${b}`, 'up', floor);
        const down = fractionRequired(base, `${a}/${b}`, 'down', floor);
        const near = fractionRequired(base, `${a}/${b}`, 'nearest', floor);
        expect(up * b).toBeGreaterThanOrEqual(Math.max(base * a, (floor ?? 0) * b));
        expect(down).toBeLessThanOrEqual(up);
        expect(near).toBeGreaterThanOrEqual(down);
        expect(near).toBeLessThanOrEqual(up);
        expect(up).toBeGreaterThanOrEqual(floor ?? 0);
      }),
    );
  });
});

describe('one record asked again', () => {
  it('gets the answer a fresh count gives, for each body, item and model apart', () => {
    const att: Attendance = {
      present: ['chair-okafor', 'ph-ahmed', 'ph-brown', 'sh-clarke', 'sh-francis', 'sf-iqbal', 'sf-jones'],
      interests: [{ person: 'sf-jones', item: 3 }],
    };
    const fresh = (m: Model, item?: number) => evaluateQuorum(m, m.bodies.get('partnership')!, structuredClone(att), { item });
    expect(q(att)).toEqual(fresh(wep));
    expect(q(att, 3)).toEqual(fresh(wep, 3));
    expect(q(att, 3).quorate).not.toBe(q(att).quorate);
    expect(q(att)).toBe(q(att)); // counted once
    const other = buildModel(examplePartnership());
    expect(evaluateQuorum(other, other.bodies.get('partnership')!, att)).toEqual(fresh(other));
    const og = wep.bodies.get('operational-group')!;
    expect(evaluateQuorum(wep, og, att)).toEqual(evaluateQuorum(wep, og, structuredClone(att)));
    expect(evaluateQuorum(wep, og, att).body).toBe('operational-group');
  });
});

describe('meetingQuorumByBody', () => {
  const agenda = [{ title: 'Welcome' }, { title: 'Work plan', purpose: 'decision' as const }];
  const attendance: Attendance = { present: [...QUORATE, 'op-baker'], apologies: ['op-cole'] };

  it("gives a joint meeting's quorum for each body by its own rules, the meeting's own body first", () => {
    const each = meetingQuorumByBody(wep, board(), { body: 'partnership', jointWith: ['operational-group'], agenda, attendance }, 'm1');
    expect(each.map((q) => [q.body.id, q.result.quorate])).toEqual([
      ['partnership', true],
      ['operational-group', false],
    ]);
    expect(each[1]!.result.rules[0]).toMatchObject({ required: 2, counted: 1, shortBy: 1 });
    expect(each[1]!.byItem?.map((x) => [x.item, x.title, x.result.quorate])).toEqual([
      [1, 'Welcome', false],
      [2, 'Work plan', false],
    ]);
  });

  it('is the one body for a meeting of one body, and leaves out a joint body the file does not know', () => {
    expect(meetingQuorumByBody(wep, board(), { body: 'partnership', agenda, attendance }, 'm1').map((q) => q.body.id)).toEqual(['partnership']);
    expect(meetingQuorumByBody(wep, board(), { body: 'partnership', jointWith: ['nowhere'], agenda, attendance }, 'm1', 2).map((q) => [q.body.id, q.result.item, q.byItem])).toEqual([['partnership', 2, undefined]]);
  });
});
