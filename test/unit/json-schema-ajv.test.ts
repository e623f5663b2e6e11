/**
 * The published JSON Schemas against an independent validator (ajv): every YAML file wep ships
 * validates, its modeline points at a schema that exists, and ajv and wep's own schema stage
 * agree, valid or not, on a corpus of mutations of the bundled records.
 */
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { parse as parseYamlText, stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { meetingSchema } from '../../src/core/meeting-schema.js';
import { partnershipSchema } from '../../src/core/partnership-schema.js';
import { parseYaml } from '../../src/io/yaml-source.js';
import { ROOT } from '../helpers/wep.js';

/** A real calendar date, by the Gregorian leap-year rule: written here, not taken from wep. */
function isFullDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][mo - 1];
  return days !== undefined && d >= 1 && d <= days;
}

const ajv = new Ajv2020({ allErrors: true, strict: true });
ajv.addFormat('date', isFullDate);
// wep's rule for addresses is in each property's `pattern`; the format is a hint for editors
ajv.addFormat('email', () => true);
const schemaText = (name: string) => JSON.parse(readFileSync(join(ROOT, 'schema', name), 'utf8'));
const validators = {
  partnership: ajv.compile(schemaText('partnership.schema.json')),
  meeting: ajv.compile(schemaText('meeting.schema.json')),
};
const wepSchemas = { partnership: partnershipSchema, meeting: meetingSchema };
type Kind = keyof typeof validators;

const meetingFiles = readdirSync(join(ROOT, 'meetings')).map((id) => `meetings/${id}/meeting.yaml`).filter((f) => existsSync(join(ROOT, f)));
const exampleFiles = readdirSync(join(ROOT, 'examples')).filter((f) => f.endsWith('.yaml')).map((f) => `examples/${f}`);
const bundled: [string, Kind][] = [['partnership.yaml', 'partnership'], ...exampleFiles.map((f) => [f, 'partnership'] as [string, Kind]), ...meetingFiles.map((f) => [f, 'meeting'] as [string, Kind])];

/** wep's verdict on the shape of a file: YAML and schema errors only (cross-references are beyond JSON Schema). */
function wepAccepts(text: string, kind: Kind): boolean {
  const { diagnostics } = parseYaml(text, 'x.yaml', wepSchemas[kind] as never);
  return !diagnostics.some((d) => d.severity === 'error' && (d.check === 'schema' || d.check === 'yaml'));
}
const ajvAccepts = (value: unknown, kind: Kind) => validators[kind](value) === true;

describe('every bundled YAML file', () => {
  it('is found: the example, six presets and the example meetings', () => {
    expect(exampleFiles.length).toBe(6);
    expect(meetingFiles.length).toBeGreaterThanOrEqual(2);
  });

  it.each(bundled)('%s: its modeline points at a schema file that exists, and ajv finds no problem', (file, kind) => {
    const text = readFileSync(join(ROOT, file), 'utf8');
    const m = /^# yaml-language-server: \$schema=(\S+)\n/.exec(text);
    expect(m, 'first line is a yaml-language-server modeline').not.toBeNull();
    const target = resolve(dirname(join(ROOT, file)), m![1]!);
    expect(relative(ROOT, target)).toBe(`schema/${kind}.schema.json`);
    const ok = ajvAccepts(parseYamlText(text), kind);
    expect(ok ? [] : validators[kind].errors).toEqual([]);
    expect(wepAccepts(text, kind)).toBe(true);
  });
});

// Values put in place of the scalars of the bundled records: the same for every field, and
// more like what the field holds (a time for a time), right for some fields and wrong for others.
const ANY: unknown[] = ['', '   ', 'Primary Heads', 0, -1.5, true, null, [], {}, ['x']];
const LIKE: [RegExp, unknown[]][] = [
  [/^\d\d:\d\d$/, ['25:00', '24:00', '23:59', '00:00', '9:30', '16:3', '16:60']],
  [/^\d{4}-\d\d-\d\d$/, ['2026-02-30', '2024-02-29', '2023-02-29', '2100-02-29', '2000-02-29', '2026-13-01', '2026-1-5', '10/12/2026']],
  [/@/, ['jo@example', 'jo@example.org', 'Jo <jo@example.org>', 'a@b@c.org', 'jo @example.org']],
  [/^[a-z0-9][a-z0-9-]*$/, ['primary-heads', '-x', 'Primary-heads', 'a_b', 'working-days', 'clear-days', 'chair', 'decision', 'scotland', 'up', 'seats']],
  [/\//, ['2/5', '1/2', '3/2', '0/3', '1/0', 'half']],
];
const NUMBERS: unknown[] = [0, 1, 2, 100000, -3, 2.5, '7'];
const replacementsFor = (v: unknown): unknown[] => [...ANY, ...(typeof v === 'number' ? NUMBERS : typeof v === 'string' ? LIKE.filter(([re]) => re.test(v)).flatMap(([, xs]) => xs) : [])];

/** The records cut down to two entries per list: the same fields, parsed in a fraction of the time. */
function cutDown(v: unknown): unknown {
  if (Array.isArray(v)) return v.slice(0, 2).map(cutDown);
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, cutDown(x)]));
  return v;
}

type Path = (string | number)[];
function scalarPaths(v: unknown, at: Path = []): Path[] {
  if (Array.isArray(v)) return v.flatMap((x, i) => scalarPaths(x, [...at, i]));
  if (v && typeof v === 'object') return Object.entries(v).flatMap(([k, x]) => scalarPaths(x, [...at, k]));
  return [at];
}
function mapPaths(v: unknown, at: Path = []): Path[] {
  if (Array.isArray(v)) return v.flatMap((x, i) => mapPaths(x, [...at, i]));
  if (v && typeof v === 'object') return [at, ...Object.entries(v).flatMap(([k, x]) => mapPaths(x, [...at, k]))];
  return [];
}
function setIn(root: unknown, path: Path, value: unknown, remove = false): unknown {
  const copy = structuredClone(root) as any;
  let o = copy;
  for (const k of path.slice(0, -1)) o = o[k];
  const last = path[path.length - 1]!;
  if (remove) {
    if (Array.isArray(o)) o.splice(last as number, 1);
    else delete o[last];
  } else o[last] = value;
  return copy;
}

/** The first two places of each field: list entries of one kind are alike, and the corpus stays a few thousand. */
function firstOfEach(paths: Path[]): Path[] {
  const seen = new Map<string, number>();
  return paths.filter((p) => {
    const field = p.map((k) => (typeof k === 'number' ? '*' : k)).join('.');
    const n = seen.get(field) ?? 0;
    seen.set(field, n + 1);
    return n < 2;
  });
}

/** The mutations of one file: each field's scalars replaced by every value, keys removed, an unknown key in each mapping. */
function mutations(value: unknown): { what: string; value: unknown }[] {
  const out: { what: string; value: unknown }[] = [];
  for (const p of firstOfEach(scalarPaths(value))) {
    for (const r of replacementsFor(p.reduce<any>((o, k) => o[k], value))) out.push({ what: `${p.join('.')} = ${JSON.stringify(r)}`, value: setIn(value, p, r) });
  }
  for (const p of firstOfEach(mapPaths(value))) {
    const here = p.reduce<any>((o, k) => o[k], value);
    for (const k of Object.keys(here)) out.push({ what: `remove ${[...p, k].join('.')}`, value: setIn(value, [...p, k], undefined, true) });
    out.push({ what: `${[...p, 'colour'].join('.')} added`, value: setIn(value, [...p, 'colour'], 'blue') });
  }
  return out;
}

/** The one rule JSON Schema cannot state (it cannot compare two numbers in a string); its description says it. */
const BEYOND_JSON_SCHEMA = [/\.fraction = "(3\/2|0\/3|1\/0)"$/];

describe('ajv and wep check agree on the shape of mutated records', () => {
  const cases: [string, Kind][] = [['partnership.yaml', 'partnership'], ['examples/central-bedfordshire.yaml', 'partnership'], [meetingFiles[meetingFiles.length - 1]!, 'meeting']];
  it.each(cases)('every mutation of %s', (file, kind) => {
    const original = cutDown(parseYamlText(readFileSync(join(ROOT, file), 'utf8')));
    const corpus = mutations(original);
    if (process.env.DBG) console.log(file, corpus.length);
    expect(corpus.length).toBeGreaterThan(300);
    const disagreements: string[] = [];
    let refused = 0;
    for (const m of corpus) {
      const text = stringify(m.value);
      // ajv sees what the YAML text means, exactly as an editor would
      const a = ajvAccepts(parseYamlText(text), kind);
      const w = wepAccepts(text, kind);
      if (!w) refused++;
      if (a !== w && !BEYOND_JSON_SCHEMA.some((re) => re.test(m.what))) disagreements.push(`${m.what}: ajv ${a ? 'accepts' : 'refuses'}, wep ${w ? 'accepts' : 'refuses'}`);
    }
    expect(disagreements.slice(0, 30)).toEqual([]);
    // the corpus really holds both kinds
    expect(refused).toBeGreaterThan(corpus.length / 4);
    expect(refused).toBeLessThan(corpus.length);
  });

  it('start: "25:00" in particular is refused by both', () => {
    const meeting = parseYamlText(readFileSync(join(ROOT, meetingFiles[0]!), 'utf8'));
    const text = stringify({ ...meeting, start: '25:00' });
    expect(ajvAccepts(parseYamlText(text), 'meeting')).toBe(false);
    expect(wepAccepts(text, 'meeting')).toBe(false);
  });
});
