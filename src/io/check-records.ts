/**
 * `wep check` for the meeting records: every meeting.yaml is parsed and validated against the
 * schema (problems with FILE:LINE:COL), then checked against the partnership file by the named
 * rules in core/meeting-rules.ts (unknown ids, missing papers, late notice, overdue minutes).
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { hasErrors, locate, type Diagnostic } from '../core/diagnostic.js';
import type { IsoDate } from '../core/dates.js';
import { checkMeeting } from '../core/meeting-rules.js';
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
  const papers: Record<string, boolean> = {};
  for (const id of listMeetingIds(root)) {
    const dir = join(meetingsDir(root), id);
    const path = join(dir, MEETING_FILE);
    const display = displayPath(cwd, path);
    const source = readFileSync(path, 'utf8');
    sources[display] = source;
    const parsed = await parseMeetingSource(source, display);
    diagnostics.push(...parsed.diagnostics);
    if (!parsed.meeting || hasErrors(parsed.diagnostics)) continue;
    const paperExists = (paper: string) => {
      const p = join(dir, paper);
      return (papers[p] = existsSync(p) && statSync(p).isFile());
    };
    const problems = checkMeeting(model, { id, meeting: parsed.meeting, paperExists }, today);
    diagnostics.push(...locate(problems, display, parsed.positions ?? new Map(), 'meetings'));
  }
  return { diagnostics, sources, papers };
}
