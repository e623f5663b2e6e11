import fc from 'fast-check';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isDeepStrictEqual } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { corePatternValue, corePlainValue, readFastPNode } from '../../../src/io/yaml-fast.js';
import { MAX_DEPTH, slowPNode } from '../../../src/io/yaml-source.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

/**
 * What the fast reader did with the text: 'bail' (left it to the full parser), 'same' (the tree
 * the full parser gives, which had no errors or warnings), or what went wrong.
 */
function verdict(source: string): string {
  const fast = readFastPNode(source);
  if (!fast) return 'bail';
  const slow = slowPNode(source);
  if (slow.errors.length || slow.warnings.length) return `read a text the full parser refuses (${[...slow.errors, ...slow.warnings].join(', ')})`;
  if (!isDeepStrictEqual(fast.root, slow.root)) return `different trees:\nfast ${JSON.stringify(fast.root)}\nslow ${JSON.stringify(slow.root)}`;
  return 'same';
}

describe('readFastPNode on real records', () => {
  let tmp: string;
  const files: { name: string; text: string; mustRead: boolean }[] = [];
  beforeAll(() => {
    tmp = mkdtempSync(join(tmpdir(), 'wep-yaml-fast-'));
    const tracked = execFileSync('git', ['ls-files', '-z', '*.yaml'], { cwd: root, encoding: 'utf8' }).split('\0').filter(Boolean);
    for (const f of tracked) {
      // the example's records and the presets are what clerks start from: they must be read fast
      const mustRead = f === 'partnership.yaml' || /^meetings\/[^/]+\/meeting\.yaml$/.test(f) || /^examples\/[^/]+\.yaml$/.test(f);
      files.push({ name: f, text: readFileSync(join(root, f), 'utf8'), mustRead });
    }
    execFileSync(process.execPath, [join(root, 'bench/gen-records.mjs'), join(tmp, 'records'), '--years', '2', '--no-git'], { stdio: 'ignore' });
    execFileSync(process.execPath, [join(root, 'bench/gen-schools.mjs'), join(tmp, 'schools')], { stdio: 'ignore' });
    for (const dir of ['records', 'schools']) {
      files.push({ name: `${dir}/partnership.yaml`, text: readFileSync(join(tmp, dir, 'partnership.yaml'), 'utf8'), mustRead: true });
      for (const m of readdirSync(join(tmp, dir, 'meetings'))) files.push({ name: `${dir}/meetings/${m}`, text: readFileSync(join(tmp, dir, 'meetings', m, 'meeting.yaml'), 'utf8'), mustRead: true });
    }
  });
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  it('gives the full parser’s tree for every tracked and generated YAML file, or leaves it to the full parser', () => {
    expect(files.length).toBeGreaterThan(150);
    const wrong = files.map((f) => ({ name: f.name, v: verdict(f.text) })).filter((r) => r.v !== 'same' && r.v !== 'bail');
    expect(wrong).toEqual([]);
  });

  it('reads the example’s records, the presets and every generated record itself', () => {
    const must = files.filter((f) => f.mustRead);
    expect(must.length).toBeGreaterThan(100);
    expect(must.filter((f) => !readFastPNode(f.text)).map((f) => f.name)).toEqual([]);
  });

  it('leaves every file the full parser refuses to the full parser', () => {
    for (const f of files) if (slowPNode(f.text).errors.length) expect(readFastPNode(f.text), f.name).toBeUndefined();
  });
});

describe('readFastPNode on shapes', () => {
  const same = [
    '',
    '\n',
    '# only a comment\n',
    '~\n',
    'a: b',
    'a: b # c\n',
    'a:\n',
    'a:   # c\n',
    'a:   \n',
    '- a',
    '-\n',
    '- # c\n  a: b\n',
    '- a: b\n  c: d\n- e\n',
    '-   a: b\n    c: d\n',
    'key:\n- a\n- b\nk2: x\n',
    '- - a\n  - b\n- c\n',
    '- a:\n  - x\n',
    'a: b\n  # an indented comment\nd: e\n',
    'a: >-\n  one\n  two\n\n  three\nb: 1\n',
    'a: >\n  one\n\n\n  two\n\n',
    'a: |\n  one\n  two\n',
    '- |-\n  x\n  # not a comment\n- y\n',
    'a: [x, y, {z: 1}, [], {}]\n',
    'a: { b: c, d: [1, 2] } # c\n',
    'a: "x # y"\nb: \'it\'\'s\'\nc: "\\"q\\" \\\\ \\/ \\n \\t"\n',
    '"quoted key": 1\n\'single\': 2\n',
    'x: a:b\ny: a#b\nz: Brown, Peter [x] {y}\n',
    'a: 16:00\nb: 2026-12-10\nc: 0x1F\nd: 1e3\ne: .5\nf: -0\ng: +1\nh: 1_000\ni: 0b1\nj: .inf\nk: .NaN\nl: 0o17\nm: no\nn: on\no: 1.\np: NULL\nq: False\n',
    '[a, -1, "b", \'c\', {d: e}]\n',
    'name: ü 😀 é\n',
    // a list or mapping on the lines after a comment line is read as the full parser reads it
    '-\n#c\n    first: 1\n- a\n',
    'attendance:\n# who came\n  present: [a, b]\nnext: 1\n',
    'k:\n  # c\n  - a\n  - b\nj: 1\n',
  ];
  it.each(same)('reads %j as the full parser does', (text) => {
    expect(readFastPNode(text)).toBeDefined();
    expect(verdict(text)).toBe('same');
  });

  const left = {
    tab: 'a:\tb\n',
    'tab in a comment': 'a: b #\tc\n',
    CRLF: 'a: b\r\nc: d\r\n',
    BOM: '\ufeffa: b\n',
    anchor: 'a: &x b\nc: *x\n',
    alias: 'a: *x\n',
    tag: 'a: !!str 1\n',
    'block scalar keeping trailing lines': 'a: |+\n  x\n\n',
    'block scalar with an indentation indicator': 'a: |2\n   x\n',
    'block scalar with more-indented lines': 'a: >\n  x\n    y\n',
    'block scalar with trailing spaces': 'a: >\n  x \n  y\n',
    'block scalar with a comment on its header': 'a: > # c\n  x\n',
    'explicit key': '? a\n: b\n',
    directive: '%YAML 1.2\n---\na: b\n',
    'document start': '---\na: b\n',
    'document end': 'a: b\n...\n',
    'multi-line plain scalar': 'a: b\n  c\n',
    'multi-line quoted scalar': 'a: "b\n  c"\n',
    'flow collection over two lines': 'a: [b,\n  c]\n',
    'trailing comma': 'a: [b, c,]\n',
    'duplicate key': 'a: 1\na: 2\n',
    'duplicate key in a flow mapping': 'a: { b: 1, b: 2 }\n',
    'number as a key': '1: a\n',
    'null as a key': 'null: a\n',
    'key that is a list': '[a]: b\n',
    'mapping in a compact mapping': 'a: b: c\n',
    'odd indentation': 'a:\n  b: 1\n c: 2\n',
    'indented after a value': 'a: 1\n  b: 2\n',
    'unknown escape': 'a: "\\x41"\n',
    'comment without a space': 'a: "b"# c\n',
    'empty flow value': 'a: { b: }\n',
    'pair in a flow list': 'a: [b: c]\n',
    'reserved start': 'a: @b\n',
    // a value that is not a list or mapping, on its own line after a comment line: the full
    // parser reads some such texts otherwise ("first - a" as the first item) or refuses them
    'value on its own line after a comment line': '- \n#c\n    first\n- a\n',
    'value on its own line after a comment line, in a mapping': 'k:\n#c\n  first\nj: 1\n',
    'value on its own line after an indented comment': '- x\n-\n  #c\n    "first"\n- a\n',
    'the property test\'s counterexample': '-   #] note: here\n\n#- >-\n    first\n-   on:  100000000\n    a00:  -3.864559821048371e-267\n    a-:  no\n',
  };
  it.each(Object.entries(left))('leaves a %s to the full parser', (_, text) => {
    expect(readFastPNode(text)).toBeUndefined();
  });

  it(`reads lists nested ${MAX_DEPTH} deep and leaves deeper ones to the full parser`, () => {
    const nested = (n: number) => `${'['.repeat(n)}x${']'.repeat(n)}\n`;
    expect(verdict(nested(MAX_DEPTH))).toBe('same');
    expect(readFastPNode(nested(MAX_DEPTH + 1))).toBeUndefined();
    const block = (n: number) => Array.from({ length: n }, (_, i) => `${' '.repeat(i)}k:`).join('\n') + ' x\n';
    expect(verdict(block(MAX_DEPTH))).toBe('same');
    expect(readFastPNode(block(MAX_DEPTH + 1))).toBeUndefined();
  });

  it('types plain scalars as the YAML 1.2 core schema does', () => {
    const cases: [string, unknown][] = [
      ['~', null], ['null', null], ['Null', null], ['NULL', null], ['nULL', 'nULL'],
      ['true', true], ['True', true], ['TRUE', true], ['false', false], ['tRUE', 'tRUE'], ['yes', 'yes'], ['no', 'no'], ['on', 'on'],
      ['0', 0], ['-0', -0], ['+1', 1], ['007', 7], ['1_000', '1_000'], ['0b1', '0b1'], ['0o17', 15], ['0x1F', 31], ['0X1F', '0X1F'],
      ['1e3', 1000], ['1E-3', 0.001], ['.5', 0.5], ['1.', 1], ['-.inf', -Infinity], ['.Inf', Infinity], ['.nan', NaN], ['.NAN', NaN], ['.Nan', '.Nan'],
      ['2026-12-10', '2026-12-10'], ['16:00', '16:00'], ['1:30:00', '1:30:00'],
    ];
    for (const [text, value] of cases) {
      expect(Object.is(corePlainValue(text), value), text).toBe(true);
      expect(verdict(`v: ${text}\n`), text).toBe('same');
    }
  });

  it('types every plain scalar as the core schema\'s patterns alone do, whatever its first character (property)', () => {
    const unit = fc.constantFrom(...'~nNtTfF.+-0123456789eExXoOaliIrus_ :#é'.split(''));
    fc.assert(
      fc.property(fc.string({ unit, maxLength: 8 }), (s) => {
        expect(Object.is(corePlainValue(s), corePatternValue(s)), JSON.stringify(s)).toBe(true);
      }),
      { numRuns: 20000 },
    );
    for (const s of ['', 'n', 'nu', 'T', 'F', '.', '+', '-', '0', 'x1', 'Inf', 'NaN', 'Null', 'no']) expect(Object.is(corePlainValue(s), corePatternValue(s)), s).toBe(true);
  });
});

// ------------------------------------------------------------------------------ property tests

type Tree = { t: 'scalar'; text: string } | { t: 'map'; entries: [string, Tree][] } | { t: 'seq'; items: Tree[] } | { t: 'flow'; text: string } | { t: 'block'; header: string; lines: string[] } | { t: 'empty' };

const tricky = [
  'no', 'on', 'yes', 'off', 'y', '0x1F', '0o17', '0b1', '1e5', '1E-3', '~', 'null', 'Null', 'NULL', 'true', 'False', 'TRUE', '-0', '+1', '1_000', '007',
  '2026-12-10', '16:00', '.5', '1.', '.inf', '-.Inf', '.NaN', '.nan', '0', '-12', '3.14', '12e', 'a b', 'Hello world', 'https://x.org/a?b=c#d', 'a#b',
  'Brown, Peter', 'x [y] {z}', 'é ü', '£5', 'a\u00a0', '\u00a0x', 'emoji 😀', '"quoted # not a comment"', "'it''s'", '"a \\"b\\" c"', '"\\\\ \\/ \\n \\t"',
  "''", '""', '"x: y"', "'#'", '-x', '-1.5', 'a:b', 'a - b', 'x,y', 'key: value # comment',
];
const word = fc.stringMatching(/^[a-z][a-z0-9 ./-]{0,10}[a-z0-9]$/);
const scalarText = fc.oneof(fc.constantFrom(...tricky), word, fc.integer().map(String), fc.double({ noNaN: true }).map(String));
const keys = ['a', 'b', 'body', 'called-by', 'half-term', 'x_y', 'k1', '2026-27', 'a.b', 'Head name', '"quoted key"', "'sq key'", 'yes', 'on', 'no', 'id', 'title'];
const keyText = fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...keys) }, { weight: 1, arbitrary: fc.stringMatching(/^[a-z][a-z0-9-]{0,8}$/) });

const flowScalar = fc.oneof(fc.constantFrom('x', 'a b', '1', '-2', '0x1F', 'true', '~', '"q, r"', "'s'", '16:00', 'https://x.org', 'é'), word.map((w) => w.replace(/ /g, '')));
const { flowText } = fc.letrec<{ flowText: string; flowSeq: string; flowMap: string }>((tie) => ({
  flowText: fc.oneof({ depthSize: 'small', withCrossShrink: true }, flowScalar, tie('flowSeq'), tie('flowMap')),
  flowSeq: fc.array(tie('flowText'), { maxLength: 4 }).chain((xs) => fc.constantFrom(`[${xs.join(', ')}]`, `[ ${xs.join(' , ')} ]`, `[${xs.join(',')}]`)),
  flowMap: fc
    .uniqueArray(fc.tuple(fc.constantFrom('a', 'b', 'c', 'id', 'name', 'half-term', '"k"'), tie('flowText')), { maxLength: 4, selector: (e) => e[0] })
    .chain((es) => fc.constantFrom(`{ ${es.map(([k, v]) => `${k}: ${v}`).join(', ')} }`, `{${es.map(([k, v]) => `${k}: ${v}`).join(',')}}`)),
}));

const blockLines = fc.array(fc.oneof(word, fc.constantFrom('# not a comment', 'x: y', '- z', '"q"', '')), { minLength: 1, maxLength: 4 }).map((ls) => {
  // a block scalar's content starts with a line of text and keeps no trailing spaces
  if (ls[0] === '') ls[0] = 'first';
  return ls;
});

const { tree } = fc.letrec<{ tree: Tree; map: Tree; seq: Tree }>((tie) => ({
  tree: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    scalarText.map((text): Tree => ({ t: 'scalar', text })),
    flowText.map((text): Tree => ({ t: 'flow', text })),
    fc.tuple(fc.constantFrom('>-', '>', '|', '|-'), blockLines).map(([header, lines]): Tree => ({ t: 'block', header, lines })),
    fc.constant<Tree>({ t: 'empty' }),
    tie('map'),
    tie('seq'),
  ),
  map: fc.array(fc.tuple(keyText, tie('tree')), { minLength: 1, maxLength: 5 }).map((entries): Tree => ({ t: 'map', entries })),
  seq: fc.array(tie('tree'), { minLength: 1, maxLength: 5 }).map((items): Tree => ({ t: 'seq', items })),
}));

/** Choices for how a tree is written: indentation, comments, blank lines, list styles. */
const style = fc.record({
  step: fc.integer({ min: 1, max: 4 }),
  comments: fc.boolean(),
  blanks: fc.boolean(),
  sameIndentLists: fc.boolean(),
  compact: fc.boolean(),
  dashSpaces: fc.integer({ min: 1, max: 3 }),
  colonSpaces: fc.integer({ min: 1, max: 3 }),
  bareRoot: fc.boolean(),
  seed: fc.integer({ min: 0, max: 1 << 30 }),
});
type Style = typeof style extends fc.Arbitrary<infer S> ? S : never;

function render(t: Tree, s: Style): string {
  let r = s.seed;
  const coin = (p: number) => {
    r = (Math.imul(r, 1103515245) + 12345) & 0x7fffffff;
    return r / 0x7fffffff < p;
  };
  const lines: string[] = [];
  let bare = false;
  const extras = (indent: number) => {
    if (bare) {
      bare = false;
      return;
    }
    if (s.blanks && coin(0.15)) lines.push(coin(0.5) ? '' : ' '.repeat(indent));
    if (s.comments && coin(0.15)) lines.push(`${' '.repeat(coin(0.5) ? indent : Math.max(0, indent - 1))}# a comment line`);
  };
  const trailing = () => (s.comments && coin(0.3) ? '   # note: here' : '');
  /** Writes `t` after `head` (text already on the line) for a node indented `indent`. */
  const put = (head: string, t: Tree, indent: number, inMap: boolean) => {
    switch (t.t) {
      case 'scalar':
      case 'flow':
        lines.push(`${head}${' '.repeat(inMap ? s.colonSpaces : 1)}${t.text}${trailing()}`);
        return;
      case 'empty':
        lines.push(`${head}${trailing()}`);
        return;
      case 'block':
        lines.push(`${head} ${t.header}`);
        // an empty line in the text may keep some of the indentation
        for (const l of t.lines) lines.push(l === '' ? ' '.repeat(coin(0.3) ? indent + s.step : 0) : `${' '.repeat(indent + s.step)}${l}`);
        return;
      case 'map':
      case 'seq': {
        const inner = t.t === 'seq' && inMap && s.sameIndentLists ? indent : indent + s.step;
        lines.push(`${head}${trailing()}`);
        block(t, inner);
      }
    }
  };
  const block = (t: Tree, indent: number) => {
    const pad = ' '.repeat(indent);
    if (t.t === 'map') {
      for (const [k, v] of t.entries) {
        extras(indent);
        put(`${pad}${k}:`, v, indent, true);
      }
    } else if (t.t === 'seq') {
      for (const item of t.items) {
        extras(indent);
        const dash = `${pad}-${' '.repeat(s.dashSpaces)}`;
        if (s.compact && (item.t === 'map' || item.t === 'seq')) {
          // the first entry on the dash's line, the rest lined up under it
          const at = indent + 1 + s.dashSpaces;
          const start = lines.length;
          bare = true;
          block(item, at);
          lines[start] = dash + lines[start]!.slice(at);
        } else put(`${pad}-`, item, indent, false);
      }
    } else put('v:', t, indent, true);
  };
  if (t.t === 'map' || t.t === 'seq') block(t, 0);
  else if (s.bareRoot && (t.t === 'scalar' || t.t === 'flow')) lines.push(t.text);
  else put('root:', t, 0, true);
  return lines.join('\n') + (coin(0.8) ? '\n' : '');
}

const document = fc.tuple(tree, style).map(([t, s]) => render(t, s));

/** Small edits that take a document out of the subset, or make it wrong. */
const mutation = fc.tuple(
  fc.constantFrom('\t', ':', ': ', '"', "'", '#', ' #', '{', '[', ']', '}', ',', '-', '- ', '&a ', '*a', '!', '|', '>', '?', ' ', '  ', '\n', '\r', '\\', '%', '@', '\u00a0', 'delete', 'dup-line', 'indent', 'dedent', 'swap'),
  fc.nat(),
);
function mutate(text: string, [what, at]: [string, number]): string {
  const lines = text.split('\n');
  const li = at % Math.max(1, lines.length);
  const p = text.length ? at % (text.length + 1) : 0;
  switch (what) {
    case 'delete':
      return text.slice(0, p) + text.slice(p + 1);
    case 'dup-line':
      lines.splice(li, 0, lines[li]!);
      return lines.join('\n');
    case 'indent':
      lines[li] = ` ${lines[li]}`;
      return lines.join('\n');
    case 'dedent':
      lines[li] = lines[li]!.replace(/^ /, '');
      return lines.join('\n');
    case 'swap':
      if (li + 1 < lines.length) [lines[li], lines[li + 1]] = [lines[li + 1]!, lines[li]!];
      return lines.join('\n');
    default:
      return text.slice(0, p) + what + text.slice(p);
  }
}

describe('readFastPNode, property', () => {
  it('reads every document of the subset that the full parser accepts, giving its tree', () => {
    let read = 0;
    fc.assert(
      fc.property(document, (text) => {
        const slow = slowPNode(text);
        if (slow.errors.length) {
          // a duplicate key, which the grammar does not rule out
          expect(readFastPNode(text)).toBeUndefined();
          return;
        }
        read++;
        expect(verdict(text)).toBe('same');
      }),
      { numRuns: 2500 },
    );
    expect(read).toBeGreaterThan(1500);
  });

  it('after random edits, gives the full parser’s tree or leaves the text to it', () => {
    let read = 0;
    fc.assert(
      fc.property(document, fc.array(mutation, { minLength: 1, maxLength: 3 }), (text, ms) => {
        const mutated = ms.reduce(mutate, text);
        const v = verdict(mutated);
        if (v === 'same') read++;
        else expect(v).toBe('bail');
      }),
      { numRuns: 4000 },
    );
    // the edits often leave the text in the subset (a space, an extra line)
    expect(read).toBeGreaterThan(500);
  });
});
