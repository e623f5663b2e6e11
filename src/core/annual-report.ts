/**
 * The annual report a partnership sends its council's Overview and Scrutiny committee, for
 * one school year: meetings held and whether they were quorate, notice and minutes against
 * their deadlines (with the rule), attendance by member, partner group and school, decisions
 * (valid, confirmed after an inquorate meeting, or still awaiting confirmation) and actions
 * (completed, open, overdue). Pure: records and today in, data out. Confidential items'
 * decisions are counted but their text is left out: the report is a public paper.
 */
import type { LoggedAction } from './actions.js';
import { attendanceReport, type AttendanceReport, type Tally } from './attendance-report.js';
import type { IsoDate } from './dates.js';
import { lateness } from './deadlines.js';
import type { DecisionEntry, DecisionStanding } from './decisions.js';
import { meetingDeadlines } from './meeting-deadlines.js';
import { meetingBodies, type MeetingFile } from './meeting-schema.js';
import type { QuorumView } from './minutes.js';
import type { Model, ResolvedBody } from './model.js';

/** "2026-27" -> 1 September 2026 to 31 August 2027; a problem for anything else. */
export function parseSchoolYear(year: string): { from: IsoDate; to: IsoDate } | { problem: string } {
  const m = /^(\d{4})-(\d{2})$/.exec(year);
  if (!m) return { problem: `"${year}" is not a school year` };
  const start = Number(m[1]);
  if ((start + 1) % 100 !== Number(m[2])) return { problem: `"${year}" is not a school year: ${start} is followed by ${String((start + 1) % 100).padStart(2, '0')}` };
  return { from: `${start}-09-01`, to: `${start + 1}-08-31` };
}

export interface DeadlineOutcome {
  by: IsoDate;
  /** The rule in words, e.g. "no fewer than 7 working days before the meeting". */
  rule: string;
  done: IsoDate | null;
  /** null: not done (yet). */
  onTime: boolean | null;
  workingDaysLate: number;
}

export interface AnnualMeeting {
  id: string;
  date: IsoDate;
  body: string;
  bodyName: string;
  cancelled: boolean;
  held: boolean;
  /** Quorate at the start: null when no attendance is recorded. */
  quorate: boolean | null;
  notice: DeadlineOutcome & { shortNotice: string | null };
  minutes: DeadlineOutcome & { status: string };
}

export interface SchoolAttendance extends Tally {
  id: string;
  name: string;
}

export interface AnnualReport {
  year: string;
  from: IsoDate;
  to: IsoDate;
  partnership: string;
  bodies: { id: string; name: string; noticeRule: string; minutesRule: string }[];
  meetings: AnnualMeeting[];
  summary: {
    scheduled: number;
    held: number;
    cancelled: number;
    quorate: number;
    inquorate: number;
    quorumUnknown: number;
    noticeOnTime: number;
    noticeLate: number;
    noticeNotRecorded: number;
    minutesOnTime: number;
    minutesLate: number;
    minutesOutstanding: number;
  };
  attendance: AttendanceReport;
  schools: SchoolAttendance[];
  decisions: { counts: Record<DecisionStanding, number>; list: (Omit<DecisionEntry, 'text'> & { text: string | null })[] };
  actions: { set: number; completed: number; open: number; overdue: number; overdueList: LoggedAction[] };
}

export interface AnnualInput {
  meetings: readonly { id: string; meeting: MeetingFile }[];
  decisions: readonly DecisionEntry[];
  actions: readonly LoggedAction[];
  /** The quorum at the start of a meeting (the quorum engine, injected). */
  quorumAtStart: (body: ResolvedBody, meeting: MeetingFile) => QuorumView | undefined;
}

const outcome = (model: Model, by: { date: IsoDate; rule: string }, done: IsoDate | undefined | null): DeadlineOutcome => {
  const late = done ? lateness(model.calendar, by.date, done) : null;
  return { by: by.date, rule: by.rule, done: done ?? null, onTime: late ? late.onTime : null, workingDaysLate: late?.workingDaysLate ?? 0 };
};

/** The report for `year` (e.g. "2026-27") over one body or all. The year must parse (parseSchoolYear). */
export function buildAnnualReport(model: Model, input: AnnualInput, range: { year: string; from: IsoDate; to: IsoDate; body?: string }, today: IsoDate): AnnualReport {
  // a joint meeting is in the report of each of its bodies, with that body's rules and quorum
  const inYear = input.meetings.filter(({ meeting: m }) => m.date >= range.from && m.date <= range.to && (!range.body || meetingBodies(m).includes(range.body)) && model.bodies.has(m.body));
  const meetings: AnnualMeeting[] = inYear.map(({ id, meeting: m }) => {
    const body = model.bodies.get(range.body ?? m.body) ?? model.bodies.get(m.body)!;
    const d = meetingDeadlines(model, body, m.date, today);
    const held = !m.cancelled && m.date <= today;
    const q = held ? input.quorumAtStart(body, m) : undefined;
    return {
      id,
      date: m.date,
      body: body.id,
      bodyName: body.name,
      cancelled: !!m.cancelled,
      held,
      quorate: q ? q.quorate : null,
      notice: { ...outcome(model, d.noticeBy, m.notice?.sent), shortNotice: m.shortNotice?.reason ?? null },
      minutes: { ...outcome(model, d.minutesBy, m.minutes?.circulated), status: m.minutes?.status ?? (held ? 'not written' : 'not yet due') },
    };
  });
  const held = meetings.filter((m) => m.held);
  const summary: AnnualReport['summary'] = {
    scheduled: meetings.length,
    held: held.length,
    cancelled: meetings.filter((m) => m.cancelled).length,
    quorate: held.filter((m) => m.quorate === true).length,
    inquorate: held.filter((m) => m.quorate === false).length,
    quorumUnknown: held.filter((m) => m.quorate === null).length,
    noticeOnTime: held.filter((m) => m.notice.onTime === true || (m.notice.onTime === false && m.notice.shortNotice !== null)).length,
    noticeLate: held.filter((m) => m.notice.onTime === false && m.notice.shortNotice === null).length,
    noticeNotRecorded: held.filter((m) => m.notice.onTime === null).length,
    minutesOnTime: held.filter((m) => m.minutes.onTime === true).length,
    minutesLate: held.filter((m) => m.minutes.onTime === false).length,
    minutesOutstanding: held.filter((m) => m.minutes.onTime === null).length,
  };

  const attendance = attendanceReport(model, inYear, { from: range.from, to: range.to, ...(range.body ? { body: range.body } : {}) });
  const bySchool = new Map<string, SchoolAttendance>();
  for (const p of attendance.people) {
    const schoolId = model.people.get(p.id)?.school;
    if (!schoolId) continue;
    let row = bySchool.get(schoolId);
    if (!row) {
      row = { id: schoolId, name: model.schools.get(schoolId)?.name ?? schoolId, meetings: 0, present: 0, proxy: 0, apologies: 0, absent: 0 };
      bySchool.set(schoolId, row);
    }
    for (const k of ['meetings', 'present', 'proxy', 'apologies', 'absent'] as const) row[k] += p[k];
  }

  const ids = new Set(inYear.map((m) => m.id));
  const decisions = input.decisions.filter((d) => ids.has(d.meetingId));
  const counts: Record<DecisionStanding, number> = { valid: 0, confirmed: 0, 'awaiting-confirmation': 0, unknown: 0 };
  for (const d of decisions) counts[d.standing]++;
  const actions = input.actions.filter((a) => ids.has(a.meetingId));
  const overdueList = actions.filter((a) => a.open && a.due !== undefined && a.due < today);
  return {
    year: range.year,
    from: range.from,
    to: range.to,
    partnership: model.file.partnership.name,
    bodies: [...new Set(meetings.map((m) => m.body))].map((id) => {
      const b = model.bodies.get(id)!;
      const sample = meetings.find((m) => m.body === id)!;
      return { id, name: b.name, noticeRule: sample.notice.rule, minutesRule: sample.minutes.rule };
    }),
    meetings,
    summary,
    attendance,
    schools: [...bySchool.values()].sort((a, b) => a.name.localeCompare(b.name)),
    decisions: { counts, list: decisions.map((d) => ({ ...d, text: d.confidential ? null : d.text, itemTitle: d.confidential ? 'Confidential item' : d.itemTitle })) },
    actions: { set: actions.length, completed: actions.filter((a) => !a.open).length, open: actions.filter((a) => a.open).length, overdue: overdueList.length, overdueList },
  };
}
