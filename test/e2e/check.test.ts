/**
 * `wep check` end to end: one fixture per diagnostic (test/fixtures/errors/), each asserting the
 * exact FILE:LINE:COL, message, ^^^ excerpt, fix hint and exit code, run through the built binary.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { EXAMPLE, ROOT, removeRepo, tempRepo, wep, type RunResult } from '../helpers/wep.js';

const FIXTURES = join(ROOT, 'test/fixtures/errors');
const check = (fixture: string, extra: string[] = []): RunResult =>
  wep(['--file', fixture, 'check', ...extra], { cwd: FIXTURES, env: { WEP_NO_CACHE: '1' } });

interface Case {
  fixture: string;
  line: number;
  col: number;
  /** Number of ^ under the place. */
  carets: number;
  message: string;
  hint: string;
  code: 1 | 2;
  /** Total count line, when more than the one error is expected. */
  count?: string;
}

const CASES: Case[] = [
  { fixture: 'yaml-syntax', line: 35, col: 5, carets: 39, code: 2, message: 'YAML syntax: Flow sequence in block collection must be sufficiently indented and end with a ]', hint: 'a list written in [ ] is not closed: add the missing "]" (it is often on the line before)' },
  { fixture: 'colon-in-text', line: 22, col: 11, carets: 12, code: 2, message: 'YAML syntax: Nested mappings are not allowed in compact mappings', hint: 'a colon followed by a space starts a key: put the whole text in quotes, e.g. name: "Brown: Peter"' },
  { fixture: 'tab-indent', line: 22, col: 1, carets: 18, code: 2, message: 'YAML syntax: Tabs are not allowed as indentation', hint: 'indent with spaces, not tabs' },
  { fixture: 'duplicate-key', line: 23, col: 5, carets: 16, code: 2, message: 'duplicate key "name": it appears twice in the same mapping', hint: 'each key may appear once in a mapping: remove or rename one of them' },
  { fixture: 'alias-bomb', line: 1, col: 1, carets: 1, code: 2, message: "the file's YAML aliases expand to more than 10000 values", hint: 'write the values out instead of using anchors (&) and aliases (*)' },
  { fixture: 'unknown-key', line: 19, col: 5, carets: 5, code: 1, message: 'unknown key "emial"', hint: 'did you mean "email"?' },
  { fixture: 'wrong-type', line: 15, col: 12, carets: 3, code: 1, message: 'expected a whole number of at least 0, found "one"', hint: 'write the number in digits, without quotes, e.g. 3' },
  { fixture: 'number-for-text', line: 23, col: 11, carets: 4, code: 1, message: 'expected text, found 118', hint: 'put the value in quotes if it is meant as text' },
  { fixture: 'mapping-for-text', line: 24, col: 7, carets: 12, code: 1, message: 'expected text, found a mapping', hint: 'write the text on the same line as its key; indented lines below a key make a mapping or a list' },
  { fixture: 'missing-key', line: 32, col: 5, carets: 15, code: 1, message: 'missing required key "name"', hint: 'add "name:" (text)' },
  { fixture: 'bad-id', line: 22, col: 9, carets: 11, code: 1, message: 'expected an id (lower-case letters, digits and hyphens), found "Peter Brown"', hint: 'ids use lower-case letters, digits and hyphens, e.g. "primary-heads"' },
  { fixture: 'impossible-date', line: 28, col: 20, carets: 10, code: 1, message: '"2026-02-30" is not a real date: February 2026 has 28 days', hint: 'write dates as YYYY-MM-DD, e.g. 2026-12-10' },
  { fixture: 'bad-time', line: 38, col: 12, carets: 7, code: 1, message: '"25:00" is not a time of day', hint: 'write times on the 24-hour clock as HH:MM, e.g. 16:30' },
  { fixture: 'bad-email', line: 19, col: 12, carets: 19, code: 1, message: '"s.ahmed.example.org" is not an email address', hint: 'write one plain address, e.g. jo.bloggs@example.org' },
  { fixture: 'unknown-nation', line: 9, col: 13, carets: 5, code: 1, message: '"wales" is not one of england-and-wales, scotland, northern-ireland', hint: 'use one of: england-and-wales, scotland, northern-ireland' },
  { fixture: 'unknown-notice-kind', line: 36, col: 21, carets: 11, code: 1, message: '"working-day" is not one of working-days, clear-days, calendar-days', hint: 'did you mean "working-days"?' },
  { fixture: 'duplicate-id', line: 25, col: 9, carets: 8, code: 1, count: '1 error, 1 warning', message: 'duplicate id "ph-brown" in people (first used at entry 2)', hint: 'every id must be unique: rename one of them' },
  { fixture: 'unknown-group', line: 27, col: 12, carets: 14, code: 1, count: '1 error, 1 warning', message: 'unknown group "secondary-head"', hint: 'did you mean "secondary-heads"?' },
  { fixture: 'unknown-person', line: 21, col: 12, carets: 8, code: 1, message: 'unknown person "px-ahmad"', hint: 'did you mean "px-ahmed"?' },
  { fixture: 'unknown-body', line: 46, col: 18, carets: 10, code: 1, message: 'unknown body "partnershp"', hint: 'did you mean "partnership"?' },
  { fixture: 'proxy-is-member', line: 21, col: 12, carets: 8, code: 1, message: 'Samina Ahmed is named as their own proxy', hint: 'a proxy must be another person: name them, or remove "proxy:"' },
  { fixture: 'proxy-chain', line: 21, col: 12, carets: 8, code: 1, message: "proxy chain: Samina Ahmed's proxy Ruth Patel has a proxy of their own (px-other)", hint: 'a proxy cannot appoint a proxy: remove "proxy:" from px-ahmed, or choose someone else for ph-ahmed' },
  { fixture: 'too-many-members', line: 15, col: 12, carets: 1, code: 1, message: 'Secondary Heads has 1 seat but 2 people hold one (sh-clarke, sh-evans)', hint: 'raise "seats:", or mark the extra people as proxies or observers' },
  { fixture: 'term-ends-before-start', line: 28, col: 37, carets: 10, code: 1, message: 'term of office ends (2025-08-31) before it starts (2026-09-01)', hint: 'check the two dates' },
  { fixture: 'impossible-quorum', line: 41, col: 14, carets: 1, code: 1, message: 'the quorum can never be met: it needs 3 from Primary Heads, which has 2 seats', hint: 'lower "min:" to at most 2, or raise the group\'s seats' },
  { fixture: 'empty', line: 1, col: 1, carets: 1, code: 1, message: 'the file is empty', hint: 'start from the bundled example: wep init, or copy partnership.yaml' },
  { fixture: 'comments-only', line: 1, col: 1, carets: 1, code: 1, message: 'the file is empty', hint: 'start from the bundled example: wep init, or copy partnership.yaml' },
];

function expectNoStack(r: RunResult) {
  expect(r.stderr).not.toMatch(/^\s+at /m);
  expect(r.stdout).not.toMatch(/^\s+at /m);
  expect(r.stderr).not.toContain('internal error');
}

describe('wep check: one fixture per diagnostic', () => {
  it('the base fixture is clean: silent, exit 0', () => {
    const r = check('valid.yaml');
    expect(r).toEqual({ code: 0, stdout: '', stderr: '' });
  });

  it.each(CASES)('$fixture: $message', (c) => {
    const file = `${c.fixture}.yaml`;
    const r = check(file);
    expectNoStack(r);
    expect(r.stdout).toBe('');
    expect(r.code).toBe(c.code);
    const text = readFileSync(join(FIXTURES, file), 'utf8').split(/\r?\n/)[c.line - 1]!.replace(/\t/g, ' ');
    const num = String(c.line);
    const pad = ' '.repeat(num.length);
    const lines = r.stderr.split('\n');
    const at = lines.indexOf(`${file}:${c.line}:${c.col}: error: ${c.message}`);
    expect(at, r.stderr).toBe(0);
    expect(lines.slice(at, at + 5)).toEqual([
      `${file}:${c.line}:${c.col}: error: ${c.message}`,
      `${pad} |`,
      `${num} | ${text}`,
      `${pad} | ${' '.repeat(c.col - 1)}${'^'.repeat(c.carets)}`,
      `  fix: ${c.hint}`,
    ]);
    expect(lines.filter(Boolean).at(-1)).toBe(c.count ?? '1 error');
  });

  it('every fixture in the folder has a test', async () => {
    const { readdirSync } = await import('node:fs');
    const files = readdirSync(FIXTURES).filter((f) => f.endsWith('.yaml')).sort();
    expect(files).toEqual([...CASES.map((c) => `${c.fixture}.yaml`), 'valid.yaml'].sort());
  });
});

describe('wep check: files', () => {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach(removeRepo));
  const repo = (partnership?: string) => {
    const d = tempRepo({ git: false, partnership });
    dirs.push(d);
    return d;
  };

  it('the bundled example is valid: warnings only (a term ending soon, the vacant MAT seat), exit 0', () => {
    const r = wep(['check'], { cwd: repo() });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain("partnership.yaml:107:37: warning: Rhian Davies's term of office ends on 2026-12-31, within 60 days");
    expect(r.stderr).toContain('warning: Multi-Academy Trust Executive Heads: 1 of 1 seat vacant');
    expect(r.stderr.trimEnd().split('\n').at(-1)).toBe('2 warnings');
    expect(wep(['check', '--quiet'], { cwd: repo() })).toEqual({ code: 0, stdout: '', stderr: '' });
  });

  it('reports every problem at once: schema problems together, reference problems together', () => {
    const src = readFileSync(EXAMPLE, 'utf8');
    const schemaBad = src
      .replace('email: s.ahmed@oakwood-primary.example.org', 'emial: s.ahmed@oakwood-primary.example.org')
      .replace('email: p.brown@riverside-primary.example.org', 'email: p.brown')
      .replace('seats: 4', 'seats: four');
    const r = wep(['check', '--quiet'], { cwd: repo(schemaBad) });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('unknown key "emial"');
    expect(r.stderr).toContain('"p.brown" is not an email address');
    expect(r.stderr).toContain('expected a whole number of at least 0, found "four"');
    expect(r.stderr.trimEnd().split('\n').at(-1)).toBe('3 errors');

    // Reference problems are reported together too (and, see check-stages.test.ts, beside shape errors).
    const refsBad = src
      .replace('group: secondary-heads\n    term: { start: 2024-09-01, end: 2027-08-31 }\n    proxy: px-clarke', 'group: secondary-head\n    term: { start: 2024-09-01, end: 2027-08-31 }\n    proxy: px-clarke')
      .replace('proxy: px-brown', 'proxy: px-browne')
      .replace('chair: la-morgan', 'chair: la-morgen');
    const r2 = wep(['check', '--quiet'], { cwd: repo(refsBad) });
    expect(r2.code).toBe(1);
    expect(r2.stderr).toContain('error: unknown group "secondary-head"');
    expect(r2.stderr).toContain('error: unknown person "px-browne"\n');
    expect(r2.stderr).toContain('fix: did you mean "px-brown"?');
    expect(r2.stderr).toContain('error: unknown person "la-morgen"');
    expect(r2.stderr.trimEnd().split('\n').at(-1)).toBe('3 errors');
  });

  it('--json: {ok, problems: [{severity, file, line, column, path, check, message, hint}]} on stdout', () => {
    const r = check('unknown-group.yaml', ['--json']);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout)).toEqual({
      version: 1,
      command: 'check',
      ok: false,
      problems: [
        { severity: 'error', file: 'unknown-group.yaml', line: 27, column: 12, path: 'people.2.group', check: 'references', message: 'unknown group "secondary-head"', hint: 'did you mean "secondary-heads"?' },
        { severity: 'warning', file: 'unknown-group.yaml', line: 15, column: 12, path: 'groups.1.seats', check: 'references', message: 'Secondary Heads: 1 of 1 seat vacant', hint: 'a vacancy is allowed; fill it when the group appoints someone' },
      ],
    });
    const syntax = JSON.parse(check('yaml-syntax.yaml', ['--json']).stdout);
    expect(syntax.ok).toBe(false);
    expect(syntax.problems[0]).toMatchObject({ severity: 'error', check: 'yaml', line: 35, column: 5, path: null });
    expect(JSON.parse(check('valid.yaml', ['--json']).stdout)).toEqual({ version: 1, command: 'check', ok: true, problems: [] });
    const example = JSON.parse(wep(['check', '--json'], { cwd: repo() }).stdout);
    expect(example.ok).toBe(true);
    expect(example.problems.map((p: { severity: string }) => p.severity)).toEqual(['warning', 'warning']);
  });

  it('a huge file fails cleanly with exit 2 (generated here, not committed)', () => {
    const d = repo();
    const big = join(d, 'huge.yaml');
    const line = '  - { id: p, name: Padding Person, email: padding@example.org }\n';
    writeFileSync(big, `people:\n${line.repeat(Math.ceil((5.2 * 1024 * 1024) / line.length))}`);
    const r = wep(['--file', 'huge.yaml', 'check'], { cwd: d });
    expectNoStack(r);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('wep: error: huge.yaml is 5.2 MiB, larger than wep reads for this file (5 MiB)\n  fix: is this the right file? records files are a few hundred lines\n');
  });

  it('a missing file: exit 2, with what to do', () => {
    const r = check('nope.yaml');
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('wep: error: no partnership file at nope.yaml\n  fix: check the path given to --file\n');
  });
});
