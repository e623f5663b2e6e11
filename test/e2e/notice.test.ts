/**
 * `wep notice` end to end in a temporary git repo copied from the bundled example: the three
 * documents, the deadline check (on time, late, short notice agreed), recording it as sent
 * (comments in meeting.yaml survive), edited documents never overwritten, templates.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { git, read, tempRepos, wep, write } from '../helpers/wep.js';

const ID = '2026-12-10-partnership';
const DIR = `meetings/${ID}`;
const repo = tempRepos({ withMeetings: true });

describe('wep notice: the documents', () => {
  const dir = repo();
  const first = wep(['notice'], { cwd: dir });

  it('picks the next meeting, says so, and writes notice.md, notice.html and invite.ics', () => {
    expect(first.code).toBe(0);
    expect(first.stderr).toContain(`wep: using ${ID}, the next upcoming meeting (choose another with --meeting ID)`);
    for (const f of ['notice.md', 'notice.html', 'invite.ics']) {
      expect(first.stdout).toContain(`wrote     ${DIR}/${f}`);
      expect(existsSync(join(dir, DIR, f))).toBe(true);
    }
    expect(first.stdout).toContain('Notice deadline: Tuesday 1 December 2026 (no fewer than 7 working days before the meeting); 7 working days left.');
    expect(first.stdout).toContain('Safe date on the strict reading: Monday 30 November 2026.');
    expect(first.stdout).toContain(`When it has gone, record it: wep notice --meeting ${ID} --sent`);
  });

  it('notice.md says what a notice must say', () => {
    const md = read(dir, `${DIR}/notice.md`);
    for (const s of [
      '# Wokingham Education Partnership',
      '**Thursday 10 December 2026, 4pm to 6pm**',
      '**Venue:** Shute End Council Offices, Committee Room 1, Shute End, Wokingham RG40 1BN',
      '**Join online:** <https://meet.example.org/wep-2026-12-10>',
      'This meeting is called by Dr Grace Okafor, Independent Chair.',
      '1. **Welcome and apologies**',
      '6. **School place planning 2027-28** (For decision)',
      '    - Paper: papers/place-planning-2027-28.md',
      '9. **Commissioning of working groups 2027-28 (budget)** (For decision) *Confidential*',
      '    - Action 2026-10-08-partnership/a1: Propose an election process',
      'please send your apologies to the clerk',
      'proxy',
      '- Ruth Patel, Deputy Head, Oakwood Primary (proxy for Samina Ahmed)',
      '- Dr Alex Morris, Department for Education, Regions Group',
      'Jo Clerk, <clerk@wep.example.org>',
    ]) {
      expect(md).toContain(s);
    }
  });

  it('notice.html is self-contained and escapes what came from files', () => {
    const html = read(dir, `${DIR}/notice.html`);
    expect(html).toMatch(/^<!DOCTYPE html>/);
    expect(html).not.toMatch(/<link |<script|src="http/);
    expect(html).toContain('@media print');
    expect(html).toContain('Assistant Director, Learning, Achievement &amp; Partnerships');
    expect(html).toContain('<a href="papers/place-planning-2027-28.md">');
  });

  it('invite.ics: Europe/London time, no attendees (no address shown to another), CRLF, folded', () => {
    const ics = read(dir, `${DIR}/invite.ics`);
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    for (const line of ics.split('\r\n')) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
    const lines = ics.replace(/\r\n[ \t]/g, '').split('\r\n');
    expect(lines).toContain('DTSTART;TZID=Europe/London:20261210T160000');
    expect(lines).toContain('DTEND;TZID=Europe/London:20261210T180000');
    expect(lines).toContain('TZID:Europe/London');
    // DTSTAMP: the time written (noon UTC of a fixed WEP_TODAY)
    expect(lines).toContain('DTSTAMP:20261122T120000Z');
    expect(lines).toContain('SEQUENCE:0');
    expect(lines).toContain(`UID:wep-${ID}@wep`);
    expect(lines.filter((l) => l.startsWith('ATTENDEE;'))).toHaveLength(0);
    expect(lines).toContain('ORGANIZER;CN=Jo Clerk:mailto:clerk@wep.example.org');
    // the stamp is a calendar property, before the first component
    expect(lines.findIndex((l) => l.startsWith('X-WEP-GENERATED:'))).toBeLessThan(lines.indexOf('BEGIN:VTIMEZONE'));
    // the UID is fixed in meeting.yaml, so renaming the folder keeps the event
    expect(read(dir, `${DIR}/meeting.yaml`)).toContain(`uid: wep-${ID}@wep`);
  });

  it('is deterministic: a second run writes the same bytes and says so', () => {
    const before = ['notice.md', 'notice.html', 'invite.ics'].map((f) => read(dir, `${DIR}/${f}`));
    const again = wep(['notice', '--meeting', ID], { cwd: dir });
    expect(again.code).toBe(0);
    expect(again.stdout).toContain(`unchanged ${DIR}/notice.md`);
    expect(['notice.md', 'notice.html', 'invite.ics'].map((f) => read(dir, `${DIR}/${f}`))).toEqual(before);
    expect(again.stderr).not.toContain('wep: using');
  });

  it('--json: what was written and the deadline, as data', () => {
    const r = wep(['notice', '--json'], { cwd: dir });
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j).toMatchObject({ meeting: ID, picked: true, recorded: null, recipients: 29, withoutEmail: [], commit: null });
    expect(j.files).toEqual(['notice.md', 'notice.html', 'invite.ics'].map((f) => ({ path: `${DIR}/${f}`, status: 'same', backup: null })));
    expect(j.timing).toEqual({ status: 'on-time', date: '2026-11-22', sent: false, deadline: '2026-12-01', safeDeadline: '2026-11-30', rule: 'no fewer than 7 working days before the meeting', workingDaysLate: 0, workingDaysLeft: 7, shortNotice: null });
  });

  it('never overwrites a notice the clerk has edited, unless --force, and then keeps a backup', () => {
    const edited = `${read(dir, `${DIR}/notice.md`)}\nPS: tea and cake from 3.30pm.\n`;
    write(dir, `${DIR}/notice.md`, edited);
    const refused = wep(['notice'], { cwd: dir });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain(`wep: error: ${DIR}/notice.md has been edited since wep wrote it; wep will not overwrite it`);
    expect(refused.stderr).toContain('fix: keep your edits, or run again with --force to regenerate');
    expect(read(dir, `${DIR}/notice.md`)).toBe(edited);
    const forced = wep(['notice', '--force'], { cwd: dir });
    expect(forced.code).toBe(0);
    expect(forced.stdout).toContain(`your edited version kept as ${DIR}/notice.md.bak`);
    expect(read(dir, `${DIR}/notice.md.bak`)).toBe(edited);
    expect(read(dir, `${DIR}/notice.md`)).not.toContain('tea and cake');
  });
});

describe('wep notice: the deadline', () => {
  it('late: says by how many working days, the rule, and how to record an agreement', () => {
    const dir = repo();
    const r = wep(['notice'], { cwd: dir, today: '2026-12-03' });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('warning: Sent today (Thursday 3 December 2026), the notice is 2 working days late: the rule is no fewer than 7 working days before the meeting, so it had to go by Tuesday 1 December 2026.');
    expect(r.stderr).toContain('The terms of reference allow shorter notice only when it is agreed ("unless otherwise agreed").');
    expect(r.stderr).toContain(`fix: if shorter notice was agreed, record who agreed and why: wep notice --meeting ${ID} --short-notice-agreed`);

    const agreed = wep(['notice', '--short-notice-agreed', 'urgent budget decision; agreed by the chair'], { cwd: dir, today: '2026-12-03' });
    expect(agreed.code).toBe(0);
    expect(agreed.stderr).not.toContain('warning: Sent today');
    expect(agreed.stdout).toContain(`Recorded in ${DIR}/meeting.yaml: shorter notice agreed (urgent budget decision; agreed by the chair).`);
    expect(agreed.stdout).toContain('but shorter notice was agreed: urgent budget decision; agreed by the chair.');
    expect(read(dir, `${DIR}/meeting.yaml`)).toContain('short-notice:\n  reason: urgent budget decision; agreed by the chair\n');
    expect(read(dir, `${DIR}/notice.md`)).toContain('**Short notice:** this notice is shorter than the terms of reference require');
  });

  it('--sent refuses when no notice was written', () => {
    const dir = repo();
    const r = wep(['notice', '--sent'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`wep: error: no notice has been written for ${ID}, so it cannot have been sent`);
    expect(r.stderr).toContain(`fix: write it first: wep notice --meeting ${ID}`);
  });

  it('--sent records the date and the recipients in meeting.yaml, keeping the comments', () => {
    const dir = repo();
    expect(wep(['notice'], { cwd: dir, today: '2026-11-24' }).code).toBe(0);
    const written = read(dir, `${DIR}/notice.md`);
    const before = read(dir, `${DIR}/meeting.yaml`);
    const r = wep(['notice', '--sent', '2026-11-24'], { cwd: dir, today: '2026-11-25' });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`Recorded in ${DIR}/meeting.yaml: notice sent on Tuesday 24 November 2026 to 29 recipients.`);
    expect(r.stdout).toContain('Notice sent on Tuesday 24 November 2026: on time (deadline Tuesday 1 December 2026');
    const after = read(dir, `${DIR}/meeting.yaml`);
    expect(after).toContain('notice:\n  sent: 2026-11-24\n  to:\n    - chair-okafor\n');
    expect(after).toContain('    - px-evans\n');
    expect(after).toContain('    - a.morris@example.org\n');
    for (const comment of before.split('\n').filter((l) => l.trim().startsWith('#'))) expect(after).toContain(comment);
    expect(after).toContain('# presents item 7');
    expect(after).toContain('# names providers and costs: not for publication');
    // what was sent, so later changes are known: the SEQUENCE, the event, the notice, the papers
    expect(after).toMatch(/\n  sequence: 0\n  event: [0-9a-f]{16}\n  content: [0-9a-f]{16}\.[0-9a-f]{16}\n  papers:\n    - path: papers\/place-planning-2027-28.md\n      sha256: [0-9a-f]{64}\n/);
    // Recording leaves the documents alone (the clerk may have edited them before sending).
    expect(read(dir, `${DIR}/notice.md`)).toBe(written);
    expect(wep(['meetings'], { cwd: dir }).stdout).toContain('notice sent Tue 24 Nov 2026, on time');
  });

  it('--sent without a date means today; late sending is reported', () => {
    const dir = repo();
    wep(['notice'], { cwd: dir, today: '2026-12-02' });
    const r = wep(['notice', '--sent'], { cwd: dir, today: '2026-12-02' });
    expect(r.code).toBe(0);
    expect(read(dir, `${DIR}/meeting.yaml`)).toContain('sent: 2026-12-02');
    expect(r.stderr).toContain('warning: The notice sent on Wednesday 2 December 2026 was 1 working day late: the rule is no fewer than 7 working days before the meeting, so it had to go by Tuesday 1 December 2026.');
  });

  it('--commit commits exactly the files written', () => {
    const dir = repo();
    // a meeting no notice has yet fixed a UID for (the example's carries one)
    write(dir, `${DIR}/meeting.yaml`, read(dir, `${DIR}/meeting.yaml`).replace(/^uid: .*\n/m, ''));
    git(['commit', '-qam', 'A meeting without a UID'], dir);
    write(dir, 'scratch.txt', 'not for the commit\n');
    const r = wep(['notice', '--commit'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Committed [0-9a-f]{7,} \(4 files\)\./);
    expect(git(['log', '-1', '--format=%s'], dir).trim()).toBe(`Notice of ${ID}`);
    // meeting.yaml goes with the documents: it holds the UID the first notice fixed
    expect(git(['show', '--name-only', '--format=', 'HEAD'], dir).trim().split('\n').sort()).toEqual([`${DIR}/invite.ics`, `${DIR}/meeting.yaml`, `${DIR}/notice.html`, `${DIR}/notice.md`]);
    const sent = wep(['notice', '--sent', '--commit'], { cwd: dir });
    expect(sent.code).toBe(0);
    expect(git(['log', '-1', '--format=%s'], dir).trim()).toBe(`Record notice of ${ID} as sent on 2026-11-22`);
    expect(git(['show', '--name-only', '--format=', 'HEAD'], dir).trim().split('\n').sort()).toEqual([`${DIR}/meeting.yaml`]);
    expect(git(['status', '--porcelain', '--', DIR], dir)).toBe('');
    expect(git(['status', '--porcelain'], dir)).toContain('?? scratch.txt');
  });
});

describe('wep notice: escaping, summer time and templates', () => {
  it('escapes everything that came from the records in notice.html', () => {
    const dir = repo();
    const path = `${DIR}/meeting.yaml`;
    write(dir, path, read(dir, path).replace('title: School place planning 2027-28', 'title: "<script>alert(1)</script> & \\"planning\\""'));
    const r = wep(['notice'], { cwd: dir });
    expect(r.code).toBe(0);
    const html = read(dir, `${DIR}/notice.html`);
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;planning&quot;');
  });

  it('a June meeting is at 16:00 London time (BST) in invite.ics', () => {
    const dir = repo();
    expect(wep(['meeting', 'new', '2027-06-10'], { cwd: dir }).code).toBe(0);
    const r = wep(['notice', '--meeting', '2027-06-10-partnership'], { cwd: dir });
    expect(r.code).toBe(0);
    const lines = read(dir, 'meetings/2027-06-10-partnership/invite.ics').replace(/\r\n[ \t]/g, '').split('\r\n');
    expect(lines).toContain('DTSTART;TZID=Europe/London:20270610T160000');
    expect(lines).toContain('DTEND;TZID=Europe/London:20270610T180000');
    expect(lines).toContain('TZOFFSETTO:+0100');
    expect(lines).toContain('RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU');
  });

  it("uses the records repo's own template, and names the file and line of a broken one", () => {
    const dir = repo();
    write(dir, 'templates/notice.md.hbs', 'NOTICE {{body.name}} on {{dateLong}}\n');
    const ok = wep(['notice'], { cwd: dir });
    expect(ok.code).toBe(0);
    expect(read(dir, `${DIR}/notice.md`)).toMatch(/^NOTICE Education Partnership on Thursday 10 December 2026\n/);
    write(dir, 'templates/notice.html.hbs', '<p>\n{{#if venue}}\n{{venue.name}\n</p>\n');
    const broken = wep(['notice', '--force'], { cwd: dir });
    expect(broken.code).toBe(2);
    expect(broken.stderr).toMatch(/wep: error: template templates\/notice\.html\.hbs:3: Expecting/);
    expect(broken.stderr).toContain('fix: fix the template, or delete it to use the one bundled with wep');
    write(dir, 'templates/notice.html.hbs', '<p>\n{{#if venue}}\n{{venue.name}}\n{{/each}}\n');
    const mismatched = wep(['notice', '--force'], { cwd: dir });
    expect(mismatched.code).toBe(2);
    expect(mismatched.stderr).toMatch(/wep: error: template templates\/notice\.html\.hbs:2:\d+: if doesn't match each/);
  });
});

describe('wep notice: bad input', () => {
  const dir = repo();
  const cases: [string[], string, string, string?][] = [
    [['notice', '--sent', '2026-12-01'], '2026-11-22', 'wep: error: the notice cannot be recorded as sent on 2026-12-01, after today (2026-11-22)', 'fix: record it on the day it goes out'],
    [['notice', '--meeting', ID, '--sent', '2026-12-11'], '2026-12-12', `wep: error: the notice cannot be sent on 2026-12-11, after the meeting (2026-12-10)`, 'fix: check the date given to --sent'],
    [['notice', '--sent', '2026-13-01'], '2026-11-22', 'wep: error: ', 'fix: give the date the notice was sent as YYYY-MM-DD'],
    [['notice', '--short-notice-agreed', ' '], '2026-11-22', 'wep: error: --short-notice-agreed needs the reason, and who agreed', 'fix: e.g. --short-notice-agreed'],
    [['notice', '--meeting', '../x'], '2026-11-22', 'wep: error: "../x" is not a meeting id'],
    [['notice', '--meeting', '2026-12-10-partnershp'], '2026-11-22', 'wep: error: no meeting "2026-12-10-partnershp" in meetings/', 'did you mean "2026-12-10-partnership"?'],
    [['notice'], '2027-01-10', 'wep: error: no upcoming meeting (on or after 2027-01-10) in meetings/', 'fix: name one with --meeting ID'],
  ];
  for (const [args, today, message, hint] of cases) {
    it(`${args.join(' ')} (today ${today})`, () => {
      const r = wep(args, { cwd: dir, today });
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(message);
      if (hint) expect(r.stderr).toContain(hint);
      expect(r.stderr).not.toContain('internal error');
    });
  }
  it('changed nothing', () => {
    expect(git(['status', '--porcelain'], dir)).toBe('');
  });
});
