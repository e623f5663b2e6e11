import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { dedupe, listDistribution, meetingDistribution, recipientKeys, type Recipient } from '../../../src/core/distribution.js';
import type { MeetingFile } from '../../../src/core/meeting-schema.js';
import { buildModel, type Model } from '../../../src/core/model.js';
import { examplePartnership } from '../../helpers/example-model.js';
import { formatDistributionCsv, formatEmails, formatVcards } from '../../../src/report/distribution.js';
import { ROOT } from '../../helpers/wep.js';

let wep: Model;
beforeAll(async () => {
  const file = examplePartnership();
  wep = buildModel(file!);
});

const meeting = (extra: Partial<MeetingFile> = {}): MeetingFile => ({ body: 'partnership', date: '2026-12-10', start: '16:00', agenda: [], ...extra });

describe('meetingDistribution', () => {
  it('sends to every member, then their proxies, then invitees', () => {
    const d = meetingDistribution(wep, meeting({ invitees: [{ name: 'Dr Alex Morris', email: 'a.morris@example.org' }] }));
    const kinds = d.recipients.map((r) => r.kind);
    expect(kinds.filter((k) => k === 'member')).toHaveLength(15);
    expect(kinds.filter((k) => k === 'proxy')).toHaveLength(12);
    expect(kinds.at(-1)).toBe('invitee');
    expect(kinds.indexOf('proxy')).toBeGreaterThan(kinds.lastIndexOf('member'));
    expect(d.recipients.find((r) => r.id === 'px-evans')!.proxyFor).toBe('sh-evans');
    expect(d.withoutEmail).toEqual([]);
  });

  it('keeps members who sent apologies, marked', () => {
    const d = meetingDistribution(wep, meeting({ attendance: { apologies: ['sh-evans'] } }));
    const evans = d.recipients.find((r) => r.id === 'sh-evans')!;
    expect(evans.apologies).toBe(true);
    expect(d.recipients.some((r) => r.id === 'px-evans')).toBe(true);
  });

  it('lists nobody twice: an invitee who is a member, or the same address in another case', () => {
    const d = meetingDistribution(
      wep,
      meeting({ invitees: [{ name: 'Owen Morgan', person: 'la-morgan' }, { name: 'Owen again', email: 'OWEN.MORGAN@council.example.org' }, { name: 'Olivia Cole', person: 'op-cole' }] }),
    );
    expect(d.recipients.filter((r) => r.id === 'la-morgan')).toHaveLength(1);
    expect(d.recipients.filter((r) => r.email?.toLowerCase() === 'owen.morgan@council.example.org')).toHaveLength(1);
    expect(d.duplicates.map((r) => r.name)).toEqual(['Owen Morgan', 'Owen again']);
    expect(d.recipients.find((r) => r.id === 'op-cole')!.kind).toBe('invitee');
    const ids = recipientKeys(d);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('keeps and reports recipients without an email address', () => {
    const d = meetingDistribution(wep, meeting({ invitees: [{ name: 'Cllr Pat Post', organisation: 'Wokingham Borough Council' }] }));
    expect(d.recipients.at(-1)!.name).toBe('Cllr Pat Post');
    expect(d.withoutEmail.map((r) => r.name)).toEqual(['Cllr Pat Post']);
    expect(formatEmails(d)).not.toContain('Pat');
    expect(recipientKeys(d).at(-1)).toBe('Cllr Pat Post');
  });
});

describe('listDistribution', () => {
  it('resolves a list of the partnership file', () => {
    const d = listDistribution(wep, wep.lists.get('officers')!);
    expect(d.recipients.map((r) => r.id)).toEqual(['la-lewis', 'la-morgan']);
    expect(d.recipients.every((r) => r.kind === 'list')).toBe(true);
  });
});

describe('formats', () => {
  const d = () => dedupe([
    { id: 'a', name: 'Ann Other', email: 'ann@example.org', title: 'Head, Oak School', kind: 'member' } as Recipient,
    { id: 'b', name: '=HYPERLINK("x")', email: 'b@example.org', kind: 'invitee' } as Recipient,
  ]);
  it('emails: comma-separated, ready for BCC', () => {
    expect(formatEmails(d())).toBe('ann@example.org, b@example.org');
  });
  it('csv: quotes commas and quotes, and defuses formulas', async () => {
    const csv = await formatDistributionCsv(d());
    expect(csv).toContain('"Head, Oak School"');
    expect(csv.split('\r\n')[0]).toBe('id,name,email,title,organisation,group,kind,proxy_for,apologies');
    expect(csv).toContain(`b,"'=HYPERLINK(""x"")",b@example.org`);
  });
  it('vcard: one card each, escaped, CRLF', () => {
    const v = formatVcards(d());
    expect(v.match(/BEGIN:VCARD/g)).toHaveLength(2);
    expect(v).toContain('N:Other;Ann;;;\r\n');
    expect(v).toContain('TITLE:Head\\, Oak School\r\n');
  });
});
