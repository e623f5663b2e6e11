/**
 * What needs doing, most urgent first: the clerk's morning check behind `wep status`. Also the
 * register problems `wep check` reports (unknown owners, overdue actions, decisions taken while
 * not quorate, minutes past their deadline). Pure: the records and today in, data out.
 */
import { collectActions, type LoggedAction } from './actions.js';
import { workingDaysAfter } from './calendar.js';
import { addDays, daysBetween, type IsoDate } from './dates.js';
import { minutesDeadline } from './deadlines.js';
import { collectDecisions, type DecisionEntry, type EvaluateQuorum } from './decisions.js';
import { meetingDeadlines } from './meeting-deadlines.js';
import type { MeetingFile } from './meeting-schema.js';
import { modelOn, placeState, vacanciesOn, type Model } from './model.js';
import type { FillMethod } from './partnership-schema.js';
import { isCirculated, type MinutesDifference } from './minutes-reconcile.js';
import type { Problem } from './schema.js';
import { hintFor } from './suggest.js';

export const URGENCIES = ['overdue', 'due', 'upcoming', 'info'] as const;
export type Urgency = (typeof URGENCIES)[number];

export type StatusItem =
  | { kind: 'notice-overdue'; urgency: Urgency; meeting: string; body: string; date: IsoDate; noticeBy: IsoDate; workingDaysLate: number; shortNotice: string | null }
  | { kind: 'notice-due'; urgency: Urgency; meeting: string; body: string; date: IsoDate; noticeBy: IsoDate; workingDaysLeft: number }
  | { kind: 'notice-sent-late'; urgency: Urgency; meeting: string; body: string; date: IsoDate; noticeBy: IsoDate; sent: IsoDate; workingDaysLate: number }
  | { kind: 'minutes-overdue'; urgency: Urgency; meeting: string; body: string; date: IsoDate; minutesBy: IsoDate; workingDaysLate: number; drafted: boolean }
  | { kind: 'minutes-due'; urgency: Urgency; meeting: string; body: string; date: IsoDate; minutesBy: IsoDate; workingDaysLeft: number; drafted: boolean }
  | { kind: 'approval-missed'; urgency: Urgency; meeting: string; body: string; date: IsoDate; nextMeeting: string }
  | { kind: 'approval-pending'; urgency: Urgency; meeting: string; body: string; date: IsoDate; nextMeeting: string | null }
  | { kind: 'signature-pending'; urgency: Urgency; meeting: string; body: string; date: IsoDate; approvedAt: string }
  | { kind: 'decision-unconfirmed'; urgency: Urgency; ref: string; meeting: string; body: string; date: IsoDate; item: number; text: string }
  | { kind: 'action-overdue'; urgency: Urgency; ref: string; text: string; owner: string; due: IsoDate; daysOverdue: number }
  | { kind: 'action-due'; urgency: Urgency; ref: string; text: string; owner: string; due: IsoDate; daysLeft: number }
  | { kind: 'actions-open'; urgency: Urgency; open: number; overdue: number }
  | { kind: 'vacancy'; urgency: Urgency; group: string; vacant: number; seats: number; since: IsoDate | null; lastHeldBy: string | null; filledBy: FillMethod }
  | { kind: 'term-ending'; urgency: Urgency; person: string; end: IsoDate; daysLeft: number; group: string | null; body: string | null; filledBy: FillMethod }
  | { kind: 'uncommitted'; urgency: Urgency; files: string[] }
  | { kind: 'no-git'; urgency: Urgency };

export interface NextMeeting {
  meeting: string;
  body: string;
  date: IsoDate;
  start: string;
  noticeBy: IsoDate;
  /** Working days from today to the notice deadline (negative when past). */
  workingDaysToNotice: number;
  noticeSent: IsoDate | null;
}

export interface StatusReport {
  today: IsoDate;
  next: NextMeeting[];
  items: StatusItem[];
}

/** What the morning check reads of a meeting.yaml: its place in the calendar, notice and minutes. */
export type StatusMeetingFile = Pick<MeetingFile, 'body' | 'date' | 'start' | 'cancelled' | 'notice' | 'shortNotice' | 'minutes'>;

export interface StatusMeeting {
  id: string;
  meeting: StatusMeetingFile;
  /** minutes.md exists. */
  hasMinutesFile: boolean;
}

/** Only what buildStatus reads of a meeting: a thousand of these are small enough to keep. */
export function statusMeetingOf(m: { id: string; meeting: MeetingFile; hasMinutesFile: boolean }): StatusMeeting {
  const { body, date, start, cancelled, notice, shortNotice, minutes } = m.meeting;
  const meeting: StatusMeetingFile = { body, date, start };
  if (cancelled !== undefined) meeting.cancelled = cancelled;
  if (notice !== undefined) meeting.notice = notice;
  if (shortNotice !== undefined) meeting.shortNotice = shortNotice;
  if (minutes !== undefined) meeting.minutes = minutes;
  return { id: m.id, meeting, hasMinutesFile: m.hasMinutesFile };
}

/**
 * What status reads of every meeting, whatever the day: each meeting's dates, notice and
 * minutes, the open actions, and the decisions awaiting confirmation. Small enough to keep.
 */
export interface StatusView {
  meetings: StatusMeeting[];
  actions: LoggedAction[];
  decisions: DecisionEntry[];
}

/** The status view of the registers (each meeting.yaml with minutes.md's entries merged in). */
export function statusView(model: Model, meetings: readonly { id: string; merged: MeetingFile; hasMinutesFile: boolean }[], today: IsoDate, evaluate: EvaluateQuorum): StatusView {
  const sources = meetings.map((m) => ({ id: m.id, meeting: m.merged }));
  return {
    meetings: meetings.map((m) => statusMeetingOf({ id: m.id, meeting: m.merged, hasMinutesFile: m.hasMinutesFile })),
    actions: collectActions(sources, today).filter((a) => a.open),
    decisions: collectDecisions(model, sources, evaluate).filter((d) => d.standing === 'awaiting-confirmation'),
  };
}

export interface StatusInput {
  meetings: readonly StatusMeeting[];
  actions: readonly LoggedAction[];
  /** The decisions register: those taken while not quorate and not confirmed are listed. */
  decisions?: readonly DecisionEntry[];
  /** Record files git reports as changed; null when the records are not in a git repo. */
  uncommitted: readonly string[] | null;
}

/** Terms of office ending within this many days are listed, unless the file says otherwise (`term-warning-days:`). */
export const TERM_WARNING_DAYS = 90;
/** Actions falling due within this many days are listed one by one. */
export const ACTION_SOON_DAYS = 7;
/** A notice deadline this many working days away or fewer is "due"; further off, "upcoming". */
export const NOTICE_SOON_WORKING_DAYS = 5;

const signedWorkingDays = (model: Model, today: IsoDate, deadline: IsoDate) =>
  today <= deadline ? workingDaysAfter(model.calendar, today, deadline) : -workingDaysAfter(model.calendar, deadline, today);

/** The morning check. Items come most urgent first, then by date. */
export function buildStatus(model: Model, input: StatusInput, today: IsoDate): StatusReport {
  const items: StatusItem[] = [];
  const next: NextMeeting[] = [];
  const live = input.meetings.filter((m) => !m.meeting.cancelled && model.bodies.has(m.meeting.body));
  const byBody = new Map<string, StatusMeeting[]>();
  for (const m of live) {
    if (!byBody.has(m.meeting.body)) byBody.set(m.meeting.body, []);
    byBody.get(m.meeting.body)!.push(m);
  }

  for (const [bodyId, ms] of byBody) {
    const body = model.bodies.get(bodyId)!;
    ms.sort((a, b) => (a.meeting.date < b.meeting.date ? -1 : a.meeting.date > b.meeting.date ? 1 : 0));
    const upcoming = ms.filter((m) => m.meeting.date >= today);
    upcoming.forEach((m, i) => {
      const d = meetingDeadlines(model, body, m.meeting.date, today);
      const sent = m.meeting.notice?.sent ?? null;
      if (i === 0) {
        next.push({ meeting: m.id, body: bodyId, date: m.meeting.date, start: m.meeting.start, noticeBy: d.noticeBy.date, workingDaysToNotice: d.workingDaysToNotice, noticeSent: sent });
      }
      const base = { meeting: m.id, body: bodyId, date: m.meeting.date, noticeBy: d.noticeBy.date };
      if (sent) {
        if (sent > d.noticeBy.date && !m.meeting.shortNotice) {
          items.push({ kind: 'notice-sent-late', urgency: 'info', ...base, sent, workingDaysLate: workingDaysAfter(model.calendar, d.noticeBy.date, sent) });
        }
      } else if (today > d.noticeBy.date) {
        items.push({
          kind: 'notice-overdue',
          urgency: m.meeting.shortNotice ? 'due' : 'overdue',
          ...base,
          workingDaysLate: -d.workingDaysToNotice,
          shortNotice: m.meeting.shortNotice?.reason ?? null,
        });
      } else if (i === 0 || d.workingDaysToNotice <= NOTICE_SOON_WORKING_DAYS) {
        items.push({ kind: 'notice-due', urgency: d.workingDaysToNotice <= NOTICE_SOON_WORKING_DAYS ? 'due' : 'upcoming', ...base, workingDaysLeft: d.workingDaysToNotice });
      }
    });

    const held = ms.filter((m) => m.meeting.date < today);
    held.forEach((m, i) => {
      const min = m.meeting.minutes;
      const base = { meeting: m.id, body: bodyId, date: m.meeting.date };
      if (!min?.circulated && (!min || min.status === 'draft')) {
        const by = minutesDeadline(model.calendar, m.meeting.date, body.minutes).date;
        const left = signedWorkingDays(model, today, by);
        if (left < 0) items.push({ kind: 'minutes-overdue', urgency: 'overdue', ...base, minutesBy: by, workingDaysLate: -left, drafted: m.hasMinutesFile });
        else items.push({ kind: 'minutes-due', urgency: 'due', ...base, minutesBy: by, workingDaysLeft: left, drafted: m.hasMinutesFile });
        return;
      }
      if (min && !min.approvedAt && min.status !== 'approved' && min.status !== 'signed') {
        const after = ms[ms.indexOf(m) + 1];
        if (after && after.meeting.date < today) items.push({ kind: 'approval-missed', urgency: 'due', ...base, nextMeeting: after.id });
        else items.push({ kind: 'approval-pending', urgency: 'info', ...base, nextMeeting: after?.id ?? null });
      } else if (min?.approvedAt && !min.signed && i >= held.length - 3) {
        // Only recent meetings: an unsigned copy from years ago is history, not a task.
        items.push({ kind: 'signature-pending', urgency: 'info', ...base, approvedAt: min.approvedAt });
      }
    });
  }

  for (const d of input.decisions ?? []) {
    if (d.standing !== 'awaiting-confirmation') continue;
    items.push({ kind: 'decision-unconfirmed', urgency: 'due', ref: d.ref, meeting: d.meetingId, body: d.body, date: d.date, item: d.item, text: d.text });
  }

  let open = 0;
  let overdue = 0;
  const soon = addDays(today, ACTION_SOON_DAYS);
  for (const a of input.actions) {
    if (!a.open) continue;
    open++;
    if (a.overdue) {
      overdue++;
      items.push({ kind: 'action-overdue', urgency: 'overdue', ref: a.ref, text: a.text, owner: a.owner, due: a.due!, daysOverdue: daysBetween(a.due!, today) });
    } else if (a.due && a.due <= soon) {
      items.push({ kind: 'action-due', urgency: 'due', ref: a.ref, text: a.text, owner: a.owner, due: a.due, daysLeft: daysBetween(today, a.due) });
    }
  }
  if (open) items.push({ kind: 'actions-open', urgency: 'info', open, overdue });

  // Seats and terms as they stand today: an ended appointment left its seat vacant the day after.
  const now = modelOn(model, today);
  for (const g of now.groups.values()) {
    const vs = vacanciesOn(now, g.id, today);
    if (vs.length === 0) continue;
    const dated = vs.filter((v) => v.since !== null).sort((a, b) => (a.since! < b.since! ? -1 : 1));
    const first = dated[0];
    items.push({ kind: 'vacancy', urgency: 'upcoming', group: g.id, vacant: vs.length, seats: g.seats, since: first?.since ?? null, lastHeldBy: first?.lastHeldBy ?? null, filledBy: g.filledBy ?? 'elected' });
  }
  const window = model.file.partnership?.termWarningDays ?? TERM_WARNING_DAYS;
  for (const p of now.people.values()) {
    for (const a of p.current) {
      if (!a.to || placeState(a, today, window) !== 'ending-soon') continue;
      const filledBy = a.filled ?? (a.group ? (now.groups.get(a.group)?.filledBy ?? 'elected') : 'appointed');
      items.push({ kind: 'term-ending', urgency: 'upcoming', person: p.id, end: a.to, daysLeft: daysBetween(today, a.to), group: a.group ?? null, body: a.body ?? null, filledBy });
    }
  }

  if (input.uncommitted === null) items.push({ kind: 'no-git', urgency: 'info' });
  else if (input.uncommitted.length) items.push({ kind: 'uncommitted', urgency: 'due', files: [...input.uncommitted] });

  // Within one urgency, deadlines (notices, minutes, actions) before housekeeping.
  const housekeeping = new Set<StatusItem['kind']>(['vacancy', 'term-ending', 'uncommitted', 'no-git', 'actions-open']);
  const rank = (i: StatusItem) => URGENCIES.indexOf(i.urgency) * 2 + (housekeeping.has(i.kind) ? 1 : 0);
  const when = (i: StatusItem) => ('due' in i && typeof i.due === 'string' ? i.due : 'noticeBy' in i ? i.noticeBy : 'minutesBy' in i ? i.minutesBy : 'end' in i ? i.end : 'date' in i ? i.date : '9999');
  const order = items.map((item, n) => ({ item, n }));
  order.sort((x, y) => rank(x.item) - rank(y.item) || (when(x.item) < when(y.item) ? -1 : when(x.item) > when(y.item) ? 1 : x.n - y.n));
  next.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  return { today, next, items: order.map((o) => o.item) };
}

// ---------------------------------------------------------------------------------------------
// Register checks for `wep check`

export interface RegisterProblem extends Problem {
  meeting: string;
  /** meeting.yaml (path is a dotted path into it) or minutes.md (line and col given). */
  file: 'meeting' | 'minutes';
  line?: number;
  col?: number;
  len?: number;
  check: string;
}

export interface RegisterMeetingInput {
  id: string;
  /** meeting.yaml as written (without minutes.md entries). */
  meeting: MeetingFile;
  /** Actions typed in minutes.md, not yet in meeting.yaml, with their place in the file. */
  pendingActions: readonly { id: string; owner: string; text: string; due?: IsoDate; line: number; col: number; ownerCol?: number }[];
  /** Decisions typed in minutes.md, not yet in meeting.yaml. */
  pendingDecisions?: readonly { id: string; line: number; col: number }[];
  /** Lines of minutes.md that could not be read. */
  minutesProblems: readonly { line: number; col: number; len: number; message: string; hint?: string }[];
  /** Where minutes.md and meeting.yaml disagree (core/minutes-reconcile.ts). */
  differences?: readonly MinutesDifference[];
}

/**
 * Minutes recorded as approved (perhaps by hand) at a meeting that is not in the records, not
 * later, cancelled, or not quorate at its approval item: what `wep minutes --approved-at` refuses
 * (or, with `inquorate-approval: warn`, warns about), said again by `wep check`.
 */
export function checkApprovals(model: Model, meetings: readonly Pick<RegisterMeetingInput, 'id' | 'meeting'>[], evaluate: EvaluateQuorum): RegisterProblem[] {
  const out: RegisterProblem[] = [];
  const byId = new Map(meetings.map((m) => [m.id, m.meeting] as const));
  const warnOnly = model.file.partnership.minutes?.inquorateApproval === 'warn';
  for (const { id, meeting: m } of meetings) {
    const at = m.minutes?.approvedAt;
    if (!at) continue;
    const base = { meeting: id, file: 'meeting' as const, check: 'minutes', path: 'minutes.approved-at' };
    const a = byId.get(at);
    const problem = (message: string, hint: string, quorum = false) => out.push({ ...base, ...(quorum && warnOnly ? { severity: 'warning' as const } : {}), message, hint });
    if (!a) {
      problem(`the minutes are recorded as approved at ${at}, which is not in the records`, `correct "approved-at" to the meeting that approved them; "wep meetings" lists them`);
      continue;
    }
    if (a.date <= m.date) problem(`the minutes are recorded as approved at ${at}, which is not after the meeting`, 'minutes are approved at a later meeting, usually the next of the same body');
    else if (a.cancelled) problem(`the minutes are recorded as approved at ${at}, which was cancelled`, 'correct "approved-at" to the meeting that approved them');
    else {
      const body = model.bodies.get(a.body);
      const i = a.agenda.findIndex((it) => it.standard === 'previous-minutes');
      if (body && a.attendance) {
        const q = evaluate(modelOn(model, a.date), body, a.attendance, i < 0 ? undefined : i + 1);
        if (!q.quorate) {
          problem(
            `the minutes are recorded as approved at ${at}, which was not quorate ${i < 0 ? 'at the start' : `at item ${i + 1}`}, where it approved them`,
            'an inquorate meeting cannot approve minutes: have a later quorate meeting approve them, or correct the attendance if it is wrong',
            true,
          );
        }
      }
    }
  }
  return out;
}

const quoted = (s: string | undefined) => `"${s && s.length > 70 ? `${s.slice(0, 67)}...` : (s ?? '')}"`;

/**
 * Where minutes.md and meeting.yaml disagree, as problems. Before circulation only entries
 * missing from minutes.md are worth a word (new lines are copied in on circulation); once the
 * minutes are out, every difference is a correction that has not been recorded: an error, with
 * the way to settle it.
 */
export function checkMinutesDifferences(id: string, m: MeetingFile, differences: readonly MinutesDifference[]): RegisterProblem[] {
  const out: RegisterProblem[] = [];
  const min = m.minutes;
  const out_ = isCirculated(m);
  const approved = min?.status === 'approved' || min?.status === 'signed';
  const when = min?.circulated ? `after they were circulated on ${min.circulated}` : 'after they were circulated';
  const settle = approved
    ? `the minutes were approved${min?.approvedAt ? ` at ${min.approvedAt}` : ''}: if that meeting amended them so, record it: wep minutes --meeting ${id} --approved-at ${min?.approvedAt ?? 'MEETING'} --amendment "the change"`
    : `if the corrected minutes go out again, record it (meeting.yaml then takes minutes.md's lines): wep minutes --meeting ${id} --circulated YYYY-MM-DD --reason "what was corrected"`;
  for (const d of differences) {
    const Kind = d.entry === 'decision' ? 'DECISION' : 'ACTION';
    const list = d.entry === 'decision' ? 'decisions' : 'actions';
    if (d.kind === 'missing') {
      out.push({
        meeting: id,
        file: 'meeting',
        check: 'minutes',
        ...(out_ ? {} : { severity: 'warning' as const }),
        path: `${list}.${d.index}`,
        message: `${d.entry} ${d.id} ${quoted(d.was)} is in meeting.yaml but not in minutes.md, which is the record`,
        hint: `add the line "${Kind}: ${d.was}" under item ${d.item ?? 'N'} of minutes.md, or delete the entry from meeting.yaml`,
      });
      continue;
    }
    if (!out_) continue;
    const pos = { file: 'minutes' as const, line: d.line ?? 1, col: d.col ?? 1, len: Kind.length, path: '' };
    if (d.kind === 'added') {
      out.push({ meeting: id, check: 'minutes', ...pos, message: `this ${Kind} was added to minutes.md ${when}; meeting.yaml does not have it`, hint: approved ? settle : `${settle}; otherwise remove the line` });
    } else {
      const fields = d.fields?.join(', ') ?? 'text';
      const moved = d.kind === 'moved' ? ` (moved from item ${d.wasItem ?? '?'} to item ${d.item ?? '?'})` : '';
      out.push({
        meeting: id,
        check: 'minutes',
        ...pos,
        message: `${d.entry} ${d.id} was changed in minutes.md ${when}${moved}: its ${fields} differ${fields.includes(',') ? '' : 's'} from meeting.yaml, which has ${quoted(d.was)}`,
        hint: `${settle}; otherwise restore the line as it went out`,
      });
    }
  }
  return out;
}

/**
 * Problems in the registers: actions owned by people not in the partnership file (error, with
 * a did-you-mean), overdue actions (warning), decisions recorded while the meeting was not
 * quorate (error), minutes not circulated by their deadline (warning), and minutes.md lines
 * wep cannot read (error). Pure.
 */
export function checkRegisterProblems(model: Model, meetings: readonly RegisterMeetingInput[], decisions: readonly DecisionEntry[], today: IsoDate, evaluate?: EvaluateQuorum): RegisterProblem[] {
  const out: RegisterProblem[] = [];
  if (evaluate) out.push(...checkApprovals(model, meetings, evaluate));
  const people = [...model.people.keys()];
  const decisionsByMeeting = new Map<string, DecisionEntry[]>();
  for (const d of decisions) {
    if (!decisionsByMeeting.has(d.meetingId)) decisionsByMeeting.set(d.meetingId, []);
    decisionsByMeeting.get(d.meetingId)!.push(d);
  }
  for (const { id, meeting: m, pendingActions, pendingDecisions, minutesProblems, differences } of meetings) {
    out.push(...checkMinutesDifferences(id, m, differences ?? []));
    (m.actions ?? []).forEach((a, i) => {
      if (!model.people.has(a.owner)) {
        out.push({ meeting: id, file: 'meeting', check: 'registers', path: `actions.${i}.owner`, message: `action ${a.id} is owned by "${a.owner}", who is not in the partnership file`, hint: hintFor(a.owner, people, 'people') });
      }
      if (!a.done && a.due && a.due < today) {
        out.push({ meeting: id, file: 'meeting', check: 'registers', severity: 'warning', path: `actions.${i}.due`, message: `action ${id}/${a.id} is overdue (due ${a.due}): ${a.text}`, hint: `when it is done: wep actions done ${id}/${a.id}` });
      }
    });
    for (const a of pendingActions) {
      if (!model.people.has(a.owner)) {
        out.push({ meeting: id, file: 'minutes', check: 'registers', line: a.line, col: a.ownerCol ?? a.col, len: a.owner.length, path: '', message: `the action "${a.text}" is owned by "${a.owner}", who is not in the partnership file`, hint: hintFor(a.owner, people, 'people') });
      }
      if (a.due && a.due < today) {
        out.push({ meeting: id, file: 'minutes', check: 'registers', severity: 'warning', line: a.line, col: a.col, len: 6, path: '', message: `the action "${a.text}" is overdue (due ${a.due})`, hint: `when it is done: wep actions done ${id}/${a.id}` });
      }
    }
    for (const p of minutesProblems) out.push({ meeting: id, file: 'minutes', check: 'minutes', line: p.line, col: p.col, len: p.len, path: '', message: p.message, ...(p.hint ? { hint: p.hint } : {}) });
    const inYaml = (m.decisions ?? []).length;
    (decisionsByMeeting.get(id) ?? []).forEach((d, i) => {
      if (d.confirmation?.problem) {
        out.push({
          meeting: id,
          check: 'quorum',
          file: 'meeting',
          path: `decisions.${i}.confirmed`,
          message: `the confirmation of decision ${d.ref} does not count: ${d.confirmation.problem}`,
          hint: `name a later meeting of the same body that was quorate where it confirmed the decision: wep decisions confirm ${d.ref} --at MEETING --item N`,
        });
        return;
      }
      if (d.standing !== 'awaiting-confirmation') return;
      const shortOf = (q: typeof d.quorum, whose = '') => (q ? q.rules.filter((r) => !r.met).map((r) => `${whose}${r.description}, short by ${r.shortBy}`) : []);
      // a joint meeting: the shortfall of each body that was short, named
      const short = (d.joint ? d.joint.flatMap((j) => (j.quorate === false ? shortOf(j.quorum, `${j.bodyName}: `) : [])) : shortOf(d.quorum)).join('; ');
      const typed = i >= inYaml ? pendingDecisions?.find((p) => `${id}/${p.id}` === d.ref) : undefined;
      out.push({
        meeting: id,
        check: 'quorum',
        ...(typed ? { file: 'minutes' as const, line: typed.line, col: typed.col, len: 8, path: '' } : { file: 'meeting' as const, path: `decisions.${i}` }),
        message: `decision ${d.ref} was recorded at item ${d.item} while the meeting was not quorate${short ? ` (${short})` : ''}`,
        hint: `an inquorate meeting may discuss but not decide: once a later quorate meeting confirms it, record that: wep decisions confirm ${d.ref} --at MEETING --item N (or correct the attendance if it is wrong)`,
      });
    });
    // Minutes past their deadline are reported by the record check (core/meeting-rules.ts).
  }
  return out;
}
