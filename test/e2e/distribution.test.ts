/** `wep distribution` end to end: named lists and meeting recipients in every format. */
import { describe, expect, it } from 'vitest';
import { read, tempRepos, wep, write } from '../helpers/wep.js';

const repo = tempRepos({ withMeetings: true, git: false });
const ID = '2026-12-10-partnership';

describe('wep distribution', () => {
  const dir = repo();

  it('without a list: every list with its size', () => {
    const r = wep(['distribution'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('members         Partnership members (15 people)');
    expect(r.stdout).toContain('officers        Council officers (2 people)');
  });

  it('a named list as a BCC line', () => {
    const r = wep(['distribution', 'officers'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('claire.lewis@council.example.org, owen.morgan@council.example.org\n');
  });

  it('a meeting: members, proxies and invitees, once each', () => {
    const r = wep(['distribution', '--meeting', ID], { cwd: dir });
    expect(r.code).toBe(0);
    const emails = r.stdout.trim().split(', ');
    expect(emails).toHaveLength(29);
    expect(new Set(emails).size).toBe(29);
    expect(emails[0]).toBe('grace.okafor@example.org');
    expect(emails).toContain('g.usman@loddon-school.example.org');
    expect(emails.at(-1)).toBe('a.morris@example.org');
  });

  it('members with apologies still receive the papers; people without email are reported, not dropped', () => {
    const d = repo();
    const path = `meetings/${ID}/meeting.yaml`;
    write(d, path, read(d, path).replace('agenda:\n', 'attendance:\n  apologies: [sh-evans]\n\nagenda:\n').replace('invitees:\n', 'invitees:\n  - { name: Cllr Pat Post, organisation: Wokingham Borough Council }\n'));
    const r = wep(['distribution', '--meeting', ID, '--format', 'json'], { cwd: d });
    expect(r.code).toBe(0);
    const people = JSON.parse(r.stdout).recipients as { id: string | null; name: string; email: string | null; apologies: boolean; kind: string }[];
    expect(people.find((p) => p.id === 'sh-evans')).toMatchObject({ apologies: true, kind: 'member' });
    expect(people.find((p) => p.name === 'Cllr Pat Post')).toMatchObject({ email: null, kind: 'invitee' });
    expect(r.stderr).toBe('warning: 1 recipient has no email address and must be sent the papers another way: Cllr Pat Post\n');
    const bcc = wep(['distribution', '--meeting', ID], { cwd: d });
    expect(bcc.stdout).not.toContain('Pat');
    expect(bcc.stderr).toContain('Cllr Pat Post');
  });

  it('csv and vcard', () => {
    const csv = wep(['distribution', 'officers', '--format', 'csv'], { cwd: dir }).stdout;
    expect(csv).toBe(
      'id,name,email,title,organisation,group,kind,proxy_for,apologies\r\n' +
        "la-lewis,Claire Lewis,claire.lewis@council.example.org,Director of Children's Services,,local-authority,list,,\r\n" +
        'la-morgan,Owen Morgan,owen.morgan@council.example.org,"Assistant Director, Learning, Achievement & Partnerships",,local-authority,list,,\r\n',
    );
    const vcf = wep(['distribution', '--meeting', ID, '--format', 'vcard'], { cwd: dir }).stdout;
    expect(vcf.match(/BEGIN:VCARD\r\n/g)).toHaveLength(29);
    expect(vcf).toContain('FN:Dr Alex Morris\r\nN:Morris;Dr Alex;;;\r\nEMAIL;TYPE=INTERNET:a.morris@example.org\r\nORG:Department for Education\\, Regions Group\r\n');
  });

  it('bad input', () => {
    const both = wep(['distribution', 'members', '--meeting', ID], { cwd: dir });
    expect(both.code).toBe(2);
    expect(both.stderr).toContain('wep: error: give a list or --meeting, not both');
    const unknown = wep(['distribution', 'member'], { cwd: dir });
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('wep: error: no distribution list "member" in the partnership file');
    expect(unknown.stderr).toContain('fix: did you mean "members"?');
    const format = wep(['distribution', 'members', '--format', 'xml'], { cwd: dir });
    expect(format.code).toBe(2);
  });
});
