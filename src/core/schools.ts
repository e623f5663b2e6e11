/**
 * Schools as the unit of representation: which schools a person stands for, which schools a
 * selector matches, which schools belong to a body, and which of them were represented.
 *
 * A person stands for the schools they head (the register's `head:`) and the school their own
 * `school:` names. A selector by school picks the head of each matching school unless it says
 * `who: all`; so a governor or deputy with `school:` sits on no body by that link alone.
 */
import type { ResolvedBody, ResolvedPerson } from './model.js';
import type { QuorumRule, School, SchoolFilter, Selector } from './partnership-schema.js';

type SchoolsRule = Extract<QuorumRule, { kind: 'schools-represented' }>;

/** The lookups by school that selectors and counts need; built once per model. */
export interface SchoolIndex {
  /** Schools each person heads, by the register's `head:`. */
  heads: Map<string, string[]>;
  /** Schools each person stands for: the ones they head, then their own `school:`. */
  linked: Map<string, string[]>;
  /** People who stand for each school: its head, then those whose `school:` it is. */
  bySchool: Map<string, string[]>;
}

const indexes = new WeakMap<ReadonlyMap<string, School>, { people: ReadonlyMap<string, ResolvedPerson>; index: SchoolIndex }>();

/** The school index of a model (memoised on its maps: the model is never changed after it is built). */
export function schoolIndex(model: { people: ReadonlyMap<string, ResolvedPerson>; schools: ReadonlyMap<string, School> }): SchoolIndex {
  const hit = indexes.get(model.schools);
  if (hit && hit.people === model.people) return hit.index;
  const heads = new Map<string, string[]>();
  for (const s of model.schools.values()) {
    if (!s.head) continue;
    const list = heads.get(s.head);
    if (list) list.push(s.id);
    else heads.set(s.head, [s.id]);
  }
  const linked = new Map<string, string[]>();
  for (const p of model.people.values()) {
    const ids = [...(heads.get(p.id) ?? [])];
    if (p.school && !ids.includes(p.school)) ids.push(p.school);
    if (ids.length) linked.set(p.id, ids);
  }
  const bySchool = new Map<string, string[]>();
  for (const [pid, sids] of linked) {
    for (const sid of sids) {
      const list = bySchool.get(sid);
      if (list) list.push(pid);
      else bySchool.set(sid, [pid]);
    }
  }
  const index = { heads, linked, bySchool };
  indexes.set(model.schools, { people: model.people, index });
  return index;
}

export function isOpen(s: School): boolean {
  return s.status !== 'closed';
}

/** Christian denominations as GIAS writes religious character ("Church of England/Methodist", "Roman Catholic" ...). */
const CHURCH = /\b(church|catholic|christian|methodist|anglican|orthodox|quaker|moravian|adventist|reformed|baptist|evangelical|congregational|brethren|protestant)\b/i;

/**
 * True for a church school: one whose religious character is a Christian denomination, whatever
 * its governance type, so church academies are church schools too. A school with no religious
 * character recorded is not, even if voluntary aided (some are Jewish or Muslim).
 */
export function isChurchSchool(s: Pick<School, 'religiousCharacter'>): boolean {
  const rc = s.religiousCharacter;
  return !!rc && CHURCH.test(rc) && !/christian science/i.test(rc);
}

/** Text compared as people mean it: case, spacing and Unicode forms aside. */
export function sameText(a: string, b: string): boolean {
  const norm = (s: string) => s.normalize('NFKC').replace(/[\u2018\u2019]/g, "'").replace(/\s+/g, ' ').trim().toLowerCase();
  return norm(a) === norm(b);
}

/** Whether an open school matches every field of a filter (`who` aside). Closed schools match none. */
export function schoolMatches(s: School, f: SchoolFilter): boolean {
  if (!isOpen(s)) return false;
  if (f.phase && !f.phase.includes(s.phase)) return false;
  if (f.type && !f.type.includes(s.type)) return false;
  if (f.cluster && !(s.cluster && f.cluster.includes(s.cluster))) return false;
  if (f.grouping && !f.grouping.some((g) => g === s.cluster || (s.groupings ?? []).includes(g))) return false;
  if (f.trust && !(s.trust && f.trust.some((t) => sameText(t, s.trust!)))) return false;
  if (f.religiousCharacter && !(s.religiousCharacter && f.religiousCharacter.some((r) => sameText(r, s.religiousCharacter!)))) return false;
  if (f.church !== undefined && isChurchSchool(s) !== f.church) return false;
  return true;
}

const matched = new WeakMap<SchoolFilter, { schools: ReadonlyMap<string, School>; ids: string[] }>();

/** Ids of the schools a filter matches, in register order (memoised per filter: the model never changes). */
export function schoolsMatching(model: { schools: ReadonlyMap<string, School> }, f: SchoolFilter): string[] {
  const hit = matched.get(f);
  if (hit && hit.schools === model.schools) return hit.ids;
  const ids: string[] = [];
  for (const s of model.schools.values()) if (schoolMatches(s, f)) ids.push(s.id);
  matched.set(f, { schools: model.schools, ids });
  return ids;
}

/**
 * The only people who can match selectors that all filter by school: the heads of (or, with
 * `who: all`, everyone linked to) the schools they match. Undefined when some selector does not
 * filter by school, so anyone may match. Selecting a 500-school register's cluster looks at its
 * 20 schools' people, not at every person in the file.
 */
export function schoolCandidates(
  model: { people: ReadonlyMap<string, ResolvedPerson>; schools: ReadonlyMap<string, School> },
  include: readonly Selector[],
): Set<string> | undefined {
  if (!include.length || !include.every((s) => s.schools)) return undefined;
  const index = schoolIndex(model);
  const out = new Set<string>();
  for (const sel of include) {
    const f = sel.schools!;
    for (const sid of schoolsMatching(model, f)) {
      for (const pid of index.bySchool.get(sid) ?? []) if (f.who === 'all' || index.heads.get(pid)?.includes(sid)) out.add(pid);
    }
  }
  return out;
}

/** Whether a selector's school filter picks this person: the head of a matching school, or with `who: all` anyone linked to one. */
export function personMatchesSchools(
  model: { people: ReadonlyMap<string, ResolvedPerson>; schools: ReadonlyMap<string, School> },
  p: ResolvedPerson,
  f: SchoolFilter,
): boolean {
  const index = schoolIndex(model);
  const ids = f.who === 'all' ? index.linked.get(p.id) : index.heads.get(p.id);
  if (!ids) return false;
  return ids.some((id) => {
    const s = model.schools.get(id);
    return !!s && schoolMatches(s, f);
  });
}

/** The schools a person stands for (heads first), in the register. */
export function schoolsOf(model: { people: ReadonlyMap<string, ResolvedPerson>; schools: ReadonlyMap<string, School> }, personId: string): string[] {
  return (schoolIndex(model).linked.get(personId) ?? []).filter((id) => model.schools.has(id));
}

/** True when a selector is a school filter and nothing else: it names schools, not only people. */
const onlySchools = (s: Selector) => !!s.schools && Object.keys(s).every((k) => k === 'schools' || (s as Record<string, unknown>)[k] === undefined);

/**
 * A body's schools, in register order. A body whose members are chosen by school (a selector
 * of `schools:` alone) has the open schools those selectors match, whether or not anyone from
 * them is on the body yet ("18 out of 28 schools" counts the 10 that sent no one), and not the
 * other schools its members happen to lead. Any other body has the schools its voting members
 * stand for.
 */
export function bodySchoolIds(
  model: { people: ReadonlyMap<string, ResolvedPerson>; schools: ReadonlyMap<string, School> },
  body: Pick<ResolvedBody, 'members' | 'memberIds'>,
): string[] {
  const ids = new Set<string>();
  const filters = body.members.filter(onlySchools).map((s) => s.schools!);
  for (const f of filters) for (const sid of schoolsMatching(model, f)) ids.add(sid);
  if (filters.length) return [...model.schools.keys()].filter((id) => ids.has(id));
  for (const pid of body.memberIds) {
    const p = model.people.get(pid);
    if (!p?.voting) continue;
    for (const sid of schoolsOf(model, pid)) if (isOpen(model.schools.get(sid)!)) ids.add(sid);
  }
  return [...model.schools.keys()].filter((id) => ids.has(id));
}

/** One school represented, and by whom. */
export interface SchoolRepresented {
  school: string;
  /** People who counted for it: members in person, or proxies (listed by the proxy's id). */
  by: string[];
}

/**
 * Which of a body's schools the counted people represent. A member counts for the schools
 * they stand for; a proxy or substitute for the schools of the member they stand in for. A
 * school counts once however many come.
 */
export function representedSchools(
  model: { people: ReadonlyMap<string, ResolvedPerson>; schools: ReadonlyMap<string, School> },
  body: Pick<ResolvedBody, 'schoolIds'>,
  counted: readonly { id: string; as: 'member' | 'proxy' | 'substitute'; for?: string }[],
): { represented: SchoolRepresented[]; notRepresented: string[] } {
  const onBody = new Set(body.schoolIds);
  const by = new Map<string, string[]>();
  for (const c of counted) {
    for (const sid of schoolsOf(model, c.as !== 'member' && c.for ? c.for : c.id)) {
      if (!onBody.has(sid)) continue;
      const list = by.get(sid);
      if (list) {
        if (!list.includes(c.id)) list.push(c.id);
      } else by.set(sid, [c.id]);
    }
  }
  return {
    represented: body.schoolIds.filter((id) => by.has(id)).map((id) => ({ school: id, by: by.get(id)! })),
    notRepresented: body.schoolIds.filter((id) => !by.has(id)),
  };
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** A schools-represented rule in words; with `total`, the number of the body's schools. */
export function describeSchoolsRule(q: SchoolsRule, total?: number): string {
  if (q.fraction === undefined) return `at least ${plural(q.min ?? 0, 'school')} represented`;
  const of = total === undefined ? "the body's schools" : plural(total, 'school');
  const floor = q.neverFewerThan ? `, never fewer than ${q.neverFewerThan}` : '';
  return `${q.fraction} of ${of} represented, rounded ${q.round ?? 'up'}${floor}`;
}
