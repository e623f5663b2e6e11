/** Distribution lists as the clerk pastes them: a BCC line, CSV, vCards, JSON. */
import type { ChalkInstance } from 'chalk';
import type { Distribution, Recipient } from '../core/distribution.js';
import { escapeText } from '../core/ics.js';

/** Addresses, comma-separated, ready for a BCC line. */
export function formatEmails(d: Distribution): string {
  return d.recipients.flatMap((r) => (r.email ? [r.email] : [])).join(', ');
}

export const CSV_COLUMNS = ['id', 'name', 'email', 'title', 'organisation', 'group', 'kind', 'proxy_for', 'apologies'] as const;

/** The recipients as CSV, through the one CSV writer. */
export async function formatDistributionCsv(d: Distribution): Promise<string> {
  const { formatCsv } = await import('./csv.js');
  const rows = d.recipients.map((r) => [r.id, r.name, r.email, r.title, r.organisation, r.group, r.kind, r.proxyFor, r.apologies ? 'yes' : '']);
  return formatCsv([CSV_COLUMNS, ...rows]);
}

/** vCard text escapes as iCalendar TEXT does (the same RFC 5545 rule), controls and every newline form included. */
const vEscape = escapeText;

function vcard(r: Recipient): string[] {
  const parts = r.name.trim().split(/\s+/);
  const family = parts.length > 1 ? parts[parts.length - 1]! : r.name;
  const given = parts.length > 1 ? parts.slice(0, -1).join(' ') : '';
  const lines = ['BEGIN:VCARD', 'VERSION:3.0', `FN:${vEscape(r.name)}`, `N:${vEscape(family)};${vEscape(given)};;;`];
  if (r.email) lines.push(`EMAIL;TYPE=INTERNET:${vEscape(r.email)}`);
  if (r.title) lines.push(`TITLE:${vEscape(r.title)}`);
  if (r.organisation) lines.push(`ORG:${vEscape(r.organisation)}`);
  if (r.id) lines.push(`UID:urn:wep:person:${vEscape(r.id)}`);
  lines.push('END:VCARD');
  return lines;
}

/** vCard 3.0, one card per recipient, CRLF line endings. */
export function formatVcards(d: Distribution): string {
  return `${d.recipients.flatMap(vcard).join('\r\n')}\r\n`;
}

/** The stable --json shape: one object per recipient. */
export function distributionJson(d: Distribution) {
  return d.recipients.map((r) => ({
    id: r.id ?? null,
    name: r.name,
    email: r.email ?? null,
    title: r.title ?? null,
    organisation: r.organisation ?? null,
    group: r.group ?? null,
    kind: r.kind,
    proxyFor: r.proxyFor ?? null,
    apologies: r.apologies === true,
  }));
}

/** The warning for recipients with no address: who, so the clerk can post or phone them. */
export function renderWithoutEmail(d: Distribution): string[] {
  if (d.withoutEmail.length === 0) return [];
  const who = d.withoutEmail.map((r) => `${r.name}${r.id ? ` (${r.id})` : ''}`).join(', ');
  return [`${d.withoutEmail.length} recipient${d.withoutEmail.length === 1 ? ' has' : 's have'} no email address and must be sent the papers another way: ${who}`];
}

/** `wep distribution` with no list: one line per list, with how many people and who lacks an address. */
export function renderListOverview(lists: readonly { list: { id: string; name: string }; d: Distribution }[], c: ChalkInstance): string[] {
  if (lists.length === 0) return ['No distribution lists in the partnership file (add them under "lists:"). For a meeting: wep distribution --meeting ID'];
  const width = Math.max(...lists.map(({ list }) => list.id.length));
  const lines = lists.map(({ list, d }) => {
    const missing = d.withoutEmail.length ? c.yellow(`, ${d.withoutEmail.length} without email`) : '';
    return `${list.id.padEnd(width)}  ${list.name} ${c.dim(`(${d.recipients.length} people)`)}${missing}`;
  });
  return [...lines, '', c.dim("wep distribution LIST for the addresses; --format csv, vcard or json; --meeting ID for a meeting's notice recipients")];
}
