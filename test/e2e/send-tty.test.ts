/**
 * `wep send` on a real terminal (tmux): it shows who gets what and asks; "no" sends nothing
 * and changes nothing, "yes" sends. The mail server runs in a child process (127.0.0.1, a
 * random port, stopped in afterAll and by itself after 60 s), as this test waits on the
 * terminal synchronously. Skipped without tmux.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, ROOT, read, tempRepos, wep } from '../helpers/wep.js';

const hasTmux = spawnSync('tmux', ['-V']).status === 0;
const SOCKET = `wep-send-test-${process.pid}`;
const ID = '2026-12-10-partnership';
const repo = tempRepos({ withMeetings: true });

const tmux = (...args: string[]) => spawnSync('tmux', ['-L', SOCKET, ...args], { encoding: 'utf8' });
const screen = (session: string) => tmux('capture-pane', '-p', '-J', '-S', '-200', '-t', session).stdout;

function waitFor(session: string, text: string): string {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const s = screen(session);
    if (s.includes(text)) return s;
    if (Date.now() > deadline) throw new Error(`"${text}" never appeared; the screen was:\n${s}`);
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 50);
  }
}

// A mail server in a child process: each message's recipients saved as a file in `inbox`.
const SERVER = `
const { SMTPServer } = require('smtp-server');
const fs = require('node:fs'); const path = require('node:path');
const inbox = process.argv[1]; let n = 0;
const s = new SMTPServer({ authOptional: true, disabledCommands: ['STARTTLS', 'AUTH'], logger: false, socketTimeout: 20000,
  onData(stream, session, cb) { stream.resume(); stream.on('end', () => { fs.writeFileSync(path.join(inbox, String(++n)), session.envelope.rcptTo.map((r) => r.address).join(',')); cb(); }); } });
s.listen(0, '127.0.0.1', () => process.stdout.write(String(s.server.address().port) + '\\n'));
setTimeout(() => process.exit(0), 60000).unref();
`;

let server: ChildProcess | undefined;
let url = '';
let inbox = '';

beforeAll(async () => {
  if (!hasTmux) return;
  inbox = repo({ git: false });
  server = spawn(process.execPath, ['-e', SERVER, inbox], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
  const port = await new Promise<string>((done) => server!.stdout!.once('data', (d: Buffer) => done(d.toString().trim())));
  url = `smtp://127.0.0.1:${port}`;
});

afterAll(() => {
  if (hasTmux) tmux('kill-server');
  server?.kill();
});

const mails = () => readdirSync(inbox).filter((f) => /^\d+$/.test(f));

function start(dir: string, session: string, extra = ''): void {
  const env = `WEP_TODAY=2026-11-22 WEP_CACHE_DIR=${join(dir, '.wep-test-cache')} NO_COLOR=1 WEP_SMTP_URL=${url}`;
  const cmd = `cd ${dir} && env ${env} ${process.execPath} ${BIN} send --meeting ${ID}${extra}; echo "EXIT=$?"; sleep 600`;
  const r = tmux('new-session', '-d', '-s', session, '-x', '200', '-y', '60', cmd);
  if (r.status !== 0) throw new Error(r.stderr);
}

describe.skipIf(!hasTmux)('wep send on a terminal', () => {
  it('shows who gets what and asks; no sends nothing and changes nothing', () => {
    const dir = repo();
    expect(wep(['notice', '--meeting', ID], { cwd: dir }).code).toBe(0);
    const before = read(dir, `meetings/${ID}/meeting.yaml`);
    start(dir, 'no');
    const s = waitFor('no', 'Send 29 messages through');
    expect(s).toContain(`Notice of ${ID}: 29 messages to 29 recipients (one message each`);
    expect(s).toContain('to Dr Alex Morris <a.morris@example.org>');
    tmux('send-keys', '-t', 'no', 'n', 'Enter');
    const end = waitFor('no', 'EXIT=0');
    expect(end).toContain('not sent: nothing was changed');
    expect(mails()).toHaveLength(0);
    expect(read(dir, `meetings/${ID}/meeting.yaml`)).toBe(before);
  });

  it('with --json it does not ask, even on a terminal: a usage error, nothing sent', () => {
    const dir = repo();
    expect(wep(['notice', '--meeting', ID], { cwd: dir }).code).toBe(0);
    const before = read(dir, `meetings/${ID}/meeting.yaml`);
    start(dir, 'json', ' --json');
    const end = waitFor('json', 'EXIT=');
    expect(end).toContain('wep: error: wep send --json cannot ask before sending');
    expect(end).toContain('EXIT=2');
    expect(end).not.toContain('Send 29 messages through');
    expect(mails()).toHaveLength(0);
    expect(read(dir, `meetings/${ID}/meeting.yaml`)).toBe(before);
  });

  it('yes sends, and records it', () => {
    const dir = repo();
    expect(wep(['notice', '--meeting', ID], { cwd: dir }).code).toBe(0);
    start(dir, 'yes');
    waitFor('yes', 'Send 29 messages through');
    tmux('send-keys', '-t', 'yes', 'y', 'Enter');
    const end = waitFor('yes', 'EXIT=0');
    expect(end).toContain('sent to 29 recipients');
    expect(mails()).toHaveLength(29);
    expect(existsSync(join(inbox, '1'))).toBe(true);
    expect(readFileSync(join(inbox, '1'), 'utf8')).toBe('grace.okafor@example.org');
    expect(read(dir, `meetings/${ID}/meeting.yaml`)).toMatch(/notice:\n(.*\n)*  sent: 2026-11-22\n/);
  });
});
