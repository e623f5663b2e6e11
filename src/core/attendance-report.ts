/**
 * Attendance across meetings, ready to publish: per member and per partner group, how often
 * present, represented by a proxy, with apologies, or absent; and for bodies whose members
 * represent schools, schools represented out of the total ("18 out of 28 schools").
 */
import type { IsoDate } from './dates.js';
import { meetingBodies, type Attendance, type MeetingFile } from './meeting-schema.js';
import type { Model } from './model.js';

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
}

/** How one member stood at one meeting. A proxy present for them beats apologies. */
export function markOf(a: Attendance, id: string): Mark {
  if ((a.present ?? []).includes(id) || (a.arrived ?? []).some((x) => x.person === id)) return 'present';
  if ((a.proxies ?? []).some((p) => p.for === id)) return 'proxy';
  if ((a.apologies ?? []).includes(id)) return 'apologies';
  return 'absent';
}

const empty = (): Tally => ({ meetings: 0, present: 0, proxy: 0, apologies: 0, absent: 0 });

/** The attendance report over meetings dated from..to inclusive (optionally one body). Pure. */
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
  for (const { id, meeting: m } of recorded) {
    const body = model.bodies.get(m.body)!;
    const a = m.attendance!;
    const represented = new Set<string>();
    const allSchools = new Set<string>();
    for (const pid of body.memberIds) {
      const p = model.people.get(pid)!;
      let row = people.get(pid);
      if (!row) {
        row = { id: pid, name: p.name, group: p.group ?? null, groupName: p.group ? (model.groups.get(p.group)?.name ?? p.group) : null, ...empty(), marks: [] };
        people.set(pid, row);
      }
      const mark = markOf(a, pid);
      row.meetings++;
      row[mark]++;
      row.marks.push({ meeting: id, mark });
      if (p.school) {
        allSchools.add(p.school);
        if (mark === 'present' || mark === 'proxy') represented.add(p.school);
      }
    }
    if (body.attendanceBy === 'school') schools.push({ meeting: id, date: m.date, body: m.body, represented: represented.size, total: allSchools.size });
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
  };
}

/** Share of meetings attended in person or by proxy, as a whole percentage (null with no meetings). */
export function attendanceRate(t: Tally): number | null {
  return t.meetings ? Math.round((100 * (t.present + t.proxy)) / t.meetings) : null;
}
