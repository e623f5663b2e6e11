/**
 * Attendance across meetings, ready to publish: per member and per partner group, how often
 * present, represented by a proxy, with apologies, or absent; and for bodies whose members
 * represent schools, schools represented out of the total ("18 out of 28 schools").
 */
import type { IsoDate } from './dates.js';
import { meetingBodies, type Attendance, type MeetingFile } from './meeting-schema.js';
import { modelOn, type Model, type ResolvedBody } from './model.js';
import { isOpen, schoolsOf } from './schools.js';

export const MARKS = ['present', 'proxy', 'apologies', 'absent'] as const;
export type Mark = (typeof MARKS)[number];

export interface Tally {
  /** Meetings the person (or the group's members) were expected at. */
  meetings: number;
  present: number;
  proxy: number;
  apologies: number;
  absent: number;
}

export interface PersonAttendance extends Tally {
  id: string;
  name: string;
  group: string | null;
  groupName: string | null;
  /** Mark per meeting id, in meeting order. */
  marks: { meeting: string; mark: Mark }[];
}

export interface GroupAttendance extends Tally {
  id: string | null;
  name: string;
  members: number;
}

export interface SchoolsRepresented {
  meeting: string;
  date: IsoDate;
  body: string;
  represented: number;
  total: number;
  /** The body's schools that sent no one (in person or by proxy), in register order. */
  notRepresented: string[];
}

/** One school at the meetings of one body that counts by school. */
export interface SchoolAttendance {
  id: string;
  name: string;
  urn: string | null;
  body: string;
  meetings: number;
  represented: number;
  /** Meetings the school was not represented at, in meeting order. */
  missed: string[];
}

export interface AttendanceReport {
  from: IsoDate;
  to: IsoDate;
  body: string | null;
  meetings: { id: string; date: IsoDate; body: string }[];
  /** Meetings in range with no attendance recorded (left out of the counts). */
  unrecorded: string[];
  people: PersonAttendance[];
  groups: GroupAttendance[];
  schools: SchoolsRepresented[];
  /** Per school, for bodies that count by school. */
  schoolRows: SchoolAttendance[];
}

/** Bodies whose attendance is counted by school: `attendance-by: school`, or a schools-represented quorum. */
export function countsBySchool(body: Pick<ResolvedBody, 'attendanceBy' | 'quorum'>): boolean {
  return body.attendanceBy === 'school' || (body.quorum ?? []).some((q) => q.kind === 'schools-represented');
}

/** How one member stood at one meeting. A proxy present for them beats apologies. */
export function markOf(a: Attendance, id: string): Mark {
  return marksOf(a).get(id) ?? 'absent';
}

/** Each person's mark in one record, worked out once: a register of 20 years asks it of every member at every meeting. */
const marks = new WeakMap<Attendance, Map<string, Mark>>();
function marksOf(a: Attendance): Map<string, Mark> {
  let m = marks.get(a);
  if (!m) {
    m = new Map();
    // weakest first, so a stronger mark overrides: present, then represented by a proxy, then apologies
    for (const id of a.apologies ?? []) m.set(id, 'apologies');
    for (const p of a.proxies ?? []) m.set(p.for, 'proxy');
    for (const x of a.arrived ?? []) m.set(x.person, 'present');
    for (const id of a.present ?? []) m.set(id, 'present');
    marks.set(a, m);
  }
  return m;
}

const empty = (): Tally => ({ meetings: 0, present: 0, proxy: 0, apologies: 0, absent: 0 });

/** The attendance report over meetings dated from..to inclusive (optionally one body, its joint meetings included). Pure. */
export function attendanceReport(
  model: Model,
  meetings: readonly { id: string; meeting: MeetingFile }[],
  range: { from: IsoDate; to: IsoDate; body?: string },
): AttendanceReport {
  const inRange = meetings.filter(
    ({ meeting: m }) => m.date >= range.from && m.date <= range.to && !m.cancelled && (!range.body || meetingBodies(m).includes(range.body)) && model.bodies.has(m.body),
  );
  const recorded = inRange.filter((x) => x.meeting.attendance);
  const people = new Map<string, PersonAttendance>();
  const schools: SchoolsRepresented[] = [];
  // by body, then school: a thousand meetings of four hundred schools each
  const schoolRows = new Map<string, Map<string, SchoolAttendance>>();
  const schoolList: SchoolAttendance[] = [];
  for (const { id, meeting: m } of recorded) {
    // Who was a member, and for which group, on the meeting's own date.
    const on = modelOn(model, m.date);
    const a = m.attendance!;
    // A joint meeting is a meeting of each of its bodies: one body's report counts that body's
    // members; a report of every body counts the members of each, a member of two once.
    const counted = new Set<string>();
    for (const bodyId of range.body ? [range.body] : meetingBodies(m)) {
      const body = on.bodies.get(bodyId);
      if (!body) continue;
      const represented = new Set<string>();
      const allSchools = new Set<string>(body.schoolIds);
      for (const pid of body.memberIds) {
        const mark = markOf(a, pid);
        for (const sid of schoolsOf(model, pid)) {
          if (!isOpen(model.schools.get(sid)!)) continue;
          allSchools.add(sid);
          if (mark === 'present' || mark === 'proxy') represented.add(sid);
        }
        if (counted.has(pid)) continue;
        counted.add(pid);
        const p = on.people.get(pid)!;
        const group = body.sittings.get(pid)?.group;
        let row = people.get(pid);
        if (!row) {
          row = { id: pid, name: p.name, group: group ?? null, groupName: group ? (model.groups.get(group)?.name ?? group) : null, ...empty(), marks: [] };
          people.set(pid, row);
        }
        row.meetings++;
        row[mark]++;
        row.marks.push({ meeting: id, mark });
      }
      if (countsBySchool(body)) {
        const order = [...model.schools.keys()].filter((sid) => allSchools.has(sid));
        const notRepresented = order.filter((sid) => !represented.has(sid));
        schools.push({ meeting: id, date: m.date, body: bodyId, represented: represented.size, total: allSchools.size, notRepresented });
        let ofBody = schoolRows.get(bodyId);
        if (!ofBody) schoolRows.set(bodyId, (ofBody = new Map()));
        for (const sid of order) {
          let row = ofBody.get(sid);
          if (!row) {
            const s = model.schools.get(sid)!;
            row = { id: sid, name: s.name, urn: s.urn ?? null, body: bodyId, meetings: 0, represented: 0, missed: [] };
            ofBody.set(sid, row);
            schoolList.push(row);
          }
          row.meetings++;
          if (represented.has(sid)) row.represented++;
          else row.missed.push(id);
        }
      }
    }
  }
  // Group rows in the file's group order, people without a group last.
  const order = [...model.groups.keys()];
  const rows = [...people.values()].sort((x, y) => {
    const gx = x.group ? order.indexOf(x.group) : order.length;
    const gy = y.group ? order.indexOf(y.group) : order.length;
    return gx - gy;
  });
  const groups = new Map<string | null, GroupAttendance>();
  for (const r of rows) {
    let g = groups.get(r.group);
    if (!g) {
      g = { id: r.group, name: r.groupName ?? 'Not in a partner group', members: 0, ...empty() };
      groups.set(r.group, g);
    }
    g.members++;
    for (const k of ['meetings', ...MARKS] as const) g[k] += r[k];
  }
  return {
    from: range.from,
    to: range.to,
    body: range.body ?? null,
    meetings: recorded.map((x) => ({ id: x.id, date: x.meeting.date, body: x.meeting.body })),
    unrecorded: inRange.filter((x) => !x.meeting.attendance).map((x) => x.id),
    people: rows,
    groups: [...groups.values()],
    schools,
    schoolRows: schoolList,
  };
}

/** Share of meetings attended in person or by proxy, as a whole percentage (null with no meetings). */
export function attendanceRate(t: Tally): number | null {
  return t.meetings ? Math.round((100 * (t.present + t.proxy)) / t.meetings) : null;
}
