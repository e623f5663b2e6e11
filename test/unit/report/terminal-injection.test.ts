/**
 * Attacks on the terminal: whatever a name or title holds (escape sequences, a lone CR, C1
 * controls, bidi overrides), what wep writes to stdout and stderr shows it and never obeys it,
 * with colour on or off; the styles' own colours still come through; JSON stays the same data.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadColor, makeOutput, visible } from '../../../src/report/output.js';

const RUNS = 300;
const OBEYED = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;
const hostile = fc.oneof(
  fc.string({ unit: fc.constantFrom('a', ' ', '\u001b', '[', '2J', ']8;;http://x\u0007', '\r', '\n', '\t', '\u0000', '\u0007', '\u0008', '\u007f', '\u009b', '\u0085', '\u202e', '\u2066', 'é', '😀', '\\'), maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 60 }),
);

function capture(color: boolean) {
  const out: string[] = [];
  const err: string[] = [];
  const o = makeOutput({ color, env: color ? { FORCE_COLOR: '1' } : {}, stdout: { write: (s: string) => out.push(s), isTTY: color }, stderr: { write: (s: string) => err.push(s) } });
  return { o, out, err };
}

/** Only SGR colour sequences, as the styles write them. */
const SGR = /\u001b\[\d+(?:;\d+)*m/g;

describe('terminal output', () => {
  it('makes every control character visible in text lines, on stdout and stderr, with colour off', () => {
    fc.assert(
      fc.property(hostile, (s) => {
        const { o, out, err } = capture(false);
        o.out(`name: ${s}`);
        o.err(o.c.red(`warning: ${s}`));
        expect(out.join('')).not.toMatch(OBEYED);
        expect(err.join('')).not.toMatch(OBEYED);
        expect(out.join('')).toBe(`name: ${visible(s)}\n`);
      }),
      { numRuns: RUNS },
    );
  });

  it('with colour on, lets through only the styles\' own colour sequences, around the text made visible', async () => {
    await loadColor();
    fc.assert(
      fc.property(hostile, hostile, (a, b) => {
        const { o, out } = capture(true);
        expect(o.color).toBe(true);
        o.out(`${a} ${o.c.red.bold(`x${b}`)} ${o.c.dim(`(${a})`)}`);
        const text = out.join('');
        expect(text).toMatch(/\u001b\[31m/);
        // every ESC left starts a colour sequence the styles wrote
        expect(text.replace(SGR, '')).not.toMatch(OBEYED);
        expect(text.replace(SGR, '')).toBe(`${visible(a)} x${visible(b)} (${visible(a)})\n`);
      }),
      { numRuns: RUNS },
    );
  });

  it('writes JSON that parses to the same data, with no raw control character', () => {
    fc.assert(
      fc.property(hostile, (s) => {
        const { o, out } = capture(false);
        o.json({ name: s });
        expect(out.join('')).not.toMatch(OBEYED);
        expect(JSON.parse(out.join(''))).toEqual({ name: s });
      }),
      { numRuns: RUNS },
    );
  });

  it('leaves raw output (CSV, iCalendar) alone: those are their own formats', () => {
    const { o, out } = capture(false);
    o.raw('a,b\r\n');
    expect(out.join('')).toBe('a,b\r\n');
  });

  it('shows controls as \\u{...}', () => {
    expect(visible('Jo\u001b[2J\rBloggs\u202e\u009b')).toBe('Jo\\u{1b}[2J\\u{d}Bloggs\\u{202e}\\u{9b}');
    expect(visible('tab\tand\nnewline stay')).toBe('tab\tand\nnewline stay');
  });
});
