/**
 * `wep send` end to end against a real SMTP server this test starts on 127.0.0.1 (a random
 * port, closed in afterAll, every connection bounded in time). Every message is parsed back
 * with mailparser: recipients, bodies, the calendar part, attachments; then a resend after the
 * server refused one recipient, the minutes, Bcc mode, drafts, and the refusals.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { read, tempRepos, wep, wepAsync, write } from '../helpers/wep.js';

const ID = '2026-12-10-partnership';
const DIR = `meetings/${ID}`;
const repo = tempRepos({ withMeetings: true });

interface Received {
  rcpt: string[];
  raw: string;
  mail: ParsedMail;
}

const received: Received[] = [];
const refuse = new Set<string>();
let server: SMTPServer;
let url = '';

beforeAll(async () => {
  server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    socketTimeout: 20_000,
    closeTimeout: 1_000,
    onRcptTo(address, _session, cb) {
      if (refuse.has(address.address)) return cb(Object.assign(new Error('5.1.1 mailbox unavailable'), { responseCode: 550 }));
      cb();
    },
    onData(stream, session, cb) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        simpleParser(raw).then(
          (mail) => {
            received.push({ rcpt: session.envelope.rcptTo.map((r) => r.address), raw, mail });
            cb();
          },
          (e: Error) => cb(e),
        );
      });
    },
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const port = (server.server.address() as { port: number }).port;
  url = `smtp://127.0.0.1:${port}`;
});

afterAll(async () => {
  await new Promise<void>((done) => server.close(() => done()));
});

const take = () => received.splice(0, received.length);
const yamlOf = (dir: string) => parse(read(dir, `${DIR}/meeting.yaml`));
const addresses = (m: ParsedMail) => [m.to].flat().flatMap((a) => a?.value.map((v) => v.address) ?? []);

function prepare(): string {
  const dir = repo();
  expect(wep(['notice', '--meeting', ID], { cwd: dir }).code).toBe(0);
  expect(wep(['pack', '--meeting', ID], { cwd: dir }).code).toBe(0);
  return dir;
}

describe('wep send: the notice, one message per recipient, and a resend after a failure', () => {
  let dir: string;
  let first: Awaited<ReturnType<typeof wepAsync>>;
  let mails: Received[];

  beforeAll(async () => {
    dir = prepare();
    refuse.add('p.brown@riverside-primary.example.org');
    first = await wepAsync(['send', '--meeting', ID, '--yes'], { cwd: dir, env: { WEP_SMTP_URL: url } });
    refuse.clear();
    mails = take();
  });

  it('sends to everyone the server accepts, says who was refused, and exits 1', () => {
    expect(first.code).toBe(1);
    expect(first.stdout).toContain(`Notice of ${ID}: 29 messages to 29 recipients (one message each: no one sees another's address)`);
    expect(first.stdout).toContain('sent to 28 recipients');
    expect(first.stderr).toContain('warning: not sent to Peter Brown:');
    expect(first.stderr).toContain(`Run "wep send --meeting ${ID}" again to send to the rest only.`);
    expect(mails).toHaveLength(28);
  });

  it('each message goes to one person, and shows no other address', () => {
    for (const m of mails) {
      expect(m.rcpt).toHaveLength(1);
      expect(addresses(m.mail)).toEqual(m.rcpt);
      expect(m.mail.cc).toBeUndefined();
      expect(m.raw).not.toMatch(/^Bcc:/im);
      expect(m.mail.from?.value[0]).toEqual({ name: 'Jo Clerk', address: 'clerk@wep.example.org' });
      expect(m.mail.subject).toBe('Notice of meeting: WEP Education Partnership, Thursday 10 December 2026');
      expect(m.mail.messageId).toMatch(/^<.+@.+>$/);
    }
    expect(new Set(mails.map((m) => m.rcpt[0])).size).toBe(28);
  });

  it('plain text and HTML bodies are the notice', () => {
    const m = mails[0]!.mail;
    expect(m.text).toContain('## Education Partnership: notice of meeting');
    expect(m.text).toContain('**Thursday 10 December 2026, 4pm to 6pm**');
    expect(m.html).toContain('<h1>Education Partnership: notice of meeting</h1>');
    expect(m.text).not.toContain('wep-generated');
  });

  it('the invitation is a text/calendar; method=REQUEST part naming only that recipient', () => {
    for (const m of mails) {
      expect(m.raw).toMatch(/Content-Type: text\/calendar; charset=utf-8; method=REQUEST/i);
      const cal = m.mail.attachments.find((a) => a.contentType === 'text/calendar');
      expect(cal).toBeDefined();
      const ics = cal!.content.toString('utf8').replace(/\r\n[ \t]/g, '');
      expect(ics).toContain('METHOD:REQUEST');
      expect(ics).toContain(`UID:wep-${ID}@wep`);
      const attendees = ics.split('\r\n').filter((l) => l.startsWith('ATTENDEE'));
      expect(attendees).toHaveLength(1);
      expect(attendees[0]).toContain(`mailto:${m.rcpt[0]}`);
    }
  });

  it('the pack is attached; the confidential part only to members and proxies', () => {
    const byAddress = new Map(mails.map((m) => [m.rcpt[0]!, m.mail.attachments.filter((a) => a.contentType === 'application/pdf').map((a) => a.filename).sort()]));
    expect(byAddress.get('grace.okafor@example.org')).toEqual([`${ID}-agenda-pack-confidential.pdf`, `${ID}-agenda-pack.pdf`]);
    expect(byAddress.get('g.usman@loddon-school.example.org')).toEqual([`${ID}-agenda-pack-confidential.pdf`, `${ID}-agenda-pack.pdf`]); // a proxy
    expect(byAddress.get('a.morris@example.org')).toEqual([`${ID}-agenda-pack.pdf`]); // an invitee
    expect(byAddress.get('olivia.cole@council.example.org')).toEqual([`${ID}-agenda-pack.pdf`]);
    const pack = mails[0]!.mail.attachments.find((a) => a.filename === `${ID}-agenda-pack.pdf`)!;
    expect(pack.content.subarray(0, 5).toString()).toBe('%PDF-');
    expect(Buffer.compare(pack.content, readFileSync(join(dir, DIR, 'agenda-pack.pdf')))).toBe(0);
  });

  it('meeting.yaml records each message sent, and not yet the notice as sent', () => {
    const y = yamlOf(dir);
    expect(y.notice.messages).toHaveLength(28);
    const ids = new Set(mails.map((m) => m.mail.messageId));
    for (const msg of y.notice.messages) {
      expect(ids.has(msg['message-id'])).toBe(true);
      expect(msg.date).toBe('2026-11-22');
    }
    expect(y.notice.messages.map((m: { to: string }) => m.to)).not.toContain('ph-brown');
    expect(y.notice.sent).toBeUndefined();
    // the comments the clerk wrote are still there
    expect(read(dir, `${DIR}/meeting.yaml`)).toContain('# names providers and costs: not for publication');
  });

  it('run again, it sends only to the one it missed, and records the notice as sent', async () => {
    const again = await wepAsync(['send', '--meeting', ID, '--yes'], { cwd: dir, env: { WEP_SMTP_URL: url } });
    const more = take();
    expect(again.code).toBe(0);
    expect(more.map((m) => m.rcpt)).toEqual([['p.brown@riverside-primary.example.org']]);
    expect(again.stdout).toContain('already sent (left out):');
    expect(again.stdout).toContain(`Recorded in ${DIR}/meeting.yaml: notice sent on Sunday 22 November 2026 to 29 recipients.`);
    const y = yamlOf(dir);
    expect(y.notice.sent).toBe('2026-11-22');
    expect(y.notice.to).toHaveLength(29);
    expect(y.notice.messages).toHaveLength(29);
    expect(y.notice.sequence).toBe(0);
  });

  it('a third run sends nothing', async () => {
    const third = await wepAsync(['send', '--meeting', ID, '--yes'], { cwd: dir, env: { WEP_SMTP_URL: url } });
    expect(third.code).toBe(0);
    expect(third.stdout).toContain('Everyone has already been sent this version: nothing to send.');
    expect(take()).toHaveLength(0);
  });

  it('after the time changes, the revised notice goes to everyone again with SEQUENCE 1', async () => {
    write(dir, `${DIR}/meeting.yaml`, read(dir, `${DIR}/meeting.yaml`).replace('start: "16:00"', 'start: "16:30"'));
    expect(wep(['notice', '--meeting', ID], { cwd: dir }).stderr).toContain('it is marked revised and must go out again');
    const r = await wepAsync(['send', '--meeting', ID, '--yes'], { cwd: dir, env: { WEP_SMTP_URL: url } });
    const sent = take();
    expect(r.code).toBe(0);
    expect(sent).toHaveLength(29);
    expect(sent[0]!.mail.subject).toBe('Revised notice: WEP Education Partnership, Thursday 10 December 2026');
    const ics = sent[0]!.mail.attachments.find((a) => a.contentType === 'text/calendar')!.content.toString().replace(/\r\n[ \t]/g, '');
    expect(ics).toContain('SEQUENCE:1');
    expect(ics).toContain('DTSTART;TZID=Europe/London:20261210T163000');
    expect(yamlOf(dir).notice.sequence).toBe(1);
  });
});

describe('wep send: refusals and the ways of not sending', () => {
  const dir = prepare();

  it('not on a terminal and no --yes: refuses, sends nothing, says what to do', async () => {
    const r = await wepAsync(['send', '--meeting', ID], { cwd: dir, env: { WEP_SMTP_URL: url } });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('wep: error: wep send sends email, and asks first; there is no terminal to ask on');
    expect(r.stderr).toContain('fix: run it with --yes to send, --dry-run to see what would go, or --eml DIR to write drafts');
    expect(take()).toHaveLength(0);
  });

  it('no mail server set up: a clear error, exit 2', () => {
    const r = wep(['send', '--meeting', ID, '--yes'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('wep: error: no mail server is set up, so wep cannot send');
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('--dry-run shows who gets what and changes nothing', async () => {
    const before = read(dir, `${DIR}/meeting.yaml`);
    const r = await wepAsync(['send', '--meeting', ID, '--dry-run'], { cwd: dir, env: { WEP_SMTP_URL: url } });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('to Dr Alex Morris <a.morris@example.org>  + invitation (REQUEST), 2026-12-10-partnership-agenda-pack.pdf');
    expect(r.stdout).toContain('dry run: nothing was sent or recorded');
    expect(take()).toHaveLength(0);
    expect(read(dir, `${DIR}/meeting.yaml`)).toBe(before);
  });

  it('--eml DIR writes one draft per message, which parse back', async () => {
    const r = wep(['send', '--meeting', ID, '--eml', 'drafts'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('wrote 29 drafts in drafts (nothing was sent or recorded)');
    const files = readdirSync(join(dir, 'drafts')).sort();
    expect(files).toHaveLength(29);
    const m = await simpleParser(readFileSync(join(dir, 'drafts', files.find((f) => f.includes('a.morris'))!)));
    expect(addresses(m)).toEqual(['a.morris@example.org']);
    // the invitation as a calendar alternative, and as invite.ics for mail programs that want a file
    expect(m.attachments.map((a) => a.contentType).sort()).toEqual(['application/ics', 'application/pdf', 'text/calendar']);
    expect(yamlOf(dir).notice?.messages).toBeUndefined();
  });

  it('--eml outside the records repo is refused', () => {
    const r = wep(['send', '--meeting', ID, '--eml', '../elsewhere'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('is outside the records repo');
  });

  it('no notice written: refuses', () => {
    const fresh = repo();
    const r = wep(['send', '--meeting', ID, '--dry-run'], { cwd: fresh });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`wep: error: no notice has been written for ${ID}`);
    expect(r.stderr).toContain(`fix: write it first: wep notice --meeting ${ID}`);
  });

  it('a notice out of date with the records: refuses', () => {
    const d = prepare();
    write(d, `${DIR}/meeting.yaml`, read(d, `${DIR}/meeting.yaml`).replace('start: "16:00"', 'start: "17:00"'));
    const r = wep(['send', '--meeting', ID, '--dry-run'], { cwd: d });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${DIR}/notice.md is out of date`);
  });
});

describe('wep send with publish.base-url: the pack linked, the paper links absolute', () => {
  it('links the public pack on the site, attaches only the confidential part', async () => {
    const dir = repo();
    write(dir, 'partnership.yaml', read(dir, 'partnership.yaml').replace('  publish:\n    minutes: approved-only\n', '  publish:\n    minutes: approved-only\n    base-url: https://wep.example.org/\n'));
    expect(wep(['notice', '--meeting', ID], { cwd: dir }).code).toBe(0);
    expect(wep(['pack', '--meeting', ID], { cwd: dir }).code).toBe(0);
    expect(read(dir, `${DIR}/notice.md`)).toContain(`[papers/place-planning-2027-28.md](https://wep.example.org/meetings/${ID}/papers/place-planning-2027-28.html)`);
    expect(read(dir, `${DIR}/notice.md`)).not.toContain('https://wep.example.org/meetings/2026-12-10-partnership/papers/working-groups');
    const r = await wepAsync(['send', '--meeting', ID, '--yes'], { cwd: dir, env: { WEP_SMTP_URL: url } });
    const mails = take();
    expect(r.code).toBe(0);
    const chair = mails.find((m) => m.rcpt[0] === 'grace.okafor@example.org')!.mail;
    expect(chair.text).toContain(`Agenda pack: https://wep.example.org/meetings/${ID}/agenda-pack.pdf`);
    expect(chair.html).toContain(`<a href="https://wep.example.org/meetings/${ID}/agenda-pack.pdf">`);
    expect(chair.attachments.filter((a) => a.contentType === 'application/pdf').map((a) => a.filename)).toEqual([`${ID}-agenda-pack-confidential.pdf`]);
    const guest = mails.find((m) => m.rcpt[0] === 'a.morris@example.org')!.mail;
    expect(guest.attachments.filter((a) => a.contentType === 'application/pdf')).toEqual([]);
  });

  it('a Word paper, which the pack lists without its pages, goes with it: a confidential one only to members and proxies', async () => {
    const dir = repo();
    const yaml = read(dir, `${DIR}/meeting.yaml`);
    write(dir, `${DIR}/meeting.yaml`, yaml.replace('papers/send-priorities.md', 'papers/send-priorities.docx').replace('papers/working-groups-budget-2027-28.md', 'papers/working-groups-budget.docx'));
    // the bytes of a zip file, which is all a .docx is to wep: it is attached as it is
    const docx = Buffer.from('PK\u0003\u0004 a Word paper', 'latin1');
    write(dir, `${DIR}/papers/send-priorities.docx`, docx.toString('latin1'));
    write(dir, `${DIR}/papers/working-groups-budget.docx`, docx.toString('latin1'));
    expect(wep(['notice', '--meeting', ID], { cwd: dir }).code).toBe(0);
    expect(wep(['pack', '--meeting', ID], { cwd: dir }).code).toBe(0);
    const r = await wepAsync(['send', '--meeting', ID, '--yes'], { cwd: dir, env: { WEP_SMTP_URL: url } });
    expect(r.code).toBe(0);
    const mails = take();
    const word = (address: string) =>
      mails
        .find((m) => m.rcpt[0] === address)!
        .mail.attachments.filter((a) => a.contentType === 'application/vnd.openxmlformats-officedocument.wordprocessingml.document')
        .map((a) => a.filename)
        .sort();
    expect(word('grace.okafor@example.org')).toEqual(['send-priorities.docx', 'working-groups-budget.docx']);
    expect(word('a.morris@example.org')).toEqual(['send-priorities.docx']);
  });
});

describe('wep send --json: what became of each recipient, and nothing else on stdout', () => {
  interface JsonRecipient {
    key: string;
    id: string | null;
    name: string;
    email: string | null;
    kind: string;
    status: string;
    message: { what: string; invitation: string | null; attachments: string[]; links: string[]; bcc: boolean } | null;
    messageId: string | null;
    date: string | null;
    error: string | null;
  }
  const byKey = (j: { recipients: JsonRecipient[] }) => new Map(j.recipients.map((r) => [r.key, r]));
  const pack = `${ID}-agenda-pack.pdf`;
  const confidential = `${ID}-agenda-pack-confidential.pdf`;
  let dir: string;

  beforeAll(() => {
    dir = prepare();
  });

  it('--json without --yes or --dry-run cannot ask: a usage error, exit 2, nothing sent or printed', async () => {
    const before = read(dir, `${DIR}/meeting.yaml`);
    const r = await wepAsync(['send', '--meeting', ID, '--json'], { cwd: dir, env: { WEP_SMTP_URL: url } });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('wep: error: wep send --json cannot ask before sending\n  fix: add --yes to send, --dry-run to see what would go, or --eml DIR to write drafts\n');
    expect(take()).toHaveLength(0);
    expect(read(dir, `${DIR}/meeting.yaml`)).toBe(before);
  });

  it('--dry-run --json: who would get what; nothing sent or recorded', async () => {
    const before = read(dir, `${DIR}/meeting.yaml`);
    const r = await wepAsync(['send', '--meeting', ID, '--dry-run', '--json'], { cwd: dir, env: { WEP_SMTP_URL: url } });
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j).toMatchObject({ version: 1, command: 'send', meeting: ID, what: 'notice', run: 'dry-run', drafts: null, messages: 29, recorded: null, complete: false });
    expect(j.subject).toBe('Notice of meeting: WEP Education Partnership, Thursday 10 December 2026');
    expect(j.recipients).toHaveLength(29);
    const chair = byKey(j).get('chair-okafor')!;
    expect(chair).toEqual({
      key: 'chair-okafor',
      id: 'chair-okafor',
      name: 'Dr Grace Okafor',
      email: 'grace.okafor@example.org',
      kind: 'member',
      status: 'would-send',
      message: { what: 'notice', invitation: 'REQUEST', attachments: [pack, confidential], links: [], bcc: false },
      messageId: null,
      date: null,
      error: null,
    });
    expect(j.recipients.every((x: JsonRecipient) => x.status === 'would-send')).toBe(true);
    expect(take()).toHaveLength(0);
    expect(read(dir, `${DIR}/meeting.yaml`)).toBe(before);
  });

  it('--yes --json: each recipient sent or failed, with the message id the server got and the date recorded', async () => {
    refuse.add('p.brown@riverside-primary.example.org');
    const r = await wepAsync(['send', '--meeting', ID, '--yes', '--json'], { cwd: dir, env: { WEP_SMTP_URL: url } });
    refuse.clear();
    const mails = take();
    expect(r.code).toBe(1);
    const j = JSON.parse(r.stdout);
    expect(j).toMatchObject({ version: 1, command: 'send', meeting: ID, what: 'notice', run: 'sent', messages: 29, recorded: null, complete: false });
    expect(r.stderr).toContain('warning: not sent to Peter Brown:');
    const k = byKey(j);
    const brown = k.get('ph-brown')!;
    expect(brown).toMatchObject({ status: 'failed', email: 'p.brown@riverside-primary.example.org', messageId: null, date: null });
    expect(brown.error).toContain('mailbox unavailable');
    const sent = j.recipients.filter((x: JsonRecipient) => x.status === 'sent');
    expect(sent).toHaveLength(28);
    // each message id is the one the server received for that address, and the one recorded in meeting.yaml
    const received = new Map(mails.map((m) => [m.rcpt[0]!, m.mail.messageId]));
    const recorded = new Map(yamlOf(dir).notice.messages.map((m: { to: string; 'message-id': string }) => [m.to, m['message-id']]));
    for (const x of sent as JsonRecipient[]) {
      expect(x.messageId).toMatch(/^<.+@.+>$/);
      expect(x.messageId).toBe(received.get(x.email!));
      expect(x.messageId).toBe(recorded.get(x.key));
      expect(x.date).toBe('2026-11-22');
      expect(x.error).toBeNull();
    }
    // what each was sent: the confidential part only to members and proxies
    expect(k.get('px-evans')).toMatchObject({ kind: 'proxy', status: 'sent', message: { attachments: [pack, confidential] } });
    expect([...k.values()].find((x) => x.email === 'a.morris@example.org')).toMatchObject({ status: 'sent', message: { what: 'notice', invitation: 'REQUEST', attachments: [pack], links: [] } });
  });

  it('run again: the one missed is sent, the rest skipped with their earlier message id and date, and the notice recorded', async () => {
    const earlier = new Map(yamlOf(dir).notice.messages.map((m: { to: string; 'message-id': string }) => [m.to, m['message-id']]));
    const r = await wepAsync(['send', '--meeting', ID, '--yes', '--json'], { cwd: dir, env: { WEP_SMTP_URL: url } });
    const mails = take();
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j).toMatchObject({ run: 'sent', messages: 1, recorded: '2026-11-22', complete: true });
    expect(byKey(j).get('ph-brown')).toMatchObject({ status: 'sent', messageId: mails[0]!.mail.messageId, date: '2026-11-22' });
    const skipped = j.recipients.filter((x: JsonRecipient) => x.status === 'skipped-already-sent') as JsonRecipient[];
    expect(skipped).toHaveLength(28);
    for (const x of skipped) {
      expect(x.messageId).toBe(earlier.get(x.key));
      expect(x.date).toBe('2026-11-22');
      expect(x.message).toBeNull();
    }
    expect(yamlOf(dir).notice.sent).toBe('2026-11-22');
  });

  it('--eml --json: the drafts written, nothing sent', () => {
    const d = prepare();
    const r = wep(['send', '--meeting', ID, '--eml', 'drafts', '--json'], { cwd: d });
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j).toMatchObject({ run: 'drafts', drafts: 'drafts', messages: 29, recorded: null });
    expect(j.recipients.every((x: JsonRecipient) => x.status === 'drafted' && x.messageId === null)).toBe(true);
    expect(readdirSync(join(d, 'drafts'))).toHaveLength(29);
  });

  it('--bcc --yes --json: one message id for everyone in the same message', async () => {
    const d = prepare();
    const r = await wepAsync(['send', '--meeting', ID, '--yes', '--bcc', '--json'], { cwd: d, env: { WEP_SMTP_URL: url } });
    const mails = take();
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j).toMatchObject({ messages: 2, complete: true, recorded: '2026-11-22' });
    const ids = new Set(j.recipients.map((x: JsonRecipient) => x.messageId));
    expect(ids).toEqual(new Set(mails.map((m) => m.mail.messageId)));
    const guest = j.recipients.find((x: JsonRecipient) => x.email === 'a.morris@example.org');
    expect(guest).toMatchObject({ status: 'sent', message: { bcc: true, invitation: 'REQUEST', attachments: [pack] } });
  });

  it('with publish.base-url the public pack is a link, not an attachment', async () => {
    const d = repo();
    write(d, 'partnership.yaml', read(d, 'partnership.yaml').replace('  publish:\n    minutes: approved-only\n', '  publish:\n    minutes: approved-only\n    base-url: https://wep.example.org/\n'));
    expect(wep(['notice', '--meeting', ID], { cwd: d }).code).toBe(0);
    expect(wep(['pack', '--meeting', ID], { cwd: d }).code).toBe(0);
    const r = await wepAsync(['send', '--meeting', ID, '--yes', '--json'], { cwd: d, env: { WEP_SMTP_URL: url } });
    take();
    expect(r.code).toBe(0);
    const k = byKey(JSON.parse(r.stdout));
    const link = `https://wep.example.org/meetings/${ID}/agenda-pack.pdf`;
    expect(k.get('chair-okafor')!.message).toEqual({ what: 'notice', invitation: 'REQUEST', attachments: [confidential], links: [link], bcc: false });
    expect([...k.values()].find((x) => x.email === 'a.morris@example.org')!.message).toMatchObject({ attachments: [], links: [link] });
  });

  it('--minutes --yes --json: the minutes, no invitation, the Word file attached, the circulation recorded', async () => {
    const d = repo();
    const held = '2026-10-08-partnership';
    expect(wep(['minutes', '--meeting', held, '--docx', '--force'], { cwd: d, today: '2026-10-09' }).code).toBe(0);
    const path = `meetings/${held}/meeting.yaml`;
    write(d, path, read(d, path).replace(/minutes:\n  status: circulated\n  circulated: 2026-10-15\n/, 'minutes:\n  status: draft\n'));
    const r = await wepAsync(['send', '--minutes', '--meeting', held, '--yes', '--json'], { cwd: d, today: '2026-10-12', env: { WEP_SMTP_URL: url } });
    const mails = take();
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j).toMatchObject({ command: 'send', meeting: held, what: 'minutes', run: 'sent', recorded: '2026-10-12', complete: true });
    expect(j.subject).toBe('Minutes: WEP Education Partnership, Thursday 8 October 2026 (for approval at the next meeting)');
    const sent = j.recipients.filter((x: JsonRecipient) => x.status === 'sent');
    expect(sent).toHaveLength(mails.length);
    for (const x of sent as JsonRecipient[]) {
      expect(x.message).toEqual({ what: 'minutes', invitation: null, attachments: [`${held}-minutes.docx`], links: [], bcc: false });
      expect(x.date).toBe('2026-10-12');
    }
    expect(parse(read(d, path)).minutes).toMatchObject({ status: 'circulated', circulated: '2026-10-12' });
  });
});

describe('wep send --bcc and --minutes', () => {
  it('--bcc: the clerk in To, the others in the envelope only; invitees in a message without the confidential part', async () => {
    const dir = prepare();
    const r = await wepAsync(['send', '--meeting', ID, '--yes', '--bcc'], { cwd: dir, env: { WEP_SMTP_URL: url } });
    const mails = take();
    expect(r.code).toBe(0);
    expect(mails).toHaveLength(2);
    for (const m of mails) {
      expect(addresses(m.mail)).toEqual(['clerk@wep.example.org']);
      expect(m.raw).not.toMatch(/^Bcc:/im);
      const ics = m.mail.attachments.find((a) => a.contentType === 'text/calendar')!.content.toString();
      expect(ics).not.toContain('ATTENDEE');
    }
    const [members, others] = mails[0]!.rcpt.length > mails[1]!.rcpt.length ? mails : [mails[1]!, mails[0]!];
    // the clerk, in To, gets a copy of each
    expect(members!.rcpt).toHaveLength(28);
    expect(members!.rcpt).toContain('clerk@wep.example.org');
    expect(others!.rcpt.sort()).toEqual(['a.morris@example.org', 'clerk@wep.example.org', 'olivia.cole@council.example.org']);
    expect(others!.mail.attachments.map((a) => a.filename)).not.toContain(`${ID}-agenda-pack-confidential.pdf`);
    expect(members!.mail.attachments.map((a) => a.filename)).toContain(`${ID}-agenda-pack-confidential.pdf`);
  });

  it('--minutes circulates minutes.md (and minutes.docx) and records the circulation', async () => {
    const dir = repo();
    const held = '2026-10-08-partnership';
    expect(wep(['minutes', '--meeting', held, '--docx', '--force'], { cwd: dir, today: '2026-10-09' }).code).toBe(0);
    // the example says its minutes were circulated: make them a draft not yet sent
    const path = `meetings/${held}/meeting.yaml`;
    write(dir, path, read(dir, path).replace(/minutes:\n  status: circulated\n  circulated: 2026-10-15\n/, 'minutes:\n  status: draft\n'));
    const r = await wepAsync(['send', '--minutes', '--meeting', held, '--yes'], { cwd: dir, today: '2026-10-12', env: { WEP_SMTP_URL: url } });
    const mails = take();
    expect(r.code).toBe(0);
    expect(mails.length).toBeGreaterThan(20);
    const m = mails[0]!.mail;
    expect(m.subject).toBe('Minutes: WEP Education Partnership, Thursday 8 October 2026 (for approval at the next meeting)');
    expect(m.text).toContain('Review of the terms of reference');
    expect(m.html).toContain('<h1>');
    expect(m.attachments.map((a) => a.filename)).toEqual([`${held}-minutes.docx`]);
    expect(m.attachments.some((a) => a.contentType === 'text/calendar')).toBe(false);
    expect(r.stdout).toContain(`Recorded in meetings/${held}/meeting.yaml: minutes circulated on Monday 12 October 2026.`);
    const y = parse(read(dir, path));
    expect(y.minutes).toMatchObject({ status: 'circulated', circulated: '2026-10-12' });
    expect(y.minutes.messages).toHaveLength(mails.length);
  });
});
