import { attendanceReport } from '../attendance-report.js';
import { yearOf } from '../dates.js';
import { meetingBodies } from '../meeting-schema.js';
import type { Model } from '../model.js';
import { SITE_PATHS, type AttendanceYearView, type MeetingView, type SiteMeetingInput } from './types.js';

/**
 * Attendance per member and per partner group, per calendar year, for held meetings with
 * attendance recorded: the same counts as `wep report attendance` (core/attendance-report).
 */
export function planAttendanceYears(model: Model, views: readonly MeetingView[], records: readonly SiteMeetingInput[]): AttendanceYearView[] {
  const isHeld = new Set(views.filter((v) => v.status === 'held').map((v) => v.id));
  const held = records.filter((r) => isHeld.has(r.id) && r.meeting.attendance);
  const years = [...new Set(held.map((r) => yearOf(r.meeting.date)))].sort((a, b) => b - a);
  return years.map((year) => {
    const range = { from: `${year}-01-01`, to: `${year}-12-31` };
    const ofYear = held.filter((r) => yearOf(r.meeting.date) === year);
    // a joint meeting counts in the register of each of its bodies, for that body's members
    const bodyIds = [...model.bodies.keys()].filter((b) => ofYear.some((r) => meetingBodies(r.meeting).includes(b)));
    return {
      year,
      path: SITE_PATHS.attendanceYear(year),
      bodies: bodyIds.map((bodyId) => {
        const report = attendanceReport(model, ofYear, { ...range, body: bodyId });
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

