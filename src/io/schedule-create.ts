/**
 * Writes the meeting.yaml of a scheduled meeting, with the standard agenda from
 * src/core/agenda.ts (the same text `wep meeting new` writes). A meeting already on disk is
 * never replaced. Kept apart so it can merge with `wep meeting new` into one createMeeting.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { renderNewMeetingYaml } from '../core/agenda.js';
import type { IsoDate } from '../core/dates.js';
import type { ResolvedBody } from '../core/model.js';
import type { Venue } from '../core/partnership-schema.js';
import { writeFileAtomic } from './fs.js';
import { MEETING_FILE, meetingsDir } from './meetings.js';

export interface ScheduledMeeting {
  body: ResolvedBody;
  date: IsoDate;
  start: string;
  end?: string;
  venue?: Venue;
}

/** Path of the meeting.yaml of a meeting of `body` on `date`. */
export function scheduledMeetingPath(root: string, body: string, date: IsoDate): string {
  return join(meetingsDir(root), `${date}-${body}`, MEETING_FILE);
}

/** Creates the meeting folder and meeting.yaml; returns false (and writes nothing) if it exists. */
export function writeScheduledMeeting(root: string, m: ScheduledMeeting): { path: string; created: boolean } {
  const path = scheduledMeetingPath(root, m.body.id, m.date);
  if (existsSync(path)) return { path, created: false };
  writeFileAtomic(path, renderNewMeetingYaml({ body: m.body, date: m.date, start: m.start, end: m.end, venue: m.venue, calledBy: m.body.chair }));
  return { path, created: true };
}
