/**
 * Named cross-reference rules for meeting records, run after the schema: ids that must exist
 * in the partnership file, a folder name that must match the record, papers that must be there,
 * and the deadlines that must have been met. Problems carry a path into meeting.yaml so the
 * report can point at the line.
 */
import { formatLongDate, type IsoDate } from './dates.js';
import { isSafePaperPath, isWebAddress, looksLikeId } from './agenda.js';
import { lateness } from './deadlines.js';
import { meetingDeadlines } from './meeting-deadlines.js';
import { meetingBodies, type MeetingFile } from './meeting-schema.js';
import { modelOn, type Model, type ResolvedBody } from './model.js';
import { formatRefusal, judgeClaims, type StandInRule } from './stand-ins.js';
import type { Problem } from './schema.js';
import { hintFor } from './suggest.js';
import { holidayWarning } from './term-dates.js';

export interface MeetingCheckInput {
  /** The folder name, e.g. 2026-12-10-partnership. */
  id: string;
  meeting: MeetingFile;
  /** Whether a paper path (relative to the meeting folder) names an existing file. */
  paperExists: (paper: string) => boolean;
}

/** What to do about a meeting in the school holidays (the warning is core/term-dates' holidayWarning). */
const HOLIDAY_HINT = 'move it into term time ("wep schedule" proposes term-time dates), or keep it if the members agreed';

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** Every problem with one meeting record, given the partnership and today's date. */
export function checkMeeting(model: Model, input: MeetingCheckInput, today: IsoDate): Problem[] {
  const { id, meeting: m } = input;
  const problems: Problem[] = [];
  const people = [...model.people.keys()];

  const person = (value: string | undefined, path: string, what: string) => {
    if (value === undefined || model.people.has(value)) return;
    problems.push({ path, message: `unknown person "${value}" (${what})`, hint: hintFor(value, people, 'people') });
  };

  // The folder name is the meeting id: its date and body must agree with the record.
  const folderDate = id.slice(0, 10);
  const folderBody = id.slice(11);
  if (folderDate !== m.date) {
    problems.push({
      path: 'date',
      message: `the record says ${m.date} but its folder is ${id}`,
      hint: `rename the folder to ${m.date}-${m.body}, or correct the date; commands choose meetings by the folder name`,
    });
  }

  const body = model.bodies.get(m.body);
  if (!body) {
    problems.push({ path: 'body', message: `unknown body "${m.body}"`, hint: hintFor(m.body, [...model.bodies.keys()], 'bodies') });
  } else if (folderBody !== m.body) {
    problems.push({ path: 'body', message: `the record is a meeting of "${m.body}" but its folder is ${id}`, hint: `rename the folder to ${m.date}-${m.body}, or correct the body` });
  }

  (m.jointWith ?? []).forEach((b, i) => {
    if (!model.bodies.has(b)) problems.push({ path: `joint-with.${i}`, message: `unknown body "${b}"`, hint: hintFor(b, [...model.bodies.keys()], 'bodies') });
    else if (b === m.body) problems.push({ path: `joint-with.${i}`, message: `a meeting of ${b} cannot be joint with itself`, hint: 'list the other bodies that meet with it' });
    else if (m.jointWith!.indexOf(b) !== i) problems.push({ path: `joint-with.${i}`, message: `"${b}" is listed twice`, hint: 'list each body once' });
  });

  if (m.end !== undefined && m.end <= m.start) {
    problems.push({ path: 'end', message: `the meeting ends (${m.end}) before it starts (${m.start})`, hint: 'write times on the 24-hour clock, e.g. start: "16:00", end: "18:00"' });
  }

  person(m.chair, 'chair', 'took the chair');
  if (m.chair && m.attendance && model.people.has(m.chair)) {
    const there = new Set([...(m.attendance.present ?? []), ...(m.attendance.proxies ?? []).map((p) => p.proxy)]);
    if (!there.has(m.chair)) {
      problems.push({
        path: 'chair',
        message: `${model.people.get(m.chair)!.name} is recorded as taking the chair but not as present`,
        hint: `add ${m.chair} to attendance.present, or correct "chair:"`,
      });
    }
  }
  person(m.calledBy, 'called-by', 'called-by');
  person(m.requestedBy, 'requested-by', 'requested-by');
  m.shortNotice?.agreedBy?.forEach((p, i) => person(p, `short-notice.agreed-by.${i}`, 'agreed to short notice'));
  m.invitees?.forEach((inv, i) => person(inv.person, `invitees.${i}.person`, 'invitee'));

  m.agenda.forEach((item, i) => {
    if (item.presenter && looksLikeId(item.presenter) && !model.people.has(item.presenter)) {
      problems.push({
        path: `agenda.${i}.presenter`,
        severity: 'warning',
        message: `presenter "${item.presenter}" looks like a person id but is not in the partnership file`,
        hint: `${hintFor(item.presenter, people, 'people')} (a presenter from outside may be given by name, e.g. "Dr A Visitor")`,
      });
    }
    if (!item.paper || isWebAddress(item.paper)) return;
    if (!isSafePaperPath(item.paper)) {
      problems.push({
        path: `agenda.${i}.paper`,
        message: `paper "${item.paper}" is outside the meeting folder`,
        hint: `put the paper in meetings/${id}/papers/ and write its path from the meeting folder, e.g. papers/report.pdf, or give its web address`,
      });
    } else if (!input.paperExists(item.paper)) {
      problems.push({
        path: `agenda.${i}.paper`,
        message: `paper "${item.paper}" for item ${i + 1} (${item.title}) is missing`,
        hint: `add the file at meetings/${id}/${item.paper}, or correct the path (it is relative to the meeting folder)`,
      });
    }
  });

  const a = m.attendance;
  if (a) {
    a.present?.forEach((p, i) => person(p, `attendance.present.${i}`, 'present'));
    a.apologies?.forEach((p, i) => person(p, `attendance.apologies.${i}`, 'apologies'));
    a.observers?.forEach((p, i) => person(p, `attendance.observers.${i}`, 'observer'));
    a.proxies?.forEach((p, i) => {
      person(p.proxy, `attendance.proxies.${i}.proxy`, 'proxy');
      person(p.for, `attendance.proxies.${i}.for`, 'proxy for');
    });
    a.arrived?.forEach((p, i) => person(p.person, `attendance.arrived.${i}.person`, 'arrived late'));
    a.left?.forEach((p, i) => person(p.person, `attendance.left.${i}.person`, 'left early'));
    a.interests?.forEach((p, i) => person(p.person, `attendance.interests.${i}.person`, 'declared an interest'));
  }
  if (a && body && !m.cancelled) problems.push(...checkStandIns(model, m, body.id));
  m.actions?.forEach((act, i) => person(act.owner, `actions.${i}.owner`, 'action owner'));
  person(m.minutes?.signed?.by, 'minutes.signed.by', 'signed the minutes');

  if (!body || m.cancelled) return problems;
  problems.push(...checkChairsOn(model, m, today));
  const d = meetingDeadlines(model, body, m.date, today);

  const holiday = holidayWarning(model, m);
  if (holiday) problems.push({ path: 'date', severity: 'warning', message: holiday, hint: HOLIDAY_HINT });

  if (m.notice?.sent) {
    const late = lateness(model.calendar, d.noticeBy.date, m.notice.sent);
    if (!late.onTime && !m.shortNotice) {
      problems.push({
        path: 'notice.sent',
        severity: 'warning',
        message: `notice was sent ${plural(late.workingDaysLate, 'working day')} late: the deadline was ${formatLongDate(d.noticeBy.date)} (${d.noticeBy.rule}), and no agreement to shorter notice is recorded`,
        hint: 'if shorter notice was agreed, record who agreed and why: wep notice --meeting ' + id + ' --short-notice-agreed "reason"',
      });
    }
  }

  const minutesOut = m.minutes?.circulated || (m.minutes && m.minutes.status !== 'draft');
  if (!minutesOut && today > d.minutesBy.date) {
    const late = lateness(model.calendar, d.minutesBy.date, today);
    problems.push({
      path: m.minutes ? 'minutes' : 'date',
      severity: 'warning',
      message: `minutes of the meeting on ${formatLongDate(m.date)} are overdue by ${plural(late.workingDaysLate, 'working day')}: they were due by ${formatLongDate(d.minutesBy.date)} (${d.minutesBy.rule})`,
      hint: `write them with "wep minutes --meeting ${id}" and record circulation with "wep minutes --circulated"`,
    });
  }
  return problems;
}

const STAND_IN_HINTS: Record<StandInRule, string> = {
  'proxies-allowed': 'the body\'s "proxies: { allowed: false }" rules proxies out: record the member as absent',
  'appointed-proxy': 'record the appointed proxy, or give the member this proxy in partnership.yaml ("proxy:"), or record them with "as: substitute" where the body allows substitutes',
  'substitutes-allowed': 'allow them with "substitutes: { allowed: true }" on the body if the terms of reference do, or record the member as absent',
  'own-group': 'a substitute is sent by the member\'s own group: choose someone in it, or allow anyone with "substitutes: { from: anyone }"',
  'voting-member': 'a stand-in stands for a voting member of the body on the meeting\'s date: correct "for:"',
  'not-a-member': 'someone on the body counts once, as themselves: list them under "present:" only',
  'no-proxy-of-proxy': 'name the member the proxy stood for, not another proxy',
  'member-absent': 'a member who came needs no stand-in: remove the entry, or the member from "present:"',
  'one-per-member': 'keep one entry per member: the person who actually stood in',
  'max-per-proxy': 'each stand-in may stand for as many members as the body\'s "proxies: max-per-proxy:" allows: remove the extra entries',
};

/** The record's proxies and substitutes, judged by the rules of core/stand-ins.ts on the meeting's date. */
function checkStandIns(model: Model, m: MeetingFile, bodyId: string): Problem[] {
  const on = modelOn(model, m.date);
  const body = on.bodies.get(bodyId)!;
  const entries = m.attendance?.proxies ?? [];
  const present = new Set((m.attendance?.present ?? []).filter((id) => !entries.some((e) => e.proxy === id)));
  const judged = judgeClaims(on, body, entries, present);
  const out: Problem[] = [];
  entries.forEach((e, i) => {
    const r = judged.refused.find((x) => x.claim === e || (x.claim.proxy === e.proxy && x.claim.for === e.for && (x.claim.as ?? 'proxy') === (e.as ?? 'proxy')));
    if (r) out.push({ path: `attendance.proxies.${i}`, message: formatRefusal(r.refusal), hint: STAND_IN_HINTS[r.refusal.rule] });
  });
  return out;
}

/** The chair and vice-chair of the body sit on it on the meeting's date. */
function checkChairsOn(model: Model, m: MeetingFile, today: IsoDate): Problem[] {
  const on = modelOn(model, m.date);
  const body = on.bodies.get(m.body)!;
  const out: Problem[] = [];
  for (const [id, what, key] of [[body.chair, 'chair', 'chair'], [body.viceChair, 'vice-chair', 'vice-chair']] as const) {
    if (!id || body.memberIds.includes(id)) continue;
    const p = on.people.get(id);
    if (!p) continue; // an unknown id is the partnership file's problem
    // A member who sits on the body on some other day: on this one they are out of office.
    if (!model.bodies.get(m.body)?.memberIds.includes(id)) continue; // never a member: reported against partnership.yaml
    const ended = p.places.map((x) => x.to).filter((d): d is string => !!d && d < m.date).sort().pop();
    const starts = p.places.map((x) => x.from).filter((d): d is string => !!d && d > m.date).sort()[0];
    const why = ended ? `: their appointment ended on ${ended}` : starts ? `: their appointment starts on ${starts}` : '';
    out.push({
      path: 'date',
      ...(m.date > today ? { severity: 'warning' as const } : {}),
      message: `the ${what} of ${body.name}, ${p.name} (${id}), is not a member of it on ${formatLongDate(m.date)}${why}`,
      hint: `renew ${id}'s appointment in partnership.yaml, or name the body's ${what} on that date ("${key}:" of bodies "${body.id}")`,
    });
  }
  return out;
}

/** Minutes since midnight of "HH:MM". */
const minutesOf = (t: string) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3, 5));
const hhmm = (n: number) => `${String(Math.min(23, Math.floor(n / 60))).padStart(2, '0')}:${String(n % 60).padStart(2, '0')}`;

/**
 * When a meeting ends: its own end time, else as long as the body's usual meeting (start to
 * end), else two hours.
 */
export function meetingEnd(m: Pick<MeetingFile, 'start' | 'end'>, body: Pick<ResolvedBody, 'start' | 'end'> | undefined): string {
  if (m.end) return m.end;
  const usual = body?.start && body.end ? minutesOf(body.end) - minutesOf(body.start) : 120;
  return hhmm(minutesOf(m.start) + (usual > 0 ? usual : 120));
}

/** Who is expected at a meeting: the members of each of its bodies, and the clerk. */
function expectedAt(model: Model, m: MeetingFile): Set<string> {
  return new Set(meetingBodies(m).flatMap((b) => model.bodies.get(b)?.memberIds ?? []));
}

/**
 * Meetings at overlapping times on the same day with someone in common: a member or officer
 * of both bodies, or the clerk, who clerks every meeting of the partnership. Each clash is
 * reported on the later meeting of the pair (by id), pointing at its start time.
 */
export function checkClashes(model: Model, meetings: readonly { id: string; meeting: MeetingFile }[]): { id: string; problem: Problem }[] {
  const out: { id: string; problem: Problem }[] = [];
  const live = meetings.filter((x) => !x.meeting.cancelled && model.bodies.has(x.meeting.body));
  const byDate = new Map<string, typeof live>();
  for (const x of live) byDate.set(x.meeting.date, [...(byDate.get(x.meeting.date) ?? []), x]);
  for (const same of byDate.values()) {
    for (let i = 0; i < same.length; i++) {
      for (let j = i + 1; j < same.length; j++) {
        const [a, b] = [same[i]!, same[j]!];
        const [aStart, aEnd] = [minutesOf(a.meeting.start), minutesOf(meetingEnd(a.meeting, model.bodies.get(a.meeting.body)))];
        const [bStart, bEnd] = [minutesOf(b.meeting.start), minutesOf(meetingEnd(b.meeting, model.bodies.get(b.meeting.body)))];
        if (!(aStart < bEnd && bStart < aEnd)) continue;
        const inA = expectedAt(model, a.meeting);
        const common = [...expectedAt(model, b.meeting)].filter((p) => inA.has(p)).map((p) => model.people.get(p)?.name ?? p);
        const who = [...common.slice(0, 3), ...(common.length > 3 ? [`${common.length - 3} more`] : [])];
        const clerk = model.file.partnership.clerk.name;
        out.push({
          id: b.id,
          problem: {
            path: 'start',
            severity: 'warning',
            message: `clashes with ${a.id} (${a.meeting.start} to ${hhmm(aEnd)}): ${who.length ? `${who.join(', ')} and the clerk, ${clerk}, are` : `the clerk, ${clerk}, is`} expected at both`,
            hint: 'move one of them to another time or day ("wep schedule" staggers bodies that share members)',
          },
        });
      }
    }
  }
  return out;
}
