import { closeSync, mkdtempSync, openSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { isTerminal, makeOutput, useColor } from '../../../src/report/output.js';

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
