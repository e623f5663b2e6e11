import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { WepError } from '../../../src/core/errors.js';
import { generatedState, stamp, writeGenerated } from '../../../src/io/generated.js';

const dir = mkdtempSync(join(tmpdir(), 'wep-generated-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('generated files', () => {
  it('stamps Markdown and HTML with a comment on the last line, iCalendar with an X- property', () => {
    expect(stamp('notice.md', '# Notice\n')).toMatch(/^# Notice\n<!-- wep-generated sha256=[0-9a-f]{16} -->\n$/);
    expect(stamp('notice.md', '# Notice')).toMatch(/^# Notice\n<!-- wep-generated/);
    const ics = stamp('invite.ics', 'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n');
    expect(ics).toMatch(/^BEGIN:VCALENDAR\r\nVERSION:2\.0\r\nX-WEP-GENERATED:wep-generated sha256=[0-9a-f]{16}\r\nEND:VCALENDAR\r\n$/);
    expect(stamp('notice.md', 'a\n')).not.toBe(stamp('notice.md', 'b\n'));
  });

  it('puts the iCalendar stamp among the calendar properties, before the first component (RFC 5545)', () => {
    const ics = stamp('invite.ics', 'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nMETHOD:REQUEST\r\nBEGIN:VTIMEZONE\r\nTZID:Europe/London\r\nEND:VTIMEZONE\r\nBEGIN:VEVENT\r\nUID:x\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n');
    const lines = ics.split('\r\n');
    expect(lines.findIndex((l) => l.startsWith('X-WEP-GENERATED:'))).toBe(3);
    expect(lines[4]).toBe('BEGIN:VTIMEZONE');
    expect(lines.filter((l) => l.startsWith('X-WEP-GENERATED:'))).toHaveLength(1);
  });

  it('knows whether the clerk has edited a file', () => {
    const p = join(dir, 'state.md');
    expect(generatedState(p)).toBe('absent');
    writeFileSync(p, stamp(p, '# Notice\n'));
    expect(generatedState(p)).toBe('unchanged');
    writeFileSync(p, readFileSync(p, 'utf8').replace('# Notice', '# Notice, edited'));
    expect(generatedState(p)).toBe('edited');
    writeFileSync(p, '# no stamp\n');
    expect(generatedState(p)).toBe('edited');
    // line endings changed by an editor or git on Windows are not an edit
    writeFileSync(p, stamp(p, '# Notice\nline\n').replace(/\n/g, '\r\n'));
    expect(generatedState(p)).toBe('unchanged');
    const ics = join(dir, 'state.ics');
    writeFileSync(ics, stamp(ics, 'BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n'));
    expect(generatedState(ics)).toBe('unchanged');
  });

  it('writes new files, leaves identical ones, replaces unedited ones', () => {
    const p = join(dir, 'write.md');
    expect(writeGenerated(p, 'one\n')).toEqual({ path: p, status: 'written', backup: undefined });
    expect(writeGenerated(p, 'one\n')).toEqual({ path: p, status: 'same' });
    expect(writeGenerated(p, 'two\n').status).toBe('written');
    expect(readFileSync(p, 'utf8')).toBe(stamp(p, 'two\n'));
  });

  it('refuses to overwrite an edited file; --force keeps a numbered backup', () => {
    const p = join(dir, 'edited.md');
    writeGenerated(p, 'wep wrote this\n');
    writeFileSync(p, 'the clerk wrote this\n');
    let err: unknown;
    try {
      writeGenerated(p, 'new\n', { display: 'meetings/x/edited.md' });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(WepError);
    expect((err as WepError).message).toBe('meetings/x/edited.md has been edited since wep wrote it; wep will not overwrite it');
    expect((err as WepError).hint).toBe('keep your edits, or run again with --force to regenerate it (your version is kept as edited.md.bak)');
    expect((err as WepError).exitCode).toBe(2);
    expect(readFileSync(p, 'utf8')).toBe('the clerk wrote this\n');

    const r = writeGenerated(p, 'new\n', { force: true });
    expect(r).toEqual({ path: p, status: 'written', backup: `${p}.bak` });
    expect(readFileSync(`${p}.bak`, 'utf8')).toBe('the clerk wrote this\n');
    writeFileSync(p, 'edited again\n');
    expect(writeGenerated(p, 'newer\n', { force: true }).backup).toBe(`${p}.bak2`);
    expect(readFileSync(`${p}.bak`, 'utf8')).toBe('the clerk wrote this\n');
    expect(readFileSync(`${p}.bak2`, 'utf8')).toBe('edited again\n');
    expect(existsSync(`${p}.bak3`)).toBe(false);
  });
});
