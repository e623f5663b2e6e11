/**
 * registersFingerprint stands for every meeting.yaml and minutes.md: what `wep status` keeps
 * is reused only while it is the same, so any write, addition or removal must change it, and
 * anything it cannot vouch for (a link, a file written a moment ago) must give no fingerprint.
 */
import { mkdirSync, mkdtempSync, renameSync, rmSync, symlinkSync, unlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { registersFingerprint } from '../../../src/io/registers.js';

const base = mkdtempSync(join(tmpdir(), 'wep-fingerprint-'));
afterAll(() => rmSync(base, { recursive: true, force: true }));

let root: string;
let n = 0;
const file = (rel: string) => join(root, 'meetings', rel);
const put = (rel: string, text: string) => {
  mkdirSync(join(file(rel), '..'), { recursive: true });
  writeFileSync(file(rel), text);
};
/** Far enough ahead that every file counts as settled. */
const later = () => Date.now() + 60_000;

beforeEach(() => {
  root = join(base, `r${n++}`);
  put('2026-10-08-partnership/meeting.yaml', 'date: 2026-10-08\n');
  put('2026-12-10-partnership/meeting.yaml', 'date: 2026-12-10\n');
  put('2026-10-08-partnership/minutes.md', '# Minutes\n');
  mkdirSync(join(root, 'meetings/notes'));
});

describe('registersFingerprint', () => {
  it('is the same while nothing is written', () => {
    const f = registersFingerprint(root, later());
    expect(f).toMatch(/^[0-9a-f]{32}$/);
    expect(registersFingerprint(root, later())).toBe(f);
  });

  it('changes when a record is rewritten to the same size with its old modification time put back', () => {
    const path = file('2026-10-08-partnership/meeting.yaml');
    const old = new Date('2026-01-01T00:00:00Z');
    utimesSync(path, old, old);
    const f = registersFingerprint(root, later());
    writeFileSync(path, 'date: 2026-10-09\n');
    utimesSync(path, old, old);
    expect(registersFingerprint(root, later())).not.toBe(f);
  });

  it('changes when minutes.md is added, removed or replaced by a copy, and when a meeting is added or removed', () => {
    let last = registersFingerprint(root, later());
    const step = (change: () => void) => {
      change();
      const f = registersFingerprint(root, later());
      expect(f).toBeDefined();
      expect(f).not.toBe(last);
      last = f;
    };
    step(() => put('2026-12-10-partnership/minutes.md', '# Minutes\n'));
    step(() => unlinkSync(file('2026-12-10-partnership/minutes.md')));
    step(() => {
      writeFileSync(file('2026-10-08-partnership/minutes.tmp'), '# Minutes\n');
      renameSync(file('2026-10-08-partnership/minutes.tmp'), file('2026-10-08-partnership/minutes.md'));
    });
    step(() => put('2027-01-14-partnership/meeting.yaml', 'date: 2027-01-14\n'));
    step(() => rmSync(file('2026-12-10-partnership'), { recursive: true }));
  });

  it('ignores what the registers do not read', () => {
    const f = registersFingerprint(root, later());
    put('2026-10-08-partnership/papers/paper.md', 'A paper\n');
    put('notes/meeting.yaml', 'not a meeting folder\n');
    expect(registersFingerprint(root, later())).toBe(f);
  });

  it('gives none when a record was written within two seconds of now', () => {
    expect(registersFingerprint(root, Date.now())).toBeUndefined();
    expect(registersFingerprint(root, Date.now() + 2500)).toBeDefined();
  });

  it('gives none when a record is a link, since its target can change under it', () => {
    put('elsewhere.md', '# Minutes\n');
    symlinkSync(file('elsewhere.md'), file('2026-12-10-partnership/minutes.md'));
    expect(registersFingerprint(root, later())).toBeUndefined();
  });

  it('gives an empty repo one and a folder that cannot be listed none', () => {
    const empty = join(base, 'empty');
    mkdirSync(empty);
    expect(registersFingerprint(empty, later())).toBeDefined();
    writeFileSync(join(empty, 'meetings'), 'a file where the folder belongs');
    expect(registersFingerprint(empty, later())).toBeUndefined();
  });
});
