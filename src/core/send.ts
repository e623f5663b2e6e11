/**
 * What `wep send` sends, as data: one message per recipient (the default: no address is
 * shown to another) or one message with the recipients in Bcc; each with the plain-text and
 * HTML bodies, the invitation as a calendar part, and the pack attached (or linked). Who has
 * already received this version is left out, so a run that failed part way, run again, sends
 * only to the rest. Pure: io/mailer.ts sends, the command records.
 */
import type { Recipient } from './distribution.js';
import type { SentMessage } from './meeting-schema.js';

export type SendKind = 'notice' | 'minutes';
export type SendMode = 'each' | 'bcc';

export interface Address {
  name: string;
  email: string;
}

export interface Attachment {
  filename: string;
  /** Absolute path of the file to attach. */
  path: string;
  contentType: string;
}

export interface OutgoingMessage {
  /** Recipient keys (person id, or an outside invitee's address) this message reaches. */
  keys: string[];
  to: Address[];
  bcc: Address[];
  subject: string;
  text: string;
  html: string;
  /** The iCalendar text of the calendar part, and its METHOD. */
  calendar?: { method: 'REQUEST' | 'CANCEL'; content: string };
  attachments: Attachment[];
  /** Web addresses the message links to instead of attaching (the published pack). */
  links: string[];
}

export interface SendPlan {
  kind: SendKind;
  mode: SendMode;
  version: string;
  messages: OutgoingMessage[];
  /** Already sent this version: left out. */
  already: { key: string; name: string; date: string; messageId: string }[];
  /** No address: cannot be sent by email (they still need the papers another way). */
  withoutEmail: Recipient[];
}

/** The key a recipient is recorded under (as `notice --sent` records them). */
export const recipientKey = (r: Recipient) => r.id ?? r.email ?? r.name;

/** Whether a recipient gets confidential papers: members and their proxies, not other invitees. */
export const getsConfidential = (r: Recipient) => r.kind === 'member' || r.kind === 'proxy';

export interface SendInput {
  kind: SendKind;
  mode: SendMode;
  /** Fingerprint of what is sent: a message of another version does not count as sent. */
  version: string;
  recipients: readonly Recipient[];
  /** Messages recorded in meeting.yaml by earlier runs. */
  sent: readonly SentMessage[];
  /** The organiser's own address: the visible To of a Bcc message. */
  from: Address;
  subject: string;
  text: string;
  html: string;
  /** The calendar part for a message to these people (one person, or none in Bcc mode). */
  calendar?: (attendees: Address[]) => { method: 'REQUEST' | 'CANCEL'; content: string };
  attachments: readonly Attachment[];
  /** Attached only for recipients who get confidential papers. */
  confidentialAttachments: readonly Attachment[];
  /** Web addresses in the message instead of attachments (the published pack). */
  links?: readonly string[];
}

/** The messages to send now. */
export function planSend(input: SendInput): SendPlan {
  const done = new Map(input.sent.filter((m) => m.version === input.version).map((m) => [m.to, m]));
  const already: SendPlan['already'] = [];
  const todo: (Recipient & { email: string })[] = [];
  const withoutEmail: Recipient[] = [];
  for (const r of input.recipients) {
    const key = recipientKey(r);
    const was = done.get(key);
    if (was) already.push({ key, name: r.name, date: was.date, messageId: was.messageId });
    else if (!r.email) withoutEmail.push(r);
    else todo.push(r as Recipient & { email: string });
  }
  const message = (people: (Recipient & { email: string })[], confidential: boolean): OutgoingMessage => {
    const addresses = people.map((r) => ({ name: r.name, email: r.email }));
    const each = input.mode === 'each';
    const m: OutgoingMessage = {
      keys: people.map(recipientKey),
      to: each ? addresses : [input.from],
      bcc: each ? [] : addresses,
      subject: input.subject,
      text: input.text,
      html: input.html,
      attachments: [...input.attachments, ...(confidential ? input.confidentialAttachments : [])],
      links: [...(input.links ?? [])],
    };
    // attendees follow the send mode: the one recipient, or nobody in a Bcc message
    if (input.calendar) m.calendar = input.calendar(each ? addresses : []);
    return m;
  };
  const messages: OutgoingMessage[] = [];
  if (input.mode === 'each') for (const r of todo) messages.push(message([r], getsConfidential(r)));
  else {
    const withConf = todo.filter(getsConfidential);
    const without = todo.filter((r) => !getsConfidential(r));
    // two messages when some may not see the confidential papers
    if (input.confidentialAttachments.length && withConf.length && without.length) messages.push(message(withConf, true), message(without, false));
    else if (todo.length) messages.push(message(todo, input.confidentialAttachments.length > 0 && without.length === 0));
  }
  return { kind: input.kind, mode: input.mode, version: input.version, messages, already, withoutEmail };
}

/** True when every recipient with an address has this version: the sending is complete. */
export function isComplete(recipients: readonly Recipient[], sent: readonly SentMessage[], version: string): boolean {
  const done = new Set(sent.filter((m) => m.version === version).map((m) => m.to));
  return recipients.every((r) => !r.email || done.has(recipientKey(r)));
}

/** What became of one recipient in a run of `wep send`. */
export type RecipientStatus = 'sent' | 'failed' | 'skipped-already-sent' | 'would-send' | 'drafted' | 'no-email';

/** One message as the server took it: which recipient keys it accepted and refused. */
export interface DeliveredMessage {
  message: OutgoingMessage;
  messageId: string;
  accepted: readonly string[];
  rejected: readonly { key: string; reason: string }[];
}

/** How a run ended: only shown (--dry-run), written as drafts (--eml), or sent on `date`. */
export type SendRun = { kind: 'dry-run' } | { kind: 'drafts' } | { kind: 'sent'; date: string; deliveries: readonly DeliveredMessage[] };

/** One recipient's part in a run: who, what became of it, and the message that went (or would). */
export interface RecipientOutcome {
  key: string;
  recipient: Recipient;
  status: RecipientStatus;
  /** The message this run sent, tried, drafted or would send them; undefined when none. */
  message?: OutgoingMessage;
  /** The message id recorded for them: this run's, or the earlier one's when already sent. */
  messageId?: string;
  /** The date recorded in meeting.yaml for their message: today's run, or the earlier one. */
  date?: string;
  /** The server's reason, when it refused them. */
  error?: string;
}

/** Every recipient once, in distribution order, with what this run did for them. */
export function recipientOutcomes(plan: SendPlan, recipients: readonly Recipient[], run: SendRun): RecipientOutcome[] {
  const already = new Map(plan.already.map((a) => [a.key, a]));
  const messageOf = new Map(plan.messages.flatMap((m) => m.keys.map((k) => [k, m] as const)));
  const accepted = new Map<string, DeliveredMessage>();
  const rejected = new Map<string, string>();
  if (run.kind === 'sent') {
    for (const d of run.deliveries) {
      for (const k of d.accepted) accepted.set(k, d);
      for (const r of d.rejected) rejected.set(r.key, r.reason);
    }
  }
  return recipients.map((recipient): RecipientOutcome => {
    const key = recipientKey(recipient);
    const was = already.get(key);
    if (was) return { key, recipient, status: 'skipped-already-sent', messageId: was.messageId, date: was.date };
    const message = messageOf.get(key);
    if (!message) return { key, recipient, status: 'no-email' };
    if (run.kind === 'dry-run') return { key, recipient, status: 'would-send', message };
    if (run.kind === 'drafts') return { key, recipient, status: 'drafted', message };
    const d = accepted.get(key);
    if (d) return { key, recipient, status: 'sent', message, messageId: d.messageId, date: run.date };
    return { key, recipient, status: 'failed', message, error: rejected.get(key) ?? 'not sent' };
  });
}
