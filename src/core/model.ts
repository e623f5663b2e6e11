/**
 * The partnership as the commands use it: the validated file with defaults applied and
 * indexes built. Plain data in, plain data out; `buildModel` is cheap, so the load cache only
 * stores the validated file.
 */
import { makeCalendar, type Calendar, type Closure } from './calendar.js';
import { bodySchoolIds, personMatchesSchools, schoolCandidates } from './schools.js';
import { assumedCalendar, type Term, type TermCalendar } from './school-year.js';
import { addDays, daysBetween, type IsoDate } from './dates.js';
import { partitionPoint } from './sorted.js';
import {
  SEAT_ROLES,
  VOTING_ROLES,
  type Body,
  type DistributionList,
  type FillMethod,
  type Group,
  type Grouping,
  type PartnershipFile,
  type Person,
  type Role,
  type School,
  type Selector,
} from './partnership-schema.js';

/**
 * One place a person holds: the shorthand at the top of their entry (`group`, `role`, `voting`,
 * `term`, `proxy`) or one entry of `appointments:`. Dates are inclusive; open ends run forever.
 */
export interface Appointment {
  /** Index in the person's `appointments:`, or -1 for the shorthand. */
  index: number;
  /** Set when the place is on one body only. */
  body?: string;
  group?: string;
  seat?: string;
  role: Role;
  voting: boolean;
  from?: IsoDate;
  to?: IsoDate;
  filled?: FillMethod;
  proxy?: string;
}

export interface ResolvedPerson extends Person {
  /** Role, vote, group and proxy of the person's first current place not tied to one body. */
  role: Role;
  voting: boolean;
  /** Members who appointed this person as their proxy (in a current place). */
  proxyFor: string[];
  /** Every place the person holds or held, the shorthand first. */
  places: Appointment[];
  /** The places held on the model's date (every place when the model is undated). */
  current: Appointment[];
  /** False for a former member (or one not yet started) on the model's date. */
  active: boolean;
}

/** How one person sits on one body on the model's date. */
export interface Sitting {
  role: Role;
  voting: boolean;
  /** The partner group whose seat they take on this body, if any. */
  group?: string;
  /** Their appointed proxy for this body. */
  proxy?: string;
  place: Appointment;
}

export interface ResolvedBody extends Body {
  /** Ids of the people who sit on the body (proxies are not members in their own right). */
  memberIds: string[];
  /** Role, vote, group and proxy of each member on this body. */
  sittings: Map<string, Sitting>;
  /** Proxy id -> the members of this body who appointed them, in body order. */
  standsFor: Map<string, string[]>;
  /** Total seats: `seats` from the file, or the member groups' seats plus seated individuals. */
  totalSeats: number;
  /** Seats that carry a vote, filled or not: total seats less those held without a vote. */
  votingSeats: number;
  /** Groups that hold seats on this body, in file order. */
  groupIds: string[];
  maxPerProxy: number;
  proxiesAllowed: boolean;
  substitutesAllowed: boolean;
  substitutesFrom: 'own-group' | 'anyone';
  /** The body's schools (src/core/schools.ts `bodySchoolIds`), for counting schools represented. */
  schoolIds: string[];
}

export interface Model {
  file: PartnershipFile;
  /** The date membership is evaluated on; undefined: every place counts (checks of the file as a whole). */
  asOf?: IsoDate;
  calendar: Calendar;
  people: Map<string, ResolvedPerson>;
  groups: Map<string, Group>;
  schools: Map<string, School>;
  /** Named sets of schools: the `groupings:` section (clusters stay in `file.clusters`). */
  groupings: Map<string, Grouping>;
  bodies: Map<string, ResolvedBody>;
  lists: Map<string, DistributionList>;
  /** School calendars given in the file: '' is calendar.terms, others by their id. */
  termCalendars: Map<string, TermCalendar>;
}

/** Whether a place is held on `day` (undefined: always). */
export function isCurrent(a: Pick<Appointment, 'from' | 'to'>, day: IsoDate | undefined): boolean {
  if (day === undefined) return true;
  return (a.from === undefined || a.from <= day) && (a.to === undefined || day <= a.to);
}

/** The places a person's entry describes: the shorthand (unless only `appointments:` is given), then each appointment. */
export function placesOf(p: Person): Appointment[] {
  const out: Appointment[] = [];
  const shorthand = !p.appointments || p.group !== undefined || p.term !== undefined || p.role !== undefined || p.voting !== undefined;
  if (shorthand) {
    const role = p.role ?? 'member';
    const a: Appointment = { index: -1, role, voting: p.voting ?? VOTING_ROLES.includes(role) };
    if (p.group !== undefined) a.group = p.group;
    if (p.term?.start) a.from = p.term.start;
    if (p.term?.end) a.to = p.term.end;
    if (p.proxy !== undefined) a.proxy = p.proxy;
    out.push(a);
  }
  (p.appointments ?? []).forEach((e, index) => {
    const role = e.role ?? 'member';
    const a: Appointment = { index, role, voting: e.voting ?? VOTING_ROLES.includes(role) };
    if (e.body !== undefined) a.body = e.body;
    if (e.group !== undefined) a.group = e.group;
    if (e.seat !== undefined) a.seat = e.seat;
    if (e.from !== undefined) a.from = e.from;
    if (e.to !== undefined) a.to = e.to;
    if (e.filled !== undefined) a.filled = e.filled;
    const proxy = e.proxy ?? p.proxy;
    if (proxy !== undefined) a.proxy = proxy;
    out.push(a);
  });
  return out;
}

/** A person as of `day` (undefined: every place counts). */
export function resolvePerson(p: Person, day?: IsoDate): ResolvedPerson {
  const places = placesOf(p);
  const current = places.filter((a) => isCurrent(a, day));
  const primary = current.find((a) => a.body === undefined) ?? current[0];
  // The top-level fields say where the person is on `day`: a former member has no group or
  // proxy. (Left out by destructuring, not `delete`, which would make every person a slow object.)
  // The rest is a new object, so it is filled in, not spread into another: a model is built once
  // a run, before V8 optimises anything, and there a spread costs four times as much.
  const { group: _group, proxy: _proxy, ...rest } = p;
  const out: ResolvedPerson = Object.assign(rest, { role: primary?.role ?? places[places.length - 1]?.role ?? 'member', voting: primary?.voting ?? false, proxyFor: [], places, current, active: current.length > 0 });
  if (primary?.group !== undefined) out.group = primary.group;
  if (primary?.proxy !== undefined) out.proxy = primary.proxy;
  return out;
}

/** True when the person is appointed as someone's proxy. */
export function isProxy(p: ResolvedPerson): boolean {
  return p.role === 'proxy' || p.proxyFor.length > 0;
}

const SEATED = (a: Pick<Appointment, 'role' | 'group'>) => a.group !== undefined && SEAT_ROLES.includes(a.role);

/** True when the person takes one of their group's seats. */
export function holdsSeat(p: Pick<ResolvedPerson, 'role' | 'group'> & { active?: boolean }): boolean {
  return p.active !== false && SEATED(p);
}

function inGroup(p: ResolvedPerson, groups: readonly string[]): boolean {
  return p.current.some((a) => a.body === undefined && a.group !== undefined && groups.includes(a.group));
}

function matches(model: Pick<Model, 'people' | 'schools' | 'bodies'>, p: ResolvedPerson, s: Selector, seen: Set<string>): boolean {
  if (!p.active) return false; // a former member is on no list and no body
  if (s.groups && !inGroup(p, s.groups)) return false;
  if (s.people && !s.people.includes(p.id)) return false;
  if (s.roles && !p.current.some((a) => s.roles!.includes(a.role))) return false;
  if (s.proxies !== undefined && isProxy(p) !== s.proxies) return false;
  if (s.schools && !personMatchesSchools(model, p, s.schools)) return false;
  if (s.bodies) {
    const inSome = s.bodies.some((b) => {
      if (seen.has(b)) return false; // a body that lists itself adds no one
      const body = model.bodies.get(b);
      return body ? nestedMembers(model, body, new Set([...seen, b])).has(p.id) : false;
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
  const pool = schoolCandidates(model, include);
  for (const p of model.people.values()) {
    if (pool && !pool.has(p.id)) continue;
    if (!include.some((s) => matches(model, p, s, seen))) continue;
    if (exclude.some((s) => matches(model, p, s, seen))) continue;
    out.push(p);
  }
  return out;
}

/** Body id -> people with a current appointment to that body, worked out once per build. */
const direct = new WeakMap<object, Map<string, Set<string>>>();
function appointedTo(model: Pick<Model, 'people'>): Map<string, Set<string>> {
  let m = direct.get(model.people);
  if (!m) {
    m = new Map();
    for (const p of model.people.values()) {
      for (const a of p.current) {
        if (a.body === undefined) continue;
        if (!m.has(a.body)) m.set(a.body, new Set());
        m.get(a.body)!.add(p.id);
      }
    }
    direct.set(model.people, m);
  }
  return m;
}

/** Members of a body named in a `bodies:` selector, worked out once per build (not once per person asked about). */
const nested = new WeakMap<object, Map<string, Set<string>>>();
function nestedMembers(model: Pick<Model, 'people' | 'schools' | 'bodies'>, body: Body, seen: Set<string>): Set<string> {
  let byKey = nested.get(model.people);
  if (!byKey) nested.set(model.people, (byKey = new Map()));
  const key = `${body.id}\u0000${[...seen].sort().join('\u0000')}`;
  let set = byKey.get(key);
  if (!set) byKey.set(key, (set = new Set(bodyMembers(model, body, seen))));
  return set;
}

function bodyMembers(model: Pick<Model, 'people' | 'schools' | 'bodies'>, body: Body, seen: Set<string>): string[] {
  // A proxy sits on a body only through the member they stand for, unless named outright or
  // appointed to the body itself.
  const selected = new Set(
    selectPeople(model, body.members, [], seen)
      .filter((p) => !isProxy(p) || p.current.some(SEATED) || body.members.some((s) => s.people?.includes(p.id)))
      .map((p) => p.id),
  );
  const direct = appointedTo(model).get(body.id);
  if (!direct) return [...selected];
  const out: string[] = [];
  for (const p of model.people.values()) if (selected.has(p.id) || direct.has(p.id)) out.push(p.id);
  return out;
}

/** How `p` sits on `body`: their place on that body, else their place in one of its groups, else their first place. */
export function sittingOf(p: ResolvedPerson, body: Pick<ResolvedBody, 'id' | 'groupIds'>): Sitting {
  const place =
    p.current.find((a) => a.body === body.id) ??
    p.current.find((a) => a.body === undefined && a.group !== undefined && body.groupIds.includes(a.group)) ??
    p.current.find((a) => a.body === undefined) ??
    p.current[0] ??
    p.places[0] ?? { index: -1, role: p.role, voting: p.voting };
  const s: Sitting = { role: place.role, voting: place.voting, place };
  if (place.group !== undefined) s.group = place.group;
  if (place.proxy !== undefined) s.proxy = place.proxy;
  return s;
}

/** The fields of a body that say who sits on it: worked out when first read. */
const MEMBERSHIP = ['memberIds', 'groupIds', 'sittings', 'standsFor', 'totalSeats', 'votingSeats', 'schoolIds'] as const;
type Membership = Pick<ResolvedBody, (typeof MEMBERSHIP)[number]>;

/** Who sits on one body, with which seat and vote. Reads none of the body's own membership fields. */
function bodyMembership(partial: Pick<Model, 'people' | 'schools' | 'bodies'>, groups: ReadonlyMap<string, Group>, b: ResolvedBody): Membership {
  const memberIds = bodyMembers(partial, b, new Set([b.id]));
  const groupIds = [...new Set(b.members.flatMap((s) => s.groups ?? []))].filter((g) => groups.has(g));
  const sittings = new Map<string, Sitting>();
  const standsFor = new Map<string, string[]>();
  for (const id of memberIds) sittings.set(id, sittingOf(partial.people.get(id)!, { id: b.id, groupIds }));
  for (const id of memberIds) {
    const s = sittings.get(id)!;
    if (!s.voting || !s.proxy) continue;
    if (!standsFor.has(s.proxy)) standsFor.set(s.proxy, []);
    standsFor.get(s.proxy)!.push(id);
  }
  // Seats come from the groups named; people on the body from no named group (an
  // independent chair, a head chosen by school) hold one seat each if they vote.
  const held = [...sittings.values()];
  const seatedElsewhere = held.filter((s) => s.voting && !(s.group && groupIds.includes(s.group))).length;
  // A seat held without a vote (a council officer's) is not a voting seat; a vacant seat is.
  const nonVoting = groupIds.reduce((n, g) => {
    const count = held.filter((s) => s.group === g && !s.voting && SEAT_ROLES.includes(s.role)).length;
    return n + Math.min(count, groups.get(g)?.seats ?? 0);
  }, 0);
  const totalSeats = b.seats ?? groupIds.reduce((n, g) => n + (groups.get(g)?.seats ?? 0), 0) + seatedElsewhere;
  return {
    memberIds,
    groupIds,
    sittings,
    standsFor,
    totalSeats,
    votingSeats: Math.max(0, totalSeats - nonVoting),
    schoolIds: bodySchoolIds(partial, { members: b.members, memberIds }),
  };
}

/**
 * Makes a body's membership fields work themselves out when first read (or written), all at
 * once: `wep deadlines` on a partnership of 500 schools reads one body's notice rule, and
 * working out who sits on each of thirty bodies was a fifth of its run.
 */
function settleOnFirstUse(b: ResolvedBody, compute: () => Membership): void {
  const settle = () => {
    const v = compute();
    for (const k of MEMBERSHIP) Object.defineProperty(b, k, { value: v[k], writable: true, enumerable: true, configurable: true });
  };
  for (const k of MEMBERSHIP) {
    Object.defineProperty(b, k, {
      get() {
        settle();
        return b[k];
      },
      set(value: unknown) {
        settle();
        Object.defineProperty(b, k, { value, writable: true, enumerable: true, configurable: true });
      },
      enumerable: true,
      configurable: true,
    });
  }
}

/**
 * The partnership as of one day: who is in which group, who sits on each body with which role
 * and vote, and who is whose proxy. Without `asOf`, every place counts (the file as a whole).
 */
export function buildModel(file: PartnershipFile, asOf?: IsoDate): Model {
  const people = new Map<string, ResolvedPerson>();
  for (const p of file.people ?? []) if (!people.has(p.id)) people.set(p.id, resolvePerson(p, asOf));
  for (const p of people.values()) {
    for (const proxy of new Set(p.current.map((a) => a.proxy).filter((x): x is string => x !== undefined && x !== p.id))) people.get(proxy)?.proxyFor.push(p.id);
  }
  const groups = new Map((file.groups ?? []).map((g) => [g.id, g] as const));
  const schools = new Map((file.schools ?? []).map((s) => [s.id, s] as const));
  const bodies = new Map<string, ResolvedBody>();
  const partial = { people, schools, bodies };
  // Members first with placeholder bodies, so `bodies:` selectors can refer to any body.
  for (const b of file.bodies ?? []) {
    if (!bodies.has(b.id)) {
      bodies.set(b.id, {
        ...b,
        memberIds: [],
        sittings: new Map(),
        standsFor: new Map(),
        totalSeats: 0,
        votingSeats: 0,
        groupIds: [],
        maxPerProxy: 1,
        proxiesAllowed: true,
        substitutesAllowed: false,
        substitutesFrom: 'own-group',
        schoolIds: [],
      });
    }
  }
  for (const b of bodies.values()) {
    b.maxPerProxy = b.proxies?.maxPerProxy ?? 1;
    b.proxiesAllowed = b.proxies?.allowed ?? true;
    b.substitutesAllowed = b.substitutes?.allowed ?? false;
    b.substitutesFrom = b.substitutes?.from ?? 'own-group';
    settleOnFirstUse(b, () => bodyMembership(partial, groups, b));
  }
  const lists = new Map((file.lists ?? []).map((l) => [l.id, l] as const));
  const cal = file.partnership?.calendar;
  const model: Model = {
    file,
    calendar: makeCalendar(cal?.nation ?? 'england-and-wales', closureDays(cal?.closures ?? [])),
    termCalendars: termCalendarsOf(file),
    people,
    groups,
    schools,
    groupings: new Map((file.groupings ?? []).map((g) => [g.id, g] as const)),
    bodies,
    lists,
  };
  if (asOf !== undefined) model.asOf = asOf;
  return model;
}

interface Dated {
  /** Every day on which some place begins or has just ended, sorted: between two of them, who holds which place does not change. */
  changes: IsoDate[];
  byDay: Map<IsoDate, Model>;
  /** The model built for each span between changes, by the span's index. */
  bySpan: Map<number, Model>;
}
const dated = new WeakMap<Model, Dated>();

function datedOf(model: Model): Dated {
  let d = dated.get(model);
  if (!d) {
    const changes = new Set<IsoDate>();
    for (const p of model.file.people ?? []) {
      for (const a of placesOf(p)) {
        if (a.from !== undefined) changes.add(a.from);
        if (a.to !== undefined) changes.add(addDays(a.to, 1));
      }
    }
    d = { changes: [...changes].sort(), byDay: new Map(), bySpan: new Map() };
    dated.set(model, d);
  }
  return d;
}

/** How many of the sorted days are on or before `day`. */
const countOnOrBefore = (sorted: readonly IsoDate[], day: IsoDate) => partitionPoint(sorted, (d) => d <= day);

/**
 * The same partnership as of `day`: what every question about one meeting (who counts, who
 * gets the notice, who sat where) is answered on. A day's model depends on the day only through
 * which places are held, so it is built once for each span of days in which no place begins or
 * ends (20 years of meetings need a few dozen builds, not a thousand), and shares the calendar.
 */
export function modelOn(model: Model, day: IsoDate): Model {
  if (model.asOf === day) return model;
  const d = datedOf(model);
  let m = d.byDay.get(day);
  if (!m) {
    const span = countOnOrBefore(d.changes, day);
    const built = d.bySpan.get(span);
    if (built) m = { ...built, asOf: day };
    else {
      m = { ...buildModel(model.file, day), calendar: model.calendar, termCalendars: model.termCalendars };
      d.bySpan.set(span, m);
    }
    d.byDay.set(day, m);
  }
  return m;
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

/** Voting members of a body (the seats actually filled), by their vote on that body. */
export function votingMembers(model: Model, body: ResolvedBody): ResolvedPerson[] {
  return body.memberIds.filter((id) => body.sittings.get(id)?.voting).map((id) => model.people.get(id)!);
}

/** The partner group a member sits for on a body (their own group, also for their proxy). */
export function groupOn(body: ResolvedBody, id: string): string | undefined {
  return body.sittings.get(id)?.group;
}

/** Seats held and vacant per group on a body. */
export function groupSeats(model: Model, groupId: string): { seats: number; filled: ResolvedPerson[]; vacant: number } {
  const g = model.groups.get(groupId);
  const filled = [...model.people.values()].filter((p) => p.current.some((a) => a.group === groupId && SEATED(a)));
  const seats = g?.seats ?? 0;
  return { seats, filled, vacant: Math.max(0, seats - filled.length) };
}

/** How many distinct people hold a seat of the group on `day`. */
function filledOn(model: Model, groupId: string, day: IsoDate): number {
  let n = 0;
  for (const p of model.people.values()) if (p.places.some((a) => a.group === groupId && SEATED(a) && isCurrent(a, day))) n++;
  return n;
}

/** A vacant seat of a group: since when (null when no one in the file ever held it) and how it is filled. */
export interface Vacancy {
  group: string;
  /** The day after the last holder's appointment ended. */
  since: IsoDate | null;
  /** Who held it last, when known. */
  lastHeldBy?: string;
  filledBy: FillMethod;
}

/**
 * The vacant seats of a group on `day`, longest vacant first (never-filled seats have `since`
 * null). The k-th vacancy fell vacant on the latest day on which the seats held dropped to
 * seats - k, counting every appointment in the file.
 */
export function vacanciesOn(model: Model, groupId: string, day: IsoDate): Vacancy[] {
  const g = model.groups.get(groupId);
  if (!g) return [];
  const vacant = Math.max(0, g.seats - filledOn(model, groupId, day));
  if (vacant === 0) return [];
  const changes = new Set<IsoDate>();
  const endedBy = new Map<IsoDate, string>();
  for (const p of model.people.values()) {
    for (const a of p.places) {
      if (a.group !== groupId || !SEATED(a)) continue;
      if (a.from && a.from <= day) changes.add(a.from);
      if (a.to && a.to < day) {
        const after = addDays(a.to, 1);
        changes.add(after);
        endedBy.set(after, p.id);
      }
    }
  }
  const points = [...changes].sort().reverse();
  const out: Vacancy[] = [];
  const filledBy = g.filledBy ?? 'elected';
  for (let k = 1; k <= vacant; k++) {
    const threshold = g.seats - k;
    let since: IsoDate | null = null;
    for (const c of points) {
      if (filledOn(model, groupId, addDays(c, -1)) > threshold) {
        since = c;
        break;
      }
      if (filledOn(model, groupId, c) > threshold) break; // filled above the level since: never vacated in view
    }
    const v: Vacancy = { group: groupId, since, filledBy };
    const last = since ? endedBy.get(since) : undefined;
    if (last) v.lastHeldBy = last;
    out.push(v);
  }
  return out;
}

export type TermState = 'current' | 'ending-soon' | 'expired' | 'not-started' | 'none';

/** Where a place (or a person's `term`) stands on `today`. */
export function placeState(a: Pick<Appointment, 'from' | 'to'>, today: IsoDate, soonDays = 60): TermState {
  if (!a.to && !a.from) return 'none';
  if (a.from && today < a.from) return 'not-started';
  if (a.to) {
    if (today > a.to) return 'expired';
    if (daysBetween(today, a.to) <= soonDays) return 'ending-soon';
  }
  return 'current';
}

/** Where a person stands in their term of office on `today`. */
export function termState(p: Person, today: IsoDate, soonDays = 60): TermState {
  return placeState({ from: p.term?.start, to: p.term?.end }, today, soonDays);
}
