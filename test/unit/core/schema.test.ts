import { describe, expect, it } from 'vitest';
import type { PNode, Pos } from '../../../src/core/pnode.js';
import { date, email, id, time } from '../../../src/core/scalars.js';
import { arr, bool, dict, int, kebab, num, obj, oneOf, opt, req, scalarOrMap, str, tagged, type Ctx, type Schema } from '../../../src/core/schema.js';

const P: Pos = { line: 1, col: 1, len: 1 };
/** Plain data to a position-carrying node (positions do not matter here). */
function node(v: unknown): PNode {
  if (Array.isArray(v)) return { kind: 'seq', items: v.map(node), pos: P };
  if (v !== null && typeof v === 'object') return { kind: 'map', pos: P, entries: Object.entries(v).map(([key, value]) => ({ key, keyPos: P, value: node(value) })) };
  return { kind: 'scalar', value: v as string | number | boolean | null, pos: P };
}
function parse<T>(s: Schema<T>, v: unknown) {
  const ctx: Ctx = { problems: [] };
  const value = s.parse(node(v), 'x', ctx);
  return { value, problems: ctx.problems };
}

describe('scalars', () => {
  it('text refuses numbers, booleans, nulls, lists and mappings, with a hint', () => {
    expect(parse(str(), 'Jo')).toEqual({ value: 'Jo', problems: [] });
    expect(parse(str(), 118).problems).toEqual([{ path: 'x', message: 'expected text, found 118', hint: 'put the value in quotes if it is meant as text' }]);
    expect(parse(str(), true).problems[0]!.message).toBe('expected text, found true');
    expect(parse(str(), null).problems[0]!.message).toBe('expected text, found nothing (null)');
    expect(parse(str(), { Brown: 'Peter' }).problems[0]).toEqual({ path: 'x', message: 'expected text, found a mapping', hint: 'a colon followed by a space starts a key: put the whole text in quotes' });
    expect(parse(str(), { a: 1, b: 2 }).problems[0]!.hint).toBe('write the text on the same line as its key; indented lines below a key make a mapping or a list');
    expect(parse(str(), ['a']).problems[0]!.message).toBe('expected text, found a list');
    expect(parse(str(), '   ').problems[0]!.message).toBe('expected text, found an empty value');
  });

  it('ids, dates, times and emails', () => {
    expect(parse(id(), 'primary-heads').value).toBe('primary-heads');
    expect(parse(id(), 'Primary Heads').problems[0]!.message).toBe('expected an id (lower-case letters, digits and hyphens), found "Primary Heads"');
    expect(parse(id(), '-x').problems).toHaveLength(1);
    expect(parse(date(), '2026-12-10').value).toBe('2026-12-10');
    expect(parse(date(), '2026-02-30').problems[0]).toEqual({ path: 'x', message: '"2026-02-30" is not a real date: February 2026 has 28 days', hint: 'write dates as YYYY-MM-DD, e.g. 2026-12-10' });
    expect(parse(date(), '10/12/2026').problems[0]!.message).toBe('expected a date (YYYY-MM-DD), found "10/12/2026"');
    expect(parse(time(), '16:30').value).toBe('16:30');
    expect(parse(time(), '25:00').problems[0]!.message).toBe('expected a time (HH:MM, 24-hour clock), found "25:00"');
    expect(parse(time(), '4pm').problems[0]!.message).toBe('expected a time (HH:MM, 24-hour clock), found "4pm"');
    expect(parse(email(), 'jo@example.org').value).toBe('jo@example.org');
    for (const bad of ['jo.example.org', 'jo@example', 'Jo <jo@example.org>', 'a@b@c.org', 'jo @example.org']) {
      expect(parse(email(), bad).problems[0]!.message, bad).toBe(`"${bad}" is not an email address`);
    }
  });

  it('numbers', () => {
    expect(parse(int({ min: 0 }), 3).value).toBe(3);
    expect(parse(int({ min: 0 }), 'one').problems[0]).toEqual({ path: 'x', message: 'expected a whole number of at least 0, found "one"', hint: 'write the number in digits, without quotes, e.g. 3' });
    expect(parse(int({ min: 0 }), 2.5).problems[0]!.message).toBe('expected a whole number of at least 0, found 2.5');
    expect(parse(int({ min: 1 }), 0).problems[0]!.message).toBe('expected a whole number of at least 1, found 0');
    expect(parse(int({ max: 365 }), 400).problems[0]!.message).toBe('expected at most 365, found 400');
    expect(parse(num(), 2.5).value).toBe(2.5);
  });

  it('booleans and choices (with did-you-mean)', () => {
    expect(parse(bool(), false).value).toBe(false);
    expect(parse(bool(), 'yes').problems[0]!.message).toBe('expected true or false, found "yes"');
    const nation = oneOf(['england-and-wales', 'scotland', 'northern-ireland'] as const);
    expect(parse(nation, 'scotland').value).toBe('scotland');
    expect(parse(nation, 'scotlnd').problems[0]).toEqual({ path: 'x', message: '"scotlnd" is not one of england-and-wales, scotland, northern-ireland', hint: 'did you mean "scotland"?' });
    expect(parse(nation, 'wales').problems[0]!.hint).toBe('use one of: england-and-wales, scotland, northern-ireland');
  });
});

describe('collections', () => {
  it('lists: path per item, minimum length, a hint when not a list', () => {
    const r = parse(arr(int(), { minItems: 1 }), [1, 'two', 3]);
    expect(r.value).toEqual([1, 3]);
    expect(r.problems.map((p) => p.path)).toEqual(['x.1']);
    expect(parse(arr(int(), { minItems: 1 }), []).problems[0]!.message).toBe('expected at least 1 entry, found 0');
    expect(parse(arr(int()), 'a').problems[0]).toEqual({ path: 'x', message: 'expected a list, found "a"', hint: 'write each entry on its own line starting with "- "' });
  });

  it('dicts check their keys', () => {
    expect(parse(dict(int()), { a: 1, b: 2 }).value).toEqual({ a: 1, b: 2 });
    const r = parse(dict(int(), { key: id() }), { ok: 1, 'Not Ok': 2 });
    expect(r.value).toEqual({ ok: 1 });
    expect(r.problems[0]!.path).toBe('x.Not Ok');
  });

  const person = obj({ id: req(id()), accountableTo: opt(id()), name: req(str()) });
  it('objects: kebab-case keys to camelCase, unknown keys with did-you-mean, missing keys', () => {
    expect(parse(person, { id: 'a', 'accountable-to': 'b', name: 'A' })).toEqual({ value: { id: 'a', accountableTo: 'b', name: 'A' }, problems: [] });
    expect(parse(person, { id: 'a', name: 'A', 'acountable-to': 'b' }).problems).toEqual([{ path: 'x.acountable-to', atKey: true, message: 'unknown key "acountable-to"', hint: 'did you mean "accountable-to"?' }]);
    expect(parse(person, { id: 'a', name: 'A', zzzzzzzz: 1 }).problems[0]!.hint).toBe('allowed keys here: id, accountable-to, name');
    expect(parse(person, { id: 'a' }).problems).toEqual([{ path: 'x', message: 'missing required key "name"', hint: 'add "name:" (text)' }]);
    expect(parse(person, 'a').problems[0]!.message).toBe('expected a mapping, found "a"');
    // partially valid objects are still returned
    expect(parse(person, { id: 'a', name: 5 }).value).toEqual({ id: 'a' });
  });

  it("reads a mapping's keys on its first parse, once: building the schemas at start-up costs nothing", () => {
    let reads = 0;
    const fields = new Proxy(
      { id: req(id()), accountableTo: opt(id()), name: req(str()), fullTitle: req(str()) },
      {
        ownKeys(target) {
          reads++;
          return Reflect.ownKeys(target);
        },
      },
    );
    const schema = obj(fields);
    expect(reads).toBe(0);
    expect(parse(schema, { id: 'a', 'accountable-to': 'b', name: 'A', 'full-title': 'T' }).value).toEqual({ id: 'a', accountableTo: 'b', name: 'A', fullTitle: 'T' });
    const once = reads;
    expect(once).toBeGreaterThan(0);
    // missing keys in the fields' order, under their YAML names
    expect(parse(schema, { 'accountable-to': 'b' }).problems.map((p) => p.message)).toEqual(['missing required key "id"', 'missing required key "name"', 'missing required key "full-title"']);
    expect(parse(schema, { id: 'a', name: 'A', fulltitle: 'T' }).problems.map((p) => p.hint)).toEqual(['did you mean "full-title"?', 'add "full-title:" (text)']);
    expect(reads).toBe(once);
  });

  it('tagged unions choose the variant by the tag', () => {
    const rule = tagged('kind', { count: obj({ min: req(int({ min: 1 })) }), required: obj({ role: opt(str()) }) });
    expect(parse(rule, { kind: 'count', min: 2 }).value).toEqual({ kind: 'count', min: 2 });
    expect(parse(rule, { min: 2 }).problems[0]).toEqual({ path: 'x', message: 'missing "kind:"', hint: 'add "kind:" with one of: count, required' });
    expect(parse(rule, { kind: 'cont', min: 2 }).problems[0]).toMatchObject({ path: 'x.kind', hint: 'did you mean "count"?' });
    expect(parse(rule, { kind: 'count', role: 'chair' }).problems.map((p) => p.message)).toEqual(['unknown key "role"', 'missing required key "min"']);
  });

  it('scalar-or-map picks by shape', () => {
    const s = scalarOrMap(str(), obj({ name: req(str()) }));
    expect(parse(s, 'Hall').value).toBe('Hall');
    expect(parse(s, { name: 'Hall' }).value).toEqual({ name: 'Hall' });
  });
});

describe('JSON Schema', () => {
  it('objects list kebab-case properties, required keys and no extras', () => {
    const s = obj({ id: req(id('The id')), accountableTo: opt(int({ min: 1 })) }, { title: 'T' });
    expect(s.json()).toEqual({
      type: 'object',
      title: 'T',
      properties: {
        id: { type: 'string', description: 'The id', pattern: '^[a-z0-9][a-z0-9-]*$', minLength: 1 },
        'accountable-to': { type: 'integer', minimum: 1 },
      },
      required: ['id'],
      additionalProperties: false,
    });
    expect(kebab('neverFewerThan')).toBe('never-fewer-than');
    expect(oneOf(['a', 'b'] as const).json()).toEqual({ enum: ['a', 'b'] });
  });
});
