/** A meeting's page: notice, agenda and papers, then attendance, quorum, minutes, decisions and actions. */
import { articleFor, theName, theNames } from '../../core/body-names.js';
import { formatLongDate } from '../../core/dates.js';
import type { MeetingView, QuorumBlock, SitePlan } from '../../core/site/types.js';
import { actionsTable, DRAFT_TAG, h, inquorateTag, link, page, people, person, STATUS_NAMES, table, type SiteAssets, type SiteFile } from './html.js';
import { renderMarkdown } from './markdown.js';

const timeRange = (start: string, end?: string): string => (end ? `${start} to ${end}` : start);

function noticeSection(m: MeetingView): string {
  const facts = [`<dt>Date</dt><dd>${h(formatLongDate(m.date))}</dd>`, `<dt>Time</dt><dd>${h(timeRange(m.start, m.end))}</dd>`];
  if (m.venue) facts.push(`<dt>Venue</dt><dd>${h(m.venue.name)}${m.venue.address ? `, ${h(m.venue.address)}` : ''}${m.venue.online ? ' (joining details go to members with the notice)' : ''}</dd>`);
  facts.push(`<dt>Status</dt><dd>${STATUS_NAMES[m.status]}</dd>`);
  if (m.holiday) facts.push(`<dt>School holidays</dt><dd>This meeting is in the school holidays (${h(m.holiday)}).</dd>`);
  if (m.calledBy) facts.push(`<dt>Called by</dt><dd>${h(m.calledBy)}</dd>`);
  if (m.requestedBy) facts.push(`<dt>At the request of</dt><dd>${h(m.requestedBy)}</dd>`);
  if (m.noticeSent) facts.push(`<dt>Notice sent</dt><dd>${h(formatLongDate(m.noticeSent))}</dd>`);
  if (m.shortNotice) facts.push(`<dt>Short notice</dt><dd>${h(m.shortNotice.reason)}${m.shortNotice.agreedBy.length ? ` (agreed by ${h(m.shortNotice.agreedBy.join(', '))})` : ''}</dd>`);
  return `<h2>Notice</h2>\n<dl class="facts">${facts.join('')}</dl>`;
}

function agendaSection(m: MeetingView): string {
  const rows = m.agenda.map((a) => {
    if (a.confidential) return [`${a.number}`, '<em>Confidential item: not published</em>', '', '', ''];
    const p = a.paper;
    const paper = !p ? '' : p.sitePath ? link(m.path, p.sitePath, h(p.label)) : p.url ? `<a href="${h(p.url)}">${h(p.label)}</a>` : h(p.label);
    return [`${a.number}`, h(a.title ?? ''), h(a.purpose ? `For ${a.purpose}` : ''), h(a.presenter ?? ''), paper];
  });
  return `<h2>Agenda</h2>\n${rows.length ? table('Agenda items and papers', ['Item', 'Title', 'Purpose', 'Presenter', 'Paper'], rows) : '<p>The agenda is not published yet.</p>'}`;
}

function attendanceSection(a: NonNullable<MeetingView['attendance']>): string {
  const present = a.present.map((g) => `<dt>${h(g.group)}</dt><dd>${people(g.people)}</dd>`).join('');
  const rows: string[] = [`<h3>Members present</h3>\n${present ? `<dl class="facts">${present}</dl>` : '<p>None recorded.</p>'}`];
  if (a.proxies.length) rows.push(`<h3>Proxies</h3>\n<ul>${a.proxies.map((x) => `<li>${person(x.proxy)} for ${person(x.for)}</li>`).join('')}</ul>`);
  if (a.inAttendance.length) rows.push(`<h3>In attendance</h3>\n<p>${people(a.inAttendance)}</p>`);
  if (a.observers.length) rows.push(`<h3>Observers</h3>\n<p>${people(a.observers)}</p>`);
  if (a.invitees.length) rows.push(`<h3>Invited</h3>\n<p>${a.invitees.map((i) => `${h(i.name)}${i.organisation ? ` (${h(i.organisation)})` : ''}`).join(', ')}</p>`);
  rows.push(`<h3>Apologies</h3>\n<p>${people(a.apologies)}</p>`);
  rows.push(`<h3>Absent without apologies</h3>\n<p>${people(a.absent)}</p>`);
  if (a.lateOrEarly.length) rows.push(`<h3>Arrivals and departures</h3>\n<ul>${a.lateOrEarly.map((x) => `<li>${h(x)}</li>`).join('')}</ul>`);
  return `<h2>Attendance</h2>\n${rows.join('\n')}`;
}

function quorumSection(q: QuorumBlock): string {
  return `<h2>Quorum</h2>\n${quorumBody(q, 'The meeting', 'Quorum rules at the start of the meeting')}`;
}

function quorumBody(q: QuorumBlock, who: string, caption: string): string {
  const verdict = q.quorate ? `${who} was quorate at the start.` : `<strong>${who} was not quorate at the start</strong>: it could discuss but not decide.`;
  const rules = table(caption, ['Rule', 'Required', 'Counted', 'Met'], q.rules.map((r) => [h(r.description), `${r.required}`, `${r.counted}`, r.met ? 'Yes' : 'No']));
  return `<p>${verdict}</p>\n${rules}`;
}

/** A joint meeting: each body's quorum by its own rules. */
function jointQuorumSection(each: NonNullable<MeetingView['quorumByBody']>): string {
  const parts = each.map((q) => `<h3>${h(q.bodyName)}</h3>\n${quorumBody(q, h(theName(q.bodyName, { start: true })), `Quorum rules of ${h(theName(q.bodyName))} at the start of the meeting`)}`);
  return `<h2>Quorum</h2>\n<p>A joint meeting is quorate for each body by that body's own rules.</p>\n${parts.join('\n')}`;
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
        const items = mv.declarations.map((d) => `<li>${person(d.person)}, item ${d.item}${d.interest ? `: ${h(d.interest)}` : ''}${d.withdrew ? ' (withdrew for the item)' : ''}</li>`);
        out.push(`<h3>Declarations of interest</h3>\n<ul>${items.join('')}</ul>`);
      }
      if (mv.markdown !== undefined) out.push(`<div class="minutes">${renderMarkdown(mv.markdown, { headingBase: 3, pagePath: m.path })}</div>`);
      else if (mv.itemMinutes.length) out.push(mv.itemMinutes.map((i) => `<h3>${i.number}. ${h(i.title)}</h3>\n<p>${h(i.text)}</p>`).join('\n'));
      else out.push('<p>The minutes have no text yet.</p>');
      return out.join('\n');
    }
  }
}

function decisionsSection(m: MeetingView): string {
  const draft = m.minutes.state === 'draft' ? DRAFT_TAG : '';
  const inquorate = (d: MeetingView['decisions'][number]) => `${inquorateTag(d)} The meeting was not quorate for this item${d.byBody.length > 1 ? ` for ${h(theNames(d.byBody.filter((q) => q.quorate === false).map((q) => q.bodyName)))}` : ''}, so the decision is flagged.`;
  const items = m.decisions.map(
    (d) => `<li id="${h(d.anchor)}"><span class="item-ref">Item ${d.item}${d.itemTitle ? `, ${h(d.itemTitle)}` : ''}:</span> ${h(d.text)}${draft}${d.quorate === false ? inquorate(d) : ''}</li>`,
  );
  const none = m.minutes.state === 'withheld' ? '<p>Decisions are published with the approved minutes.</p>' : '<p>No decisions recorded.</p>';
  return `<h2 id="decisions">Decisions</h2>\n${items.length ? `<ol class="decisions">${items.join('\n')}</ol>` : none}`;
}

function walkNav(m: MeetingView): string {
  const walk: string[] = [];
  if (m.previous) walk.push(`<li>Previous: ${link(m.path, m.previous.path, h(formatLongDate(m.previous.date)))}</li>`);
  if (m.next) walk.push(`<li>Next: ${link(m.path, m.next.path, h(formatLongDate(m.next.date)))}</li>`);
  return walk.length ? `<nav aria-label="Other meetings of ${h(theName(m.bodies[0]?.name ?? m.bodyName))}"><ul class="walk">${walk.join('')}</ul></nav>` : '';
}

export function renderMeeting(plan: SitePlan, assets: SiteAssets, m: MeetingView): SiteFile {
  // a joint meeting is reached from the page of each of its bodies, and links back to each
  const bodyLink = (b: MeetingView['bodies'][number]) => (plan.bodies.some((x) => x.id === b.id) ? link(m.path, b.path, h(b.name)) : h(b.name));
  const parts: string[] = [
    `<p class="breadcrumb">${m.bodies.length ? m.bodies.map(bodyLink).join(' and ') : h(m.bodyName)} › meeting</p>`,
    `<h1>${h(m.bodyName)}: ${h(formatLongDate(m.date))}</h1>`,
  ];
  if (m.bodies.length > 1) parts.push(`<p class="lead">A joint meeting of ${m.bodies.map((b) => `${articleFor(b.name)}${bodyLink(b)}`).join(' and ')}.</p>`);
  if (m.status === 'cancelled') parts.push(`<p class="notice notice-cancelled"><strong>This meeting was cancelled.</strong>${m.cancelledReason ? ` ${h(m.cancelledReason)}` : ''}</p>`);
  parts.push(noticeSection(m), agendaSection(m));
  if (m.attendance) parts.push(attendanceSection(m.attendance));
  if (m.quorumByBody) parts.push(jointQuorumSection(m.quorumByBody));
  else if (m.quorum) parts.push(quorumSection(m.quorum));
  parts.push(`<h2 id="minutes">Minutes</h2>\n${minutesBody(m)}`);
  if (m.status === 'held') {
    parts.push(decisionsSection(m));
    if (m.actions.length) parts.push(`<h2 id="actions">Actions</h2>\n${actionsTable(m.path, m.actions, 'Actions agreed at this meeting', false)}`);
  }
  const walk = walkNav(m);
  if (walk) parts.push(walk);
  return page(plan, assets, { path: m.path, title: `${m.bodyName}, ${formatLongDate(m.date)}`, nav: 'none', main: parts.join('\n') });
}
