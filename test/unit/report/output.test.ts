import { closeSync, mkdtempSync, openSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { isTerminal, loadColor, makeOutput, useAnyColor, useColor } from '../../../src/report/output.js';

const dir = mkdtempSync(join(tmpdir(), 'wep-output-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('isTerminal', () => {
  it('a file, /dev/null and a closed descriptor are not terminals', () => {
    const file = openSync(join(dir, 'out.txt'), 'w');
    const devNull = openSync('/dev/null', 'w');
    expect(isTerminal(file)).toBe(false);
    expect(isTerminal(devNull)).toBe(false);
    closeSync(file);
    closeSync(devNull);
    expect(isTerminal(devNull)).toBe(false);
  });
});

describe('useColor', () => {
  it('--no-color and NO_COLOR win, FORCE_COLOR forces, else a terminal decides', () => {
    const tty = { write: () => true, isTTY: true };
    const pipe = { write: () => true, isTTY: false };
    expect(useColor({ color: false, env: { FORCE_COLOR: '1' }, stdout: tty })).toBe(false);
    expect(useColor({ env: { NO_COLOR: '1' }, stdout: tty })).toBe(false);
    expect(useColor({ env: { FORCE_COLOR: '1' }, stdout: pipe })).toBe(true);
    expect(useColor({ env: {}, stdout: tty })).toBe(true);
    expect(useColor({ env: {}, stdout: pipe })).toBe(false);
  });
});

describe('useColor: every way to turn colour off, per stream', () => {
  const tty = { write: () => true, isTTY: true };
  const pipe = { write: () => true, isTTY: false };
  it.each([
    ['NO_COLOR=1', { NO_COLOR: '1' }, false],
    ['NO_COLOR= (empty: not set)', { NO_COLOR: '' }, true],
    ['FORCE_COLOR=0', { FORCE_COLOR: '0' }, false],
    ['FORCE_COLOR=false', { FORCE_COLOR: 'false' }, false],
    ['TERM=dumb', { TERM: 'dumb' }, false],
    ['TERM=xterm-256color', { TERM: 'xterm-256color' }, true],
    ['FORCE_COLOR=1 with TERM=dumb', { FORCE_COLOR: '1', TERM: 'dumb' }, true],
    ['NO_COLOR=1 with FORCE_COLOR=1', { NO_COLOR: '1', FORCE_COLOR: '1' }, false],
  ] as const)('%s on a terminal', (_, env, expected) => {
    expect(useColor({ env, stdout: tty, stderr: tty }, 1)).toBe(expected);
    expect(useColor({ env, stdout: tty, stderr: tty }, 2)).toBe(expected);
    expect(useColor({ env, color: false, stdout: tty, stderr: tty }, 2)).toBe(false);
  });

  it("stderr's colour follows stderr's terminal, not stdout's", () => {
    expect(useColor({ env: {}, stdout: pipe, stderr: tty }, 2)).toBe(true);
    expect(useColor({ env: {}, stdout: pipe, stderr: tty }, 1)).toBe(false);
    expect(useColor({ env: {}, stdout: tty, stderr: pipe }, 2)).toBe(false);
    expect(useAnyColor({ env: {}, stdout: pipe, stderr: tty })).toBe(true);
    expect(useAnyColor({ env: {}, stdout: pipe, stderr: pipe })).toBe(false);
  });

  it('makeOutput colours only the stream on a terminal', async () => {
    await loadColor();
    const out: string[] = [];
    const err: string[] = [];
    const make = (o: boolean, e: boolean) =>
      makeOutput({ env: {}, stdout: { write: (s: string) => out.push(s), isTTY: o }, stderr: { write: (s: string) => err.push(s), isTTY: e } });
    const a = make(false, true);
    a.out(a.c.red('to stdout'));
    a.err(a.c.red('to stderr'));
    expect(out).toEqual(['to stdout\n']);
    expect(err).toEqual(['\x1b[31mto stderr\x1b[39m\n']);
    out.length = err.length = 0;
    const b = make(true, false);
    b.out(b.c.red('to stdout'));
    b.err(b.c.red('to stderr'));
    expect(out).toEqual(['\x1b[31mto stdout\x1b[39m\n']);
    expect(err).toEqual(['to stderr\n']);
  });
});

describe('makeOutput', () => {
  it('sends report lines to stdout, problems to stderr, and styles nothing without colour', () => {
    const out: string[] = [];
    const err: string[] = [];
    const o = makeOutput({ color: false, stdout: { write: (s: string) => out.push(s) }, stderr: { write: (s: string) => err.push(s) } });
    o.out(o.c.red.bold('quorate'));
    o.err('warning');
    o.json({ a: 1 });
    o.raw('BEGIN:VCALENDAR\r\n');
    expect(out).toEqual(['quorate\n', '{\n  "a": 1\n}\n', 'BEGIN:VCALENDAR\r\n']);
    expect(err).toEqual(['warning\n']);
  });
});
