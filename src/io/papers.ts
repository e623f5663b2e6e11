/**
 * The papers of a meeting on disk: which local papers the agenda names exist in the meeting
 * folder, and their SHA-256 (recorded when the notice is sent, so a paper changed or added
 * later is known to be late). Paths never reach outside the meeting folder.
 */
import { join } from 'node:path';
import { isSafePaperPath, isWebAddress } from '../core/agenda.js';
import type { MeetingFile } from '../core/meeting-schema.js';
import { readRecordBytesIfExists, RefusedFileError } from './guarded-read.js';
import { sha256Hex } from './sha256.js';

/** Papers may be large PDFs; wep reads one of up to this size. */
export const MAX_PAPER_BYTES = 200 * 1024 * 1024;

export interface PaperFile {
  /** As written in meeting.yaml. */
  paper: string;
  path: string;
  sha256: string;
  bytes: Buffer;
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
    let bytes: Buffer | undefined;
    try {
      // through the guarded reader: never a link out of the meeting folder, a FIFO, a device
      bytes = readRecordBytesIfExists(dir, path, { limit: MAX_PAPER_BYTES });
    } catch (e) {
      if (e instanceof RefusedFileError) continue; // "wep check" says why; here it is not there
      throw e;
    }
    if (bytes === undefined) continue;
    out.push({ paper, path, sha256: sha256Hex(bytes), bytes });
  }
  return out;
}
