/**
 * Hostile input never becomes an internal error: alias bombs of every shape, nesting deep
 * enough to exhaust a parser's stack, years outside 1000-2999, absurd numbers. Each ends in a
 * short, clear diagnostic (exit 2 or 1), never exit 70, never a stack trace, never a 40 KB
 * excerpt: first in-process over many generated variants, then through the built binary.
 */
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { dayOfWeek, daysBetween, isIsoDate, toDayNumber, whyNotIsoDate } from '../../src/core/dates.js';
import { validatePartnershipSource } from '../../src/io/partnership-file.js';
import { parseYaml } from '../../src/io/yaml-source.js';
import { renderDiagnostics } from '../../src/report/diagnostics.js';
import { makeOutput } from '../../src/report/output.js';
import { EXAMPLE, tempRepos, wep, write } from '../helpers/wep.js';
import { meetingSchema } from '../../src/core/meeting-schema.js';

const SOURCE = readFileSync(EXAMPLE, 'utf8');
const TODAY = '2026-11-22';
const plain = makeOutput({ color: false }).c;
const counts: Record<string, { tried: number; handled: number }> = {};
const count = (cls: string, ok: boolean) => {
  const c = (counts[cls] ??= { tried: 0, handled: 0 });
  c.tried++;
  if (ok) c.handled++;
};

/** The whole report as the clerk would read it: short lines, a few of them. */
async function report(text: string) {
  const r = await validatePartnershipSource(text, 'partnership.yaml', TODAY);
  const lines = renderDiagnostics(r.diagnostics, { 'partnership.yaml': text }, plain);
  return { r, lines, bytes: lines.join('\n').length };
}

const aliasBomb = fc.oneof(
  // billion laughs: each level repeats the one before `width` times, past 10,000 values
  fc.integer({ min: 2, max: 12 }).chain((width) => fc.tuple(fc.constant(width), fc.integer({ min: Math.ceil(Math.log(20_000) / Math.log(width)), max: 16 }))).map(([width, levels]) => {
    const ls = [`a0: &a0 [${Array(width).fill('lol').join(', ')}]`];
    for (let i = 1; i <= levels; i++) ls.push(`a${i}: &a${i} [${Array(width).fill(`*a${i - 1}`).join(', ')}]`);
    return ls.join('\n');
  }),
  // wide: one big list, aliased a few hundred times (few aliases, millions of nodes)
  fc.tuple(fc.integer({ min: 200, max: 5000 }), fc.integer({ min: 60, max: 999 })).map(([n, k]) => `a: &a [${Array(n).fill('x').join(',')}]\nb: [${Array(k).fill('*a').join(',')}]`),
  // mappings of mappings, past 10,000 values
  fc.integer({ min: 8, max: 20 }).map((levels) => {
    const ls = ['m0: &m0 {a: 1, b: 2, c: 3, d: 4}'];
    for (let i = 1; i <= levels; i++) ls.push(`m${i}: &m${i} {a: *m${i - 1}, b: *m${i - 1}, c: *m${i - 1}, d: *m${i - 1}}`);
    return ls.join('\n');
  }),
  // an alias inside what it names
  fc.constantFrom('a: &a [*a]', 'a: &a {b: *a}', 'a: &a [x, [y, *a]]', 'a: &a\n  b: *a'),
);

const deep = fc.oneof(
  fc.integer({ min: 65, max: 30000 }).map((n) => `x: ${'['.repeat(n)}${']'.repeat(n)}`),
  fc.integer({ min: 65, max: 5000 }).map((n) => `x: ${'{a: '.repeat(n)}1${'}'.repeat(n)}`),
  fc.integer({ min: 65, max: 1200 }).map((n) => Array.from({ length: n }, (_, i) => `${' '.repeat(i)}k${i}:`).join('\n')),
  fc.integer({ min: 65, max: 2000 }).map((n) => Array.from({ length: n }, (_, i) => `${'  '.repeat(i)}-`).join('\n')),
);

describe('hostile YAML, in-process', () => {
  it('alias bombs end in one short error, bounded by the nodes they would produce', async () => {
    await fc.assert(
      fc.asyncProperty(aliasBomb, async (text) => {
        const { r, bytes } = await report(text);
        const ok = r.file === undefined && r.diagnostics.some((d) => d.check === 'yaml' && /alias/.test(d.message)) && bytes < 2000;
        count('alias amplification', ok);
        expect(ok, text.slice(0, 200)).toBe(true);
      }),
      { numRuns: 60 },
    );
  });

  it('a small alias that expands to little still works', () => {
    const r = parseYaml('v: &v {name: Hall, address: "1 Road"}\na: *v\nb: *v\n', 'f.yaml', { expected: 'x', parse: (n: unknown) => n, json: () => ({}) } as never);
    expect(r.diagnostics).toEqual([]);
  });

  it('deep nesting ends in a short error', async () => {
    await fc.assert(
      fc.asyncProperty(deep, async (text) => {
        const { r, lines, bytes } = await report(text);
        const ok = r.file === undefined && r.diagnostics.some((d) => /nested more than 64 levels/.test(d.message)) && bytes < 2000 && lines.every((l) => l.length < 200);
        count('deep nesting', ok);
        if (!ok) throw new Error(JSON.stringify({ start: text.slice(0, 40), chars: text.length, messages: r.diagnostics.map((d) => d.message.slice(0, 100)), bytes, longest: Math.max(...lines.map((l) => l.length)) }));
      }),
      { numRuns: 40 },
    );
  });

  it('a long line is shown as a window around the place', async () => {
    const text = SOURCE.replace('name: Wokingham Education Partnership', `name: Wokingham Education Partnership, ${'x'.repeat(40_000)}\nfoo: 1`);
    const { lines, bytes } = await report(text);
    expect(bytes).toBeLessThan(3000);
    expect(lines.every((l) => l.length < 200)).toBe(true);
  });
});

const years = fc.oneof(
  fc.integer({ min: 0, max: 999 }),
  fc.integer({ min: 3000, max: 9999 }),
).chain((y) => fc.tuple(fc.constant(y), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 })));
const iso = ([y, m, d]: [number, number, number]) => `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;

describe('years', () => {
  it('refuses a year before 1000 or after 2999, saying so', () => {
    fc.assert(
      fc.property(years, (ymd) => {
        const s = iso(ymd);
        const ok = !isIsoDate(s) && /wep works with dates from 1000 to 2999/.test(whyNotIsoDate(s) ?? '');
        count('years out of range', ok);
        expect(ok, s).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it('counts days right across the whole range, 1000 to 2999 (never a year 50 read as 1950)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1000, max: 2999 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 }), (y, m, d) => {
        const s = iso([y, m, d]);
        const js = new Date(0);
        js.setUTCFullYear(y, m - 1, d);
        js.setUTCHours(0, 0, 0, 0);
        const ok = isIsoDate(s) && toDayNumber(s) * 86_400_000 === js.getTime() && dayOfWeek(s) === js.getUTCDay();
        count('years in range', ok);
        expect(ok, s).toBe(true);
      }),
      { numRuns: 200 },
    );
    expect(daysBetween('1000-01-01', '2999-12-31')).toBe(730484);
  });

  it('a meeting dated in the year 0050 is refused by the schema, not read as 1950', () => {
    const r = parseYaml('body: partnership\ndate: 0050-12-10\nstart: "16:00"\nagenda: []\n', 'meeting.yaml', meetingSchema);
    expect(r.diagnostics.map((d) => d.message)).toEqual(['"0050-12-10" is in the year 0050: wep works with dates from 1000 to 2999']);
  });
});

/** Absurd numbers in the places the example holds counts. */
const ABSURD = ['1e9', '1e12', '1e20', '-1', '1.5', '.inf', '-.inf', '.nan', '0x7fffffffffffffff', '9007199254740993', '100000000000000000000000'];
const NUMBER_PLACES: [string, (v: string) => string][] = [
  ['seats', (v) => SOURCE.replace('    seats: 4', `    seats: ${v}`)],
  ['notice days', (v) => SOURCE.replace('notice: { kind: working-days, days: 7 }', `notice: { kind: working-days, days: ${v} }`)],
  ['per-group min', (v) => SOURCE.replace('        min: 2', `        min: ${v}`)],
  ['max-per-proxy', (v) => SOURCE.replace('notice: { kind: working-days, days: 7 }', `notice: { kind: working-days, days: 7 }\n    proxies: { allowed: true, max-per-proxy: ${v} }`)],
];

describe('absurd numbers', () => {
  it('are refused by the schema where they are written', async () => {
    for (const [place, make] of NUMBER_PLACES) {
      for (const v of ABSURD) {
        const text = make(v);
        expect(text, place).not.toBe(SOURCE);
        const { r } = await report(text);
        const ok = r.file === undefined && r.diagnostics.some((d) => d.severity === 'error' && d.check === 'schema');
        count('absurd numbers', ok);
        expect(ok, `${place}: ${v}: ${r.diagnostics.map((d) => d.message).join('; ')}`).toBe(true);
      }
    }
    const { r } = await report(SOURCE.replace('    seats: 4', '    seats: 1000'));
    expect(r.diagnostics.filter((d) => d.check === 'schema')).toEqual([]);
  });
});

describe('through the built binary: exit 2 or 1, never 70, no stack trace, short', () => {
  const repo = tempRepos({ withMeetings: true });
  const wide = `a: &a [${Array(5000).fill('x').join(',')}]\nb: [${Array(999).fill('*a').join(',')}]\n`;
  const cases: [string, string | undefined, string | undefined, string[]][] = [
    ['wide alias bomb', wide, undefined, ['check']],
    ['wide alias bomb, members', wide, undefined, ['members']],
    ['self alias', 'a: &a [*a]\n', undefined, ['check']],
    ['deep flow list', `x: ${'['.repeat(20000)}${']'.repeat(20000)}\n`, undefined, ['check']],
    ['deep flow list, quorum', `x: ${'['.repeat(20000)}${']'.repeat(20000)}\n`, undefined, ['quorum', '--present', 'ph-ahmed']],
    ['deep mapping', `x: ${'{a: '.repeat(3000)}1${'}'.repeat(3000)}\n`, undefined, ['check']],
    ['seats 1e12', SOURCE.replace('    seats: 4', '    seats: 1e12'), undefined, ['check']],
    ['notice days 1e9', SOURCE.replace('days: 7 }', 'days: 1e9 }'), undefined, ['deadlines', '2026-12-10']],
    ['seats -1', SOURCE.replace('    seats: 4', '    seats: -1'), undefined, ['members']],
    ['term from 0050', SOURCE.replace('term: { start: 2025-09-01', 'term: { start: 0050-09-01'), undefined, ['check']],
    ['meeting in 0050', undefined, 'date: 2026-12-10', ['check']],
    ['deadlines 0050', undefined, undefined, ['deadlines', '0050-12-10']],
    ['deadlines 3000', undefined, undefined, ['deadlines', '3000-01-02']],
    ['schedule from 0999', undefined, undefined, ['schedule', '--body', 'partnership', '--from', '0999-09-01', '--to', '2027-07-31', '--every', 'half-term']],
    ['report from 0050', undefined, undefined, ['report', 'attendance', '--from', '0050-01-01', '--to', '2026-12-31']],
    ['attendance item 1e9', undefined, 'attendance:\n  present: [ph-ahmed]\n  left: [{ person: ph-ahmed, item: 1e9 }]\ndate: 2026-12-10', ['check']],
  ];
  for (const [name, partnership, meeting, args] of cases) {
    it(name, () => {
      const dir = repo();
      if (partnership !== undefined) write(dir, 'partnership.yaml', partnership);
      if (meeting !== undefined) {
        const path = 'meetings/2026-12-10-partnership/meeting.yaml';
        const text = readFileSync(`${dir}/${path}`, 'utf8');
        write(dir, path, meeting === 'date: 2026-12-10' ? text.replace('date: 2026-12-10', 'date: 0050-12-10') : text.replace('date: 2026-12-10', meeting));
      }
      const r = wep(args, { cwd: dir });
      const ok = (r.code === 2 || r.code === 1) && !/internal error|\n\s+at /.test(r.stderr) && r.stderr.length < 4000 && /error/.test(r.stderr);
      count('binary', ok);
      expect({ code: r.code, ok, stderr: r.stderr.slice(0, 600) }).toMatchObject({ ok: true });
      expect(r.code).not.toBe(70);
    });
  }
  it('in range years still work at both ends', () => {
    const dir = repo();
    for (const date of ['1000-01-02', '2999-12-30']) {
      const r = wep(['deadlines', date], { cwd: dir });
      expect(r.code, `${date}: ${r.stderr}`).toBe(0);
    }
    console.log(`trust-hostile: ${JSON.stringify(counts)}`);
  });
});
