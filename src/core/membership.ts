/** Who sits where on one day: the membership overview behind `wep members`. */
import type { IsoDate } from './dates.js';
import { isProxy, placeState, sittingOf, vacanciesOn, type Appointment, type Model, type ResolvedBody, type ResolvedPerson, type TermState, type Vacancy } from './model.js';
import type { Role } from './partnership-schema.js';

export interface MemberRow {
  person: ResolvedPerson;
  /** Role and vote in this place (on the body when one is given). */
  role: Role;
  voting: boolean;
  /** The place shown: its dates are the term. */
  place: Appointment;
  term: TermState;
  /** The proxy, when this person has one in this place. */
  proxy?: ResolvedPerson;
}

export interface GroupBlock {
  id: string | null;
  name: string;
  seats: number | null;
  filled: number;
  vacant: number;
  /** Each vacant seat: since when, and how it is filled. */
  vacancies: Vacancy[];
  rows: MemberRow[];
}

/** Someone who held a place before the day and holds none on it. */
export interface FormerRow {
  person: ResolvedPerson;
  /** Their ended places, latest first. */
  places: Appointment[];
}

export interface Membership {
  /** The day membership is evaluated on. */
  on: IsoDate;
  body?: ResolvedBody;
  groups: GroupBlock[];
  /** With `former`: people whose places have all ended. */
  former?: FormerRow[];
}

export interface MembershipOptions {
  /** List former members too. */
  former?: boolean;
  /** Terms ending within this many days are "ending soon"; default 60. */
  soonDays?: number;
}

/**
 * Membership by partner group, for the whole partnership or one body, on `model.asOf` (or
 * `day`, for an undated model). Proxies are shown with their member, not as members; people
 * without a group come last.
 */
export function membership(model: Model, day: IsoDate, body?: ResolvedBody, opts: MembershipOptions = {}): Membership {
  const soon = opts.soonDays ?? 60;
  const inScope = (p: ResolvedPerson) => (body ? body.memberIds.includes(p.id) : p.active && !isProxy(p));
  const row = (p: ResolvedPerson): MemberRow => {
    const s = body ? body.sittings.get(p.id) ?? sittingOf(p, body) : sittingOf(p, { id: '', groupIds: [] });
    const proxy = s.proxy ? model.people.get(s.proxy) : undefined;
    const r: MemberRow = { person: p, role: s.role, voting: s.voting, place: s.place, term: placeState(s.place, day, soon) };
    if (proxy) r.proxy = proxy;
    return r;
  };
  const groupOf = (p: ResolvedPerson) => (body ? body.sittings.get(p.id)?.group : p.group);
  const people = [...model.people.values()].filter(inScope);
  const groupIds = body ? [...body.groupIds, ...new Set(people.map(groupOf).filter((g): g is string => !!g && !body.groupIds.includes(g)))] : [...model.groups.keys()];
  const blocks: GroupBlock[] = groupIds.map((gid) => {
    const g = model.groups.get(gid)!;
    const rows = people.filter((p) => groupOf(p) === gid).map(row);
    const vacancies = vacanciesOn(model, gid, day);
    return { id: gid, name: g.name, seats: g.seats, filled: g.seats - vacancies.length, vacant: vacancies.length, vacancies, rows };
  });
  const others = people.filter((p) => !groupOf(p) || !groupIds.includes(groupOf(p)!)).map(row);
  if (others.length) blocks.push({ id: null, name: 'Not in a partner group', seats: null, filled: others.length, vacant: 0, vacancies: [], rows: others });
  const out: Membership = { on: day, groups: blocks };
  if (body) out.body = body;
  if (opts.former) {
    out.former = [...model.people.values()]
      .filter((p) => !p.active && p.places.some((a) => a.to !== undefined && a.to < day) && (!body || p.places.some((a) => a.body === body.id || (a.group !== undefined && body.groupIds.includes(a.group)))))
      .map((p) => ({ person: p, places: p.places.filter((a) => a.to !== undefined && a.to < day).sort((a, b) => (a.to! < b.to! ? 1 : -1)) }));
  }
  return out;
}
