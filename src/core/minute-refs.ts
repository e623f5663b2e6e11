/**
 * Minute references: the number a partnership gives each minute so a later paper can cite it
 * ("as resolved at minute WEP/2026/12/6"). The scheme is a pattern in partnership.yaml
 * (`partnership.minutes.references`), with these fields:
 *
 *   {short} partnership short name   {body} body id
 *   {yyyy} {yy} {mm} {dd}             the meeting date
 *   {item}  the agenda item number
 *   {n}     the minute number across the school year (1 September to 31 August), counting
 *           every agenda item of the body's meetings held that year, in date order
 *   {ay}    the school year, e.g. 2026-27
 *
 * e.g. "{short}/{yyyy}/{mm}/{item}" gives WEP/2026/12/6; "{n}/{ay}" gives 14/2026-27. Pure.
 */
import type { IsoDate } from './dates.js';
import type { MeetingFile } from './meeting-schema.js';

export const REF_FIELDS = ['short', 'body', 'yyyy', 'yy', 'mm', 'dd', 'item', 'n', 'ay'] as const;

/** The school year a date falls in: "2026-27" for 1 Sep 2026 to 31 Aug 2027. */
export function schoolYear(date: IsoDate): string {
  const y = Number(date.slice(0, 4));
  const start = date.slice(5) >= '09-01' ? y : y - 1;
  return `${start}-${String((start + 1) % 100).padStart(2, '0')}`;
}

/** Fields in a scheme wep does not know ("{month}"), for `wep check`. */
export function unknownRefFields(scheme: string): string[] {
  return [...scheme.matchAll(/\{([^{}]*)\}/g)].map((m) => m[1]!).filter((f) => !(REF_FIELDS as readonly string[]).includes(f));
}

export type MinuteRef = (meetingId: string, item: number) => string | undefined;

/**
 * The reference of each minute under `scheme`, or a function giving undefined when there is no
 * scheme. `meetings` are every meeting of the records (cancelled ones are not numbered).
 */
export function minuteRefs(scheme: string | undefined, short: string, meetings: readonly { id: string; meeting: MeetingFile }[]): MinuteRef {
  if (!scheme) return () => undefined;
  const first = new Map<string, number>();
  const meta = new Map<string, MeetingFile>();
  if (scheme.includes('{n}')) {
    const counted = meetings.filter((m) => !m.meeting.cancelled).sort((a, b) => (a.meeting.date < b.meeting.date ? -1 : a.meeting.date > b.meeting.date ? 1 : a.id < b.id ? -1 : 1));
    const next = new Map<string, number>();
    for (const { id, meeting } of counted) {
      const key = `${meeting.body}|${schoolYear(meeting.date)}`;
      const n = next.get(key) ?? 1;
      first.set(id, n);
      next.set(key, n + meeting.agenda.length);
    }
  }
  for (const m of meetings) meta.set(m.id, m.meeting);
  return (meetingId, item) => {
    const m = meta.get(meetingId);
    if (!m || m.cancelled) return undefined;
    const values: Record<string, string> = {
      short,
      body: m.body,
      yyyy: m.date.slice(0, 4),
      yy: m.date.slice(2, 4),
      mm: m.date.slice(5, 7),
      dd: m.date.slice(8, 10),
      item: String(item),
      n: first.has(meetingId) ? String(first.get(meetingId)! + item - 1) : '',
      ay: schoolYear(m.date),
    };
    return scheme.replace(/\{([^{}]*)\}/g, (all, f: string) => values[f] ?? all);
  };
}
