/** The action log as the clerk reads it, and its stable --json shape. */
import type { ChalkInstance } from 'chalk';
import type { LoggedAction } from '../core/actions.js';
import { daysBetween, formatShortDate, type IsoDate } from '../core/dates.js';
import type { Model } from '../core/model.js';

export type ActionStatus = 'open' | 'overdue' | 'done';
export const actionStatus = (a: LoggedAction): ActionStatus => (a.open ? (a.overdue ? 'overdue' : 'open') : 'done');

export function renderActions(model: Model, actions: readonly LoggedAction[], today: IsoDate, c: ChalkInstance, what: string): string[] {
  if (actions.length === 0) return [`No ${what}.`];
  const lines: string[] = [];
  let meeting = '';
  for (const a of actions) {
    if (a.meetingId !== meeting) {
      meeting = a.meetingId;
      if (lines.length) lines.push('');
      lines.push(c.bold(`${model.bodies.get(a.body)?.name ?? a.body}, ${formatShortDate(a.meetingDate)}`) + c.dim(`  ${a.meetingId}`));
    }
    const owner = model.people.get(a.owner)?.name ?? `${a.owner} (not in partnership.yaml)`;
    const state =
      a.done
        ? c.green(`done ${a.done.date}${a.done.meeting ? ` at ${a.done.meeting}` : ''}`)
        : a.overdue
          ? c.red(`overdue by ${daysBetween(a.due!, today)} day${daysBetween(a.due!, today) === 1 ? '' : 's'} (due ${a.due})`)
          : a.due
            ? `due ${a.due}`
            : c.dim('no due date');
    lines.push(`  ${a.id.padEnd(5)} ${a.text}`);
    lines.push(`        ${c.dim('owner:')} ${owner}  ${state}${a.item ? c.dim(`  item ${a.item}`) : ''}${(a as { fromMinutesFile?: boolean }).fromMinutesFile ? c.dim('  (from minutes.md)') : ''}`);
  }
  const open = actions.filter((a) => a.open).length;
  const overdue = actions.filter((a) => a.overdue).length;
  lines.push('', `${actions.length} action${actions.length === 1 ? '' : 's'}: ${open} open${overdue ? `, ${c.red(`${overdue} overdue`)}` : ''}`);
  return lines;
}

/** The stable --json shape of one action. */
export function actionJson(model: Model, a: LoggedAction & { fromMinutesFile?: boolean }) {
  return {
    ref: a.ref,
    meeting: a.meetingId,
    meetingDate: a.meetingDate,
    body: a.body,
    id: a.id,
    item: a.item ?? null,
    text: a.text,
    owner: a.owner,
    ownerName: model.people.get(a.owner)?.name ?? null,
    due: a.due ?? null,
    status: actionStatus(a),
    done: a.done ? { date: a.done.date, meeting: a.done.meeting ?? null, note: a.done.note ?? null } : null,
    fromMinutesFile: a.fromMinutesFile ?? false,
  };
}
