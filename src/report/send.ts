/** `wep send`: who gets what, before sending (and for --dry-run), and what happened after. */
import type { Styles } from './output.js';
import type { SendPlan } from '../core/send.js';
import type { Delivery } from '../io/mailer.js';

const list = (xs: string[]) => (xs.length <= 4 ? xs.join(', ') : `${xs.slice(0, 3).join(', ')} and ${xs.length - 3} more`);

/** The plan: each message's recipients, attachments and calendar part. */
export function renderSendPlan(plan: SendPlan, what: string, c: Styles): string[] {
  const lines: string[] = [];
  const n = plan.messages.reduce((a, m) => a + m.keys.length, 0);
  lines.push(`${c.bold(what)}: ${plan.messages.length} message${plan.messages.length === 1 ? '' : 's'} to ${n} recipient${n === 1 ? '' : 's'} (${plan.mode === 'each' ? 'one message each: no one sees another\'s address' : 'recipients in Bcc'})`);
  if (plan.messages[0]) lines.push(`  subject: ${plan.messages[0].subject}`);
  for (const m of plan.messages) {
    const people = (m.bcc.length ? m.bcc : m.to).map((a) => `${a.name} <${a.email}>`);
    const parts = [...(m.calendar ? [`invitation (${m.calendar.method})`] : []), ...m.attachments.map((a) => a.filename)];
    lines.push(`  ${m.bcc.length ? 'bcc ' : 'to '}${list(people)}${parts.length ? c.dim(`  + ${parts.join(', ')}`) : ''}`);
  }
  if (plan.already.length) lines.push(c.dim(`  already sent (left out): ${list(plan.already.map((a) => `${a.name} (${a.date})`))}`));
  return lines;
}

/** out: what was sent; err: who was refused, as warnings. */
export function renderDeliveries(deliveries: readonly Delivery[], names: ReadonlyMap<string, string>): { out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  const sent = deliveries.flatMap((d) => d.accepted);
  const refused = deliveries.flatMap((d) => d.rejected);
  out.push(`sent to ${sent.length} recipient${sent.length === 1 ? '' : 's'}`);
  for (const r of refused) err.push(`not sent to ${names.get(r.key) ?? r.key}: ${r.reason}`);
  return { out, err };
}
