/**
 * The papers of a meeting on disk: which local papers the agenda names exist in the meeting
 * folder, and their SHA-256 (recorded when the notice is sent, so a paper changed or added
 * later is known to be late). Paths never reach outside the meeting folder.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { isSafePaperPath, isWebAddress } from '../core/agenda.js';
import type { MeetingFile } from '../core/meeting-schema.js';

export interface PaperFile {
  /** As written in meeting.yaml. */
  paper: string;
  path: string;
  sha256: string;
}

/** The local papers of the agenda that exist as files in the meeting folder, in agenda order, once each. */
export function readPaperFiles(dir: string, meeting: MeetingFile): PaperFile[] {
  const seen = new Set<string>();
  const out: PaperFile[] = [];
  for (const item of meeting.agenda) {
    const paper = item.paper;
    if (!paper || isWebAddress(paper) || !isSafePaperPath(paper) || seen.has(paper)) continue;
    seen.add(paper);
    const path = join(dir, paper);
    if (!existsSync(path) || !statSync(path).isFile()) continue;
    out.push({ paper, path, sha256: createHash('sha256').update(readFileSync(path)).digest('hex') });
  }
  return out;
}
