/**
 * The meeting.yaml edits behind the registers: copying minutes.md entries in, the minutes'
 * lifecycle, closing an action. Through the yaml Document API, so comments and layout survive.
 */
import { isMap, isSeq, type Document, type YAMLMap, type YAMLSeq } from 'yaml';
import type { Action, MeetingFile } from '../core/meeting-schema.js';
import { recordsRootOf, type MeetingRecord } from './meetings.js';
import type { RegisterMeeting } from './registers.js';
import { editYamlFile } from './yaml-edit.js';

function seqAt(doc: Document, key: string) {
  let seq = doc.get(key, true);
  if (!isSeq(seq)) {
    seq = doc.createNode([]);
    doc.set(key, seq);
  }
  return seq as YAMLSeq;
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
  return editYamlFile(recordsRootOf(rec), rec.path, edit, rec.source, rec.display);
}
