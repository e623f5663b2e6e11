import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempRepos, wep } from '../helpers/wep.js';

// node:crypto (twenty of Node's own modules) loads only when something is hashed: `wep status`
// reaches the modules that stamp generated files through io/git.ts and hashes nothing, while
// `wep notice` stamps the notice it writes.
const repo = tempRepos({ withMeetings: true });

describe('node:crypto loads only where wep hashes', () => {
  it.each([
    [['status'], false],
    [['check', '--quiet'], false],
    [['notice', '--meeting', '2026-12-10-partnership'], true],
  ])('wep %j loads it: %s', (args, loads) => {
    const dir = repo();
    const trace = join(dir, '.trace.cjs');
    writeFileSync(
      trace,
      "const M = require('module'); const load = M._load; M._load = function (r, ...a) { if (/^(node:)?crypto$/.test(r)) process.stderr.write('crypto loaded\\n'); return load.call(this, r, ...a); };\n",
    );
    const r = wep(args, { cwd: dir, env: { NODE_OPTIONS: `--require ${trace}` } });
    expect(r.code).toBe(0);
    expect(/crypto loaded/.test(r.stderr)).toBe(loads);
  });
});
