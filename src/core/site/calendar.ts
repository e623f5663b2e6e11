import type { IcsCalendar, IcsEvent } from '../ics.js';
import { meetingEvent, prodId, stableStamp } from '../meeting-event.js';
import type { Model } from '../model.js';
import { holidayNote, termEvents } from '../term-dates.js';
import type { MeetingView, SiteMeetingInput } from './types.js';

/**
 * The subscribable feed: every published meeting, with its venue and a link to its page when
 * the site has an address, then the term and half-term dates. The events come from
 * core/meeting-event and core/term-dates, so a meeting has the same UID, end and SEQUENCE here
 * as in the invitation members received, and the terms are those `wep calendar` shows. A
 * meeting in the school holidays says so in its description, as in `wep calendar`.
 */
export function planCalendar(model: Model, views: readonly MeetingView[], records: readonly SiteMeetingInput[], baseUrl?: string): IcsCalendar {
  const p = model.file.partnership;
  const byId = new Map(records.map((r) => [r.id, r.meeting]));
  const events: IcsEvent[] = views.flatMap((v) => {
    const meeting = byId.get(v.id);
    if (!meeting || !model.bodies.has(meeting.body)) return [];
    const url = baseUrl ? `${baseUrl}${v.path}` : undefined;
    const description = [url ? `Agenda, papers and minutes: ${url}` : '', v.holiday ? holidayNote(v.holiday) : ''].filter(Boolean).join('\n');
    const e = meetingEvent(model, v.id, meeting, { stamp: stableStamp(v.date), ...(url ? { url } : {}), ...(description ? { description } : {}) });
    // only what the public page shows: never the joining link, no attendees
    if (!url) delete e.url;
    return [e];
  });
  return { prodId: prodId(model), method: 'PUBLISH', name: `${p.name} meetings`, events: [...events, ...termEvents(model)] };
}
