import { describe, expect, it } from 'vitest';
import { buildMeetingHistory, diffStat, type HistoryCommit } from '../../../src/core/history.js';
import type { MeetingFile } from '../../../src/core/meeting-schema.js';

const commit = (n: number): HistoryCommit => ({ hash: `h${n}`, short: `c${n}`, date: `2026-1${n % 3}-0${n}T10:00:00+00:00`, author: 'Jo Clerk', subject: `step ${n}` });
const base: MeetingFile = { body: 'partnership', date: '2026-10-08', start: '16:00', agenda: [{ title: 'A' }] };

describe('buildMeetingHistory', () => {
  const v1 = { ...base };
  const v2 = { ...base, notice: { sent: '2026-09-25' } };
  const v3 = { ...v2, minutes: { status: 'circulated' as const, circulated: '2026-10-14' } };
  const v4 = { ...v2, minutes: { ...v3.minutes, recirculated: [{ date: '2026-10-15', reason: 'fix' }] } };
  const v5 = { ...v2, minutes: { ...v4.minutes, status: 'signed' as const, approvedAt: '2026-12-10-partnership', amendments: ['item 1'], signed: { by: 'chair-okafor', date: '2026-12-10' } } };
  const versions = [v1, v2, v3, v4, v5].map((meeting, i) => ({ commit: commit(i + 1), meeting }));

  it('each event at the first commit that holds it, in lifecycle order', () => {
    const h = buildMeetingHistory({ id: 'm', yamlVersions: versions, current: v5, noticeCommits: [commit(2)], minutesCommits: [commit(3)], amendedDiff: '--- a\n+++ b\n-old\n+new\n+more\n' });
    expect(h.events.map((e) => [e.kind, e.date, e.commit?.short ?? null, e.detail ?? null])).toEqual([
      ['written', '2026-11-01', 'c1', 'meeting.yaml'],
      ['notice-written', '2026-12-02', 'c2', 'notice.md'],
      ['sent', '2026-09-25', 'c2', null],
      ['minutes-written', '2026-10-03', 'c3', 'minutes.md'],
      ['circulated', '2026-10-14', 'c3', null],
      ['recirculated', '2026-10-15', 'c4', 'fix'],
      ['amended', null, 'c5', 'minutes.md changed between circulation and approval: 2 line(s) added, 1 removed'],
      ['approved', '2026-12-10', 'c5', 'at 2026-12-10-partnership, with amendments: item 1'],
      ['signed', '2026-12-10', 'c5', 'by chair-okafor'],
    ]);
    expect([h.circulatedCommit?.short, h.approvedCommit?.short]).toEqual(['c3', 'c5']);
  });

  it('what the record says but no commit holds is "not committed" (commit null)', () => {
    const h = buildMeetingHistory({ id: 'm', yamlVersions: versions.slice(0, 2), current: v5, noticeCommits: [], minutesCommits: [] });
    expect(h.events.filter((e) => e.commit === null).map((e) => e.kind)).toEqual(['circulated', 'recirculated', 'approved', 'signed']);
    expect(buildMeetingHistory({ id: 'm', yamlVersions: [], current: base, noticeCommits: [], minutesCommits: [] }).events).toEqual([{ kind: 'written', date: null, commit: null, detail: 'meeting.yaml' }]);
  });

  it('diffStat counts changed lines, not the file headers', () => {
    expect(diffStat('diff --git a/x b/x\n--- a/x\n+++ b/x\n@@ -1 +1 @@\n-a\n+b\n context\n')).toEqual({ added: 1, removed: 1 });
  });
});
