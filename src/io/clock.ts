/** The one place wep reads the clock. `WEP_TODAY=YYYY-MM-DD` fixes "today" for tests and demos. */
import { englandDate, isIsoDate, type IsoDate } from '../core/dates.js';
import { WepError } from '../core/errors.js';

export function today(env: NodeJS.ProcessEnv = process.env): IsoDate {
  const fixed = env.WEP_TODAY;
  if (fixed) {
    if (!isIsoDate(fixed)) throw new WepError(`WEP_TODAY="${fixed}" is not a date in the form YYYY-MM-DD`, 'unset it, or set it to a date such as 2026-12-01');
    return fixed;
  }
  // The partnership's dates are Europe/London dates, whatever the machine's zone.
  const now = Date.now();
  return englandDate(now) ?? new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(now));
}

/**
 * The time now as an iCalendar UTC stamp (20261122T093000Z), for DTSTAMP. `WEP_NOW` (an ISO
 * date-time) fixes it; with only `WEP_TODAY` set, it is noon UTC of that day, so fixed runs
 * give the same bytes.
 */
export function nowStamp(env: NodeJS.ProcessEnv = process.env): string {
  const fixed = env.WEP_NOW ?? (env.WEP_TODAY ? `${today(env)}T12:00:00Z` : undefined);
  const t = fixed ? new Date(fixed) : new Date();
  if (Number.isNaN(t.getTime())) throw new WepError(`WEP_NOW="${env.WEP_NOW}" is not a date and time`, 'unset it, or set it like 2026-11-22T09:30:00Z');
  return t.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
}
