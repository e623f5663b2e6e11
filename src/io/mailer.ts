/**
 * Mail through nodemailer (external in the bundle, loaded only by `wep send`): the SMTP
 * settings from partnership.yaml, credentials only from the environment (WEP_SMTP_USER,
 * WEP_SMTP_PASSWORD), and WEP_SMTP_URL (e.g. smtp://127.0.0.1:2525) overriding both. Messages
 * are sent one at a time; the caller records each as it goes, so a failure part way loses
 * nothing. `.eml` drafts are the same messages written to files instead.
 */
import { dirname, join } from 'node:path';
import { WepError } from '../core/errors.js';
import type { Address, DeliveredMessage, OutgoingMessage } from '../core/send.js';
import type { PartnershipFile } from '../core/partnership-schema.js';
import { loadExternal } from './external.js';
import { updateRecordBytes } from './fs.js';
import { readRecordBytes } from './guarded-read.js';

/** Mail servers refuse far less; this only keeps a wrong file from being read whole. */
const MAX_ATTACHMENT_BYTES = 100 * 1024 * 1024;

type Smtp = NonNullable<PartnershipFile['partnership']['smtp']>;

/** Seconds wep waits for a mail server before giving up (connect, greeting, each reply). */
const TIMEOUT_MS = 30_000;

export interface MailSettings {
  /** What nodemailer.createTransport is given. */
  transport: string | Record<string, unknown>;
  /** Said to the clerk: where mail goes (never the password). */
  describe: string;
}

/** Where mail goes, from the environment and the partnership file; a clear error when nowhere. */
export function mailSettings(smtp: Smtp | undefined, env: NodeJS.ProcessEnv): MailSettings {
  const limits = { connectionTimeout: TIMEOUT_MS, greetingTimeout: TIMEOUT_MS, socketTimeout: TIMEOUT_MS };
  if (env.WEP_SMTP_URL) {
    let url: URL;
    try {
      url = new URL(env.WEP_SMTP_URL);
    } catch {
      throw new WepError(`WEP_SMTP_URL="${env.WEP_SMTP_URL}" is not a web address`, 'set it like smtp://user:password@smtp.example.org:587 or smtp://127.0.0.1:2525');
    }
    if (!/^smtps?:$/.test(url.protocol)) throw new WepError(`WEP_SMTP_URL must start smtp:// or smtps://, not ${url.protocol}//`, 'e.g. WEP_SMTP_URL=smtp://127.0.0.1:2525');
    return { transport: { url: env.WEP_SMTP_URL, ...limits }, describe: `${url.protocol}//${url.hostname}:${url.port || (url.protocol === 'smtps:' ? 465 : 587)} (WEP_SMTP_URL)` };
  }
  if (!smtp) {
    throw new WepError('no mail server is set up, so wep cannot send', 'add "smtp: { host: smtp.example.org }" under partnership: in partnership.yaml (credentials in WEP_SMTP_USER and WEP_SMTP_PASSWORD), or set WEP_SMTP_URL; "--eml DIR" writes drafts instead');
  }
  const tls = smtp.tls ?? 'starttls';
  const port = smtp.port ?? (tls === 'implicit' ? 465 : 587);
  const auth = env.WEP_SMTP_USER ? { user: env.WEP_SMTP_USER, pass: env.WEP_SMTP_PASSWORD ?? '' } : undefined;
  return {
    transport: { host: smtp.host, port, secure: tls === 'implicit', requireTLS: tls === 'starttls', ignoreTLS: tls === 'none', ...(auth ? { auth } : {}), ...limits },
    describe: `${smtp.host}:${port} (${tls})`,
  };
}

const addr = (a: Address) => ({ name: a.name, address: a.email });

function mailOptions(m: OutgoingMessage, from: Address) {
  return {
    from: addr(from),
    to: m.to.map(addr),
    ...(m.bcc.length ? { bcc: m.bcc.map(addr) } : {}),
    subject: m.subject,
    text: m.text,
    html: m.html,
    ...(m.calendar ? { icalEvent: { method: m.calendar.method, content: m.calendar.content, filename: 'invite.ics' } } : {}),
    // read here through the guarded reader (never a link out of the records), not by nodemailer
    attachments: m.attachments.map((a) => ({ filename: a.filename, content: readRecordBytes(dirname(a.path), a.path, { limit: MAX_ATTACHMENT_BYTES }), contentType: a.contentType })),
  };
}

/** One message as the server took it: the keys it accepted, and those it refused with its reply. */
export interface Delivery extends DeliveredMessage {
  accepted: string[];
  rejected: { key: string; reason: string }[];
}

/**
 * Sends the messages in order, calling `delivered` after each (to record it at once). A
 * message the server refuses is reported and the rest still go; a server that cannot be
 * reached at all stops the run with a clear error.
 */
export async function sendMessages(settings: MailSettings, from: Address, messages: readonly OutgoingMessage[], delivered: (d: Delivery) => void): Promise<Delivery[]> {
  const nodemailer = await loadExternal('nodemailer');
  const transport = nodemailer.createTransport(settings.transport as never);
  const out: Delivery[] = [];
  try {
    for (const m of messages) {
      // keys follow the recipients: To in a message of its own, Bcc in a shared one
      const people = m.bcc.length ? m.bcc : m.to;
      const keyOf = new Map(people.map((a, i) => [a.email.toLowerCase(), m.keys[i]!]));
      let d: Delivery;
      try {
        const info = (await transport.sendMail(mailOptions(m, from))) as { messageId: string; accepted: (string | { address: string })[]; rejected: (string | { address: string })[]; rejectedErrors?: { recipient?: string; response?: string; message: string }[] };
        const email = (x: string | { address: string }) => (typeof x === 'string' ? x : x.address).toLowerCase();
        const accepted = info.accepted.map((x) => keyOf.get(email(x))).filter((k): k is string => !!k);
        const rejected = info.rejected.map((x) => ({ key: keyOf.get(email(x)) ?? email(x), reason: info.rejectedErrors?.find((e) => e.recipient?.toLowerCase() === email(x))?.response ?? 'refused by the server' }));
        d = { message: m, messageId: info.messageId, accepted, rejected };
      } catch (e) {
        const err = e as { code?: string; response?: string; message?: string };
        if (err.code === 'ECONNECTION' || err.code === 'ETIMEDOUT' || err.code === 'EDNS' || err.code === 'ESOCKET' || err.code === 'EAUTH') {
          if (out.length === 0) throw new WepError(`could not send through ${settings.describe}: ${err.message ?? err.code}`, err.code === 'EAUTH' ? 'check WEP_SMTP_USER and WEP_SMTP_PASSWORD' : 'check the smtp settings in partnership.yaml (or WEP_SMTP_URL) and the network');
        }
        d = { message: m, messageId: '', accepted: [], rejected: m.keys.map((key) => ({ key, reason: (err.response ?? err.message ?? String(e)).trim() })) };
      }
      out.push(d);
      delivered(d);
    }
  } finally {
    transport.close();
  }
  return out;
}

/** A draft is its message with every attachment in base64: far larger than any attachment. */
const MAX_DRAFT_BYTES = 4 * MAX_ATTACHMENT_BYTES;

/** The messages as .eml files in `dir` (inside the records repo `root`), one per message; returns their paths. */
export async function writeEmlDrafts(root: string, dir: string, from: Address, messages: readonly OutgoingMessage[], name: (m: OutgoingMessage, i: number) => string): Promise<string[]> {
  const nodemailer = await loadExternal('nodemailer');
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'windows' } as never);
  const paths: string[] = [];
  for (const [i, m] of messages.entries()) {
    const info = (await transport.sendMail({ ...mailOptions(m, from), headers: { 'X-Unsent': '1' } })) as unknown as { message: Buffer };
    const path = join(dir, name(m, i));
    updateRecordBytes(path, () => info.message, { root, limit: MAX_DRAFT_BYTES });
    paths.push(path);
  }
  return paths;
}
