/**
 * The minutes of a held meeting, as data: who was there (by partner group), proxies, officers
 * and observers, apologies and absences, the quorum at the start and at every decision, each
 * agenda item with what the records already hold for it. The report layer renders it through
 * the minutes template; the lifecycle (circulated, approved, signed) is checked here too.
 */
import { travellingActionText, type LoggedAction } from './actions.js';
import { formatLongDate, type IsoDate } from './dates.js';
import { lateness, type Lateness } from './deadlines.js';
import type { AgendaItem, Attendance, MeetingFile, Votes } from './meeting-schema.js';
import type { Model, ResolvedBody, ResolvedPerson } from './model.js';

/** What the minutes need from the quorum engine (src/core/quorum.ts), structurally. */
export interface QuorumRuleView {
  description: string;
  required: number;
  counted: number;
  met: boolean;
  shortBy: number;
}
export interface QuorumView {
  quorate: boolean;
  rules: readonly QuorumRuleView[];
}
/** The quorum at the start (no item) or at agenda item `item`; undefined when unknown. */
export type QuorumAt = (item?: number) => QuorumView | undefined;

export interface PersonRef {
  id: string;
  name: string;
  title?: string;
  /** "from item 3", "left before item 6". */
  note?: string;
}

export interface GroupPresence {
  id: string | null;
  name: string;
  people: PersonRef[];
}

export interface ProxyRef {
  proxy: PersonRef;
  for: PersonRef;
}

export interface QuorumStatement {
  quorate: boolean;
  /** One line per rule: "Schools Forum: 2 of 2 required" etc. */
  rules: QuorumRuleView[];
}

export interface MinutesItem {
  number: number;
  title: string;
  standard?: AgendaItem['standard'];
  purpose?: AgendaItem['purpose'];
  presenter?: string;
  paper?: string;
  confidential: boolean;
  /** Minute text already in meeting.yaml for this item. */
  minute?: string;
  /** The minute reference under the partnership's scheme, when it has one. */
  ref?: string;
  decisions: { id?: string; text: string; votes?: Votes }[];
  actions: { id: string; text: string; owner: PersonRef; due?: IsoDate }[];
  /** The quorum at this item, for items for decision or with decisions recorded. */
  quorum?: QuorumStatement;
  /** A decision is recorded while the meeting was not quorate. */
  inquorateDecision: boolean;
  declarations: { person: PersonRef; interest?: string; withdrew: boolean }[];
}

export interface MinutesDoc {
  meetingId: string;
  partnership: string;
  body: { id: string; name: string };
  date: IsoDate;
  dateLong: string;
  start: string;
  end?: string;
  venue?: MeetingFile['venue'];
  chair?: PersonRef;
  clerk: string;
  present: GroupPresence[];
  proxies: ProxyRef[];
  officers: PersonRef[];
  observers: PersonRef[];
  invitees: { name: string; organisation?: string }[];
  apologies: PersonRef[];
  absent: PersonRef[];
  attendanceRecorded: boolean;
  quorumAtStart?: QuorumStatement;
  declarations: { person: PersonRef; item: number; itemTitle: string; interest?: string; withdrew: boolean }[];
  previous?: { id: string; date: IsoDate; dateLong: string; status: string };
  mattersArising: { ref: string; text: string; owner: PersonRef; due?: IsoDate; overdue: boolean; meetingDate: IsoDate }[];
  items: MinutesItem[];
  /** Any decision recorded at an inquorate point. */
  inquorateDecisions: number[];
  next?: { date: IsoDate; dateLong: string };
  status: string;
}

export interface MinutesInput {
  id: string;
  meeting: MeetingFile;
  /** The previous meeting of the same body, if any. */
  previous?: { id: string; meeting: MeetingFile };
  /** The next meeting of the same body in the records, if any. */
  next?: { id: string; meeting: MeetingFile };
  /** Open actions of earlier meetings of the body (matters arising). */
  carried: readonly LoggedAction[];
  quorumAt: QuorumAt;
  /** The minute reference of an item of this meeting, when the partnership numbers minutes. */
  minuteRef?: (item: number) => string | undefined;
}

export function personRef(model: Model, id: string, note?: string): PersonRef {
  const p = model.people.get(id);
  return { id, name: p?.name ?? id, ...(p?.title ? { title: p.title } : {}), ...(note ? { note } : {}) };
}

/** Ids of everyone the attendance names as there at some point. */
export function presentIds(a: Attendance | undefined): Set<string> {
  return new Set([...(a?.present ?? []), ...(a?.proxies ?? []).map((p) => p.proxy)]);
}

function quorumStatement(q: QuorumView | undefined): QuorumStatement | undefined {
  return q ? { quorate: q.quorate, rules: q.rules.map((r) => ({ description: r.description, required: r.required, counted: r.counted, met: r.met, shortBy: r.shortBy })) } : undefined;
}

const isOfficerLike = (p: ResolvedPerson | undefined) => p !== undefined && (p.role === 'officer' || p.role === 'adviser' || p.role === 'observer');

/** Builds the minutes of one meeting from its records. Pure. */
export function buildMinutes(model: Model, body: ResolvedBody, input: MinutesInput): MinutesDoc {
  const { meeting: m, id } = input;
  const a = m.attendance;
  const ref = (pid: string, note?: string) => personRef(model, pid, note);
  const note = (pid: string) => {
    const parts: string[] = [];
    const arr = a?.arrived?.find((x) => x.person === pid);
    const left = a?.left?.find((x) => x.person === pid);
    if (arr) parts.push(`from item ${arr.item}`);
    if (left) parts.push(`left before item ${left.item}`);
    return parts.join(', ') || undefined;
  };

  const proxyIds = new Set((a?.proxies ?? []).map((p) => p.proxy));
  const observerIds = new Set(a?.observers ?? []);
  const members = new Set(body.memberIds);
  const present = (a?.present ?? []).filter((pid) => !proxyIds.has(pid) && !observerIds.has(pid));

  // Voting members present, by partner group in the body's order; officers apart.
  const groupOrder = [...body.groupIds];
  const byGroup = new Map<string | null, PersonRef[]>();
  const officers: PersonRef[] = [];
  const others: PersonRef[] = [];
  for (const pid of present) {
    const p = model.people.get(pid);
    if (isOfficerLike(p) || (p && !p.voting && members.has(pid))) {
      officers.push(ref(pid, note(pid)));
      continue;
    }
    if (!p || !members.has(pid)) {
      others.push(ref(pid, note(pid)));
      continue;
    }
    const g = p.group && groupOrder.includes(p.group) ? p.group : null;
    if (!byGroup.has(g)) byGroup.set(g, []);
    byGroup.get(g)!.push(ref(pid, note(pid)));
  }
  const presentGroups: GroupPresence[] = [];
  for (const g of groupOrder) {
    const people = byGroup.get(g);
    if (people?.length) presentGroups.push({ id: g, name: model.groups.get(g)?.name ?? g, people });
  }
  const ungrouped = byGroup.get(null);
  if (ungrouped?.length) presentGroups.push({ id: null, name: 'Other members', people: ungrouped });

  const proxies = (a?.proxies ?? []).map((p) => ({ proxy: ref(p.proxy, note(p.proxy)), for: ref(p.for) }));
  const apologies = (a?.apologies ?? []).map((pid) => ref(pid));
  const there = presentIds(a);
  const represented = new Set((a?.proxies ?? []).map((p) => p.for));
  const absent = a
    ? body.memberIds.filter((pid) => !there.has(pid) && !(a.apologies ?? []).includes(pid) && !represented.has(pid)).map((pid) => ref(pid))
    : [];

  const agenda = m.agenda;
  const declarations = (a?.interests ?? []).map((d) => ({
    person: ref(d.person),
    item: d.item,
    itemTitle: agenda[d.item - 1]?.title ?? `item ${d.item}`,
    ...(d.interest ? { interest: d.interest } : {}),
    withdrew: d.withdrew ?? true,
  }));

  const inquorateDecisions: number[] = [];
  const items: MinutesItem[] = agenda.map((it, i) => {
    const n = i + 1;
    const decisions = (m.decisions ?? []).filter((d) => d.item === n).map((d) => ({ ...(d.id ? { id: d.id } : {}), text: d.text, ...(d.votes ? { votes: d.votes } : {}) }));
    const actions = (m.actions ?? []).filter((x) => x.item === n).map((x) => ({ id: x.id, text: x.text, owner: ref(x.owner), ...(x.due ? { due: x.due } : {}) }));
    const forDecision = it.purpose === 'decision' || decisions.length > 0;
    const quorum = forDecision && a ? quorumStatement(input.quorumAt(n)) : undefined;
    const inquorateDecision = decisions.length > 0 && quorum !== undefined && !quorum.quorate;
    if (inquorateDecision) inquorateDecisions.push(n);
    const minuteRef = input.minuteRef?.(n);
    return {
      number: n,
      title: it.title,
      ...(minuteRef ? { ref: minuteRef } : {}),
      ...(it.standard ? { standard: it.standard } : {}),
      ...(it.purpose ? { purpose: it.purpose } : {}),
      ...(it.presenter ? { presenter: model.people.get(it.presenter)?.name ?? it.presenter } : {}),
      ...(it.paper ? { paper: it.paper } : {}),
      confidential: it.confidential ?? false,
      ...(it.minutes ? { minute: it.minutes } : {}),
      decisions,
      actions,
      ...(quorum ? { quorum } : {}),
      inquorateDecision,
      declarations: declarations.filter((d) => d.item === n).map(({ person, interest, withdrew }) => ({ person, ...(interest ? { interest } : {}), withdrew })),
    };
  });
  // Actions not tied to an item still belong in the minutes: put them under AOB or last.
  const loose = (m.actions ?? []).filter((x) => x.item === undefined || x.item < 1 || x.item > agenda.length);
  if (loose.length && items.length) {
    const target = items.find((x) => x.standard === 'aob') ?? items[items.length - 1]!;
    target.actions.push(...loose.map((x) => ({ id: x.id, text: x.text, owner: ref(x.owner), ...(x.due ? { due: x.due } : {}) })));
  }

  const nextDate = m.nextMeeting ?? input.next?.meeting.date;
  // Who took the chair: as recorded for the meeting, else the body's chair.
  const chairId = m.chair ?? body.chair;
  return {
    meetingId: id,
    partnership: model.file.partnership.name,
    body: { id: body.id, name: body.name },
    date: m.date,
    dateLong: formatLongDate(m.date),
    start: m.start,
    ...(m.end ? { end: m.end } : {}),
    ...(m.venue ? { venue: m.venue } : body.venue ? { venue: body.venue } : {}),
    ...(chairId ? { chair: ref(chairId, there.has(chairId) || !a ? undefined : 'not present') } : {}),
    clerk: model.file.partnership.clerk.name,
    present: presentGroups.concat(others.length ? [{ id: null, name: 'Also present', people: others }] : []),
    proxies,
    officers,
    observers: [...observerIds].map((pid) => ref(pid, note(pid))),
    invitees: (m.invitees ?? []).filter((x) => !x.person || !there.has(x.person)).map((x) => ({ name: x.name, ...(x.organisation ? { organisation: x.organisation } : {}) })),
    apologies,
    absent,
    attendanceRecorded: a !== undefined,
    ...(a ? { quorumAtStart: quorumStatement(input.quorumAt(undefined)) } : {}),
    declarations,
    ...(input.previous
      ? { previous: { id: input.previous.id, date: input.previous.meeting.date, dateLong: formatLongDate(input.previous.meeting.date), status: input.previous.meeting.minutes?.status ?? 'draft' } }
      : {}),
    mattersArising: input.carried.map((x) => ({ ref: x.ref, text: travellingActionText(x), owner: ref(x.owner), ...(x.due ? { due: x.due } : {}), overdue: x.overdue, meetingDate: x.meetingDate })),
    items,
    inquorateDecisions,
    ...(nextDate ? { next: { date: nextDate, dateLong: formatLongDate(nextDate) } } : {}),
    status: m.minutes?.status ?? 'draft',
  };
}

// ---------------------------------------------------------------------------------------------
// Lifecycle: draft -> circulated -> approved -> signed

export type MinutesStatus = 'draft' | 'circulated' | 'approved' | 'signed';
const ORDER: MinutesStatus[] = ['draft', 'circulated', 'approved', 'signed'];

/** The later of two statuses: recording an earlier step never moves the minutes back. */
export function laterStatus(a: MinutesStatus | undefined, b: MinutesStatus): MinutesStatus {
  return a && ORDER.indexOf(a) > ORDER.indexOf(b) ? a : b;
}

/** How the approving meeting stood at the item where it approved the minutes. */
export interface ApprovalQuorum {
  cancelled: boolean;
  /** The item that approved them ("minutes of the last meeting"), or null: the start of the meeting. */
  item: number | null;
  itemTitle: string | null;
  /** null when the approving meeting has no attendance recorded. */
  quorate: boolean | null;
  /** "at least 2 from ...: short by 1" per unmet rule. */
  shortfall: string[];
}

export interface LifecycleRequest {
  circulated?: IsoDate;
  /** Why corrected minutes go out again (required for a re-circulation). */
  reason?: string;
  approvedAt?: { id: string; date: IsoDate; quorum?: ApprovalQuorum };
  /** Amendments made on approval; none: approved as a true record. */
  amendments?: string[];
  signed?: { date: IsoDate; by: string };
}

/** The partnership's rule for minutes approved at a meeting not quorate at that item. */
export type InquorateApproval = 'refuse' | 'warn';

/** A step that cannot be recorded: the field of the request it is about, what and how to fix it. */
export interface LifecycleRefusal {
  field: 'circulated' | 'reason' | 'approvedAt' | 'amendments' | 'signed';
  message: string;
  hint: string;
  /** The hint is complete: it needs no "give it as" example of the field. */
  complete?: boolean;
}

export interface LifecycleChange {
  /** The new `minutes:` mapping for meeting.yaml. */
  minutes: NonNullable<MeetingFile['minutes']>;
  /** Circulation measured against the minutes deadline (the first circulation only). */
  circulation?: Lateness & { deadline: IsoDate; date: IsoDate };
  /** A re-circulation recorded by this step. */
  recirculation?: { date: IsoDate; reason: string; first: IsoDate };
  warnings: string[];
  /** When not empty, nothing may be written. */
  refusals: LifecycleRefusal[];
}

/**
 * Applies circulation, approval and signature to a meeting's minutes record, refusing what
 * cannot be true (circulated before the meeting, approved at an earlier meeting, a date in the
 * future, a second circulation with no reason, approval at a meeting that was not quorate when
 * the partnership refuses it) and measuring circulation against the deadline. The first
 * circulation date is never overwritten: later ones are re-circulations, each with its reason.
 * Pure.
 */
export function applyLifecycle(
  model: Model,
  meeting: Pick<MeetingFile, 'date' | 'minutes'>,
  minutesBy: IsoDate,
  req: LifecycleRequest,
  today: IsoDate,
  inquorateApproval: InquorateApproval = 'refuse',
): LifecycleChange {
  const cur = meeting.minutes;
  const next: NonNullable<MeetingFile['minutes']> = { ...(cur ?? { status: 'draft' }) };
  const warnings: string[] = [];
  const refusals: LifecycleRefusal[] = [];
  let circulation: LifecycleChange['circulation'];
  let recirculation: LifecycleChange['recirculation'];
  const refuse = (field: LifecycleRefusal['field'], message: string, hint: string, complete = false) => refusals.push({ field, message, hint, ...(complete ? { complete } : {}) });
  const future = (d: IsoDate, what: string, field: LifecycleRefusal['field']) => {
    if (d <= today) return false;
    refuse(field, `the ${what} date ${d} is in the future (today is ${today})`, 'record it on or after the day it happens; give the date as YYYY-MM-DD');
    return true;
  };
  const approved = cur?.status === 'approved' || cur?.status === 'signed';
  if (req.circulated !== undefined) {
    const d = req.circulated;
    if (future(d, 'circulation', 'circulated')) {
      // refused
    } else if (d < meeting.date) {
      refuse('circulated', `minutes cannot be circulated (${d}) before the meeting (${meeting.date})`, 'check the date: give it as YYYY-MM-DD');
    } else if (!cur?.circulated) {
      next.circulated = d;
      next.status = laterStatus(next.status, 'circulated');
      circulation = { ...lateness(model.calendar, minutesBy, d), deadline: minutesBy, date: d };
      if (req.reason) warnings.push(`a first circulation needs no reason: "${req.reason}" is not recorded`);
    } else if (req.reason === undefined) {
      // The same date again is the same fact; another date would overwrite the first.
      if (d !== cur.circulated) {
        refuse(
          'reason',
          `the minutes were first circulated on ${formatLongDate(cur.circulated)}; circulating them again on ${formatLongDate(d)} is a re-circulation, and needs its reason`,
          'say what was corrected and why they go out again; the first circulation date is kept',
        );
      }
    } else if (approved) {
      refuse(
        'reason',
        `the minutes were approved at ${cur.approvedAt ?? 'a later meeting'}: approved minutes are not re-circulated`,
        'a change the approving meeting made is an amendment: record it with the approval',
      );
    } else {
      const last = cur.recirculated?.at(-1)?.date ?? cur.circulated;
      if (d < last) refuse('circulated', `a re-circulation (${d}) cannot come before the last circulation (${last})`, 'check the date: give it as YYYY-MM-DD');
      else {
        next.recirculated = [...(cur.recirculated ?? []), { date: d, reason: req.reason }];
        recirculation = { date: d, reason: req.reason, first: cur.circulated };
      }
    }
  } else if (req.reason !== undefined) {
    refuse('reason', 'a reason is recorded only with a re-circulation', 'give the date the corrected minutes went out, with the reason');
  }
  if (req.approvedAt !== undefined) {
    const a = req.approvedAt;
    if (a.date <= meeting.date) {
      refuse('approvedAt', `minutes can only be approved at a later meeting: ${a.id} is not after the meeting of ${meeting.date}`, 'name the meeting at which they were approved, usually the next meeting of the same body');
    } else if (!future(a.date, 'approval meeting', 'approvedAt')) {
      if (cur?.approvedAt && cur.approvedAt !== a.id) {
        refuse('approvedAt', `the minutes are already recorded as approved at ${cur.approvedAt}`, `if that is wrong, correct "approved-at" under minutes: in meeting.yaml`, true);
      }
      const q = a.quorum;
      if (q?.cancelled) refuse('approvedAt', `the meeting ${a.id} was cancelled, so it approved nothing`, 'name the meeting at which the minutes were approved');
      else if (q) {
        const where = q.item === null ? 'at the start of the meeting' : `at item ${q.item}${q.itemTitle ? ` (${q.itemTitle})` : ''}`;
        const problem =
          q.quorate === null
            ? { message: `no attendance is recorded for ${a.id}, so wep cannot tell whether it was quorate ${where}, where it approved the minutes`, hint: `record its attendance first: wep attendance --meeting ${a.id}` }
            : q.quorate === false
              ? {
                  message: `${a.id} was not quorate ${where}${q.shortfall.length ? ` (${q.shortfall.join('; ')})` : ''}: an inquorate meeting cannot approve minutes`,
                  hint: 'have a later quorate meeting approve them, or correct the attendance if it is wrong',
                }
              : undefined;
        if (problem && inquorateApproval === 'refuse') refuse('approvedAt', problem.message, `${problem.hint} (in partnership.yaml, "minutes: { inquorate-approval: warn }" under partnership: makes this a warning)`, true);
        else if (problem) warnings.push(problem.message);
      }
      if (!next.circulated) warnings.push('the minutes are recorded as approved, but no circulation date is recorded: add the date they were circulated');
      next.approvedAt = a.id;
      next.status = laterStatus(next.status, 'approved');
    }
  }
  if (req.amendments !== undefined && req.amendments.length) {
    if (req.approvedAt === undefined && !approved) {
      refuse('amendments', 'amendments are made when a meeting approves the minutes, and these minutes are not approved yet', 'record them with the approval, naming the meeting that approved them');
    } else next.amendments = [...req.amendments];
  }
  if (req.signed !== undefined) {
    if (future(req.signed.date, 'signature', 'signed')) {
      // refused
    } else if (req.signed.date < meeting.date) {
      refuse('signed', `minutes cannot be signed (${req.signed.date}) before the meeting (${meeting.date})`, 'check the date: give it as YYYY-MM-DD');
    } else {
      if (!next.approvedAt) warnings.push('the minutes are recorded as signed, but not as approved: the chair signs minutes once a meeting approves them');
      next.signed = { by: req.signed.by, date: req.signed.date };
      next.status = laterStatus(next.status, 'signed');
    }
  }
  return { minutes: next, ...(circulation ? { circulation } : {}), ...(recirculation ? { recirculation } : {}), warnings, refusals };
}

/** The item at which a meeting approves the previous minutes: its "minutes of the last meeting" item, if any. */
export function approvalItem(agenda: readonly AgendaItem[]): number | null {
  const i = agenda.findIndex((it) => it.standard === 'previous-minutes');
  return i < 0 ? null : i + 1;
}
