import type { ChalkInstance } from 'chalk';
import type { FormerRow, Membership, MemberRow } from '../core/membership.js';
import type { Appointment, Model, Vacancy } from '../core/model.js';

function termText(r: MemberRow, c: ChalkInstance): string {
  const end = r.place.to;
  switch (r.term) {
    case 'expired':
      return c.red(`term ended ${end}`);
    case 'ending-soon':
      return c.yellow(`term ends ${end}`);
    case 'not-started':
      return `term starts ${r.place.from}`;
    case 'current':
      return end ? `term to ${end}` : '';
    default:
      return '';
  }
}

const FILL_TEXT = { elected: 'elected by the group', appointed: 'appointed', 'co-opted': 'co-opted by the body' } as const;

/** "(vacant seat since 1 September 2026: elected by the group)" */
export function formatVacancy(v: Vacancy): string {
  return `(vacant seat${v.since ? ` since ${v.since}` : ''}: ${FILL_TEXT[v.filledBy]})`;
}

function placeText(model: Model, a: Appointment): string {
  const where = a.body ? (model.bodies.get(a.body)?.name ?? a.body) : a.group ? (model.groups.get(a.group)?.name ?? a.group) : 'no partner group';
  const seat = a.seat ? `, ${a.seat}` : '';
  return `${where}${seat} (${a.role}) ${a.from ?? '…'} to ${a.to ?? '…'}`;
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
      const bits = [r.role, r.voting ? 'votes' : c.dim('no vote')];
      const proxy = r.proxy ? `proxy: ${r.proxy.name} (${r.proxy.id})` : '';
      const cols = [`  ${p.name}`.padEnd(30), c.dim(p.id.padEnd(18)), bits.join(', ').padEnd(22), proxy, termText(r, c)].filter(Boolean);
      lines.push(cols.join('  ').trimEnd());
    }
    for (const v of g.vacancies) lines.push(c.yellow(`  ${formatVacancy(v)}`));
    lines.push('');
  }
  if (m.former) {
    lines.push(c.bold(`Former members (on ${m.on})`));
    if (m.former.length === 0) lines.push(c.dim('  none'));
    for (const f of m.former) lines.push(...formerLines(model, f, c));
    lines.push('');
  }
  return lines.slice(0, -1);
}

function formerLines(model: Model, f: FormerRow, c: ChalkInstance): string[] {
  const [last, ...earlier] = f.places;
  const first = [`  ${f.person.name}`.padEnd(30), c.dim(f.person.id.padEnd(18)), last ? placeText(model, last) : ''].join('  ').trimEnd();
  return [first, ...earlier.map((a) => `${' '.repeat(52)}${placeText(model, a)}`)];
}

const placeJson = (a: Appointment) => ({
  body: a.body ?? null,
  group: a.group ?? null,
  seat: a.seat ?? null,
  role: a.role,
  voting: a.voting,
  from: a.from ?? null,
  to: a.to ?? null,
  filled: a.filled ?? null,
  proxy: a.proxy ?? null,
});

/** The stable --json shape: an array of people (with --former, former members last, `former: true`). */
export function membersJson(model: Model, m: Membership) {
  const rows = m.groups.flatMap((g) => g.rows);
  // Proxies follow the members they stand for, so the list is complete for distribution.
  const ids = new Set(rows.map((r) => r.person.id));
  const proxies = rows.flatMap((r) => (r.proxy && !ids.has(r.proxy.id) ? [r.proxy] : []));
  const seen = new Set<string>();
  const byId = new Map(rows.map((r) => [r.person.id, r] as const));
  const current = [...rows.map((r) => r.person), ...proxies]
    .filter((p) => (seen.has(p.id) ? false : (seen.add(p.id), true)))
    .map((p) => {
      const r = byId.get(p.id);
      return {
        id: p.id,
        name: p.name,
        email: p.email ?? null,
        group: p.group ?? null,
        role: r?.role ?? p.role,
        voting: r?.voting ?? p.voting,
        proxy: r?.proxy?.id ?? p.proxy ?? null,
        proxyFor: p.proxyFor[0] ?? null,
        proxyForAll: p.proxyFor,
        school: p.school ?? null,
        termStart: r?.place.from ?? p.term?.start ?? null,
        termEnd: r?.place.to ?? p.term?.end ?? null,
        former: false,
        appointments: p.places.map(placeJson),
      };
    });
  const former = (m.former ?? []).map((f) => ({
    id: f.person.id,
    name: f.person.name,
    email: f.person.email ?? null,
    group: null,
    role: f.person.role,
    voting: false,
    proxy: null,
    proxyFor: null,
    proxyForAll: [] as string[],
    school: f.person.school ?? null,
    termStart: f.places[0]?.from ?? null,
    termEnd: f.places[0]?.to ?? null,
    former: true,
    appointments: f.person.places.map(placeJson),
  }));
  void model;
  return [...current, ...former];
}
