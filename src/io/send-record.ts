/**
 * What `wep send` writes into meeting.yaml, through the comment-keeping YAML editor: each
 * message as it is delivered (so a run that fails part way records who got it), and, once
 * everyone has this version, the notice as sent or the minutes as circulated.
 */
import { isMap, isSeq, type Document, type YAMLMap } from 'yaml';
import type { SentMessage } from '../core/meeting-schema.js';
import { editYamlFile } from './yaml-edit.js';

function section(doc: Document, key: 'notice' | 'minutes'): YAMLMap {
  if (!isMap(doc.get(key, true))) doc.set(key, doc.createNode(key === 'minutes' ? { status: 'draft' } : {}));
  return doc.get(key, true) as YAMLMap;
}

/** Appends delivered messages under `notice.messages` or `minutes.messages`. */
export function recordMessages(root: string, path: string, key: 'notice' | 'minutes', messages: readonly SentMessage[]): void {
  if (!messages.length) return;
  editYamlFile(root, path, (doc) => {
    const map = section(doc, key);
    if (!isSeq(map.get('messages', true))) map.set('messages', doc.createNode([]));
    const seq = map.get('messages', true);
    if (!isSeq(seq)) return;
    for (const m of messages) {
      const node = doc.createNode({ to: m.to, 'message-id': m.messageId, date: m.date, ...(m.version ? { version: m.version } : {}) });
      node.flow = true;
      seq.items.push(node);
    }
  });
}
