import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, wep } from '../helpers/wep.js';

// wep check runs in stages (YAML, schema, cross-references, meeting records). When an early
// stage fails it says the later ones are still to come, so fixing the reported problems and
// then meeting new ones is no surprise.
const FIXTURES = join(ROOT, 'test/fixtures/errors');
const NOTE = 'Entries with a problem of their own, and the meeting records, are cross-checked once these are fixed.';

describe('wep check stages', () => {
  it('after shape errors, says the cross-reference checks are still to come', () => {
    const r = wep(['--file', 'unknown-key.yaml', 'check'], { cwd: FIXTURES });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(NOTE);
    expect(r.stderr.trimEnd().split('\n').at(-1)).toBe('1 error');
  });

  it('reports cross-reference problems in the same run as shape errors elsewhere', () => {
    const text = readFileSync(join(FIXTURES, 'unknown-group.yaml'), 'utf8').replace('email: s.ahmed@example.org', 'emial: s.ahmed@example.org');
    const dir = mkdtempSync(join(tmpdir(), 'wep-stages-'));
    writeFileSync(join(dir, 'partnership.yaml'), text);
    const r = wep(['check'], { cwd: dir });
    rmSync(dir, { recursive: true, force: true });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('error: unknown key "emial"');
    expect(r.stderr).toContain('error: unknown group "secondary-head"');
    expect(r.stderr).toContain(NOTE);
  });

  it('leaves out cross-reference problems inside an entry that has a shape error', () => {
    const text = readFileSync(join(FIXTURES, 'unknown-group.yaml'), 'utf8').replace('group: secondary-head', 'group: secondary-head\n    emial: x@example.org');
    const dir = mkdtempSync(join(tmpdir(), 'wep-stages-'));
    writeFileSync(join(dir, 'partnership.yaml'), text);
    const r = wep(['check'], { cwd: dir });
    rmSync(dir, { recursive: true, force: true });
    expect(r.stderr).toContain('error: unknown key "emial"');
    expect(r.stderr).not.toContain('unknown group');
  });

  it('after cross-reference errors, has nothing more to promise', () => {
    const r = wep(['--file', 'unknown-group.yaml', 'check'], { cwd: FIXTURES });
    expect(r.code).toBe(1);
    expect(r.stderr).not.toContain(NOTE);
  });
});
