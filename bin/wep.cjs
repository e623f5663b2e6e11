#!/usr/bin/env node
// The command's entry: the built CLI in dist/. A checkout that was never built says how to build it.
try {
  require.resolve('../dist/boot.cjs');
} catch {
  const root = require('node:path').resolve(__dirname, '..');
  process.stderr.write(`wep: error: ${root}/dist is missing: wep has not been built\n  fix: run "npm run build" (or "npm ci") in the wep folder\n`);
  process.exit(70);
}
require('../dist/boot.cjs');
