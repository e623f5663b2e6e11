/**
 * The quorum engine: given a body's rules and who was in the room (at the start, or at one
 * agenda item), says whether the meeting can decide, and explains itself: per rule what was
 * required and counted, who counted as what, who did not and why, and who could fix a shortfall.
 *
 * Pure: takes the model and an attendance record, returns data. No yaml, no prompts, no output,
 * so `wep quorum --present ...` starts fast.
 */
import { meetingBodies, type Attendance, type MeetingFile } from './meeting-schema.js';
import { groupOn, isProxy, votingMembers, type Model, type ResolvedBody, type ResolvedPerson } from './model.js';
import { formatRefusal, judgeClaims, type StandInClaim } from './stand-ins.js';
import type { QuorumRule } from './partnership-schema.js';
import { describeSchoolsRule, representedSchools, schoolsOf, type SchoolRepresented } from './schools.js';

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
  /** schools-represented rules: the body's schools, who represented which, and those not represented. */
  schools?: { total: number; represented: SchoolRepresented[]; notRepresented: string[] };
}

/** One person counted towards the quorum: a member in person, or a proxy for an absent member. */
export interface Counted {
  id: string;
  as: 'member' | 'proxy' | 'substitute';
  /** For a proxy or substitute: the member stood in for. */
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
  const item = opts.item ?? null;
  if (!attendance) return evaluate(model, body, {}, item, false);
  // The same question is asked several times of one record (the meeting page, its decisions,
  // the attendance register): answered once. Keyed by the objects themselves, so a changed
  // record or another day's model is a new question; results are never changed by callers.
  let asked = answered.get(attendance);
  if (!asked) answered.set(attendance, (asked = []));
  const hit = asked.find((a) => a.model === model && a.body === body && a.item === item);
  if (hit) return hit.result;
  // Where nobody arrives, leaves or withdraws, the room at an item is the room at the start:
  // the start's count, said of the item (a site counts each decision's item of a thousand meetings).
  const sameRoom = item !== null && !attendance.arrived?.length && !attendance.left?.length && withdrawnAt(attendance, item).size === 0;
  const result = sameRoom ? { ...evaluateQuorum(model, body, attendance), item } : evaluate(model, body, attendance, item, false);
  asked.push({ model, body, item, result });
  return result;
}

/** The count worked out in full, no answer reused: what evaluateQuorum's shortcuts are held to in tests. */
export function evaluateAfresh(model: Model, body: ResolvedBody, attendance: Attendance, item: number | null): QuorumResult {
  return evaluate(model, body, attendance, item, false);
}

const answered = new WeakMap<Attendance, { model: Model; body: ResolvedBody; item: number | null; result: QuorumResult }[]>();

/**
 * What every count on one body starts from: its voting members, and its members in order. They
 * depend on the body and the model's people only, which the models of every day in a span
 * without a change of appointment share (core/model.ts, modelOn).
 */
interface BodyFacts {
  people: Model['people'];
  voting: ResolvedPerson[];
  votingIds: Set<string>;
  onBody: Set<string>;
  order: Map<string, number>;
}

const factsOf = new WeakMap<ResolvedBody, BodyFacts>();

/** Worked out once per body and people (a site counts a thousand meetings on a few dozen). */
function bodyFacts(model: Model, body: ResolvedBody): BodyFacts {
  const known = factsOf.get(body);
  if (known?.people === model.people) return known;
  const voting = votingMembers(model, body);
  const facts = { people: model.people, voting, votingIds: new Set(voting.map((p) => p.id)), onBody: new Set(body.memberIds), order: new Map(body.memberIds.map((id, i) => [id, i] as const)) };
  factsOf.set(body, facts);
  return facts;
}

function evaluate(model: Model, body: ResolvedBody, att: Attendance, item: number | null, forecast: boolean): QuorumResult {
  const warnings: string[] = [];
  const { voting, votingIds, onBody, order } = bodyFacts(model, body);
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
    else {
      const c: Counted = { id: m.id, as: 'member' };
      const g = groupOn(body, m.id);
      if (g !== undefined) c.group = g;
      counted.push(c);
    }
  }

  // Stand-ins: the record's own entries first, judged all together (core/stand-ins.ts), then
  // proxies present who stand for the member who appointed them on this body.
  const representedBy = new Map<string, string>();
  const assign = (proxy: string, member: string, as: 'proxy' | 'substitute') => {
    representedBy.set(member, proxy);
    const c: Counted = { id: proxy, as, for: member };
    const g = groupOn(body, member);
    if (g !== undefined) c.group = g;
    counted.push(c);
  };
  const refuse = (proxy: string, member: string, why: string) => {
    if (counted.some((c) => c.id === proxy)) warnings.push(`${nameOf(model, proxy)} (${proxy}) is not counted for ${nameOf(model, member)} (${member}): ${why}`);
    else if (!notCounted.has(proxy)) notCounted.set(proxy, why);
  };
  const explicitProxies = new Set<string>();
  const claims: StandInClaim[] = [];
  for (const entry of att.proxies ?? []) {
    explicitProxies.add(entry.proxy);
    if (!inRoom.has(entry.proxy) || !model.people.has(entry.proxy)) continue; // reason already noted
    if (withdrawn.has(entry.proxy)) notCounted.set(entry.proxy, `withdrew for a declared interest in item ${item}`);
    else if (!model.people.has(entry.for)) notCounted.set(entry.proxy, `stands for ${entry.for}, who is not in the partnership file`);
    else if (withdrawn.has(entry.for) && inRoom.has(entry.for)) refuse(entry.proxy, entry.for, `${nameOf(model, entry.for)} (${entry.for}) withdrew for a declared interest in item ${item}; a proxy cannot stand in`);
    else claims.push(entry);
  }
  const judged = judgeClaims(model, body, claims, inRoom);
  for (const c of judged.accepted) assign(c.proxy, c.for, c.as ?? 'proxy');
  for (const { claim, refusal } of judged.refused) refuse(claim.proxy, claim.for, formatRefusal(refusal));
  for (const id of inRoom) {
    if (explicitProxies.has(id) || onBody.has(id) || withdrawn.has(id) || !body.proxiesAllowed) continue;
    const stands = (body.standsFor.get(id) ?? []).filter((m) => votingIds.has(m) && !inRoom.has(m) && !representedBy.has(m));
    for (const m of stands.slice(0, body.maxPerProxy)) assign(id, m, 'proxy');
    if (stands.length === 0 && (body.standsFor.get(id) ?? []).length > 0) {
      const members = body.standsFor.get(id)!;
      const m = members[0]!;
      notCounted.set(id, inRoom.has(m) ? (withdrawn.has(m) ? `${nameOf(model, m)} (${m}) withdrew for a declared interest in item ${item}; a proxy cannot stand in` : `${nameOf(model, m)} (${m}) is present in person`) : `${nameOf(model, m)} (${m}) is already represented by ${nameOf(model, representedBy.get(m)!)} (${representedBy.get(m)})`);
    }
  }
  if (!body.proxiesAllowed) {
    for (const id of inRoom) if (!onBody.has(id) && !counted.some((c) => c.id === id) && (body.standsFor.get(id) ?? []).length && !notCounted.has(id)) notCounted.set(id, `proxies are not allowed on ${body.name}`);
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
    const chained = p.proxyFor.find((m) => !onBody.has(m) && isProxy(model.people.get(m)!));
    if (!onBody.has(id) && chained) notCounted.set(id, `stands for ${nameOf(model, chained)} (${chained}), who is a proxy: a proxy cannot appoint a proxy`);
    else if (!onBody.has(id)) notCounted.set(id, isProxy(p) ? `not a proxy for any member of ${body.name}` : p.active ? `not a member of ${body.name}` : `not a member of ${body.name} on ${model.asOf}`);
    else if (!votingIds.has(id)) notCounted.set(id, `does not vote (${body.sittings.get(id)?.role ?? p.role})`);
  }

  // Order the count as the body lists its members, proxies beside the member they stand for.
  counted.sort((a, b) => (order.get(a.for ?? a.id) ?? 1e9) - (order.get(b.for ?? b.id) ?? 1e9));

  const absentFixers = (members: ResolvedPerson[]): CouldFix[] => {
    const out: CouldFix[] = [];
    for (const m of members) {
      if (inRoom.has(m.id) || representedBy.has(m.id)) continue; // present (perhaps withdrawn) or represented
      const proxyId = body.sittings.get(m.id)?.proxy;
      const proxy = proxyId ? model.people.get(proxyId) : undefined;
      const proxyCan = body.proxiesAllowed && proxy && !inRoom.has(proxy.id) && !onBody.has(proxy.id);
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
          const inGroup = voting.filter((p) => groupOn(body, p.id) === g);
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
        const base = rule.of === 'seats' ? body.totalSeats : rule.of === 'voting-seats' ? body.votingSeats : voting.length;
        const round = rule.round ?? 'up';
        const required = fractionRequired(base, rule.fraction, round, rule.neverFewerThan);
        const of = rule.of === 'seats' ? plural(base, 'seat') : rule.of === 'voting-seats' ? plural(base, 'voting seat') : `${plural(base, 'filled seat')}`;
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
      case 'schools-represented': {
        if (rule.min === undefined && rule.fraction === undefined) {
          warnings.push(`a "schools-represented" quorum rule of ${body.name} gives neither "min:" nor "fraction:", so it was skipped`);
          break;
        }
        // A school counts once, by any of its voting representatives or a proxy for one.
        const total = body.schoolIds.length;
        if (total === 0) warnings.push(`${body.name} has no schools, so its "schools-represented" rule counts nothing: link its members to schools with "school:" or the register's "head:"`);
        const required = Math.max(rule.min ?? 0, rule.fraction === undefined ? 0 : fractionRequired(total, rule.fraction, rule.round ?? 'up', rule.neverFewerThan));
        const { represented, notRepresented } = representedSchools(model, body, counted);
        const missing = new Set(notRepresented);
        const fixers = voting.filter((p) => schoolsOf(model, p.id).some((sid) => missing.has(sid)));
        rules.push(
          result({
            description: describeSchoolsRule(rule, total),
            kind: rule.kind,
            required,
            counted: represented.length,
            countedIds: [...new Set(represented.flatMap((r) => r.by))],
            couldFix: absentFixers(fixers),
            note: rule.note,
            schools: { total, represented, notRepresented },
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
            .filter((p): p is ResolvedPerson => !!p && (body.sittings.get(p.id)?.role ?? p.role) === role);
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
 * `jointBodies`, at a joint meeting, are all its bodies in the meeting's order (`body` among
 * them): apologies from a member of any of them are not apologies from a stranger.
 */
export function forecastQuorum(model: Model, body: ResolvedBody, apologies: readonly string[], jointBodies: readonly ResolvedBody[] = []): QuorumResult {
  const bodies = jointBodies.some((b) => b.id === body.id) ? jointBodies : [body, ...jointBodies];
  const sent = new Set(apologies);
  const present = body.memberIds.filter((id) => !sent.has(id));
  const result = evaluate(model, body, { present, apologies: [...apologies] }, null, true);
  const unknown = apologies.filter((id) => !model.people.has(id));
  if (unknown.length) result.warnings.push(`apologies from people not in the partnership file: ${unknown.join(', ')}`);
  const notOnBody = apologies.filter((id) => model.people.has(id) && !bodies.some((b) => b.memberIds.includes(id)));
  if (notOnBody.length) result.warnings.push(`apologies from people who are not members of ${bodies.map((b) => b.name).join(' or ')}: ${notOnBody.join(', ')}`);
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
 * no item, the verdict item by item too. `jointBodies` as for `forecastQuorum`.
 */
export function meetingQuorum(
  model: Model,
  body: ResolvedBody,
  meeting: Pick<MeetingFile, 'agenda'> & { attendance?: Attendance },
  id: string,
  item?: number,
  jointBodies: readonly ResolvedBody[] = [],
): { result: QuorumResult; byItem?: ItemQuorum[] } {
  const att = meeting.attendance;
  if (!hasRecordedPresence(att)) {
    const result = forecastQuorum(model, body, att?.apologies ?? [], jointBodies);
    if (item !== undefined) result.warnings.push(`no attendance recorded yet for ${id}, so this is a forecast for the whole meeting, not item ${item}`);
    return { result };
  }
  const agenda = meeting.agenda;
  const byItem = item === undefined ? quorumByItem(model, body, att!, agenda.length).map((x) => ({ ...x, title: agenda[x.item - 1]?.title })) : undefined;
  return { result: evaluateQuorum(model, body, att!, { item }), ...(byItem ? { byItem } : {}) };
}

/**
 * The other bodies of a joint meeting, in the record's order (none for a meeting of one body):
 * a joint body the partnership file does not know is left out (`wep check` reports it).
 */
export function jointBodiesOf(model: Model, body: ResolvedBody, meeting: Pick<MeetingFile, 'body' | 'jointWith'>): ResolvedBody[] {
  return meetingBodies(meeting)
    .filter((b) => b !== body.id)
    .map((b) => model.bodies.get(b))
    .filter((b) => b !== undefined);
}

/** One body's quorum at a meeting record, as `meetingQuorum` gives it. */
export interface BodyMeetingQuorum {
  body: ResolvedBody;
  result: QuorumResult;
  byItem?: ItemQuorum[];
}

/**
 * The quorum of a meeting record for each of its bodies, `body` (the meeting's own) first: a
 * joint meeting is quorate for each body by that body's own rules. A joint body the partnership
 * file does not know is left out (`wep check` reports it).
 */
export function meetingQuorumByBody(
  model: Model,
  body: ResolvedBody,
  meeting: Pick<MeetingFile, 'agenda' | 'body' | 'jointWith'> & { attendance?: Attendance },
  id: string,
  item?: number,
): [BodyMeetingQuorum, ...BodyMeetingQuorum[]] {
  const others = jointBodiesOf(model, body, meeting);
  const all = [body, ...others];
  const of = (b: ResolvedBody): BodyMeetingQuorum => ({ body: b, ...meetingQuorum(model, b, meeting, id, item, all) });
  const each: [BodyMeetingQuorum, ...BodyMeetingQuorum[]] = [of(body), ...others.map(of)];
  if (!others.length) return each;
  // Someone counted for one body is in the room for it: the other bodies' reports leave them
  // out of "not counted" (a proxy for an Operational Group member is not refused by the Board).
  const countedElsewhere = (r: QuorumResult, all: readonly QuorumResult[]) => {
    const ids = new Set(all.filter((x) => x !== r).flatMap((x) => x.counted.map((c) => c.id)));
    return { ...r, notCounted: r.notCounted.filter((n) => !ids.has(n.id)) };
  };
  const results = each.map((q) => q.result);
  return each.map((q) => {
    const out: BodyMeetingQuorum = { ...q, result: countedElsewhere(q.result, results) };
    if (q.byItem) {
      out.byItem = q.byItem.map((row) => {
        const atItem = each.map((o) => o.byItem?.find((x) => x.item === row.item)?.result).filter((x): x is QuorumResult => x !== undefined);
        return { ...row, result: countedElsewhere(row.result, atItem) };
      });
    }
    return out;
  }) as [BodyMeetingQuorum, ...BodyMeetingQuorum[]];
}
