/** A closed pipe never changes the exit code: `wep quorum ... | head -1` still says "not quorate". */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, tempRepos } from '../helpers/wep.js';

const repo = tempRepos({ git: false });

/** Runs `wep ARGS | head -1` under bash with pipefail: wep's own exit code, and what head printed. */
function piped(dir: string, args: string, reader = 'head -1') {
  const script = `set -o pipefail; "${process.execPath}" "${BIN}" ${args} | ${reader}`;
  const r = spawnSync('bash', ['-c', script], { cwd: dir, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', WEP_TODAY: '2026-11-22', WEP_CACHE_DIR: join(dir, '.cache') } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('a closed pipe', () => {
  it('keeps exit 3 for an inquorate meeting, every time', () => {
    const dir = repo();
    for (let i = 0; i < 8; i++) {
      const r = piped(dir, 'quorum --present ph-ahmed');
      expect(r.code).toBe(3);
      expect(r.stdout).toMatch(/^NOT QUORATE: /);
      expect(r.stderr).toBe('');
    }
  });

  it('keeps exit 0 when quorate, and 2 for bad input, with a reader that reads nothing', () => {
    const dir = repo();
    expect(piped(dir, 'quorum --present chair-okafor,ph-ahmed,ph-brown,sh-clarke,sh-francis,sf-iqbal,sf-jones', 'true').code).toBe(0);
    const bad = piped(dir, 'quorum --present nobody', 'true');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--present: no person "nobody" in the partnership file');
  });

  it('a long report into head ends quietly, exit 0', () => {
    const dir = repo();
    const r = piped(dir, 'members', 'head -1');
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
  });
});
