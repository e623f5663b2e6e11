/**
 * Proxies and substitutes through time: the rules of core/stand-ins.ts, the quorum engine that
 * applies them, and membership as of a day (core/model.ts). Property tests over random
 * partnerships with appointments that start and end, and random attendance records.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Attendance } from '../../../src/core/meeting-schema.js';
import { buildModel, isCurrent, modelOn, vacanciesOn, type Model } from '../../../src/core/model.js';
import type { PartnershipFile } from '../../../src/core/partnership-schema.js';
import { evaluateQuorum } from '../../../src/core/quorum.js';
import { judgeClaims, refuseClaim, STAND_IN_RULES } from '../../../src/core/stand-ins.js';

const DAYS = ['2025-09-01', '2026-01-01', '2026-06-30', '2026-09-01', '2027-01-01', '2027-08-31'] as const;

interface Spec {
  /** Per member: group (0 or 1), from/to indexes into DAYS (to < from means open-ended), whether they have a proxy. */
  members: { group: 0 | 1; from: number; to: number; proxy: boolean }[];
  substitutes: boolean;
  maxPerProxy: number;
}

function fileOf(spec: Spec): PartnershipFile {
  const people: PartnershipFile['people'] = [];
  spec.members.forEach((m, i) => {
    const appointment: NonNullable<PartnershipFile['people'][number]['appointments']>[number] = { group: m.group === 0 ? 'ga' : 'gb', from: DAYS[m.from]! };
    if (m.to >= m.from) appointment.to = DAYS[m.to]!;
    if (m.proxy) appointment.proxy = `p${i}`;
    people.push({ id: `m${i}`, name: `Member ${i}`, appointments: [appointment] });
    if (m.proxy) people.push({ id: `p${i}`, name: `Proxy ${i}`, role: 'proxy' });
  });
  // Two people of each group without a seat, who may be sent as substitutes.
  people.push({ id: 'sa', name: 'Sub A', group: 'ga', role: 'proxy' }, { id: 'sb', name: 'Sub B', group: 'gb', role: 'proxy' });
  return {
    partnership: { name: 'T', short: 'T', clerk: { name: 'C', email: 'c@example.org' } },
    groups: [
      { id: 'ga', name: 'Group A', seats: 20 },
      { id: 'gb', name: 'Group B', seats: 20 },
    ],
    people,
    bodies: [
      {
        id: 'board',
        name: 'Board',
        members: [{ groups: ['ga', 'gb'] }],
        notice: { kind: 'working-days', days: 7 },
        minutes: { kind: 'working-days', days: 7 },
        quorum: [{ kind: 'per-group', groups: ['ga', 'gb'], min: 2 }],
        proxies: { maxPerProxy: spec.maxPerProxy },
        substitutes: { allowed: spec.substitutes },
      },
    ],
  };
}

const specArb: fc.Arbitrary<Spec> = fc.record({
  members: fc.array(
    fc.record({ group: fc.constantFrom(0 as const, 1 as const), from: fc.integer({ min: 0, max: 5 }), to: fc.integer({ min: 0, max: 5 }), proxy: fc.boolean() }),
    { minLength: 1, maxLength: 8 },
  ),
  substitutes: fc.boolean(),
  maxPerProxy: fc.integer({ min: 1, max: 2 }),
});

/** Ids anyone could write in a record: members, proxies, substitutes, and a stranger. */
const idsOf = (spec: Spec) => [...spec.members.flatMap((m, i) => [`m${i}`, ...(m.proxy ? [`p${i}`] : [])]), 'sa', 'sb', 'stranger'];

const caseArb = specArb.chain((spec) => {
  const ids = idsOf(spec);
  const members = spec.members.map((_, i) => `m${i}`);
  return fc.record({
    spec: fc.constant(spec),
    day: fc.constantFrom(...DAYS, '2026-03-15', '2027-12-01'),
    present: fc.subarray(ids),
    proxies: fc.array(fc.record({ proxy: fc.constantFrom(...ids), for: fc.constantFrom(...members), as: fc.constantFrom('proxy' as const, 'substitute' as const) }), { maxLength: 6 }),
    seed: fc.integer(),
  });
});

function shuffle<T>(xs: readonly T[], seed: number): T[] {
  const out = [...xs];
  let s = seed >>> 0 || 1;
  for (let i = out.length - 1; i > 0; i--) {
    s = (s * 1103515245 + 12345) >>> 0;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

const quorumOn = (model: Model, day: string, att: Attendance) => {
  const on = modelOn(model, day);
  return evaluateQuorum(on, on.bodies.get('board')!, att);
};

describe('stand-ins: properties', () => {
  it('order never matters: shuffling the record gives the same count and the same verdict', () => {
    fc.assert(
      fc.property(caseArb, ({ spec, day, present, proxies, seed }) => {
        const model = buildModel(fileOf(spec));
        const a = quorumOn(model, day, { present, proxies });
        const b = quorumOn(buildModel(fileOf(spec)), day, { present: shuffle(present, seed), proxies: shuffle(proxies, seed + 1) });
        const key = (r: typeof a) => r.counted.map((c) => `${c.id}>${c.for ?? ''}:${c.as}:${c.group ?? ''}`).sort();
        expect(key(b)).toEqual(key(a));
        expect(b.quorate).toBe(a.quorate);
        expect(b.rules.map((r) => r.counted)).toEqual(a.rules.map((r) => r.counted));
      }),
      { numRuns: 300 },
    );
  });

  it('a proxy never counts twice: no one is counted twice, and no member beside their own stand-in', () => {
    fc.assert(
      fc.property(caseArb, ({ spec, day, present, proxies }) => {
        const r = quorumOn(buildModel(fileOf(spec)), day, { present, proxies });
        const ids = r.counted.map((c) => c.id);
        expect(new Set(ids).size).toBe(ids.length);
        const standsFor = r.counted.filter((c) => c.as !== 'member').map((c) => c.for!);
        expect(new Set(standsFor).size).toBe(standsFor.length);
        for (const m of standsFor) expect(ids).not.toContain(m);
        for (const c of r.counted.filter((x) => x.as !== 'member')) expect(present).not.toContain(c.for);
      }),
      { numRuns: 300 },
    );
  });

  it('nothing counts after its appointment ends (or before it starts)', () => {
    fc.assert(
      fc.property(caseArb, ({ spec, day, present, proxies }) => {
        const r = quorumOn(buildModel(fileOf(spec)), day, { present, proxies });
        for (const c of r.counted) {
          const member = Number((c.for ?? c.id).slice(1));
          const m = spec.members[member]!;
          const place = { from: DAYS[m.from], ...(m.to >= m.from ? { to: DAYS[m.to] } : {}) };
          expect(isCurrent(place, day), `${c.id} counted on ${day}`).toBe(true);
          // a stand-in counts for the member's own group only
          expect(c.group).toBe(m.group === 0 ? 'ga' : 'gb');
          if (c.as === 'proxy') expect(c.id).toBe(`p${member}`);
          if (c.as === 'substitute') expect(c.id).toBe(m.group === 0 ? 'sa' : 'sb');
        }
      }),
      { numRuns: 300 },
    );
  });

  it('judging claims is independent of their order, and every refusal names a known rule', () => {
    fc.assert(
      fc.property(caseArb, ({ spec, day, present, proxies, seed }) => {
        const on = modelOn(buildModel(fileOf(spec)), day);
        const body = on.bodies.get('board')!;
        const a = judgeClaims(on, body, proxies, new Set(present));
        const b = judgeClaims(on, body, shuffle(proxies, seed), new Set(present));
        const key = (j: typeof a) => j.accepted.map((c) => `${c.proxy}>${c.for}:${c.as}`);
        expect(key(b)).toEqual(key(a));
        const refusals = (j: typeof a) => j.refused.map((x) => `${x.claim.proxy}>${x.claim.for}:${x.claim.as}:${x.refusal.rule}`).sort();
        expect(refusals(b)).toEqual(refusals(a));
        for (const x of a.refused) expect(Object.keys(STAND_IN_RULES)).toContain(x.refusal.rule);
      }),
      { numRuns: 300 },
    );
  });
});

describe('stand-ins: rules', () => {
  const spec: Spec = {
    members: [
      { group: 0, from: 0, to: 5, proxy: true },
      { group: 0, from: 0, to: 2, proxy: true }, // ends 30 June 2026
      { group: 1, from: 0, to: 5, proxy: false },
    ],
    substitutes: true,
    maxPerProxy: 1,
  };
  const model = buildModel(fileOf(spec));
  const on = (day: string) => {
    const m = modelOn(model, day);
    return { m, body: m.bodies.get('board')! };
  };

  it('a proxy of a member who has left counts no more; the seat falls vacant the day after', () => {
    const before = on('2026-06-30');
    expect(before.body.memberIds).toContain('m1');
    expect(refuseClaim(before.m, before.body, { proxy: 'p1', for: 'm1' })).toBeUndefined();
    const after = on('2026-07-01');
    expect(after.body.memberIds).not.toContain('m1');
    expect(refuseClaim(after.m, after.body, { proxy: 'p1', for: 'm1' })).toEqual({ rule: 'voting-member', reason: 'Member 1 (m1) is not a member of Board on 2026-07-01' });
    expect(quorumOn(model, '2026-07-01', { present: ['p1'] }).counted).toEqual([]);
    const vs = vacanciesOn(after.m, 'ga', '2026-07-01');
    expect(vs).toHaveLength(19); // 20 seats, m0 holds one
    expect(vs.filter((v) => v.since !== null)).toEqual([{ group: 'ga', since: '2026-07-01', lastHeldBy: 'm1', filledBy: 'elected' }]);
    expect(vacanciesOn(before.m, 'ga', '2026-06-30').every((v) => v.since === null)).toBe(true);
  });

  it('a substitute comes from the member\'s own group; a member without an appointed proxy has none', () => {
    const { m, body } = on('2026-03-15');
    expect(refuseClaim(m, body, { proxy: 'sb', for: 'm0', as: 'substitute' })?.rule).toBe('own-group');
    expect(refuseClaim(m, body, { proxy: 'sa', for: 'm0', as: 'substitute' })).toBeUndefined();
    expect(refuseClaim(m, body, { proxy: 'p0', for: 'm2' })).toEqual({
      rule: 'appointed-proxy',
      reason: "Proxy 0 (p0) is not Member 2 (m2)'s appointed proxy on Board (Member 2 (m2) has appointed no proxy); record them as a substitute instead",
    });
    const noSubs = buildModel(fileOf({ ...spec, substitutes: false }));
    const n = modelOn(noSubs, '2026-03-15');
    expect(refuseClaim(n, n.bodies.get('board')!, { proxy: 'sa', for: 'm0', as: 'substitute' })?.rule).toBe('substitutes-allowed');
  });

  it('two valid claims for one member are both refused; so are more claims on one person than the body allows', () => {
    const { m, body } = on('2026-03-15');
    const j = judgeClaims(m, body, [{ proxy: 'p0', for: 'm0' }, { proxy: 'sa', for: 'm0', as: 'substitute' }], new Set());
    expect(j.accepted).toEqual([]);
    expect(j.refused.map((x) => x.refusal.rule)).toEqual(['one-per-member', 'one-per-member']);
    const k = judgeClaims(m, body, [{ proxy: 'sa', for: 'm0', as: 'substitute' }, { proxy: 'sa', for: 'm1', as: 'substitute' }], new Set());
    expect(k.accepted).toEqual([]);
    expect(k.refused.map((x) => x.refusal.rule)).toEqual(['max-per-proxy', 'max-per-proxy']);
  });
});
