import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildModel, selectPeople, type Model } from '../../../src/core/model.js';
import type { PartnershipFile, School } from '../../../src/core/partnership-schema.js';
import { evaluateQuorum, fractionRequired } from '../../../src/core/quorum.js';
import { bodySchoolIds, isChurchSchool, personMatchesSchools, representedSchools, sameText, schoolMatches, schoolsOf } from '../../../src/core/schools.js';

const BASE = { partnership: { name: 'P', short: 'P', clerk: { name: 'C', email: 'c@example.org' } }, groups: [{ id: 'g', name: 'G', seats: 0 }] };
const RULES = { notice: { kind: 'working-days' as const, days: 5 }, minutes: { kind: 'working-days' as const, days: 10 } };
const ids = (xs: { id: string }[]) => xs.map((x) => x.id);

const school = (id: string, extra: Partial<School> = {}): School => ({ id, name: `${id} school`, phase: 'primary', type: 'community', ...extra });

describe('church schools', () => {
  it.each([
    ['Church of England', true],
    ['Roman Catholic', true],
    ['Church of England/Methodist', true],
    ['Catholic', true],
    ['Christian', true],
    ['Methodist', true],
    ['Greek Orthodox', true],
    ['Seventh Day Adventist', true],
    ['Quaker', true],
    ['Jewish', false],
    ['Muslim', false],
    ['Sikh', false],
    ['Hindu', false],
    ['Multi-faith', false],
    ['Christian Science', false],
    [undefined, false],
  ])('%s: %s', (rc, church) => {
    expect(isChurchSchool({ religiousCharacter: rc })).toBe(church);
  });

  it('a church academy is a church school; a voluntary-aided school with no religious character recorded is not', () => {
    expect(schoolMatches(school('a', { type: 'academy', religiousCharacter: 'Church of England' }), { church: true })).toBe(true);
    expect(schoolMatches(school('b', { type: 'voluntary-aided' }), { church: true })).toBe(false);
    expect(schoolMatches(school('b', { type: 'voluntary-aided' }), { church: false })).toBe(true);
  });
});

describe('schoolMatches', () => {
  const s = school('oak', { phase: 'middle', type: 'academy', cluster: 'north', groupings: ['tsa'], trust: 'Ivel Learning Trust', religiousCharacter: 'Roman Catholic' });
  it.each([
    [{}, true],
    [{ phase: ['middle' as const] }, true],
    [{ phase: ['lower' as const, 'upper' as const] }, false],
    [{ type: ['academy' as const] }, true],
    [{ type: ['community' as const] }, false],
    [{ cluster: ['north'] }, true],
    [{ cluster: ['south'] }, false],
    [{ grouping: ['tsa'] }, true],
    [{ grouping: ['north'] }, true], // a cluster is a grouping
    [{ grouping: ['other'] }, false],
    [{ trust: ['ivel learning  trust'] }, true],
    [{ trust: ['Ivel Trust'] }, false],
    [{ religiousCharacter: ['roman catholic'] }, true],
    [{ religiousCharacter: ['Church of England'] }, false],
    [{ church: true }, true],
    [{ phase: ['middle' as const], trust: ['Other Trust'] }, false],
  ])('%j -> %s', (f, ok) => {
    expect(schoolMatches(s, f)).toBe(ok);
  });

  it('never matches a closed school', () => {
    expect(schoolMatches({ ...s, status: 'closed' }, {})).toBe(false);
    expect(schoolMatches({ ...s, status: 'open' }, {})).toBe(true);
  });

  it('sameText ignores case, spacing and curly apostrophes', () => {
    expect(sameText('St Mary\u2019s  Trust ', "st mary's trust")).toBe(true);
    expect(sameText('A', 'B')).toBe(false);
  });
});

/** Two schools: head, deputy and governor of oak; the head of elm is also executive head of ash. */
function register(): Model {
  const file = {
    ...BASE,
    schools: [school('oak', { head: 'h-oak', cluster: 'c' }), school('elm', { head: 'h-elm', cluster: 'c', type: 'academy' }), school('ash', { head: 'h-elm', cluster: 'd' }), school('old', { head: 'h-old', cluster: 'c', status: 'closed' })],
    clusters: [
      { id: 'c', name: 'C' },
      { id: 'd', name: 'D' },
    ],
    people: [
      { id: 'h-oak', name: 'Head Oak', school: 'oak', proxy: 'px-oak' },
      { id: 'd-oak', name: 'Deputy Oak', school: 'oak' },
      { id: 'g-oak', name: 'Governor Oak', school: 'oak', role: 'observer' as const },
      { id: 'px-oak', name: 'Proxy Oak', role: 'proxy' as const, school: 'oak' },
      { id: 'h-elm', name: 'Head Elm', school: 'elm' },
      { id: 'h-old', name: 'Head Old' },
      { id: 'chair', name: 'Chair' },
    ],
    bodies: [
      { id: 'heads', name: 'Heads', members: [{ schools: { cluster: ['c'] } }], ...RULES, quorum: [{ kind: 'schools-represented' as const, fraction: '1/2' }] },
      { id: 'all', name: 'All', members: [{ schools: { cluster: ['c'], who: 'all' as const } }], ...RULES, quorum: [{ kind: 'schools-represented' as const, min: 2 }] },
      { id: 'named', name: 'Named', members: [{ people: ['h-oak', 'chair'] }], ...RULES },
    ],
  } as unknown as PartnershipFile;
  return buildModel(file);
}

describe('selectors by school', () => {
  const m = register();
  it('pick the head of each matching school by default, and everyone linked with who: all', () => {
    expect(ids(selectPeople(m, [{ schools: {} }]))).toEqual(['h-oak', 'h-elm']);
    expect(ids(selectPeople(m, [{ schools: { who: 'all' } }]))).toEqual(['h-oak', 'd-oak', 'g-oak', 'px-oak', 'h-elm']);
    expect(ids(selectPeople(m, [{ schools: { cluster: ['d'] } }]))).toEqual(['h-elm']); // executive head of ash
    expect(ids(selectPeople(m, [{ schools: { type: ['academy'] } }]))).toEqual(['h-elm']);
  });

  it('a closed school\'s head is on no list', () => {
    expect(personMatchesSchools(m, m.people.get('h-old')!, {})).toBe(false);
  });

  it('a body by school holds heads only: deputies and governors are not members, and proxies never are', () => {
    expect(m.bodies.get('heads')!.memberIds).toEqual(['h-oak', 'h-elm']);
    expect(m.bodies.get('all')!.memberIds).toEqual(['h-oak', 'd-oak', 'g-oak', 'h-elm']);
  });

  it("a body's schools: those its selectors name by school (open ones), and its voting members' schools", () => {
    expect(m.bodies.get('heads')!.schoolIds).toEqual(['oak', 'elm']);
    // h-elm heads ash too, in cluster d, so on a cluster-c body ash is one of the schools
    expect(bodySchoolIds(m, { members: [{ people: ['h-elm'] }], memberIds: ['h-elm'] })).toEqual(['elm', 'ash']);
    expect(m.bodies.get('named')!.schoolIds).toEqual(['oak']);
  });

  it('schoolsOf: the schools a person heads first, then their own school', () => {
    expect(schoolsOf(m, 'h-elm')).toEqual(['elm', 'ash']);
    expect(schoolsOf(m, 'd-oak')).toEqual(['oak']);
    expect(schoolsOf(m, 'chair')).toEqual([]);
  });
});

describe('quorum: schools-represented', () => {
  const m = register();
  const q = (body: string, present: string[], proxies: { proxy: string; for: string }[] = []) => evaluateQuorum(m, m.bodies.get(body)!, { present, proxies });

  it('counts a school once however many of its people come', () => {
    const r = q('all', ['h-oak', 'd-oak']);
    expect(r.rules[0]).toMatchObject({ kind: 'schools-represented', required: 2, counted: 1, met: false, shortBy: 1, countedIds: ['h-oak', 'd-oak'] });
    expect(r.rules[0]!.schools).toEqual({ total: 2, represented: [{ school: 'oak', by: ['h-oak', 'd-oak'] }], notRepresented: ['elm'] });
    expect(r.rules[0]!.couldFix).toEqual([{ id: 'h-elm', name: 'Head Elm', via: 'member' }]);
    expect(q('all', ['d-oak', 'h-elm']).quorate).toBe(true);
  });

  it('a non-voting person linked to a school does not represent it', () => {
    const r = q('all', ['g-oak']);
    expect(r.rules[0]!.counted).toBe(0);
    expect(r.notCounted).toEqual([{ id: 'g-oak', reason: 'does not vote (observer)' }]);
  });

  it("a proxy represents the school of the member they stand for, and only while the member is away", () => {
    const r = q('heads', ['px-oak']);
    expect(r.rules[0]).toMatchObject({ description: '1/2 of 2 schools represented, rounded up', required: 1, counted: 1, met: true });
    expect(r.rules[0]!.schools!.represented).toEqual([{ school: 'oak', by: ['px-oak'] }]);
    const both = q('heads', ['h-oak', 'px-oak']);
    expect(both.rules[0]!.schools!.represented).toEqual([{ school: 'oak', by: ['h-oak'] }]);
  });

  it('someone from outside the body represents no school', () => {
    const r = q('heads', ['d-oak']);
    expect(r.rules[0]!.counted).toBe(0);
    expect(r.quorate).toBe(false);
    expect(r.rules[0]!.couldFix.map((f) => f.id)).toEqual(['h-oak', 'px-oak', 'h-elm']);
  });

  it('the Central Bedfordshire case: 13 of 28 schools plus a governor and a deputy of two of them is 13, not 15', () => {
    const schools = Array.from({ length: 28 }, (_, i) => school(`s${i}`, { head: `h${i}`, cluster: 'c' }));
    const people = [
      ...schools.map((s, i) => ({ id: `h${i}`, name: `Head ${i}`, school: s.id })),
      { id: 'gov0', name: 'Governor 0', school: 's0' },
      { id: 'dep1', name: 'Deputy 1', school: 's1' },
    ];
    const file = {
      ...BASE,
      clusters: [{ id: 'c', name: 'C' }],
      schools,
      people,
      bodies: [{ id: 'cluster', name: 'Cluster', members: [{ schools: { cluster: ['c'], who: 'all' } }], ...RULES, quorum: [{ kind: 'schools-represented', fraction: '1/2' }] }],
    } as unknown as PartnershipFile;
    const cm = buildModel(file);
    const present = [...Array.from({ length: 13 }, (_, i) => `h${i}`), 'gov0', 'dep1'];
    const r = evaluateQuorum(cm, cm.bodies.get('cluster')!, { present });
    expect(r.counted).toHaveLength(15); // fifteen people count as voting members ...
    expect(r.rules[0]).toMatchObject({ required: 14, counted: 13, met: false, shortBy: 1 }); // ... but thirteen schools
    expect(r.rules[0]!.schools!.notRepresented).toHaveLength(15);
  });

  it('min, and a fraction with a floor', () => {
    const file = {
      ...BASE,
      schools: [school('a', { head: 'ha' }), school('b', { head: 'hb' }), school('c', { head: 'hc' }), school('d', { head: 'hd' })],
      people: ['ha', 'hb', 'hc', 'hd'].map((id) => ({ id, name: id })),
      bodies: [
        { id: 'x', name: 'X', members: [{ schools: {} }], ...RULES, quorum: [{ kind: 'schools-represented', fraction: '1/4', neverFewerThan: 3 }] },
        { id: 'y', name: 'Y', members: [{ schools: {} }], ...RULES, quorum: [{ kind: 'schools-represented', min: 2 }] },
      ],
    } as unknown as PartnershipFile;
    const cm = buildModel(file);
    const x = evaluateQuorum(cm, cm.bodies.get('x')!, { present: ['ha', 'hb'] });
    expect(x.rules[0]).toMatchObject({ description: '1/4 of 4 schools represented, rounded up, never fewer than 3', required: 3, counted: 2, met: false });
    const y = evaluateQuorum(cm, cm.bodies.get('y')!, { present: ['ha', 'hb'] });
    expect(y.rules[0]).toMatchObject({ description: 'at least 2 schools represented', required: 2, counted: 2, met: true });
  });

  it('a rule with neither min nor fraction is skipped with a warning', () => {
    const file = { ...BASE, schools: [school('a', { head: 'ha' })], people: [{ id: 'ha', name: 'HA' }], bodies: [{ id: 'x', name: 'X', members: [{ schools: {} }], ...RULES, quorum: [{ kind: 'schools-represented' }] }] } as unknown as PartnershipFile;
    const cm = buildModel(file);
    const r = evaluateQuorum(cm, cm.bodies.get('x')!, { present: [] });
    expect(r.rules).toEqual([]);
    expect(r.warnings).toEqual(['a "schools-represented" quorum rule of X gives neither "min:" nor "fraction:", so it was skipped']);
  });
});

describe('schools-represented, property tests', () => {
  /** n schools; each has a head and up to two more voting representatives linked by school:. */
  const arb = fc.record({
    n: fc.integer({ min: 1, max: 12 }),
    extra: fc.array(fc.integer({ min: 0, max: 2 }), { minLength: 12, maxLength: 12 }),
    present: fc.array(fc.boolean(), { minLength: 36, maxLength: 36 }),
    fraction: fc.constantFrom('1/2', '1/3', '2/3', '3/4', '1/1'),
  });
  const build = ({ n, extra, fraction }: { n: number; extra: number[]; fraction: string }) => {
    const schools = Array.from({ length: n }, (_, i) => school(`s${i}`, { head: `s${i}-0` }));
    const people = schools.flatMap((s, i) => Array.from({ length: 1 + extra[i]! }, (_, k) => ({ id: `s${i}-${k}`, name: `P ${i} ${k}`, school: s.id })));
    const file = { ...BASE, schools, people, bodies: [{ id: 'b', name: 'B', members: [{ schools: { who: 'all' } }], ...RULES, quorum: [{ kind: 'schools-represented', fraction }] }] } as unknown as PartnershipFile;
    return { model: buildModel(file), people: people.map((p) => p.id) };
  };

  it('counts the distinct schools of the people present, and requires the fraction of all the schools', () => {
    fc.assert(
      fc.property(arb, (c) => {
        const { model, people } = build(c);
        const present = people.filter((_, i) => c.present[i]);
        const r = evaluateQuorum(model, model.bodies.get('b')!, { present }).rules[0]!;
        const schools = new Set(present.map((id) => id.split('-')[0]));
        expect(r.counted).toBe(schools.size);
        expect(r.required).toBe(fractionRequired(c.n, c.fraction, 'up'));
        expect(r.met).toBe(schools.size >= r.required);
        expect(r.schools!.represented.length + r.schools!.notRepresented.length).toBe(c.n);
      }),
    );
  });

  it('a second person from a school already represented changes nothing; a person from an unrepresented school adds one', () => {
    fc.assert(
      fc.property(arb, fc.nat(), (c, pick) => {
        const { model, people } = build(c);
        const present = people.filter((_, i) => c.present[i]);
        const absent = people.filter((id) => !present.includes(id));
        fc.pre(absent.length > 0);
        const body = model.bodies.get('b')!;
        const before = evaluateQuorum(model, body, { present }).rules[0]!;
        const added = absent[pick % absent.length]!;
        const after = evaluateQuorum(model, body, { present: [...present, added] }).rules[0]!;
        const already = present.some((id) => id.split('-')[0] === added.split('-')[0]);
        expect(after.counted).toBe(before.counted + (already ? 0 : 1));
      }),
    );
  });

  it('representedSchools is the same whatever the order people are counted in', () => {
    fc.assert(
      fc.property(arb, (c) => {
        const { model, people } = build(c);
        const counted = people.filter((_, i) => c.present[i]).map((id) => ({ id, as: 'member' as const }));
        const body = model.bodies.get('b')!;
        const a = representedSchools(model, body, counted);
        const b = representedSchools(model, body, [...counted].reverse());
        expect(b.represented.map((x) => x.school)).toEqual(a.represented.map((x) => x.school));
        expect(b.notRepresented).toEqual(a.notRepresented);
      }),
    );
  });
});
