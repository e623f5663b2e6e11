/**
 * Meeting records on disk: `meetings/<id>/meeting.yaml` under the records repo. Lists them,
 * loads and validates them (with the same diagnostics as the partnership file), and resolves
 * `--meeting ID` without ever reaching outside the records.
 */
import { dirname, join, relative } from 'node:path';
import { hasErrors, type Diagnostic } from '../core/diagnostic.js';
import type { IsoDate } from '../core/dates.js';
import { DiagnosticsError, WepError } from '../core/errors.js';
import { meetingSchema, type MeetingFile } from '../core/meeting-schema.js';
import type { Positions } from '../core/pnode.js';
import { hintFor } from '../core/suggest.js';
import { cacheKey, isDiagnostics, isObject, readCache, writeCache } from './cache.js';
import { listRecordFolder, readRecordText, recordEntry } from './guarded-read.js';
import { MAX_YAML_BYTES } from './limits.js';

export const MEETINGS_DIR = 'meetings';
export const MEETING_FILE = 'meeting.yaml';
/** A meeting id is its folder name: the date, then the body, e.g. 2026-12-10-partnership. */
export const MEETING_ID = /^\d{4}-\d{2}-\d{2}-[a-z0-9][a-z0-9-]*$/;

export interface MeetingRecord {
  id: string;
  /** Absolute folder path. */
  dir: string;
  /** Absolute path of meeting.yaml. */
  path: string;
  /** Path as shown to the user (relative to where wep runs). */
  display: string;
  source: string;
  meeting: MeetingFile;
  warnings: Diagnostic[];
}

export function meetingsDir(root: string): string {
  return join(root, MEETINGS_DIR);
}

/** The records repo a meeting record belongs to: its folder is <root>/meetings/<id>. */
export const recordsRootOf = (rec: { dir: string }): string => dirname(dirname(rec.dir));

/** Ids of every meeting folder that holds a meeting.yaml, oldest first. */
export function listMeetingIds(root: string): string[] {
  const dir = meetingsDir(root);
  // a linked meeting folder is listed too, so that one leading out of the repo is refused by
  // name rather than silently left out
  return listRecordFolder(root, dir, { display: `${MEETINGS_DIR}/` })
    .filter((d) => (d.isDirectory() || d.isSymbolicLink()) && MEETING_ID.test(d.name) && hasMeetingFile(root, dir, d.name))
    .map((d) => d.name);
}

/** Checks a --meeting value names a meeting folder of this repo, or explains. */
export function verifyMeetingId(root: string, id: string): void {
  if (!MEETING_ID.test(id)) {
    throw new WepError(
      `"${id}" is not a meeting id`,
      'a meeting id is the folder name under meetings/, such as 2026-12-10-partnership; "wep meetings" lists them',
    );
  }
  if (!hasMeetingFile(root, meetingsDir(root), id)) {
    throw new WepError(`no meeting "${id}" in ${MEETINGS_DIR}/`, hintFor(id, listMeetingIds(root), 'meetings'));
  }
}

/** Whether meetings/<id>/ holds a meeting.yaml (of any kind: reading it refuses a FIFO or a folder). */
function hasMeetingFile(root: string, dir: string, id: string): boolean {
  if (recordEntry(root, join(dir, id), { display: `${MEETINGS_DIR}/${id}/` }) !== 'folder') return false;
  return recordEntry(root, join(dir, id, MEETING_FILE), { display: `${MEETINGS_DIR}/${id}/${MEETING_FILE}` }) !== 'absent';
}

export interface ParsedMeeting {
  meeting?: MeetingFile;
  diagnostics: Diagnostic[];
  positions?: Positions;
}

/**
 * What this run has parsed and was asked to remember, by name and text. `wep check` remembers
 * each record it parses for its record checks, so that its registers pass, which loads every
 * meeting again, parses none twice. Other loads keep a parse only while they use it: a cold
 * publish of 20 years otherwise held every meeting's parse tree (36 MB) to its end, and the
 * collector copied them on every pass.
 */
const parsedThisRun = new Map<string, Promise<ParsedMeeting>>();

/** Validates meeting.yaml text against the schema (cross-checks with the partnership are in core). */
export function parseMeetingSource(source: string, display: string, opts: { remember?: boolean } = {}): Promise<ParsedMeeting> {
  const key = `${display}\u0000${source}`;
  const known = parsedThisRun.get(key);
  if (known) return known;
  const parsed = import('./yaml-source.js').then(({ parseYaml }) => {
    const p = parseYaml(source, display, meetingSchema);
    return { meeting: p.value, diagnostics: p.diagnostics, positions: p.positions };
  });
  if (opts.remember) parsedThisRun.set(key, parsed);
  return parsed;
}

interface CachedMeeting {
  meeting: MeetingFile;
  warnings: Diagnostic[];
}

/** A meeting record's top-level shape (date, body, agenda), as the schema gave it. */
export const isMeetingShape = (v: unknown): v is MeetingFile => isObject(v) && typeof v.date === 'string' && typeof v.body === 'string' && typeof v.start === 'string' && Array.isArray(v.agenda);
const isCachedMeeting = (v: unknown): v is CachedMeeting => isObject(v) && isMeetingShape(v.meeting) && isDiagnostics(v.warnings);

/** Loads one meeting, from the cache when its text is unchanged. Throws on invalid records. */
export async function loadMeeting(root: string, id: string, cwd: string, env: NodeJS.ProcessEnv = process.env, opts: { keep?: boolean } = {}): Promise<MeetingRecord> {
  verifyMeetingId(root, id);
  const dir = join(meetingsDir(root), id);
  const path = join(dir, MEETING_FILE);
  const rel = relative(cwd, path);
  const display = rel && !rel.startsWith('..') ? rel : path;
  const source = readRecordText(root, path, { display, limit: MAX_YAML_BYTES });
  const key = cacheKey('meeting', source, display);
  let cached = readCache(key, isCachedMeeting, env);
  if (!cached) {
    const parsed = await parseMeetingSource(source, display);
    if (!parsed.meeting || hasErrors(parsed.diagnostics)) throw new DiagnosticsError(parsed.diagnostics, { [display]: source });
    cached = { meeting: parsed.meeting, warnings: parsed.diagnostics };
    if (opts.keep !== false) writeCache(key, cached, env);
  }
  return { id, dir, path, display, source, meeting: cached.meeting, warnings: cached.warnings };
}

/** Loads every meeting of the repo, oldest first. */
export async function loadAllMeetings(root: string, cwd: string, env: NodeJS.ProcessEnv = process.env): Promise<MeetingRecord[]> {
  const out: MeetingRecord[] = [];
  for (const id of listMeetingIds(root)) out.push(await loadMeeting(root, id, cwd, env));
  return out;
}

/** The date part of a meeting id. */
export const meetingDate = (id: string): IsoDate => id.slice(0, 10);

export type Pick = 'next' | 'latest-held';

/**
 * The meeting a command acts on: `--meeting ID` when given; otherwise the next upcoming
 * meeting (on or after today) for `next`, or the latest meeting on or before today for
 * `latest-held`. Returns how it was chosen so the command can say so.
 */
export function chooseMeetingId(root: string, today: IsoDate, requested: string | undefined, pick: Pick): { id: string; picked: boolean } {
  if (requested) {
    verifyMeetingId(root, requested);
    return { id: requested, picked: false };
  }
  const ids = listMeetingIds(root);
  if (ids.length === 0) throw new WepError(`no meetings yet in ${MEETINGS_DIR}/`, 'create one with "wep meeting new YYYY-MM-DD"');
  const id = pick === 'next' ? ids.find((m) => meetingDate(m) >= today) : [...ids].reverse().find((m) => meetingDate(m) <= today);
  if (!id) {
    throw new WepError(
      pick === 'next' ? `no upcoming meeting (on or after ${today}) in ${MEETINGS_DIR}/` : `no meeting held yet (on or before ${today}) in ${MEETINGS_DIR}/`,
      `name one with --meeting ID; known meetings: ${ids.slice(-5).join(', ')}`,
    );
  }
  return { id, picked: true };
}
