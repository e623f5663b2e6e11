/**
 * A small schema language: one declaration gives the validator (with a path for every
 * problem), the TypeScript type (`Infer<typeof s>`) and the published JSON Schema.
 *
 * Why not zod or ajv: both cost start-up time the clerk would feel on every command, neither
 * gives hledger-style messages with did-you-mean out of the box, and the YAML keys are
 * kebab-case while the code reads camelCase; here the mapping is one rule in one place.
 */
import type { PNode, PMap } from './pnode.js';
import { suggest } from './suggest.js';

/** A problem found while validating, before positions are attached. */
export interface Problem {
  /** Dotted path into the document, e.g. `people.3.proxy`. */
  path: string;
  message: string;
  hint?: string;
  /** Point at the key rather than the value (unknown or duplicate keys). */
  atKey?: boolean;
  severity?: 'error' | 'warning';
}

export interface Ctx {
  problems: Problem[];
  /** Paths of list entries left out of the value because they could not be read at all: the
   * entries after them have shifted, so positions found on the value are wrong past them. */
  dropped?: string[];
}

export interface JsonSchema {
  [k: string]: unknown;
}

export interface Schema<T> {
  readonly _t?: T;
  /** Human name of what is expected, used in messages: "a date (YYYY-MM-DD)". */
  readonly expected: string;
  parse(node: PNode | undefined, path: string, ctx: Ctx): T | undefined;
  json(): JsonSchema;
}

export type Infer<S> = S extends Schema<infer T> ? T : never;

const join = (path: string, seg: string | number) => (path === '' ? String(seg) : `${path}.${seg}`);

/** `neverFewerThan` -> `never-fewer-than`: YAML keys are kebab-case, code is camelCase. */
export function kebab(name: string): string {
  return name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
}

function describeNode(node: PNode): string {
  if (node.kind === 'map') return 'a mapping';
  if (node.kind === 'seq') return 'a list';
  if (node.value === null) return 'nothing (null)';
  if (typeof node.value === 'string') return `"${node.value}"`;
  return String(node.value);
}

function typeError(node: PNode, path: string, ctx: Ctx, expected: string, hint?: string): undefined {
  ctx.problems.push({ path, message: `expected ${expected}, found ${describeNode(node)}`, hint });
  return undefined;
}

interface StrOptions {
  pattern?: RegExp;
  /** Why the pattern failed and what to write instead. */
  patternHint?: string;
  expected?: string;
  format?: string;
  check?: (value: string) => string | undefined;
  /** `check` as a regular expression, for the JSON Schema only (test/unit/json-schema-ajv.test.ts keeps them in agreement). */
  checkPattern?: RegExp;
  minLength?: number;
  description?: string;
}

/** A string scalar. Numbers and booleans written where text is expected are refused, so that
 * `name: yes` or `phone: 0118` is caught rather than silently becoming true or 118. */
export function str(opts: StrOptions = {}): Schema<string> {
  const expected = opts.expected ?? 'text';
  return {
    expected,
    parse(node, path, ctx) {
      if (!node) return undefined;
      if (node.kind !== 'scalar' || typeof node.value !== 'string')
        return typeError(
          node,
          path,
          ctx,
          expected,
          node.kind === 'map' && node.entries.length === 1
            ? 'a colon followed by a space starts a key: put the whole text in quotes'
            : node.kind === 'map' || node.kind === 'seq'
              ? 'write the text on the same line as its key; indented lines below a key make a mapping or a list'
              : node.kind === 'scalar' && node.value !== null
              ? 'put the value in quotes if it is meant as text'
              : opts.patternHint,
        );
      const v = node.value;
      if ((opts.minLength ?? 1) > v.trim().length) {
        ctx.problems.push({ path, message: `expected ${expected}, found an empty value` });
        return undefined;
      }
      if (opts.pattern && !opts.pattern.test(v)) {
        ctx.problems.push({ path, message: `expected ${expected}, found "${v}"`, hint: opts.patternHint });
        return undefined;
      }
      const bad = opts.check?.(v);
      if (bad) {
        ctx.problems.push({ path, message: bad, hint: opts.patternHint });
        return undefined;
      }
      return v;
    },
    json() {
      const s: JsonSchema = { type: 'string' };
      if (opts.description) s.description = opts.description;
      if (opts.pattern) s.pattern = opts.pattern.source;
      else if (opts.checkPattern) s.pattern = opts.checkPattern.source;
      // blank text is refused as empty: say so to JSON Schema validators too, which count spaces
      else if ((opts.minLength ?? 1) > 0) s.pattern = '\\S';
      if (opts.format) s.format = opts.format;
      if ((opts.minLength ?? 1) > 0) s.minLength = opts.minLength ?? 1;
      return s;
    },
  };
}

interface NumOptions {
  min?: number;
  max?: number;
  integer?: boolean;
  description?: string;
}

export function num(opts: NumOptions = {}): Schema<number> {
  const expected = opts.integer
    ? `a whole number${opts.min !== undefined ? ` of at least ${opts.min}` : ''}`
    : 'a number';
  return {
    expected,
    parse(node, path, ctx) {
      if (!node) return undefined;
      if (node.kind !== 'scalar' || typeof node.value !== 'number' || !Number.isFinite(node.value))
        return typeError(node, path, ctx, expected, 'write the number in digits, without quotes, e.g. 3');
      const v = node.value;
      if (opts.integer && !Number.isInteger(v)) return typeError(node, path, ctx, expected);
      // beyond 2^53 whole numbers are not exact: 1e20 and 1e20 + 1 are the same number
      if (opts.integer && !Number.isSafeInteger(v)) {
        ctx.problems.push({ path, message: `expected ${expected}${opts.max !== undefined ? ` of at most ${opts.max}` : ''}, found ${v}` });
        return undefined;
      }
      if (opts.min !== undefined && v < opts.min) {
        ctx.problems.push({ path, message: `expected ${expected}, found ${v}` });
        return undefined;
      }
      if (opts.max !== undefined && v > opts.max) {
        ctx.problems.push({ path, message: `expected at most ${opts.max}, found ${v}` });
        return undefined;
      }
      return v;
    },
    json() {
      const s: JsonSchema = { type: opts.integer ? 'integer' : 'number' };
      if (opts.description) s.description = opts.description;
      if (opts.min !== undefined) s.minimum = opts.min;
      if (opts.max !== undefined) s.maximum = opts.max;
      return s;
    },
  };
}

export const int = (opts: Omit<NumOptions, 'integer'> = {}) => num({ ...opts, integer: true });

export function bool(description?: string): Schema<boolean> {
  return {
    expected: 'true or false',
    parse(node, path, ctx) {
      if (!node) return undefined;
      if (node.kind !== 'scalar' || typeof node.value !== 'boolean') return typeError(node, path, ctx, 'true or false');
      return node.value;
    },
    json: () => (description ? { type: 'boolean', description } : { type: 'boolean' }),
  };
}

export function oneOf<const T extends readonly string[]>(values: T, description?: string): Schema<T[number]> {
  const expected = `one of ${values.join(', ')}`;
  return {
    expected,
    parse(node, path, ctx) {
      if (!node) return undefined;
      if (node.kind !== 'scalar' || typeof node.value !== 'string') return typeError(node, path, ctx, expected);
      if (!values.includes(node.value)) {
        const guess = suggest(node.value, values);
        ctx.problems.push({
          path,
          message: `"${node.value}" is not ${expected}`,
          hint: guess ? `did you mean "${guess}"?` : `use one of: ${values.join(', ')}`,
        });
        return undefined;
      }
      return node.value as T[number];
    },
    json: () => (description ? { enum: [...values], description } : { enum: [...values] }),
  };
}

export function arr<T>(item: Schema<T>, opts: { description?: string; minItems?: number } = {}): Schema<T[]> {
  const expected = `a list of ${item.expected}`;
  return {
    expected,
    parse(node, path, ctx) {
      if (!node) return undefined;
      if (node.kind !== 'seq') {
        return typeError(node, path, ctx, 'a list', 'write each entry on its own line starting with "- "');
      }
      if (opts.minItems && node.items.length < opts.minItems) {
        ctx.problems.push({ path, message: `expected at least ${opts.minItems} entr${opts.minItems === 1 ? 'y' : 'ies'}, found ${node.items.length}` });
      }
      const out: T[] = [];
      node.items.forEach((child, i) => {
        const v = item.parse(child, join(path, i), ctx);
        if (v !== undefined) out.push(v);
        else ctx.dropped?.push(join(path, i));
      });
      return out;
    },
    json() {
      const s: JsonSchema = { type: 'array', items: item.json() };
      if (opts.description) s.description = opts.description;
      if (opts.minItems) s.minItems = opts.minItems;
      return s;
    },
  };
}

/** A mapping from free keys (ids) to values of one schema. */
export function dict<T>(value: Schema<T>, opts: { description?: string; key?: Schema<string> } = {}): Schema<Record<string, T>> {
  return {
    expected: 'a mapping',
    parse(node, path, ctx) {
      if (!node) return undefined;
      if (node.kind !== 'map') return typeError(node, path, ctx, 'a mapping');
      const out: Record<string, T> = {};
      for (const e of node.entries) {
        const k = String(e.key);
        if (opts.key && opts.key.parse({ kind: 'scalar', value: k, pos: e.keyPos }, join(path, k), ctx) === undefined) continue;
        const v = value.parse(e.value, join(path, k), ctx);
        if (v !== undefined) out[k] = v;
      }
      return out;
    },
    json() {
      const s: JsonSchema = { type: 'object', additionalProperties: value.json() };
      if (opts.description) s.description = opts.description;
      return s;
    },
  };
}

interface Field<T, R extends boolean> {
  schema: Schema<T>;
  required: R;
  description?: string;
}

/** A required field. */
export function req<T>(schema: Schema<T>, description?: string): Field<T, true> {
  return { schema, required: true, description };
}
/** An optional field. */
export function opt<T>(schema: Schema<T>, description?: string): Field<T, false> {
  return { schema, required: false, description };
}

type Fields = Record<string, Field<any, boolean>>;
type Simplify<T> = { [K in keyof T]: T[K] } & {};
export type ObjOf<F extends Fields> = Simplify<
  { [K in keyof F as F[K] extends Field<any, true> ? K : never]: F[K] extends Field<infer T, any> ? T : never } & {
    [K in keyof F as F[K] extends Field<any, true> ? never : K]?: F[K] extends Field<infer T, any> ? T : never;
  }
>;

/** A mapping with known keys. Unknown keys are errors with a did-you-mean. */
export function obj<F extends Fields>(fields: F, opts: { description?: string; expected?: string; title?: string } = {}): Schema<ObjOf<F>> & { fields: F } {
  // The YAML keys, worked out on the first parse: the schemas are built whenever wep starts,
  // and most runs read the records from the cache and parse nothing.
  let keys: { byYamlKey: Map<string, string>; required: [name: string, yamlKey: string][] } | undefined;
  const keysOf = () =>
    (keys ??= {
      byYamlKey: new Map(Object.keys(fields).map((name) => [kebab(name), name])),
      required: Object.entries(fields)
        .filter(([, f]) => f.required)
        .map(([name]) => [name, kebab(name)]),
    });
  const expected = opts.expected ?? 'a mapping';
  return {
    fields,
    expected,
    parse(node, path, ctx) {
      if (!node) return undefined;
      if (node.kind !== 'map') return typeError(node, path, ctx, expected);
      const { byYamlKey, required } = keysOf();
      const out: Record<string, unknown> = {};
      let ok = true;
      for (const e of (node as PMap).entries) {
        const key = String(e.key);
        const name = byYamlKey.get(key);
        if (!name) {
          const guess = suggest(key, [...byYamlKey.keys()]);
          ctx.problems.push({
            path: join(path, key),
            atKey: true,
            message: `unknown key "${key}"`,
            hint: guess ? `did you mean "${guess}"?` : `allowed keys here: ${[...byYamlKey.keys()].join(', ')}`,
          });
          continue;
        }
        const v = fields[name]!.schema.parse(e.value, join(path, key), ctx);
        if (v === undefined) ok = false;
        else out[name] = v;
      }
      for (const [name, key] of required) {
        if (!(node as PMap).entries.some((e) => String(e.key) === key)) {
          ctx.problems.push({ path, message: `missing required key "${key}"`, hint: `add "${key}:" (${fields[name]!.schema.expected})` });
          ok = false;
        }
      }
      // Partially valid objects are still returned so that cross-reference rules can run on
      // what is there; callers only trust the result when there are no errors.
      void ok;
      return out as ObjOf<F>;
    },
    json() {
      const properties: Record<string, JsonSchema> = {};
      const required: string[] = [];
      for (const [name, f] of Object.entries(fields)) {
        const s = f.schema.json();
        properties[kebab(name)] = f.description ? { ...s, description: f.description } : s;
        if (f.required) required.push(kebab(name));
      }
      const s: JsonSchema = { type: 'object', properties, additionalProperties: false };
      if (opts.title) s.title = opts.title;
      if (opts.description) s.description = opts.description;
      if (required.length) s.required = required;
      return s;
    },
  };
}

/** One of several mapping shapes told apart by a tag key (e.g. `kind: per-group`). */
export function tagged<const K extends string, V extends Record<string, Schema<any> & { fields: Fields }>>(
  tag: K,
  variants: V,
  description?: string,
): Schema<{ [T in keyof V]: Infer<V[T]> & { [P in K]: T } }[keyof V]> {
  const names = Object.keys(variants);
  const expected = `a mapping with "${tag}:" one of ${names.join(', ')}`;
  return {
    expected,
    parse(node, path, ctx) {
      if (!node) return undefined;
      if (node.kind !== 'map') return typeError(node, path, ctx, expected);
      const tagEntry = node.entries.find((e) => String(e.key) === tag);
      if (!tagEntry) {
        ctx.problems.push({ path, message: `missing "${tag}:"`, hint: `add "${tag}:" with one of: ${names.join(', ')}` });
        return undefined;
      }
      const t = oneOf(names as unknown as readonly string[]).parse(tagEntry.value, join(path, tag), ctx);
      if (t === undefined) return undefined;
      const rest: PMap = { ...node, entries: node.entries.filter((e) => e !== tagEntry) };
      const v = variants[t]!.parse(rest, path, ctx);
      return v === undefined ? undefined : ({ ...v, [tag]: t } as any);
    },
    json() {
      return {
        ...(description ? { description } : {}),
        oneOf: names.map((n) => {
          const s = variants[n]!.json() as { properties: Record<string, unknown>; required?: string[] };
          return { ...s, properties: { [tag]: { const: n }, ...s.properties }, required: [tag, ...(s.required ?? [])] };
        }),
      };
    },
  };
}

/** Either of two schemas, chosen by the node's shape (scalar or mapping). */
export function scalarOrMap<A, B>(scalar: Schema<A>, map: Schema<B>): Schema<A | B> {
  return {
    expected: `${scalar.expected} or ${map.expected}`,
    parse(node, path, ctx) {
      if (!node) return undefined;
      return node.kind === 'map' ? map.parse(node, path, ctx) : scalar.parse(node, path, ctx);
    },
    json: () => ({ anyOf: [scalar.json(), map.json()] }),
  };
}
