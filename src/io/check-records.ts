/**
 * `wep check` for the meeting records: every meeting.yaml is parsed and validated against the
 * schema (problems with FILE:LINE:COL), then checked against the partnership file by the named
 * rules in core/meeting-rules.ts (unknown ids, missing papers, late notice, overdue minutes).
 */
import { isRecordFile, readRecordText, recordEntry, RefusedFileError } from './guarded-read.js';
import { MAX_YAML_BYTES } from './limits.js';
import { join } from 'node:path';
import { hasErrors, locate, type Diagnostic } from '../core/diagnostic.js';
import type { IsoDate } from '../core/dates.js';
import { checkClashes, checkMeeting } from '../core/meeting-rules.js';
import type { MeetingFile } from '../core/meeting-schema.js';
import type { Positions } from '../core/pnode.js';
import type { Model } from '../core/model.js';
import { listMeetingIds, MEETING_FILE, meetingsDir, parseMeetingSource } from './meetings.js';
import { displayPath } from './partnership-file.js';

/**
 * Validates every meeting record of the repo at `root`. Paths in messages are relative to
 * `cwd`. `papers` says which paper paths were looked for and whether each was a file: what the
 * result depends on besides the records' text.
 */
export async function checkRecords(
  root: string,
  cwd: string,
  model: Model,
  today: IsoDate,
): Promise<{ diagnostics: Diagnostic[]; sources: Record<string, string>; papers: Record<string, boolean> }> {
  const diagnostics: Diagnostic[] = [];
  const sources: Record<string, string> = {};
  const valid: { id: string; meeting: MeetingFile; display: string; positions: Positions }[] = [];
  const papers: Record<string, boolean> = {};
  for (const id of listMeetingIds(root)) {
    const dir = join(meetingsDir(root), id);
    const path = join(dir, MEETING_FILE);
    const display = displayPath(cwd, path);
    const source = readRecordText(root, path, { display, limit: MAX_YAML_BYTES });
    sources[display] = source;
    // remembered for the registers pass, which loads each meeting again (io/meetings.ts)
    const parsed = await parseMeetingSource(source, display, { remember: true });
    diagnostics.push(...parsed.diagnostics);
    if (!parsed.meeting || hasErrors(parsed.diagnostics)) continue;
    // a paper is there when it is a regular file inside the meeting's folder (a link out of it, or a FIFO, is not)
    const paperExists = (paper: string) => {
      const p = join(dir, paper);
      return (papers[p] = isRecordFile(dir, p));
    };
    const agenda = parsed.meeting.agenda ?? [];
    // a paper that is there but refused says why (a link out of the folder, a FIFO), not "missing"
    const problems = checkMeeting(model, { id, meeting: parsed.meeting, paperExists }, today).map((p) => {
      const i = /^agenda\.(\d+)\.paper$/.exec(p.path)?.[1];
      const paper = i === undefined ? undefined : agenda[Number(i)]?.paper;
      if (paper === undefined || !/ is missing$/.test(p.message)) return p;
      try {
        recordEntry(dir, join(dir, paper), { display: paper });
        return p;
      } catch (e) {
        return e instanceof RefusedFileError ? { ...p, message: `paper for item ${Number(i) + 1}: ${e.message}`, hint: e.hint } : p;
      }
    });
    diagnostics.push(...locate(problems, display, parsed.positions ?? new Map(), 'meetings'));
    valid.push({ id, meeting: parsed.meeting, display, positions: parsed.positions ?? new Map() });
  }
  // Across meetings: two at overlapping times with someone expected at both.
  const at = new Map(valid.map((v) => [v.id, v]));
  for (const { id, problem } of checkClashes(model, valid)) {
    const v = at.get(id)!;
    diagnostics.push(...locate([problem], v.display, v.positions, 'meetings'));
  }
  return { diagnostics, sources, papers };
}
