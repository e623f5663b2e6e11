import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { renderDocx } from '../../../src/report/docx-document.js';
import { binaryState, stampBinary, writeBinaryGenerated } from '../../../src/io/documents.js';
import { journalEntry } from '../../../src/io/fs.js';
import { keepDtstamp, writeGenerated } from '../../../src/io/generated.js';

const dir = mkdtempSync(join(tmpdir(), 'wep-documents-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('binary documents: the stamp and the refusal to overwrite', () => {
  it('a .docx carries the stamp as its zip comment, and stays a valid zip', async () => {
    const bytes = await renderDocx([{ kind: 'paragraph', runs: [{ text: 'Hello' }] }], { title: 't' });
    const path = join(dir, 'a.docx');
    expect(binaryState(path)).toBe('absent');
    writeBinaryGenerated(path, bytes);
    const b = readFileSync(path);
    expect(b.subarray(b.length - 37).toString()).toMatch(/^wep-generated sha256=[0-9a-f]{16}$/);
    expect(binaryState(path)).toBe('unchanged');
    const { default: mammoth } = await import('mammoth');
    expect((await mammoth.extractRawText({ path })).value.trim()).toBe('Hello');
  });

  it('a binary document is journalled, so --commit commits it; so is the backup of an edited one', () => {
    const path = join(dir, 'journalled.pdf');
    writeBinaryGenerated(path, Buffer.from('%PDF-1.7\none\n%%EOF\n'));
    expect(Buffer.from(journalEntry(path)!.after as Uint8Array).equals(readFileSync(path))).toBe(true);
    writeFileSync(path, '%PDF-1.7 edited by hand');
    writeBinaryGenerated(path, Buffer.from('%PDF-1.7\ntwo\n%%EOF\n'), { force: true });
    expect(Buffer.from(journalEntry(path)!.after as Uint8Array).equals(readFileSync(path))).toBe(true);
    expect(Buffer.from(journalEntry(`${path}.bak`)!.after as Uint8Array).toString()).toBe('%PDF-1.7 edited by hand');
  });

  it('a PDF gets a comment line after its end', () => {
    const s = Buffer.from(stampBinary('a.pdf', Buffer.from('%PDF-1.7\n...\n%%EOF\n')));
    expect(s.toString()).toMatch(/%%EOF\n\n%wep-generated sha256=[0-9a-f]{16}\n$/);
  });

  it('edited (one byte changed, or the stamp gone) is refused; --force keeps a backup', () => {
    const path = join(dir, 'p.pdf');
    writeBinaryGenerated(path, Buffer.from('%PDF-1.7\nfirst\n%%EOF\n'));
    const b = readFileSync(path);
    b[10] = 0x58;
    writeFileSync(path, b);
    expect(binaryState(path)).toBe('edited');
    expect(() => writeBinaryGenerated(path, Buffer.from('%PDF-1.7\nsecond\n%%EOF\n'), { display: 'p.pdf' })).toThrow('p.pdf has been edited since wep wrote it');
    const w = writeBinaryGenerated(path, Buffer.from('%PDF-1.7\nsecond\n%%EOF\n'), { force: true });
    expect(w.backup).toBe(`${path}.bak`);
    expect(readFileSync(`${path}.bak`)).toEqual(b);
    writeFileSync(path, '%PDF-1.7 no stamp');
    expect(binaryState(path)).toBe('edited');
  });
});

describe('keepDtstamp', () => {
  const cal = (stamp: string, summary = 'Meeting') => `BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nDTSTAMP:${stamp}\r\nSUMMARY:${summary}\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n`;

  it('an invitation unchanged but for DTSTAMP keeps the one on disk; a changed one gets the new stamp', () => {
    const path = join(dir, 'invite.ics');
    expect(keepDtstamp(path, cal('20261122T120000Z'))).toBe(cal('20261122T120000Z'));
    writeGenerated(path, cal('20261122T120000Z'));
    expect(keepDtstamp(path, cal('20261123T120000Z'))).toBe(cal('20261122T120000Z'));
    expect(writeGenerated(path, keepDtstamp(path, cal('20261123T120000Z'))).status).toBe('same');
    expect(keepDtstamp(path, cal('20261123T120000Z', 'Moved'))).toBe(cal('20261123T120000Z', 'Moved'));
  });
});
