/**
 * The agenda of a meeting: the standard items in their order (DOMAIN.md), the substantive
 * items with presenter, paper and purpose, and the open actions carried forward under matters
 * arising. Also the starting meeting.yaml that `wep meeting new` writes.
 */
import { actionsCarriedForward, collectActions, type LoggedAction } from './actions.js';
import { formatLongDate, type IsoDate } from './dates.js';
import { schemaLine } from './json-schema.js';
import { meetingBodies, type AgendaItem, type MeetingFile } from './meeting-schema.js';
import type { Model, ResolvedBody } from './model.js';
import type { Venue } from './partnership-schema.js';
import { ID_PATTERN } from './scalars.js';

export const PURPOSE_TEXT = { decision: 'For decision', information: 'For information', discussion: 'For discussion' } as const;

/** Standard items before the substantive business, in order. */
export const STANDARD_OPENING = [
  { title: 'Welcome and apologies', standard: 'apologies' },
  { title: 'Proxies', standard: 'proxies' },
  { title: 'Declarations of interest', standard: 'declarations' },
  { title: 'Minutes of the last meeting', standard: 'previous-minutes' },
  { title: 'Matters arising and the action log', standard: 'matters-arising' },
] as const;
/** Standard items after the substantive business, in order. */
export const STANDARD_CLOSING = [
  { title: 'Any other business', standard: 'aob' },
  { title: 'Date of the next meeting', standard: 'next-meeting' },
] as const;

export interface AgendaAction {
  ref: string;
  text: string;
  owner: string;
  ownerName: string;
  due: IsoDate | null;
  overdue: boolean;
}

export interface AgendaEntry {
  /** Items are numbered by their position, from 1. */
  number: number;
  title: string;
  standard: string | null;
  presenter: string | null;
  presenterId: string | null;
  paper: string | null;
  /** A link for the paper: web addresses as given, files relative to the meeting folder. */
  paperHref: string | null;
  purpose: string | null;
  purposeText: string | null;
  confidential: boolean;
  /** Lines wep fills in under a standard item (previous minutes, next meeting date, apologies). */
  notes: string[];
  /** Under matters arising: open actions from earlier meetings of the body. */
  actions: AgendaAction[];
}

export interface Agenda {
  meetingId: string;
  body: string;
  date: IsoDate;
  items: AgendaEntry[];
  papers: AgendaEntry[];
}

/** A presenter written as a person id shows as their name; any other text as written. */
export function presenterName(model: Model, presenter: string): { name: string; id: string | null } {
  const p = model.people.get(presenter);
  return p ? { name: p.name, id: p.id } : { name: presenter, id: null };
}

/** Whether a paper is a web address rather than a file in the meeting folder. */
export const isWebAddress = (paper: string) => /^https?:\/\//i.test(paper);

/** Paper files must stay inside the meeting folder: no absolute paths, no "..", no schemes. */
export function isSafePaperPath(paper: string): boolean {
  if (isWebAddress(paper)) return true;
  if (/^[a-z][a-z0-9+.-]*:/i.test(paper) || paper.startsWith('/') || paper.startsWith('\\')) return false;
  return !paper.split(/[\\/]/).some((seg) => seg === '..');
}

function paperHref(paper: string): string | null {
  if (!isSafePaperPath(paper)) return null;
  if (isWebAddress(paper)) return paper;
  return paper.split('/').map(encodeURIComponent).join('/');
}

export interface AgendaContext {
  /** Open actions from earlier meetings of this body (see actionsCarriedForward). */
  carried: readonly LoggedAction[];
  /** The previous meeting of the same body, if any. */
  previous?: { id: string; date: IsoDate; minutesStatus?: string };
}

function entry(model: Model, item: AgendaItem, number: number): AgendaEntry {
  const presenter = item.presenter ? presenterName(model, item.presenter) : null;
  return {
    number,
    title: item.title,
    standard: item.standard ?? null,
    presenter: presenter?.name ?? null,
    presenterId: presenter?.id ?? null,
    paper: item.paper ?? null,
    paperHref: item.paper ? paperHref(item.paper) : null,
    purpose: item.purpose ?? null,
    purposeText: item.purpose ? PURPOSE_TEXT[item.purpose] : null,
    confidential: item.confidential === true,
    notes: [],
    actions: [],
  };
}

/** The agenda as it is shown and sent: numbered items, standard items filled in. */
export function buildAgenda(model: Model, id: string, meeting: MeetingFile, ctx: AgendaContext): Agenda {
  const name = (pid: string) => model.people.get(pid)?.name ?? pid;
  const items = meeting.agenda.map((item, i) => {
    const e = entry(model, item, i + 1);
    switch (item.standard) {
      case 'apologies':
      case 'welcome': {
        const apologies = meeting.attendance?.apologies ?? [];
        if (apologies.length) e.notes.push(`Apologies received: ${apologies.map(name).join(', ')}`);
        break;
      }
      case 'previous-minutes':
        if (ctx.previous) e.notes.push(`Minutes of the meeting held on ${formatLongDate(ctx.previous.date)}${ctx.previous.minutesStatus ? ` (${ctx.previous.minutesStatus})` : ''}`);
        break;
      case 'matters-arising':
        e.actions = ctx.carried.map((a) => ({ ref: a.ref, text: a.text, owner: a.owner, ownerName: name(a.owner), due: a.due ?? null, overdue: a.overdue }));
        if (e.actions.length === 0) e.notes.push('No open actions from earlier meetings');
        break;
      case 'next-meeting':
        if (meeting.nextMeeting) e.notes.push(formatLongDate(meeting.nextMeeting));
        break;
    }
    return e;
  });
  return { meetingId: id, body: meeting.body, date: meeting.date, items, papers: items.filter((e) => e.paper) };
}

// ---------------------------------------------------------------------------------------
// A new meeting.yaml

const RESERVED = /^(true|false|null|yes|no|on|off|y|n|~)$/i;

/** A YAML scalar: plain when that is safe and reads well, else double-quoted. */
export function yamlScalar(s: string): string {
  if (/^[A-Za-z][A-Za-z0-9 ,.'()&/-]*$/.test(s) && !RESERVED.test(s) && !s.endsWith(' ')) return s;
  return JSON.stringify(s);
}

export interface NewMeetingOptions {
  body: ResolvedBody;
  date: IsoDate;
  start: string;
  end?: string;
  venue?: Venue;
  calledBy?: string;
  requestedBy?: string;
  /** Other bodies meeting jointly with this one. */
  jointWith?: readonly ResolvedBody[];
}

/** The text of a new meeting.yaml: the standard agenda, with comments to guide the clerk. */
export function renderNewMeetingYaml(o: NewMeetingOptions): string {
  const q = yamlScalar;
  const L: string[] = [
    schemaLine('meeting.schema.json'),
    `# ${o.body.name}: meeting on ${formatLongDate(o.date)}. Edit the agenda, then run "wep notice".`,
    '',
    `body: ${o.body.id}`,
    ...(o.jointWith?.length ? [`joint-with: [${o.jointWith.map((b) => b.id).join(', ')}] # a joint meeting: ${o.jointWith.map((b) => b.name).join(', ')}`] : []),
    `date: ${o.date}`,
    `start: "${o.start}"`,
  ];
  if (o.end) L.push(`end: "${o.end}"`);
  if (o.venue) {
    L.push('venue:', `  name: ${q(o.venue.name)}`);
    if (o.venue.address) L.push(`  address: ${q(o.venue.address)}`);
    if (o.venue.link) L.push(`  link: ${q(o.venue.link)}`);
    if (o.venue.joining) L.push(`  joining: ${q(o.venue.joining)}`);
  } else {
    L.push('# venue:', '#   name: Where the meeting is held', '#   link: https://... (joining link for a hybrid meeting)');
  }
  if (o.calledBy) L.push(`called-by: ${o.calledBy}`);
  if (o.requestedBy) L.push(`requested-by: ${o.requestedBy}`, '# An extra meeting called at the request of this member.');
  L.push(
    '',
    '# Invited beyond the members of the body (they receive the notice too):',
    '# invitees:',
    '#   - { name: A Guest, email: guest@example.org, organisation: Somewhere }',
    '',
    'agenda:',
    ...STANDARD_OPENING.map((s) => `  - { title: ${s.title}, standard: ${s.standard} }`),
    '  # The business of the meeting, one item each:',
    '  # - title: School place planning 2027-28',
    '  #   presenter: la-morgan        # a person id, or a name',
    '  #   paper: papers/place-planning.pdf',
    '  #   purpose: decision           # decision, information or discussion',
    '  #   confidential: false',
    ...STANDARD_CLOSING.map((s) => `  - { title: ${s.title}, standard: ${s.standard} }`),
  );
  return `${L.join('\n')}\n`;
}

/** True when a presenter value looks like a person id rather than a name. */
export const looksLikeId = (s: string) => ID_PATTERN.test(s) && s.includes('-');

/**
 * The agenda of one meeting among all the records: the actions still open from earlier
 * meetings of the same body (their minutes.md entries included) and the previous meeting,
 * whose minutes it approves.
 */
export function agendaAmong(model: Model, id: string, meeting: MeetingFile, all: readonly { id: string; meeting: MeetingFile; merged: MeetingFile }[], today: IsoDate): Agenda {
  const carried = actionsCarriedForward(
    collectActions(
      all.map((r) => ({ id: r.id, meeting: r.merged })),
      today,
    ),
    meetingBodies(meeting),
    meeting.date,
  );
  const previous = all.filter((r) => meetingBodies(r.meeting).includes(meeting.body) && r.meeting.date < meeting.date && !r.meeting.cancelled).pop();
  return buildAgenda(model, id, meeting, {
    carried,
    previous: previous ? { id: previous.id, date: previous.meeting.date, minutesStatus: previous.meeting.minutes?.status } : undefined,
  });
}
