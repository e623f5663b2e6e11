import type { ChalkInstance } from 'chalk';
import type { Membership, MemberRow } from '../core/membership.js';
import type { Model } from '../core/model.js';

function termText(r: MemberRow, c: ChalkInstance): string {
  const end = r.person.term?.end;
  switch (r.term) {
    case 'expired':
      return c.red(`term ended ${end}`);
    case 'ending-soon':
      return c.yellow(`term ends ${end}`);
    case 'not-started':
      return `term starts ${r.person.term?.start}`;
    case 'current':
      return end ? `term to ${end}` : '';
    default:
      return '';
  }
}

export function renderMembers(model: Model, m: Membership, c: ChalkInstance): string[] {
  const lines: string[] = [];
  if (m.body) lines.push(c.bold(`${m.body.name} (${m.body.memberIds.length} members, ${m.body.totalSeats} seats)`), '');
  for (const g of m.groups) {
    const seats = g.seats === null ? '' : `  ${g.filled} of ${g.seats} seat${g.seats === 1 ? '' : 's'} filled`;
    const vacancy = g.vacant ? c.yellow(`, ${g.vacant} vacant`) : '';
    lines.push(`${c.bold(g.name)}${g.id ? c.dim(` [${g.id}]`) : ''}${seats}${vacancy}`);
    for (const r of g.rows) {
      const p = r.person;
      const bits = [p.role, p.voting ? 'votes' : c.dim('no vote')];
      const proxy = r.proxy ? `proxy: ${r.proxy.name} (${r.proxy.id})` : '';
      const cols = [`  ${p.name}`.padEnd(30), c.dim(p.id.padEnd(18)), bits.join(', ').padEnd(22), proxy, termText(r, c)].filter(Boolean);
      lines.push(cols.join('  ').trimEnd());
    }
    for (let i = 0; i < g.vacant; i++) lines.push(c.yellow('  (vacant seat)'));
    lines.push('');
  }
  void model;
  return lines.slice(0, -1);
}

/** The stable --json shape: an array of people. */
export function membersJson(model: Model, m: Membership) {
  const rows = m.groups.flatMap((g) => g.rows);
  // Proxies follow the members they stand for, so the list is complete for distribution.
  const ids = new Set(rows.map((r) => r.person.id));
  const proxies = rows.flatMap((r) => (r.proxy && !ids.has(r.proxy.id) ? [r.proxy] : []));
  const seen = new Set<string>();
  return [...rows.map((r) => r.person), ...proxies]
    .filter((p) => (seen.has(p.id) ? false : (seen.add(p.id), true)))
    .map((p) => ({
      id: p.id,
      name: p.name,
      email: p.email ?? null,
      group: p.group ?? null,
      role: p.role,
      voting: p.voting,
      proxy: p.proxy ?? null,
      proxyFor: p.proxyFor[0] ?? null,
      proxyForAll: p.proxyFor,
      school: p.school ?? null,
      termStart: p.term?.start ?? null,
      termEnd: p.term?.end ?? null,
    }))
    .map((x) => (void model, x));
}
