/**
 * `wep attendance` on a real terminal (tmux): the checklist with its live quorum verdict, the
 * questions after it, the write, and Ctrl-C leaving meeting.yaml unchanged. Skipped without tmux.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BIN, read, removeRepo, tempRepo, write } from '../helpers/wep.js';

const hasTmux = spawnSync('tmux', ['-V']).status === 0;
const SOCKET = `wep-test-${process.pid}`;
const ID = '2026-12-10-partnership';
const FILE = `meetings/${ID}/meeting.yaml`;
const RECORD = `# December
body: partnership
date: 2026-12-10
start: "16:00"
agenda:
  - { title: Welcome and apologies }
  - { title: Budget 2027-28, purpose: decision }
attendance:
  apologies: [sh-evans] # by email
`;

const tmux = (...args: string[]) => spawnSync('tmux', ['-L', SOCKET, ...args], { encoding: 'utf8' });
const screen = (session: string) => tmux('capture-pane', '-p', '-t', session).stdout;

/** Polls the pane until `text` shows (the terminal is asynchronous), failing with the screen after 15 s. */
function waitFor(session: string, text: string): string {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const s = screen(session);
    if (s.includes(text)) return s;
    if (Date.now() > deadline) throw new Error(`"${text}" never appeared; the screen was:\n${s}`);
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 50);
  }
}

function start(dir: string, session: string): void {
  const env = `WEP_TODAY=2026-11-22 WEP_CACHE_DIR=${join(dir, '.wep-test-cache')} NO_COLOR=1`;
  const cmd = `cd ${dir} && env ${env} ${process.execPath} ${BIN} attendance; echo "EXIT=$?"; sleep 600`;
  const r = tmux('new-session', '-d', '-s', session, '-x', '150', '-y', '60', cmd);
  if (r.status !== 0) throw new Error(r.stderr);
}

const dirs: string[] = [];
const repo = () => {
  const dir = tempRepo({ git: false });
  write(dir, FILE, RECORD);
  dirs.push(dir);
  return dir;
};
afterAll(() => {
  if (hasTmux) tmux('kill-server');
  dirs.forEach(removeRepo);
});

describe.skipIf(!hasTmux)('wep attendance on a terminal', () => {
  it('ticks people with the verdict live, asks the rest, and writes meeting.yaml keeping the comment', () => {
    const dir = repo();
    start(dir, 'write');
    let s = waitFor('write', 'Who is present at 2026-12-10-partnership?');
    expect(s).toContain('Forecast: quorate if these apologies stand (1 apology so far)');
    // tick: chair, ph-ahmed, ph-brown (rows 0, 1, 3), sh-clarke (9), px-evans (12), sh-francis (13), sf-iqbal, sf-jones
    const keys: string[] = ['Space', 'Down', 'Space', 'Down', 'Down', 'Space'];
    for (let i = 0; i < 6; i++) keys.push('Down');
    keys.push('Space'); // sh-clarke
    tmux('send-keys', '-t', 'write', ...keys);
    // wait for the exact verdict: the screen may still show an earlier one while keys are read
    waitFor('write', 'NOT QUORATE: Schools Forum 0 of 2 (short by 2); Wokingham Secondary Heads Federation 1 of 2 (short by 1), at the start of the meeting');
    tmux('send-keys', '-t', 'write', 'Down', 'Down', 'Down', 'Space', 'Down', 'Space'); // px-evans, sh-francis
    waitFor('write', 'NOT QUORATE: Schools Forum 0 of 2 (short by 2), at the start of the meeting');
    // down past px-francis, sp-green, px-green, fc-hughes, px-hughes to sf-iqbal, then sf-jones
    tmux('send-keys', '-t', 'write', 'Down', 'Down', 'Down', 'Down', 'Down', 'Down', 'Space', 'Down', 'Down', 'Space');
    waitFor('write', 'Quorate: Education Partnership, at the start of the meeting (8 counted)');
    tmux('send-keys', '-t', 'write', 'Enter');
    waitFor('write', 'Who sent apologies?');
    tmux('send-keys', '-t', 'write', 'Enter');
    waitFor('write', 'Observers or invitees present?');
    tmux('send-keys', '-t', 'write', 'Enter');
    waitFor('write', 'Record a late arrival or an early departure?');
    tmux('send-keys', '-t', 'write', 'Enter');
    waitFor('write', 'Record a declaration of interest?');
    tmux('send-keys', '-t', 'write', 'Enter');
    waitFor('write', `Write this attendance to ${FILE}?`);
    tmux('send-keys', '-t', 'write', 'Enter');
    s = waitFor('write', 'EXIT=');
    expect(s).toContain(`Recorded attendance in ${FILE}`);
    expect(s).toContain('EXIT=0');
    expect(read(dir, FILE)).toBe(
      RECORD.replace(
        '  apologies: [sh-evans] # by email\n',
        '  present: [chair-okafor, ph-ahmed, ph-brown, sh-clarke, px-evans, sh-francis, sf-iqbal, sf-jones]\n  apologies: [sh-evans] # by email\n  proxies:\n    - { proxy: px-evans, for: sh-evans }\n',
      ),
    );
  });

  it('Ctrl-C leaves meeting.yaml unchanged', () => {
    const dir = repo();
    start(dir, 'cancel');
    waitFor('cancel', 'Who is present at 2026-12-10-partnership?');
    tmux('send-keys', '-t', 'cancel', 'Space', 'Enter');
    waitFor('cancel', 'Who sent apologies?');
    tmux('send-keys', '-t', 'cancel', 'C-c');
    const s = waitFor('cancel', 'EXIT=');
    expect(s).toContain('cancelled: nothing was changed');
    expect(s).toContain('EXIT=130');
    expect(read(dir, FILE)).toBe(RECORD);
  });
});
