import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { applyAttendanceFlags as applyChecked, attendanceFromChecklist, checkPeopleIds, hasAttendanceFlags, normaliseAttendance, parseIdItem as parseIdItemChecked, parseProxyPair as parseProxyPairChecked } from '../../../src/core/attendance.js';
import { ATTENDANCE_FLAGS, orFail, problemError } from '../../../src/commands/args.js';
import { WepError } from '../../../src/core/errors.js';
import { buildModel, type Model } from '../../../src/core/model.js';
import { evaluateQuorum } from '../../../src/core/quorum.js';
import { examplePartnership, partnershipFrom } from '../../helpers/example-model.js';
import { ROOT } from '../../helpers/wep.js';

let wep: Model;
beforeAll(async () => {
  const file = examplePartnership();
  wep = buildModel(file!);
});
const board = () => wep.bodies.get('partnership')!;
// Core returns problems; these unwrap them the way the command does, naming the flag.
const applyAttendanceFlags = (...args: Parameters<typeof applyChecked>) => orFail(applyChecked(...args), ATTENDANCE_FLAGS);
const FIELD_OF: Record<string, string> = { '--left-at': 'leftAt', '--interest': 'interest', '--arrived-at': 'arrivedAt' };
const parseIdItem = (v: string, flag: string, n: number) => orFail(parseIdItemChecked(v, FIELD_OF[flag]!, n), ATTENDANCE_FLAGS);
const parseProxyPair = (v: string) => orFail(parseProxyPairChecked(v), ATTENDANCE_FLAGS);
const verifyPeopleIds = (model: Model, ids: string[], flag: string) => {
  const p = checkPeopleIds(model, ids, flag.slice(2));
  if (p) throw problemError(p, ATTENDANCE_FLAGS);
};
const apply = (flags: Parameters<typeof applyAttendanceFlags>[3], current?: Parameters<typeof applyAttendanceFlags>[2]) => applyAttendanceFlags(wep, board(), current, flags, 9);

/** Runs fn and returns the WepError it throws. */
function error(fn: () => unknown): WepError {
  try {
    fn();
  } catch (e) {
    if (e instanceof WepError) return e;
    throw e;
  }
  throw new Error('expected a WepError');
}

describe('flags', () => {
  it('knows when any flag was given', () => {
    expect(hasAttendanceFlags({})).toBe(false);
    expect(hasAttendanceFlags({ present: [] })).toBe(false);
    expect(hasAttendanceFlags({ leftAt: ['a=1'] })).toBe(true);
  });

  it('parses ID=ITEM and PROXY=MEMBER, or explains', () => {
    expect(parseIdItem('sh-clarke=6', '--left-at', 9)).toEqual({ person: 'sh-clarke', item: 6 });
    expect(parseIdItem(' sh-clarke = 6 ', '--left-at', 9)).toEqual({ person: 'sh-clarke', item: 6 });
    expect(error(() => parseIdItem('sh-clarke', '--left-at', 9))).toMatchObject({ message: '--left-at "sh-clarke": expected ID=ITEM', exitCode: 2 });
    expect(error(() => parseIdItem('sh-clarke=six', '--interest', 9)).message).toBe('--interest "sh-clarke=six": "six" is not an agenda item number');
    expect(error(() => parseIdItem('sh-clarke=0', '--interest', 9)).message).toBe('--interest "sh-clarke=0": "0" is not an agenda item number');
    expect(error(() => parseIdItem('sh-clarke=12', '--arrived-at', 9)).message).toBe('--arrived-at "sh-clarke=12": the agenda has 9 items, so there is no item 12');
    expect(parseProxyPair('px-evans=sh-evans')).toEqual({ proxy: 'px-evans', member: 'sh-evans' });
    expect(error(() => parseProxyPair('px-evans')).message).toBe('--proxy "px-evans": expected PROXY=MEMBER');
  });

  it('unknown ids fail with a did-you-mean', () => {
    const e = error(() => verifyPeopleIds(wep, ['ph-ahmed', 'sh-clarkee', 'zzz'], '--present'));
    expect(e.message).toBe('--present: no person "sh-clarkee" in the partnership file (and "zzz")');
    expect(e.hint).toBe('did you mean "sh-clarke"?');
    expect(e.exitCode).toBe(2);
    expect(error(() => verifyPeopleIds(wep, ['qqqqqqqq'], '--apologies')).hint).toBe('"wep members" lists everyone, with their ids');
  });
});

describe('applyAttendanceFlags', () => {
  it('records apologies as they arrive, adding to what is recorded', () => {
    const first = apply({ apologies: ['sh-evans'] }).attendance;
    expect(first).toEqual({ apologies: ['sh-evans'] });
    expect(apply({ apologies: ['ph-chen'] }, first).attendance).toEqual({ apologies: ['sh-evans', 'ph-chen'] });
  });

  it('someone present is no longer sending apologies, and vice versa', () => {
    const a = apply({ present: ['sh-evans'] }, { apologies: ['sh-evans', 'ph-chen'] }).attendance;
    expect(a).toEqual({ present: ['sh-evans'], apologies: ['ph-chen'] });
    expect(apply({ apologies: ['sh-evans'] }, a).attendance).toEqual({ apologies: ['ph-chen', 'sh-evans'] });
  });

  it('a proxy present stands for the member who appointed them, written out in the record', () => {
    const { attendance, warnings } = apply({ present: ['ph-ahmed', 'px-evans'] });
    expect(attendance).toEqual({ present: ['ph-ahmed', 'px-evans'], proxies: [{ proxy: 'px-evans', for: 'sh-evans' }] });
    expect(warnings).toEqual([]);
  });

  it('a proxy whose member is present is recorded with a warning', () => {
    const { attendance, warnings } = apply({ present: ['sh-clarke', 'px-clarke'] });
    expect(attendance.proxies).toBeUndefined();
    expect(warnings).toEqual(['Fiona Taylor (px-clarke) is proxy for Tom Clarke (sh-clarke), who is present: not counted']);
  });

  it('--proxy records who stood in for whom, replacing an earlier entry for that member', () => {
    const a = apply({ proxy: ['px-evans=sh-evans'] }, { present: ['sh-evans'], proxies: [{ proxy: 'px-clarke', for: 'sh-evans' }] }).attendance;
    expect(a).toEqual({ present: ['px-evans'], proxies: [{ proxy: 'px-evans', for: 'sh-evans' }] });
  });

  it('--proxy errors name the rule: not a voting member, not the appointed proxy, own proxy, a member as proxy, member also present, proxies not allowed', () => {
    const officer = error(() => apply({ proxy: ['px-evans=la-lewis'] }));
    expect(officer.message).toBe('--proxy px-evans=la-lewis: Claire Lewis (la-lewis) does not vote on Education Partnership (rule voting-member: a stand-in stands for a voting member of the body)');
    expect(officer.hint).toBe('a stand-in stands for a voting member of the body; "wep members --body partnership" lists them');
    const backwards = error(() => apply({ proxy: ['sh-evans=px-evans'] }));
    expect(backwards.message).toBe('--proxy sh-evans=px-evans: George Usman (px-evans) is a proxy: a proxy cannot appoint a proxy (rule no-proxy-of-proxy: a proxy cannot appoint a proxy)');
    expect(backwards.hint).toBe('write the proxy first, then the member: PROXY=MEMBER');
    const other = error(() => apply({ proxy: ['px-clarke=sh-evans'] }));
    expect(other.message).toBe(
      "--proxy px-clarke=sh-evans: Fiona Taylor (px-clarke) is not Megan Evans (sh-evans)'s appointed proxy on Education Partnership (Megan Evans (sh-evans)'s appointed proxy is George Usman (px-evans)) (rule appointed-proxy: a proxy is the person the member appointed for this body)",
    );
    expect(error(() => apply({ proxy: ['sh-evans=sh-evans'] })).message).toMatch(/^--proxy sh-evans=sh-evans: Megan Evans \(sh-evans\) cannot stand in for themselves \(rule not-a-member/);
    expect(error(() => apply({ proxy: ['sh-clarke=sh-evans'] })).message).toMatch(/^--proxy sh-clarke=sh-evans: Tom Clarke \(sh-clarke\) sits on Education Partnership in their own right, so counts once \(rule not-a-member/);
    expect(error(() => apply({ proxy: ['px-evans=sh-evans'], present: ['sh-evans'] })).message).toMatch(/^--proxy px-evans=sh-evans: Megan Evans \(sh-evans\) is present in person \(rule member-absent/);
    const noProxies = { ...board(), proxiesAllowed: false };
    expect(error(() => applyAttendanceFlags(wep, noProxies, undefined, { proxy: ['px-evans=sh-evans'] }, 9)).message).toBe(
      '--proxy px-evans=sh-evans: proxies are not allowed on Education Partnership (rule proxies-allowed: the body allows proxies)',
    );
    expect(error(() => apply({ present: ['sh-evans'], apologies: ['sh-evans'] })).message).toBe('--present sh-evans: also given as sending apologies');
  });

  it('--substitute only where the body allows it, from the member\'s own group', () => {
    expect(error(() => apply({ substitute: ['px-clarke=sh-evans'] })).message).toMatch(/^--substitute px-clarke=sh-evans: substitutes are not allowed on Education Partnership \(rule substitutes-allowed/);
    const subs = { ...board(), substitutesAllowed: true };
    expect(error(() => applyAttendanceFlags(wep, subs, undefined, { substitute: ['px-clarke=sh-evans'] }, 9)).message).toMatch(
      /^--substitute px-clarke=sh-evans: Fiona Taylor \(px-clarke\) is not in Wokingham Secondary Heads Federation, Megan Evans \(sh-evans\)'s group \(rule own-group/,
    );
    const anyone = { ...board(), substitutesAllowed: true, substitutesFrom: 'anyone' as const };
    expect(applyAttendanceFlags(wep, anyone, undefined, { substitute: ['px-clarke=sh-evans'] }, 9).attendance).toEqual({ present: ['px-clarke'], proxies: [{ proxy: 'px-clarke', for: 'sh-evans', as: 'substitute' }] });
  });

  it('two claims for one member are refused whatever the order of the flags', () => {
    const anyone = { ...board(), substitutesAllowed: true, substitutesFrom: 'anyone' as const };
    const a = error(() => applyAttendanceFlags(wep, anyone, undefined, { proxy: ['px-evans=sh-evans'], substitute: ['px-clarke=sh-evans'] }, 9));
    const b = error(() => applyAttendanceFlags(wep, anyone, undefined, { substitute: ['px-clarke=sh-evans'], proxy: ['px-evans=sh-evans'] }, 9));
    expect(a.message).toBe(b.message);
    expect(a.message).toMatch(/one stand-in per member/);
  });

  it('late arrivals and early departures are present, one entry per person', () => {
    const a = apply({ arrivedAt: ['sh-clarke=3'], leftAt: ['sf-jones=6'] }, { present: ['sf-jones'], apologies: ['sh-clarke'], left: [{ person: 'sf-jones', item: 8 }] }).attendance;
    expect(a).toEqual({ present: ['sf-jones', 'sh-clarke'], arrived: [{ person: 'sh-clarke', item: 3 }], left: [{ person: 'sf-jones', item: 6 }] });
  });

  it('interests are added once, with a warning for someone not present', () => {
    const { attendance, warnings } = apply({ interest: ['sf-jones=5', 'sf-jones=5'] }, { interests: [{ person: 'sf-jones', item: 5, interest: 'trustee' }] });
    expect(attendance.interests).toEqual([{ person: 'sf-jones', item: 5, interest: 'trustee' }]);
    expect(warnings).toContain('Gareth Jones (sf-jones) declared an interest in item 5 but is not recorded as present');
  });

  it('warns about people not on the body', () => {
    const { attendance, warnings } = apply({ present: ['op-baker'], apologies: ['op-cole'], observer: ['op-dunn'] });
    expect(attendance).toEqual({ present: ['op-baker'], apologies: ['op-cole'], observers: ['op-dunn'] });
    expect(warnings).toEqual([
      'Olivia Cole (op-cole) is not a member of Education Partnership; apologies recorded anyway',
      'Nick Baker (op-baker) is not a member of Education Partnership: recorded as present, not counted (use --observer for observers and invitees)',
    ]);
  });

  it('applying the same flags twice changes nothing more', () => {
    const ids = () => [...wep.people.keys()];
    fc.assert(
      fc.property(fc.subarray(ids()), fc.subarray(ids()), (present, apologiesAll) => {
        const apologies = apologiesAll.filter((id) => !present.includes(id));
        const once = apply({ present, apologies }).attendance;
        const twice = apply({ present, apologies }, once).attendance;
        expect(twice).toEqual(once);
      }),
      { numRuns: 100 },
    );
  });
});

describe('applyAttendanceFlags at a joint meeting', () => {
  // the example, with a proxy appointed by Nick Baker of the Operational Group
  let joint: Model;
  beforeAll(() => {
    const text = readFileSync(join(ROOT, 'partnership.yaml'), 'utf8')
      .replace('    name: Nick Baker\n', '    name: Nick Baker\n    proxy: px-baker\n')
      .replace('  # Operational Group:', '  - { id: px-baker, name: Rosa Fenn, email: r.fenn@council.example.org, role: proxy }\n  - { id: guest-ng, name: Sam Ng, email: s.ng@example.org }\n\n  # Operational Group:');
    joint = buildModel(partnershipFrom(text));
  });
  const og = () => joint.bodies.get('operational-group')!;
  const atJoint = (flags: Parameters<typeof applyAttendanceFlags>[3]) => applyAttendanceFlags(joint, joint.bodies.get('partnership')!, undefined, flags, 9, [og()]);

  it('a member of the other body, present or sending apologies, is a member: no warning', () => {
    const { attendance, warnings } = atJoint({ present: ['ph-ahmed', 'op-baker'], apologies: ['op-cole'] });
    expect(attendance).toEqual({ present: ['ph-ahmed', 'op-baker'], apologies: ['op-cole'] });
    expect(warnings).toEqual([]);
    // the same flags for a meeting of the board alone still warn
    const alone = applyAttendanceFlags(joint, joint.bodies.get('partnership')!, undefined, { present: ['op-baker'], apologies: ['op-cole'] }, 9).warnings;
    expect(alone).toEqual([
      'Olivia Cole (op-cole) is not a member of Education Partnership; apologies recorded anyway',
      'Nick Baker (op-baker) is not a member of Education Partnership: recorded as present, not counted (use --observer for observers and invitees)',
    ]);
  });

  it("a proxy for a member of the other body is judged by that body's rules and accepted", () => {
    const named = atJoint({ proxy: ['px-baker=op-baker'] });
    expect(named.attendance).toEqual({ present: ['px-baker'], proxies: [{ proxy: 'px-baker', for: 'op-baker' }] });
    expect(named.warnings).toEqual([]);
    expect(evaluateQuorum(joint, og(), named.attendance).counted).toEqual([{ id: 'px-baker', as: 'proxy', for: 'op-baker' }]);
    // present without --proxy, they stand for the member who appointed them
    const implied = atJoint({ present: ['px-baker', 'px-evans'] });
    expect(implied.attendance).toEqual({ present: ['px-baker', 'px-evans'], proxies: [{ proxy: 'px-baker', for: 'op-baker' }, { proxy: 'px-evans', for: 'sh-evans' }] });
    expect(implied.warnings).toEqual([]);
    // and both bodies' proxies together, each by their own body
    expect(atJoint({ proxy: ['px-baker=op-baker', 'px-evans=sh-evans'] }).attendance.proxies).toEqual([
      { proxy: 'px-baker', for: 'op-baker' },
      { proxy: 'px-evans', for: 'sh-evans' },
    ]);
  });

  it("a stand-in is refused by the member's own body, which the hint names", () => {
    const wrong = error(() => atJoint({ proxy: ['px-evans=op-baker'] }));
    expect(wrong.message).toBe(
      "--proxy px-evans=op-baker: George Usman (px-evans) is not Nick Baker (op-baker)'s appointed proxy on Operational Group (Nick Baker (op-baker)'s appointed proxy is Rosa Fenn (px-baker)) (rule appointed-proxy: a proxy is the person the member appointed for this body)",
    );
    // no cross-body proxy: a member of the board does not stand in for a member of the group
    expect(error(() => atJoint({ proxy: ['ph-ahmed=op-baker'] })).message).toMatch(/^--proxy ph-ahmed=op-baker: .* \(ph-ahmed\) is not Nick Baker \(op-baker\)'s appointed proxy on Operational Group \(/);
    const nobody = error(() => atJoint({ proxy: ['px-evans=la-lewis'] }));
    expect(nobody.message).toMatch(/Claire Lewis \(la-lewis\) does not vote on Education Partnership \(rule voting-member/);
    expect(nobody.hint).toBe('a stand-in stands for a voting member of the body; "wep members --body partnership" lists them');
    expect(error(() => atJoint({ present: ['op-baker'], proxy: ['px-baker=op-baker'] })).message).toMatch(/Nick Baker \(op-baker\) is present in person \(rule member-absent/);
  });

  it('the checklist: a proxy ticked stands for their member on whichever body of the meeting the member sits', () => {
    const ticked = ['ph-ahmed', 'op-cole', 'px-baker', 'px-evans'];
    expect(attendanceFromChecklist(joint, joint.bodies.get('partnership')!, undefined, ticked, [og()])).toEqual({
      present: ticked,
      proxies: [{ proxy: 'px-baker', for: 'op-baker' }, { proxy: 'px-evans', for: 'sh-evans' }],
    });
    // at a meeting of the board alone, px-baker stands for no one
    expect(attendanceFromChecklist(joint, joint.bodies.get('partnership')!, undefined, ticked).proxies).toEqual([{ proxy: 'px-evans', for: 'sh-evans' }]);
  });

  it('someone on neither body is still warned about, naming both', () => {
    const { attendance, warnings } = atJoint({ present: ['sh-clarke', 'px-clarke', 'guest-ng'], apologies: ['px-ahmed', 'op-cole'] });
    expect(attendance.present).toEqual(['sh-clarke', 'px-clarke', 'guest-ng']);
    expect(warnings).toEqual([
      'Ruth Patel (px-ahmed) is not a member of Education Partnership or Operational Group; apologies recorded anyway',
      'Fiona Taylor (px-clarke) is proxy for Tom Clarke (sh-clarke), who is present: not counted',
      'Sam Ng (guest-ng) is not a member of Education Partnership or Operational Group: recorded as present, not counted (use --observer for observers and invitees)',
    ]);
  });
});

describe('attendanceFromChecklist', () => {
  it('ticked proxies stand for their absent members; apologies of those present drop', () => {
    const a = attendanceFromChecklist(wep, board(), { apologies: ['sh-evans', 'ph-chen'], interests: [{ person: 'sf-jones', item: 5 }] }, ['ph-chen', 'px-evans', 'sf-jones']);
    expect(a).toEqual({ present: ['ph-chen', 'px-evans', 'sf-jones'], apologies: ['sh-evans'], proxies: [{ proxy: 'px-evans', for: 'sh-evans' }], interests: [{ person: 'sf-jones', item: 5 }] });
  });

  it('keeps a recorded stand-in and drops entries for people no longer ticked', () => {
    const current = { present: ['px-clarke', 'sf-jones'], proxies: [{ proxy: 'px-clarke', for: 'sh-evans' }], left: [{ person: 'sf-jones', item: 4 }] };
    expect(attendanceFromChecklist(wep, board(), current, ['px-clarke'])).toEqual({ present: ['px-clarke'], proxies: [{ proxy: 'px-clarke', for: 'sh-evans' }] });
  });

  it('the live verdict and the written record agree', () => {
    const a = attendanceFromChecklist(wep, board(), undefined, ['chair-okafor', 'ph-ahmed', 'ph-brown', 'sh-clarke', 'px-evans', 'sf-iqbal', 'sf-jones']);
    expect(evaluateQuorum(wep, board(), a).quorate).toBe(true);
    expect(normaliseAttendance({ present: [], apologies: [] })).toEqual({});
  });
});
