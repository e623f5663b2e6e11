import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'csv-stringify/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DiagnosticsError } from '../../../src/core/errors.js';
import { decodeGias, fieldAt, fieldColumn, giasPosition, readGiasExtract, recordSpans } from '../../../src/io/gias-csv.js';
import { ROOT } from '../../helpers/wep.js';

const FIXTURES = join(ROOT, 'test/fixtures/gias');
const fixture = (name: string) => join(FIXTURES, name);

describe('decodeGias', () => {
  it('reads Windows-1252: accents, and the curly apostrophe at 0x92', () => {
    expect(decodeGias(new Uint8Array([0x53, 0x74, 0x20, 0x4d, 0x61, 0x72, 0x79, 0x92, 0x73]))).toBe('St Mary\u2019s');
    expect(decodeGias(new Uint8Array([0x5a, 0x6f, 0xeb, 0x20, 0x80, 0x96]))).toBe('Zoë \u20ac\u2013');
  });

  it('reads UTF-8 when the file starts with a byte order mark', () => {
    expect(decodeGias(new Uint8Array([0xef, 0xbb, 0xbf, ...Buffer.from('Zoë Brontë')]))).toBe('Zoë Brontë');
  });

  it('the fixture is Windows-1252, not UTF-8', () => {
    const bytes = readFileSync(fixture('edubase-2026.csv'));
    expect(bytes.includes(0x92)).toBe(true); // St Mary’s
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow();
    expect(decodeGias(bytes)).toContain('Revd,Zoë,Brontë');
  });
});

describe('recordSpans and fieldAt', () => {
  it('a line end inside quotes does not end a record; CRLF is one line end', () => {
    const text = 'a,b\r\n1,"x\r\ny"\r\n2,z\r\n';
    const spans = recordSpans(text);
    expect(spans.map((s) => [s.line, text.slice(s.start, s.end)])).toEqual([
      [1, 'a,b'],
      [2, '1,"x\r\ny"'],
      [4, '2,z'],
    ]);
    expect(fieldAt(text, spans[1]!.start, spans[1]!.end, 1)).toBe('x\r\ny');
    expect(fieldColumn(text, spans[1]!.start, spans[1]!.end, 1)).toBe(3);
  });

  it('fieldAt reads every field as csv-parse would, for any values (property)', () => {
    const cell = fc.string({ unit: fc.constantFrom('a', 'é', ',', '"', ' ', 'Z', '\u2019'), maxLength: 8 });
    fc.assert(
      fc.property(fc.array(cell, { minLength: 1, maxLength: 8 }), (cells) => {
        const line = stringify([cells]).replace(/\n$/, '');
        fc.pre(line !== ''); // one empty cell is an empty line: no record at all
        const text = `${line}\n`;
        const [span] = recordSpans(text);
        cells.forEach((c, k) => expect(fieldAt(text, span!.start, span!.end, k)).toBe(c));
      }),
    );
  });
});

describe('readGiasExtract', () => {
  it('keeps the rows of one local authority, with their line numbers in the file', async () => {
    const x = await readGiasExtract(fixture('edubase-2026.csv'), 'edubase-2026.csv', 'central bedfordshire');
    expect(x.la).toBe('Central Bedfordshire');
    expect(x.total).toBe(15);
    expect(x.rows.map((r) => r.urn)).toEqual(['109001', '109002', '109003', '109004', '109005', '109006', '109007', '109008', '109009', '109010', '109011', '109013']);
    const chene = x.rows.find((r) => r.urn === '109005')!;
    expect(chene).toMatchObject({ name: 'Chênefield Lower School', headFirstName: 'José', headLastName: 'Núñez', line: 6 });
    // the row after it starts two lines on: its address has a line break inside quotes
    expect(x.rows.find((r) => r.urn === '109006')!.line).toBe(8);
    expect(x.rows.find((r) => r.urn === '109004')!.trust).toBe('Diocese of St Albans, Academy Trust');
    expect(giasPosition(x, x.rows[0]!, 'name')).toEqual({ line: 2, col: 38, len: 'Beechwood Lower School'.length });
  });

  it('reads a file of one authority without --la', async () => {
    const x = await readGiasExtract(fixture('bedford-only.csv'), 'bedford-only.csv');
    expect(x.la).toBe('Bedford');
    expect(x.rows.map((r) => r.name)).toEqual(['Beechwood Lower School', 'Castle Upper School']);
  });

  it('asks for --la when the file covers several authorities, and says which there are', async () => {
    await expect(readGiasExtract(fixture('edubase-2026.csv'), 'e.csv')).rejects.toMatchObject({ message: 'e.csv covers 3 local authorities', hint: 'choose yours with --la NAME, e.g. --la "Central Bedfordshire" (others: "Bedford", "Luton")' });
    await expect(readGiasExtract(fixture('edubase-2026.csv'), 'e.csv', 'Bedfrod')).rejects.toMatchObject({ message: 'no schools of "Bedfrod" in e.csv', hint: 'did you mean --la "Bedford"?' });
  });

  it('refuses a file that is not a GIAS extract, pointing at its first line', async () => {
    const err = await readGiasExtract(join(ROOT, 'package.json'), 'package.json').catch((e) => e);
    expect(err).toBeInstanceOf(DiagnosticsError);
    expect(err.diagnostics[0]).toMatchObject({ pos: { line: 1, col: 1 }, message: expect.stringMatching(/^not a GIAS establishments extract: no "URN", "LA \(name\)"/) });
  });
});
