/**
 * The website's HTML: one plain function per page, fed by the plan from src/core/site.ts.
 * Every value that comes from the records goes through `h()` (HTML escaping). Pure and
 * deterministic: no clock, no randomness, stable order. Links are relative, so the folder
 * works from a file share; with a base URL each page also names its canonical address.
 */
import { formatLongDate, formatShortDate, type IsoDate } from '../core/dates.js';
import { renderCalendar } from '../core/ics.js';
import {
  relativeHref,
  SITE_PATHS,
  type ActionRow,
  type AttendanceYearView,
  type BodyView,
  type DecisionRow,
  type MeetingSummary,
  type MeetingView,
  type PersonRef,
  type SitePlan,
} from '../core/site.js';
import { escapeHtml as h, renderMarkdown } from './site-markdown.js';

export interface SiteFile {
  path: string;
  content: string;
}

export interface SiteAssets {
  css: string;
  /** The optional filter box script; tables get a filter box only when it is given. */
  js?: string;
}

export const FILTER_JS_PATH = 'filter.js';

type NavKey = 'home' | 'meetings' | 'decisions' | 'actions' | 'attendance' | 'body' | 'none';

interface PageOptions {
  path: string;
  title: string;
  nav: NavKey;
  main: string;
  /** Load the filter script on this page. */
  filter?: boolean;
}

const ROLE_NAMES: Record<string, string> = {
  chair: 'Chair',
  'vice-chair': 'Vice-chair',
  member: 'Member',
  officer: 'Officer (non-voting)',
  observer: 'Observer',
  proxy: 'Proxy',
  adviser: 'Adviser',
};

const STATUS_NAMES = { upcoming: 'Upcoming', held: 'Held', cancelled: 'Cancelled' } as const;

function timeRange(start: string, end?: string): string {
  return end ? `${start} to ${end}` : start;
}

function termText(term?: { start?: IsoDate; end?: IsoDate }): string {
  if (!term) return '';
  if (term.start && term.end) return `${formatShortDate(term.start)} to ${formatShortDate(term.end)}`;
  if (term.end) return `until ${formatShortDate(term.end)}`;
  return `from ${formatShortDate(term.start!)}`;
}

function person(p: PersonRef): string {
  const email = p.email ? ` (<a href="mailto:${h(p.email)}">${h(p.email)}</a>)` : '';
  return `${h(p.name)}${email}`;
}

function people(list: readonly PersonRef[]): string {
  return list.length ? list.map(person).join(', ') : 'none';
}

const table = (caption: string, head: string[], rows: string[][], opts: { filter?: boolean; cls?: string } = {}): string => {
  const thead = `<thead><tr>${head.map((c) => `<th scope="col">${c}</th>`).join('')}</tr></thead>`;
  const tbody = `<tbody>${rows.map((r) => `<tr>${r.map((c, i) => (i === 0 ? `<th scope="row">${c}</th>` : `<td>${c}</td>`)).join('')}</tr>`).join('\n')}</tbody>`;
  const attrs = [opts.filter ? ' data-filter' : '', opts.cls ? ` class="${opts.cls}"` : ''].join('');
  return `<div class="table-wrap"><table${attrs}><caption>${caption}</caption>${thead}\n${tbody}</table></div>`;
};

/** A relative href with each path segment percent-encoded (paper names may hold spaces, # or ?). */
export function hrefFor(from: string, to: string): string {
  const [path, ...frag] = relativeHref(from, to).split('#');
  const encoded = path!.split('/').map((seg) => (seg === '..' ? seg : encodeURIComponent(seg))).join('/');
  return frag.length ? `${encoded}#${frag.join('#')}` : encoded;
}

/** Renders every file of the site from the plan. */
export function renderSite(plan: SitePlan, assets: SiteAssets): SiteFile[] {
  const files: SiteFile[] = [];
  const useFilter = assets.js !== undefined;
  const link = (from: string, to: string, text: string, attrs = '') => `<a href="${h(hrefFor(from, to))}"${attrs}>${text}</a>`;

  const page = (o: PageOptions): SiteFile => {
    const r = (to: string) => h(hrefFor(o.path, to));
    const navItem = (key: NavKey, to: string, text: string) =>
      `<li><a href="${r(to)}"${o.nav === key ? ' aria-current="page"' : ''}>${text}</a></li>`;
    const canonical = plan.baseUrl ? `\n<link rel="canonical" href="${h(plan.baseUrl + o.path)}">` : '';
    const script = o.filter && useFilter ? `\n<script src="${r(FILTER_JS_PATH)}" defer></script>` : '';
    const html = `<!doctype html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${h(o.title)} | ${h(plan.partnership.name)}</title>
<link rel="stylesheet" href="${r(SITE_PATHS.css)}">${canonical}
<link rel="alternate" type="text/calendar" title="Meetings calendar" href="${r(SITE_PATHS.calendar)}">${script}
</head>
<body>
<a class="skip-link" href="#main">Skip to main content</a>
<header class="site-header">
<p class="site-name"><a href="${r(SITE_PATHS.home)}">${h(plan.partnership.name)}</a></p>
<nav aria-label="Main">
<ul>
${navItem('home', SITE_PATHS.home, 'Home')}
${navItem('meetings', SITE_PATHS.meetings, 'Meetings')}
${navItem('decisions', SITE_PATHS.decisions, 'Decisions')}
${navItem('actions', SITE_PATHS.actions, 'Actions')}
${navItem('attendance', SITE_PATHS.attendance, 'Attendance')}
<li><a href="${r(SITE_PATHS.calendar)}">Calendar feed</a></li>
</ul>
</nav>
</header>
<main id="main" tabindex="-1">
${o.main}
</main>
<footer class="site-footer">
<p>Published from the records of the ${h(plan.partnership.name)} by the clerk, ${h(plan.partnership.clerk)}. Confidential items are not published.${
      plan.partnership.minutesPolicy === 'approved-only' ? ' Minutes appear here once approved.' : ' Minutes not yet approved are marked as drafts.'
    }</p>
</footer>
</body>
</html>
`;
    return { path: o.path, content: html };
  };

  const meetingList = (from: string, list: readonly MeetingSummary[], empty: string): string =>
    list.length
      ? `<ul class="meeting-list">${list
          .map(
            (m) =>
              `<li>${link(from, m.path, `${h(m.bodyName)}: ${h(formatLongDate(m.date))}`)}, ${h(m.start)}${m.venue ? `, ${h(m.venue)}` : ''}${
                m.status === 'cancelled' ? ' <strong class="tag">Cancelled</strong>' : ''
              }</li>`,
          )
          .join('\n')}</ul>`
      : `<p>${empty}</p>`;

  const decisionsTable = (from: string, rows: readonly DecisionRow[], caption: string, filter: boolean) =>
    table(
      caption,
      ['Date', 'Body', 'Item', 'Decision'],
      rows.map((d) => [
        link(from, `${d.meetingPath}#${d.anchor}`, h(formatShortDate(d.date))),
        h(d.bodyName),
        `${d.item}${d.itemTitle ? `. ${h(d.itemTitle)}` : ''}`,
        `${h(d.text)}${d.draft ? ' <strong class="tag tag-draft">Draft minutes</strong>' : ''}${d.quorate === false ? ' <strong class="tag tag-inquorate">Not quorate</strong>' : ''}`,
      ]),
      { filter },
    );

  const actionsTable = (from: string, rows: readonly ActionRow[], caption: string, filter: boolean) =>
    table(
      caption,
      ['Action', 'Meeting', 'Owner', 'Due', 'Status'],
      rows.map((a) => [
        `${h(a.text)}${a.draft ? ' <strong class="tag tag-draft">Draft minutes</strong>' : ''}`,
        link(from, a.meetingPath, `${h(a.bodyName)}, ${h(formatShortDate(a.date))}`),
        h(a.owner),
        a.due ? h(formatShortDate(a.due)) : '',
        a.done ? `Done ${h(formatShortDate(a.done))}` : 'Open',
      ]),
      { filter },
    );

  // Home
  {
    const path = SITE_PATHS.home;
    const p = plan.partnership;
    const values = p.values.length ? `<h2>Our values</h2>\n<ul>${p.values.map((v) => `<li>${h(v)}</li>`).join('')}</ul>` : '';
    const bodies = plan.bodies
      .map((b) => `<li>${link(path, b.path, h(b.name))}${b.description ? `: ${h(b.description)}` : ''}</li>`)
      .join('\n');
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
    files.push(page({ path, title: 'Home', nav: 'home', main }));
  }

  // Bodies
  for (const b of plan.bodies) files.push(page({ path: b.path, title: b.name, nav: 'body', main: bodyMain(b) }));

  function bodyMain(b: BodyView): string {
    const from = b.path;
    const facts: string[] = [];
    if (b.chair) facts.push(`<dt>Chair</dt><dd>${h(b.chair)}</dd>`);
    if (b.meets) facts.push(`<dt>Meets</dt><dd>${h(b.meets)}</dd>`);
    if (b.accountableTo) facts.push(`<dt>Accountable to</dt><dd>${link(from, b.accountableTo.path, h(b.accountableTo.name))}</dd>`);
    facts.push(`<dt>Seats</dt><dd>${b.totalSeats}</dd>`);
    const groups = b.groups
      .map((g) => {
        const rows = g.rows.map((r) => [person(r.person), h(ROLE_NAMES[r.role] ?? r.role), h(r.person.title ?? ''), h(termText(r.term)), h(r.proxy ?? '')]);
        for (let i = 0; i < g.vacant; i++) rows.push(['<em>Vacant seat</em>', '', '', '', '']);
        const seats = g.seats === null ? '' : ` (${g.seats} ${g.seats === 1 ? 'seat' : 'seats'}${g.vacant ? `, ${g.vacant} vacant` : ''})`;
        return `<h3>${h(g.name)}${h(seats)}</h3>
${g.description ? `<p>${h(g.description)}</p>` : ''}
${rows.length ? table(`Members: ${h(g.name)}`, ['Name', 'Role', 'Position', 'Term of office', 'Proxy'], rows) : '<p>No members.</p>'}`;
      })
      .join('\n');
    return `<h1>${h(b.name)}</h1>
${b.description ? `<p class="lead">${h(b.description)}</p>` : ''}
<dl class="facts">${facts.join('')}</dl>
<h2>Membership</h2>
${groups}
<h2>Upcoming meetings</h2>
${meetingList(from, b.upcoming, 'None scheduled yet.')}
<h2>Past meetings</h2>
${meetingList(from, b.past, 'None yet.')}`;
  }

  // Meetings index: by year, newest first
  {
    const path = SITE_PATHS.meetings;
    const years = [...new Set(plan.meetings.map((m) => m.date.slice(0, 4)))].sort().reverse();
    const sections = years
      .map((y) => {
        const ofYear = plan.meetings.filter((m) => m.date.startsWith(y)).reverse();
        return `<h2>${y}</h2>
${table(
  `Meetings in ${y}`,
  ['Date', 'Body', 'Time', 'Venue', 'Status'],
  ofYear.map((m) => [link(path, m.path, h(formatShortDate(m.date))), h(m.bodyName), h(m.start), h(m.venue?.name ?? ''), STATUS_NAMES[m.status]]),
  { filter: years.length > 1 },
)}`;
      })
      .join('\n');
    const main = `<h1>Meetings</h1>
<p>Every meeting has a page that keeps its address: notice, agenda and papers, and once held, attendance, minutes and decisions. ${link(
      path,
      SITE_PATHS.calendar,
      'Subscribe to the calendar',
    )} to see new meetings in your own calendar.</p>
${sections || '<p>No meetings yet.</p>'}`;
    files.push(page({ path, title: 'Meetings', nav: 'meetings', main, filter: true }));
  }

  // A page per meeting
  for (const m of plan.meetings) files.push(page({ path: m.path, title: `${m.bodyName}, ${formatLongDate(m.date)}`, nav: 'none', main: meetingMain(m) }));

  function meetingMain(m: MeetingView): string {
    const from = m.path;
    const body = plan.bodies.find((b) => b.id === m.bodyId);
    const parts: string[] = [];
    parts.push(`<p class="breadcrumb">${body ? link(from, body.path, h(body.name)) : h(m.bodyName)} › meeting</p>`);
    parts.push(`<h1>${h(m.bodyName)}: ${h(formatLongDate(m.date))}</h1>`);
    if (m.status === 'cancelled') parts.push(`<p class="notice notice-cancelled"><strong>This meeting was cancelled.</strong>${m.cancelledReason ? ` ${h(m.cancelledReason)}` : ''}</p>`);

    const facts = [`<dt>Date</dt><dd>${h(formatLongDate(m.date))}</dd>`, `<dt>Time</dt><dd>${h(timeRange(m.start, m.end))}</dd>`];
    if (m.venue) facts.push(`<dt>Venue</dt><dd>${h(m.venue.name)}${m.venue.address ? `, ${h(m.venue.address)}` : ''}${m.venue.online ? ' (joining details go to members with the notice)' : ''}</dd>`);
    facts.push(`<dt>Status</dt><dd>${STATUS_NAMES[m.status]}</dd>`);
    if (m.calledBy) facts.push(`<dt>Called by</dt><dd>${h(m.calledBy)}</dd>`);
    if (m.requestedBy) facts.push(`<dt>At the request of</dt><dd>${h(m.requestedBy)}</dd>`);
    if (m.noticeSent) facts.push(`<dt>Notice sent</dt><dd>${h(formatLongDate(m.noticeSent))}</dd>`);
    if (m.shortNotice) facts.push(`<dt>Short notice</dt><dd>${h(m.shortNotice.reason)}${m.shortNotice.agreedBy.length ? ` (agreed by ${h(m.shortNotice.agreedBy.join(', '))})` : ''}</dd>`);
    parts.push(`<h2>Notice</h2>\n<dl class="facts">${facts.join('')}</dl>`);

    const agendaRows = m.agenda.map((a) => {
      if (a.confidential) return [`${a.number}`, '<em>Confidential item: not published</em>', '', '', ''];
      const paper = a.paper
        ? a.paper.sitePath
          ? link(from, a.paper.sitePath, h(a.paper.label))
          : a.paper.url
            ? `<a href="${h(a.paper.url)}">${h(a.paper.label)}</a>`
            : h(a.paper.label)
        : '';
      return [`${a.number}`, h(a.title ?? ''), h(a.purpose ? `For ${a.purpose}` : ''), h(a.presenter ?? ''), paper];
    });
    parts.push(`<h2>Agenda</h2>\n${agendaRows.length ? table('Agenda items and papers', ['Item', 'Title', 'Purpose', 'Presenter', 'Paper'], agendaRows) : '<p>The agenda is not published yet.</p>'}`);

    if (m.attendance) {
      const a = m.attendance;
      const present = a.present.map((g) => `<dt>${h(g.group)}</dt><dd>${people(g.people)}</dd>`).join('');
      const rows: string[] = [];
      rows.push(`<h3>Members present</h3>\n${present ? `<dl class="facts">${present}</dl>` : '<p>None recorded.</p>'}`);
      if (a.proxies.length) rows.push(`<h3>Proxies</h3>\n<ul>${a.proxies.map((x) => `<li>${person(x.proxy)} for ${person(x.for)}</li>`).join('')}</ul>`);
      if (a.inAttendance.length) rows.push(`<h3>In attendance</h3>\n<p>${people(a.inAttendance)}</p>`);
      if (a.observers.length) rows.push(`<h3>Observers</h3>\n<p>${people(a.observers)}</p>`);
      if (a.invitees.length) rows.push(`<h3>Invited</h3>\n<p>${a.invitees.map((i) => `${h(i.name)}${i.organisation ? ` (${h(i.organisation)})` : ''}`).join(', ')}</p>`);
      rows.push(`<h3>Apologies</h3>\n<p>${people(a.apologies)}</p>`);
      rows.push(`<h3>Absent without apologies</h3>\n<p>${people(a.absent)}</p>`);
      if (a.lateOrEarly.length) rows.push(`<h3>Arrivals and departures</h3>\n<ul>${a.lateOrEarly.map((x) => `<li>${h(x)}</li>`).join('')}</ul>`);
      parts.push(`<h2>Attendance</h2>\n${rows.join('\n')}`);
    }
    if (m.quorum) {
      const q = m.quorum;
      parts.push(
        `<h2>Quorum</h2>\n<p>${q.quorate ? 'The meeting was quorate at the start.' : '<strong>The meeting was not quorate at the start</strong>: it could discuss but not decide.'}</p>\n${table(
          'Quorum rules at the start of the meeting',
          ['Rule', 'Required', 'Counted', 'Met'],
          q.rules.map((r) => [h(r.description), `${r.required}`, `${r.counted}`, r.met ? 'Yes' : 'No']),
        )}`,
      );
    }

    parts.push(`<h2 id="minutes">Minutes</h2>\n${minutesBody(m)}`);
    if (m.status === 'held') {
      const draft = m.minutes.state === 'draft' ? ' <strong class="tag tag-draft">Draft minutes</strong>' : '';
      parts.push(
        `<h2 id="decisions">Decisions</h2>\n${
          m.decisions.length
            ? `<ol class="decisions">${m.decisions
                .map(
                  (d) =>
                    `<li id="${h(d.anchor)}"><span class="item-ref">Item ${d.item}${d.itemTitle ? `, ${h(d.itemTitle)}` : ''}:</span> ${h(d.text)}${draft}${
                      d.quorate === false ? ' <strong class="tag tag-inquorate">Not quorate</strong> The meeting was not quorate for this item, so the decision is flagged.' : ''
                    }</li>`,
                )
                .join('\n')}</ol>`
            : m.minutes.state === 'withheld'
              ? '<p>Decisions are published with the approved minutes.</p>'
              : '<p>No decisions recorded.</p>'
        }`,
      );
      if (m.actions.length) parts.push(`<h2 id="actions">Actions</h2>\n${actionsTable(from, m.actions, 'Actions agreed at this meeting', false)}`);
    }

    const walk: string[] = [];
    if (m.previous) walk.push(`<li>Previous: ${link(from, m.previous.path, h(formatLongDate(m.previous.date)))}</li>`);
    if (m.next) walk.push(`<li>Next: ${link(from, m.next.path, h(formatLongDate(m.next.date)))}</li>`);
    if (walk.length) parts.push(`<nav aria-label="Other meetings of the ${h(m.bodyName)}"><ul class="walk">${walk.join('')}</ul></nav>`);
    return parts.join('\n');
  }

  function minutesBody(m: MeetingView): string {
    const mv = m.minutes;
    switch (mv.state) {
      case 'not-yet':
        return '<p>Minutes are published after the meeting.</p>';
      case 'none':
        return m.status === 'cancelled' ? '<p>No minutes: the meeting was cancelled.</p>' : '<p>No minutes have been recorded yet.</p>';
      case 'withheld':
        return `<p>The minutes are not yet approved${mv.status ? ` (status: ${h(mv.status)})` : ''}. They are published here once approved.</p>`;
      default: {
        const out: string[] = [];
        if (mv.state === 'draft') out.push(`<p class="notice notice-draft"><strong>Draft minutes, not yet approved</strong>${mv.status ? ` (status: ${h(mv.status)})` : ''}. They may change when the meeting approves them.</p>`);
        else {
          const how = [mv.approvedAt ? `approved at the meeting of ${link(m.path, mv.approvedAt.sitePath, h(formatLongDate(mv.approvedAt.date)))}` : 'approved'];
          if (mv.signed) how.push(`signed by ${h(mv.signed.by)} on ${h(formatLongDate(mv.signed.date))}`);
          out.push(`<p class="notice notice-approved">Minutes ${how.join(', ')}.</p>`);
        }
        if (mv.declarations.length) {
          out.push(
            `<h3>Declarations of interest</h3>\n<ul>${mv.declarations
              .map((d) => `<li>${person(d.person)}, item ${d.item}${d.interest ? `: ${h(d.interest)}` : ''}${d.withdrew ? ' (withdrew for the item)' : ''}</li>`)
              .join('')}</ul>`,
          );
        }
        if (mv.markdown !== undefined) out.push(`<div class="minutes">${renderMarkdown(mv.markdown, { headingBase: 3 })}</div>`);
        else if (mv.itemMinutes.length) out.push(mv.itemMinutes.map((i) => `<h3>${i.number}. ${h(i.title)}</h3>\n<p>${h(i.text)}</p>`).join('\n'));
        else out.push('<p>The minutes have no text yet.</p>');
        return out.join('\n');
      }
    }
  }

  // Registers
  files.push(
    page({
      path: SITE_PATHS.decisions,
      title: 'Decisions register',
      nav: 'decisions',
      filter: true,
      main: `<h1>Decisions register</h1>
<p>Every decision published from the minutes, newest first. Each links to the meeting that took it.</p>
${plan.decisions.length ? decisionsTable(SITE_PATHS.decisions, plan.decisions, 'All published decisions', true) : '<p>No decisions published yet.</p>'}`,
    }),
  );
  files.push(
    page({
      path: SITE_PATHS.actions,
      title: 'Actions register',
      nav: 'actions',
      filter: true,
      main: `<h1>Actions register</h1>
<p>Actions agreed at meetings: open actions first, by due date, then those done.</p>
${plan.actions.length ? actionsTable(SITE_PATHS.actions, plan.actions, 'All published actions', true) : '<p>No actions published yet.</p>'}`,
    }),
  );
  files.push(
    page({
      path: SITE_PATHS.attendance,
      title: 'Attendance',
      nav: 'attendance',
      main: `<h1>Attendance</h1>
<p>Attendance at meetings, per member and per partner group, for each calendar year.</p>
${plan.attendance.length ? `<ul>${plan.attendance.map((y) => `<li>${link(SITE_PATHS.attendance, y.path, `Attendance in ${y.year}`)}</li>`).join('')}</ul>` : '<p>No attendance recorded yet.</p>'}`,
    }),
  );
  for (const y of plan.attendance) files.push(page({ path: y.path, title: `Attendance in ${y.year}`, nav: 'attendance', main: attendanceMain(y) }));

  function attendanceMain(y: AttendanceYearView): string {
    const sections = y.bodies.map(
      (b) => `<h2>${h(b.name)}</h2>
<p>${b.meetings} ${b.meetings === 1 ? 'meeting' : 'meetings'} held with attendance recorded.</p>
${table(`${h(b.name)}: attendance per member in ${y.year}`, ['Member', 'Partner group', 'Present', 'By proxy', 'Apologies', 'Absent'], b.byPerson.map((r) => [h(r.person), h(r.group), `${r.present}`, `${r.proxy}`, `${r.apologies}`, `${r.absent}`]))}
${b.byGroup.length ? table(`${h(b.name)}: attendance per partner group in ${y.year}`, ['Partner group', 'Seats', 'Attended (in person or by proxy)', 'Possible'], b.byGroup.map((g) => [h(g.group), g.seats === null ? '' : `${g.seats}`, `${g.attended}`, `${g.possible}`])) : ''}
${b.bySchool.length ? table(`${h(b.name)}: schools represented in ${y.year}`, ['Meeting', 'Schools represented'], b.bySchool.map((x) => [h(formatLongDate(x.date)), `${x.represented} out of ${x.total} schools`])) : ''}`,
    );
    return `<h1>Attendance in ${y.year}</h1>
<p>Counted per member of each body as it stands today: present in person, represented by their proxy, apologies sent, or absent without apologies.</p>
${sections.join('\n')}`;
  }

  // Markdown papers as pages of their own, under their meeting.
  for (const d of plan.documents) {
    const main = `<p class="breadcrumb">${link(d.path, d.meeting.path, `${h(d.meeting.bodyName)}: ${h(formatLongDate(d.meeting.date))}`)} › paper</p>
<h1>${h(d.title)}</h1>
<div class="paper">${renderMarkdown(d.markdown, { headingBase: 2 })}</div>`;
    files.push(page({ path: d.path, title: `${d.title} (paper)`, nav: 'none', main }));
  }

  files.push({ path: SITE_PATHS.calendar, content: renderCalendar(plan.calendar) });
  files.push({ path: SITE_PATHS.css, content: assets.css });
  if (assets.js !== undefined) files.push({ path: FILTER_JS_PATH, content: assets.js });
  return files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
