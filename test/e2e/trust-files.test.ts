/**
 * Attacks on the records files through the built wep: links out of the repo, FIFOs, folders
 * where a file belongs, devices, huge files, text that is not UTF-8, read-only files, CRLF
 * and BOM files, and several wep runs writing one file at once. Every attack ends in exit 2
 * with the file named and why, never a hang, a stack trace, exit 70, or the content of a file
 * outside the repo; every write keeps what the clerk wrote.
 */
import { spawn, execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DEC, OCT, OCTOBER_YAML, seedMeetings } from '../helpers/minutes-fixtures.js';
import { BIN, read, tempRepos, wep, write, type RunResult } from '../helpers/wep.js';

const repo = tempRepos();
const SECRET = 'SECRET-OUTSIDE-THE-REPO-91c2';
const elsewhere = mkdtempSync(join(tmpdir(), 'wep-elsewhere-'));
afterAll(() => rmSync(elsewhere, { recursive: true, force: true }));
writeFileSync(join(elsewhere, 'secret.yaml'), `# ${SECRET}\nbody: partnership\ndate: 2026-12-10\nstart: "16:00"\nagenda: []\n`);
writeFileSync(join(elsewhere, 'secret.md'), `${SECRET}\n`);
mkdirSync(join(elsewhere, DEC));
writeFileSync(join(elsewhere, DEC, 'meeting.yaml'), readFileSync(join(elsewhere, 'secret.yaml')));

/** A seeded repo (October held, December upcoming), committed. */
function seeded(): string {
  const d = repo();
  seedMeetings(d);
  return d;
}

/** Refused: exit 2, the file named, the reason given, nothing from outside shown, no stack. */
function expectRefused(r: RunResult, name: string, why: RegExp): void {
  expect(r.code, r.stderr).toBe(2);
  expect(r.stderr).toContain(name);
  expect(r.stderr).toMatch(why);
  expect(r.stderr).toMatch(/fix: /);
  expect(r.stdout + r.stderr).not.toContain(SECRET);
  expect(r.stderr).not.toMatch(/internal error|\n\s+at .*\(/);
}

const OUTSIDE = /leads outside the records repo/;

describe('links out of the records repo are refused, never read', () => {
  it('meeting.yaml linked to a file outside: every command that reads meetings refuses', () => {
    const d = seeded();
    rmSync(join(d, 'meetings', DEC, 'meeting.yaml'));
    symlinkSync(join(elsewhere, 'secret.yaml'), join(d, 'meetings', DEC, 'meeting.yaml'));
    for (const args of [['check'], ['meetings'], ['agenda', '--meeting', DEC], ['status'], ['actions'], ['decisions'], ['calendar'], ['quorum', '--meeting', DEC], ['notice', '--meeting', DEC], ['publish', '--out', 'site']]) {
      expectRefused(wep(args, { cwd: d }), `meetings/${DEC}/meeting.yaml`, OUTSIDE);
    }
    expect(existsSync(join(d, 'site'))).toBe(false);
    expect(existsSync(join(d, 'meetings', DEC, 'notice.md'))).toBe(false);
  });

  it('a meeting folder linked out of the repo', () => {
    const d = seeded();
    rmSync(join(d, 'meetings', DEC), { recursive: true });
    symlinkSync(join(elsewhere, DEC), join(d, 'meetings', DEC));
    for (const args of [['meetings'], ['check'], ['status']]) expectRefused(wep(args, { cwd: d }), `meetings/${DEC}/`, OUTSIDE);
  });

  it('the meetings folder itself linked out of the repo', () => {
    const d = repo();
    rmSync(join(d, 'meetings'), { recursive: true });
    symlinkSync(elsewhere, join(d, 'meetings'));
    expectRefused(wep(['meetings'], { cwd: d }), 'meetings', OUTSIDE);
    const r = wep(['meeting', 'new', '2027-02-04'], { cwd: d });
    expect(r.code).toBe(2);
    expect(readdirSync(elsewhere).sort()).toEqual([DEC, 'secret.md', 'secret.yaml']);
  });

  it('partnership.yaml linked to a file outside (found, or given with --file)', () => {
    const d = repo();
    const other = mkdtempSync(join(tmpdir(), 'wep-other-'));
    writeFileSync(join(other, 'p.yaml'), `# ${SECRET}\n${read(d, 'partnership.yaml')}`);
    rmSync(join(d, 'partnership.yaml'));
    symlinkSync(join(other, 'p.yaml'), join(d, 'partnership.yaml'));
    expectRefused(wep(['check'], { cwd: d }), 'partnership.yaml', OUTSIDE);
    expectRefused(wep(['members'], { cwd: join(d, 'meetings') }), 'partnership.yaml', OUTSIDE);
    expectRefused(wep(['--file', 'partnership.yaml', 'deadlines', '2026-12-10'], { cwd: d }), 'partnership.yaml', OUTSIDE);
    rmSync(other, { recursive: true, force: true });
  });

  it('minutes.md linked outside: the registers and the site refuse it', () => {
    const d = seeded();
    symlinkSync(join(elsewhere, 'secret.md'), join(d, 'meetings', OCT, 'minutes.md'));
    for (const args of [['actions'], ['publish', '--out', 'site'], ['minutes', '--meeting', OCT, '--circulated', '2026-10-14']]) {
      expectRefused(wep(args, { cwd: d, today: '2026-10-14' }), `minutes.md`, OUTSIDE);
    }
    expect(read(d, `meetings/${OCT}/meeting.yaml`)).toBe(OCTOBER_YAML);
  });

  it('minutes.md linked to /dev/zero or /proc/self/environ', () => {
    const d = seeded();
    for (const target of ['/dev/zero', '/proc/self/environ']) {
      rmSync(join(d, 'meetings', OCT, 'minutes.md'), { force: true });
      symlinkSync(target, join(d, 'meetings', OCT, 'minutes.md'));
      expectRefused(wep(['actions'], { cwd: d }), 'minutes.md', OUTSIDE);
    }
  });

  it('a template linked outside: the notice is refused, nothing written', () => {
    const d = seeded();
    mkdirSync(join(d, 'templates'));
    symlinkSync(join(elsewhere, 'secret.md'), join(d, 'templates', 'notice.md.hbs'));
    expectRefused(wep(['notice', '--meeting', DEC], { cwd: d }), 'templates/notice.md.hbs', OUTSIDE);
    expect(existsSync(join(d, 'meetings', DEC, 'notice.md'))).toBe(false);
  });

  it('site.css linked outside: publish refuses, no site', () => {
    const d = seeded();
    mkdirSync(join(d, 'templates', 'site'), { recursive: true });
    symlinkSync(join(elsewhere, 'secret.md'), join(d, 'templates', 'site', 'site.css'));
    expectRefused(wep(['publish', '--out', 'site'], { cwd: d }), 'site.css', OUTSIDE);
    expect(existsSync(join(d, 'site'))).toBe(false);
  });

  it('a paper linked outside never reaches the site', () => {
    const d = seeded();
    write(d, `meetings/${DEC}/meeting.yaml`, read(d, `meetings/${DEC}/meeting.yaml`).replace('{ title: Budget 2027-28, purpose: decision }', '{ title: Budget 2027-28, purpose: decision, paper: budget.md }'));
    symlinkSync(join(elsewhere, 'secret.md'), join(d, 'meetings', DEC, 'budget.md'));
    const r = wep(['publish', '--out', 'site'], { cwd: d });
    expect(r.code, r.stderr).toBe(0);
    const all = (dir: string): string[] => readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? all(join(dir, e.name)) : [readFileSync(join(dir, e.name), 'utf8')]));
    expect(all(join(d, 'site')).join('\n')).not.toContain(SECRET);
    const c = wep(['check'], { cwd: d });
    expect(c.code).toBe(1);
    expect(c.stderr).toMatch(new RegExp(`meetings/${DEC}/meeting\\.yaml:\\d+:\\d+: error: paper for item 4: budget\\.md leads outside the records repo`));
    expect(c.stderr).toContain('fix: put the file or folder itself in the records repo instead of a link to it');
    expect(c.stdout + c.stderr).not.toContain(SECRET);
  });
});

describe('FIFOs, folders and devices where a file belongs: refused at once, never a hang', () => {
  it('meeting.yaml is a FIFO', () => {
    const d = seeded();
    rmSync(join(d, 'meetings', DEC, 'meeting.yaml'));
    execFileSync('mkfifo', [join(d, 'meetings', DEC, 'meeting.yaml')]);
    for (const args of [['check'], ['meetings'], ['status']]) expectRefused(wep(args, { cwd: d }), `meetings/${DEC}/meeting.yaml`, /is a named pipe \(FIFO\), not a file/);
  });

  it('partnership.yaml is a FIFO (found, or given with --file)', () => {
    const d = repo();
    rmSync(join(d, 'partnership.yaml'));
    execFileSync('mkfifo', [join(d, 'partnership.yaml')]);
    expectRefused(wep(['check'], { cwd: d }), 'partnership.yaml', /named pipe/);
    expectRefused(wep(['--file', 'partnership.yaml', 'members'], { cwd: d }), 'partnership.yaml', /named pipe/);
  });

  it('minutes.md is a FIFO', () => {
    const d = seeded();
    execFileSync('mkfifo', [join(d, 'meetings', OCT, 'minutes.md')]);
    expectRefused(wep(['actions'], { cwd: d }), 'minutes.md', /named pipe/);
    expectRefused(wep(['minutes', '--meeting', OCT], { cwd: d, today: '2026-10-12' }), 'minutes.md', /named pipe/);
  });

  it('a template is a FIFO', () => {
    const d = seeded();
    mkdirSync(join(d, 'templates'));
    execFileSync('mkfifo', [join(d, 'templates', 'notice.md.hbs')]);
    expectRefused(wep(['notice', '--meeting', DEC], { cwd: d }), 'notice.md.hbs', /named pipe/);
  });

  it('meeting.yaml is a folder', () => {
    const d = seeded();
    rmSync(join(d, 'meetings', DEC, 'meeting.yaml'));
    mkdirSync(join(d, 'meetings', DEC, 'meeting.yaml'));
    for (const args of [['check'], ['meetings']]) expectRefused(wep(args, { cwd: d }), `meetings/${DEC}/meeting.yaml`, /is a folder where a file belongs/);
  });

  it('calendar --out a FIFO is refused, not written into', () => {
    const d = seeded();
    execFileSync('mkfifo', [join(d, 'cal.ics')]);
    expectRefused(wep(['calendar', '--out', 'cal.ics'], { cwd: d }), 'cal.ics', /named pipe/);
    expectRefused(wep(['calendar', '--out', '/dev/null'], { cwd: d }), '/dev/null', /is a device, not a file/);
  });

  it('a huge minutes.md is refused by its size', () => {
    const d = seeded();
    writeFileSync(join(d, 'meetings', OCT, 'minutes.md'), '');
    truncateSync(join(d, 'meetings', OCT, 'minutes.md'), 6 * 1024 * 1024);
    expectRefused(wep(['actions'], { cwd: d }), 'minutes.md', /is 6 MiB, larger than wep reads for this file \(5 MiB\)/);
  });
});

describe('text that is not UTF-8 is refused at FILE:LINE:COL and never rewritten', () => {
  const latin1 = (s: string) => Buffer.from(s, 'latin1');

  it('meeting.yaml in Latin-1: check shows where; attendance writes nothing', () => {
    const d = seeded();
    const bytes = latin1(OCTOBER_YAML.replace('Work plan 2027', 'Work plan 2027 café'));
    writeFileSync(join(d, 'meetings', OCT, 'meeting.yaml'), bytes);
    const c = wep(['check'], { cwd: d });
    expect(c.code).toBe(2);
    expect(c.stderr).toMatch(new RegExp(`meetings/${OCT}/meeting\\.yaml:12:\\d+: error: the file is not UTF-8 text: byte 0xE9`));
    expect(c.stderr).toContain('^');
    expect(c.stderr).toContain('fix: save the file as UTF-8');
    const a = wep(['attendance', '--meeting', OCT, '--apologies', 'ph-chen'], { cwd: d });
    expect(a.code).toBe(2);
    expect(a.stderr).toContain('not UTF-8');
    expect(readFileSync(join(d, 'meetings', OCT, 'meeting.yaml'))).toEqual(bytes);
  });

  it('minutes.md in Windows-1252: circulation is refused, meeting.yaml unchanged', () => {
    const d = seeded();
    writeFileSync(join(d, 'meetings', OCT, 'minutes.md'), Buffer.concat([Buffer.from('# Minutes\n\nThe chair said '), Buffer.from([0x93]), Buffer.from('welcome'), Buffer.from([0x94]), Buffer.from('\n')]));
    const r = wep(['minutes', '--meeting', OCT, '--circulated', '2026-10-14'], { cwd: d, today: '2026-10-14' });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(new RegExp(`meetings/${OCT}/minutes\\.md:3:16: error: the file is not UTF-8 text: byte 0x93`));
    expect(read(d, `meetings/${OCT}/meeting.yaml`)).toBe(OCTOBER_YAML);
  });

  it('partnership.yaml in UTF-16', () => {
    const d = repo();
    writeFileSync(join(d, 'partnership.yaml'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(read(d, 'partnership.yaml'), 'utf16le')]));
    const r = wep(['check'], { cwd: d });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^partnership\.yaml:1:1: error: the file is not UTF-8 text: byte 0xFF/m);
  });
});

describe('writes keep what the clerk wrote', () => {
  it('a read-only meeting.yaml is refused, not replaced', () => {
    const d = seeded();
    const p = join(d, 'meetings', OCT, 'meeting.yaml');
    chmodSync(p, 0o444);
    const r = wep(['actions', 'done', `${OCT}/a1`], { cwd: d, today: '2026-11-20' });
    expectRefused(r, `meetings/${OCT}/meeting.yaml`, /is read-only; wep will not replace it/);
    expect(read(d, `meetings/${OCT}/meeting.yaml`)).toBe(OCTOBER_YAML);
    expect(statSync(p).mode & 0o777).toBe(0o444);
  });

  it('a read-only meeting folder: notice is refused, nothing written', () => {
    const d = seeded();
    chmodSync(join(d, 'meetings', DEC), 0o555);
    const r = wep(['notice', '--meeting', DEC], { cwd: d });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/is in a read-only folder; wep will not write there/);
    chmodSync(join(d, 'meetings', DEC), 0o755);
    expect(readdirSync(join(d, 'meetings', DEC))).toEqual(['meeting.yaml']);
  });

  it('modes are kept through an edit (0640 and 0600)', () => {
    const d = seeded();
    for (const mode of [0o640, 0o600]) {
      const p = join(d, 'meetings', DEC, 'meeting.yaml');
      chmodSync(p, mode);
      const r = wep(['attendance', '--meeting', DEC, '--apologies', mode === 0o640 ? 'ph-chen' : 'ph-chen,sh-evans'], { cwd: d });
      expect(r.code, r.stderr).toBe(0);
      expect(statSync(p).mode & 0o777).toBe(mode);
    }
  });

  it('a CRLF meeting.yaml stays CRLF through attendance and notice --sent', () => {
    const d = seeded();
    const p = join(d, 'meetings', DEC, 'meeting.yaml');
    writeFileSync(p, read(d, `meetings/${DEC}/meeting.yaml`).replace(/\n/g, '\r\n'));
    expect(wep(['attendance', '--meeting', DEC, '--apologies', 'ph-chen'], { cwd: d }).code).toBe(0);
    // a notice is recorded as sent only once it has been written
    expect(wep(['notice', '--meeting', DEC], { cwd: d, today: '2026-11-20' }).code).toBe(0);
    expect(wep(['notice', '--meeting', DEC, '--sent', '2026-11-20'], { cwd: d }).code).toBe(0);
    const text = read(d, `meetings/${DEC}/meeting.yaml`);
    expect(text).toContain('apologies: [ph-chen]\r\n');
    expect(text).toContain('sent: 2026-11-20\r\n');
    expect(text.replace(/\r\n/g, '')).not.toContain('\n');
    expect(wep(['check'], { cwd: d }).code).not.toBe(2);
  });

  it('a meeting.yaml with a BOM keeps it, once', () => {
    const d = seeded();
    const p = join(d, 'meetings', DEC, 'meeting.yaml');
    writeFileSync(p, `\uFEFF${read(d, `meetings/${DEC}/meeting.yaml`)}`);
    expect(wep(['attendance', '--meeting', DEC, '--apologies', 'ph-chen'], { cwd: d }).code).toBe(0);
    const bytes = readFileSync(p);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.subarray(3, 6).toString()).not.toContain('\uFEFF');
    expect(bytes.toString()).toContain('apologies: [ph-chen]');
  });

  it('several wep runs closing actions in one meeting.yaml at once lose no update', async () => {
    const d = seeded();
    const extra = [2, 3, 4, 5].map((n) => `  - id: a${n}\n    text: Action ${n}\n    owner: la-morgan\n    due: 2026-11-13\n`).join('');
    write(d, `meetings/${OCT}/meeting.yaml`, OCTOBER_YAML.replace('decisions:\n', `${extra}decisions:\n`));
    const env = { ...process.env, WEP_TODAY: '2026-11-20', NO_COLOR: '1', WEP_NO_CACHE: '1' };
    const runs = await Promise.all(
      [1, 2, 3, 4, 5].map(
        (n) =>
          new Promise<{ n: number; code: number; stderr: string }>((done) => {
            const c = spawn(process.execPath, [BIN, 'actions', 'done', `${OCT}/a${n}`], { cwd: d, env });
            let stderr = '';
            c.stderr.on('data', (b) => (stderr += b));
            c.on('exit', (code) => done({ n, code: code ?? -1, stderr }));
          }),
      ),
    );
    const text = read(d, `meetings/${OCT}/meeting.yaml`);
    for (const r of runs) {
      expect([0, 2]).toContain(r.code);
      const block = text.slice(text.indexOf(`- id: a${r.n}\n`)).split(/\n  - id: /)[0]!;
      if (r.code === 0) expect(block, `a${r.n} reported done`).toContain('done:');
      else {
        expect(r.stderr).toMatch(/changed on disk while wep was working|another wep .* is writing/);
        expect(block).not.toContain('done:');
      }
    }
    expect(runs.some((r) => r.code === 0)).toBe(true);
    expect(readdirSync(join(d, 'meetings', OCT)).filter((n) => n.startsWith('.'))).toEqual([]);
  });
});
