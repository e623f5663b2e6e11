/** The command surface: version, help, usage errors, colour, file discovery, internal errors. */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, removeRepo, tempRepo, wep } from '../helpers/wep.js';

const ESC = '\x1b[';
const VALID = readFileSync(join(ROOT, 'test/fixtures/errors/valid.yaml'), 'utf8');
const dirs: string[] = [];
let dir: string;
beforeAll(() => {
  dir = tempRepo({ git: false });
  dirs.push(dir);
});
afterAll(() => dirs.forEach(removeRepo));

const ids = (stdout: string) => (JSON.parse(stdout).members as { id: string }[]).map((p) => p.id);

describe('wep: version and help', () => {
  it('--version prints the package version', () => {
    const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
    for (const flag of ['--version', '-V']) {
      expect(wep([flag], { cwd: dir })).toEqual({ code: 0, stdout: `${version}\n`, stderr: '' });
    }
  });

  it('--help lists every command and the exit codes', () => {
    const r = wep(['--help'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Usage: wep \[options\] \[command\]/);
    for (const c of ['check', 'members', 'deadlines', 'meeting', 'notice', 'quorum', 'minutes', 'status']) expect(r.stdout).toMatch(new RegExp(`^  ${c}\\b`, 'm'));
    expect(r.stdout).toContain('Exit codes: 0 ok, 1 problems found, 2 bad input or usage, 3 not quorate.');
  });

  const COMMANDS = [
    ['check'],
    ['members'],
    ['deadlines'],
    ['meeting', 'new'],
    ['meetings'],
    ['agenda'],
    ['notice'],
    ['distribution'],
    ['calendar'],
    ['attendance'],
    ['quorum'],
    ['minutes'],
    ['actions'],
    ['actions', 'done'],
    ['decisions'],
    ['report', 'attendance'],
    ['status'],
    ['init'],
    ['schedule'],
    ['publish'],
  ];
  it.each(COMMANDS.map((c) => [c.join(' '), c]))('wep %s --help exits 0', (_name, cmd) => {
    const r = wep([...(cmd as string[]), '--help'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain(`Usage: wep ${(cmd as string[]).join(' ')}`);
  });

  it('the reporting commands show examples in their help', () => {
    for (const c of ['check', 'members', 'deadlines']) expect(wep([c, '--help'], { cwd: dir }).stdout).toContain(`Examples:\n  $ wep ${c}`);
  });

  it('an unknown command or option is a usage error: exit 2', () => {
    const r = wep(['frobnicate'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain("error: unknown command 'frobnicate'");
    const o = wep(['check', '--frob'], { cwd: dir });
    expect(o.code).toBe(2);
    expect(o.stderr).toContain("error: unknown option '--frob'");
  });
});

describe('wep: colour', () => {
  const colourEnv = { NO_COLOR: undefined, FORCE_COLOR: undefined };
  it('no colour when output is not a terminal, with NO_COLOR, or with --no-color', () => {
    for (const [args, env] of [
      [['check'], colourEnv],
      [['check'], { NO_COLOR: '1' }],
      [['check'], { NO_COLOR: '1', FORCE_COLOR: '1' }],
      [['--no-color', 'check'], { NO_COLOR: undefined, FORCE_COLOR: '1' }],
      [['--no-color', 'members'], { NO_COLOR: undefined, FORCE_COLOR: '1' }],
      [['--no-color', 'deadlines', '2026-12-26'], { NO_COLOR: undefined, FORCE_COLOR: '1' }],
    ] as const) {
      const r = wep([...args], { cwd: dir, env: { ...env } });
      expect(r.code, args.join(' ')).toBe(0);
      expect(r.stdout + r.stderr, `${args.join(' ')} ${JSON.stringify(env)}`).not.toContain(ESC);
      expect(r.stdout + r.stderr).not.toBe('');
    }
  });

  it('FORCE_COLOR=1 gives colour', () => {
    const c = wep(['check'], { cwd: dir, env: { NO_COLOR: undefined, FORCE_COLOR: '1' } });
    expect(c.stderr).toContain(ESC);
    const m = wep(['members'], { cwd: dir, env: { NO_COLOR: undefined, FORCE_COLOR: '1' } });
    expect(m.stdout).toContain(ESC);
  });

  it('--json is never coloured', () => {
    const r = wep(['members', '--json'], { cwd: dir, env: { NO_COLOR: undefined, FORCE_COLOR: '1' } });
    expect(r.stdout).not.toContain(ESC);
    expect(() => JSON.parse(r.stdout)).not.toThrow();
  });
});

describe('wep: finding the partnership file', () => {
  it('from a subfolder, as git finds .git', () => {
    const sub = join(dir, 'meetings', 'deep', 'er');
    mkdirSync(sub, { recursive: true });
    const r = wep(['members', '--json'], { cwd: sub });
    expect(r.code).toBe(0);
    expect(ids(r.stdout)).toHaveLength(30);
  });

  it('--file and WEP_FILE override discovery; --file wins over WEP_FILE', () => {
    writeFileSync(join(dir, 'other.yaml'), VALID);
    const small = ['ph-ahmed', 'ph-brown', 'sh-clarke', 'px-ahmed'];
    expect(ids(wep(['--file', 'other.yaml', 'members', '--json'], { cwd: dir }).stdout)).toEqual(small);
    expect(ids(wep(['-f', 'other.yaml', 'members', '--json'], { cwd: dir }).stdout)).toEqual(small);
    expect(ids(wep(['members', '--json'], { cwd: dir, env: { WEP_FILE: 'other.yaml' } }).stdout)).toEqual(small);
    expect(ids(wep(['--file', 'partnership.yaml', 'members', '--json'], { cwd: dir, env: { WEP_FILE: 'other.yaml' } }).stdout)).toHaveLength(30);
    // a folder given to --file means the partnership.yaml in it
    expect(ids(wep(['--file', dir, 'members', '--json'], { cwd: tmpdir() }).stdout)).toHaveLength(30);
  });

  it('no file: exit 2 with what to do, never a stack', () => {
    const empty = mkdtempSync(join(tmpdir(), 'wep-nofile-'));
    dirs.push(empty);
    const r = wep(['members'], { cwd: empty });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`wep: error: no partnership.yaml in ${empty} or any folder above it\n  fix: run wep inside a records repo, pass --file PATH, or create one with "wep init"\n`);
    const env = wep(['check'], { cwd: empty, env: { WEP_FILE: 'missing.yaml' } });
    expect(env.code).toBe(2);
    expect(env.stderr).toBe('wep: error: no partnership file at missing.yaml\n  fix: check the path given to WEP_FILE\n');
    const folder = wep(['--file', empty, 'check'], { cwd: dir });
    expect(folder.code).toBe(2);
    expect(folder.stderr).toBe(`wep: error: ${empty} is a folder with no partnership.yaml in it\n  fix: give the path of the file itself\n`);
    // a folder that happens to be called partnership.yaml is not the file
    mkdirSync(join(empty, 'partnership.yaml'));
    const dirNamed = wep(['check'], { cwd: empty });
    expect(dirNamed.code).toBe(2);
    expect(dirNamed.stderr).not.toMatch(/internal error|^\s+at /m);
  });

  it('a bad WEP_TODAY is bad input: exit 2', () => {
    const r = wep(['members'], { cwd: dir, today: '2026-02-30' });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('wep: error: WEP_TODAY="2026-02-30" is not a date in the form YYYY-MM-DD\n  fix: unset it, or set it to a date such as 2026-12-01\n');
  });
});

describe('wep: internal errors', () => {
  // Simulate a bug: reading the clock throws (WEP_TODAY unset so the clock is read).
  const bug = { WEP_TODAY: undefined, NODE_OPTIONS: "--import=data:text/javascript,Date.now=function(){throw%20Error('simulated%20bug')}" };

  it('say so and ask for a report, exit 70, no stack without WEP_DEBUG', () => {
    const r = wep(['members'], { cwd: dir, env: { ...bug } });
    expect(r.code).toBe(70);
    expect(r.stderr).toBe(
      'wep: internal error: simulated bug\n  This is a bug in wep, not in your records. Please report it with the command you ran;\n  run it again with WEP_DEBUG=1 to see the details.\n',
    );
  });

  it('WEP_DEBUG=1 shows the stack for an internal error', () => {
    const r = wep(['members'], { cwd: dir, env: { ...bug, WEP_DEBUG: '1' } });
    expect(r.code).toBe(70);
    expect(r.stderr).toMatch(/^Error: simulated bug\n {4}at /);
    expect(r.stderr).toContain('wep: internal error: simulated bug');
  });

  it('WEP_DEBUG=1 shows no stack for expected errors', () => {
    const r = wep(['deadlines', 'tomorrow'], { cwd: dir, env: { WEP_DEBUG: '1' } });
    expect(r.code).toBe(2);
    expect(r.stderr).not.toMatch(/^\s+at /m);
    const d = wep(['--file', join(ROOT, 'test/fixtures/errors/unknown-group.yaml'), 'members'], { cwd: dir, env: { WEP_DEBUG: '1' } });
    expect(d.code).toBe(2);
    expect(d.stderr).toContain('unknown group "secondary-head"');
    expect(d.stderr).not.toMatch(/^\s+at /m);
  });
});
