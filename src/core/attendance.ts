/**
 * Recording attendance: the flags of `wep attendance` (and the answers of its checklist) applied
 * to a meeting's attendance record, with every id checked against the partnership file.
 * Pure: an Attendance in, an Attendance out.
 */
import { fail, ok, type Checked, type Problem } from './errors.js';
import type { Attendance } from './meeting-schema.js';
import { isProxy, type Model, type ResolvedBody } from './model.js';
import { formatRefusal, judgeClaimsAtMeeting, type StandInClaim, type StandInRule } from './stand-ins.js';
import { suggest } from './suggest.js';

/** What to do about a refused proxy or substitute, by rule. */
const STAND_IN_HINTS: Record<StandInRule, (body: string) => string> = {
  'proxies-allowed': () => 'the partnership file says "proxies: { allowed: false }" for this body',
  'appointed-proxy': () => 'give the member\'s appointed proxy ("wep members" shows them), or record the person as a substitute where the body allows substitutes',
  'substitutes-allowed': () => 'the body does not allow substitutes ("substitutes: { allowed: true }" in the partnership file turns them on)',
  'own-group': () => 'a substitute is sent by the member\'s own group: choose someone in it',
  'voting-member': (b) => `a stand-in stands for a voting member of the body; "wep members --body ${b}" lists them`,
  'not-a-member': () => 'a member counts once, as themselves: give them as present',
  'no-proxy-of-proxy': () => 'write the proxy first, then the member: PROXY=MEMBER',
  'member-absent': () => 'a stand-in stands in for an absent member; leave one of them out',
  'one-per-member': () => 'give one stand-in per member',
  'max-per-proxy': () => 'give each member their own stand-in, or raise the body\'s "proxies: max-per-proxy:"',
};

/** The scriptable flags of `wep attendance`, as commander hands them over. */
export interface AttendanceFlags {
  present?: string[];
  apologies?: string[];
  /** "PROXY=MEMBER" */
  proxy?: string[];
  /** "SUBSTITUTE=MEMBER" */
  substitute?: string[];
  observer?: string[];
  /** "ID=ITEM" */
  arrivedAt?: string[];
  leftAt?: string[];
  interest?: string[];
}

const FLAG_KEYS = ['present', 'apologies', 'proxy', 'substitute', 'observer', 'arrivedAt', 'leftAt', 'interest'] as const;

/** True when any attendance flag was given (otherwise the command asks interactively). */
export function hasAttendanceFlags(f: AttendanceFlags): boolean {
  return FLAG_KEYS.some((k) => (f[k]?.length ?? 0) > 0);
}

/** A problem when an id names no person in the partnership file (with a did-you-mean), for `field`. */
export function checkPeopleIds(model: Model, ids: readonly string[], field: string): Problem | undefined {
  const unknown = ids.filter((id) => !model.people.has(id));
  if (unknown.length === 0) return undefined;
  const first = unknown[0]!;
  const more = unknown.length > 1 ? ` (and ${unknown.slice(1).map((u) => `"${u}"`).join(', ')})` : '';
  const guess = suggest(first, model.people.keys());
  return { field, message: `no person "${first}" in the partnership file${more}`, hint: guess ? `did you mean "${guess}"?` : '"wep members" lists everyone, with their ids' };
}

/** Parses "ID=ITEM" (late arrival, early departure, interest), checking the item is on the agenda. */
export function parseIdItem(value: string, field: string, agendaLength: number): Checked<{ person: string; item: number }> {
  const m = /^\s*([^=\s]+)\s*=\s*(\S+)\s*$/.exec(value);
  if (!m) return fail({ field, value: `"${value}"`, message: 'expected ID=ITEM', hint: 'for example sh-clarke=6 (agenda item 6)' });
  const [, person, itemText] = m as unknown as [string, string, string];
  const item = Number(itemText);
  const numbered = 'agenda items are numbered from 1, as "wep agenda" shows them';
  if (!/^\d+$/.test(itemText) || item < 1) return fail({ field, value: `"${value}"`, message: `"${itemText}" is not an agenda item number`, hint: numbered });
  if (item > agendaLength) {
    return fail({ field, value: `"${value}"`, message: `the agenda has ${agendaLength} item${agendaLength === 1 ? '' : 's'}, so there is no item ${item}`, hint: numbered });
  }
  return ok({ person, item });
}

/** Parses "PROXY=MEMBER" (for a proxy; "SUBSTITUTE=MEMBER" for a substitute, field "substitute"). */
export function parseProxyPair(value: string, field: 'proxy' | 'substitute' = 'proxy'): Checked<{ proxy: string; member: string }> {
  const m = /^\s*([^=\s]+)\s*=\s*([^=\s]+)\s*$/.exec(value);
  if (!m) {
    if (field === 'substitute') return fail({ field, value: `"${value}"`, message: 'expected SUBSTITUTE=MEMBER', hint: "for example sh-deputy=sh-evans (someone of the member's group stands in on the day)" });
    return fail({ field, value: `"${value}"`, message: 'expected PROXY=MEMBER', hint: 'for example px-evans=sh-evans (George Usman stands in for Megan Evans)' });
  }
  return ok({ proxy: m[1]!, member: m[2]! });
}

/** All the values, or every problem found among them. */
function all<T>(checked: readonly Checked<T>[], problems: Problem[]): T[] {
  const out: T[] = [];
  for (const c of checked) {
    if (c.ok) out.push(c.value);
    else problems.push(...c.problems);
  }
  return out;
}

const uniq = <T>(xs: Iterable<T>): T[] => [...new Set(xs)];

/** Drops empty lists, so the record stays as short as the clerk would write it. */
export function normaliseAttendance(att: Attendance): Attendance {
  const out: Attendance = {};
  if (att.present?.length) out.present = uniq(att.present);
  if (att.apologies?.length) out.apologies = uniq(att.apologies);
  if (att.proxies?.length) out.proxies = att.proxies;
  if (att.observers?.length) out.observers = uniq(att.observers);
  if (att.arrived?.length) out.arrived = att.arrived;
  if (att.left?.length) out.left = att.left;
  if (att.interests?.length) out.interests = att.interests;
  return out;
}

/**
 * The member a proxy stands for when the record does not say: the absent voting member of
 * `body` who appointed them (up to the body's max-per-proxy). Empty when none applies.
 */
export function impliedProxyFor(model: Model, body: ResolvedBody, proxyId: string, present: ReadonlySet<string>, represented: ReadonlySet<string>): string[] {
  if (!model.people.has(proxyId) || body.memberIds.includes(proxyId) || !body.proxiesAllowed) return [];
  return (body.standsFor.get(proxyId) ?? []).filter((m) => !present.has(m) && !represented.has(m)).slice(0, body.maxPerProxy);
}

export interface AppliedAttendance {
  attendance: Attendance;
  warnings: string[];
}

/**
 * Applies the flags to the record. Flags add to what is recorded: someone marked present is no
 * longer on the apologies list and vice versa; a proxy marked present stands for the member who
 * appointed them unless --proxy says otherwise; a late arrival or early departure is present.
 * Bad ids and items fail with exit 2 before anything changes.
 *
 * `jointWith` are the other bodies of a joint meeting (`body` is the meeting's own): a member of
 * any of them is a member, and a stand-in is judged by the body where their member sits.
 */
export function applyAttendanceFlags(
  model: Model,
  body: ResolvedBody,
  current: Attendance | undefined,
  flags: AttendanceFlags,
  agendaLength: number,
  jointWith: readonly ResolvedBody[] = [],
): Checked<AppliedAttendance> {
  const bodies: [ResolvedBody, ...ResolvedBody[]] = [body, ...jointWith.filter((b) => b.id !== body.id)];
  const isMember = (id: string) => bodies.some((b) => b.memberIds.includes(id));
  const bodyNames = bodies.map((b) => b.name).join(' or ');
  const warnings: string[] = [];
  const problems: Problem[] = [];
  const name = (id: string) => model.people.get(id)?.name ?? id;
  const present = flags.present ?? [];
  const apologies = flags.apologies ?? [];
  const observers = flags.observer ?? [];
  const proxies = [
    ...all((flags.proxy ?? []).map((v) => parseProxyPair(v, 'proxy')), problems).map((p) => ({ ...p, as: 'proxy' as const })),
    ...all((flags.substitute ?? []).map((v) => parseProxyPair(v, 'substitute')), problems).map((p) => ({ ...p, as: 'substitute' as const })),
  ];
  const arrived = all((flags.arrivedAt ?? []).map((v) => parseIdItem(v, 'arrivedAt', agendaLength)), problems);
  const left = all((flags.leftAt ?? []).map((v) => parseIdItem(v, 'leftAt', agendaLength)), problems);
  const interests = all((flags.interest ?? []).map((v) => parseIdItem(v, 'interest', agendaLength)), problems);
  const ids: [string, readonly string[]][] = [
    ['present', present],
    ['apologies', apologies],
    ['observer', observers],
    ['proxy', proxies.filter((p) => p.as === 'proxy').flatMap((p) => [p.proxy, p.member])],
    ['substitute', proxies.filter((p) => p.as === 'substitute').flatMap((p) => [p.proxy, p.member])],
    ['arrivedAt', arrived.map((a) => a.person)],
    ['leftAt', left.map((a) => a.person)],
    ['interest', interests.map((a) => a.person)],
  ];
  for (const [field, list] of ids) {
    const p = checkPeopleIds(model, list, field);
    if (p) problems.push(p);
  }
  if (problems.length) return fail(...problems);

  const both = present.filter((id) => apologies.includes(id));
  if (both.length) return fail({ field: 'present', value: both.join(', '), message: 'also given as sending apologies', hint: 'give each person once: present, or sending apologies' });
  // Every claim judged together (core/stand-ins.ts): the answer never depends on the order given.
  const claims = proxies.map((p) => ({ proxy: p.proxy, for: p.member, as: p.as }));
  const judged = judgeClaimsAtMeeting(model, bodies, claims, new Set(present));
  if (judged.refused.length) {
    const pair = (c: StandInClaim) => `${c.as ?? 'proxy'} ${c.proxy}=${c.for}`;
    const sorted = [...judged.refused].sort((x, y) => (pair(x.claim) < pair(y.claim) ? -1 : pair(x.claim) > pair(y.claim) ? 1 : 0));
    return fail(
      ...sorted.map(({ claim, refusal, body: by }) => {
        const others = sorted.filter((x) => x.claim !== claim && x.refusal.rule === refusal.rule && x.refusal.reason === refusal.reason).map((x) => `${x.claim.proxy}=${x.claim.for}`);
        return {
          field: claim.as ?? 'proxy',
          value: `${claim.proxy}=${claim.for}`,
          message: `${formatRefusal(refusal)}${others.length ? ` (and ${others.join(', ')})` : ''}`,
          hint: STAND_IN_HINTS[refusal.rule](by.id),
        };
      }),
    );
  }

  const att = structuredClone(current ?? {}) as Attendance;
  const presentSet = new Set(att.present ?? []);
  const apologySet = new Set(att.apologies ?? []);
  let proxyEntries = [...(att.proxies ?? [])];
  const observerSet = new Set(att.observers ?? []);

  for (const id of apologies) {
    apologySet.add(id);
    presentSet.delete(id);
    if (!isMember(id)) warnings.push(`${name(id)} (${id}) is not a member of ${bodyNames}; apologies recorded anyway`);
  }
  for (const { proxy, member, as } of proxies) {
    proxyEntries = proxyEntries.filter((e) => e.for !== member);
    proxyEntries.push(as === 'substitute' ? { proxy, for: member, as } : { proxy, for: member });
    presentSet.add(proxy);
    presentSet.delete(member);
  }
  const named = new Set(proxies.map((p) => p.proxy));
  for (const id of present) {
    presentSet.add(id);
    apologySet.delete(id);
    // a member marked present no longer needs anyone standing in for them
    proxyEntries = proxyEntries.filter((e) => e.for !== id);
  }
  for (const id of present) {
    const p = model.people.get(id)!;
    // a member of one of the bodies counts there; the quorum of each body says the rest
    if (isMember(id) || named.has(id) || proxyEntries.some((e) => e.proxy === id)) continue;
    if (!isProxy(p)) {
      warnings.push(`${p.name} (${id}) is not a member of ${bodyNames}: recorded as present, not counted (use --observer for observers and invitees)`);
      continue;
    }
    const represented = new Set(proxyEntries.map((e) => e.for));
    const stands: string[] = [];
    for (const b of bodies) {
      for (const m of impliedProxyFor(model, b, id, presentSet, represented)) {
        represented.add(m);
        stands.push(m);
      }
    }
    if (stands.length === 0) {
      const members = p.proxyFor.map((m) => `${name(m)} (${m})`).join(', ');
      warnings.push(
        p.proxyFor.some((m) => presentSet.has(m))
          ? `${p.name} (${id}) is proxy for ${members}, who is present: not counted`
          : `${p.name} (${id}) is not proxy for any absent member of ${bodyNames}: not counted; name the member with --proxy ${id}=MEMBER`,
      );
      continue;
    }
    for (const m of stands) proxyEntries.push({ proxy: id, for: m });
  }
  for (const id of observers) observerSet.add(id);

  let arrivedList = [...(att.arrived ?? [])];
  for (const a of arrived) {
    arrivedList = arrivedList.filter((e) => e.person !== a.person);
    arrivedList.push(a);
    if (!proxyEntries.some((e) => e.proxy === a.person)) presentSet.add(a.person);
    apologySet.delete(a.person);
  }
  let leftList = [...(att.left ?? [])];
  for (const l of left) {
    leftList = leftList.filter((e) => e.person !== l.person);
    leftList.push(l);
    if (!proxyEntries.some((e) => e.proxy === l.person)) presentSet.add(l.person);
    apologySet.delete(l.person);
  }
  for (const x of [...arrived, ...left]) {
    const a = arrivedList.find((e) => e.person === x.person);
    const l = leftList.find((e) => e.person === x.person);
    if (a && l && l.item === a.item) warnings.push(`${name(x.person)} (${x.person}) is recorded as arriving and leaving at item ${a.item}`);
  }
  const interestList = [...(att.interests ?? [])];
  for (const i of interests) {
    if (!interestList.some((e) => e.person === i.person && e.item === i.item)) interestList.push(i);
    if (!presentSet.has(i.person) && !proxyEntries.some((e) => e.proxy === i.person)) warnings.push(`${name(i.person)} (${i.person}) declared an interest in item ${i.item} but is not recorded as present`);
  }

  const attendance = normaliseAttendance({
    present: [...presentSet],
    apologies: [...apologySet],
    proxies: proxyEntries,
    observers: [...observerSet],
    arrived: arrivedList,
    left: leftList,
    interests: interestList,
  });
  return ok({ attendance, warnings });
}

/**
 * The attendance a checklist of who is in the room describes: `ids` are present; a proxy ticked
 * keeps the member the record already gave them (if that member is still absent), else stands
 * for the absent member who appointed them. Apologies, observers, arrivals, departures and
 * interests carry over from `current` (apologies only for those still absent). `jointWith` as
 * for `applyAttendanceFlags`: a proxy stands for the member who appointed them on any of them.
 */
export function attendanceFromChecklist(model: Model, body: ResolvedBody, current: Attendance | undefined, ids: readonly string[], jointWith: readonly ResolvedBody[] = []): Attendance {
  const bodies = [body, ...jointWith.filter((b) => b.id !== body.id)];
  const present = new Set(ids);
  const proxies: NonNullable<Attendance['proxies']> = [];
  const represented = new Set<string>();
  for (const id of ids) {
    if (bodies.some((b) => b.memberIds.includes(id)) || !model.people.has(id)) continue;
    const kept = (current?.proxies ?? []).filter((e) => e.proxy === id && !present.has(e.for) && !represented.has(e.for));
    const implied = () => {
      const out: StandInClaim[] = [];
      const taken = new Set(represented);
      for (const b of bodies) {
        for (const m of impliedProxyFor(model, b, id, present, taken)) {
          taken.add(m);
          out.push({ proxy: id, for: m });
        }
      }
      return out;
    };
    const stands: StandInClaim[] = kept.length ? kept : implied();
    for (const e of stands) {
      // a substitute stays a substitute
      proxies.push(e.as === 'substitute' ? { proxy: id, for: e.for, as: 'substitute' } : { proxy: id, for: e.for });
      represented.add(e.for);
    }
  }
  const here = (id: string) => present.has(id) || proxies.some((e) => e.proxy === id);
  return normaliseAttendance({
    present: [...ids],
    apologies: (current?.apologies ?? []).filter((id) => !present.has(id)),
    proxies,
    observers: current?.observers,
    arrived: current?.arrived?.filter((e) => here(e.person)),
    left: current?.left?.filter((e) => here(e.person)),
    interests: current?.interests?.filter((e) => here(e.person)),
  });
}
