/**
 * The published website, as data: which pages exist, what each may show, which papers are
 * copied. Pure and deterministic (same records and `today` -> same plan); `today` only decides
 * which meetings are upcoming. The rules of what may be published live here, in one place:
 *
 * - a confidential agenda item never appears: not its title, its paper, its minute, the
 *   decisions, actions or declarations recorded against it; a paper named by any confidential
 *   item is never copied, even when a public item names it too;
 * - minutes, decisions, actions and declarations of a meeting whose minutes are not approved
 *   are left out (`publish.minutes: approved-only`, the default) or shown marked as drafts
 *   (`mark-drafts`); attendance and apologies are shown once the meeting is held;
 * - personal email addresses only where the file says `email-public: true`; joining links and
 *   passcodes of online meetings and notice recipient lists never.
 *
 * src/report/site-html.ts turns the plan into HTML; src/io/site-writer.ts writes it.
 */
import { yearOf, type IsoDate } from './dates.js';
import type { IcsCalendar, IcsEvent } from './ics.js';
import { meetingEvent, prodId, stableStamp } from './meeting-event.js';
import { attendanceReport } from './attendance-report.js';
import { membership } from './membership.js';
import type { AgendaItem, MeetingFile } from './meeting-schema.js';
import { isProxy, type Model, type ResolvedBody } from './model.js';
import { evaluateQuorum, hasRecordedPresence } from './quorum.js';

export type MinutesPolicy = 'approved-only' | 'mark-drafts';

/** One meeting as the command hands it over: the record plus what was found beside it. */
export interface SiteMeetingInput {
  id: string;
  meeting: MeetingFile;
  /** minutes.public.md when the folder has one, else minutes.md; undefined when neither. */
  minutesText?: string;
  /** Local papers (as written in the record) that exist as files inside the meeting folder. */
  papersFound: readonly string[];
  /** Text of the Markdown papers found (by normalised path): they become web pages. */
  paperTexts?: Readonly<Record<string, string>>;
  /** The public agenda pack (agenda-pack.pdf, written by `wep pack`) is in the folder. */
  packFound?: boolean;
}

export interface SiteInput {
  model: Model;
  meetings: readonly SiteMeetingInput[];
  today: IsoDate;
  /** Absolute address of the hosted site, ending in "/"; used for canonical links and the feed. */
  baseUrl?: string;
}

export interface PersonRef {
  name: string;
  title?: string;
  /** Only when the person's address is marked public. */
  email?: string;
}

export interface PaperLink {
  label: string;
  /** Site path of a copied paper, or an external web address; absent when unavailable. */
  sitePath?: string;
  url?: string;
}

export interface AgendaRow {
  number: number;
  /** Confidential items keep their number, nothing else. */
  confidential: boolean;
  title?: string;
  purpose?: string;
  presenter?: string;
  paper?: PaperLink;
  minute?: string;
}

export interface AttendanceView {
  /** Members present, by partner group (group name, people). */
  present: { group: string; people: PersonRef[] }[];
  proxies: { proxy: PersonRef; for: PersonRef }[];
  /** Present but not members of the body: officers, advisers, others. */
  inAttendance: PersonRef[];
  observers: PersonRef[];
  invitees: { name: string; organisation?: string }[];
  apologies: PersonRef[];
  absent: PersonRef[];
  lateOrEarly: string[];
}

export type MinutesState = 'approved' | 'draft' | 'withheld' | 'not-yet' | 'none';

export interface MinutesView {
  state: MinutesState;
  /** The record's status word (draft, circulated, approved, signed). */
  status?: string;
  /** Markdown to render (public sections only). */
  markdown?: string;
  /** Minutes written per agenda item in meeting.yaml, when there is no minutes file. */
  itemMinutes: { number: number; title: string; text: string }[];
  declarations: { person: PersonRef; item: number; interest?: string; withdrew: boolean }[];
  approvedAt?: { id: string; date: IsoDate; sitePath: string };
  signed?: { by: string; date: IsoDate };
}

export interface DecisionRow {
  anchor: string;
  meetingId: string;
  meetingPath: string;
  date: IsoDate;
  bodyId: string;
  bodyName: string;
  item: number;
  itemTitle?: string;
  text: string;
  draft: boolean;
  /** Quorum at the decision's item (null: the body has no quorum rules or no attendance is recorded). */
  quorate: boolean | null;
}

export interface ActionRow {
  ref: string;
  meetingId: string;
  meetingPath: string;
  date: IsoDate;
  bodyName: string;
  item?: number;
  text: string;
  owner: string;
  due?: IsoDate;
  done?: IsoDate;
  draft: boolean;
}

export type MeetingStatus = 'upcoming' | 'held' | 'cancelled';

export interface MeetingView {
  id: string;
  path: string;
  bodyId: string;
  bodyName: string;
  date: IsoDate;
  start: string;
  end?: string;
  venue?: { name: string; address?: string; online: boolean };
  status: MeetingStatus;
  cancelledReason?: string;
  calledBy?: string;
  requestedBy?: string;
  shortNotice?: { reason: string; agreedBy: string[] };
  noticeSent?: IsoDate;
  agenda: AgendaRow[];
  attendance?: AttendanceView;
  /** Quorum at the start of a held meeting; absent when the body has no rules or no attendance is recorded. */
  quorum?: { quorate: boolean; rules: { description: string; required: number; counted: number; met: boolean }[] };
  minutes: MinutesView;
  decisions: DecisionRow[];
  actions: ActionRow[];
  previous?: { id: string; date: IsoDate; path: string };
  next?: { id: string; date: IsoDate; path: string };
}

export interface MemberRowView {
  person: PersonRef;
  role: string;
  term?: { start?: IsoDate; end?: IsoDate };
  proxy?: string;
}

export interface BodyView {
  id: string;
  path: string;
  name: string;
  kind?: string;
  description?: string;
  meets?: string;
  chair?: string;
  accountableTo?: { name: string; path: string };
  totalSeats: number;
  groups: { name: string; seats: number | null; vacant: number; description?: string; rows: MemberRowView[] }[];
  upcoming: MeetingSummary[];
  past: MeetingSummary[];
}

export interface MeetingSummary {
  id: string;
  path: string;
  date: IsoDate;
  start: string;
  bodyName: string;
  venue?: string;
  status: MeetingStatus;
}

export interface AttendanceYearView {
  year: number;
  path: string;
  bodies: {
    id: string;
    name: string;
    meetings: number;
    byPerson: { person: string; group: string; present: number; proxy: number; apologies: number; absent: number }[];
    byGroup: { group: string; seats: number | null; possible: number; attended: number }[];
    /** For bodies with `attendance-by: school`: schools represented at each meeting. */
    bySchool: { date: IsoDate; represented: number; total: number }[];
  }[];
}

export interface PaperCopy {
  meetingId: string;
  /** Relative to the meeting folder, normalised (see safePaperPath). */
  source: string;
  /** Where it goes in the site. */
  sitePath: string;
}

export interface SitePlan {
  partnership: { name: string; short: string; purpose?: string; values: string[]; clerk: string; minutesPolicy: MinutesPolicy };
  baseUrl?: string;
  bodies: BodyView[];
  meetings: MeetingView[];
  upcoming: MeetingSummary[];
  decisions: DecisionRow[];
  actions: ActionRow[];
  attendance: AttendanceYearView[];
  calendar: IcsCalendar;
  copies: PaperCopy[];
  /** Markdown papers, published as pages of their own. */
  documents: DocumentView[];
  warnings: string[];
}

export interface DocumentView {
  path: string;
  title: string;
  markdown: string;
  meeting: { path: string; bodyName: string; date: IsoDate };
}

/** The public agenda pack's file name, in the meeting folder and on the site. */
const PUBLIC_PACK = 'agenda-pack.pdf';

/** Site paths of the pages, in one place so links and files agree. */
export const SITE_PATHS = {
  home: 'index.html',
  meetings: 'meetings/index.html',
  decisions: 'registers/decisions.html',
  actions: 'registers/actions.html',
  attendance: 'registers/attendance.html',
  calendar: 'meetings.ics',
  css: 'site.css',
  meeting: (id: string) => `meetings/${id}/index.html`,
  body: (id: string) => `bodies/${id}/index.html`,
  attendanceYear: (year: number) => `registers/attendance-${year}.html`,
} as const;

/** The relative href from one site page to another path ("../../site.css"). */
export function relativeHref(from: string, to: string): string {
  const fromDir = from.split('/').slice(0, -1);
  const target = to.split('#');
  const parts = target[0]!.split('/');
  let i = 0;
  while (i < fromDir.length && i < parts.length - 1 && fromDir[i] === parts[i]) i++;
  const up = fromDir.length - i;
  const rel = [...Array<string>(up).fill('..'), ...parts.slice(i)].join('/');
  return target.length > 1 ? `${rel}#${target.slice(1).join('#')}` : rel;
}

/**
 * A paper path that is safe to copy: relative, inside the meeting folder, no "..", not a
 * hidden file, not a record file of the meeting itself. Undefined when it is not.
 */
export function safePaperPath(paper: string): string | undefined {
  const p = paper.replace(/\\/g, '/').replace(/^(\.\/)+/, '');
  if (!p || p.startsWith('/') || /^[a-zA-Z]:/.test(p)) return undefined;
  const parts = p.split('/');
  if (parts.some((s) => s === '' || s === '.' || s === '..' || s.startsWith('.'))) return undefined;
  if (parts.length === 1 && ['index.html', 'meeting.yaml', 'minutes.md', 'minutes.public.md'].includes(p)) return undefined;
  return parts.join('/');
}

export const isWebAddress = (s: string): boolean => /^https?:\/\/\S+$/i.test(s);

/** True when `text` mentions any of the secrets (case-insensitive; secrets under 4 characters are ignored as too common). */
export function mentionsAny(text: string, secrets: readonly string[]): boolean {
  const t = text.toLowerCase();
  return secrets.some((s) => s.length >= 4 && t.includes(s.toLowerCase()));
}

/**
 * Removes the sections of minutes markdown that minute confidential items: a heading whose
 * text starts with the item number ("## 4. Staffing") and everything up to the next heading of
 * the same or a higher level. HTML comments go too (the template's instructions).
 */
export function publicMinutes(markdown: string, confidentialNumbers: ReadonlySet<number>): string {
  const lines = markdown.replace(/\r\n?/g, '\n').replace(/<!--[\s\S]*?(-->|$)/g, '').split('\n');
  const out: string[] = [];
  let skipLevel = 0;
  let fence = false;
  for (const line of lines) {
    if (/^\s*(```|~~~)/.test(line)) fence = !fence;
    const h = fence ? null : /^(#{1,6})\s+(?:item\s+)?(\d+)[.):]?\s/i.exec(line);
    const anyHeading = fence ? null : /^(#{1,6})\s/.exec(line);
    if (skipLevel && anyHeading && anyHeading[1]!.length <= skipLevel) skipLevel = 0;
    if (!skipLevel && h && confidentialNumbers.has(Number(h[2]))) skipLevel = h[1]!.length;
    if (!skipLevel) out.push(line);
  }
  return out.join('\n');
}

const byId = <T extends { id: string }>(a: T, b: T) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** Builds the whole site plan. */
export function planSite(input: SiteInput): SitePlan {
  const { model, today } = input;
  const p = model.file.partnership;
  const policy: MinutesPolicy = p.publish?.minutes ?? 'approved-only';
  const warnings: string[] = [];
  const copies: PaperCopy[] = [];
  const copied = new Set<string>();
  const documents: DocumentView[] = [];
  const name = (id: string): string => model.people.get(id)?.name ?? id;
  const ref = (id: string): PersonRef => {
    const person = model.people.get(id);
    if (!person) return { name: id };
    const r: PersonRef = { name: person.name };
    if (person.title) r.title = person.title;
    if (person.email && person.emailPublic === true) r.email = person.email;
    return r;
  };
  const bodyName = (id: string) => model.bodies.get(id)?.name ?? id;
  // Addresses that must not be published, even when typed into minutes or a decision.
  const privateEmails = [
    ...[...model.people.values()].filter((x) => x.email && x.emailPublic !== true).map((x) => x.email!),
    p.clerk.email,
    ...input.meetings.flatMap((r) => (r.meeting.invitees ?? []).map((i) => i.email ?? '')),
  ].filter((e) => e.length > 0);
  const escapeRe = (x: string) => x.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const privateRe = privateEmails.length ? new RegExp([...new Set(privateEmails.map((e) => e.toLowerCase()))].sort((a, b) => b.length - a.length).map(escapeRe).join('|'), 'gi') : undefined;
  const redact = (text: string): string => (privateRe && text.includes('@') ? text.replace(privateRe, '[address withheld]') : text);

  const records = [...input.meetings].sort(byId);
  const recordIds = new Set(records.map((r) => r.id));
  // Held once the day has passed, or on the day once attendance is recorded.
  const statusOf = (m: MeetingFile): MeetingStatus =>
    m.cancelled ? 'cancelled' : m.date < today || (m.date === today && (m.attendance?.present?.length ?? 0) > 0) ? 'held' : 'upcoming';

  const views: MeetingView[] = records.map((rec) => planMeeting(rec));
  // Previous/next meeting of the same body, for walking through a body's history.
  const lastOfBody = new Map<string, MeetingView>();
  for (const v of views) {
    const prev = lastOfBody.get(v.bodyId);
    if (prev) {
      v.previous = { id: prev.id, date: prev.date, path: prev.path };
      prev.next = { id: v.id, date: v.date, path: v.path };
    }
    lastOfBody.set(v.bodyId, v);
  }

  function planMeeting(rec: SiteMeetingInput): MeetingView {
    const m = rec.meeting;
    const body = model.bodies.get(m.body);
    const status = statusOf(m);
    const agendaItems = m.agenda ?? [];
    const confidential = new Set<number>();
    const secrets: string[] = [];
    agendaItems.forEach((it, i) => {
      if (it.confidential) {
        confidential.add(i + 1);
        secrets.push(it.title);
        if (it.paper) secrets.push(it.paper);
      }
    });
    const secretPapers = new Set(agendaItems.filter((it) => it.confidential && it.paper).map((it) => it.paper!));
    const isPublicItem = (n: number | undefined) => n === undefined || !confidential.has(n);
    const approved = m.minutes?.status === 'approved' || m.minutes?.status === 'signed';
    const showMinutes = status === 'held' && (approved || policy === 'mark-drafts');
    const draft = !approved;
    const path = SITE_PATHS.meeting(rec.id);
    const found = new Set(rec.papersFound.map((x) => safePaperPath(x)).filter((x): x is string => !!x));
    // the public pack holds no confidential item (core/pack.ts); `wep send` links to it here
    if (rec.packFound && !m.cancelled) copies.push({ meetingId: rec.id, source: PUBLIC_PACK, sitePath: `meetings/${rec.id}/${PUBLIC_PACK}` });
    const clean = (text: string, what: string): string | undefined => {
      if (!mentionsAny(text, secrets)) return redact(text);
      warnings.push(`${rec.id}: ${what} mentions a confidential item, so it is left out of the site`);
      return undefined;
    };

    const paperLink = (it: AgendaItem, n: number): PaperLink | undefined => {
      if (!it.paper) return undefined;
      if (secretPapers.has(it.paper)) return { label: 'Paper (confidential, not published)' };
      if (isWebAddress(it.paper)) return { label: 'Paper', url: it.paper };
      const safe = safePaperPath(it.paper);
      const label = `Paper: ${it.paper.split('/').pop()}`;
      if (!safe) {
        warnings.push(`${rec.id}: item ${n} paper "${it.paper}" is not a path inside the meeting folder, so it is not published`);
        return { label };
      }
      if (!found.has(safe)) {
        warnings.push(`${rec.id}: item ${n} paper "${it.paper}" was not found in the meeting folder`);
        return { label: `${label} (not yet available)` };
      }
      const text = /\.(md|markdown)$/i.test(safe) ? rec.paperTexts?.[safe] : undefined;
      const sitePath = `meetings/${rec.id}/${text !== undefined ? safe.replace(/\.(md|markdown)$/i, '.html') : safe}`;
      if (!copied.has(sitePath)) {
        copied.add(sitePath);
        if (text !== undefined) documents.push({ path: sitePath, title: it.title, markdown: text, meeting: { path, bodyName: bodyName(m.body), date: m.date } });
        else copies.push({ meetingId: rec.id, source: safe, sitePath });
      }
      return { label, sitePath };
    };

    const agenda: AgendaRow[] = agendaItems.map((it, i) => {
      const number = i + 1;
      if (it.confidential) return { number, confidential: true };
      const row: AgendaRow = { number, confidential: false, title: it.title };
      if (it.purpose) row.purpose = it.purpose;
      if (it.presenter) row.presenter = model.people.get(it.presenter)?.name ?? it.presenter;
      const paper = paperLink(it, number);
      if (paper) row.paper = paper;
      if (it.minutes && showMinutes) {
        const minute = clean(it.minutes, `the minute of item ${number}`);
        if (minute) row.minute = minute;
      }
      return row;
    });
    const itemTitle = (n: number) => (isPublicItem(n) ? agendaItems[n - 1]?.title : undefined);

    const decisions: DecisionRow[] = [];
    const actions: ActionRow[] = [];
    // The quorum engine decides whether the meeting could decide; decisions taken while
    // inquorate are flagged on the site, as the rules require.
    const canCount = status === 'held' && body !== undefined && (body.quorum?.length ?? 0) > 0 && hasRecordedPresence(m.attendance);
    const quorateAt = (item: number): boolean | null => (canCount ? evaluateQuorum(model, body!, m.attendance, { item }).quorate : null);
    if (showMinutes) {
      (m.decisions ?? []).forEach((d, i) => {
        if (!isPublicItem(d.item)) return;
        const text = clean(d.text, `decision ${i + 1}`);
        if (!text) return;
        const row: DecisionRow = { anchor: `decision-${i + 1}`, meetingId: rec.id, meetingPath: path, date: m.date, bodyId: m.body, bodyName: bodyName(m.body), item: d.item, text, draft, quorate: quorateAt(d.item) };
        const t = itemTitle(d.item);
        if (t) row.itemTitle = t;
        decisions.push(row);
      });
      for (const a of m.actions ?? []) {
        if (!isPublicItem(a.item)) continue;
        const text = clean(a.text, `action ${a.id}`);
        if (!text) continue;
        const row: ActionRow = { ref: `${rec.id}/${a.id}`, meetingId: rec.id, meetingPath: path, date: m.date, bodyName: bodyName(m.body), text, owner: name(a.owner), draft };
        if (a.item !== undefined) row.item = a.item;
        if (a.due) row.due = a.due;
        if (a.done) row.done = a.done.date;
        actions.push(row);
      }
    }

    const minutes: MinutesView = { state: 'none', itemMinutes: [], declarations: [] };
    if (m.minutes?.status) minutes.status = m.minutes.status;
    if (status === 'upcoming') minutes.state = 'not-yet';
    else if (status === 'held') {
      if (!showMinutes) minutes.state = m.minutes || rec.minutesText ? 'withheld' : 'none';
      else {
        minutes.state = approved ? 'approved' : 'draft';
        if (rec.minutesText !== undefined) {
          const text = clean(publicMinutes(rec.minutesText, confidential), 'the minutes file');
          if (text !== undefined) minutes.markdown = text;
          else minutes.state = 'withheld';
        } else {
          for (const row of agenda) if (row.minute && row.title) minutes.itemMinutes.push({ number: row.number, title: row.title, text: row.minute });
        }
        for (const d of m.attendance?.interests ?? []) {
          if (!isPublicItem(d.item)) continue;
          const decl: MinutesView['declarations'][number] = { person: ref(d.person), item: d.item, withdrew: d.withdrew !== false };
          if (d.interest) {
            const interest = clean(d.interest, `a declaration of interest`);
            if (interest) decl.interest = interest;
          }
          minutes.declarations.push(decl);
        }
        if (m.minutes?.signed) minutes.signed = { by: name(m.minutes.signed.by), date: m.minutes.signed.date };
        const at = m.minutes?.approvedAt;
        if (at && recordIds.has(at)) minutes.approvedAt = { id: at, date: at.slice(0, 10), sitePath: SITE_PATHS.meeting(at) };
      }
    }
    if (status !== 'held') {
      // Nothing recorded for a meeting that has not happened is published as a result.
      decisions.length = 0;
      actions.length = 0;
    }
    if (minutes.state === 'withheld') {
      for (const row of agenda) delete row.minute;
    }

    const venue = m.venue ?? body?.venue;
    const view: MeetingView = {
      id: rec.id,
      path,
      bodyId: m.body,
      bodyName: bodyName(m.body),
      date: m.date,
      start: m.start,
      status,
      agenda,
      minutes,
      decisions,
      actions,
    };
    const end = m.end ?? body?.end;
    if (end) view.end = end;
    if (venue) {
      view.venue = { name: venue.name, online: Boolean(venue.link || venue.joining) };
      if (venue.address) view.venue.address = venue.address;
    }
    if (m.cancelled) {
      const reason = clean(m.cancelled.reason, 'the reason for cancelling');
      if (reason) view.cancelledReason = reason;
    }
    const caller = m.calledBy ?? body?.chair;
    if (caller) view.calledBy = name(caller);
    if (m.requestedBy) view.requestedBy = name(m.requestedBy);
    if (m.shortNotice) view.shortNotice = { reason: clean(m.shortNotice.reason, 'the reason for short notice') ?? 'not published', agreedBy: (m.shortNotice.agreedBy ?? []).map(name) };
    if (m.notice?.sent) view.noticeSent = m.notice.sent;
    if (status === 'held' && m.attendance && body) view.attendance = planAttendance(m, body);
    if (canCount) {
      const q = evaluateQuorum(model, body!, m.attendance);
      view.quorum = { quorate: q.quorate, rules: q.rules.map((r) => ({ description: r.description, required: r.required, counted: r.counted, met: r.met })) };
    }
    return view;
  }

  function planAttendance(m: MeetingFile, body: ResolvedBody): AttendanceView {
    const a = m.attendance ?? {};
    const present = new Set(a.present ?? []);
    const apologies = new Set(a.apologies ?? []);
    const proxied = new Set((a.proxies ?? []).map((x) => x.for));
    const proxyIds = new Set((a.proxies ?? []).map((x) => x.proxy));
    const members = new Set(body.memberIds);
    const groups = new Map<string, PersonRef[]>();
    const inAttendance: PersonRef[] = [];
    for (const id of a.present ?? []) {
      if (proxyIds.has(id)) continue;
      const person = model.people.get(id);
      if (members.has(id) && person) {
        const g = person.group ? (model.groups.get(person.group)?.name ?? person.group) : 'Not in a partner group';
        if (!groups.has(g)) groups.set(g, []);
        groups.get(g)!.push(ref(id));
      } else inAttendance.push(ref(id));
    }
    const lateOrEarly = [
      ...(a.arrived ?? []).map((x) => `${name(x.person)} arrived at item ${x.item}`),
      ...(a.left ?? []).map((x) => `${name(x.person)} left at item ${x.item}`),
    ];
    return {
      present: [...groups].map(([group, people]) => ({ group, people })),
      proxies: (a.proxies ?? []).map((x) => ({ proxy: ref(x.proxy), for: ref(x.for) })),
      inAttendance,
      observers: (a.observers ?? []).map(ref),
      invitees: (m.invitees ?? []).filter((i) => !i.person || present.has(i.person)).map((i) => (i.organisation ? { name: i.name, organisation: i.organisation } : { name: i.name })),
      apologies: (a.apologies ?? []).map(ref),
      absent: body.memberIds.filter((id) => !present.has(id) && !apologies.has(id) && !proxied.has(id) && !isProxy(model.people.get(id)!)).map(ref),
      lateOrEarly,
    };
  }

  const summary = (v: MeetingView): MeetingSummary => {
    const s: MeetingSummary = { id: v.id, path: v.path, date: v.date, start: v.start, bodyName: v.bodyName, status: v.status };
    if (v.venue) s.venue = v.venue.address ? `${v.venue.name}, ${v.venue.address}` : v.venue.name;
    return s;
  };

  const bodies: BodyView[] = [...model.bodies.values()].map((b) => {
    const ms = membership(model, today, b);
    const ofBody = views.filter((v) => v.bodyId === b.id);
    const view: BodyView = {
      id: b.id,
      path: SITE_PATHS.body(b.id),
      name: b.name,
      totalSeats: b.totalSeats,
      groups: ms.groups.map((g) => {
        const group = g.id ? model.groups.get(g.id) : undefined;
        const out: BodyView['groups'][number] = {
          name: g.name,
          seats: g.seats,
          vacant: g.vacant,
          rows: g.rows.map((r) => {
            const row: MemberRowView = { person: ref(r.person.id), role: r.person.role };
            if (r.person.term && (r.person.term.start || r.person.term.end)) row.term = { ...r.person.term };
            if (r.proxy) row.proxy = r.proxy.name;
            return row;
          }),
        };
        if (group?.description) out.description = group.description;
        return out;
      }),
      upcoming: ofBody.filter((v) => v.status === 'upcoming').map(summary),
      past: ofBody.filter((v) => v.status !== 'upcoming').map(summary).reverse(),
    };
    if (b.kind) view.kind = b.kind;
    if (b.description) view.description = b.description;
    if (b.meets) view.meets = b.meets;
    if (b.chair) view.chair = name(b.chair);
    if (b.accountableTo && model.bodies.has(b.accountableTo)) view.accountableTo = { name: bodyName(b.accountableTo), path: SITE_PATHS.body(b.accountableTo) };
    return view;
  });

  const decisions = views.flatMap((v) => v.decisions).reverse();
  const actions = views
    .flatMap((v) => v.actions)
    .sort((x, y) => Number(Boolean(x.done)) - Number(Boolean(y.done)) || (x.due ?? '9999').localeCompare(y.due ?? '9999') || x.ref.localeCompare(y.ref));

  const plan: SitePlan = {
    partnership: { name: p.name, short: p.short, values: [...(p.values ?? [])], clerk: p.clerk.name, minutesPolicy: policy },
    bodies,
    meetings: views,
    upcoming: views.filter((v) => v.status === 'upcoming').map(summary),
    decisions,
    actions,
    attendance: planAttendanceYears(model, views, records),
    calendar: planCalendar(model, views, input.meetings, input.baseUrl),
    copies,
    documents,
    warnings,
  };
  if (p.purpose) plan.partnership.purpose = p.purpose;
  if (input.baseUrl) plan.baseUrl = input.baseUrl;
  return plan;
}

/**
 * Attendance per member and per partner group, per calendar year, for held meetings with
 * attendance recorded: the same counts as `wep report attendance` (core/attendance-report).
 */
function planAttendanceYears(model: Model, views: readonly MeetingView[], records: readonly SiteMeetingInput[]): AttendanceYearView[] {
  const isHeld = new Set(views.filter((v) => v.status === 'held').map((v) => v.id));
  const held = records.filter((r) => isHeld.has(r.id) && r.meeting.attendance);
  const years = [...new Set(held.map((r) => yearOf(r.meeting.date)))].sort((a, b) => b - a);
  return years.map((year) => {
    const range = { from: `${year}-01-01`, to: `${year}-12-31` };
    const ofYear = held.filter((r) => yearOf(r.meeting.date) === year);
    const bodyIds = [...model.bodies.keys()].filter((b) => ofYear.some((r) => r.meeting.body === b));
    return {
      year,
      path: SITE_PATHS.attendanceYear(year),
      bodies: bodyIds.map((bodyId) => {
        const report = attendanceReport(model, ofYear.filter((r) => r.meeting.body === bodyId), { ...range, body: bodyId });
        return {
          id: bodyId,
          name: model.bodies.get(bodyId)!.name,
          meetings: report.meetings.length,
          byPerson: report.people.map((r) => ({ person: r.name, group: r.groupName ?? '', present: r.present, proxy: r.proxy, apologies: r.apologies, absent: r.absent })),
          byGroup: report.groups
            .filter((g) => g.id !== null)
            .map((g) => ({ group: g.name, seats: model.groups.get(g.id!)?.seats ?? null, possible: g.meetings, attended: g.present + g.proxy })),
          bySchool: report.schools.map((x) => ({ date: x.date, represented: x.represented, total: x.total })),
        };
      }),
    };
  });
}

/**
 * The subscribable feed: every published meeting, with its venue and a link to its page when
 * the site has an address. The events come from core/meeting-event, so a meeting has the same
 * UID, end and SEQUENCE here as in the invitation members received.
 */
function planCalendar(model: Model, views: readonly MeetingView[], records: readonly SiteMeetingInput[], baseUrl?: string): IcsCalendar {
  const p = model.file.partnership;
  const byId = new Map(records.map((r) => [r.id, r.meeting]));
  const events: IcsEvent[] = views.flatMap((v) => {
    const meeting = byId.get(v.id);
    if (!meeting || !model.bodies.has(meeting.body)) return [];
    const url = baseUrl ? `${baseUrl}${v.path}` : undefined;
    const e = meetingEvent(model, v.id, meeting, { stamp: stableStamp(v.date), ...(url ? { url, description: `Agenda, papers and minutes: ${url}` } : {}) });
    // only what the public page shows: never the joining link, no attendees
    if (!url) delete e.url;
    return [e];
  });
  return { prodId: prodId(model), method: 'PUBLISH', name: `${p.name} meetings`, events };
}

/** Upcoming meetings, soonest first, at most `n`. */
export function nextMeetings(plan: SitePlan, n = 5): MeetingSummary[] {
  return plan.upcoming.slice(0, n);
}
