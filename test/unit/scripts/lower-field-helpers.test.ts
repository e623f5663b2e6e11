/**
 * The build writes markdown-it's class-field helper calls as plain stores
 * (scripts/lower-field-helpers.ts). Held here to the published file itself: the same objects,
 * property for property, and the same tokens and HTML for the repository's Markdown, markdown-it's
 * README and generated documents.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import fc from 'fast-check';
import type MarkdownItType from 'markdown-it';
import { describe, expect, it } from 'vitest';
import { fieldsAsAssignments } from '../../../scripts/lower-field-helpers.js';
import { ROOT } from '../../helpers/wep.js';

type MarkdownItFactory = typeof MarkdownItType;
const require = createRequire(import.meta.url);
const published = require.resolve('markdown-it');
const stock = require('markdown-it') as MarkdownItFactory;

/** The published file, lowered, loaded as a CommonJS module of its own folder. */
function loadLowered(): { factory: MarkdownItFactory; keys: string[] } {
  const { code, keys } = fieldsAsAssignments(readFileSync(published, 'utf8'));
  const module = { exports: {} as unknown };
  new Function('module', 'exports', 'require', '__filename', '__dirname', code)(module, module.exports, createRequire(published), published, dirname(published));
  return { factory: module.exports as MarkdownItFactory, keys };
}
const lowered = loadLowered();

describe('fieldsAsAssignments', () => {
  it.each([
    ['_defineProperty(this, "level", 0);', 'this.level = 0;'],
    ['_defineProperty(\n\t\t\tthis,\n\t\t\t/**\n\t\t\t* nesting level\n\t\t\t*/\n\t\t\t"level",\n\t\t\t0\n\t\t);', 'this.level = 0;'],
    ['_defineProperty(this, "ruler", new Ruler());', 'this.ruler = new Ruler();'],
    ['_defineProperty(this, "f", g(a, [b, c], { d: 1 }));', 'this.f = g(a, [b, c], { d: 1 });'],
    ['_defineProperty(this, "s", ")(");', 'this.s = ")(";'],
    ["_defineProperty(this, 'q', 'it\\'s');", "this.q = 'it\\'s';"],
    ['_defineProperty(this, "n", this.src.length);_defineProperty(this, "m", []);', 'this.n = this.src.length;this.m = [];'],
  ])('%j becomes %j', (source, expected) => {
    expect(fieldsAsAssignments(source).code).toBe(expected);
  });

  it.each([
    ['a call on a class, not on this', '_defineProperty(MarkdownIt, "Token", Token);'],
    ['a key that is not a plain name', '_defineProperty(this, "a-b", 1);'],
    ['a computed key', '_defineProperty(this, key, 1);'],
    ['a template literal in the value', '_defineProperty(this, "t", `x${y}`);'],
    ['a regular expression in the value', '_defineProperty(this, "r", /\\)/);'],
    ['a fourth argument', '_defineProperty(this, "x", 1, 2);'],
    ['a call left open', '_defineProperty(this, "x", f(1'],
  ])('leaves %s as it is', (_what, source) => {
    expect(fieldsAsAssignments(source)).toEqual({ code: source, keys: [] });
  });

  it('refuses a key that Object.prototype has, where a store and a definition differ', () => {
    expect(() => fieldsAsAssignments('_defineProperty(this, "toString", f);')).toThrow('Object.prototype has too');
    expect(() => fieldsAsAssignments('_defineProperty(this, "__proto__", f);')).toThrow('Object.prototype has too');
  });
});

describe('markdown-it, its fields lowered', () => {
  it('rewrites every field of the published file, and leaves no call on this', () => {
    expect(lowered.keys.length).toBeGreaterThan(40);
    expect(fieldsAsAssignments(readFileSync(published, 'utf8')).code).not.toMatch(/_defineProperty\(\s*this\b/);
  });

  /** Each own property: its name, and whether it is a writable, enumerable, configurable value. */
  const shape = (o: object) => Object.entries(Object.getOwnPropertyDescriptors(o)).map(([k, d]) => [k, 'value' in d, d.writable, d.enumerable, d.configurable]);
  /** One of each object markdown-it makes, from a parser made by `factory`. */
  const objects = (factory: MarkdownItFactory) => {
    const md = factory({ linkify: true });
    const tokens = md.parse('# Title\n\n- a [link](https://example.org) *b*\n\n| a | b |\n|---|---|\n| 1 | 2 |\n', {});
    return {
      markdownIt: md,
      token: tokens[0]!,
      inlineToken: tokens.find((t) => t.type === 'inline')!,
      childToken: tokens.find((t) => t.children?.length)!.children![0]!,
      stateCore: new md.core.State('a', md, {}),
      stateBlock: new md.block.State('a', md, {}, []),
      stateInline: new md.inline.State('a *b*', md, {}, []),
      renderer: md.renderer,
      ruler: md.block.ruler,
      linkify: md.linkify,
    } as Record<string, object>;
  };

  it('makes the same objects, property for property, and no prototype has a field as its own', () => {
    const a = objects(stock);
    const b = objects(lowered.factory);
    for (const name of Object.keys(a)) {
      expect(shape(b[name]!), name).toEqual(shape(a[name]!));
      for (let p = Object.getPrototypeOf(b[name]) as object | null; p && p !== Object.prototype; p = Object.getPrototypeOf(p) as object | null) {
        for (const key of lowered.keys) expect(Object.getOwnPropertyDescriptor(p, key), `${name}: ${key} on its prototype`).toBeUndefined();
      }
    }
  });

  const same = (text: string) => {
    for (const options of [{}, { linkify: true }, { html: true, typographer: true }]) {
      const a = stock(options);
      const b = lowered.factory(options);
      expect(JSON.stringify(b.parse(text, {}))).toBe(JSON.stringify(a.parse(text, {})));
      expect(b.render(text)).toBe(a.render(text));
    }
  };

  it("gives the same tokens and HTML for every Markdown file of the repository and markdown-it's README", () => {
    const files = execFileSync('git', ['ls-files', '*.md', '*.md.hbs'], { cwd: ROOT, encoding: 'utf8' }).split('\n').filter(Boolean);
    expect(files.length).toBeGreaterThan(5);
    for (const f of files) same(readFileSync(join(ROOT, f), 'utf8'));
    same(readFileSync(join(dirname(published), '..', 'README.md'), 'utf8'));
  });

  it('gives the same tokens and HTML for generated documents', () => {
    const piece = fc.constantFrom(
      '# ', '## ', '===', '---', '> ', '- ', '* ', '1. ', '  ', '\n', '\n\n', '```', '~~~', '    code', '|', '| a | b |\n|---|:-:|\n', '*', '_', '**',
      '`', '[', ']', '(', ')', '![', '<', '>', '&amp;', '&#x41;', '\\', 'https://example.org/a_b', 'www.gov.uk', 'a@b.org', '[x]: /url "t"', 'word', 'Ünïcødé', '\t',
    );
    fc.assert(fc.property(fc.array(piece, { maxLength: 60 }), (pieces) => same(pieces.join(''))), { numRuns: 400 });
  });
});
