import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeText, formatBytes, isCrlf, keepConventions } from '../../../src/core/text-file.js';

const strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const isUtf8 = (b: Uint8Array) => {
  try {
    strict.decode(b);
    return true;
  } catch {
    return false;
  }
};

describe('decodeText', () => {
  it('any text encoded as UTF-8 decodes to itself (a leading BOM reported, not kept)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), fc.boolean(), (text, bom) => {
        const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
        const d = decodeText(Buffer.from(`${bom ? '\uFEFF' : ''}${body}`));
        expect(d).toEqual({ ok: true, text: body, bom });
      }),
    );
  });

  it('random bytes: refused exactly when not UTF-8, at the first bad byte, with a valid prefix', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (bytes) => {
        const d = decodeText(bytes);
        expect(d.ok).toBe(isUtf8(bytes));
        if (d.ok) return;
        expect(isUtf8(bytes.subarray(0, d.offset))).toBe(true);
        expect(d.byte).toBe(bytes[d.offset]);
        const prefix = new TextDecoder().decode(bytes.subarray(0, d.offset)).replace(/^\uFEFF/, '');
        expect(d.line).toBe(prefix.split('\n').length);
        expect(d.col).toBe([...prefix.slice(prefix.lastIndexOf('\n') + 1)].length + 1);
      }),
      { numRuns: 2000 },
    );
  });

  it('valid text with one bad byte inserted is located at that byte', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 40 }), fc.string({ unit: 'grapheme', maxLength: 40 }), fc.constantFrom(0x80, 0xbf, 0xc0, 0xc1, 0xf5, 0xff), (a, b, bad) => {
        const head = Buffer.from(a.replace(/^\uFEFF/, ''));
        const d = decodeText(Buffer.concat([head, Buffer.from([bad]), Buffer.from(b)]));
        expect(d.ok).toBe(false);
        if (!d.ok) expect(d.offset).toBe(head.length);
      }),
    );
  });

  it('the preview is the bad line without its CR', () => {
    const d = decodeText(Buffer.from([...Buffer.from('a\r\nb: x'), 0xff, ...Buffer.from('y\r\nc\r\n')]));
    expect(d).toMatchObject({ ok: false, line: 2, col: 5, preview: 'b: x\uFFFDy' });
  });
});

describe('keepConventions', () => {
  const lines = fc.array(fc.stringMatching(/^[^\r\n]*$/), { maxLength: 8 });
  it('a CRLF file gets CRLF everywhere, whatever the new text uses', () => {
    fc.assert(
      fc.property(lines, lines, fc.boolean(), (old, next, nextCrlf) => {
        const prev = { text: `${old.join('\r\n')}\r\n`, bom: false };
        const out = keepConventions(prev, next.join(nextCrlf ? '\r\n' : '\n') + '\n');
        expect(out.replace(/\r\n/g, '')).not.toMatch(/\n/);
        expect(out.replace(/\r\n/g, '\n')).toBe(`${next.join('\n')}\n`);
      }),
    );
  });
  it('an LF file, or a new file, gets the text as given', () => {
    fc.assert(
      fc.property(lines, (next) => {
        const text = `${next.join('\n')}\n`;
        expect(keepConventions({ text: 'a\nb\n', bom: false }, text)).toBe(text);
        expect(keepConventions(undefined, text)).toBe(text);
      }),
    );
  });
  it('a BOM is kept, never doubled', () => {
    expect(keepConventions({ text: 'a\n', bom: true }, 'b\n')).toBe('\uFEFFb\n');
    expect(keepConventions({ text: 'a\n', bom: true }, '\uFEFFb\n')).toBe('\uFEFFb\n');
    expect(keepConventions({ text: 'a\r\n', bom: true }, 'b\nc\n')).toBe('\uFEFFb\r\nc\r\n');
  });
  it('isCrlf: most line breaks CRLF', () => {
    expect(isCrlf('a\r\nb\r\n')).toBe(true);
    expect(isCrlf('a\r\nb\n')).toBe(true);
    expect(isCrlf('a\r\nb\nc\n')).toBe(false);
    expect(isCrlf('a\nb\n')).toBe(false);
    expect(isCrlf('')).toBe(false);
  });
  it('formatBytes', () => {
    expect([formatBytes(10), formatBytes(2048), formatBytes(5 * 1024 * 1024), formatBytes(5.2 * 1024 * 1024), formatBytes(50 * 1024 * 1024)]).toEqual(['10 bytes', '2 KiB', '5 MiB', '5.2 MiB', '50 MiB']);
  });
});
