import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempRepos, wep } from '../helpers/wep.js';

// What a command does not use, it does not load: each heavy module is required only by the
// commands that need it.
const repo = tempRepos({ withMeetings: true });

/** Runs wep in a new repo with Node's module loader watched: what it required whose name matches `pattern`. */
function required(args: string[], pattern: RegExp): string[] {
  const dir = repo();
  const trace = join(dir, '.trace.cjs');
  writeFileSync(
    trace,
    `const M = require('module'); const load = M._load; M._load = function (r, ...a) { if (${pattern}.test(r)) process.stderr.write('required: ' + r + '\\n'); return load.call(this, r, ...a); };\n`,
  );
  const r = wep(args, { cwd: dir, env: { NODE_OPTIONS: `--require ${trace}` } });
  expect(r.code).toBe(0);
  return [...r.stderr.matchAll(/^required: (.*)$/gm)].map((m) => m[1]!);
}

// markdown-it is for `wep publish` only: the hot commands never load it. Publish loads the
// build's own copy beside the bundle (dist/markdown-it.cjs, its fields as plain stores), not the
// one in node_modules.
describe('markdown-it loads only in wep publish', () => {
  it.each([
    [['check', '--quiet'], false],
    [['deadlines', '2026-12-10'], false],
    [['members'], false],
    [['publish'], true],
  ])('wep %j loads it: %s', (args, loads) => {
    expect(required(args, /markdown-it/)).toEqual(loads ? ['./markdown-it.cjs'] : []);
  });
});

// node:crypto (twenty of Node's own modules) loads only when something is hashed: `wep status`
// reaches the modules that stamp generated files through io/git.ts and hashes nothing, while
// `wep notice` stamps the notice it writes.
describe('node:crypto loads only where wep hashes', () => {
  it.each([
    [['status'], false],
    [['check', '--quiet'], false],
    [['notice', '--meeting', '2026-12-10-partnership'], true],
  ])('wep %j loads it: %s', (args, loads) => {
    expect(required(args, /^(node:)?crypto$/).length > 0).toBe(loads);
  });
});
