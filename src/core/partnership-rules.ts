/**
 * Named cross-reference rules for the partnership file, run after the schema. Each returns
 * problems with a path into the file, so the report can point at the line.
 */
import { daysBetween, type IsoDate } from './dates.js';
import { REF_FIELDS, unknownRefFields } from './minute-refs.js';
import { termProblems } from './school-year.js';
import { buildModel, holdsSeat, isCurrent, modelOn, placeState, vacanciesOn, type Model, type ResolvedBody } from './model.js';
import { SEAT_ROLES, type Group, type PartnershipFile, type QuorumRule, type Role, type Selector, type TermDates } from './partnership-schema.js';
import type { Problem } from './schema.js';
import { hintFor } from './suggest.js';

type Rule = (m: Model, today: IsoDate) => Problem[];

const ids = (xs: readonly { id: string }[] | undefined) => (xs ?? []).map((x) => x.id);

function duplicateIds(file: PartnershipFile): Problem[] {
  const out: Problem[] = [];
  for (const section of ['groups', 'clusters', 'groupings', 'schools', 'people', 'bodies', 'lists'] as const) {
    const seen = new Map<string, number>();
    (file[section] ?? []).forEach((x: { id: string }, i: number) => {
      const first = seen.get(x.id);
      if (first !== undefined) {
        out.push({
          path: `${section}.${i}.id`,
          message: `duplicate id "${x.id}" in ${section} (first used at entry ${first + 1})`,
          hint: 'every id must be unique: rename one of them',
        });
      } else seen.set(x.id, i);
    });
  }
  out.push(...schoolRegisterIds(file));
  // Ids are shared across people and groups in selectors and lists; a person and a group with
  // the same id would make `wep quorum --present` ambiguous.
  return out;
}

function refCheck(value: string | undefined, known: readonly string[], path: string, what: string, out: Problem[]) {
  if (value !== undefined && !known.includes(value)) {
    const one = what === 'people' ? 'person' : what === 'bodies' ? 'body' : what.replace(/s$/, '');
    out.push({ path, message: `unknown ${one} "${value}"`, hint: hintFor(value, known, what) });
  }
}

function selectorRefs(s: Selector, path: string, f: PartnershipFile, out: Problem[]) {
  s.groups?.forEach((g, i) => refCheck(g, ids(f.groups), `${path}.groups.${i}`, 'groups', out));
  s.people?.forEach((p, i) => refCheck(p, ids(f.people), `${path}.people.${i}`, 'people', out));
  s.bodies?.forEach((b, i) => refCheck(b, ids(f.bodies), `${path}.bodies.${i}`, 'bodies', out));
  s.schools?.cluster?.forEach((c, i) => refCheck(c, ids(f.clusters), `${path}.schools.cluster.${i}`, 'clusters', out));
  s.schools?.grouping?.forEach((g, i) => refCheck(g, groupingIds(f), `${path}.schools.grouping.${i}`, 'groupings', out));
}

const references: Rule = (m) => {
  const f = m.file;
  const out: Problem[] = [];
  const people = ids(f.people);
  (f.people ?? []).forEach((p, i) => {
    refCheck(p.group, ids(f.groups), `people.${i}.group`, 'groups', out);
    refCheck(p.school, ids(f.schools), `people.${i}.school`, 'schools', out);
    refCheck(p.proxy, people, `people.${i}.proxy`, 'people', out);
    p.appointments?.forEach((a, j) => {
      refCheck(a.body, ids(f.bodies), `people.${i}.appointments.${j}.body`, 'bodies', out);
      refCheck(a.group, ids(f.groups), `people.${i}.appointments.${j}.group`, 'groups', out);
      refCheck(a.proxy, people, `people.${i}.appointments.${j}.proxy`, 'people', out);
    });
  });
  (f.schools ?? []).forEach((s, i) => {
    refCheck(s.cluster, ids(f.clusters), `schools.${i}.cluster`, 'clusters', out);
    refCheck(s.head, people, `schools.${i}.head`, 'people', out);
    s.groupings?.forEach((g, j) => refCheck(g, groupingIds(f), `schools.${i}.groupings.${j}`, 'groupings', out));
  });
  (f.bodies ?? []).forEach((b, i) => {
    b.members?.forEach((s, j) => selectorRefs(s, `bodies.${i}.members.${j}`, f, out));
    refCheck(b.accountableTo, ids(f.bodies), `bodies.${i}.accountable-to`, 'bodies', out);
    refCheck(b.chair, people, `bodies.${i}.chair`, 'people', out);
    refCheck(b.viceChair, people, `bodies.${i}.vice-chair`, 'people', out);
    b.quorum?.forEach((q, j) => {
      if (q.kind === 'per-group') q.groups.forEach((g, k) => refCheck(g, ids(f.groups), `bodies.${i}.quorum.${j}.groups.${k}`, 'groups', out));
      if (q.kind === 'required') refCheck(q.person, people, `bodies.${i}.quorum.${j}.person`, 'people', out);
    });
  });
  (f.lists ?? []).forEach((l, i) => {
    l.include?.forEach((s, j) => selectorRefs(s, `lists.${i}.include.${j}`, f, out));
    l.exclude?.forEach((s, j) => selectorRefs(s, `lists.${i}.exclude.${j}`, f, out));
  });
  return out;
};

const proxies: Rule = (m) => {
  const out: Problem[] = [];
  const index = new Map((m.file.people ?? []).map((p, i) => [p.id, i] as const));
  for (const p of m.people.values()) {
    if (!p.proxy) continue;
    const i = index.get(p.id)!;
    const proxy = m.people.get(p.proxy);
    if (p.proxy === p.id) {
      out.push({ path: `people.${i}.proxy`, message: `${p.name} is named as their own proxy`, hint: 'a proxy must be another person: name them, or remove "proxy:"' });
      continue;
    }
    if (!proxy) continue;
    if (proxy.proxy) {
      out.push({
        path: `people.${i}.proxy`,
        message: `proxy chain: ${p.name}'s proxy ${proxy.name} has a proxy of their own (${proxy.proxy})`,
        hint: `a proxy cannot appoint a proxy: remove "proxy:" from ${proxy.id}, or choose someone else for ${p.id}`,
      });
    }
    if (proxy.voting && proxy.role !== 'proxy' && proxy.group && holdsSeat(proxy)) {
      out.push({
        path: `people.${i}.proxy`,
        message: `${p.name}'s proxy ${proxy.name} is a member in their own right and would be counted twice`,
        hint: 'choose a proxy who does not hold a seat',
      });
    }
  }
  for (const proxy of m.people.values()) {
    if (proxy.proxyFor.length < 2) continue;
    const allowed = Math.min(
      ...[...m.bodies.values()].filter((b) => proxy.proxyFor.some((id) => b.memberIds.includes(id))).map((b) => b.maxPerProxy),
      Infinity,
    );
    if (proxy.proxyFor.length > (Number.isFinite(allowed) ? allowed : 1)) {
      const last = proxy.proxyFor[proxy.proxyFor.length - 1]!;
      out.push({
        path: `people.${index.get(last)}.proxy`,
        message: `${proxy.name} is proxy for ${proxy.proxyFor.length} members (${proxy.proxyFor.join(', ')}); a proxy may stand for ${Number.isFinite(allowed) ? allowed : 1}`,
        hint: 'give each member their own proxy, or raise the body\'s "proxies: max-per-proxy:"',
      });
    }
  }
  return out;
};

const seats: Rule = (m) => {
  const out: Problem[] = [];
  (m.file.groups ?? []).forEach((g, i) => {
    // The seats are fullest on the first day of some appointment (or before any start date).
    const seated = (a: { role: Role; group?: string }) => a.group === g.id && holdsSeat({ role: a.role, group: a.group });
    const holders = [...m.people.values()].filter((p) => p.places.some(seated));
    const starts = new Set(['0000-01-01', ...holders.flatMap((p) => p.places.filter((a) => seated(a) && a.from).map((a) => a.from!))]);
    for (const day of [...starts].sort()) {
      const filled = holders.filter((p) => p.places.some((a) => seated(a) && isCurrent(a, day)));
      if (filled.length > g.seats) {
        const when = day === '0000-01-01' ? '' : ` on ${day}`;
        out.push({
          path: `groups.${i}.seats`,
          message: `${g.name} has ${g.seats} seat${g.seats === 1 ? '' : 's'} but ${filled.length} people hold one${when} (${filled.map((p) => p.id).join(', ')})`,
          hint: when ? 'end the earlier appointment (its "to:" date) before the next one starts, or raise "seats:"' : 'raise "seats:", or mark the extra people as proxies or observers',
        });
        break;
      }
    }
  });
  return out;
};

const terms: Rule = (m, today) => {
  const out: Problem[] = [];
  const now = modelOn(m, today);
  const window = m.file.partnership?.termWarningDays ?? 60;
  (m.file.people ?? []).forEach((p, i) => {
    if (p.term?.start && p.term.end && p.term.end < p.term.start) {
      out.push({ path: `people.${i}.term.end`, message: `term of office ends (${p.term.end}) before it starts (${p.term.start})`, hint: 'check the two dates' });
      return; // an impossible term says nothing about expiry
    }
    let bad = false;
    p.appointments?.forEach((a, j) => {
      if (a.from && a.to && a.to < a.from) {
        bad = true;
        out.push({ path: `people.${i}.appointments.${j}.to`, message: `appointment ends (${a.to}) before it starts (${a.from})`, hint: 'check the two dates' });
      }
    });
    if (bad) return;
    // A place that has ended is history, kept so old records stay valid: the vacancy it leaves
    // is reported by the vacancies rule. A place ending soon needs the clerk.
    const person = now.people.get(p.id);
    if (!person) return;
    for (const a of person.current) {
      if (!a.to || placeState(a, today, window) !== 'ending-soon') continue;
      const path = a.index < 0 ? `people.${i}.term.end` : `people.${i}.appointments.${a.index}.to`;
      const what = a.index < 0 ? 'term of office' : `appointment${a.body ? ` to ${m.bodies.get(a.body)?.name ?? a.body}` : a.group ? ` in ${m.groups.get(a.group)?.name ?? a.group}` : ''}`;
      out.push({ severity: 'warning', path, message: `${p.name}'s ${what} ends on ${a.to}, within ${window} days`, hint: 'arrange the reappointment or election' });
    }
  });
  (m.file.bodies ?? []).forEach((b, i) => {
    if (b.lifespan && b.lifespan.end < b.lifespan.start) {
      out.push({ path: `bodies.${i}.lifespan.end`, message: `lifespan ends (${b.lifespan.end}) before it starts (${b.lifespan.start})`, hint: 'check the two dates' });
    }
  });
  return out;
};

const vacancies: Rule = (m, today) => {
  const out: Problem[] = [];
  const now = modelOn(m, today);
  // A seat whose holder's dates are impossible is reported by the terms rule, not as vacant too.
  const impossible = new Set([...m.people.values()].flatMap((p) => p.places.filter((a) => a.from && a.to && a.to < a.from && a.group).map((a) => a.group!)));
  (m.file.groups ?? []).forEach((g, i) => {
    if (impossible.has(g.id)) return;
    const vs = vacanciesOn(now, g.id, today);
    if (vs.length === 0) return;
    const since = vs.map((v) => v.since).filter((d): d is string => d !== null);
    const dates = [...new Set(since)].sort().join(', ');
    const when = since.length === 0 ? '' : since.length === vs.length ? ` since ${dates}` : `, ${since.length} since ${dates}`;
    out.push({
      severity: 'warning',
      path: `groups.${i}.seats`,
      message: `${g.name}: ${vs.length} of ${g.seats} seat${g.seats === 1 ? '' : 's'} vacant${when}`,
      hint: 'a vacancy is allowed; fill it when the group appoints someone',
    });
  });
  return out;
};

/** Clusters are groupings too: a school's `groupings:` and a selector's `grouping:` may name either. */
const groupingIds = (f: PartnershipFile) => [...ids(f.groupings), ...ids(f.clusters)];

/** A grouping and a cluster may not share an id, and the register holds each URN once. */
function schoolRegisterIds(f: PartnershipFile): Problem[] {
  const out: Problem[] = [];
  const clusters = new Set(ids(f.clusters));
  (f.groupings ?? []).forEach((g, i) => {
    if (clusters.has(g.id)) out.push({ path: `groupings.${i}.id`, message: `"${g.id}" is both a cluster and a grouping`, hint: 'a cluster is already a grouping: remove this entry, or rename it' });
  });
  const urns = new Map<string, number>();
  (f.schools ?? []).forEach((s, i) => {
    if (s.urn === undefined) return;
    const first = urns.get(s.urn);
    if (first !== undefined) {
      out.push({ path: `schools.${i}.urn`, message: `URN ${s.urn} is already used by ${f.schools![first]!.name} (entry ${first + 1})`, hint: 'a URN identifies one school: remove the duplicate entry or correct the URN' });
    } else urns.set(s.urn, i);
  });
  return out;
}

/** A schools-represented rule: one of min or fraction, and no more schools than the body has. */
function impossibleSchoolsRule(m: Model, b: ResolvedBody, q: Extract<QuorumRule, { kind: 'schools-represented' }>, path: string): Problem | undefined {
  if ((q.min === undefined) === (q.fraction === undefined)) {
    return { path, message: `a "schools-represented" rule needs either "min:" or "fraction:"${q.min !== undefined ? ', not both' : ''}`, hint: 'e.g. "fraction: 1/2" for half the schools, or "min: 3"; "never-fewer-than:" sets a floor under a fraction' };
  }
  const total = b.schoolIds.length;
  if (total === 0) {
    return { path, message: `${b.name} has no schools, so "schools-represented" can never be met`, hint: 'select its members by school ("schools:"), or link its members to schools with "school:"' };
  }
  const need = q.min ?? q.neverFewerThan;
  if (need !== undefined && need > total) {
    return { path: `${path}.${q.min !== undefined ? 'min' : 'never-fewer-than'}`, message: `the quorum can never be met: it needs ${need} schools represented but ${b.name} has ${total}`, hint: `lower "${q.min !== undefined ? 'min' : 'never-fewer-than'}:" to at most ${total}` };
  }
  return undefined;
}

/** Can the rule ever be met with the seats the body has? */
function impossibleQuorum(m: Model, bodyIndex: number, q: QuorumRule, j: number): Problem | undefined {
  const b = m.bodies.get(m.file.bodies[bodyIndex]!.id)!;
  const path = `bodies.${bodyIndex}.quorum.${j}`;
  if (q.kind === 'per-group') {
    for (const [k, g] of q.groups.entries()) {
      const group = m.groups.get(g);
      if (!group) continue;
      if (!b.groupIds.includes(g)) {
        return { path: `${path}.groups.${k}`, message: `the quorum needs ${q.min} from ${group.name}, but that group does not sit on ${b.name}`, hint: `add the group to the body's "members:", or remove it from the rule` };
      }
      if (group.seats < q.min) {
        return { path: `${path}.min`, message: `the quorum can never be met: it needs ${q.min} from ${group.name}, which has ${group.seats} seat${group.seats === 1 ? '' : 's'}`, hint: `lower "min:" to at most ${group.seats}, or raise the group's seats` };
      }
      const voting = groupVotingSeats(b, group);
      if (voting < q.min) {
        return {
          path: `${path}.min`,
          message: `the quorum can never be met: it needs ${q.min} voting members from ${group.name}, but ${group.seats - voting} of its ${group.seats} seats on ${b.name} ${group.seats - voting === 1 ? 'is' : 'are'} held without a vote`,
          hint: `give the group's members a vote on ${b.name} (role member, or "voting: true"), or lower "min:" to at most ${voting}`,
        };
      }
    }
  }
  if (q.kind === 'count' && q.min > b.totalSeats) {
    return { path: `${path}.min`, message: `the quorum can never be met: it needs ${q.min} but ${b.name} has ${b.totalSeats} seats`, hint: `lower "min:" to at most ${b.totalSeats}` };
  }
  if (q.kind === 'count' && q.min > b.votingSeats) {
    return {
      path: `${path}.min`,
      message: `the quorum can never be met: it needs ${q.min} voting members but ${b.name} has ${b.votingSeats} voting seat${b.votingSeats === 1 ? '' : 's'} (${b.totalSeats - b.votingSeats} held without a vote)`,
      hint: `give more of its members a vote on ${b.name} (an appointment to the body with "voting: true"), or lower "min:" to at most ${b.votingSeats}`,
    };
  }
  if (q.kind === 'fraction' && q.neverFewerThan !== undefined && q.neverFewerThan > b.totalSeats) {
    return { path: `${path}.never-fewer-than`, message: `the quorum can never be met: never fewer than ${q.neverFewerThan}, but ${b.name} has ${b.totalSeats} seats`, hint: 'lower "never-fewer-than:"' };
  }
  if (q.kind === 'schools-represented') return impossibleSchoolsRule(m, b, q, path);
  if (q.kind === 'fraction' && q.neverFewerThan !== undefined && q.neverFewerThan > b.votingSeats) {
    return { path: `${path}.never-fewer-than`, message: `the quorum can never be met: never fewer than ${q.neverFewerThan}, but ${b.name} has ${b.votingSeats} voting seats`, hint: 'lower "never-fewer-than:", or give more members a vote' };
  }
  if (q.kind === 'required') {
    if (!q.role && !q.person) return { path, message: 'a "required" rule needs "role:" or "person:"', hint: 'e.g. "role: chair"' };
    if (q.role && !b.memberIds.some((id) => b.sittings.get(id)?.role === q.role)) {
      return { path: `${path}.role`, message: `the quorum can never be met: it requires the ${q.role}, and nobody on ${b.name} has that role`, hint: `give someone on the body "role: ${q.role}", or remove the rule` };
    }
    if (q.person && m.people.has(q.person) && !b.memberIds.includes(q.person)) {
      return { path: `${path}.person`, message: `the quorum requires ${q.person}, who does not sit on ${b.name}`, hint: 'add them to the body\'s "members:"' };
    }
  }
  return undefined;
}

const quorumRules: Rule = (m) => {
  const out: Problem[] = [];
  (m.file.bodies ?? []).forEach((b, i) =>
    b.quorum?.forEach((q, j) => {
      const p = impossibleQuorum(m, i, q, j);
      if (p) out.push(p);
    }),
  );
  return out;
};

/** Seats of a group on a body that carry a vote: its seats less those held without one. */
function groupVotingSeats(b: ResolvedBody, g: Group): number {
  const held = [...b.sittings.values()].filter((s) => s.group === g.id && !s.voting && SEAT_ROLES.includes(s.role)).length;
  return Math.max(0, g.seats - held);
}

/** The chair and vice-chair of a body sit on it (on some date: core/meeting-rules.ts checks each meeting's date). */
const chairs: Rule = (m) => {
  const out: Problem[] = [];
  (m.file.bodies ?? []).forEach((b, i) => {
    const body = m.bodies.get(b.id)!;
    for (const [key, what] of [['chair', 'chair'], ['viceChair', 'vice-chair']] as const) {
      const id = b[key];
      const p = id ? m.people.get(id) : undefined;
      if (!id || !p || body.memberIds.includes(id)) continue;
      out.push({
        path: `bodies.${i}.${key === 'chair' ? 'chair' : 'vice-chair'}`,
        message: `the ${what} of ${b.name}, ${p.name} (${id}), is not a member of it`,
        hint: `add ${id} to the body's "members:" (or give them an appointment with "body: ${b.id}"), or name a member as ${what}`,
      });
    }
  });
  return out;
};

/** A group with seats that sits on no body: its members would get no notices and count in no quorum. */
const groupsOnNoBody: Rule = (m) => {
  const out: Problem[] = [];
  const seated = new Set([...m.bodies.values()].flatMap((b) => b.groupIds));
  (m.file.groups ?? []).forEach((g, i) => {
    if (g.seats === 0 || seated.has(g.id)) return;
    const first = m.file.bodies?.[0];
    out.push({
      severity: 'warning',
      path: `groups.${i}.id`,
      message: `${g.name} sits on no body: its members get no notices and count in no quorum`,
      hint: first ? `add it to a body, e.g. "groups: [..., ${g.id}]" under bodies "${first.id}" members` : 'add it to a body\'s "members:"',
    });
  });
  return out;
};

const emptyBodies: Rule = (m) => {
  const out: Problem[] = [];
  (m.file.bodies ?? []).forEach((b, i) => {
    if (m.bodies.get(b.id)?.memberIds.length === 0) {
      out.push({ severity: 'warning', path: `bodies.${i}.members`, message: `${b.name} has no members: its selectors match nobody`, hint: 'check the groups, people or schools it names' });
    }
  });
  return out;
};

/** A minute reference scheme may use only the fields wep fills in (core/minute-refs.ts). */
const minuteReferences: Rule = (m) => {
  const scheme = m.file.partnership.minutes?.references;
  if (scheme === undefined) return [];
  const unknown = unknownRefFields(scheme);
  return unknown.length
    ? [
        {
          path: 'partnership.minutes.references',
          message: `the minute reference scheme uses ${unknown.map((f) => `{${f}}`).join(', ')}, which wep does not know`,
          hint: `use ${REF_FIELDS.map((f) => `{${f}}`).join(', ')}, e.g. "{short}/{yyyy}/{mm}/{item}"`,
        },
      ]
    : [];
};

/** Term dates and closures: well formed, in order, and named by the bodies that follow them. */
const schoolYear: Rule = (m) => {
  const out: Problem[] = [];
  const cal = m.file.partnership?.calendar;
  (cal?.closures ?? []).forEach((c, i) => {
    const at = `partnership.calendar.closures.${i}`;
    const range = c.from !== undefined || c.to !== undefined;
    if (c.date && range) out.push({ path: at, message: 'a closure has a date and a range', hint: 'give "date:" for one day, or "from:" and "to:" for several' });
    else if (!c.date && !range) out.push({ path: at, message: 'a closure needs a date, or from and to', hint: 'e.g. { date: 2027-01-04, reason: INSET day } or { from: 2027-12-20, to: 2027-12-31, reason: Christmas closure }' });
    else if (range && (c.from === undefined || c.to === undefined)) out.push({ path: `${at}.${c.from === undefined ? 'to' : 'from'}`, message: `a closure range needs both "from" and "to"`, hint: 'give the first and the last day closed' });
    else if (c.from && c.to && c.to < c.from) out.push({ path: `${at}.to`, message: `the closure ends (${c.to}) before it starts (${c.from})`, hint: 'check the two dates' });
    else if (c.from && c.to && daysBetween(c.from, c.to) > 365) out.push({ path: `${at}.to`, message: `the closure from ${c.from} to ${c.to} is longer than a year`, hint: 'check the dates: a closure is a day or a holiday, not a year' });
  });
  const lists: [string, readonly TermDates[]][] = [['partnership.calendar.terms', cal?.terms ?? []], ...Object.entries(cal?.otherTerms ?? {}).map(([k, v]) => [`partnership.calendar.other-terms.${k}.terms`, v.terms] as [string, TermDates[]])];
  for (const [path, list] of lists) {
    for (const p of termProblems(list)) out.push({ path: `${path}.${p.index}.${p.field}`, message: p.message, hint: 'check the term dates against those the local authority or trust publishes' });
  }
  const known = Object.keys(cal?.otherTerms ?? {});
  (m.file.bodies ?? []).forEach((b, i) => refCheck(b.terms, known, `bodies.${i}.terms`, 'other-terms calendars', out));
  if (!cal?.terms?.length) {
    out.push({
      severity: 'warning',
      path: cal ? 'partnership.calendar' : 'partnership',
      message: 'no term dates: wep schedule assumes the usual English pattern, and cannot warn of meetings in the school holidays',
      hint: 'add the local authority\'s term dates under calendar.terms, e.g. - { name: Autumn 2027, start: 2027-09-02, end: 2027-12-17, half-term: { start: 2027-10-25, end: 2027-10-29 } }',
    });
  }
  return out;
};

/** Every named rule, in the order problems are reported. */
export const PARTNERSHIP_RULES: Record<string, Rule> = { references, proxies, seats, terms, quorumRules, chairs, groupsOnNoBody, vacancies, emptyBodies, schoolYear, minuteReferences };

/**
 * Cross-reference checks on a file that still has shape errors, so that one run of `wep check`
 * shows the clerk as much as it can. A problem inside a list entry that has a shape error of its
 * own is left out (that entry was only half read), and if any list entry could not be read at
 * all, nothing is checked: the entries after it have moved, and positions would be wrong.
 */
export function checkPartialPartnership(file: Partial<PartnershipFile>, shapeErrorPaths: readonly string[], dropped: readonly string[], today: IsoDate): Problem[] {
  if (dropped.length) return [];
  const entryOf = (path: string) => path.split('.').slice(0, 2).join('.');
  const halfRead = new Set(shapeErrorPaths.map(entryOf));
  let problems: Problem[];
  try {
    problems = checkPartnership(file as PartnershipFile, today);
  } catch {
    return []; // a required part is missing: the shape errors say which
  }
  return problems.filter((p) => !halfRead.has(entryOf(p.path)));
}

/** Cross-reference checks on a schema-valid partnership file. */
export function checkPartnership(file: PartnershipFile, today: IsoDate): Problem[] {
  const dups = duplicateIds(file);
  const m = buildModel(file);
  return [...dups, ...Object.values(PARTNERSHIP_RULES).flatMap((rule) => rule(m, today))];
}

