import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { MeetingFile } from '../../../../src/core/meeting-schema.js';
import {
  ADDRESS_WITHHELD,
  confidentialItems,
  confidentialTexts,
  firstMention,
  foldForMatch,
  isPublicItem,
  isSameFile,
  isSamePaper,
  isWebAddress,
  mentionsAny,
  normalisePaperPath,
  normaliseWebAddress,
  paperRef,
  publicEmailSet,
  publicMinutes,
  redactDeep,
  redactEmails,
  withoutComments,
} from '../../../../src/core/site/privacy.js';

const doc = (...lines: string[]) => lines.join('\n');

describe('normalisePaperPath', () => {
  it.each([
    ['papers/a.pdf', 'papers/a.pdf'],
    ['./papers/a.pdf', 'papers/a.pdf'],
    ['././papers/./a.pdf', 'papers/a.pdf'],
    ['papers\\a.pdf', 'papers/a.pdf'],
    ['.\\papers\\a.pdf', 'papers/a.pdf'],
    ['papers//a.pdf', 'papers/a.pdf'],
    ['papers/../papers/a.pdf', 'papers/a.pdf'],
    ['papers/x/../../a.pdf', 'a.pdf'],
    ['  papers/a.pdf ', 'papers/a.pdf'],
    ['papers/a b#1.pdf', 'papers/a b#1.pdf'],
    ['../other/a.pdf', undefined],
    ['papers/../../x', undefined],
    ['papers\\..\\..\\x', undefined],
    ['/etc/passwd', undefined],
    ['\\\\server\\share\\a.pdf', undefined],
    ['C:/x.pdf', undefined],
    ['c:x.pdf', undefined],
    ['file:///etc/passwd', undefined],
    ['.hidden', undefined],
    ['papers/.git/config', undefined],
    ['meeting.yaml', undefined],
    ['./minutes.md', undefined],
    ['MINUTES.MD', undefined],
    ['minutes.public.md', undefined],
    ['index.html', undefined],
    ['', undefined],
    ['.', undefined],
    ['papers/..', undefined],
  ])('%j -> %j', (p, want) => expect(normalisePaperPath(p)).toBe(want));

  it('never leaves the meeting folder, and names one path however it is spelt (property)', () => {
    const seg = fc.constantFrom('..', '.', '', 'a', 'b.pdf', 'x y', '.git', 'papers');
    fc.assert(
      fc.property(fc.array(seg, { maxLength: 8 }), fc.constantFrom('/', '\\'), (parts, sep) => {
        const out = normalisePaperPath(parts.join(sep));
        if (out === undefined) return;
        expect(out.startsWith('/')).toBe(false);
        expect(out.split('/')).not.toContain('..');
        expect(out.split('/').some((s) => s.startsWith('.') || s === '')).toBe(false);
        // a normal form is its own normal form, and "./" in front changes nothing
        expect(normalisePaperPath(out)).toBe(out);
        expect(normalisePaperPath(`./${out}`)).toBe(out);
        expect(normalisePaperPath(`x/../${out.replace(/\//g, '\\')}`)).toBe(out);
      }),
    );
  });
});

describe('web addresses', () => {
  it('knows one when it sees one', () => {
    expect(isWebAddress('https://example.org/a.pdf')).toBe(true);
    expect(isWebAddress(' HTTP://example.org ')).toBe(true);
    expect(isWebAddress('papers/a.pdf')).toBe(false);
    expect(isWebAddress('javascript:alert(1)')).toBe(false);
  });
  it('spells one address one way', () => {
    expect(normaliseWebAddress('HTTPS://Example.ORG:443/a.pdf')).toBe(normaliseWebAddress('https://example.org/a.pdf'));
    expect(normaliseWebAddress('https://example.org/')).toBe(normaliseWebAddress('https://example.org'));
  });
});

describe('isSameFile and isSamePaper', () => {
  const file = (real: string, dev: number, ino: number) => ({ real, dev, ino });
  it('one real path (a symbolic link) or one device and inode (a hard link) is one file', () => {
    expect(isSameFile(file('/r/a', 1, 2), file('/r/a', 1, 3))).toBe(true);
    expect(isSameFile(file('/r/a', 1, 2), file('/r/b', 1, 2))).toBe(true);
    expect(isSameFile(file('/r/a', 1, 2), file('/r/b', 2, 2))).toBe(false);
    expect(isSameFile(undefined, file('/r/b', 2, 2))).toBe(false);
    expect(isSameFile(undefined, undefined)).toBe(false);
  });
  it('a paper is the same paper however it is named', () => {
    const secret = paperRef('m1', 'papers/secret.pdf');
    for (const name of ['./papers/secret.pdf', 'papers\\secret.pdf', 'papers/../papers/secret.pdf', 'papers//secret.pdf', ' papers/secret.pdf']) {
      expect(isSamePaper(secret, paperRef('m1', name))).toBe(true);
    }
    expect(isSamePaper(secret, paperRef('m2', 'papers/secret.pdf'))).toBe(false);
    expect(isSamePaper(secret, paperRef('m1', 'papers/other.pdf'))).toBe(false);
    const id = file('/r/m1/papers/secret.pdf', 7, 42);
    expect(isSamePaper(paperRef('m1', 'papers/secret.pdf', id), paperRef('m2', 'papers/link.pdf', { ...id, real: '/r/m2/papers/link.pdf' }))).toBe(true);
    expect(isSamePaper(paperRef('m1', 'https://x.org/A.pdf'), paperRef('m1', 'HTTPS://X.ORG/A.pdf'))).toBe(true);
  });
});

const meeting: MeetingFile = {
  body: 'board',
  date: '2026-10-01',
  start: '16:00',
  agenda: [
    { title: 'Welcome' },
    { title: 'Heron settlement', paper: 'papers\\heron.pdf', confidential: true },
    { title: 'Budget', paper: 'papers/budget.pdf' },
    { title: 'HR', confidential: true },
  ],
  decisions: [
    { item: 2, text: 'Settlement agreed at a figure' },
    { item: 3, text: 'Budget agreed' },
  ],
  actions: [
    { id: 'a1', text: 'Sign the heron papers', owner: 'x', item: 2 },
    { id: 'a2', text: 'Publish the budget', owner: 'x', item: 3 },
    { id: 'a3', text: 'Loose action', owner: 'x' },
  ],
  attendance: { present: ['x'], interests: [{ person: 'x', item: 2, interest: 'Related to the claimant' }, { person: 'x', item: 3, interest: 'Governor' }] },
};

describe('confidentialItems, isPublicItem, confidentialTexts', () => {
  it('numbers confidential items from 1', () => expect([...confidentialItems(meeting)]).toEqual([2, 4]));
  it('an entry is public unless its item is confidential', () => {
    const c = confidentialItems(meeting);
    expect([1, 2, 3, 4, undefined].map((n) => isPublicItem(n, c))).toEqual([true, false, true, false, true]);
  });
  it('gives titles, paper names and the travelling text of decisions, actions and declarations', () => {
    expect(confidentialTexts(meeting)).toEqual({
      titles: ['Heron settlement', 'papers\\heron.pdf', 'heron.pdf', 'HR'],
      travelling: ['Settlement agreed at a figure', 'Sign the heron papers', 'Related to the claimant'],
    });
  });
});

describe('mentionsAny', () => {
  it('ignores case, spacing, emphasis, entities and compatibility forms', () => {
    for (const text of ['The HERON settlement', 'the Heron\nSettlement', 'the **Heron** _settlement_', 'Heron&#32;settlement', 'Heron&nbsp;settlement', 'Ｈｅｒｏｎ settlement', 'He\u200bron settlement']) {
      expect(mentionsAny(text, ['Heron settlement'])).toBe(true);
    }
    expect(mentionsAny('Herons settle', ['Heron settlement'])).toBe(false);
  });
  it('matches short titles as whole words only', () => {
    expect(mentionsAny('We discussed HR matters', ['HR'])).toBe(true);
    expect(mentionsAny('hr: see above', ['HR'])).toBe(true);
    expect(mentionsAny('Three shrubs', ['HR'])).toBe(false);
    expect(mentionsAny('Pay', ['pay'])).toBe(true);
    expect(mentionsAny('Payroll', ['Pay'])).toBe(false);
    expect(firstMention('AOB and HR', ['zzz', 'HR'])).toBe('HR');
    expect(mentionsAny('anything', ['', '  '])).toBe(false);
  });
  it('finds any secret put anywhere in any text (property)', () => {
    fc.assert(
      fc.property(fc.string(), fc.stringMatching(/^[A-Za-z]{1,12}$/), fc.string(), (before, secret, after) => {
        expect(mentionsAny(`${before} ${secret} ${after}`, [secret])).toBe(true);
      }),
    );
  });
  it('foldForMatch folds case and white space', () => expect(foldForMatch('A\t B\n&amp;')).toBe('a b &'));
});

describe('redactEmails', () => {
  const pub = publicEmailSet(['Bob@Example.org']);
  it.each([
    ['write to ann@example.org today', `write to ${ADDRESS_WITHHELD} today`],
    ['ANN.SMITH+x@mail.example.co.uk', ADDRESS_WITHHELD],
    ["o'brien@example.org", ADDRESS_WITHHELD],
    ['mailto:ann@example.org', `mailto:${ADDRESS_WITHHELD}`],
    ['ann%40example.org', ADDRESS_WITHHELD],
    ['ann&#64;example.org', ADDRESS_WITHHELD],
    ['ann&#x40;example.org', ADDRESS_WITHHELD],
    ['ann&#X40;example.org', ADDRESS_WITHHELD],
    ['ANN%40EXAMPLE.ORG', ADDRESS_WITHHELD],
    ['<ann@example.org>', `<${ADDRESS_WITHHELD}>`],
    ['bob@example.org is public', 'bob@example.org is public'],
    ['BOB@EXAMPLE.ORG', 'BOB@EXAMPLE.ORG'],
    ['no address @ all', 'no address @ all'],
    ['a @handle', 'a @handle'],
  ])('%j -> %j', (text, want) => expect(redactEmails(text, pub)).toBe(want));

  it('leaves no address that is not public, in any text (property)', () => {
    const local = fc.stringMatching(/^[a-z0-9][a-z0-9._+-]{0,10}$/);
    const domain = fc.stringMatching(/^[a-z0-9]{1,8}\.[a-z]{2,4}$/);
    fc.assert(
      fc.property(fc.string(), local, domain, fc.string(), (before, l, d, after) => {
        const out = redactEmails(`${before} ${l}@${d} ${after}`, pub);
        expect(out).not.toContain(`${l}@${d}`);
      }),
    );
  });

  it('redactDeep reaches every string of a value, copying what it changes and never the value itself', () => {
    const clean = { e: ['no address here', 4], f: { g: 'bob@example.org' } };
    const v = { a: 'x@y.org', b: [{ c: 'z@w.org' }, 3, null], d: true, clean };
    const before = structuredClone(v);
    const out = redactDeep(v, pub);
    expect(out).toEqual({ a: ADDRESS_WITHHELD, b: [{ c: ADDRESS_WITHHELD }, 3, null], d: true, clean });
    expect(v).toEqual(before);
    expect(out.clean).toBe(clean);
    expect(redactDeep(clean, pub)).toBe(clean);
  });

  it('redactDeep leaves no address that redactEmails would withhold, however deep', () => {
    const leaf = fc.oneof(fc.string(), fc.constantFrom('a@b.org', 'a%40b.org', 'a&#64;b.org', 'Bob@example.org', 'x'), fc.integer(), fc.constant(null));
    const { tree } = fc.letrec<{ tree: unknown }>((tie) => ({ tree: fc.oneof({ depthSize: 'small' }, leaf, fc.array(tie('tree'), { maxLength: 4 }), fc.dictionary(fc.string({ maxLength: 3 }), tie('tree'), { maxKeys: 4 })) }));
    const strings = (x: unknown): string[] => (typeof x === 'string' ? [x] : x && typeof x === 'object' ? Object.values(x).flatMap(strings) : []);
    fc.assert(
      fc.property(tree, (v) => {
        const before = JSON.stringify(v);
        const out = redactDeep(v, pub);
        expect(JSON.stringify(v)).toBe(before);
        expect(strings(out)).toEqual(strings(v).map((s) => redactEmails(s, pub)));
      }),
    );
  });
});

describe('publicMinutes', () => {
  const md = doc('# Minutes', '<!-- instructions -->', '## 1. Welcome', 'Hello.', '## 2. Secret', 'Hidden text.', '### detail', 'More hidden.', '## 3. Budget', 'Shown.', '```', '## 2. in a code block', '```', '');
  it('drops the sections of confidential items and HTML comments, keeps the rest', () => {
    const out = publicMinutes(md, new Set([2])).markdown!;
    expect(out).toContain('Hello.');
    expect(out).toContain('Shown.');
    expect(out).not.toContain('Hidden text');
    expect(out).not.toContain('More hidden');
    expect(out).not.toContain('instructions');
    expect(out).toContain('## 2. in a code block');
  });

  it.each([
    ['ATX "Item 2:"', doc('## Item 2: Secret', 'x', '## Item 3: Open', 'y')],
    ['ATX closed', doc('## 2. Secret ##', 'x', '## 3. Open', 'y')],
    ['setext ===', doc('2. Secret', '', 'Item 2', '===', 'x', '', 'Item 3', '===', 'y')],
    ['setext ---', doc('Item 2: Secret', '---', 'x', '', '3 Open', '---', 'y')],
    ['bold heading text', doc('## **2. Secret**', 'x', '## **3. Open**', 'y')],
    ['indented ATX', doc('   ## 2) Secret', 'x', '   ## 3) Open', 'y')],
    ['tilde fence inside', doc('## 2. Secret', '~~~', '## 3. fake', '~~~', 'x', '## 3. Open', 'y')],
    ['CRLF', '## 2. Secret\r\nx\r\n## 3. Open\r\ny'],
    ['CR only', '## 2. Secret\rx\r## 3. Open\ry'],
    ['comment hiding a heading', doc('## 2. Secret', '<!--', '## 3. fake', '-->', 'x', '## 3. Open', 'y')],
  ])('every heading form: %s', (_, text) => {
    const out = publicMinutes(text, new Set([2]));
    expect(out.markdown).toBeDefined();
    expect(out.markdown).not.toMatch(/\bx\b/);
    expect(out.markdown).toMatch(/\by\b/);
  });

  it.each([
    ['a deeper heading in a public section names the confidential item', doc('## 2. Secret', 'x', '## 3. Open', '### 2. more on it', 'x')],
    ['a bold line names it', doc('## 1. Open', '**2. Secret**', 'x', '## 2. Secret', 'x')],
    ['an "Item 2" line names it', doc('## 1. Open', 'Item 2 - the secret', 'x', '## 2. Secret', 'x')],
    ['a list item holds a heading naming it', doc('## 1. Open', '- ## 2. Secret', 'x', '## 2. Secret', 'x')],
    ['the confidential item has no section', doc('## 1. Open', 'We discussed it.')],
    ['an unnumbered heading ends its section', doc('## 1. Open', '## 2. Secret', 'x', '## Discussion', 'more about it', '## 3. Open', 'y')],
    ['a setext heading of a higher level ends its section', doc('## 2. Secret', 'x', 'more', '===', 'y')],
  ])('withholds the whole file when in doubt: %s', (_, text) => {
    const out = publicMinutes(text, new Set([2]), { rendererHeadings: markdownLike });
    expect(out.markdown).toBeUndefined();
    expect(out.withheld).toBeTruthy();
  });

  it('withholds when the renderer reads a heading the rule does not', () => {
    const out = publicMinutes(doc('## 1. A', 'x'), new Set(), { rendererHeadings: () => [1, 2] });
    expect(out).toEqual({ withheld: 'line 2 may or may not be a heading, so wep cannot tell which item it belongs to' });
  });

  it('minutes.public.md need not have a section for a confidential item', () => {
    expect(publicMinutes(doc('## 1. Open', 'y'), new Set([2]), { publicVersion: true }).markdown).toBe(doc('## 1. Open', 'y'));
  });

  it('no line of a confidential section survives, whatever else the file holds (property)', () => {
    const filler = fc.constantFrom('', 'Text.', '- a list', '> quote', '```', '~~~', '<!--', '-->', '---', '===', '### Sub', 'DECISION: agreed', '    indented', '**bold**');
    const section = (n: number, secret: boolean) => fc.array(filler, { maxLength: 6 }).map((body) => [`## ${n}. Item ${n}`, ...body.map((l) => (secret && l === 'Text.' ? 'SECRETLINE' : l)), secret ? 'SECRETLINE' : 'PUBLICLINE', '']);
    fc.assert(
      fc.property(fc.array(fc.boolean(), { minLength: 1, maxLength: 5 }), fc.integer(), (flags, seed) => {
        const conf = new Set(flags.flatMap((c, i) => (c ? [i + 1] : [])));
        return fc.assert(
          fc.property(fc.tuple(...flags.map((c, i) => section(i + 1, c))), (secs) => {
            const text = secs.flat().join('\n');
            const out = publicMinutes(text, conf);
            if (out.markdown === undefined) return;
            expect(out.markdown).not.toContain('SECRETLINE');
          }),
          { numRuns: 20, seed },
        );
      }),
      { numRuns: 50 },
    );
  });
});

/** Top-level ATX heading lines, and "- ## " inside a list as one (what markdown-it reports for these tests). */
function markdownLike(v: string): number[] {
  return v.split('\n').flatMap((l, i) => (/^ {0,3}#{1,6}\s/.test(l) || /^- #{1,6}\s/.test(l) ? [i + 1] : []));
}

describe('withoutComments', () => {
  it('removes comments outside code, keeps them in code', () => {
    expect(withoutComments('a <!-- b --> c')).toBe('a            c');
    expect(withoutComments(doc('```', '<!-- kept -->', '```'))).toContain('<!-- kept -->');
    expect(withoutComments('plain')).toBe('plain');
  });
});
