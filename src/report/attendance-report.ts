/** The attendance report as Markdown (to publish), CSV (for a spreadsheet) or JSON. */
import { attendanceRate, type AttendanceReport, type GroupAttendance, type PersonAttendance, type SchoolAttendance } from '../core/attendance-report.js';
import { formatLongDate } from '../core/dates.js';

export type By = 'person' | 'group' | 'school';

export interface SchoolView {
  /** Only schools that missed at least one meeting: the letter to the schools not represented. */
  notRepresented?: boolean;
  /** School names by id. */
  schoolName: (id: string) => string;
  bodyName: (id: string) => string;
}

const pct = (n: number | null) => (n === null ? '' : `${n}%`);
const cell = (s: string) => s.replace(/\|/g, '\\|');

/** The school rows a view shows. */
export function schoolRowsOf(r: AttendanceReport, view?: Pick<SchoolView, 'notRepresented'>): SchoolAttendance[] {
  return view?.notRepresented ? r.schoolRows.filter((x) => x.missed.length > 0) : r.schoolRows;
}

const meetingDay = (r: AttendanceReport, id: string) => {
  const m = r.meetings.find((x) => x.id === id);
  return m ? formatLongDate(m.date) : id;
};

function renderSchoolRows(r: AttendanceReport, view: SchoolView): string[] {
  const rows = schoolRowsOf(r, view);
  const lines: string[] = [];
  if (view.notRepresented) {
    lines.push('## Schools not represented', '');
    if (!rows.length) lines.push('Every school was represented.');
    for (const x of rows) {
      const at = x.missed.map((id) => meetingDay(r, id)).join(', ');
      lines.push(`- ${x.name}${x.urn ? ` (URN ${x.urn})` : ''}, ${view.bodyName(x.body)}: not represented at ${x.missed.length} of ${x.meetings} meeting${x.meetings === 1 ? '' : 's'} (${at})`);
    }
    return lines;
  }
  lines.push('| School | URN | Body | Meetings | Represented | Not represented | Attended |', '|---|---|---|---:|---:|---:|---:|');
  for (const x of rows) {
    const rate = x.meetings ? Math.round((100 * x.represented) / x.meetings) : null;
    lines.push(`| ${cell(x.name)} | ${x.urn ?? ''} | ${cell(view.bodyName(x.body))} | ${x.meetings} | ${x.represented} | ${x.missed.length} | ${pct(rate)} |`);
  }
  return lines;
}

export function renderAttendanceMarkdown(r: AttendanceReport, by: By, title: string, view?: SchoolView): string[] {
  const lines = [
    `# Attendance: ${title}`,
    '',
    `${formatLongDate(r.from)} to ${formatLongDate(r.to)}: ${r.meetings.length} meeting${r.meetings.length === 1 ? '' : 's'} with attendance recorded.`,
    '',
  ];
  if (by === 'person') {
    lines.push('| Member | Group | Meetings | Present | By proxy | Apologies | Absent | Attended |', '|---|---|---:|---:|---:|---:|---:|---:|');
    for (const p of r.people) lines.push(`| ${cell(p.name)} | ${cell(p.groupName ?? '')} | ${p.meetings} | ${p.present} | ${p.proxy} | ${p.apologies} | ${p.absent} | ${pct(attendanceRate(p))} |`);
  } else if (by === 'school') {
    if (view) lines.push(...renderSchoolRows(r, view));
  } else {
    lines.push('| Group | Members | Member-meetings | Present | By proxy | Apologies | Absent | Attended |', '|---|---:|---:|---:|---:|---:|---:|---:|');
    for (const g of r.groups) lines.push(`| ${cell(g.name)} | ${g.members} | ${g.meetings} | ${g.present} | ${g.proxy} | ${g.apologies} | ${g.absent} | ${pct(attendanceRate(g))} |`);
  }
  if (r.schools.length && !(by === 'school' && view?.notRepresented)) {
    lines.push('', '## Schools represented', '', '| Meeting | Schools represented | Not represented |', '|---|---|---|');
    for (const s of r.schools) {
      const missing = s.notRepresented.map((id) => cell(view?.schoolName(id) ?? id)).join(', ');
      lines.push(`| ${formatLongDate(s.date)} | ${s.represented} out of ${s.total} schools | ${missing} |`);
    }
  }
  lines.push('', '"Attended" counts meetings attended in person or through a proxy.');
  return lines;
}

/** The report as CSV, through the one CSV writer. */
export async function renderAttendanceCsv(r: AttendanceReport, by: By, view?: Pick<SchoolView, 'notRepresented'>): Promise<string> {
  const { formatCsv } = await import('./csv.js');
  return formatCsv(
    by === 'school'
      ? [
          ['school', 'urn', 'name', 'body', 'meetings', 'represented', 'not_represented', 'not_represented_at'],
          ...schoolRowsOf(r, view).map((x) => [x.id, x.urn, x.name, x.body, x.meetings, x.represented, x.missed.length, x.missed.join(' ')]),
        ]
      : by === 'person'
      ? [
          ['id', 'name', 'group', 'meetings', 'present', 'proxy', 'apologies', 'absent', 'attended_percent'],
          ...r.people.map((p) => [p.id, p.name, p.group, p.meetings, p.present, p.proxy, p.apologies, p.absent, attendanceRate(p)]),
        ]
      : [
          ['group', 'name', 'members', 'member_meetings', 'present', 'proxy', 'apologies', 'absent', 'attended_percent'],
          ...r.groups.map((g) => [g.id, g.name, g.members, g.meetings, g.present, g.proxy, g.apologies, g.absent, attendanceRate(g)]),
        ],
  );
}

const tally = (t: PersonAttendance | GroupAttendance) => ({
  meetings: t.meetings,
  present: t.present,
  proxy: t.proxy,
  apologies: t.apologies,
  absent: t.absent,
  attendedPercent: attendanceRate(t),
});

/** The stable --format json shape. */
export function attendanceJson(r: AttendanceReport, by: By, view?: Pick<SchoolView, 'notRepresented'>) {
  return {
    from: r.from,
    to: r.to,
    body: r.body,
    by,
    meetings: r.meetings,
    unrecorded: r.unrecorded,
    rows:
      by === 'school'
        ? schoolRowsOf(r, view).map((x) => ({ id: x.id, urn: x.urn, name: x.name, body: x.body, meetings: x.meetings, represented: x.represented, notRepresented: x.missed.length, missed: x.missed }))
        : by === 'person'
        ? r.people.map((p) => ({ id: p.id, name: p.name, group: p.group, ...tally(p), marks: p.marks }))
        : r.groups.map((g) => ({ id: g.id, name: g.name, members: g.members, ...tally(g) })),
    schools: r.schools,
  };
}
