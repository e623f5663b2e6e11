/** A board or group's page: facts, membership by partner group with vacancies, its meetings. */
import { theName } from '../../core/body-names.js';
import type { BodyView, SitePlan } from '../../core/site/types.js';
import { decisionsTable, h, link, meetingList, page, person, table, termText, type SiteAssets, type SiteFile } from './html.js';

const ROLE_NAMES: Record<string, string> = {
  chair: 'Chair',
  'vice-chair': 'Vice-chair',
  member: 'Member',
  officer: 'Officer (non-voting)',
  observer: 'Observer',
  proxy: 'Proxy',
  adviser: 'Adviser',
};

function groupSection(g: BodyView['groups'][number]): string {
  const rows = g.rows.map((r) => [person(r.person), h(ROLE_NAMES[r.role] ?? r.role), h(r.person.title ?? ''), h(termText(r.term)), h(r.proxy ?? '')]);
  for (let i = 0; i < g.vacant; i++) rows.push(['<em>Vacant seat</em>', '', '', '', '']);
  const seats = g.seats === null ? '' : ` (${g.seats} ${g.seats === 1 ? 'seat' : 'seats'}${g.vacant ? `, ${g.vacant} vacant` : ''})`;
  return `<h3>${h(g.name)}${h(seats)}</h3>
${g.description ? `<p>${h(g.description)}</p>` : ''}
${rows.length ? table(`Members: ${h(g.name)}`, ['Name', 'Role', 'Position', 'Term of office', 'Proxy'], rows) : '<p>No members.</p>'}`;
}

export function renderBody(plan: SitePlan, assets: SiteAssets, b: BodyView): SiteFile {
  const from = b.path;
  const facts: string[] = [];
  if (b.chair) facts.push(`<dt>Chair</dt><dd>${h(b.chair)}</dd>`);
  if (b.meets) facts.push(`<dt>Meets</dt><dd>${h(b.meets)}</dd>`);
  if (b.accountableTo) facts.push(`<dt>Accountable to</dt><dd>${link(from, b.accountableTo.path, h(b.accountableTo.name))}</dd>`);
  facts.push(`<dt>Seats</dt><dd>${b.totalSeats}</dd>`);
  const main = `<h1>${h(b.name)}</h1>
${b.description ? `<p class="lead">${h(b.description)}</p>` : ''}
<dl class="facts">${facts.join('')}</dl>
<h2>Membership</h2>
${b.groups.map(groupSection).join('\n')}
<h2>Upcoming meetings</h2>
${meetingList(from, b.upcoming, 'None scheduled yet.')}
<h2>Past meetings</h2>
${meetingList(from, b.past, 'None yet.')}
<h2 id="decisions">Decisions</h2>
${b.decisions.length ? `<p>Decisions of ${h(theName(b.name))}, newest first, with its quorum at each decision.</p>\n${decisionsTable(from, b.decisions, `Decisions of ${h(theName(b.name))}`, true)}` : '<p>No decisions published yet.</p>'}`;
  return page(plan, assets, { path: b.path, title: b.name, nav: 'body', filter: b.decisions.length > 0, main });
}
