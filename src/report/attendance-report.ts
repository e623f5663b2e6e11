/** The attendance report as Markdown (to publish), CSV (for a spreadsheet) or JSON. */
import { attendanceRate, type AttendanceReport, type GroupAttendance, type PersonAttendance } from '../core/attendance-report.js';
import { formatLongDate } from '../core/dates.js';

export type By = 'person' | 'group';

const pct = (n: number | null) => (n === null ? '' : `${n}%`);
const cell = (s: string) => s.replace(/\|/g, '\\|');

export function renderAttendanceMarkdown(r: AttendanceReport, by: By, title: string): string[] {
  const lines = [
    `# Attendance: ${title}`,
    '',
    `${formatLongDate(r.from)} to ${formatLongDate(r.to)}: ${r.meetings.length} meeting${r.meetings.length === 1 ? '' : 's'} with attendance recorded.`,
    '',
  ];
  if (by === 'person') {
    lines.push('| Member | Group | Meetings | Present | By proxy | Apologies | Absent | Attended |', '|---|---|---:|---:|---:|---:|---:|---:|');
    for (const p of r.people) lines.push(`| ${cell(p.name)} | ${cell(p.groupName ?? '')} | ${p.meetings} | ${p.present} | ${p.proxy} | ${p.apologies} | ${p.absent} | ${pct(attendanceRate(p))} |`);
  } else {
    lines.push('| Group | Members | Member-meetings | Present | By proxy | Apologies | Absent | Attended |', '|---|---:|---:|---:|---:|---:|---:|---:|');
    for (const g of r.groups) lines.push(`| ${cell(g.name)} | ${g.members} | ${g.meetings} | ${g.present} | ${g.proxy} | ${g.apologies} | ${g.absent} | ${pct(attendanceRate(g))} |`);
  }
  if (r.schools.length) {
    lines.push('', '## Schools represented', '', '| Meeting | Schools represented |', '|---|---|');
    for (const s of r.schools) lines.push(`| ${formatLongDate(s.date)} | ${s.represented} out of ${s.total} schools |`);
  }
  lines.push('', '"Attended" counts meetings attended in person or through a proxy.');
  return lines;
}

/** The report as CSV, through the one CSV writer. */
export async function renderAttendanceCsv(r: AttendanceReport, by: By): Promise<string> {
  const { formatCsv } = await import('./csv.js');
  return formatCsv(
    by === 'person'
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
export function attendanceJson(r: AttendanceReport, by: By) {
  return {
    from: r.from,
    to: r.to,
    body: r.body,
    by,
    meetings: r.meetings,
    unrecorded: r.unrecorded,
    rows:
      by === 'person'
        ? r.people.map((p) => ({ id: p.id, name: p.name, group: p.group, ...tally(p), marks: p.marks }))
        : r.groups.map((g) => ({ id: g.id, name: g.name, members: g.members, ...tally(g) })),
    schools: r.schools,
  };
}
