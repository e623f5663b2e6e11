import { describe, expect, it } from 'vitest';
import type { Recipient } from '../../../src/core/distribution.js';
import { isComplete, planSend, recipientKey, recipientOutcomes, type SendInput } from '../../../src/core/send.js';

const r = (id: string | undefined, kind: Recipient['kind'], email?: string): Recipient => ({ ...(id ? { id } : {}), name: id ?? email ?? 'Nobody', kind, ...(email ? { email } : {}) });
const recipients = [r('ph-a', 'member', 'a@example.org'), r('px-b', 'proxy', 'b@example.org'), r('ph-c', 'member'), r(undefined, 'invitee', 'guest@example.org')];
const input = (extra: Partial<SendInput> = {}): SendInput => ({
  kind: 'notice',
  mode: 'each',
  version: 'v1',
  recipients,
  sent: [],
  from: { name: 'Clerk', email: 'clerk@example.org' },
  subject: 'Notice',
  text: 'text',
  html: '<p>html</p>',
  calendar: (attendees) => ({ method: 'REQUEST', content: attendees.map((a) => a.email).join(',') }),
  attachments: [{ filename: 'pack.pdf', path: '/p/pack.pdf', contentType: 'application/pdf' }],
  confidentialAttachments: [{ filename: 'conf.pdf', path: '/p/conf.pdf', contentType: 'application/pdf' }],
  ...extra,
});

describe('planSend', () => {
  it('one message each: To is that one person, the invitation names only them; confidential papers to members and proxies only', () => {
    const p = planSend(input());
    expect(p.messages.map((m) => [m.keys, m.to.map((a) => a.email), m.bcc, m.calendar?.content, m.attachments.map((a) => a.filename)])).toEqual([
      [['ph-a'], ['a@example.org'], [], 'a@example.org', ['pack.pdf', 'conf.pdf']],
      [['px-b'], ['b@example.org'], [], 'b@example.org', ['pack.pdf', 'conf.pdf']],
      [['guest@example.org'], ['guest@example.org'], [], 'guest@example.org', ['pack.pdf']],
    ]);
    expect(p.withoutEmail.map((x) => x.id)).toEqual(['ph-c']);
  });

  it('Bcc: the sender in To, everyone else in Bcc, no attendees; split where some may not see the confidential part', () => {
    const p = planSend(input({ mode: 'bcc' }));
    expect(p.messages.map((m) => [m.to.map((a) => a.email), m.bcc.map((a) => a.email), m.calendar?.content, m.attachments.map((a) => a.filename)])).toEqual([
      [['clerk@example.org'], ['a@example.org', 'b@example.org'], '', ['pack.pdf', 'conf.pdf']],
      [['clerk@example.org'], ['guest@example.org'], '', ['pack.pdf']],
    ]);
    const one = planSend(input({ mode: 'bcc', confidentialAttachments: [] }));
    expect(one.messages).toHaveLength(1);
    expect(one.messages[0]!.keys).toEqual(['ph-a', 'px-b', 'guest@example.org']);
  });

  it('leaves out who already has this version, not who had an older one', () => {
    const sent = [
      { to: 'ph-a', messageId: '<1@x>', date: '2026-11-25', version: 'v1' },
      { to: 'px-b', messageId: '<2@x>', date: '2026-11-25', version: 'v0' },
    ];
    const p = planSend(input({ sent }));
    expect(p.messages.map((m) => m.keys)).toEqual([['px-b'], ['guest@example.org']]);
    expect(p.already).toEqual([{ key: 'ph-a', name: 'ph-a', date: '2026-11-25', messageId: '<1@x>' }]);
  });

  it('isComplete: everyone with an address has this version', () => {
    const all = ['ph-a', 'px-b', 'guest@example.org'].map((to) => ({ to, messageId: '<m@x>', date: '2026-11-25', version: 'v1' }));
    expect(isComplete(recipients, all, 'v1')).toBe(true);
    expect(isComplete(recipients, all.slice(1), 'v1')).toBe(false);
    expect(isComplete(recipients, all, 'v2')).toBe(false);
    expect(recipients.map(recipientKey)).toEqual(['ph-a', 'px-b', 'ph-c', 'guest@example.org']);
  });
});

describe('recipientOutcomes', () => {
  const sent = [{ to: 'ph-a', messageId: '<1@x>', date: '2026-11-25', version: 'v1' }];
  const plan = planSend(input({ sent, links: ['https://wep.example.org/pack.pdf'] }));
  const rows = (run: Parameters<typeof recipientOutcomes>[2]) => recipientOutcomes(plan, recipients, run).map((o) => [o.key, o.status, o.messageId, o.date, o.error, o.message?.attachments.map((a) => a.filename), o.message?.links]);

  it('every recipient once, in order: already sent, no address, and what a dry run would send', () => {
    expect(rows({ kind: 'dry-run' })).toEqual([
      ['ph-a', 'skipped-already-sent', '<1@x>', '2026-11-25', undefined, undefined, undefined],
      ['px-b', 'would-send', undefined, undefined, undefined, ['pack.pdf', 'conf.pdf'], ['https://wep.example.org/pack.pdf']],
      ['ph-c', 'no-email', undefined, undefined, undefined, undefined, undefined],
      ['guest@example.org', 'would-send', undefined, undefined, undefined, ['pack.pdf'], ['https://wep.example.org/pack.pdf']],
    ]);
    expect(rows({ kind: 'drafts' }).map((r) => r[1])).toEqual(['skipped-already-sent', 'drafted', 'no-email', 'drafted']);
  });

  it('after sending: accepted with the message id and the date, refused with the server\'s reason', () => {
    const [toB, toGuest] = plan.messages;
    const deliveries = [
      { message: toB!, messageId: '<2@x>', accepted: ['px-b'], rejected: [] },
      { message: toGuest!, messageId: '<3@x>', accepted: [], rejected: [{ key: 'guest@example.org', reason: '550 mailbox unavailable' }] },
    ];
    expect(rows({ kind: 'sent', date: '2026-11-26', deliveries })).toEqual([
      ['ph-a', 'skipped-already-sent', '<1@x>', '2026-11-25', undefined, undefined, undefined],
      ['px-b', 'sent', '<2@x>', '2026-11-26', undefined, ['pack.pdf', 'conf.pdf'], ['https://wep.example.org/pack.pdf']],
      ['ph-c', 'no-email', undefined, undefined, undefined, undefined, undefined],
      ['guest@example.org', 'failed', undefined, undefined, '550 mailbox unavailable', ['pack.pdf'], ['https://wep.example.org/pack.pdf']],
    ]);
  });

  it('Bcc: everyone in the shared message gets its one message id', () => {
    const bcc = planSend(input({ mode: 'bcc', confidentialAttachments: [] }));
    const deliveries = [{ message: bcc.messages[0]!, messageId: '<all@x>', accepted: ['ph-a', 'px-b', 'guest@example.org'], rejected: [] }];
    expect(recipientOutcomes(bcc, recipients, { kind: 'sent', date: '2026-11-26', deliveries }).map((o) => [o.key, o.status, o.messageId])).toEqual([
      ['ph-a', 'sent', '<all@x>'],
      ['px-b', 'sent', '<all@x>'],
      ['ph-c', 'no-email', undefined],
      ['guest@example.org', 'sent', '<all@x>'],
    ]);
  });
});
