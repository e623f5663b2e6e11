import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, wep } from '../helpers/wep.js';

// wep check runs in stages (YAML, schema, cross-references, meeting records). When an early
// stage fails it says the later ones are still to come, so fixing the reported problems and
// then meeting new ones is no surprise.
const FIXTURES = join(ROOT, 'test/fixtures/errors');
const NOTE = 'Cross-references (unknown ids, proxies, seats, quorum rules) and the meeting records are checked once these are fixed.';

describe('wep check stages', () => {
  it('after shape errors, says the cross-reference checks are still to come', () => {
    const r = wep(['--file', 'unknown-key.yaml', 'check'], { cwd: FIXTURES });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(NOTE);
    expect(r.stderr.trimEnd().split('\n').at(-1)).toBe('1 error');
  });

  it('after cross-reference errors, has nothing more to promise', () => {
    const r = wep(['--file', 'unknown-group.yaml', 'check'], { cwd: FIXTURES });
    expect(r.code).toBe(1);
    expect(r.stderr).not.toContain(NOTE);
  });
});
