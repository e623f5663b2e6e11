import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { attendanceRate, attendanceReport, markOf } from '../../../src/core/attendance-report.js';
import type { Attendance, MeetingFile } from '../../../src/core/meeting-schema.js';
import { buildModel, type Model } from '../../../src/core/model.js';
import type { PartnershipFile } from '../../../src/core/partnership-schema.js';
import { examplePartnership } from '../../helpers/example-model.js';
import { ROOT } from '../../helpers/wep.js';

let model: Model;
beforeAll(async () => {
  const file = examplePartnership();
  model = buildModel(file!);
});
const m = (date: string, attendance?: MeetingFile['attendance'], over: Partial<MeetingFile> = {}): MeetingFile => ({ body: 'partnership', date, start: '16:00', agenda: [], ...(attendance ? { attendance } : {}), ...over });

describe('markOf', () => {
  it('present beats proxy beats apologies beats absent', () => {
    const a = { present: ['x'], proxies: [{ proxy: 'p', for: 'y' }], apologies: ['y', 'z'], arrived: [{ person: 'w', item: 3 }] };
    expect(['x', 'y', 'z', 'w', 'v'].map((id) => markOf(a, id))).toEqual(['present', 'proxy', 'apologies', 'present', 'absent']);
  });
});

describe('attendanceReport', () => {
  const meetings = () => [
    { id: '2026-03-05-partnership', meeting: m('2026-03-05', { present: ['ph-ahmed', 'sh-clarke'], apologies: ['ph-brown'], proxies: [{ proxy: 'px-evans', for: 'sh-evans' }] }) },
    { id: '2026-07-09-partnership', meeting: m('2026-07-09', { present: ['ph-ahmed', 'ph-brown'] }) },
    { id: '2026-10-08-partnership', meeting: m('2026-10-08') },
    { id: '2026-11-01-partnership', meeting: m('2026-11-01', { present: ['ph-ahmed'] }, { cancelled: { reason: 'snow' } }) },
    { id: '2027-01-14-partnership', meeting: m('2027-01-14', { present: ['ph-ahmed'] }) },
  ];

  it('counts per member within the range, leaving out cancelled meetings and noting unrecorded ones', () => {
    const r = attendanceReport(model, meetings(), { from: '2026-01-01', to: '2026-12-31' });
    expect(r.meetings.map((x) => x.id)).toEqual(['2026-03-05-partnership', '2026-07-09-partnership']);
    expect(r.unrecorded).toEqual(['2026-10-08-partnership']);
    const row = (id: string) => r.people.find((p) => p.id === id)!;
    expect(row('ph-ahmed')).toMatchObject({ meetings: 2, present: 2, proxy: 0, apologies: 0, absent: 0 });
    expect(row('ph-brown')).toMatchObject({ meetings: 2, present: 1, apologies: 1 });
    expect(row('sh-evans')).toMatchObject({ meetings: 2, proxy: 1, absent: 1 });
    expect(row('sh-evans').marks).toEqual([
      { meeting: '2026-03-05-partnership', mark: 'proxy' },
      { meeting: '2026-07-09-partnership', mark: 'absent' },
    ]);
    expect(attendanceRate(row('sh-evans'))).toBe(50);
    // proxies are not members in their own right
    expect(r.people.some((p) => p.id === 'px-evans')).toBe(false);
  });

  it('group rows add up their members, in the file\'s group order', () => {
    const r = attendanceReport(model, meetings(), { from: '2026-01-01', to: '2026-12-31' });
    const primary = r.groups.find((g) => g.id === 'primary-heads')!;
    expect(primary).toMatchObject({ members: 4, meetings: 8, present: 3, apologies: 1, absent: 4 });
    expect(r.groups.map((g) => g.id)).toEqual(['primary-heads', 'secondary-heads', 'special-schools', 'foundry', 'schools-forum', 'local-authority', 'independent']);
  });

  it('every member-meeting gets exactly one mark (property)', () => {
    const ids = board().memberIds;
    fc.assert(
      fc.property(fc.array(fc.record({ present: fc.subarray(ids), apologies: fc.subarray(ids) }), { minLength: 1, maxLength: 6 }), (atts) => {
        const ms = atts.map((a, i) => ({ id: `m${i}`, meeting: m(`2026-0${i + 1}-01`, a) }));
        const r = attendanceReport(model, ms, { from: '2026-01-01', to: '2026-12-31' });
        for (const p of r.people) expect(p.present + p.proxy + p.apologies + p.absent).toBe(p.meetings);
        expect(r.people.reduce((n, p) => n + p.meetings, 0)).toBe(ids.length * atts.length);
      }),
      { numRuns: 50 },
    );
  });

  it('schools represented out of the total for bodies that report by school', () => {
    const file: PartnershipFile = {
      partnership: { name: 'C', short: 'C', clerk: { name: 'K', email: 'k@example.org' } },
      groups: [{ id: 'g', name: 'G', seats: 0 }],
      schools: ['s1', 's2', 's3'].map((id, i) => ({ id, name: id, phase: 'primary' as const, type: 'academy' as const, cluster: 'c1', head: `h${i + 1}` })),
      people: [
        { id: 'h1', name: 'H1', school: 's1' },
        { id: 'd1', name: 'D1', school: 's1' },
        { id: 'h2', name: 'H2', school: 's2', proxy: 'p2' },
        { id: 'p2', name: 'P2', role: 'proxy' },
        { id: 'h3', name: 'H3', school: 's3' },
      ],
      bodies: [{ id: 'cluster', name: 'Cluster', members: [{ schools: { cluster: ['c1'] } }], notice: { kind: 'working-days', days: 5 }, minutes: { kind: 'working-days', days: 7 }, attendanceBy: 'school' }],
    };
    const cm = buildModel(file);
    const r = attendanceReport(cm, [{ id: 'x', meeting: { body: 'cluster', date: '2026-03-01', start: '14:00', agenda: [], attendance: { present: ['h1', 'd1'], proxies: [{ proxy: 'p2', for: 'h2' }] } } }], { from: '2026-01-01', to: '2026-12-31' });
    // d1 (a deputy of s1) is not a member: the cluster's selector picks the head of each school
    expect(cm.bodies.get('cluster')!.memberIds).toEqual(['h1', 'h2', 'h3']);
    expect(r.schools).toEqual([{ meeting: 'x', date: '2026-03-01', body: 'cluster', represented: 2, total: 3, notRepresented: ['s3'] }]);
    expect(r.schoolRows.map((x) => [x.id, x.meetings, x.represented, x.missed])).toEqual([
      ['s1', 1, 1, []],
      ['s2', 1, 1, []],
      ['s3', 1, 0, ['x']],
    ]);
  });

  it('counts a school with no one on the body as not represented, and leaves out closed schools', () => {
    const file: PartnershipFile = {
      partnership: { name: 'C', short: 'C', clerk: { name: 'K', email: 'k@example.org' } },
      groups: [{ id: 'g', name: 'G', seats: 0 }],
      schools: [
        { id: 's1', name: 'S1', phase: 'lower', type: 'academy', cluster: 'c1', head: 'h1' },
        { id: 's2', name: 'S2', phase: 'middle', type: 'community', cluster: 'c1' },
        { id: 's3', name: 'S3', phase: 'upper', type: 'academy', cluster: 'c1', status: 'closed', head: 'h3' },
      ],
      people: [
        { id: 'h1', name: 'H1' },
        { id: 'h3', name: 'H3' },
      ],
      bodies: [
        {
          id: 'cluster',
          name: 'Cluster',
          members: [{ schools: { cluster: ['c1'] } }],
          notice: { kind: 'working-days', days: 5 },
          minutes: { kind: 'working-days', days: 7 },
          quorum: [{ kind: 'schools-represented', fraction: '1/2' }],
        },
      ],
    };
    const cm = buildModel(file);
    const meetings = ['2026-03-01', '2026-05-01'].map((date, i) => ({ id: `m${i}`, meeting: { body: 'cluster', date, start: '14:00', agenda: [], attendance: { present: i === 0 ? ['h1'] : [] } } }));
    const r = attendanceReport(cm, meetings, { from: '2026-01-01', to: '2026-12-31' });
    expect(r.schools.map((x) => [x.represented, x.total, x.notRepresented])).toEqual([
      [1, 2, ['s2']],
      [0, 2, ['s1', 's2']],
    ]);
    expect(r.schoolRows.map((x) => [x.id, x.represented, x.missed])).toEqual([
      ['s1', 1, ['m1']],
      ['s2', 0, ['m0', 'm1']],
    ]);
  });
});
const board = () => model.bodies.get('partnership')!;

describe('attendanceReport: a joint meeting', () => {
  // the Partnership meeting jointly with the Operational Group; Owen Morgan sits on both
  const joint = [
    {
      id: '2026-11-12-partnership',
      meeting: m('2026-11-12', { present: ['chair-okafor', 'ph-ahmed', 'la-morgan', 'op-baker'], apologies: ['op-cole'] }, { jointWith: ['operational-group'] }),
    },
    { id: '2026-12-03-operational-group', meeting: m('2026-12-03', { present: ['la-morgan', 'op-cole'] }, { body: 'operational-group' }) },
  ];
  const range = { from: '2026-01-01', to: '2026-12-31' };

  it("is in each body's report, counting that body's members", () => {
    const og = attendanceReport(model, joint, { ...range, body: 'operational-group' });
    expect(og.meetings.map((x) => x.id)).toEqual(['2026-11-12-partnership', '2026-12-03-operational-group']);
    expect(og.people.map((p) => [p.id, p.meetings, p.present, p.apologies, p.absent])).toEqual([
      ['la-morgan', 2, 2, 0, 0],
      ['op-baker', 2, 1, 0, 1],
      ['op-cole', 2, 1, 1, 0],
      ['op-dunn', 2, 0, 0, 2],
    ]);
    const board = attendanceReport(model, joint, { ...range, body: 'partnership' });
    expect(board.meetings.map((x) => x.id)).toEqual(['2026-11-12-partnership']);
    expect(board.people.some((p) => p.id === 'op-baker')).toBe(false);
    expect(board.people.find((p) => p.id === 'ph-ahmed')).toMatchObject({ meetings: 1, present: 1 });
  });

  it('over every body, counts the members of each, a member of both once', () => {
    const all = attendanceReport(model, joint.slice(0, 1), range);
    expect(all.people.find((p) => p.id === 'op-baker')).toMatchObject({ meetings: 1, present: 1 });
    expect(all.people.find((p) => p.id === 'la-morgan')).toMatchObject({ meetings: 1, present: 1 });
    expect(all.people.find((p) => p.id === 'ph-ahmed')).toMatchObject({ meetings: 1, present: 1 });
  });
});

describe('markOf, from its index', () => {
  /** The rule as written: present (or arrived late) first, then a proxy, then apologies. */
  const byRule = (a: Attendance, id: string) =>
    (a.present ?? []).includes(id) || (a.arrived ?? []).some((x) => x.person === id)
      ? 'present'
      : (a.proxies ?? []).some((p) => p.for === id)
        ? 'proxy'
        : (a.apologies ?? []).includes(id)
          ? 'apologies'
          : 'absent';
  it('gives the rule\'s mark for anyone, however the record names them', () => {
    const id = fc.constantFrom('a', 'b', 'c', 'd', 'e');
    const record = fc.record(
      {
        present: fc.array(id),
        apologies: fc.array(id),
        proxies: fc.array(fc.record({ proxy: fc.constantFrom('p', 'q'), for: id })),
        arrived: fc.array(fc.record({ person: id, item: fc.integer({ min: 1, max: 5 }) })),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(record, (a) => {
        for (const who of ['a', 'b', 'c', 'd', 'e', 'z']) expect(markOf(a as Attendance, who)).toBe(byRule(a as Attendance, who));
      }),
      { numRuns: 500 },
    );
  });
});
