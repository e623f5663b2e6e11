import { utcDateTime, type IcsCalendar, type IcsEvent } from '../ics.js';
import type { Model } from '../model.js';
import type { MeetingView } from './types.js';

/** The subscribable feed: every meeting, with its venue and a link to its page when the site has an address. */
export function planCalendar(model: Model, views: readonly MeetingView[], baseUrl?: string): IcsCalendar {
  const p = model.file.partnership;
  const host = baseUrl ? new URL(baseUrl).host : 'wep.invalid';
  const events: IcsEvent[] = views.map((v) => {
    const end = v.end && v.end > v.start ? v.end : addMinutes(v.start, 60);
    const e: IcsEvent = {
      uid: `${v.id}@${host}`,
      summary: `${p.short}: ${v.bodyName}`,
      timed: { date: v.date, start: v.start, end },
      stamp: utcDateTime(v.date, v.start),
      cancelled: v.status === 'cancelled',
    };
    if (v.venue) e.location = v.venue.address ? `${v.venue.name}, ${v.venue.address}` : v.venue.name;
    if (baseUrl) {
      e.url = `${baseUrl}${v.path}`;
      e.description = `Agenda, papers and minutes: ${e.url}`;
    }
    return e;
  });
  return { prodId: `-//wep//${p.name}//EN`, method: 'PUBLISH', name: `${p.name} meetings`, events };
}

function addMinutes(hhmm: string, n: number): string {
  const [h, m] = hhmm.split(':').map(Number) as [number, number];
  const t = Math.min(h * 60 + m + n, 23 * 60 + 59);
  return `${String(Math.floor(t / 60)).padStart(2, '0')}:${String(t % 60).padStart(2, '0')}`;
}

