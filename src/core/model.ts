/**
 * The partnership as the commands use it: the validated file with defaults applied and
 * indexes built. Plain data in, plain data out; `buildModel` is cheap, so the load cache only
 * stores the validated file.
 */
import { makeCalendar, type Calendar, type Closure } from './calendar.js';
import { assumedCalendar, type Term, type TermCalendar } from './school-year.js';
import { addDays, type IsoDate } from './dates.js';
import {
  SEAT_ROLES,
  VOTING_ROLES,
  type Body,
  type DistributionList,
  type Group,
  type PartnershipFile,
  type Person,
  type Role,
  type School,
  type Selector,
} from './partnership-schema.js';

export interface ResolvedPerson extends Person {
  role: Role;
  voting: boolean;
  /** Members who appointed this person as their proxy. */
  proxyFor: string[];
}

export interface ResolvedBody extends Body {
  /** Ids of the people who sit on the body (proxies are not members in their own right). */
  memberIds: string[];
  /** Total seats: `seats` from the file, or the member groups' seats plus seated individuals. */
  totalSeats: number;
  /** Groups that hold seats on this body, in file order. */
  groupIds: string[];
  maxPerProxy: number;
  proxiesAllowed: boolean;
}

export interface Model {
  file: PartnershipFile;
  calendar: Calendar;
  people: Map<string, ResolvedPerson>;
  groups: Map<string, Group>;
  schools: Map<string, School>;
  bodies: Map<string, ResolvedBody>;
  lists: Map<string, DistributionList>;
  /** School calendars given in the file: '' is calendar.terms, others by their id. */
  termCalendars: Map<string, TermCalendar>;
}

export function resolvePerson(p: Person): ResolvedPerson {
  const role = p.role ?? 'member';
  return { ...p, role, voting: p.voting ?? VOTING_ROLES.includes(role), proxyFor: [] };
}

/** True when the person is appointed as someone's proxy. */
export function isProxy(p: ResolvedPerson): boolean {
  return p.role === 'proxy' || p.proxyFor.length > 0;
}

/** True when the person takes one of their group's seats. */
export function holdsSeat(p: Pick<ResolvedPerson, 'role' | 'group'>): boolean {
  return p.group !== undefined && SEAT_ROLES.includes(p.role);
}

function matches(model: Pick<Model, 'people' | 'schools' | 'bodies'>, p: ResolvedPerson, s: Selector, seen: Set<string>): boolean {
  if (s.groups && !(p.group && s.groups.includes(p.group))) return false;
  if (s.people && !s.people.includes(p.id)) return false;
  if (s.roles && !s.roles.includes(p.role)) return false;
  if (s.proxies !== undefined && isProxy(p) !== s.proxies) return false;
  if (s.schools) {
    const school = p.school ? model.schools.get(p.school) : undefined;
    if (!school) return false;
    const f = s.schools;
    if (f.phase && !f.phase.includes(school.phase)) return false;
    if (f.type && !f.type.includes(school.type)) return false;
    if (f.cluster && !(school.cluster && f.cluster.includes(school.cluster))) return false;
  }
  if (s.bodies) {
    const inSome = s.bodies.some((b) => {
      if (seen.has(b)) return false; // a body that lists itself adds no one
      const body = model.bodies.get(b);
      return body ? bodyMembers(model, body, new Set([...seen, b])).includes(p.id) : false;
    });
    if (!inSome) return false;
  }
  return true;
}

/** People matched by any of the selectors (each selector's fields must all match), in file order. */
export function selectPeople(
  model: Pick<Model, 'people' | 'schools' | 'bodies'>,
  include: readonly Selector[],
  exclude: readonly Selector[] = [],
  seen: Set<string> = new Set(),
): ResolvedPerson[] {
  const out: ResolvedPerson[] = [];
  for (const p of model.people.values()) {
    if (!include.some((s) => matches(model, p, s, seen))) continue;
    if (exclude.some((s) => matches(model, p, s, seen))) continue;
    out.push(p);
  }
  return out;
}

function bodyMembers(model: Pick<Model, 'people' | 'schools' | 'bodies'>, body: Body, seen: Set<string>): string[] {
  // A proxy sits on a body only through the member they stand for, unless named outright.
  return selectPeople(model, body.members, [], seen)
    .filter((p) => !isProxy(p) || body.members.some((s) => s.people?.includes(p.id)))
    .map((p) => p.id);
}

export function buildModel(file: PartnershipFile): Model {
  const people = new Map<string, ResolvedPerson>();
  for (const p of file.people ?? []) if (!people.has(p.id)) people.set(p.id, resolvePerson(p));
  for (const p of people.values()) {
    if (p.proxy) people.get(p.proxy)?.proxyFor.push(p.id);
  }
  const groups = new Map((file.groups ?? []).map((g) => [g.id, g] as const));
  const schools = new Map((file.schools ?? []).map((s) => [s.id, s] as const));
  const bodies = new Map<string, ResolvedBody>();
  const partial = { people, schools, bodies };
  // Members first with placeholder bodies, so `bodies:` selectors can refer to any body.
  for (const b of file.bodies ?? []) {
    if (!bodies.has(b.id)) bodies.set(b.id, { ...b, memberIds: [], totalSeats: 0, groupIds: [], maxPerProxy: 1, proxiesAllowed: true });
  }
  for (const b of bodies.values()) {
    b.memberIds = bodyMembers(partial, b, new Set([b.id]));
    const groupIds = [...new Set(b.members.flatMap((s) => s.groups ?? []))].filter((g) => groups.has(g));
    // Seats come from the groups named; people on the body from no named group (an
    // independent chair, a head chosen by school) hold one seat each if they vote.
    const seatedElsewhere = b.memberIds.filter((id) => {
      const p = people.get(id)!;
      return p.voting && !(p.group && groupIds.includes(p.group));
    }).length;
    b.groupIds = groupIds;
    b.totalSeats = b.seats ?? groupIds.reduce((n, g) => n + (groups.get(g)?.seats ?? 0), 0) + seatedElsewhere;
    b.maxPerProxy = b.proxies?.maxPerProxy ?? 1;
    b.proxiesAllowed = b.proxies?.allowed ?? true;
  }
  const lists = new Map((file.lists ?? []).map((l) => [l.id, l] as const));
  const cal = file.partnership?.calendar;
  return {
    file,
    calendar: makeCalendar(cal?.nation ?? 'england-and-wales', closureDays(cal?.closures ?? [])),
    termCalendars: termCalendarsOf(file),
    people,
    groups,
    schools,
    bodies,
    lists,
  };
}

/** Closures as single days: a range `{ from, to }` is every day in it (at most a year). */
export function closureDays(closures: NonNullable<NonNullable<PartnershipFile['partnership']['calendar']>['closures']>): Closure[] {
  const out: Closure[] = [];
  for (const c of closures) {
    if (c.date) out.push({ date: c.date, reason: c.reason });
    if (c.from && c.to) for (let d = c.from, n = 0; d <= c.to && n < 366; d = addDays(d, 1), n++) out.push({ date: d, reason: c.reason });
  }
  return out;
}

function termCalendarsOf(file: PartnershipFile): Map<string, TermCalendar> {
  const cal = file.partnership?.calendar;
  const out = new Map<string, TermCalendar>();
  const sorted = (terms: readonly Term[]) => [...terms].sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0));
  if (cal?.terms?.length) out.set('', { name: 'the term dates in the partnership file', source: 'given', terms: sorted(cal.terms) });
  for (const [id, other] of Object.entries(cal?.otherTerms ?? {})) out.set(id, { name: other.name, source: 'given', terms: sorted(other.terms) });
  return out;
}

/**
 * The school calendar a body meets by: the one it names, else the partnership's term dates,
 * else the usual English pattern over [from, to] (marked as assumed).
 */
export function termCalendarFor(model: Pick<Model, 'termCalendars'>, body: Pick<ResolvedBody, 'terms'> | undefined, from: IsoDate, to: IsoDate): TermCalendar {
  return model.termCalendars.get(body?.terms ?? '') ?? model.termCalendars.get('') ?? assumedCalendar(from, to);
}

/** The body a command acts on by default: `partnership`, else the first in the file. */
export function defaultBodyId(model: Model): string {
  return model.bodies.has('partnership') ? 'partnership' : model.bodies.keys().next().value!;
}

/** Voting members of a body (the seats actually filled). */
export function votingMembers(model: Model, body: ResolvedBody): ResolvedPerson[] {
  return body.memberIds.map((id) => model.people.get(id)!).filter((p) => p.voting);
}

/** Seats held and vacant per group on a body. */
export function groupSeats(model: Model, groupId: string): { seats: number; filled: ResolvedPerson[]; vacant: number } {
  const g = model.groups.get(groupId);
  const filled = [...model.people.values()].filter((p) => p.group === groupId && holdsSeat(p));
  const seats = g?.seats ?? 0;
  return { seats, filled, vacant: Math.max(0, seats - filled.length) };
}

export type TermState = 'current' | 'ending-soon' | 'expired' | 'not-started' | 'none';

/** Where a person stands in their term of office on `today`. */
export function termState(p: Person, today: IsoDate, soonDays = 60): TermState {
  if (!p.term?.end && !p.term?.start) return 'none';
  if (p.term.start && today < p.term.start) return 'not-started';
  if (p.term.end) {
    if (today > p.term.end) return 'expired';
    const days = (Date.parse(p.term.end) - Date.parse(today)) / 86_400_000;
    if (days <= soonDays) return 'ending-soon';
  }
  return 'current';
}
