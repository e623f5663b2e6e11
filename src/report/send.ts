/** `wep send`: who gets what, before sending (and for --dry-run), and what happened after. */
import type { Styles } from './output.js';
import type { RecipientOutcome, SendPlan } from '../core/send.js';
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

/** What `wep send --json` describes besides the recipients. */
export interface SendSummary {
  meeting: string;
  /** What goes: the notice, a notice of cancellation, or the minutes. */
  what: 'notice' | 'cancellation' | 'minutes';
  /** 'sent' (through the server), 'dry-run' or 'drafts' (--eml). */
  run: 'sent' | 'dry-run' | 'drafts';
  /** The --eml folder as shown, with --eml. */
  drafts: string | null;
  /** The subject every message has. */
  subject: string;
  /** The fingerprint recorded with each message. */
  contentVersion: string;
  /** Messages sent, drafted or (with --dry-run) to send in this run. */
  messages: number;
  /** The date this run recorded the notice as sent (or the minutes as circulated), else null. */
  recorded: string | null;
  /** Whether everyone with an address now has this version. */
  complete: boolean;
  warnings: string[];
}

/** The data of `wep send --json` (README "JSON output"): the run, then each recipient once. */
export function sendJson(summary: SendSummary, outcomes: readonly RecipientOutcome[]) {
  return {
    ...summary,
    recipients: outcomes.map((o) => ({
      key: o.key,
      id: o.recipient.id ?? null,
      name: o.recipient.name,
      email: o.recipient.email ?? null,
      kind: o.recipient.kind,
      status: o.status,
      message: o.message
        ? {
            what: summary.what,
            invitation: o.message.calendar?.method ?? null,
            attachments: o.message.attachments.map((a) => a.filename),
            links: o.message.links,
            bcc: o.message.bcc.length > 0,
          }
        : null,
      messageId: o.messageId ?? null,
      date: o.date ?? null,
      error: o.error ?? null,
    })),
  };
}
