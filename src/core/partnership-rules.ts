/**
 * Named cross-reference rules for the partnership file, run after the schema. Each returns
 * problems with a path into the file, so the report can point at the line.
 */
import { daysBetween, type IsoDate } from './dates.js';
import { termProblems } from './school-year.js';
import { buildModel, holdsSeat, termState, type Model } from './model.js';
import type { PartnershipFile, QuorumRule, Selector, TermDates } from './partnership-schema.js';
import type { Problem } from './schema.js';
import { hintFor } from './suggest.js';

type Rule = (m: Model, today: IsoDate) => Problem[];

const ids = (xs: readonly { id: string }[] | undefined) => (xs ?? []).map((x) => x.id);

function duplicateIds(file: PartnershipFile): Problem[] {
  const out: Problem[] = [];
  for (const section of ['groups', 'clusters', 'schools', 'people', 'bodies', 'lists'] as const) {
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
}

const references: Rule = (m) => {
  const f = m.file;
  const out: Problem[] = [];
  const people = ids(f.people);
  (f.people ?? []).forEach((p, i) => {
    refCheck(p.group, ids(f.groups), `people.${i}.group`, 'groups', out);
    refCheck(p.school, ids(f.schools), `people.${i}.school`, 'schools', out);
    refCheck(p.proxy, people, `people.${i}.proxy`, 'people', out);
  });
  (f.schools ?? []).forEach((s, i) => {
    refCheck(s.cluster, ids(f.clusters), `schools.${i}.cluster`, 'clusters', out);
    refCheck(s.head, people, `schools.${i}.head`, 'people', out);
  });
  (f.bodies ?? []).forEach((b, i) => {
    b.members?.forEach((s, j) => selectorRefs(s, `bodies.${i}.members.${j}`, f, out));
    refCheck(b.accountableTo, ids(f.bodies), `bodies.${i}.accountable-to`, 'bodies', out);
    refCheck(b.chair, people, `bodies.${i}.chair`, 'people', out);
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
    const filled = [...m.people.values()].filter((p) => p.group === g.id && holdsSeat(p));
    if (filled.length > g.seats) {
      out.push({
        path: `groups.${i}.seats`,
        message: `${g.name} has ${g.seats} seat${g.seats === 1 ? '' : 's'} but ${filled.length} people hold one (${filled.map((p) => p.id).join(', ')})`,
        hint: 'raise "seats:", or mark the extra people as proxies or observers',
      });
    }
  });
  return out;
};

const terms: Rule = (m, today) => {
  const out: Problem[] = [];
  (m.file.people ?? []).forEach((p, i) => {
    if (p.term?.start && p.term.end && p.term.end < p.term.start) {
      out.push({ path: `people.${i}.term.end`, message: `term of office ends (${p.term.end}) before it starts (${p.term.start})`, hint: 'check the two dates' });
      return; // an impossible term says nothing about expiry
    }
    const state = termState(p, today);
    if (state === 'expired') out.push({ severity: 'warning', path: `people.${i}.term.end`, message: `${p.name}'s term of office ended on ${p.term!.end}`, hint: 'renew the term or record the vacancy' });
    if (state === 'ending-soon') out.push({ severity: 'warning', path: `people.${i}.term.end`, message: `${p.name}'s term of office ends on ${p.term!.end}, within 60 days`, hint: 'arrange the reappointment or election' });
  });
  (m.file.bodies ?? []).forEach((b, i) => {
    if (b.lifespan && b.lifespan.end < b.lifespan.start) {
      out.push({ path: `bodies.${i}.lifespan.end`, message: `lifespan ends (${b.lifespan.end}) before it starts (${b.lifespan.start})`, hint: 'check the two dates' });
    }
  });
  return out;
};

const vacancies: Rule = (m) => {
  const out: Problem[] = [];
  (m.file.groups ?? []).forEach((g, i) => {
    const filled = [...m.people.values()].filter((p) => p.group === g.id && holdsSeat(p)).length;
    if (filled < g.seats) {
      out.push({
        severity: 'warning',
        path: `groups.${i}.seats`,
        message: `${g.name}: ${g.seats - filled} of ${g.seats} seat${g.seats === 1 ? '' : 's'} vacant`,
        hint: 'a vacancy is allowed; fill it when the group appoints someone',
      });
    }
  });
  return out;
};

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
    }
  }
  if (q.kind === 'count' && q.min > b.totalSeats) {
    return { path: `${path}.min`, message: `the quorum can never be met: it needs ${q.min} but ${b.name} has ${b.totalSeats} seats`, hint: `lower "min:" to at most ${b.totalSeats}` };
  }
  if (q.kind === 'fraction' && q.neverFewerThan !== undefined && q.neverFewerThan > b.totalSeats) {
    return { path: `${path}.never-fewer-than`, message: `the quorum can never be met: never fewer than ${q.neverFewerThan}, but ${b.name} has ${b.totalSeats} seats`, hint: 'lower "never-fewer-than:"' };
  }
  if (q.kind === 'required') {
    if (!q.role && !q.person) return { path, message: 'a "required" rule needs "role:" or "person:"', hint: 'e.g. "role: chair"' };
    if (q.role && !b.memberIds.some((id) => m.people.get(id)!.role === q.role)) {
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

const emptyBodies: Rule = (m) => {
  const out: Problem[] = [];
  (m.file.bodies ?? []).forEach((b, i) => {
    if (m.bodies.get(b.id)?.memberIds.length === 0) {
      out.push({ severity: 'warning', path: `bodies.${i}.members`, message: `${b.name} has no members: its selectors match nobody`, hint: 'check the groups, people or schools it names' });
    }
  });
  return out;
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
export const PARTNERSHIP_RULES: Record<string, Rule> = { references, proxies, seats, terms, quorumRules, vacancies, emptyBodies, schoolYear };

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

