import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempRepos, wep } from '../helpers/wep.js';

// markdown-it is for `wep publish` only: the hot commands never load it. Publish loads the
// build's own copy beside the bundle (dist/markdown-it.cjs, its fields as plain stores), not the
// one in node_modules.
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
      "const M = require('module'); const load = M._load; M._load = function (r, ...a) { if (/markdown-it/.test(r)) process.stderr.write('markdown-it loaded: ' + r + '\\n'); return load.call(this, r, ...a); };\n",
    );
    const r = wep(args, { cwd: dir, env: { NODE_OPTIONS: `--require ${trace}` } });
    expect(r.code).toBe(0);
    expect(r.stderr.match(/markdown-it loaded: .*/g) ?? []).toEqual(loads ? ['markdown-it loaded: ./markdown-it.cjs'] : []);
  });
});
