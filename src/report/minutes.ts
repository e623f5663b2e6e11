/**
 * minutes.md: the view of the minutes data that the Handlebars template (templates/
 * minutes.md.hbs, overridable per records repo, rendered by io/templates.ts) fills in. Also the
 * lines `wep minutes` prints.
 */
import type { ChalkInstance } from 'chalk';
import { formatLongDate, formatTime } from '../core/dates.js';
import type { LifecycleChange, MinutesDoc, MinutesItem, PersonRef, ProxyRef, QuorumStatement } from '../core/minutes.js';
import { escapeMarkdownHtml as md } from './markdown-escape.js';

const plural = (n: number, w: string) => `${n} ${w}${n === 1 ? '' : 's'}`;

export function formatPerson(p: PersonRef, withTitle = true): string {
  const title = withTitle && p.title ? ` (${p.title})` : '';
  return `${p.name}${title}${p.note ? ` [${p.note}]` : ''}`;
}

const list = (ps: readonly PersonRef[], withTitle = false) => (ps.length ? ps.map((p) => formatPerson(p, withTitle)).join('; ') : 'none');

/** "quorate: at least 2 each of ... (Schools Forum 2 of 2; ...)" in one line. */
export function formatQuorum(q: QuorumStatement): string {
  const rules = q.rules.map((r) => `${r.description}: ${r.counted} counted, ${r.required} required${r.met ? '' : `, short by ${r.shortBy}`}`);
  return `${q.quorate ? 'the meeting was quorate' : 'THE MEETING WAS NOT QUORATE'}${rules.length ? ` (${rules.join('; ')})` : ''}.`;
}

const proxyLine = (p: ProxyRef) => `${formatPerson(p.proxy, false)} for ${p.for.name}`;

/**
 * The lines wep writes for a standard item, as Markdown ready to insert (the template uses
 * {{{ }}} for them): text from the records is escaped here, wep's own HTML comments are not.
 */
function standardLines(doc: MinutesDoc, it: MinutesItem): string[] {
  return standardText(doc, it).map((line) => {
    const at = line.lastIndexOf(COMMENT_MARK);
    return at === -1 ? md(line) : `${md(line.slice(0, at))}${line.slice(at + 1)}`;
  });
}

/** Where wep's own comment starts, at the end of a line (after it come only ids). */
const COMMENT_MARK = '\u0000';

function standardText(doc: MinutesDoc, it: MinutesItem): string[] {
  switch (it.standard) {
    case 'apologies':
      return [
        doc.apologies.length ? `Apologies were received from ${list(doc.apologies)}.` : 'No apologies were received.',
        ...(doc.absent.length ? [`Absent without apologies: ${list(doc.absent)}.`] : []),
      ];
    case 'proxies':
      return doc.proxies.length ? doc.proxies.map((p) => `- ${proxyLine(p)}`) : ['No proxies attended.'];
    case 'declarations':
      return doc.declarations.length
        ? doc.declarations.map((d) => `- ${d.person.name}: item ${d.item} (${d.itemTitle})${d.interest ? `, ${d.interest}` : ''}${d.withdrew ? '; withdrew for the item' : ''}`)
        : ['No interests were declared.'];
    case 'previous-minutes':
      return doc.previous
        ? [
            `The minutes of the meeting held on ${doc.previous.dateLong} were approved as a correct record and signed by the Chair.`,
            `${COMMENT_MARK}<!-- record it: wep minutes --meeting ${doc.previous.id} --approved-at ${doc.meetingId} (status now: ${doc.previous.status}) -->`,
          ]
        : ['There were no previous minutes to approve.'];
    case 'matters-arising':
      return doc.mattersArising.length
        ? [
            'Actions carried forward:',
            '',
            ...doc.mattersArising.map(
              (a) => `- ${a.ref}: ${a.text} (${a.owner.name}${a.due ? `, due ${a.due}` : ''}${a.overdue ? ', overdue' : ''}) ${COMMENT_MARK}<!-- close it: wep actions done ${a.ref} -->`,
            ),
          ]
        : ['There were no actions carried forward.'];
    case 'next-meeting':
      return doc.next ? [`The next meeting will be held on ${doc.next.dateLong}.`] : ['The date of the next meeting is to be confirmed.'];
    default:
      return [];
  }
}

/** The template's view: every value a ready-made string or list, so the template stays plain. */
export function minutesView(doc: MinutesDoc) {
  const venue = doc.venue ? [doc.venue.name, doc.venue.address, doc.venue.link].filter(Boolean).join(', ') : 'to be recorded';
  const time = `${formatTime(doc.start)}${doc.end ? ` to ${formatTime(doc.end)}` : ''}`;
  return {
    ...doc,
    draft: doc.status === 'draft' || doc.status === 'circulated',
    statusLine: doc.status === 'draft' ? 'DRAFT: not yet approved by the meeting' : 'Circulated in draft: not yet approved by the meeting',
    time,
    venueLine: venue,
    chairLine: doc.chair ? formatPerson(doc.chair, false) : 'to be recorded',
    present: doc.present.map((g) => ({ name: g.name, people: list(g.people, true) })),
    proxies: doc.proxies.map(proxyLine),
    officers: doc.officers.length ? list(doc.officers, true) : '',
    observers: [...doc.observers.map((p) => formatPerson(p, true)), ...doc.invitees.map((i) => `${i.name}${i.organisation ? ` (${i.organisation})` : ''}`)].join('; '),
    apologies: list(doc.apologies),
    absent: list(doc.absent),
    quorumAtStart: doc.quorumAtStart ? formatQuorum(doc.quorumAtStart) : '',
    inquorateWarning: doc.inquorateDecisions.length
      ? `Decisions are recorded at ${doc.inquorateDecisions.length === 1 ? 'item' : 'items'} ${doc.inquorateDecisions.join(', ')} while the meeting was not quorate.`
      : '',
    next: doc.next ? doc.next.dateLong : '',
    nextFooter: doc.next && !doc.items.some((it) => it.standard === 'next-meeting') ? doc.next.dateLong : '',
    items: doc.items.map((it) => ({
      number: it.number,
      title: it.title,
      meta: [
        it.purpose ? `For ${it.purpose}` : '',
        it.presenter ? `presented by ${it.presenter}` : '',
        it.paper ? `paper: ${it.paper}` : '',
        it.confidential ? 'CONFIDENTIAL' : '',
      ]
        .filter(Boolean)
        .join('; '),
      quorum: it.quorum ? formatQuorum(it.quorum) : '',
      inquorate: it.quorum ? !it.quorum.quorate : false,
      declarations: it.declarations.map((d) => `${d.person.name} declared an interest${d.interest ? ` (${d.interest})` : ''}${d.withdrew ? ' and withdrew for this item' : ''}.`),
      standardLines: standardLines(doc, it),
      // Standard items are filled in from the records; the others get room to write.
      roomToWrite: !it.standard || it.standard === 'matters-arising' || it.standard === 'aob' || it.standard === 'welcome',
      minute: it.minute ?? '',
      decisions: it.decisions.map((d) => d.text),
      actions: it.actions.map((a) => `${a.text} — owner: ${a.owner.id}${a.due ? `, due: ${a.due}` : ''}`),
    })),
  };
}

/** Collapses the runs of blank lines that conditional blocks leave behind. */
export function tidyMinutes(rendered: string): string {
  return `${rendered.replace(/[ \t]+$/gm, '').replace(/\n{3,}/g, '\n\n').trimEnd()}\n`;
}

/** What `wep minutes --circulated` says about the deadline. */
export function renderCirculation(ch: LifecycleChange, c: ChalkInstance): string[] {
  const x = ch.circulation;
  if (!x) return [];
  if (x.onTime) return [`${c.green('on time:')} circulated ${formatLongDate(x.date)}, deadline ${formatLongDate(x.deadline)}`];
  return [`${c.red('late:')} circulated ${formatLongDate(x.date)}, ${plural(x.workingDaysLate, 'working day')} after the deadline of ${formatLongDate(x.deadline)}`];
}
