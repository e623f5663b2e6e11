/**
 * The registers' view of the records: every meeting.yaml, plus the ACTION and DECISION lines
 * the clerk has typed in a minutes.md that meeting.yaml does not hold yet. Until the minutes
 * are circulated, minutes.md is read for them; circulation (and any other lifecycle step)
 * copies them into meeting.yaml, which from then on is the register's only source.
 * Also the YAML edits that record them, keeping the clerk's comments.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { isMap, isSeq, type Document, type YAMLMap } from 'yaml';
import type { Action, MeetingFile } from '../core/meeting-schema.js';
import { parseMinutes, pendingEntries, type ParsedMinutes, type PendingAction, type PendingDecision } from '../core/minutes-parse.js';
import type { Diagnostic } from '../core/diagnostic.js';
import { cacheKey, readCache, writeCache } from './cache.js';
import { loadMeeting, MEETING_FILE, MEETING_ID, meetingsDir, type MeetingRecord } from './meetings.js';
import { editYamlFile } from './yaml-edit.js';

export const MINUTES_FILE = 'minutes.md';

export interface RegisterMeeting extends MeetingRecord {
  minutesPath: string;
  minutesDisplay: string;
  hasMinutesFile: boolean;
  /** Set when minutes.md was read (minutes not yet circulated). */
  minutesSource?: string;
  parsed?: ParsedMinutes;
  pending: { actions: PendingAction[]; decisions: PendingDecision[] };
  /** meeting.yaml with the pending entries added: what the registers list. */
  merged: MeetingFile;
}

/** Whether minutes.md is still a source for the registers (nothing circulated yet). */
export const readsMinutesFile = (m: MeetingFile) => !m.minutes || m.minutes.status === 'draft';

/** Adds the minutes.md view to a loaded meeting (keeping `source` lazy when it is). */
export function withMinutes(rec: MeetingRecord): RegisterMeeting {
  const minutesPath = join(rec.dir, MINUTES_FILE);
  const minutesDisplay = rec.display.replace(/meeting\.yaml$/, MINUTES_FILE);
  const hasMinutesFile = existsSync(minutesPath);
  const out = {
    id: rec.id,
    dir: rec.dir,
    path: rec.path,
    display: rec.display,
    meeting: rec.meeting,
    warnings: rec.warnings,
    minutesPath,
    minutesDisplay,
    hasMinutesFile,
    pending: { actions: [], decisions: [] },
    merged: rec.meeting,
  } as Omit<RegisterMeeting, 'source'> as RegisterMeeting;
  Object.defineProperty(out, 'source', { get: () => rec.source, enumerable: true });
  if (!hasMinutesFile || !readsMinutesFile(rec.meeting)) return out;
  const minutesSource = readFileSync(minutesPath, 'utf8');
  const parsed = parseMinutes(minutesSource);
  const pending = pendingEntries(rec.meeting, parsed);
  out.minutesSource = minutesSource;
  out.parsed = parsed;
  out.pending = pending;
  out.merged = {
    ...rec.meeting,
    actions: [...(rec.meeting.actions ?? []), ...pending.actions.map(({ line: _l, col: _c, ownerCol: _o, ...a }) => a)],
    decisions: [...(rec.meeting.decisions ?? []), ...pending.decisions.map(({ line: _l, col: _c, ...d }) => d)],
  };
  return out;
}

interface Snapshot {
  /** When the snapshot was written (ms since the epoch). */
  writtenAt: number;
  entries: Record<string, { size: number; mtimeMs: number; meeting: MeetingFile; warnings: Diagnostic[] }>;
}

/** A file changed this close to the snapshot's writing may have changed again unseen (racy-git). */
const RACY_MS = 2000;

/**
 * Every meeting, oldest first, with its pending minutes.md entries. Commands that read all the
 * records (status, actions, decisions) use one snapshot of every validated meeting, keyed by
 * each file's size and modification time, so a warm run costs a stat per meeting and one
 * JSON.parse instead of a read, a hash and a parse per meeting. A changed file (or one changed
 * too close to the snapshot to be sure) goes through loadMeeting: validated, content-hash cached.
 */
export async function loadRegisters(root: string, cwd: string, env: NodeJS.ProcessEnv = process.env): Promise<RegisterMeeting[]> {
  const dir = meetingsDir(root);
  if (!existsSync(dir)) return [];
  const key = cacheKey('registers-snapshot', root);
  const snap = readCache<Snapshot>(key, env);
  const fresh: Snapshot = { writtenAt: Date.now(), entries: {} };
  let changed = !snap;
  const out: RegisterMeeting[] = [];
  for (const id of readdirSync(dir).filter((n) => MEETING_ID.test(n)).sort()) {
    const path = join(dir, id, MEETING_FILE);
    const st = statSync(path, { throwIfNoEntry: false });
    if (!st?.isFile()) continue;
    const { size, mtimeMs } = st;
    const hit = snap?.entries[id];
    let rec: MeetingRecord;
    if (hit && hit.size === size && hit.mtimeMs === mtimeMs && mtimeMs < snap!.writtenAt - RACY_MS) {
      const rel = relative(cwd, path);
      rec = {
        id,
        dir: join(dir, id),
        path,
        display: rel && !rel.startsWith('..') ? rel : path,
        get source() {
          return readFileSync(path, 'utf8');
        },
        meeting: hit.meeting,
        warnings: hit.warnings,
      };
    } else {
      rec = await loadMeeting(root, id, cwd, env);
      changed = true;
    }
    fresh.entries[id] = { size, mtimeMs, meeting: rec.meeting, warnings: rec.warnings };
    out.push(withMinutes(rec));
  }
  if (changed || Object.keys(snap?.entries ?? {}).length !== out.length) writeCache(key, fresh, env);
  return out;
}

export async function loadRegisterMeeting(root: string, id: string, cwd: string, env: NodeJS.ProcessEnv = process.env): Promise<RegisterMeeting> {
  return withMinutes(await loadMeeting(root, id, cwd, env));
}

function seqAt(doc: Document, key: string) {
  let seq = doc.get(key, true);
  if (!isSeq(seq)) {
    seq = doc.createNode([]);
    doc.set(key, seq);
  }
  return seq as import('yaml').YAMLSeq;
}

/** Appends minutes.md entries to meeting.yaml. Returns how many of each were added. */
export function addPendingToDoc(doc: Document, pending: RegisterMeeting['pending']): { actions: number; decisions: number } {
  if (pending.actions.length) {
    const seq = seqAt(doc, 'actions');
    for (const a of pending.actions) {
      seq.add(doc.createNode({ id: a.id, text: a.text, owner: a.owner, ...(a.due ? { due: a.due } : {}), ...(a.item !== undefined ? { item: a.item } : {}) }));
    }
  }
  if (pending.decisions.length) {
    const seq = seqAt(doc, 'decisions');
    for (const d of pending.decisions) seq.add(doc.createNode({ id: d.id, item: d.item, text: d.text }));
  }
  return { actions: pending.actions.length, decisions: pending.decisions.length };
}

/** Sets the `minutes:` record in place (comments in and around it survive). */
export function setMinutesInDoc(doc: Document, minutes: NonNullable<MeetingFile['minutes']>): void {
  const cur = doc.get('minutes', true);
  if (!isMap(cur)) doc.set('minutes', doc.createNode({}));
  const map = doc.get('minutes', true) as YAMLMap;
  map.set('status', minutes.status);
  if (minutes.circulated) map.set('circulated', minutes.circulated);
  if (minutes.approvedAt) map.set('approved-at', minutes.approvedAt);
  if (minutes.signed) map.set('signed', doc.createNode({ by: minutes.signed.by, date: minutes.signed.date }));
}

/** Records `done` on one action of the document (which must hold it). */
export function setActionDoneInDoc(doc: Document, actionId: string, done: NonNullable<Action['done']>): boolean {
  const seq = doc.get('actions', true);
  if (!isSeq(seq)) return false;
  for (const item of seq.items) {
    if (isMap(item) && item.get('id') === actionId) {
      item.set('done', doc.createNode({ date: done.date, ...(done.meeting ? { meeting: done.meeting } : {}), ...(done.note ? { note: done.note } : {}) }));
      return true;
    }
  }
  return false;
}

/** Edits meeting.yaml with `edit`, refusing if it changed since it was loaded. */
export function editMeetingFile(rec: MeetingRecord, edit: (doc: Document) => void): string {
  return editYamlFile(rec.path, edit, rec.source);
}
