/**
 * The minutes lifecycle end to end through the built binary, in a temp git repo: written,
 * circulated, corrected (wep check names the lines), re-circulated with a reason, approved
 * with amendments at a quorate meeting, signed, an inquorate decision confirmed, and the
 * history of it all from git.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEC, OCT, seedMeetings } from '../helpers/minutes-fixtures.js';
import { git, read, removeRepo, tempRepo, tempRepos, wep, write } from '../helpers/wep.js';

const MIN = `meetings/${OCT}/minutes.md`;
const YAML = `meetings/${OCT}/meeting.yaml`;
const DEC_QUORATE = 'chair-okafor,ph-ahmed,ph-brown,sh-clarke,sh-francis,sf-iqbal,sf-jones';

describe('the minutes lifecycle, step by step', () => {
  let dir: string;
  const run = (args: string[], today: string) => wep(args, { cwd: dir, today });
  beforeAll(() => {
    dir = tempRepo();
    seedMeetings(dir);
  });
  afterAll(() => removeRepo(dir));

  it('1. written: the status block says DRAFT, between markers wep owns', () => {
    const r = run(['minutes', '--meeting', OCT, '--commit'], '2026-10-12');
    expect(r.code).toBe(0);
    const md = read(dir, MIN);
    expect(md).toContain('## Minutes of the meeting held on Thursday 8 October 2026\n\n<!-- wep:status (written by wep on circulation, approval and signature; edits between these markers are replaced) -->\n**DRAFT: not yet approved by the meeting.**\n<!-- /wep:status -->\n');
  });

  it('2. circulated: the block says when, and the first date is recorded', () => {
    const r = run(['minutes', '--meeting', OCT, '--circulated', '2026-10-14', '--commit'], '2026-10-14');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('on time: circulated Wednesday 14 October 2026, deadline Monday 19 October 2026');
    expect(read(dir, MIN)).toContain('**DRAFT: circulated on Wednesday 14 October 2026; not yet approved by the meeting.**');
    expect(read(dir, YAML)).toContain('minutes:\n  status: circulated\n  circulated: 2026-10-14\n');
  });

  it('3. corrected after circulation: wep decisions shows minutes.md, wep check names each line and how to settle it', () => {
    const md = read(dir, MIN)
      .replace('DECISION: The work plan 2027 is approved.', 'DECISION: The work plan 2027 is approved, subject to the MAT seat. (for: 6, against: 1, abstentions: 1)')
      .replace('## 7. Attendance data\n', '## 7. Attendance data\n\nDECISION: The attendance report is noted.\n');
    write(dir, MIN, md);
    const ds = JSON.parse(run(['decisions', '--json'], '2026-10-15').stdout).decisions;
    expect(ds.map((d: { ref: string; text: string; votes: unknown }) => [d.ref, d.text, d.votes])).toEqual([
      [`${OCT}/d1`, 'The work plan 2027 is approved, subject to the MAT seat.', { for: 6, against: 1, abstentions: 1 }],
      [`${OCT}/d2`, 'The attendance report is noted.', null],
    ]);
    const c = run(['check', '--quiet'], '2026-10-15');
    expect(c.code).toBe(1);
    const line = md.split('\n').findIndex((l) => l.startsWith('DECISION: The work plan')) + 1;
    expect(c.stderr).toContain(
      `${MIN}:${line}:1: error: decision d1 was changed in minutes.md after they were circulated on 2026-10-14: its text, votes differ from meeting.yaml, which has "The work plan 2027 is approved."`,
    );
    expect(c.stderr).toContain(`${line} | DECISION: The work plan 2027 is approved, subject to the MAT seat.`);
    expect(c.stderr).toContain(
      `fix: if the corrected minutes go out again, record it (meeting.yaml then takes minutes.md's lines): wep minutes --meeting ${OCT} --circulated YYYY-MM-DD --reason "what was corrected"; otherwise restore the line as it went out`,
    );
    expect(c.stderr).toContain('error: this DECISION was added to minutes.md after they were circulated on 2026-10-14; meeting.yaml does not have it');
  });

  it('4. circulating again without a reason is refused, and the first date is never overwritten', () => {
    const before = read(dir, YAML);
    const r = run(['minutes', '--meeting', OCT, '--circulated'], '2026-10-15');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('wep: error: the minutes were first circulated on Wednesday 14 October 2026; circulating them again on Thursday 15 October 2026 is a re-circulation, and needs its reason');
    expect(r.stderr).toContain('fix: say what was corrected and why they go out again; the first circulation date is kept: --circulated YYYY-MM-DD --reason "what was corrected"');
    expect(read(dir, YAML)).toBe(before);
  });

  it('5. re-circulated with its reason: meeting.yaml takes the corrected lines and wep check is quiet about them', () => {
    const r = run(['minutes', '--meeting', OCT, '--circulated', '--reason', 'item 6 decision corrected', '--commit'], '2026-10-15');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('re-circulated Thursday 15 October 2026: item 6 decision corrected (first circulated Wednesday 14 October 2026, which stays the circulation date)');
    expect(r.stdout).toContain('copied from meetings/2026-10-08-partnership/minutes.md: 0 action(s), 1 decision(s)');
    expect(r.stdout).toContain('updated from meetings/2026-10-08-partnership/minutes.md: decision d1 (text, votes)');
    const y = read(dir, YAML);
    expect(y).toContain('  circulated: 2026-10-14\n  recirculated:\n    - date: 2026-10-15\n      reason: item 6 decision corrected\n');
    expect(y).toContain('votes: { for: 6, against: 1, abstentions: 1 }');
    expect(read(dir, MIN)).toContain('Re-circulated on Thursday 15 October 2026: item 6 decision corrected.');
    const c = run(['check', '--quiet'], '2026-10-15');
    expect(c.stderr).not.toContain('changed in minutes.md');
    // only the inquorate decision is left, awaiting confirmation
    expect(c.stderr).toContain(`error: decision ${OCT}/d1 was recorded at item 6 while the meeting was not quorate`);
    expect(c.stderr).toContain(`fix: an inquorate meeting may discuss but not decide: once a later quorate meeting confirms it, record that: wep decisions confirm ${OCT}/d1 --at MEETING --item N`);
    const s = JSON.parse(run(['status', '--json'], '2026-10-15').stdout).items.map((i: { kind: string }) => i.kind);
    expect(s).toContain('decision-unconfirmed');
    expect(s).toContain('approval-pending');
  });

  it('6. approval at a meeting with no attendance recorded, or not quorate at the approval item, is refused', () => {
    const none = run(['minutes', '--meeting', OCT, '--approved-at', DEC], '2026-12-10');
    expect(none.code).toBe(2);
    expect(none.stderr).toContain(`wep: error: no attendance is recorded for ${DEC}, so wep cannot tell whether it was quorate at item 2 (Minutes of the last meeting), where it approved the minutes`);
    expect(run(['attendance', '--meeting', DEC, '--present', 'chair-okafor,ph-ahmed,sh-clarke,sf-iqbal,sf-jones'], '2026-12-10').code).toBe(0);
    const inq = run(['minutes', '--meeting', OCT, '--approved-at', DEC], '2026-12-10');
    expect(inq.code).toBe(2);
    expect(inq.stderr).toContain(`wep: error: ${DEC} was not quorate at item 2 (Minutes of the last meeting)`);
    expect(inq.stderr).toContain(': an inquorate meeting cannot approve minutes');
    expect(inq.stderr).toContain('fix: have a later quorate meeting approve them, or correct the attendance if it is wrong (in partnership.yaml, "minutes: { inquorate-approval: warn }" under partnership: makes this a warning)');
  });

  it('7. configured to warn, the approval is recorded with a warning', () => {
    const p = read(dir, 'partnership.yaml');
    write(dir, 'partnership.yaml', p.replace(/^partnership:\n/m, 'partnership:\n  minutes: { inquorate-approval: warn }\n'));
    const r = run(['minutes', '--meeting', OCT, '--approved-at', DEC], '2026-12-10');
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(`warning: ${DEC} was not quorate at item 2`);
    write(dir, 'partnership.yaml', p);
    git(['checkout', '--', YAML, MIN], dir);
  });

  it('8. approved with amendments at a quorate meeting and signed: no more DRAFT', () => {
    expect(run(['attendance', '--meeting', DEC, '--present', DEC_QUORATE, '--commit'], '2026-12-10').code).toBe(0);
    const r = run(['minutes', '--meeting', OCT, '--approved-at', DEC, '--amendment', "item 6: Li Chen's apologies added", '--signed', '--commit'], '2026-12-10');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`approved at ${DEC} with amendments:\n    - item 6: Li Chen's apologies added`);
    expect(r.stdout).toContain('signed by Dr Grace Okafor on Thursday 10 December 2026');
    const md = read(dir, MIN);
    expect(md).not.toMatch(/DRAFT/);
    expect(md).toContain("**Approved with amendments at the meeting held on Thursday 10 December 2026.**\n\nAmendments:\n\n- item 6: Li Chen's apologies added\n\nSigned by Dr Grace Okafor (Chair) on Thursday 10 December 2026.\n<!-- /wep:status -->");
    expect(read(dir, YAML)).toContain(`  approved-at: ${DEC}\n  amendments:\n    - "item 6: Li Chen's apologies added"\n`);
  });

  it('9. the inquorate decision confirmed at the quorate meeting: wep check is clean of it, status no longer lists it', () => {
    const wrong = run(['decisions', 'confirm', `${OCT}/d2`, '--at', DEC], '2026-12-10');
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain(`wep: error: decision ${OCT}/d2 was taken while the meeting was quorate: it needs no confirmation`);
    const r = run(['decisions', 'confirm', `${OCT}/d1`, '--at', DEC, '--item', '4', '--commit'], '2026-12-10');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`confirmed ${OCT}/d1: The work plan 2027 is approved, subject to the MAT seat.\n  at ${DEC} (Thursday 10 December 2026), item 4, which was quorate`);
    expect(read(dir, YAML)).toContain(`confirmed: { at: ${DEC}, item: 4 }`);
    const c = run(['check', '--quiet'], '2026-12-10');
    expect(c.stderr).toBe('');
    expect(c.code).toBe(0);
    expect(run(['decisions'], '2026-12-10').stdout).toContain(`not quorate, confirmed at ${DEC} item 4`);
    const again = run(['decisions', 'confirm', `${OCT}/d1`, '--at', DEC], '2026-12-10');
    expect(again.stderr).toContain(`wep: error: decision ${OCT}/d1 is already confirmed at ${DEC}`);
    const kinds = JSON.parse(run(['status', '--json'], '2026-12-10').stdout).items.map((i: { kind: string }) => i.kind);
    expect(kinds).not.toContain('decision-unconfirmed');
  });

  it('10. wep history: each step with its commit and author, and the changes between circulated and approved minutes', () => {
    const log = git(['log', '--format=%h %s'], dir);
    // the oldest commit with that subject (git log lists the newest first)
    const short = (subject: string) => log.split('\n').filter((l) => l.endsWith(subject)).at(-1)!.split(' ')[0]!;
    const r = run(['history', '--meeting', OCT], '2026-12-11');
    expect(r.code).toBe(0);
    const out = r.stdout;
    expect(out).toContain(`Education Partnership, Thu 8 Oct 2026  ${OCT}`);
    expect(out).toMatch(new RegExp(`  written         \\d{4}-\\d\\d-\\d\\d  ${short('meetings')} Test Clerk, `));
    expect(out).toContain(`  notice sent     2026-09-25  ${short('meetings')} Test Clerk`);
    expect(out).toContain(`  minutes written`);
    expect(out).toContain(`  circulated      2026-10-14  ${short('Minutes: Education Partnership, Thursday 8 October 2026 (circulated)')}`);
    expect(out).toContain('  re-circulated   2026-10-15  ');
    expect(out).toContain('item 6 decision corrected');
    const signedCommit = short('Minutes: Education Partnership, Thursday 8 October 2026 (signed)');
    expect(out).toContain(`  amended                     ${signedCommit} Test Clerk`);
    expect(out).toContain(`  approved        2026-12-10  ${signedCommit}`);
    expect(out).toContain("at 2026-12-10-partnership, with amendments: item 6: Li Chen's apologies added");
    expect(out).toContain(`  signed          2026-12-10  ${signedCommit}`);
    expect(out).toContain(`  confirmed       2026-12-10  ${short(`Decision confirmed: ${OCT}/d1 at ${DEC}`)}`);
    expect(out).toContain('Changes to minutes.md between circulation');
    expect(out).toContain('-DECISION: The work plan 2027 is approved.');
    expect(out).toContain('+DECISION: The work plan 2027 is approved, subject to the MAT seat. (for: 6, against: 1, abstentions: 1)');
    const j = JSON.parse(run(['history', '--json'], '2026-12-11').stdout);
    expect(j).toMatchObject({ version: 1, command: 'history', warnings: [] });
    expect(j.meetings.map((m: { id: string }) => m.id)).toEqual([OCT, DEC]);
    expect(j.meetings[0].events.find((e: { kind: string }) => e.kind === 'signed')).toMatchObject({ date: '2026-12-10', commit: { author: 'Test Clerk', short: signedCommit }, detail: 'by chair-okafor' });
  });

  it('11. the published page shows the record\'s status, not the block', () => {
    const r = run(['publish', '--out', 'site'], '2026-12-11');
    expect(r.code).toBe(0);
    const page = read(dir, `site/meetings/${OCT}/index.html`);
    expect(page).not.toContain('DRAFT');
    expect(page).not.toContain('wep:status');
    expect(page).toContain('Minutes approved');
  });
});

describe('wep history: what it cannot show', () => {
  const repo = tempRepos();
  it('an uncommitted record is named, not guessed at', () => {
    const dir = repo();
    seedMeetings(dir, { commit: false });
    const r = wep(['history', '--meeting', OCT], { cwd: dir, today: '2026-10-12' });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`note: meetings/${OCT}/meeting.yaml is not committed, so it has no history yet (git add meetings/${OCT}/meeting.yaml && git commit)`);
    expect(r.stdout).toContain('written                     not committed: the record says so, but no commit has it yet');
    write(dir, `meetings/${OCT}/minutes.md`, '# draft\n');
    git(['add', '-A'], dir);
    git(['commit', '-qm', 'm'], dir);
    write(dir, `meetings/${OCT}/minutes.md`, '# draft, edited\n');
    expect(wep(['history', '--meeting', OCT], { cwd: dir, today: '2026-10-12' }).stdout).toContain(`note: meetings/${OCT}/minutes.md has changes not committed: what is shown is what git holds`);
  });
  it('outside git, or before the first commit: a clear error, exit 2', () => {
    const plain = repo({ git: false });
    const r = wep(['history'], { cwd: plain, today: '2026-10-12' });
    expect(r.stderr).toMatch(/^wep: error: .* is not inside a git repository, so the records have no history to show\n {2}fix: run "git init", then commit the records: git add -A && git commit -m "records"\n$/);
    expect(r.code).toBe(2);
    git(['init', '-q', '-b', 'main'], plain);
    const fresh = wep(['history'], { cwd: plain, today: '2026-10-12' });
    expect(fresh.stderr).toContain('wep: error: the records repository has no commits yet, so there is no history to show');
    expect(fresh.code).toBe(2);
  });
  it('a shallow clone says its history may start late', () => {
    const dir = repo();
    seedMeetings(dir);
    const clone = mkdtempSync(join(tmpdir(), 'wep-test-shallow-'));
    try {
      execFileSync('git', ['clone', '-q', '--depth', '1', `file://${dir}`, clone]);
      const r = wep(['history'], { cwd: clone, today: '2026-10-12' });
      expect(r.code).toBe(0);
      expect(r.stderr).toBe('warning: this is a shallow clone: commits before its depth are missing, so the earliest events shown may be later than they happened (fix: git fetch --unshallow)\n');
      expect(JSON.parse(wep(['history', '--json'], { cwd: clone, today: '2026-10-12' }).stdout).warnings).toHaveLength(1);
    } finally {
      removeRepo(clone);
    }
  });
  it('an unknown meeting, with did-you-mean', () => {
    const dir = repo();
    seedMeetings(dir);
    const r = wep(['history', '--meeting', '2026-10-08-partnershp'], { cwd: dir, today: '2026-10-12' });
    expect(r.stderr).toContain('wep: error: --meeting: no meeting "2026-10-08-partnershp" in meetings/');
    expect(r.stderr).toContain(`did you mean "${OCT}"?`);
    expect(r.code).toBe(2);
  });
});
