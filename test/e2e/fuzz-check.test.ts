/**
 * Fuzzing the partnership file (issue 2, "Done when"): mutate the bundled example (deleted,
 * duplicated and re-indented lines, random values in random keys, truncation) and show that
 * validation always ends in diagnostics, never an exception; then a few runs through the built
 * binary never end in an internal error or a stack trace.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasErrors } from '../../src/core/diagnostic.js';
import { meetingDeadlines } from '../../src/core/meeting-deadlines.js';
import { membership } from '../../src/core/membership.js';
import { buildModel } from '../../src/core/model.js';
import { validatePartnershipSource } from '../../src/io/partnership-file.js';
import { EXAMPLE, removeRepo, tempRepo, wep } from '../helpers/wep.js';

const SOURCE = readFileSync(EXAMPLE, 'utf8');
const LINES = SOURCE.split('\n');
const TODAY = '2026-11-22';

/** Values a clerk (or a cat on the keyboard) might type after a key. */
const value = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.constantFrom('', '~', 'null', 'yes', 'no', '0', '-1', '1e9', '3.5', '2026-02-30', '2026-13-01', '25:00', '"16:00"', 'a@b', '[', ']', '{', '}', '[]', '{}', '&a x', '*a', '*nope', '!!binary', '|', '>', '"', "'", '#', ': x', '- x', 'ph-ahmed', 'px-ahmed', 'partnership', 'primary-heads', 'nobody'),
  fc.integer({ min: -5, max: 500 }).map(String),
);

type Mutation = (lines: string[]) => string[];
const at = (i: number, n: number) => (n === 0 ? 0 : i % n);

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  // delete a line
  fc.nat().map((i): Mutation => (ls) => ls.filter((_, j) => j !== at(i, ls.length))),
  // duplicate a line
  fc.nat().map((i): Mutation => (ls) => ls.flatMap((l, j) => (j === at(i, ls.length) ? [l, l] : [l]))),
  // change a line's indentation
  fc.tuple(fc.nat(), fc.constantFrom('', ' ', '  ', '    ', '\t', '      ')).map(([i, ind]): Mutation => (ls) => ls.map((l, j) => (j === at(i, ls.length) ? ind + l.trimStart() : l))),
  // swap the indentation of two lines
  fc.tuple(fc.nat(), fc.nat()).map(([i, k]): Mutation => (ls) => {
    const a = at(i, ls.length);
    const b = at(k, ls.length);
    const ind = (l: string) => /^\s*/.exec(l)![0];
    return ls.map((l, j) => (j === a ? ind(ls[b]!) + l.trimStart() : j === b ? ind(ls[a]!) + l.trimStart() : l));
  }),
  // a random value in a random key
  fc.tuple(fc.nat(), value).map(([i, v]): Mutation => (ls) => {
    const keyed = ls.map((l, j) => [l, j] as const).filter(([l]) => /^\s*(- )?[\w-]+:/.test(l));
    if (keyed.length === 0) return ls;
    const [line, j] = keyed[at(i, keyed.length)]!;
    const copy = [...ls];
    copy[j] = line.replace(/^(\s*(?:- )?[\w-]+:).*$/, `$1 ${v}`);
    return copy;
  }),
  // a random value in a random key of a flow mapping ({ id: x, name: y })
  fc.tuple(fc.nat(), fc.nat(), value).map(([i, k, v]): Mutation => (ls) => {
    const flows = ls.map((l, j) => [l, j] as const).filter(([l]) => l.includes('{ '));
    if (flows.length === 0) return ls;
    const [line, j] = flows[at(i, flows.length)]!;
    const parts = line.split(', ');
    const p = at(k, parts.length);
    parts[p] = parts[p]!.replace(/:\s.*$/, `: ${v}`);
    const copy = [...ls];
    copy[j] = parts.join(', ');
    return copy;
  }),
  // truncate the file
  fc.nat().map((i): Mutation => (ls) => {
    const text = ls.join('\n');
    return text.slice(0, at(i, text.length + 1)).split('\n');
  }),
  // rename a key slightly
  fc.tuple(fc.nat(), fc.constantFrom('x', 's', '-', '_')).map(([i, c]): Mutation => (ls) => {
    const keyed = ls.map((l, j) => [l, j] as const).filter(([l]) => /^\s*(- )?[\w-]+:/.test(l));
    if (keyed.length === 0) return ls;
    const [line, j] = keyed[at(i, keyed.length)]!;
    const copy = [...ls];
    copy[j] = line.replace(/([\w-]+):/, `$1${c}:`);
    return copy;
  }),
);

const mutated = fc.array(mutation, { minLength: 1, maxLength: 4 }).map((ms) => ms.reduce((ls, m) => m(ls), LINES).join('\n'));

describe('fuzz: validation of a mutated partnership file (in process)', () => {
  it('always returns diagnostics, never throws; positions point into the file; a valid result can be used', async () => {
    await fc.assert(
      fc.asyncProperty(mutated, async (source) => {
        const { file, diagnostics } = await validatePartnershipSource(source, 'partnership.yaml', TODAY);
        expect(Array.isArray(diagnostics)).toBe(true);
        const lineCount = source.split(/\r?\n/).length;
        for (const d of diagnostics) {
          expect(typeof d.message).toBe('string');
          expect(d.message.length).toBeGreaterThan(0);
          expect(['error', 'warning']).toContain(d.severity);
          if (d.pos) {
            expect(d.pos.line).toBeGreaterThanOrEqual(1);
            expect(d.pos.line).toBeLessThanOrEqual(lineCount);
            expect(d.pos.col).toBeGreaterThanOrEqual(1);
          }
        }
        if (!file) expect(hasErrors(diagnostics)).toBe(true);
        if (file && !hasErrors(diagnostics)) {
          // a harmless mutation: the commands built on the model must work too
          const model = buildModel(file);
          membership(model, TODAY);
          for (const body of model.bodies.values()) {
            membership(model, TODAY, body);
            meetingDeadlines(model, body, '2027-01-07', TODAY);
          }
        }
      }),
      { numRuns: 200, seed: 20261122 },
    );
  });

  it('also with unseeded runs (a different sample every time)', async () => {
    await fc.assert(
      fc.asyncProperty(mutated, async (source) => {
        const { file, diagnostics } = await validatePartnershipSource(source, 'partnership.yaml', TODAY);
        if (!file) expect(hasErrors(diagnostics)).toBe(true);
      }),
      { numRuns: 60 },
    );
  });
});

describe('fuzz: the built binary on mutated files', () => {
  let dir: string;
  beforeAll(() => {
    dir = tempRepo({ git: false });
  });
  afterAll(() => removeRepo(dir));

  it('wep check exits 0, 1 or 2, never 70, never a stack trace (15 files); wep members exits 0 or 2', () => {
    const samples = fc.sample(mutated, { numRuns: 15, seed: 42 });
    samples.forEach((source, i) => {
      const name = `fuzz-${i}.yaml`;
      writeFileSync(join(dir, name), source);
      const r = wep(['--file', name, 'check'], { cwd: dir });
      const what = `${name}:\n${source}\n--- stderr:\n${r.stderr}`;
      expect([0, 1, 2], what).toContain(r.code);
      expect(r.stderr, what).not.toMatch(/^\s+at /m);
      expect(r.stderr, what).not.toContain('internal error');
      if (r.code !== 0) expect(r.stderr, what).toMatch(/error/);
      if (i >= 5) return; // members on a few only: each run of the binary costs ~150 ms
      const m = wep(['--file', name, 'members', '--json'], { cwd: dir });
      expect([0, 2], `${what}\n--- members:\n${m.stderr}`).toContain(m.code);
      expect(m.stderr).not.toMatch(/^\s+at /m);
      if (r.code === 1 || r.code === 2) expect(m.code).toBe(2);
    });
  });
});
