/**
 * One meeting's page, planned: the agenda with its papers, attendance, quorum, minutes,
 * decisions and actions. What may be shown is asked of privacy.ts; this file only arranges it.
 */
import { stripBanner } from '../minutes-banner.js';
import { meetingBodies, type AgendaItem, type MeetingFile } from '../meeting-schema.js';
import { isProxy, modelOn, type Model, type ResolvedBody } from '../model.js';
import { evaluateQuorum, hasRecordedPresence } from '../quorum.js';
import { holidayWarning, meetingHolidayReason } from '../term-dates.js';
import {
  confidentialItems,
  confidentialTexts,
  firstMention,
  isPublicItem,
  isSameFile,
  isSamePaper,
  isWebAddress,
  paperRef,
  publicMinutes,
  withoutComments,
  type FileIdentity,
  type PaperRef,
} from './privacy.js';
import {
  SITE_PATHS,
  type ActionRow,
  type AgendaRow,
  type AttendanceView,
  type DecisionRow,
  type DocumentView,
  type MeetingStatus,
  type MeetingView,
  type MinutesPolicy,
  type MinutesView,
  type PaperCopy,
  type PaperLink,
  type PersonRef,
  type QuorumBlock,
  type SiteMeetingInput,
} from './types.js';

/** What every meeting's planning shares: the records, the rules, and the papers no page may publish. */
export interface PlanContext {
  model: Model;
  today: string;
  policy: MinutesPolicy;
  /** Every confidential item's paper, in every meeting. */
  confidentialPapers: readonly PaperRef[];
  /** Record files, never published as papers. */
  recordFiles: readonly FileIdentity[];
  /** The text of confidential decisions, actions and declarations of every meeting (they travel). */
  travellingSecrets: readonly string[];
  recordIds: ReadonlySet<string>;
  rendererHeadings?: (visible: string, pagePath: string) => number[];
}

/** A meeting's plan, with the papers it publishes and what the clerk should be told. */
export interface PlannedMeeting {
  view: MeetingView;
  copies: PaperCopy[];
  documents: DocumentView[];
  warnings: string[];
}

export const personName = (model: Model, id: string): string => model.people.get(id)?.name ?? id;
export const bodyName = (model: Model, id: string): string => model.bodies.get(id)?.name ?? id;

/** What lists call a meeting's body: its name, or for a joint meeting "A and B (joint meeting)". */
export function meetingBodyName(model: Model, m: Pick<MeetingFile, 'body' | 'jointWith'>): string {
  const ids = meetingBodies(m);
  return ids.length > 1 ? `${ids.map((id) => bodyName(model, id)).join(' and ')} (joint meeting)` : bodyName(model, m.body);
}

/** A person as the site may show them: the address only when it is marked public. */
export function personRef(model: Model, id: string): PersonRef {
  const person = model.people.get(id);
  if (!person) return { name: id };
  const r: PersonRef = { name: person.name };
  if (person.title) r.title = person.title;
  if (person.email && person.emailPublic === true) r.email = person.email;
  return r;
}

/** Held once the day has passed, or on the day once attendance is recorded. */
export function meetingStatus(m: MeetingFile, today: string): MeetingStatus {
  if (m.cancelled) return 'cancelled';
  return m.date < today || (m.date === today && (m.attendance?.present?.length ?? 0) > 0) ? 'held' : 'upcoming';
}

/** The facts about one meeting that every part of its page needs. */
interface MeetingFacts {
  rec: SiteMeetingInput;
  m: MeetingFile;
  /** The partnership as of the meeting's date: who sat where, and the quorum, then. */
  on: Model;
  body: ResolvedBody | undefined;
  /** Every body of the meeting known on its date, its own first (more than one: a joint meeting). */
  bodies: ResolvedBody[];
  status: MeetingStatus;
  path: string;
  confidential: Set<number>;
  secrets: string[];
  approved: boolean;
  showMinutes: boolean;
  warnings: string[];
}

/** Text that may be published, or undefined (with a warning) when it mentions a confidential item. */
function clean(f: MeetingFacts, text: string, what: string): string | undefined {
  if (firstMention(text, f.secrets) === undefined) return text;
  f.warnings.push(`${f.rec.id}: ${what} mentions a confidential item, so it is left out of the site`);
  return undefined;
}

/** The public agenda pack's file name, in the meeting folder and on the site. */
const PUBLIC_PACK = 'agenda-pack.pdf';

/** Plans one meeting's page. */
export function planMeeting(ctx: PlanContext, rec: SiteMeetingInput): PlannedMeeting {
  const m = rec.meeting;
  const status = meetingStatus(m, ctx.today);
  const approved = m.minutes?.status === 'approved' || m.minutes?.status === 'signed';
  const on = modelOn(ctx.model, m.date);
  const f: MeetingFacts = {
    rec,
    m,
    on,
    body: on.bodies.get(m.body),
    bodies: meetingBodies(m)
      .map((id) => on.bodies.get(id))
      .filter((b): b is ResolvedBody => b !== undefined),
    status,
    path: SITE_PATHS.meeting(rec.id),
    confidential: confidentialItems(m),
    secrets: [...confidentialTexts(m).titles, ...ctx.travellingSecrets],
    approved,
    showMinutes: status === 'held' && (approved || ctx.policy === 'mark-drafts'),
    warnings: [],
  };
  const agenda = planAgenda(ctx, f);
  const results = status === 'held' && f.showMinutes ? planResults(ctx, f, agenda.rows) : { decisions: [], actions: [] };
  const minutes = planMinutes(ctx, f, agenda.rows);
  if (minutes.state === 'withheld') for (const row of agenda.rows) delete row.minute;
  const view: MeetingView = {
    id: rec.id,
    path: f.path,
    bodyId: m.body,
    bodyName: meetingBodyName(ctx.model, m),
    bodies: meetingBodies(m).map((id) => ({ id, name: bodyName(ctx.model, id), path: SITE_PATHS.body(id) })),
    date: m.date,
    start: m.start,
    status,
    agenda: agenda.rows,
    minutes,
    decisions: results.decisions,
    actions: results.actions,
  };
  addNoticeFacts(ctx, f, view);
  // the public pack holds no confidential item (core/pack.ts); `wep send` links to it here
  const copies = rec.packFound && !m.cancelled ? [...agenda.copies, { meetingId: rec.id, source: PUBLIC_PACK, sitePath: `meetings/${rec.id}/${PUBLIC_PACK}` }] : agenda.copies;
  return { view, copies, documents: agenda.documents, warnings: f.warnings };
}

/** Notice facts, attendance and quorum: what the page says about the meeting itself. */
function addNoticeFacts(ctx: PlanContext, f: MeetingFacts, view: MeetingView): void {
  const { m, body, model } = { ...f, model: ctx.model };
  const name = (id: string) => personName(model, id);
  const end = m.end ?? body?.end;
  if (end) view.end = end;
  const venue = m.venue ?? body?.venue;
  if (venue) {
    view.venue = { name: venue.name, online: Boolean(venue.link || venue.joining) };
    if (venue.address) view.venue.address = venue.address;
  }
  if (m.cancelled) {
    const reason = clean(f, m.cancelled.reason, 'the reason for cancelling');
    if (reason) view.cancelledReason = reason;
  }
  const caller = m.calledBy ?? body?.chair;
  if (caller) view.calledBy = name(caller);
  if (m.requestedBy) view.requestedBy = name(m.requestedBy);
  if (m.shortNotice) view.shortNotice = { reason: clean(f, m.shortNotice.reason, 'the reason for short notice') ?? 'not published', agreedBy: (m.shortNotice.agreedBy ?? []).map(name) };
  if (m.notice?.sent) view.noticeSent = m.notice.sent;
  if (!m.cancelled) {
    const holiday = meetingHolidayReason(model, m);
    if (holiday) view.holiday = holiday;
    // the words of `wep check`, so the clerk reads one warning wherever it is printed
    const warning = holidayWarning(model, m);
    if (warning) f.warnings.push(`${f.rec.id}: ${warning}`);
  }
  if (f.status === 'held' && m.attendance && body) view.attendance = planAttendance(f.on, m, f.bodies);
  const block = (b: ResolvedBody): QuorumBlock => {
    const q = evaluateQuorum(f.on, b, m.attendance);
    return { quorate: q.quorate, rules: q.rules.map((r) => ({ description: r.description, required: r.required, counted: r.counted, met: r.met })) };
  };
  if (body && canCountQuorum(f, body)) view.quorum = block(body);
  // A joint meeting is quorate for each body by that body's own rules.
  if (f.bodies.length > 1) {
    const each = f.bodies.filter((b) => canCountQuorum(f, b)).map((b) => ({ bodyId: b.id, bodyName: b.name, ...block(b) }));
    if (each.length) view.quorumByBody = each;
  }
}

const canCountQuorum = (f: MeetingFacts, body: ResolvedBody): boolean => f.status === 'held' && (body.quorum?.length ?? 0) > 0 && hasRecordedPresence(f.m.attendance);

/** The agenda rows, and the papers they publish. */
function planAgenda(ctx: PlanContext, f: MeetingFacts): { rows: AgendaRow[]; copies: PaperCopy[]; documents: DocumentView[] } {
  const copies: PaperCopy[] = [];
  const documents: DocumentView[] = [];
  const copied = new Set<string>();
  const rows = (f.m.agenda ?? []).map((it, i): AgendaRow => {
    const number = i + 1;
    if (f.confidential.has(number)) return { number, confidential: true };
    const row: AgendaRow = { number, confidential: false, title: it.title };
    if (it.purpose) row.purpose = it.purpose;
    if (it.presenter) row.presenter = personName(ctx.model, it.presenter);
    const paper = it.paper ? planPaper(ctx, f, it, number) : undefined;
    if (paper) {
      row.paper = paper.link;
      if (paper.copy && !copied.has(paper.copy.sitePath)) copies.push(paper.copy);
      if (paper.document && !copied.has(paper.document.path)) documents.push(paper.document);
      for (const p of [paper.copy?.sitePath, paper.document?.path]) if (p) copied.add(p);
    }
    if (it.minutes && f.showMinutes) {
      const minute = clean(f, it.minutes, `the minute of item ${number}`);
      if (minute) row.minute = minute;
    }
    return row;
  });
  return { rows, copies, documents };
}

const MARKDOWN = /\.(md|markdown)$/i;

/** How a public item's paper is published: linked, copied, made a page, or withheld with a warning. */
function planPaper(ctx: PlanContext, f: MeetingFacts, it: AgendaItem, n: number): { link: PaperLink; copy?: PaperCopy; document?: DocumentView } | undefined {
  const raw = it.paper!;
  const onDisk = f.rec.papers.find((p) => p.paper === raw);
  const ref = paperRef(f.rec.id, raw, onDisk?.identity);
  if (ctx.confidentialPapers.some((c) => isSamePaper(c, ref))) {
    f.warnings.push(`${f.rec.id}: item ${n} paper "${raw}" is a paper of a confidential item, so it is not published`);
    return { link: { label: 'Paper (confidential, not published)' } };
  }
  if (ref.url !== undefined) return { link: { label: 'Paper', url: raw.trim() } };
  const label = `Paper: ${raw.replace(/\\/g, '/').split('/').pop()}`;
  if (ref.path === undefined) {
    f.warnings.push(`${f.rec.id}: item ${n} paper "${raw}" is not a path inside the meeting folder, so it is not published`);
    return { link: { label } };
  }
  if (ctx.recordFiles.some((r) => isSameFile(r, ref.identity))) {
    f.warnings.push(`${f.rec.id}: item ${n} paper "${raw}" is a records file (meeting.yaml, minutes or partnership.yaml), so it is not published`);
    return { link: { label } };
  }
  if (!onDisk?.publishable) {
    f.warnings.push(
      onDisk ? `${f.rec.id}: item ${n} paper "${raw}" is not a regular file inside the meeting folder, so it is not published` : `${f.rec.id}: item ${n} paper "${raw}" was not found in the meeting folder`,
    );
    return { link: { label: `${label}${onDisk ? '' : ' (not yet available)'}` } };
  }
  const text = MARKDOWN.test(ref.path) ? f.rec.paperTexts?.[ref.path] : undefined;
  if (text === undefined) {
    const sitePath = `meetings/${f.rec.id}/${ref.path}`;
    return { link: { label, sitePath }, copy: { meetingId: f.rec.id, source: ref.path, sitePath } };
  }
  const sitePath = `meetings/${f.rec.id}/${ref.path.replace(MARKDOWN, '.html')}`;
  // HTML comments are the author's notes, not the paper: they never show.
  const document: DocumentView = { path: sitePath, title: it.title, markdown: withoutComments(text), meeting: { path: f.path, bodyName: meetingBodyName(ctx.model, f.m), date: f.m.date } };
  return { link: { label, sitePath }, document };
}

/** Decisions and actions of a held meeting whose minutes may be shown: public items only. */
function planResults(ctx: PlanContext, f: MeetingFacts, agenda: readonly AgendaRow[]): { decisions: DecisionRow[]; actions: ActionRow[] } {
  const { m, rec } = f;
  const draft = !f.approved;
  const title = (n: number) => agenda[n - 1]?.title;
  const name = meetingBodyName(ctx.model, m);
  // each body by its own rules; a body with none (or no attendance recorded) is not known
  const byBodyAt = (item: number): DecisionRow['byBody'] =>
    f.bodies.map((b) => ({ bodyId: b.id, bodyName: b.name, quorate: canCountQuorum(f, b) ? evaluateQuorum(f.on, b, m.attendance, { item }).quorate : null }));
  const decisions: DecisionRow[] = [];
  (m.decisions ?? []).forEach((d, i) => {
    if (!isPublicItem(d.item, f.confidential)) return;
    const text = clean(f, d.text, `decision ${i + 1}`);
    if (!text) return;
    const byBody = byBodyAt(d.item);
    // as `wep decisions` has it: not quorate when any body was short, unknown when any is unknown
    const quorate = byBody.some((q) => q.quorate === false) ? false : byBody.length && byBody.every((q) => q.quorate === true) ? true : null;
    const row: DecisionRow = { anchor: `decision-${i + 1}`, meetingId: rec.id, meetingPath: f.path, date: m.date, bodyId: m.body, bodyName: name, item: d.item, text, draft, quorate, byBody };
    const t = title(d.item);
    if (t) row.itemTitle = t;
    decisions.push(row);
  });
  const actions: ActionRow[] = [];
  for (const a of m.actions ?? []) {
    if (!isPublicItem(a.item, f.confidential)) continue;
    const text = clean(f, a.text, `action ${a.id}`);
    if (!text) continue;
    const row: ActionRow = { ref: `${rec.id}/${a.id}`, meetingId: rec.id, meetingPath: f.path, date: m.date, bodyName: name, text, owner: personName(ctx.model, a.owner), draft };
    if (a.item !== undefined) row.item = a.item;
    if (a.due) row.due = a.due;
    if (a.done) row.done = a.done.date;
    actions.push(row);
  }
  return { decisions, actions };
}

/** The minutes section: the public part of the minutes file, or the item minutes, and declarations. */
function planMinutes(ctx: PlanContext, f: MeetingFacts, agenda: readonly AgendaRow[]): MinutesView {
  const { m, rec } = f;
  const minutes: MinutesView = { state: 'none', itemMinutes: [], declarations: [] };
  if (m.minutes?.status) minutes.status = m.minutes.status;
  if (f.status === 'upcoming') minutes.state = 'not-yet';
  if (f.status !== 'held') return minutes;
  if (!f.showMinutes) {
    minutes.state = m.minutes || rec.minutesText !== undefined ? 'withheld' : 'none';
    return minutes;
  }
  minutes.state = f.approved ? 'approved' : 'draft';
  if (rec.minutesText !== undefined) {
    const text = publicMinutesText(ctx, f, rec.minutesText);
    if (text !== undefined) minutes.markdown = text;
    else minutes.state = 'withheld';
  } else {
    for (const row of agenda) if (row.minute && row.title) minutes.itemMinutes.push({ number: row.number, title: row.title, text: row.minute });
  }
  for (const d of m.attendance?.interests ?? []) {
    if (!isPublicItem(d.item, f.confidential)) continue;
    const decl: MinutesView['declarations'][number] = { person: personRef(ctx.model, d.person), item: d.item, withdrew: d.withdrew !== false };
    if (d.interest) {
      const interest = clean(f, d.interest, 'a declaration of interest');
      if (interest) decl.interest = interest;
    }
    minutes.declarations.push(decl);
  }
  if (m.minutes?.signed) minutes.signed = { by: personName(ctx.model, m.minutes.signed.by), date: m.minutes.signed.date };
  const at = m.minutes?.approvedAt;
  if (at && ctx.recordIds.has(at)) minutes.approvedAt = { id: at, date: at.slice(0, 10), sitePath: SITE_PATHS.meeting(at) };
  return minutes;
}

/** The minutes file's public text, or undefined (with a warning) when it must be withheld. */
function publicMinutesText(ctx: PlanContext, f: MeetingFacts, text: string): string | undefined {
  const file = f.rec.minutesFile ?? 'minutes.md';
  // the renderer reads the text as the meeting's page will show it
  const headings = ctx.rendererHeadings;
  const pub = publicMinutes(stripBanner(text), f.confidential, { publicVersion: file === 'minutes.public.md', ...(headings ? { rendererHeadings: (visible: string) => headings(visible, f.path) } : {}) });
  if (pub.markdown === undefined) {
    f.warnings.push(`${f.rec.id}: ${file} is withheld from the site: ${pub.withheld}; write minutes.public.md to publish a version you have checked`);
    return undefined;
  }
  return clean(f, pub.markdown, 'the minutes file');
}

/** Who was there, by group; proxies once, never twice. A joint meeting: the members of each of its bodies. */
export function planAttendance(model: Model, m: MeetingFile, bodies: readonly ResolvedBody[]): AttendanceView {
  const a = m.attendance ?? {};
  const ref = (id: string) => personRef(model, id);
  const name = (id: string) => personName(model, id);
  const present = new Set(a.present ?? []);
  const apologies = new Set(a.apologies ?? []);
  const proxied = new Set((a.proxies ?? []).map((x) => x.for));
  const proxyIds = new Set((a.proxies ?? []).map((x) => x.proxy));
  const memberIds = [...new Set(bodies.flatMap((b) => b.memberIds))];
  const members = new Set(memberIds);
  const groupOf = (id: string) => bodies.map((b) => b.sittings.get(id)?.group).find((g) => g !== undefined);
  const groups = new Map<string, PersonRef[]>();
  const inAttendance: PersonRef[] = [];
  for (const id of a.present ?? []) {
    if (proxyIds.has(id)) continue;
    const person = model.people.get(id);
    if (members.has(id) && person) {
      const group = groupOf(id);
      // at a joint meeting, a member of a body without partner groups is listed under the body
      const ownBody = bodies.length > 1 ? bodies.find((b) => b.memberIds.includes(id))?.name : undefined;
      const g = group ? (model.groups.get(group)?.name ?? group) : (ownBody ?? 'Not in a partner group');
      if (!groups.has(g)) groups.set(g, []);
      groups.get(g)!.push(ref(id));
    } else inAttendance.push(ref(id));
  }
  return {
    present: [...groups].map(([group, people]) => ({ group, people })),
    proxies: (a.proxies ?? []).map((x) => ({ proxy: ref(x.proxy), for: ref(x.for) })),
    inAttendance,
    observers: (a.observers ?? []).map(ref),
    invitees: (m.invitees ?? []).filter((i) => !i.person || present.has(i.person)).map((i) => (i.organisation ? { name: i.name, organisation: i.organisation } : { name: i.name })),
    apologies: (a.apologies ?? []).map(ref),
    absent: memberIds.filter((id) => !present.has(id) && !apologies.has(id) && !proxied.has(id) && !isProxy(model.people.get(id)!)).map(ref),
    lateOrEarly: [...(a.arrived ?? []).map((x) => `${name(x.person)} arrived at item ${x.item}`), ...(a.left ?? []).map((x) => `${name(x.person)} left at item ${x.item}`)],
  };
}

export { isWebAddress };
