/**
 * Who receives what: the named distribution lists of the partnership file, and the notice
 * recipients of a meeting (members, their proxies, invitees). Everyone appears once; people
 * without an email address are kept and reported, never dropped silently.
 */
import { meetingBodies, type MeetingFile } from './meeting-schema.js';
import { selectPeople, type Model, type ResolvedPerson } from './model.js';
import type { DistributionList } from './partnership-schema.js';

export type RecipientKind = 'member' | 'proxy' | 'invitee' | 'list';

export interface Recipient {
  /** Person id, when the recipient is in the partnership file. */
  id?: string;
  name: string;
  email?: string;
  title?: string;
  organisation?: string;
  group?: string;
  kind: RecipientKind;
  /** For a proxy: the member they stand in for. */
  proxyFor?: string;
  /** A member who has sent apologies: they still receive the papers. */
  apologies?: boolean;
}

export interface Distribution {
  /** Every recipient once, in order: members, proxies, invitees (or list order). */
  recipients: Recipient[];
  /** Recipients with no email address (also in `recipients`). */
  withoutEmail: Recipient[];
  /** Entries left out because someone with the same id or address was already in. */
  duplicates: Recipient[];
}

function fromPerson(p: ResolvedPerson, kind: RecipientKind, extra: Partial<Recipient> = {}): Recipient {
  const r: Recipient = { id: p.id, name: p.name, kind, ...extra };
  if (p.email) r.email = p.email;
  if (p.title) r.title = p.title;
  if (p.group) r.group = p.group;
  return r;
}

/** Removes repeats (same person id, or same address in any letter case), keeping the first. */
export function dedupe(list: readonly Recipient[]): Distribution {
  const ids = new Set<string>();
  const emails = new Set<string>();
  const recipients: Recipient[] = [];
  const duplicates: Recipient[] = [];
  for (const r of list) {
    const email = r.email?.toLowerCase();
    if ((r.id && ids.has(r.id)) || (email && emails.has(email))) {
      duplicates.push(r);
      continue;
    }
    if (r.id) ids.add(r.id);
    if (email) emails.add(email);
    recipients.push(r);
  }
  return { recipients, withoutEmail: recipients.filter((r) => !r.email), duplicates };
}

/** The people on a named list of the partnership file. */
export function listDistribution(model: Model, list: DistributionList): Distribution {
  return dedupe(selectPeople(model, list.include, list.exclude ?? []).map((p) => fromPerson(p, 'list')));
}

/**
 * The notice recipients of a meeting: every member of the body (members who sent apologies
 * included: they still receive the papers), each member's proxy, then the invitees.
 */
export function meetingDistribution(model: Model, meeting: MeetingFile): Distribution {
  const apologies = new Set(meeting.attendance?.apologies ?? []);
  const all: Recipient[] = [];
  // a joint meeting goes to the members of every body in it, once each
  const memberIds = [...new Set(meetingBodies(meeting).flatMap((b) => model.bodies.get(b)?.memberIds ?? []))];
  const members = memberIds.map((id) => model.people.get(id)).filter((p): p is ResolvedPerson => p !== undefined);
  for (const m of members) all.push(fromPerson(m, 'member', apologies.has(m.id) ? { apologies: true } : {}));
  for (const m of members) {
    const proxy = m.proxy ? model.people.get(m.proxy) : undefined;
    if (proxy) all.push(fromPerson(proxy, 'proxy', { proxyFor: m.id }));
  }
  for (const inv of meeting.invitees ?? []) {
    const p = inv.person ? model.people.get(inv.person) : undefined;
    if (p) {
      const r = fromPerson(p, 'invitee');
      if (!r.email && inv.email) r.email = inv.email;
      all.push(r);
      continue;
    }
    const r: Recipient = { name: inv.name, kind: 'invitee' };
    if (inv.person) r.id = inv.person;
    if (inv.email) r.email = inv.email;
    if (inv.organisation) r.organisation = inv.organisation;
    all.push(r);
  }
  return dedupe(all);
}

/** What `notice --sent` records as the recipients: person ids, or the address of an outside invitee. */
export function recipientKeys(d: Distribution): string[] {
  return d.recipients.map((r) => r.id ?? r.email ?? r.name);
}
