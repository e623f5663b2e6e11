/** All meetings, by year, newest first. */
import { formatShortDate } from '../../core/dates.js';
import { SITE_PATHS, type SitePlan } from '../../core/site/types.js';
import { h, link, page, STATUS_NAMES, table, type SiteAssets, type SiteFile } from './html.js';

export function renderMeetingsIndex(plan: SitePlan, assets: SiteAssets): SiteFile {
  const path = SITE_PATHS.meetings;
  const years = [...new Set(plan.meetings.map((m) => m.date.slice(0, 4)))].sort().reverse();
  const sections = years
    .map((y) => {
      const ofYear = plan.meetings.filter((m) => m.date.startsWith(y)).reverse();
      const rows = ofYear.map((m) => [link(path, m.path, h(formatShortDate(m.date))), h(m.bodyName), h(m.start), h(m.venue?.name ?? ''), STATUS_NAMES[m.status]]);
      return `<h2>${y}</h2>\n${table(`Meetings in ${y}`, ['Date', 'Body', 'Time', 'Venue', 'Status'], rows, { filter: years.length > 1 })}`;
    })
    .join('\n');
  const main = `<h1>Meetings</h1>
<p>Every meeting has a page that keeps its address: notice, agenda and papers, and once held, attendance, minutes and decisions. ${link(
    path,
    SITE_PATHS.calendar,
    'Subscribe to the calendar',
  )} to see new meetings in your own calendar.</p>
${sections || '<p>No meetings yet.</p>'}`;
  return page(plan, assets, { path, title: 'Meetings', nav: 'meetings', main, filter: true });
}
