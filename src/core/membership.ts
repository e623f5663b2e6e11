/** Who sits where: the membership overview behind `wep members`. */
import type { IsoDate } from './dates.js';
import { holdsSeat, isProxy, termState, type Model, type ResolvedBody, type ResolvedPerson, type TermState } from './model.js';

export interface MemberRow {
  person: ResolvedPerson;
  term: TermState;
  /** The proxy's id when this person has one. */
  proxy?: ResolvedPerson;
}

export interface GroupBlock {
  id: string | null;
  name: string;
  seats: number | null;
  filled: number;
  vacant: number;
  rows: MemberRow[];
}

export interface Membership {
  body?: ResolvedBody;
  groups: GroupBlock[];
}

/** Membership by partner group, for the whole partnership or one body. Proxies are shown with
 * their member, not as members; people without a group come last. */
export function membership(model: Model, today: IsoDate, body?: ResolvedBody): Membership {
  const inScope = (p: ResolvedPerson) => (body ? body.memberIds.includes(p.id) : !isProxy(p));
  const row = (p: ResolvedPerson): MemberRow => ({ person: p, term: termState(p, today, 60), proxy: p.proxy ? model.people.get(p.proxy) : undefined });
  const people = [...model.people.values()].filter(inScope);
  const groupIds = body ? [...body.groupIds, ...new Set(people.map((p) => p.group).filter((g): g is string => !!g && !body.groupIds.includes(g)))] : [...model.groups.keys()];
  const blocks: GroupBlock[] = groupIds.map((gid) => {
    const g = model.groups.get(gid)!;
    const rows = people.filter((p) => p.group === gid).map(row);
    const filled = [...model.people.values()].filter((p) => p.group === gid && holdsSeat(p)).length;
    return { id: gid, name: g.name, seats: g.seats, filled, vacant: Math.max(0, g.seats - filled), rows };
  });
  const others = people.filter((p) => !p.group || !groupIds.includes(p.group)).map(row);
  if (others.length) blocks.push({ id: null, name: 'Not in a partner group', seats: null, filled: others.length, vacant: 0, rows: others });
  return { body, groups: blocks };
}
