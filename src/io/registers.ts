/**
 * The registers' view of the records: every meeting.yaml, with the ACTION and DECISION lines
 * of its minutes.md. minutes.md is the clerk's text and the source of truth: its lines are
 * what the registers list (core/minutes-reconcile.ts pairs them with meeting.yaml's entries,
 * which keep ids, done and confirmed). Every lifecycle step copies the lines into meeting.yaml;
 * `wep check` reports where the two disagree once the minutes are out.
 * The YAML edits that record them are in register-edits.ts, so that reading commands never
 * load the YAML library for them.
 */
import { lstatSync, statSync } from 'node:fs';
import { relative, sep } from 'node:path';
import type { MeetingFile } from '../core/meeting-schema.js';
import { parseMinutes, type ParsedMinutes, type PendingAction, type PendingDecision } from '../core/minutes-parse.js';
import { reconcileMinutes, type MinutesDifference } from '../core/minutes-reconcile.js';
import type { Diagnostic } from '../core/diagnostic.js';
import { cacheHash } from '../core/hash.js';
import { cacheKey, isDiagnostics, isObject, readCache, writeCache } from './cache.js';
import { listRecordFolder, readRecordText, recordEntry } from './guarded-read.js';
import { MAX_YAML_BYTES } from './limits.js';
import { isMeetingShape, loadMeeting, MEETING_FILE, MEETING_ID, meetingsDir, recordsRootOf, type MeetingRecord } from './meetings.js';

export const MINUTES_FILE = 'minutes.md';

export interface RegisterMeeting extends MeetingRecord {
  minutesPath: string;
  minutesDisplay: string;
  hasMinutesFile: boolean;
  /** Set when minutes.md was read. */
  minutesSource?: string;
  parsed?: ParsedMinutes;
  /** minutes.md lines meeting.yaml does not hold yet, with the ids they will get. */
  pending: { actions: PendingAction[]; decisions: PendingDecision[] };
  /** Where minutes.md and meeting.yaml disagree (added lines included). */
  differences: MinutesDifference[];
  /** meeting.yaml with minutes.md's decisions and actions: what the registers list. */
  merged: MeetingFile;
}

/**
 * Adds the minutes.md view to a loaded meeting (keeping `source` lazy when it is). `known`:
 * minutes.md as parsed before, from the snapshot, when the file is as it was then; its text is
 * then read only when asked for.
 */
export function withMinutes(rec: MeetingRecord, known?: ParsedMinutes): RegisterMeeting {
  const minutesPath = `${rec.dir}${sep}${MINUTES_FILE}`;
  const minutesDisplay = `${rec.display.slice(0, -MEETING_FILE.length)}${MINUTES_FILE}`;
  const out = {
    id: rec.id,
    dir: rec.dir,
    path: rec.path,
    display: rec.display,
    meeting: rec.meeting,
    warnings: rec.warnings,
    minutesPath,
    minutesDisplay,
    pending: { actions: [], decisions: [] },
    differences: [],
    merged: rec.meeting,
  } as Omit<RegisterMeeting, 'source' | 'hasMinutesFile'> as RegisterMeeting;
  // meeting.yaml's text stays lazy, as the snapshot left it; so does minutes.md's when the
  // snapshot knows it as parsed.
  Object.defineProperty(out, 'source', { get: () => rec.source, enumerable: true });
  const root = recordsRootOf(rec);
  const readText = () => readRecordText(root, minutesPath, { display: minutesDisplay });
  let exists: boolean | undefined = known ? true : undefined;
  Object.defineProperty(out, 'hasMinutesFile', { get: () => (exists ??= recordEntry(root, minutesPath, { display: minutesDisplay }) !== 'absent'), enumerable: true });
  // minutes.md is the record whatever the status: read it whenever it is there.
  if (known) {
    let text: string | undefined;
    Object.defineProperty(out, 'minutesSource', { get: () => (text ??= readText()), enumerable: true });
  } else if (!out.hasMinutesFile) return out;
  const parsed = known ?? parseMinutes((out.minutesSource = readText()));
  const r = reconcileMinutes(rec.meeting, parsed);
  out.parsed = parsed;
  out.pending = r.pending;
  out.differences = r.differences;
  out.merged = r.merged;
  return out;
}

/**
 * What stands for a file's content: size, modification and change times, inode. The change
 * time is set by the system on every write and cannot be set back (touch -d, a restored
 * backup or git's checkout set the modification time only), so an edit that keeps the size
 * and the modification time is still seen, as git's index sees it.
 */
interface Stamp {
  size: number;
  mtimeMs: number;
  ctimeMs: number;
  ino: number;
}

interface Snapshot {
  /** When the snapshot was written (ms since the epoch). */
  writtenAt: number;
  /** Per meeting: meeting.yaml validated, and minutes.md's entries when it has one. */
  entries: Record<string, Stamp & { meeting: MeetingFile; warnings: Diagnostic[]; minutes?: Stamp & { parsed: ParsedMinutes } }>;
}

const isStamp = (e: Record<string, unknown>) => typeof e.size === 'number' && typeof e.mtimeMs === 'number' && typeof e.ctimeMs === 'number' && typeof e.ino === 'number';
const isParsed = (v: unknown): v is ParsedMinutes => isObject(v) && Array.isArray(v.actions) && Array.isArray(v.decisions) && Array.isArray(v.problems);

const isSnapshot = (v: unknown): v is Snapshot =>
  isObject(v) &&
  typeof v.writtenAt === 'number' &&
  isObject(v.entries) &&
  Object.values(v.entries).every(
    (e) =>
      isObject(e) && isStamp(e) && isMeetingShape(e.meeting) && isDiagnostics(e.warnings) && (e.minutes === undefined || (isObject(e.minutes) && isStamp(e.minutes) && isParsed(e.minutes.parsed))),
  );

/** A file's stamp, as git's index keeps it. */
const stampOf = (st: Stamp): Stamp => ({ size: st.size, mtimeMs: st.mtimeMs, ctimeMs: st.ctimeMs, ino: st.ino });

const sameStamp = (a: Stamp, b: Stamp) => a.size === b.size && a.mtimeMs === b.mtimeMs && a.ctimeMs === b.ctimeMs && a.ino === b.ino;

/** A file changed this close to the snapshot's writing may have changed again unseen (racy-git). */
const RACY_MS = 2000;

/**
 * A meeting without its agenda, invitees and venue: all that the action log and `wep status`
 * read (attendance stays: status asks whether decisions, and the meetings that confirmed them,
 * were quorate), and a fraction of the size to parse.
 */
export function summaryOf(m: MeetingFile): MeetingFile {
  const { agenda: _a, invitees: _i, venue: _v, ...rest } = m;
  return { ...rest, agenda: [] };
}

export interface LoadRegistersOptions {
  /**
   * Summaries only (see summaryOf): `agenda` is empty, and `venue` and `invitees` absent. For
   * commands that read none of them, on repos of a thousand meetings.
   */
  summary?: boolean;
}

/**
 * Every meeting, oldest first, with its pending minutes.md entries. Commands that read all the
 * records (status, actions, decisions) use one snapshot of every validated meeting, keyed by
 * each file's size and modification time, so a warm run costs a stat per meeting and one
 * JSON.parse instead of a read, a hash and a parse per meeting. A changed file (or one changed
 * too close to the snapshot to be sure) goes through loadMeeting: validated, content-hash cached.
 */
export async function loadRegisters(root: string, cwd: string, env: NodeJS.ProcessEnv = process.env, opts: LoadRegistersOptions = {}): Promise<RegisterMeeting[]> {
  const dir = meetingsDir(root);
  // cwd too: the warnings name files as seen from where wep runs
  const key = cacheKey(opts.summary ? 'registers-summary' : 'registers-snapshot', root, cwd);
  const snap = readCache(key, isSnapshot, env);
  const fresh: Snapshot = { writtenAt: Date.now(), entries: {} };
  let changed = !snap;
  // a file changed this close to the snapshot's writing may have changed again unseen
  const settled = (st: Stamp) => snap !== undefined && Math.max(st.mtimeMs, st.ctimeMs) < snap.writtenAt - RACY_MS;
  const out: RegisterMeeting[] = [];
  // Paths by concatenation: path.join and path.relative per meeting cost more than the stat.
  const rel = relative(cwd, dir);
  const shown = rel && !rel.startsWith('..') ? `${rel}${sep}` : `${dir}${sep}`;
  for (const id of listRecordFolder(root, dir).map((d) => d.name).filter((n) => MEETING_ID.test(n))) {
    const path = `${dir}${sep}${id}${sep}${MEETING_FILE}`;
    // lstat, not stat: only a plain file may come from the snapshot; a link, a FIFO or a
    // folder goes through loadMeeting and the guarded reader, which accepts or refuses it
    const lst = lstatSync(path, { throwIfNoEntry: false });
    if (!lst) continue;
    const st = stampOf(lst.isFile() ? lst : (statSync(path, { throwIfNoEntry: false }) ?? lst));
    const hit = snap?.entries[id];
    let rec: MeetingRecord;
    if (lst.isFile() && hit && sameStamp(hit, st) && settled(st)) {
      rec = {
        id,
        dir: `${dir}${sep}${id}`,
        path,
        display: `${shown}${id}${sep}${MEETING_FILE}`,
        get source() {
          return readRecordText(root, path, { limit: MAX_YAML_BYTES });
        },
        meeting: hit.meeting,
        warnings: hit.warnings,
      };
    } else {
      // With no snapshot at all, the one written at the end holds every meeting: an entry of
      // each of its own would be a thousand files written for nothing.
      rec = await loadMeeting(root, id, cwd, env, { keep: snap !== undefined });
      if (opts.summary) rec = { ...rec, meeting: summaryOf(rec.meeting) };
      changed = true;
    }
    // minutes.md likewise: a plain file as it was at the snapshot is not read or parsed again
    const minutesLst = lstatSync(`${dir}${sep}${id}${sep}${MINUTES_FILE}`, { throwIfNoEntry: false });
    const minutesStamp = minutesLst?.isFile() ? stampOf(minutesLst) : undefined;
    const known = minutesStamp && hit?.minutes && sameStamp(hit.minutes, minutesStamp) && settled(minutesStamp) ? hit.minutes.parsed : undefined;
    if (minutesStamp && !known) changed = true;
    if (!minutesStamp && hit?.minutes) changed = true;
    const reg = withMinutes(rec, known);
    fresh.entries[id] = { ...st, meeting: rec.meeting, warnings: rec.warnings, ...(minutesStamp && reg.parsed ? { minutes: { ...minutesStamp, parsed: reg.parsed } } : {}) };
    out.push(reg);
  }
  if (changed || Object.keys(snap?.entries ?? {}).length !== out.length) writeCache(key, fresh, env);
  return out;
}

/**
 * One digest of the stamps (see Stamp) of every meeting's meeting.yaml and minutes.md: all that
 * loadRegisters reads, seen as git's index sees it, for a value derived from all of them (what
 * `wep status` keeps). A digest that is the same means no file was added, removed or written
 * since. Undefined, so that nothing is kept, when one of them is not a plain file (a link's
 * target can change under the link), could not be looked at, or was written within RACY_MS of
 * `now`: a write in the same tick of a coarse clock would not change the stamp.
 */
export function registersFingerprint(root: string, now = Date.now()): string | undefined {
  const dir = meetingsDir(root);
  const stamps: string[] = [];
  let newest = 0;
  try {
    for (const id of listRecordFolder(root, dir).map((d) => d.name).filter((n) => MEETING_ID.test(n))) {
      for (const name of [MEETING_FILE, MINUTES_FILE]) {
        const st = lstatSync(`${dir}${sep}${id}${sep}${name}`, { throwIfNoEntry: false });
        if (!st) {
          stamps.push(`${id}/${name}`);
          continue;
        }
        if (!st.isFile()) return undefined;
        newest = Math.max(newest, st.mtimeMs, st.ctimeMs);
        stamps.push(`${id}/${name} ${st.size} ${st.mtimeMs} ${st.ctimeMs} ${st.ino}`);
      }
    }
  } catch {
    return undefined;
  }
  return newest < now - RACY_MS ? cacheHash(stamps) : undefined;
}

export async function loadRegisterMeeting(root: string, id: string, cwd: string, env: NodeJS.ProcessEnv = process.env): Promise<RegisterMeeting> {
  return withMinutes(await loadMeeting(root, id, cwd, env));
}
