/**
 * --commit takes every file the command wrote, the binary ones too: `wep pack --commit` (the
 * public pack, the confidential part, the supplement), `wep notice --docx --commit` and
 * `wep minutes --docx --commit`. The commit holds exactly those files, byte for byte as on
 * disk; an unrelated untracked file stays out, and so does a file the clerk's .gitignore
 * keeps out of git.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { git, read, tempRepos, wep, write } from '../helpers/wep.js';

const ID = '2026-12-10-partnership';
const DIR = `meetings/${ID}`;
const OCT = '2026-10-08-partnership';
const repo = tempRepos({ withMeetings: true });

const headFiles = (dir: string) => git(['show', '--name-only', '--format=', 'HEAD'], dir).trim().split('\n').filter(Boolean).sort();
const subject = (dir: string) => git(['log', '-1', '--format=%s'], dir).trim();

/** The committed bytes of `rel` at HEAD (git show as text would mangle a binary file). */
function committedBytes(dir: string, rel: string): Buffer {
  const r = spawnSync('git', ['show', `HEAD:${rel}`], { cwd: dir });
  expect(r.status).toBe(0);
  return r.stdout;
}

/** A repo with an untracked file that is none of wep's business. */
function repoWithScratch(): string {
  const dir = repo();
  write(dir, 'scratch.txt', 'not for the commit\n');
  return dir;
}

describe('wep pack --commit', () => {
  it('commits the public pack and the confidential part, byte for byte, and nothing else', () => {
    const dir = repoWithScratch();
    const r = wep(['pack', '--meeting', ID, '--commit'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Committed [0-9a-f]{7,} \(2 files\)\./);
    expect(subject(dir)).toBe(`Agenda pack of ${ID}`);
    expect(headFiles(dir)).toEqual([`${DIR}/agenda-pack-confidential.pdf`, `${DIR}/agenda-pack.pdf`]);
    for (const f of ['agenda-pack.pdf', 'agenda-pack-confidential.pdf']) {
      const bytes = committedBytes(dir, `${DIR}/${f}`);
      expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
      expect(bytes.equals(readFileSync(join(dir, DIR, f)))).toBe(true);
    }
    // the packs are committed as on disk; the unrelated file is still untracked
    expect(git(['status', '--porcelain'], dir)).toBe('?? scratch.txt\n');
  });

  it('run again with the same records: nothing to commit', () => {
    const dir = repo();
    expect(wep(['pack', '--meeting', ID, '--commit'], { cwd: dir }).code).toBe(0);
    const head = git(['rev-parse', 'HEAD'], dir);
    const again = wep(['pack', '--meeting', ID, '--commit'], { cwd: dir });
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('Nothing to commit: the files are as already committed.');
    expect(git(['rev-parse', 'HEAD'], dir)).toBe(head);
  });

  it('--json gives the commit', () => {
    const dir = repo();
    const r = wep(['pack', '--meeting', ID, '--commit', '--json'], { cwd: dir });
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.commit).toBe(git(['rev-parse', '--short', 'HEAD'], dir).trim());
    expect(headFiles(dir)).toEqual([`${DIR}/agenda-pack-confidential.pdf`, `${DIR}/agenda-pack.pdf`]);
  });

  it('--supplement --commit commits the supplements it wrote, public and confidential', () => {
    const dir = repoWithScratch();
    expect(wep(['notice', '--meeting', ID], { cwd: dir }).code).toBe(0);
    expect(wep(['notice', '--meeting', ID, '--sent', '--commit'], { cwd: dir }).code).toBe(0);
    for (const paper of ['send-priorities.md', 'working-groups-budget-2027-28.md']) {
      const rel = `${DIR}/papers/${paper}`;
      write(dir, rel, `${read(dir, rel)}\nAdded after the notice went out.\n`);
    }
    const r = wep(['pack', '--meeting', ID, '--supplement', '--commit'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(subject(dir)).toBe(`Supplementary agenda pack of ${ID}`);
    expect(headFiles(dir)).toEqual([`${DIR}/agenda-pack-supplement-confidential.pdf`, `${DIR}/agenda-pack-supplement.pdf`]);
    // the clerk's changed papers are theirs to commit
    expect(git(['status', '--porcelain'], dir).split('\n').filter(Boolean).sort()).toEqual([
      ` M ${DIR}/papers/send-priorities.md`,
      ` M ${DIR}/papers/working-groups-budget-2027-28.md`,
      '?? scratch.txt',
    ]);
  });

  it('a pack the clerk\'s .gitignore keeps out of git is left out, with a warning', () => {
    const dir = repo();
    write(dir, '.gitignore', `${read(dir, '.gitignore')}*-confidential.pdf\n`);
    git(['commit', '-qam', 'Keep confidential packs out of git'], dir);
    const r = wep(['pack', '--meeting', ID, '--commit'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Committed [0-9a-f]{7,} \(1 file\)\./);
    expect(headFiles(dir)).toEqual([`${DIR}/agenda-pack.pdf`]);
    expect(r.stderr).toContain(`warning: ${DIR}/agenda-pack-confidential.pdf is ignored by git (.gitignore), so --commit left it out; commit it with "git add -f" if it belongs in git`);
    expect(git(['ls-files', '--', `${DIR}/agenda-pack-confidential.pdf`], dir)).toBe('');
  });

  it('outside a git repository it says so and writes nothing', () => {
    const dir = repo({ git: false });
    const r = wep(['pack', '--meeting', ID, '--commit'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('is not inside a git repository, so --commit cannot commit');
    expect(() => readFileSync(join(dir, DIR, 'agenda-pack.pdf'))).toThrow();
  });
});

describe('wep notice --docx --commit and wep minutes --docx --commit', () => {
  it('the notice: the Word file with the text documents and meeting.yaml', () => {
    const dir = repoWithScratch();
    // a meeting no notice has yet fixed a UID for, so this run writes meeting.yaml too
    write(dir, `${DIR}/meeting.yaml`, read(dir, `${DIR}/meeting.yaml`).replace(/^uid: .*\n/m, ''));
    git(['commit', '-qam', 'A meeting without a UID'], dir);
    const r = wep(['notice', '--meeting', ID, '--docx', '--commit'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Committed [0-9a-f]{7,} \(5 files\)\./);
    expect(headFiles(dir)).toEqual([`${DIR}/invite.ics`, `${DIR}/meeting.yaml`, `${DIR}/notice.docx`, `${DIR}/notice.html`, `${DIR}/notice.md`]);
    expect(committedBytes(dir, `${DIR}/notice.docx`).equals(readFileSync(join(dir, DIR, 'notice.docx')))).toBe(true);
    expect(git(['status', '--porcelain'], dir)).toBe('?? scratch.txt\n');
  });

  it('the notice takes the packs written before it, still as wep wrote them', () => {
    const dir = repoWithScratch();
    expect(wep(['pack', '--meeting', ID], { cwd: dir }).code).toBe(0);
    const r = wep(['notice', '--meeting', ID, '--commit'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(headFiles(dir)).toEqual([`${DIR}/agenda-pack-confidential.pdf`, `${DIR}/agenda-pack.pdf`, `${DIR}/invite.ics`, `${DIR}/notice.html`, `${DIR}/notice.md`]);
    expect(git(['status', '--porcelain'], dir)).toBe('?? scratch.txt\n');
  });

  it('a pack the clerk changed after wep wrote it is not taken as wep\'s', () => {
    const dir = repo();
    expect(wep(['pack', '--meeting', ID], { cwd: dir }).code).toBe(0);
    const path = join(dir, DIR, 'agenda-pack.pdf');
    writeFileSync(path, Buffer.concat([readFileSync(path), Buffer.from('\n% annotated by the clerk\n')]));
    expect(wep(['notice', '--meeting', ID, '--commit'], { cwd: dir }).code).toBe(0);
    expect(headFiles(dir)).not.toContain(`${DIR}/agenda-pack.pdf`);
    expect(headFiles(dir)).toContain(`${DIR}/agenda-pack-confidential.pdf`);
  });

  it('the minutes: minutes.docx with minutes.md', () => {
    const dir = repoWithScratch();
    const r = wep(['minutes', '--meeting', OCT, '--docx', '--commit'], { cwd: dir, today: '2026-10-12' });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Committed [0-9a-f]{7,} \(2 files\)\./);
    expect(headFiles(dir)).toEqual([`meetings/${OCT}/minutes.docx`, `meetings/${OCT}/minutes.md`]);
    expect(committedBytes(dir, `meetings/${OCT}/minutes.docx`).equals(readFileSync(join(dir, `meetings/${OCT}/minutes.docx`)))).toBe(true);
    expect(git(['status', '--porcelain'], dir)).toBe('?? scratch.txt\n');
  });

  it('the minutes: a Word file written again after the clerk\'s edits to minutes.md', () => {
    const dir = repo();
    expect(wep(['minutes', '--meeting', OCT, '--commit'], { cwd: dir, today: '2026-10-12' }).code).toBe(0);
    const md = `meetings/${OCT}/minutes.md`;
    write(dir, md, `${read(dir, md)}\nA line the clerk added.\n`);
    git(['commit', '-qam', 'The clerk\'s minutes'], dir);
    const r = wep(['minutes', '--meeting', OCT, '--docx', '--commit'], { cwd: dir, today: '2026-10-12' });
    expect(r.code).toBe(0);
    // minutes.md is the clerk's now and already committed: the commit holds the Word file alone
    expect(headFiles(dir)).toEqual([`meetings/${OCT}/minutes.docx`]);
    expect(git(['status', '--porcelain'], dir)).toBe('');
  });
});
