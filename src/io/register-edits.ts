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

/**
 * Brings meeting.yaml in line with minutes.md, the record: new lines are appended (as
 * addPendingToDoc), reworded or moved entries take minutes.md's text, item, owner, due date and
 * vote, keeping their id and anything minutes.md does not say (done, confirmed). Entries
 * missing from minutes.md are left for the clerk to settle. Returns what changed.
 */
export function syncMinutesToDoc(doc: Document, rec: Pick<RegisterMeeting, 'pending' | 'differences' | 'merged'>): { actions: number; decisions: number; updated: string[] } {
  const added = addPendingToDoc(doc, rec.pending);
  const updated: string[] = [];
  for (const d of rec.differences) {
    if ((d.kind !== 'changed' && d.kind !== 'moved') || d.index === undefined) continue;
    const seq = doc.get(d.entry === 'decision' ? 'decisions' : 'actions', true);
    const node = isSeq(seq) ? seq.items[d.index] : undefined;
    if (!isMap(node)) continue;
    if (d.entry === 'decision') {
      const m = rec.merged.decisions?.[d.index];
      if (!m) continue;
      node.set('text', m.text);
      node.set('item', m.item);
      if (m.votes) node.set('votes', doc.createNode(m.votes));
    } else {
      const m = rec.merged.actions?.[d.index];
      if (!m) continue;
      node.set('text', m.text);
      node.set('owner', m.owner);
      if (m.due) node.set('due', m.due);
      else node.delete('due');
      if (m.item !== undefined) node.set('item', m.item);
    }
    updated.push(`${d.entry} ${d.id} (${d.fields?.join(', ') ?? 'text'})`);
  }
  return { ...added, updated };
}

/** Records on decision `id` that a later quorate meeting confirmed it. False when there is no such decision. */
export function setDecisionConfirmedInDoc(doc: Document, id: string, confirmed: { at: string; item?: number }): boolean {
  const seq = doc.get('decisions', true);
  if (!isSeq(seq)) return false;
  for (const [i, node] of seq.items.entries()) {
    if (isMap(node) && (node.get('id') ?? `d${i + 1}`) === id) {
      node.set('confirmed', doc.createNode({ at: confirmed.at, ...(confirmed.item !== undefined ? { item: confirmed.item } : {}) }));
      return true;
    }
  }
  return false;
}

/** Sets the `minutes:` record in place (comments in and around it survive). */
export function setMinutesInDoc(doc: Document, minutes: NonNullable<MeetingFile['minutes']>): void {
  const cur = doc.get('minutes', true);
  if (!isMap(cur)) doc.set('minutes', doc.createNode({}));
  const map = doc.get('minutes', true) as YAMLMap;
  map.set('status', minutes.status);
  if (minutes.circulated) map.set('circulated', minutes.circulated);
  if (minutes.recirculated?.length) map.set('recirculated', doc.createNode(minutes.recirculated.map((r) => ({ date: r.date, reason: r.reason }))));
  if (minutes.approvedAt) map.set('approved-at', minutes.approvedAt);
  if (minutes.amendments?.length) map.set('amendments', doc.createNode([...minutes.amendments]));
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
