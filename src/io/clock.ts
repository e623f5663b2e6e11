/** The one place wep reads the clock. `WEP_TODAY=YYYY-MM-DD` fixes "today" for tests and demos. */
import { isIsoDate, type IsoDate } from '../core/dates.js';
import { WepError } from '../core/errors.js';

export function today(env: NodeJS.ProcessEnv = process.env): IsoDate {
  const fixed = env.WEP_TODAY;
  if (fixed) {
    if (!isIsoDate(fixed)) throw new WepError(`WEP_TODAY="${fixed}" is not a date in the form YYYY-MM-DD`, 'unset it, or set it to a date such as 2026-12-01');
    return fixed;
  }
  // The partnership's dates are Europe/London dates, whatever the machine's zone.
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
}
