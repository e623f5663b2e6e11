/** The registers: decisions, actions, and the attendance index with a page per year. */
import { formatLongDate } from '../../core/dates.js';
import { SITE_PATHS, type AttendanceYearView, type SitePlan } from '../../core/site/types.js';
import { actionsTable, decisionsTable, h, link, page, table, type SiteAssets, type SiteFile } from './html.js';

export function renderDecisionsRegister(plan: SitePlan, assets: SiteAssets): SiteFile {
  const main = `<h1>Decisions register</h1>
<p>Every decision published from the minutes, newest first. Each links to the meeting that took it.</p>
${plan.decisions.length ? decisionsTable(SITE_PATHS.decisions, plan.decisions, 'All published decisions', true) : '<p>No decisions published yet.</p>'}`;
  return page(plan, assets, { path: SITE_PATHS.decisions, title: 'Decisions register', nav: 'decisions', filter: true, main });
}

export function renderActionsRegister(plan: SitePlan, assets: SiteAssets): SiteFile {
  const main = `<h1>Actions register</h1>
<p>Actions agreed at meetings: open actions first, by due date, then those done.</p>
${plan.actions.length ? actionsTable(SITE_PATHS.actions, plan.actions, 'All published actions', true) : '<p>No actions published yet.</p>'}`;
  return page(plan, assets, { path: SITE_PATHS.actions, title: 'Actions register', nav: 'actions', filter: true, main });
}

export function renderAttendanceIndex(plan: SitePlan, assets: SiteAssets): SiteFile {
  const years = plan.attendance.map((y) => `<li>${link(SITE_PATHS.attendance, y.path, `Attendance in ${y.year}`)}</li>`).join('');
  const main = `<h1>Attendance</h1>
<p>Attendance at meetings, per member and per partner group, for each calendar year.</p>
${plan.attendance.length ? `<ul>${years}</ul>` : '<p>No attendance recorded yet.</p>'}`;
  return page(plan, assets, { path: SITE_PATHS.attendance, title: 'Attendance', nav: 'attendance', main });
}

function bodySection(y: AttendanceYearView, b: AttendanceYearView['bodies'][number]): string {
  const byPerson = table(
    `${h(b.name)}: attendance per member in ${y.year}`,
    ['Member', 'Partner group', 'Present', 'By proxy', 'Apologies', 'Absent'],
    b.byPerson.map((r) => [h(r.person), h(r.group), `${r.present}`, `${r.proxy}`, `${r.apologies}`, `${r.absent}`]),
  );
  const byGroup = b.byGroup.length
    ? table(
        `${h(b.name)}: attendance per partner group in ${y.year}`,
        ['Partner group', 'Seats', 'Attended (in person or by proxy)', 'Possible'],
        b.byGroup.map((g) => [h(g.group), g.seats === null ? '' : `${g.seats}`, `${g.attended}`, `${g.possible}`]),
      )
    : '';
  const bySchool = b.bySchool.length
    ? table(`${h(b.name)}: schools represented in ${y.year}`, ['Meeting', 'Schools represented'], b.bySchool.map((x) => [h(formatLongDate(x.date)), `${x.represented} out of ${x.total} schools`]))
    : '';
  return `<h2>${h(b.name)}</h2>
<p>${b.meetings} ${b.meetings === 1 ? 'meeting' : 'meetings'} held with attendance recorded.</p>
${byPerson}
${byGroup}
${bySchool}`;
}

export function renderAttendanceYear(plan: SitePlan, assets: SiteAssets, y: AttendanceYearView): SiteFile {
  const main = `<h1>Attendance in ${y.year}</h1>
<p>Counted per member of each body as it stands today: present in person, represented by their proxy, apologies sent, or absent without apologies.</p>
${y.bodies.map((b) => bodySection(y, b)).join('\n')}`;
  return page(plan, assets, { path: y.path, title: `Attendance in ${y.year}`, nav: 'attendance', main });
}
