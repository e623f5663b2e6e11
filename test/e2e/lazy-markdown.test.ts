import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempRepos, wep } from '../helpers/wep.js';

// markdown-it is for `wep publish` only: the hot commands never load it.
const repo = tempRepos({ withMeetings: true });

describe('markdown-it loads only in wep publish', () => {
  it.each([
    [['check', '--quiet'], false],
    [['deadlines', '2026-12-10'], false],
    [['members'], false],
    [['publish'], true],
  ])('wep %j loads it: %s', (args, loads) => {
    const dir = repo();
    const trace = join(dir, '.trace.cjs');
    writeFileSync(
      trace,
      "const M = require('module'); const load = M._load; M._load = function (r, ...a) { if (r === 'markdown-it') process.stderr.write('markdown-it loaded\\n'); return load.call(this, r, ...a); };\n",
    );
    const r = wep(args, { cwd: dir, env: { NODE_OPTIONS: `--require ${trace}` } });
    expect(r.code).toBe(0);
    expect(r.stderr.includes('markdown-it loaded')).toBe(loads);
  });
});
