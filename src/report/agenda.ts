/** The agenda in the terminal, and its stable --json shape. */
import type { ChalkInstance } from 'chalk';
import type { Agenda } from '../core/agenda.js';
import { formatLongDate } from '../core/dates.js';

export function renderAgenda(a: Agenda, heading: { partnership: string; body: string; time: string; venue?: string }, c: ChalkInstance): string[] {
  const lines = [c.bold(`${heading.partnership}: ${heading.body}`), `${formatLongDate(a.date)}, ${heading.time}${heading.venue ? `, ${heading.venue}` : ''}`, '', c.bold('Agenda')];
  const width = String(a.items.length).length;
  for (const i of a.items) {
    const tags = [i.purposeText ? c.cyan(i.purposeText.toLowerCase()) : '', i.confidential ? c.red('confidential') : ''].filter(Boolean);
    lines.push(`${String(i.number).padStart(width)}. ${c.bold(i.title)}${tags.length ? `  ${tags.join(', ')}` : ''}`);
    const pad = ' '.repeat(width + 2);
    const meta = [i.presenter ? `presented by ${i.presenter}` : '', i.paper ? `paper: ${i.paper}` : ''].filter(Boolean);
    if (meta.length) lines.push(`${pad}${c.dim(meta.join('; '))}`);
    for (const n of i.notes) lines.push(`${pad}${n}`);
    for (const act of i.actions) {
      const due = act.due ? `, due ${act.due}` : '';
      lines.push(`${pad}- ${c.dim(act.ref)} ${act.text} (${act.ownerName}${due})${act.overdue ? ` ${c.red('overdue')}` : ''}`);
    }
  }
  return lines;
}

/** The stable --json shape of `wep agenda`. */
export function agendaJson(a: Agenda) {
  return {
    meeting: a.meetingId,
    body: a.body,
    date: a.date,
    items: a.items.map((i) => ({
      number: i.number,
      title: i.title,
      standard: i.standard,
      presenter: i.presenter,
      presenterId: i.presenterId,
      paper: i.paper,
      purpose: i.purpose,
      confidential: i.confidential,
      notes: i.notes,
      actions: i.actions,
    })),
  };
}
