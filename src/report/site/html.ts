/**
 * What every page of the site shares: HTML escaping, links, tables, people, meeting lists and
 * the page shell. Every value from the records goes through `h()`.
 */
import { theName, theNames } from '../../core/body-names.js';
import { formatLongDate, formatShortDate, type IsoDate } from '../../core/dates.js';
import { relativeHref, SITE_PATHS, type ActionRow, type DecisionRow, type MeetingSummary, type PersonRef, type SitePlan } from '../../core/site/types.js';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

const SPECIAL = /[&<>"']/;

/** Escapes text for HTML element content and attribute values. */
export function h(s: string): string {
  // most texts (names, dates, titles) hold nothing to escape: looked for once, not replaced
  return SPECIAL.test(s) ? s.replace(/[&<>"']/g, (c) => ESCAPES[c]!) : s;
}

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

export type NavKey = 'home' | 'meetings' | 'decisions' | 'actions' | 'attendance' | 'body' | 'none';

export interface PageOptions {
  path: string;
  title: string;
  nav: NavKey;
  main: string;
  /** Load the filter script on this page. */
  filter?: boolean;
}

/** A relative href with each path segment percent-encoded (paper names may hold spaces, # or ?). */
export function hrefFor(from: string, to: string): string {
  const rel = relativeHref(from, to);
  const hash = rel.indexOf('#');
  const path = hash === -1 ? rel : rel.slice(0, hash);
  // most paths hold only what encodeURIComponent leaves as it is
  const encoded = AS_IS.test(path) ? path : path.split('/').map((seg) => (seg === '..' ? seg : encodeURIComponent(seg))).join('/');
  return hash === -1 ? encoded : encoded + rel.slice(hash);
}

/** Characters encodeURIComponent never changes, and "/". */
const AS_IS = /^[A-Za-z0-9\-_.!~*'()/]*$/;

/** A link from one site page to another path; `text` is HTML already. */
export const link = (from: string, to: string, text: string, attrs = ''): string => `<a href="${h(hrefFor(from, to))}"${attrs}>${text}</a>`;

export function table(caption: string, head: string[], rows: string[][], opts: { filter?: boolean; cls?: string } = {}): string {
  const thead = `<thead><tr>${head.map((c) => `<th scope="col">${c}</th>`).join('')}</tr></thead>`;
  const tbody = `<tbody>${rows.map((r) => `<tr>${r.map((c, i) => (i === 0 ? `<th scope="row">${c}</th>` : `<td>${c}</td>`)).join('')}</tr>`).join('\n')}</tbody>`;
  const attrs = [opts.filter ? ' data-filter' : '', opts.cls ? ` class="${opts.cls}"` : ''].join('');
  return `<div class="table-wrap"><table${attrs}><caption>${caption}</caption>${thead}\n${tbody}</table></div>`;
}

export function person(p: PersonRef): string {
  const email = p.email ? ` (<a href="mailto:${h(p.email)}">${h(p.email)}</a>)` : '';
  return `${h(p.name)}${email}`;
}

export const people = (list: readonly PersonRef[]): string => (list.length ? list.map(person).join(', ') : 'none');

export function termText(term?: { start?: IsoDate; end?: IsoDate }): string {
  if (!term) return '';
  if (term.start && term.end) return `${formatShortDate(term.start)} to ${formatShortDate(term.end)}`;
  if (term.end) return `until ${formatShortDate(term.end)}`;
  return `from ${formatShortDate(term.start!)}`;
}

export const STATUS_NAMES = { upcoming: 'Upcoming', held: 'Held', cancelled: 'Cancelled' } as const;

export function meetingList(from: string, list: readonly MeetingSummary[], empty: string): string {
  if (!list.length) return `<p>${empty}</p>`;
  const items = list.map(
    (m) => `<li>${link(from, m.path, `${h(m.bodyName)}: ${h(formatLongDate(m.date))}`)}, ${h(m.start)}${m.venue ? `, ${h(m.venue)}` : ''}${m.status === 'cancelled' ? ' <strong class="tag">Cancelled</strong>' : ''}</li>`,
  );
  return `<ul class="meeting-list">${items.join('\n')}</ul>`;
}

export const DRAFT_TAG = ' <strong class="tag tag-draft">Draft minutes</strong>';

/** The flag on a decision taken while not quorate; for a joint meeting, naming the bodies that were short. */
export function inquorateTag(d: Pick<DecisionRow, 'byBody'>): string {
  const short = d.byBody.length > 1 ? d.byBody.filter((q) => q.quorate === false).map((q) => q.bodyName) : [];
  return ` <strong class="tag tag-inquorate">Not quorate${short.length ? ` for ${h(theNames(short))}` : ''}</strong>`;
}

export function decisionsTable(from: string, rows: readonly DecisionRow[], caption: string, filter: boolean): string {
  return table(
    caption,
    ['Date', 'Body', 'Item', 'Decision'],
    rows.map((d) => [
      link(from, `${d.meetingPath}#${d.anchor}`, h(formatShortDate(d.date))),
      h(d.bodyName),
      `${d.item}${d.itemTitle ? `. ${h(d.itemTitle)}` : ''}`,
      `${h(d.text)}${d.draft ? DRAFT_TAG : ''}${d.quorate === false ? inquorateTag(d) : ''}`,
    ]),
    { filter },
  );
}

export function actionsTable(from: string, rows: readonly ActionRow[], caption: string, filter: boolean): string {
  return table(
    caption,
    ['Action', 'Meeting', 'Owner', 'Due', 'Status'],
    rows.map((a) => [
      `${h(a.text)}${a.draft ? DRAFT_TAG : ''}`,
      link(from, a.meetingPath, `${h(a.bodyName)}, ${h(formatShortDate(a.date))}`),
      h(a.owner),
      a.due ? h(formatShortDate(a.due)) : '',
      a.done ? `Done ${h(formatShortDate(a.done))}` : 'Open',
    ]),
    { filter },
  );
}

/** The page shell: head, site header and navigation, main landmark, footer. */
export function page(plan: SitePlan, assets: SiteAssets, o: PageOptions): SiteFile {
  const r = (to: string) => h(hrefFor(o.path, to));
  const navItem = (key: NavKey, to: string, text: string) => `<li><a href="${r(to)}"${o.nav === key ? ' aria-current="page"' : ''}>${text}</a></li>`;
  const canonical = plan.baseUrl ? `\n<link rel="canonical" href="${h(plan.baseUrl + o.path)}">` : '';
  const script = o.filter && assets.js !== undefined ? `\n<script src="${r(FILTER_JS_PATH)}" defer></script>` : '';
  const policy = plan.partnership.minutesPolicy === 'approved-only' ? ' Minutes appear here once approved.' : ' Minutes not yet approved are marked as drafts.';
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
<p>Published from the records of ${h(theName(plan.partnership.name))} by the clerk, ${h(plan.partnership.clerk)}. Confidential items are not published.${policy}</p>
</footer>
</body>
</html>
`;
  return { path: o.path, content: html };
}
