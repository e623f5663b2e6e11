/**
 * The quorum engine: given a body's rules and who was in the room (at the start, or at one
 * agenda item), says whether the meeting can decide, and explains itself: per rule what was
 * required and counted, who counted as what, who did not and why, and who could fix a shortfall.
 *
 * Pure: takes the model and an attendance record, returns data. No yaml, no prompts, no output,
 * so `wep quorum --present ...` starts fast.
 */
import type { Attendance, MeetingFile } from './meeting-schema.js';
import { isProxy, votingMembers, type Model, type ResolvedBody, type ResolvedPerson } from './model.js';
import type { QuorumRule } from './partnership-schema.js';

/** Someone who, by coming in, would help meet a failed rule. */
export interface CouldFix {
  id: string;
  name: string;
  via: 'member' | 'proxy';
  /** For a proxy: the absent member they would stand for. */
  forMember?: string;
  forMemberName?: string;
}

export interface RuleResult {
  /** Plain-words statement of the rule, e.g. "at least 2 from Schools Forum". */
  description: string;
  kind: QuorumRule['kind'];
  required: number;
  counted: number;
  met: boolean;
  /** How many more are needed (0 when met). */
  shortBy: number;
  /** Who counted towards this rule (members, and proxies standing in). */
  countedIds: string[];
  couldFix: CouldFix[];
  /** per-group rules give one result per group. */
  group?: string;
  groupName?: string;
  note?: string;
}

/** One person counted towards the quorum: a member in person, or a proxy for an absent member. */
export interface Counted {
  id: string;
  as: 'member' | 'proxy';
  /** For a proxy: the member stood in for. */
  for?: string;
  /** The partner group counted in: the member's own group, also for their proxy. */
  group?: string;
}

export interface NotCounted {
  id: string;
  reason: string;
}

export interface QuorumResult {
  quorate: boolean;
  body: string;
  bodyName: string;
  /** The agenda item evaluated; null for the start of the meeting. */
  item: number | null;
  rules: RuleResult[];
  counted: Counted[];
  notCounted: NotCounted[];
  warnings: string[];
  /** True when this is a forecast from apologies, not a count of who was there. */
  forecast: boolean;
  /** For a forecast: the apologies it assumed. */
  apologies?: string[];
}

export interface QuorumOptions {
  /** Evaluate at this agenda item (late arrivals, departures, withdrawals); default: the start. */
  item?: number;
}

type Event = { item: number; kind: 'left' | 'arrived' };

/** Late arrivals and early departures of one person, in meeting order (a departure first when both fall on one item). */
function eventsOf(att: Attendance, id: string): Event[] {
  const evs: Event[] = [
    ...(att.left ?? []).filter((e) => e.person === id).map((e) => ({ item: e.item, kind: 'left' as const })),
    ...(att.arrived ?? []).filter((e) => e.person === id).map((e) => ({ item: e.item, kind: 'arrived' as const })),
  ];
  return evs.sort((a, b) => a.item - b.item || (a.kind === b.kind ? 0 : a.kind === 'left' ? -1 : 1));
}

/**
 * Whether someone who attended was in the room at `item` (null: the start, i.e. item 1), and if
 * not, why. A late arrival is absent before their item; an early departure from their item on.
 */
export function presenceAt(att: Attendance, id: string, item: number | null): { present: boolean; why?: string } {
  const at = item ?? 1;
  const evs = eventsOf(att, id);
  const before = evs.filter((e) => e.item <= at);
  const last = before[before.length - 1];
  if (last) return last.kind === 'arrived' ? { present: true } : { present: false, why: `left at item ${last.item}` };
  const first = evs[0];
  if (first?.kind === 'arrived') return { present: false, why: `arrives at item ${first.item}` };
  return { present: true };
}

/** Everyone the record says attended at some point (observers aside), in record order. */
export function attendees(att: Attendance): string[] {
  const ids = [
    ...(att.present ?? []),
    ...(att.proxies ?? []).map((p) => p.proxy),
    ...(att.arrived ?? []).map((e) => e.person),
    ...(att.left ?? []).map((e) => e.person),
  ];
  return [...new Set(ids)];
}

/** True when the record says who was there (not only apologies): a count, not a forecast. */
export function hasRecordedPresence(att: Attendance | undefined): boolean {
  return !!att && attendees(att).length > 0;
}

/** Who withdrew for a declared interest at `item` (never at the start). */
export function withdrawnAt(att: Attendance, item: number | null): Set<string> {
  if (item === null) return new Set();
  return new Set((att.interests ?? []).filter((i) => i.item === item && i.withdrew !== false).map((i) => i.person));
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** Required count of a fraction rule, in integers (no floating-point surprises at exact fractions). */
export function fractionRequired(base: number, fraction: string, round: 'up' | 'down' | 'nearest' = 'up', floor?: number): number {
  const [a, b] = fraction.split('/').map(Number) as [number, number];
  const num = base * a;
  const raw = round === 'up' ? Math.ceil(num / b) : round === 'down' ? Math.floor(num / b) : Math.floor((2 * num + b) / (2 * b));
  return Math.max(raw, floor ?? 0);
}

function nameOf(model: Model, id: string): string {
  return model.people.get(id)?.name ?? id;
}

/**
 * Evaluates every quorum rule of `body` against the attendance (at the start, or at
 * `opts.item`). With no attendance recorded, nobody is present.
 */
export function evaluateQuorum(model: Model, body: ResolvedBody, attendance: Attendance | undefined, opts: QuorumOptions = {}): QuorumResult {
  return evaluate(model, body, attendance ?? {}, opts.item ?? null, false);
}

function evaluate(model: Model, body: ResolvedBody, att: Attendance, item: number | null, forecast: boolean): QuorumResult {
  const warnings: string[] = [];
  const voting = votingMembers(model, body);
  const votingIds = new Set(voting.map((p) => p.id));
  const onBody = new Set(body.memberIds);
  const withdrawn = withdrawnAt(att, item);

  // Who is in the room at this item, and why the others named in the record are not.
  const inRoom = new Set<string>();
  const notCounted = new Map<string, string>();
  const unknown: string[] = [];
  for (const id of attendees(att)) {
    if (!model.people.has(id)) {
      unknown.push(id);
      notCounted.set(id, 'not in the partnership file');
      continue;
    }
    const where = presenceAt(att, id, item);
    if (where.present) inRoom.add(id);
    else notCounted.set(id, where.why!);
  }
  for (const id of new Set(att.observers ?? [])) {
    if (!model.people.has(id)) {
      unknown.push(id);
      notCounted.set(id, 'not in the partnership file');
    } else if (!inRoom.has(id) && !notCounted.has(id)) {
      notCounted.set(id, 'observer');
      if (votingIds.has(id)) warnings.push(`${nameOf(model, id)} (${id}) is a voting member but is recorded as an observer, so is not counted; record them as present instead`);
    }
  }
  if (unknown.length) warnings.push(`not in the partnership file, so not counted: ${[...new Set(unknown)].join(', ')}`);
  for (const id of att.apologies ?? []) {
    if (inRoom.has(id)) warnings.push(`${nameOf(model, id)} (${id}) is recorded both as present and as sending apologies; counted as present`);
  }

  // Members in person.
  const counted: Counted[] = [];
  for (const m of voting) {
    if (!inRoom.has(m.id)) continue;
    if (withdrawn.has(m.id)) notCounted.set(m.id, `withdrew for a declared interest in item ${item}`);
    else counted.push({ id: m.id, as: 'member', group: m.group });
  }

  // Proxies: the record's own entries first, then proxies present who stand for the member who appointed them.
  const representedBy = new Map<string, string>();
  const load = new Map<string, number>();
  const whyNot = (proxy: string, member: string): string | undefined => {
    const m = model.people.get(member);
    if (!body.proxiesAllowed) return `proxies are not allowed on ${body.name}`;
    if (withdrawn.has(proxy)) return `withdrew for a declared interest in item ${item}`;
    if (!m) return `stands for ${member}, who is not in the partnership file`;
    if (!onBody.has(member) && isProxy(m)) return `stands for ${m.name} (${member}), who is a proxy: a proxy cannot appoint a proxy`;
    if (!onBody.has(member)) return `stands for ${m.name} (${member}), who is not a member of ${body.name}`;
    if (!votingIds.has(member)) return `stands for ${m.name} (${member}), who does not vote`;
    if (proxy === member) return 'cannot be their own proxy';
    if (votingIds.has(proxy)) return `is a voting member in their own right, counted once`;
    if (inRoom.has(member)) {
      return withdrawn.has(member)
        ? `${m.name} (${member}) withdrew for a declared interest in item ${item}; a proxy cannot stand in`
        : `${m.name} (${member}) is present in person`;
    }
    const by = representedBy.get(member);
    if (by) return `${m.name} (${member}) is already represented by ${nameOf(model, by)} (${by})`;
    if ((load.get(proxy) ?? 0) >= body.maxPerProxy) {
      return `already stands for ${plural(load.get(proxy)!, 'member')}; a proxy may stand for ${body.maxPerProxy === 1 ? 'one member only' : `at most ${body.maxPerProxy}`} on ${body.name}`;
    }
    return undefined;
  };
  const assign = (proxy: string, member: string): string | undefined => {
    const why = whyNot(proxy, member);
    if (why) return why;
    representedBy.set(member, proxy);
    load.set(proxy, (load.get(proxy) ?? 0) + 1);
    counted.push({ id: proxy, as: 'proxy', for: member, group: model.people.get(member)!.group });
    return undefined;
  };
  const explicitProxies = new Set<string>();
  for (const entry of att.proxies ?? []) {
    explicitProxies.add(entry.proxy);
    if (!inRoom.has(entry.proxy) || !model.people.has(entry.proxy)) continue; // reason already noted
    const why = assign(entry.proxy, entry.for);
    if (!why) continue;
    if (counted.some((c) => c.id === entry.proxy)) warnings.push(`${nameOf(model, entry.proxy)} (${entry.proxy}) is not counted for ${nameOf(model, entry.for)} (${entry.for}): ${why}`);
    else notCounted.set(entry.proxy, why);
  }
  for (const id of inRoom) {
    if (explicitProxies.has(id) || votingIds.has(id)) continue;
    const p = model.people.get(id)!;
    if (p.proxyFor.length === 0) continue;
    let first: string | undefined;
    let any = false;
    for (const member of p.proxyFor) {
      const why = assign(id, member);
      if (why) first ??= why;
      else any = true;
    }
    if (!any && first) notCounted.set(id, first);
  }

  // Everyone else in the room: say why they do not count.
  const countedIds = new Set(counted.map((c) => c.id));
  for (const id of countedIds) {
    const why = notCounted.get(id);
    if (why !== undefined) {
      warnings.push(`${nameOf(model, id)} (${id}) is counted once only: ${why}`);
      notCounted.delete(id);
    }
  }
  for (const id of inRoom) {
    if (countedIds.has(id) || notCounted.has(id)) continue;
    const p = model.people.get(id)!;
    if (!onBody.has(id)) notCounted.set(id, isProxy(p) ? `not a proxy for any member of ${body.name}` : `not a member of ${body.name}`);
    else if (!p.voting) notCounted.set(id, `does not vote (${p.role})`);
  }

  // Order the count as the body lists its members, proxies beside the member they stand for.
  const order = new Map(body.memberIds.map((id, i) => [id, i] as const));
  counted.sort((a, b) => (order.get(a.for ?? a.id) ?? 1e9) - (order.get(b.for ?? b.id) ?? 1e9));

  const absentFixers = (members: ResolvedPerson[]): CouldFix[] => {
    const out: CouldFix[] = [];
    for (const m of members) {
      if (inRoom.has(m.id) || representedBy.has(m.id)) continue; // present (perhaps withdrawn) or represented
      const proxy = m.proxy ? model.people.get(m.proxy) : undefined;
      const proxyCan = body.proxiesAllowed && proxy && !inRoom.has(proxy.id) && !votingIds.has(proxy.id);
      // A forecast assumes the apologies stand: ask the proxy; otherwise the member could still come.
      if (!forecast || !proxyCan) out.push({ id: m.id, name: m.name, via: 'member' });
      if (proxyCan) out.push({ id: proxy.id, name: proxy.name, via: 'proxy', forMember: m.id, forMemberName: m.name });
    }
    return out;
  };

  const rules: RuleResult[] = [];
  const result = (r: Omit<RuleResult, 'met' | 'shortBy'>): RuleResult => {
    const met = r.counted >= r.required;
    return { ...r, met, shortBy: Math.max(0, r.required - r.counted), couldFix: met ? [] : r.couldFix };
  };
  const quorum = body.quorum ?? [];
  if (quorum.length === 0) warnings.push(`${body.name} has no quorum rule in the partnership file, so any attendance counts as quorate; add "quorum:" to the body`);
  for (const rule of quorum) {
    switch (rule.kind) {
      case 'per-group':
        for (const g of rule.groups) {
          const groupName = model.groups.get(g)?.name ?? g;
          const inGroup = voting.filter((p) => p.group === g);
          if (inGroup.length < rule.min) {
            warnings.push(`${groupName} has ${plural(inGroup.length, 'voting member')} on ${body.name}, fewer than the ${rule.min} the quorum needs: the rule can never be met`);
          }
          const ids = counted.filter((c) => c.group === g).map((c) => c.id);
          rules.push(
            result({ description: `at least ${rule.min} from ${groupName}`, kind: rule.kind, required: rule.min, counted: ids.length, countedIds: ids, couldFix: absentFixers(inGroup), group: g, groupName, note: rule.note }),
          );
        }
        break;
      case 'count':
        rules.push(
          result({ description: `at least ${plural(rule.min, 'voting member')}`, kind: rule.kind, required: rule.min, counted: counted.length, countedIds: counted.map((c) => c.id), couldFix: absentFixers(voting), note: rule.note }),
        );
        break;
      case 'fraction': {
        const base = rule.of === 'seats' ? body.totalSeats : voting.length;
        const round = rule.round ?? 'up';
        const required = fractionRequired(base, rule.fraction, round, rule.neverFewerThan);
        const of = rule.of === 'seats' ? plural(base, 'seat') : `${plural(base, 'filled seat')}`;
        const floor = rule.neverFewerThan ? `, never fewer than ${rule.neverFewerThan}` : '';
        rules.push(
          result({
            description: `${rule.fraction} of ${of}, rounded ${round}${floor}`,
            kind: rule.kind,
            required,
            counted: counted.length,
            countedIds: counted.map((c) => c.id),
            couldFix: absentFixers(voting),
            note: rule.note,
          }),
        );
        break;
      }
      case 'required': {
        if (!rule.role && !rule.person) {
          warnings.push(`a "required" quorum rule of ${body.name} names neither a role nor a person, so it was skipped`);
          break;
        }
        // A required person or role must be there in person: a proxy does not stand in for the chair.
        const here = (id: string) => inRoom.has(id) && !withdrawn.has(id);
        if (rule.role) {
          const role = rule.role;
          const holders = [...new Set([...body.memberIds, ...(body.chair ? [body.chair] : [])])]
            .map((id) => model.people.get(id))
            .filter((p): p is ResolvedPerson => !!p && p.role === role);
          if (holders.length === 0) warnings.push(`no one on ${body.name} has the role "${role}" that the quorum requires`);
          const ids = holders.filter((p) => here(p.id)).map((p) => p.id);
          const fix = holders.filter((p) => !inRoom.has(p.id)).map((p): CouldFix => ({ id: p.id, name: p.name, via: 'member' }));
          rules.push(result({ description: `the ${role} present`, kind: rule.kind, required: 1, counted: ids.length, countedIds: ids, couldFix: fix, note: rule.note }));
        }
        if (rule.person) {
          const id = rule.person;
          const p = model.people.get(id);
          if (!p) warnings.push(`the quorum requires ${id}, who is not in the partnership file`);
          const ids = here(id) ? [id] : [];
          const fix: CouldFix[] = p && !inRoom.has(id) ? [{ id, name: p.name, via: 'member' }] : [];
          rules.push(result({ description: `${p?.name ?? id} present`, kind: rule.kind, required: 1, counted: ids.length, countedIds: ids, couldFix: fix, note: rule.note }));
        }
        break;
      }
    }
  }

  return {
    quorate: rules.every((r) => r.met),
    body: body.id,
    bodyName: body.name,
    item,
    rules,
    counted,
    notCounted: recordOrder(att, [...notCounted].map(([id, reason]) => ({ id, reason }))),
    warnings,
    forecast,
  };
}

/** Sorts entries in the order the record names the people (present, proxies, arrivals, departures, observers). */
function recordOrder<T extends { id: string }>(att: Attendance, rows: T[]): T[] {
  const order = new Map([...attendees(att), ...(att.observers ?? [])].map((id, i) => [id, i] as const));
  return rows.sort((a, b) => (order.get(a.id) ?? 1e9) - (order.get(b.id) ?? 1e9));
}

/** The quorum at every agenda item, to say at which item a meeting became inquorate. */
export function quorumByItem(model: Model, body: ResolvedBody, attendance: Attendance | undefined, agendaLength: number): { item: number; result: QuorumResult }[] {
  const out: { item: number; result: QuorumResult }[] = [];
  for (let item = 1; item <= agendaLength; item++) out.push({ item, result: evaluateQuorum(model, body, attendance, { item }) });
  return out;
}

/** Items at which the meeting was not quorate, in order (empty when quorate throughout). */
export function inquorateItems(byItem: readonly { item: number; result: QuorumResult }[]): number[] {
  return byItem.filter((r) => !r.result.quorate).map((r) => r.item);
}

/**
 * Before the meeting: the quorum if the apologies received so far stand and everyone else on
 * the body comes. Proxies of the apologising members are not assumed; for a failed rule,
 * `couldFix` names them ("ask B's proxy C"), or the member when they have no proxy.
 */
export function forecastQuorum(model: Model, body: ResolvedBody, apologies: readonly string[]): QuorumResult {
  const sent = new Set(apologies);
  const present = body.memberIds.filter((id) => !sent.has(id));
  const result = evaluate(model, body, { present, apologies: [...apologies] }, null, true);
  const unknown = apologies.filter((id) => !model.people.has(id));
  if (unknown.length) result.warnings.push(`apologies from people not in the partnership file: ${unknown.join(', ')}`);
  const notOnBody = apologies.filter((id) => model.people.has(id) && !body.memberIds.includes(id));
  if (notOnBody.length) result.warnings.push(`apologies from people who are not members of ${body.name}: ${notOnBody.join(', ')}`);
  return { ...result, apologies: [...apologies] };
}

/** The quorum at one agenda item, with the item's title. */
export interface ItemQuorum {
  item: number;
  title?: string;
  result: QuorumResult;
}

/**
 * The quorum of a meeting record: a forecast from apologies until presence is recorded; with
 * no item, the verdict item by item too.
 */
export function meetingQuorum(model: Model, body: ResolvedBody, meeting: Pick<MeetingFile, 'agenda'> & { attendance?: Attendance }, id: string, item?: number): { result: QuorumResult; byItem?: ItemQuorum[] } {
  const att = meeting.attendance;
  if (!hasRecordedPresence(att)) {
    const result = forecastQuorum(model, body, att?.apologies ?? []);
    if (item !== undefined) result.warnings.push(`no attendance recorded yet for ${id}, so this is a forecast for the whole meeting, not item ${item}`);
    return { result };
  }
  const agenda = meeting.agenda;
  const byItem = item === undefined ? quorumByItem(model, body, att!, agenda.length).map((x) => ({ ...x, title: agenda[x.item - 1]?.title })) : undefined;
  return { result: evaluateQuorum(model, body, att!, { item }), ...(byItem ? { byItem } : {}) };
}

