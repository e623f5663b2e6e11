/**
 * markdown-it 15 is published with its classes' fields compiled to a helper call per field, in
 * each constructor: `_defineProperty(this, "level", 0)`. The helper turns the key into a property
 * key, asks whether the object has it already, and then stores it by a computed key, which V8
 * cannot make a plain store. markdown-it makes a Token object for every piece of every line, so
 * this costs publish about half of its Markdown time.
 *
 * `fieldsAsAssignments` writes each such call back as the store it stands for,
 * `this.level = 0`. On a new object the two are the same, unless something on the prototype chain
 * has the key as an accessor or a read-only property; the build refuses a key that
 * Object.prototype has, and the tests check markdown-it's own prototypes, tokens and pages
 * against the published file (test/unit/scripts/lower-field-helpers.test.ts).
 */

export interface Lowered {
  code: string;
  /** The keys written as stores, in the order met. */
  keys: string[];
}

const CALL = /_defineProperty\(\s*this\s*,\s*/g;
const IDENT = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/**
 * `source` with every `_defineProperty(this, "key", value)` as `this.key = value`. Any other call
 * of the helper (on a class itself, or with a key that is not a plain name) is left as it is.
 */
export function fieldsAsAssignments(source: string): Lowered {
  let out = '';
  let from = 0;
  const keys: string[] = [];
  CALL.lastIndex = 0;
  for (let m = CALL.exec(source); m; m = CALL.exec(source)) {
    let i = skipSpaceAndComments(source, CALL.lastIndex);
    const key = stringAt(source, i);
    if (!key || !IDENT.test(key.value)) continue;
    i = skipSpaceAndComments(source, key.end);
    if (source[i] !== ',') continue;
    const valueStart = skipSpaceAndComments(source, i + 1);
    const close = closingParen(source, valueStart);
    if (close < 0) continue;
    const value = source.slice(valueStart, close).trimEnd();
    if (Object.prototype.hasOwnProperty.call(Object.prototype, key.value) || key.value === '__proto__') {
      throw new Error(`markdown-it has a field "${key.value}" that Object.prototype has too; it cannot be written as a store`);
    }
    out += `${source.slice(from, m.index)}this.${key.value} = ${value}`;
    from = close + 1;
    keys.push(key.value);
    CALL.lastIndex = from;
  }
  return { code: out + source.slice(from), keys };
}

function skipSpaceAndComments(s: string, i: number): number {
  for (;;) {
    while (i < s.length && /\s/.test(s[i]!)) i++;
    if (s.startsWith('/*', i)) {
      const end = s.indexOf('*/', i + 2);
      if (end < 0) return s.length;
      i = end + 2;
    } else if (s.startsWith('//', i)) {
      const end = s.indexOf('\n', i);
      i = end < 0 ? s.length : end + 1;
    } else return i;
  }
}

/** A double- or single-quoted string with no escapes at `i`, or undefined. */
function stringAt(s: string, i: number): { value: string; end: number } | undefined {
  const q = s[i];
  if (q !== '"' && q !== "'") return undefined;
  const end = s.indexOf(q, i + 1);
  if (end < 0) return undefined;
  const value = s.slice(i + 1, end);
  return value.includes('\\') || value.includes('\n') ? undefined : { value, end: end + 1 };
}

/**
 * The index of the `)` that closes the call whose last argument starts at `i`: brackets are
 * counted, and strings, template literals and comments skipped. -1 when the argument holds
 * anything this does not follow (a regular expression, a template with substitutions).
 */
function closingParen(s: string, i: number): number {
  let depth = 0;
  for (; i < s.length; i++) {
    const c = s[i]!;
    if (c === '(' || c === '[' || c === '{') depth++;
    else if (c === ')' || c === ']' || c === '}') {
      if (depth === 0) return c === ')' ? i : -1;
      depth--;
    } else if (c === '"' || c === "'") {
      const end = endOfString(s, i);
      if (end < 0) return -1;
      i = end;
    } else if (c === '`' || c === '/') {
      if (s.startsWith('/*', i)) {
        const end = s.indexOf('*/', i + 2);
        if (end < 0) return -1;
        i = end + 1;
      } else return -1;
    } else if (c === ',' && depth === 0) return -1;
  }
  return -1;
}

function endOfString(s: string, i: number): number {
  const q = s[i];
  for (let j = i + 1; j < s.length; j++) {
    if (s[j] === '\\') j++;
    else if (s[j] === q) return j;
    else if (s[j] === '\n') return -1;
  }
  return -1;
}
