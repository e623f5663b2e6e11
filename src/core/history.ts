/**
 * The audit trail of one meeting, from the records' git history: when each record was written
 * and committed, when the notice was sent, the minutes circulated (and re-circulated),
 * amended, approved and signed, each with the commit that recorded it and its author. Pure:
 * the versions of meeting.yaml and the commits of the other files come in, events go out.
 */
import type { MeetingFile } from './meeting-schema.js';

/** One commit, as git reports it. */
export interface HistoryCommit {
  hash: string;
  short: string;
  /** ISO 8601 author date. */
  date: string;
  author: string;
  subject: string;
}

export const HISTORY_EVENTS = ['written', 'notice-written', 'sent', 'minutes-written', 'circulated', 'recirculated', 'amended', 'approved', 'signed', 'confirmed'] as const;
export type HistoryEventKind = (typeof HISTORY_EVENTS)[number];

export interface HistoryEvent {
  kind: HistoryEventKind;
  /** The date the record gives (sent, circulated ...), or the commit's date for files written. */
  date: string | null;
  /** The commit that first recorded it; null when the current record has it but no commit does. */
  commit: HistoryCommit | null;
  detail?: string;
}

export interface MeetingHistoryInput {
  id: string;
  /** meeting.yaml at each commit that changed it, oldest first (meeting undefined when it did not parse). */
  yamlVersions: readonly { commit: HistoryCommit; meeting: MeetingFile | undefined }[];
  /** The record as it is on disk now. */
  current: MeetingFile;
  noticeCommits: readonly HistoryCommit[];
  minutesCommits: readonly HistoryCommit[];
  /** minutes.md diff between the commit that recorded circulation and the one that recorded approval. */
  amendedDiff?: string;
}

export interface MeetingHistory {
  id: string;
  events: HistoryEvent[];
  /** The commits that recorded circulation and approval: between them, the amendments. */
  circulatedCommit: HistoryCommit | null;
  approvedCommit: HistoryCommit | null;
}

/** The first version of meeting.yaml for which `has` holds. */
function firstWith(versions: MeetingHistoryInput['yamlVersions'], has: (m: MeetingFile) => boolean): HistoryCommit | null {
  return versions.find((v) => v.meeting !== undefined && has(v.meeting))?.commit ?? null;
}

/** Lines added and removed in a unified diff. */
export function diffStat(diff: string): { added: number; removed: number } {
  let added = 0;
  let removed = 0;
  for (const l of diff.split('\n')) {
    if (l.startsWith('+++') || l.startsWith('---')) continue;
    if (l.startsWith('+')) added++;
    else if (l.startsWith('-')) removed++;
  }
  return { added, removed };
}

/** The events of one meeting, in the order of the lifecycle. */
export function buildMeetingHistory(input: MeetingHistoryInput): MeetingHistory {
  const v = input.yamlVersions;
  const cur = input.current;
  const events: HistoryEvent[] = [];
  const first = v[0]?.commit ?? null;
  events.push({ kind: 'written', date: first ? first.date.slice(0, 10) : null, commit: first, detail: 'meeting.yaml' });
  const notice = input.noticeCommits[0];
  if (notice) events.push({ kind: 'notice-written', date: notice.date.slice(0, 10), commit: notice, detail: 'notice.md' });
  if (cur.notice?.sent) events.push({ kind: 'sent', date: cur.notice.sent, commit: firstWith(v, (m) => m.notice?.sent === cur.notice!.sent) });
  const minutes = input.minutesCommits[0];
  if (minutes) events.push({ kind: 'minutes-written', date: minutes.date.slice(0, 10), commit: minutes, detail: 'minutes.md' });
  const min = cur.minutes;
  let circulatedCommit: HistoryCommit | null = null;
  let approvedCommit: HistoryCommit | null = null;
  if (min?.circulated) {
    circulatedCommit = firstWith(v, (m) => m.minutes?.circulated === min.circulated);
    events.push({ kind: 'circulated', date: min.circulated, commit: circulatedCommit });
  }
  for (const r of min?.recirculated ?? []) {
    events.push({ kind: 'recirculated', date: r.date, commit: firstWith(v, (m) => (m.minutes?.recirculated ?? []).some((x) => x.date === r.date && x.reason === r.reason)), detail: r.reason });
  }
  if (min?.approvedAt) {
    approvedCommit = firstWith(v, (m) => m.minutes?.approvedAt === min.approvedAt);
    if (input.amendedDiff) {
      const s = diffStat(input.amendedDiff);
      events.push({ kind: 'amended', date: null, commit: approvedCommit, detail: `minutes.md changed between circulation and approval: ${s.added} line(s) added, ${s.removed} removed` });
    }
    const amendments = min.amendments ?? [];
    events.push({
      kind: 'approved',
      date: min.approvedAt.slice(0, 10),
      commit: approvedCommit,
      detail: `at ${min.approvedAt}, ${amendments.length ? `with amendments: ${amendments.join('; ')}` : 'as a true record'}`,
    });
  }
  if (min?.signed) events.push({ kind: 'signed', date: min.signed.date, commit: firstWith(v, (m) => m.minutes?.signed?.date === min.signed!.date), detail: `by ${min.signed.by}` });
  (cur.decisions ?? []).forEach((d, i) => {
    if (!d.confirmed) return;
    const id = d.id ?? `d${i + 1}`;
    events.push({
      kind: 'confirmed',
      date: d.confirmed.at.slice(0, 10),
      commit: firstWith(v, (m) => (m.decisions ?? []).some((x, j) => (x.id ?? `d${j + 1}`) === id && x.confirmed?.at === d.confirmed!.at)),
      detail: `decision ${id} at ${d.confirmed.at}${d.confirmed.item ? ` item ${d.confirmed.item}` : ''}`,
    });
  });
  return { id: input.id, events, circulatedCommit, approvedCommit };
}
