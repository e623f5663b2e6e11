/**
 * Who may stand in for an absent member: the rules for proxies and substitutes, in one place,
 * used by the quorum engine, by `wep attendance` and by `wep check` on every recorded meeting.
 *
 * Each refusal names its rule, so the clerk can look it up in the terms of reference. Claims
 * are judged all together, never one after another: two claims for one member, or more claims
 * on one proxy than the body allows, are all refused, whatever order they were written in.
 */
import type { StandInKind } from './meeting-schema.js';
import { isProxy, type Model, type ResolvedBody } from './model.js';

/** The rules a stand-in must satisfy, named as messages and `--json` give them. */
export const STAND_IN_RULES = {
  'proxies-allowed': 'the body allows proxies',
  'appointed-proxy': "a proxy is the person the member appointed for this body",
  'substitutes-allowed': 'the body allows substitutes',
  'own-group': "a substitute comes from the absent member's own partner group",
  'voting-member': 'a stand-in stands for a voting member of the body',
  'not-a-member': 'a stand-in does not sit on the body in their own right',
  'no-proxy-of-proxy': 'a proxy cannot appoint a proxy',
  'member-absent': 'a stand-in stands in only for an absent member',
  'one-per-member': 'one stand-in per absent member',
  'max-per-proxy': 'a stand-in stands for no more members than the body allows',
} as const;
export type StandInRule = keyof typeof STAND_IN_RULES;

export interface StandInClaim {
  proxy: string;
  for: string;
  as?: StandInKind;
}

export interface Refusal {
  rule: StandInRule;
  /** Why, in words that name the people and the body. */
  reason: string;
}

const nameOf = (model: Model, id: string) => {
  const p = model.people.get(id);
  return p ? `${p.name} (${id})` : id;
};

/**
 * Whether one claim could stand on its own, on the model's date: the kind of stand-in, who they
 * stand for and who they are. Presence is not judged here (see `judgeClaims`).
 */
export function refuseClaim(model: Model, body: ResolvedBody, claim: StandInClaim): Refusal | undefined {
  const kind = claim.as ?? 'proxy';
  const member = model.people.get(claim.for);
  const proxy = model.people.get(claim.proxy);
  if (!member || !proxy) return undefined; // unknown ids are reported where they are written
  const m = nameOf(model, claim.for);
  const p = nameOf(model, claim.proxy);
  if (kind === 'proxy' && !body.proxiesAllowed) return { rule: 'proxies-allowed', reason: `proxies are not allowed on ${body.name}` };
  if (kind === 'substitute' && !body.substitutesAllowed) return { rule: 'substitutes-allowed', reason: `substitutes are not allowed on ${body.name}` };
  if (claim.proxy === claim.for) return { rule: 'not-a-member', reason: `${m} cannot stand in for themselves` };
  const sitting = body.sittings.get(claim.for);
  if (!sitting) {
    const why = member.active ? `is not a member of ${body.name}` : `is not a member of ${body.name} on ${model.asOf ?? 'that date'}`;
    if (!member.active || !isProxy(member)) return { rule: 'voting-member', reason: `${m} ${why}` };
    return { rule: 'no-proxy-of-proxy', reason: `${m} is a proxy: a proxy cannot appoint a proxy` };
  }
  if (!sitting.voting) return { rule: 'voting-member', reason: `${m} does not vote on ${body.name}` };
  if (body.sittings.has(claim.proxy)) return { rule: 'not-a-member', reason: `${p} sits on ${body.name} in their own right, so counts once` };
  if (kind === 'proxy') {
    if (sitting.proxy !== claim.proxy) {
      const appointed = sitting.proxy ? `${m}'s appointed proxy is ${nameOf(model, sitting.proxy)}` : `${m} has appointed no proxy`;
      const sub = body.substitutesAllowed ? '; record them as a substitute instead' : '';
      return { rule: 'appointed-proxy', reason: `${p} is not ${m}'s appointed proxy on ${body.name} (${appointed})${sub}` };
    }
    return undefined;
  }
  if (body.substitutesFrom === 'own-group') {
    const group = sitting.group;
    const groupName = group ? (model.groups.get(group)?.name ?? group) : undefined;
    if (!group) return { rule: 'own-group', reason: `${m} sits for no partner group on ${body.name}, so no group can send a substitute` };
    if (!proxy.current.some((a) => a.group === group)) return { rule: 'own-group', reason: `${p} is not in ${groupName}, ${m}'s group` };
  }
  return undefined;
}

export interface Judged {
  /** Claims that stand, in a canonical order (the body's member order). */
  accepted: StandInClaim[];
  refused: { claim: StandInClaim; refusal: Refusal }[];
}

/**
 * Judges every claim together. `present` holds who is in the room: a claim for a member who
 * is present is refused; `present` need not name the stand-ins (their own presence is for the
 * caller to judge). The result does not depend on the order of `claims`.
 */
export function judgeClaims(model: Model, body: ResolvedBody, claims: readonly StandInClaim[], present: ReadonlySet<string>): Judged {
  const refused: Judged['refused'] = [];
  const seen = new Set<string>();
  const valid: StandInClaim[] = [];
  for (const c of claims) {
    if (!model.people.has(c.proxy) || !model.people.has(c.for)) continue; // unknown ids are reported where they are written
    const key = `${c.proxy}\u0000${c.for}\u0000${c.as ?? 'proxy'}`;
    if (seen.has(key)) continue; // the same claim twice is one claim
    seen.add(key);
    const r = refuseClaim(model, body, c);
    if (r) refused.push({ claim: c, refusal: r });
    else if (present.has(c.for)) refused.push({ claim: c, refusal: { rule: 'member-absent', reason: `${nameOf(model, c.for)} is present in person` } });
    else valid.push(c);
  }
  const byMember = new Map<string, StandInClaim[]>();
  for (const c of valid) byMember.set(c.for, [...(byMember.get(c.for) ?? []), c]);
  const left: StandInClaim[] = [];
  for (const [member, cs] of byMember) {
    if (cs.length === 1) left.push(cs[0]!);
    else {
      const who = [...cs.map((c) => nameOf(model, c.proxy))].sort().join(' and ');
      for (const c of cs) refused.push({ claim: c, refusal: { rule: 'one-per-member', reason: `${who} are both recorded standing in for ${nameOf(model, member)}: one stand-in per member` } });
    }
  }
  const byProxy = new Map<string, StandInClaim[]>();
  for (const c of left) byProxy.set(c.proxy, [...(byProxy.get(c.proxy) ?? []), c]);
  const accepted: StandInClaim[] = [];
  for (const [proxy, cs] of byProxy) {
    if (cs.length <= body.maxPerProxy) accepted.push(...cs);
    else {
      const limit = body.maxPerProxy === 1 ? 'one member only' : `at most ${body.maxPerProxy} members`;
      const members = cs.map((c) => c.for).sort().join(', ');
      for (const c of cs) refused.push({ claim: c, refusal: { rule: 'max-per-proxy', reason: `${nameOf(model, proxy)} is recorded standing in for ${cs.length} members (${members}); on ${body.name} one person may stand for ${limit}` } });
    }
  }
  const order = new Map(body.memberIds.map((id, i) => [id, i] as const));
  const text = (c: StandInClaim) => `${c.for}\u0000${c.proxy}\u0000${c.as ?? 'proxy'}`;
  accepted.sort((a, b) => (order.get(a.for) ?? 1e9) - (order.get(b.for) ?? 1e9) || (text(a) < text(b) ? -1 : text(a) > text(b) ? 1 : 0));
  return { accepted, refused };
}

/** "rule one-per-member: X and Y are both ..." as messages print it. */
export function formatRefusal(r: Refusal): string {
  return `${r.reason} (rule ${r.rule}: ${STAND_IN_RULES[r.rule]})`;
}

/** Claims judged at a meeting of one or more bodies: each refusal with the body that refused it. */
export interface JudgedAtMeeting {
  accepted: StandInClaim[];
  refused: { claim: StandInClaim; refusal: Refusal; body: ResolvedBody }[];
}

/**
 * Judges every claim at a meeting of `bodies` (the meeting's own first, then those it meets
 * jointly with). A stand-in stands for a member on the body where that member sits, by that
 * body's rules: each claim is judged, with the others, by every body of the meeting the member
 * sits on, and stands when one of them accepts it. A claim for someone who sits on none of them
 * is judged by the first body, which refuses it as for a meeting of that body alone. For one
 * body this is `judgeClaims`.
 */
export function judgeClaimsAtMeeting(model: Model, bodies: readonly [ResolvedBody, ...ResolvedBody[]], claims: readonly StandInClaim[], present: ReadonlySet<string>): JudgedAtMeeting {
  const [first] = bodies;
  if (bodies.length === 1) {
    const judged = judgeClaims(model, first, claims, present);
    return { accepted: judged.accepted, refused: judged.refused.map((r) => ({ ...r, body: first })) };
  }
  const judgedBy = (c: StandInClaim) => {
    const sits = bodies.filter((b) => b.sittings.has(c.for));
    return sits.length ? sits : [first];
  };
  const verdicts = bodies.map((b) => ({ body: b, judged: judgeClaims(model, b, claims.filter((c) => judgedBy(c).includes(b)), present) }));
  const accepted: StandInClaim[] = [];
  const refused: JudgedAtMeeting['refused'] = [];
  // accepted by any body it was judged by; else refused with the first body's reason
  const seen = new Set<StandInClaim>();
  for (const { judged } of verdicts) {
    for (const c of judged.accepted) {
      if (seen.has(c)) continue;
      seen.add(c);
      accepted.push(c);
    }
  }
  for (const { body, judged } of verdicts) {
    for (const r of judged.refused) {
      if (seen.has(r.claim)) continue;
      seen.add(r.claim);
      refused.push({ ...r, body });
    }
  }
  return { accepted, refused };
}
