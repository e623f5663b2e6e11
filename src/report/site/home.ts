/** The home page: the partnership, next meetings, latest decisions, bodies and registers. */
import { SITE_PATHS, type SitePlan } from '../../core/site/types.js';
import { decisionsTable, h, link, meetingList, page, type SiteAssets, type SiteFile } from './html.js';

export function renderHome(plan: SitePlan, assets: SiteAssets): SiteFile {
  const path = SITE_PATHS.home;
  const p = plan.partnership;
  const values = p.values.length ? `<h2>Our values</h2>\n<ul>${p.values.map((v) => `<li>${h(v)}</li>`).join('')}</ul>` : '';
  const bodies = plan.bodies.map((b) => `<li>${link(path, b.path, h(b.name))}${b.description ? `: ${h(b.description)}` : ''}</li>`).join('\n');
  const main = `<h1>${h(p.name)}</h1>
${p.purpose ? `<p class="lead">${h(p.purpose)}</p>` : ''}
${values}
<h2>Next meetings</h2>
${meetingList(path, plan.upcoming.slice(0, 5), 'No meetings are scheduled yet.')}
<p>${link(path, SITE_PATHS.meetings, 'All meetings')} · ${link(path, SITE_PATHS.calendar, 'Subscribe to the meetings calendar')}</p>
<h2>Latest decisions</h2>
${plan.decisions.length ? decisionsTable(path, plan.decisions.slice(0, 5), 'The five most recent decisions', false) : '<p>No decisions published yet.</p>'}
<p>${link(path, SITE_PATHS.decisions, 'Decisions register')}</p>
<h2>Boards and groups</h2>
<ul>${bodies}</ul>
<h2>Registers</h2>
<ul>
<li>${link(path, SITE_PATHS.decisions, 'Decisions')}</li>
<li>${link(path, SITE_PATHS.actions, 'Actions')}</li>
<li>${link(path, SITE_PATHS.attendance, 'Attendance')}</li>
</ul>`;
  return page(plan, assets, { path, title: 'Home', nav: 'home', main });
}
