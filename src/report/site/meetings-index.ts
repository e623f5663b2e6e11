/** All meetings, by year, newest first. */
import { formatShortDate } from '../../core/dates.js';
import { SITE_PATHS, type SitePlan, type TermDatesView } from '../../core/site/types.js';
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
${sections || '<p>No meetings yet.</p>'}
${plan.terms.length ? termsSection(path, plan.terms) : ''}`;
  return page(plan, assets, { path, title: 'Meetings', nav: 'meetings', main, filter: true });
}

/** The term and half-term dates the partnership meets by, as in the calendar feed. */
function termsSection(path: string, calendars: readonly TermDatesView[]): string {
  const one = calendars.length === 1;
  const tables = calendars.map((c) => {
    const rows = c.terms.map((t) => [h(t.name), h(formatShortDate(t.start)), h(formatShortDate(t.end)), t.halfTerm ? h(`${formatShortDate(t.halfTerm.start)} to ${formatShortDate(t.halfTerm.end)}`) : '']);
    const who = !one && c.bodies.length ? `<p>Followed by: ${h(c.bodies.join(', '))}.</p>` : '';
    return `${one ? '' : `<h3>${h(c.name)}</h3>\n`}${who}\n${table(`${h(c.name)}: terms and half-terms`, ['Term', 'Starts', 'Ends', 'Half-term'], rows)}`;
  });
  return `<h2 id="term-dates">School term dates</h2>
<p>Meetings are held in term time. The terms and half-terms are in the ${link(path, SITE_PATHS.calendar, 'calendar feed')} too.</p>
${tables.join('\n')}`;
}
