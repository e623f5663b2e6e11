/**
 * Turning what the clerk typed into values, in one place for every command: dates, times,
 * agenda items, bodies, people; and core's problems into messages that name the flag.
 */
import { isIsoDate, isTime, whyNotIsoDate, type IsoDate } from '../core/dates.js';
import { WepError, type Checked, type Problem } from '../core/errors.js';
import { defaultBodyId, type Model, type ResolvedBody } from '../core/model.js';
import { hintFor } from '../core/suggest.js';

/** Which flag (or argument) each of core's fields came from, e.g. { present: '--present' }. */
export type FieldNames = Readonly<Record<string, string>>;

/** The message for a problem, naming the flag it came from. */
export function problemError(p: Problem, fields: FieldNames = {}): WepError {
  const what = [fields[p.field], p.value].filter(Boolean).join(' ');
  return new WepError(what ? `${what}: ${p.message}` : p.message, p.hint);
}

/** The value, or the first problem as an error that names its flag. */
export function orFail<T>(checked: Checked<T>, fields: FieldNames = {}): T {
  if (checked.ok) return checked.value;
  throw problemError(checked.problems[0]!, fields);
}

/** A date argument (YYYY-MM-DD), or an error that says the form expected. */
export function parseDate(value: string, what = 'date'): IsoDate {
  if (isIsoDate(value)) return value;
  throw new WepError(`${whyNotIsoDate(value)} (the ${what})`, `give the ${what} as YYYY-MM-DD, e.g. 2026-12-10`);
}

/** An optional date flag that may be given bare (`--sent` means today). */
export function parseDateFlag(value: string | boolean | undefined, today: IsoDate, what: string): IsoDate | undefined {
  if (value === undefined || value === false) return undefined;
  return value === true ? today : parseDate(value, what);
}

/** A time on the 24-hour clock; "9:30" is read as 09:30. */
export function parseTime(value: string, flag: string): string {
  const v = /^\d:\d\d$/.test(value) ? `0${value}` : value;
  if (isTime(v)) return v;
  throw new WepError(`"${value}" is not a time (${flag})`, `give the time on the 24-hour clock as HH:MM, e.g. ${flag} 16:00`);
}

/** An agenda item number, checked against an agenda of `items` items. */
export function parseItem(value: string | undefined, items: number, meetingId: string, flag = '--item'): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value.trim()) || Number(value) < 1) throw new WepError(`${flag} "${value}" is not an agenda item number`, 'agenda items are numbered from 1, as "wep agenda" shows them');
  if (Number(value) > items) throw new WepError(`${flag} ${value}: the agenda of ${meetingId} has ${items} item${items === 1 ? '' : 's'}`, `give an item from 1 to ${items}`);
  return Number(value);
}

/** The body a flag names, or the partnership's default body when none is given. */
export function resolveBody(model: Model, id: string | undefined): ResolvedBody {
  const wanted = id ?? defaultBodyId(model);
  const body = model.bodies.get(wanted);
  if (!body) throw new WepError(`no body "${wanted}" in the partnership file`, hintFor(wanted, [...model.bodies.keys()], 'bodies'));
  return body;
}

/** Checks a person id given on the command line. */
export function verifyPerson(model: Model, id: string, flag: string): void {
  if (!model.people.has(id)) throw new WepError(`no person "${id}" in the partnership file (${flag})`, hintFor(id, [...model.people.keys()], 'people'));
}

/** The flags of `wep attendance` and `wep quorum` that core's attendance fields come from. */
export const ATTENDANCE_FLAGS: FieldNames = {
  present: '--present',
  apologies: '--apologies',
  observer: '--observer',
  proxy: '--proxy',
  arrivedAt: '--arrived-at',
  leftAt: '--left-at',
  interest: '--interest',
};
