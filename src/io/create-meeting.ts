/**
 * Creates a meeting record: the folder and its meeting.yaml with the standard agenda from
 * src/core/agenda.ts. Used by `wep meeting new` and `wep schedule --create`. A meeting already
 * on disk is never replaced.
 */
import { join } from 'node:path';
import { renderNewMeetingYaml } from '../core/agenda.js';
import type { IsoDate } from '../core/dates.js';
import type { ResolvedBody } from '../core/model.js';
import type { Venue } from '../core/partnership-schema.js';
import { writeRecordFile } from './fs.js';
import { recordEntry } from './guarded-read.js';
import { MEETING_FILE, meetingsDir } from './meetings.js';

export interface NewMeeting {
  body: ResolvedBody;
  date: IsoDate;
  start: string;
  end?: string;
  venue?: Venue;
  requestedBy?: string;
  jointWith?: readonly ResolvedBody[];
}

/** Path of the meeting.yaml of a meeting of `body` on `date`. */
export function meetingPath(root: string, body: string, date: IsoDate): string {
  return join(meetingsDir(root), `${date}-${body}`, MEETING_FILE);
}

/** Creates the meeting folder and meeting.yaml; returns false (and writes nothing) if it exists. */
export function createMeeting(root: string, m: NewMeeting): { path: string; created: boolean } {
  const path = meetingPath(root, m.body.id, m.date);
  if (recordEntry(root, path) !== 'absent') return { path, created: false };
  const text = renderNewMeetingYaml({ body: m.body, date: m.date, start: m.start, end: m.end, venue: m.venue, calledBy: m.body.chair, requestedBy: m.requestedBy, jointWith: m.jointWith });
  // expected: null, so a meeting another run created meanwhile is refused, never replaced
  writeRecordFile(path, text, { root, expected: null });
  return { path, created: true };
}
