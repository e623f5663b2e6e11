import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  buildModel,
  defaultBodyId,
  groupSeats,
  holdsSeat,
  isProxy,
  modelOn,
  resolvePerson,
  selectPeople,
  termState,
  votingMembers,
} from '../../../src/core/model.js';
import { addDays } from '../../../src/core/dates.js';
import { partnershipSchema, type PartnershipFile } from '../../../src/core/partnership-schema.js';
import { examplePartnership } from '../../helpers/example-model.js';

const FILE = examplePartnership();
const m = buildModel(FILE);
const ids = (ps: { id: string }[]) => ps.map((p) => p.id);

describe('people', () => {
  it('defaults: role member, voting by role, proxies resolved both ways', () => {
    expect(resolvePerson({ id: 'a', name: 'A' })).toEqual({
      id: 'a',
      name: 'A',
      role: 'member',
      voting: true,
      proxyFor: [],
      places: [{ index: -1, role: 'member', voting: true }],
      current: [{ index: -1, role: 'member', voting: true }],
      active: true,
    });
    expect(resolvePerson({ id: 'a', name: 'A', role: 'officer' }).voting).toBe(false);
    expect(resolvePerson({ id: 'a', name: 'A', role: 'observer', voting: true }).voting).toBe(true);
    expect(resolvePerson({ id: 'a', name: 'A', role: 'chair', voting: false }).voting).toBe(false);
    expect(m.people.get('px-ahmed')!.proxyFor).toEqual(['ph-ahmed']);
    expect(isProxy(m.people.get('px-ahmed')!)).toBe(true);
    expect(isProxy(m.people.get('ph-ahmed')!)).toBe(false);
    expect(holdsSeat(m.people.get('la-lewis')!)).toBe(true); // officers take a council seat
    expect(holdsSeat(m.people.get('op-baker')!)).toBe(false); // no group
    expect(holdsSeat({ role: 'observer', group: 'primary-heads' })).toBe(false);
  });

  it("a resolved person is a new object, in the entry's key order: the entry is never changed, and a former member has no group or proxy", () => {
    const entry = { id: 'a', name: 'A', email: 'a@example.org', group: 'primary-heads', proxy: 'b', term: { start: '2020-09-01', end: '2024-08-31' } };
    const copy = structuredClone(entry);
    const now = resolvePerson(entry, '2022-01-01');
    const former = resolvePerson(entry, '2025-01-01');
    expect(entry).toEqual(copy);
    expect(now).not.toBe(former);
    expect(Object.keys(now)).toEqual(['id', 'name', 'email', 'term', 'role', 'voting', 'proxyFor', 'places', 'current', 'active', 'group', 'proxy']);
    expect(now).toMatchObject({ group: 'primary-heads', proxy: 'b', active: true });
    expect(former).not.toHaveProperty('group');
    expect(former).not.toHaveProperty('proxy');
    expect(former.active).toBe(false);
    now.proxyFor.push('c');
    expect(former.proxyFor).toEqual([]);
  });

  it('the calendar comes from the file', () => {
    expect(m.calendar.nation).toBe('england-and-wales');
    expect(m.calendar.closures.get('2026-12-24')).toBe('Council offices closed (Christmas Eve)');
    const bare = buildModel({ ...FILE, partnership: { ...FILE.partnership, calendar: undefined } });
    expect(bare.calendar.nation).toBe('england-and-wales');
    expect(bare.calendar.closures.size).toBe(0);
  });
});

describe('bodies', () => {
  it('the Partnership board: every seated member, no proxies; seats from the groups', () => {
    const b = m.bodies.get('partnership')!;
    expect(b.memberIds).toHaveLength(15);
    expect(b.memberIds).not.toContain('px-ahmed');
    expect(b.memberIds).toContain('chair-okafor');
    expect(b.totalSeats).toBe(16);
    expect(b.groupIds).toEqual(['independent', 'primary-heads', 'secondary-heads', 'special-schools', 'foundry', 'schools-forum', 'mat-executive-heads', 'local-authority']);
    expect(b.maxPerProxy).toBe(1);
    expect(b.proxiesAllowed).toBe(true);
    expect(ids(votingMembers(m, b))).not.toContain('la-lewis');
    expect(votingMembers(m, b)).toHaveLength(13);
  });

  it('the Operational Group: named people, seats for its voters', () => {
    const b = m.bodies.get('operational-group')!;
    expect(b.memberIds).toEqual(['la-morgan', 'op-baker', 'op-cole', 'op-dunn']);
    // the council officer votes here (an appointment to the body), though not on the board
    expect(b.sittings.get('la-morgan')).toMatchObject({ role: 'chair', voting: true });
    expect(m.bodies.get('partnership')!.sittings.get('la-morgan')).toMatchObject({ role: 'officer', voting: false, group: 'local-authority' });
    expect(b.totalSeats).toBe(4);
    expect(defaultBodyId(m)).toBe('partnership');
    const noBoard: PartnershipFile = { ...FILE, bodies: FILE.bodies.filter((x) => x.id !== 'partnership') };
    expect(defaultBodyId(buildModel(noBoard))).toBe('operational-group');
  });

  it('a body that includes itself adds no one and does not loop', () => {
    const self: PartnershipFile = {
      ...FILE,
      bodies: [...FILE.bodies, { ...FILE.bodies[1]!, id: 'loop', members: [{ bodies: ['loop'] }, { people: ['op-cole'] }] }],
    };
    expect(buildModel(self).bodies.get('loop')!.memberIds).toEqual(['op-cole']);
  });
});

describe('selectors', () => {
  it('fields AND together, selectors OR together, exclusions subtract', () => {
    expect(ids(selectPeople(m, [{ roles: ['officer'] }]))).toEqual(['la-lewis', 'la-morgan']);
    expect(ids(selectPeople(m, [{ groups: ['schools-forum'], people: ['sf-jones', 'ph-ahmed'] }]))).toEqual(['sf-jones']);
    expect(ids(selectPeople(m, [{ groups: ['foundry'] }, { people: ['op-dunn'] }]))).toEqual(['fc-hughes', 'op-dunn']);
    expect(selectPeople(m, [{ proxies: true }])).toHaveLength(12);
    expect(ids(selectPeople(m, [{ groups: ['schools-forum'] }], [{ people: ['sf-kaur'] }]))).toEqual(['sf-iqbal', 'sf-jones']);
    expect(ids(selectPeople(m, [{ bodies: ['operational-group'] }]))).toEqual(['la-morgan', 'op-baker', 'op-cole', 'op-dunn']);
  });

  it('school filters select the people of matching schools', () => {
    const f: PartnershipFile = {
      ...FILE,
      clusters: [{ id: 'north', name: 'North' }],
      schools: [
        { id: 'oakwood', name: 'Oakwood Primary', phase: 'primary', type: 'academy', cluster: 'north', head: 'ph-ahmed' },
        { id: 'forest', name: 'Forest Academy', phase: 'secondary', type: 'academy', head: 'sh-clarke' },
      ],
      people: FILE.people.map((p) => (p.id === 'ph-ahmed' ? { ...p, school: 'oakwood' } : p.id === 'sh-clarke' ? { ...p, school: 'forest' } : p)),
    };
    const mm = buildModel(f);
    expect(ids(selectPeople(mm, [{ schools: { type: ['academy'] } }]))).toEqual(['ph-ahmed', 'sh-clarke']);
    expect(ids(selectPeople(mm, [{ schools: { phase: ['primary'] } }]))).toEqual(['ph-ahmed']);
    expect(ids(selectPeople(mm, [{ schools: { cluster: ['north'] } }]))).toEqual(['ph-ahmed']);
    expect(ids(selectPeople(mm, [{ schools: { phase: ['special'] } }]))).toEqual([]);
  });

  it('a person linked to a school by "school:" is selected only with who: all, the head by default', () => {
    const f: PartnershipFile = {
      ...FILE,
      schools: [{ id: 'oakwood', name: 'Oakwood Primary', phase: 'primary', type: 'academy', head: 'ph-ahmed' }],
      people: FILE.people.map((p) => (p.id === 'ph-ahmed' || p.id === 'ph-brown' ? { ...p, school: 'oakwood' } : p)),
    };
    const mm = buildModel(f);
    expect(ids(selectPeople(mm, [{ schools: {} }]))).toEqual(['ph-ahmed']);
    expect(ids(selectPeople(mm, [{ schools: { who: 'all' } }]))).toEqual(['ph-ahmed', 'ph-brown']);
  });
});

describe('seats and terms', () => {
  it('counts seats per group', () => {
    expect(groupSeats(m, 'mat-executive-heads')).toEqual({ seats: 1, filled: [], vacant: 1 });
    const ph = groupSeats(m, 'primary-heads');
    expect([ph.seats, ph.filled.length, ph.vacant]).toEqual([4, 4, 0]);
    expect(groupSeats(m, 'nope')).toEqual({ seats: 0, filled: [], vacant: 0 });
  });

  it('term states', () => {
    const p = (start?: string, end?: string) => ({ id: 'x', name: 'X', term: { start, end } });
    expect(termState({ id: 'x', name: 'X' }, '2026-11-22')).toBe('none');
    expect(termState(p('2027-01-01', '2029-01-01'), '2026-11-22')).toBe('not-started');
    expect(termState(p('2024-01-01', '2026-11-21'), '2026-11-22')).toBe('expired');
    expect(termState(p('2024-01-01', '2026-11-22'), '2026-11-22')).toBe('ending-soon');
    expect(termState(p('2024-01-01', '2027-01-21'), '2026-11-22')).toBe('ending-soon');
    expect(termState(p('2024-01-01', '2027-01-22'), '2026-11-22')).toBe('current');
    expect(termState(p('2024-01-01'), '2026-11-22')).toBe('current');
    expect(termState(p('2024-01-01', '2027-01-21'), '2026-11-22', 30)).toBe('current');
  });
});

describe('modelOn: one build for each span in which no place begins or ends', () => {
  const file = examplePartnership();
  const base = buildModel(file);
  /** What a model says about people and bodies, as plain data. */
  const view = (m: ReturnType<typeof buildModel>) => ({
    people: [...m.people.values()].map((p) => ({ id: p.id, current: p.current, group: p.group, proxyFor: p.proxyFor, active: p.active })),
    bodies: [...m.bodies.values()].map((b) => ({ id: b.id, memberIds: b.memberIds, sittings: [...b.sittings], standsFor: [...b.standsFor], totalSeats: b.totalSeats, votingSeats: b.votingSeats, schoolIds: b.schoolIds })),
    asOf: m.asOf,
  });
  // every day on which a place begins or ends, the days either side, and some ordinary days
  const edges = file.people!.flatMap((p) => [p.term?.start, p.term?.end, ...(p.appointments ?? []).flatMap((a) => [a.from, a.to])]).filter((d): d is string => !!d);
  const days = [...new Set(edges.flatMap((d) => [addDays(d, -1), d, addDays(d, 1)]).concat(['2019-01-01', '2026-11-22', '2031-06-30']))];

  it('gives on every day the model a build for that day gives', () => {
    expect(edges.length).toBeGreaterThan(5);
    for (const day of days) expect(view(modelOn(base, day))).toEqual(view(buildModel(file, day)));
  });

  it('and in any order the days are asked for', () => {
    fc.assert(
      fc.property(fc.shuffledSubarray(days, { minLength: 1 }), (asked) => {
        const fresh = buildModel(file);
        for (const day of asked) expect(view(modelOn(fresh, day))).toEqual(view(buildModel(file, day)));
      }),
      { numRuns: 30 },
    );
  });
});
