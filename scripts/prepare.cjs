#!/usr/bin/env node
// npm's `prepare` hook: builds dist/ on `npm ci` / `npm install` in a checkout and before
// `npm pack` / `npm publish`, so the package ships built. With `--omit=dev` the build tools are
// not installed; then there is nothing to build with, and that is not an error: the published
// package already holds dist/, and a checkout says how to build it (README, "Installing").
const { spawnSync } = require('node:child_process');
const { rmSync } = require('node:fs');
const { dirname, join } = require('node:path');

let tsup;
try {
  tsup = require.resolve('tsup/package.json');
} catch {
  console.error('wep: tsup (a development dependency) is not installed, so dist/ was not built.');
  console.error('  To build: npm ci && npm run build (then npm prune --omit=dev if you want).');
  process.exit(0);
}
rmSync('dist', { recursive: true, force: true });
const bin = join(dirname(tsup), require(tsup).bin.tsup);
const r = spawnSync(process.execPath, [bin], { stdio: 'inherit' });
process.exit(r.status ?? 1);
