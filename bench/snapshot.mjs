#!/usr/bin/env node
// Would a start-up snapshot make the hot commands quicker than V8's code cache does?
//
//   npm run build && node bench/snapshot.mjs [--rounds 31]
//
// Builds a user-land start-up snapshot (node --build-snapshot, Node 20) holding wep's bundle
// with its top-level code run, then times, interleaved on the bundled example, bare `node -e 0`,
// wep as it starts today (bin/wep.cjs: the bundle through V8's code cache) and the same bundle
// started from the snapshot (`node --snapshot-blob FILE`). Everything is made in a temporary
// folder and removed at the end. This is a measurement, not a way of running wep: a bin script
// cannot start node with --snapshot-blob without starting a second node.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { opt, root } from './cli-args.mjs';

const rounds = Number(opt('--rounds', 31));
const bundlePath = join(root, 'dist/cli.cjs');
if (!existsSync(bundlePath)) {
  console.error('dist/ is missing: run `npm run build` first');
  process.exit(2);
}

// The bundle ends by starting the CLI: `process.on("SIGINT", ...); main(process.argv);`. The
// snapshot keeps `main` and calls it when it is started instead.
const bundle = readFileSync(bundlePath, 'utf8');
const start = /process\.on\("SIGINT",\s*\(\)\s*=>\s*process\.exit\(130\)\);\s*(?:void\s+)?([\w$]+)\(process\.argv\);/;
const found = start.exec(bundle);
if (!found) {
  console.error("the bundle's start (process.on(\"SIGINT\", ...); main(process.argv)) was not found: has src/cli.ts changed?");
  process.exit(2);
}
const work = mkdtempSync(join(tmpdir(), 'wep-snapshot-'));
try {
  writeFileSync(join(work, 'cli-for-snapshot.cjs'), bundle.replace(found[0], `globalThis.__wepMain = ${found[1]};`));
  writeFileSync(
    join(work, 'entry.cjs'),
    [
      "const { readFileSync } = require('node:fs');",
      "const v8 = require('node:v8');",
      `const file = ${JSON.stringify(join(work, 'cli-for-snapshot.cjs'))};`,
      "const module = { exports: {} };",
      // run as dist/cli.cjs, so it finds wep's templates and schemas where the bundle does
      "new Function('exports', 'require', 'module', '__filename', '__dirname', readFileSync(file, 'utf8'))(module.exports, require, module, " +
        `${JSON.stringify(bundlePath)}, ${JSON.stringify(join(root, 'dist'))});`,
      'v8.startupSnapshot.setDeserializeMainFunction(() => {',
      "  process.on('SIGINT', () => process.exit(130));",
      '  globalThis.__wepMain(process.argv);',
      '});',
      '',
    ].join('\n'),
  );
  const blob = join(work, 'wep.blob');
  const build = spawnSync(process.execPath, ['--snapshot-blob', blob, '--build-snapshot', join(work, 'entry.cjs')], { encoding: 'utf8' });
  if (build.status !== 0) throw new Error(`building the snapshot failed: ${build.stderr}`);

  const env = { ...process.env, WEP_TODAY: '2026-11-22', WEP_CACHE_DIR: join(work, 'cache'), NO_COLOR: '1' };
  const bin = join(root, 'bin/wep.cjs');
  const commands = [
    ['check', '--quiet'],
    ['members', '--json'],
  ];
  const cases = [{ name: 'node -e 0', argv: ['-e', '0'] }];
  for (const c of commands) {
    cases.push({ name: `wep ${c[0]} (code cache)`, argv: [bin, ...c] });
    // argv[1] is where the script name would be; the snapshot's main reads process.argv as wep does
    cases.push({ name: `wep ${c[0]} (snapshot)`, argv: ['--snapshot-blob', blob, bin, ...c] });
  }
  const time = (c) => {
    const t0 = process.hrtime.bigint();
    const r = spawnSync(process.execPath, c.argv, { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
    if (r.status !== 0) throw new Error(`${c.name} exited ${r.status}: ${r.stderr}`);
    return { ms: Number(process.hrtime.bigint() - t0) / 1e6, out: r.stdout.toString() };
  };
  // warm-up, and both ways of starting give the same answer
  for (const c of cases) c.out = time(c).out;
  for (let i = 1; i < cases.length; i += 2) {
    if (cases[i].out !== cases[i + 1].out) throw new Error(`${cases[i].name} and ${cases[i + 1].name} printed different output`);
  }
  const samples = cases.map(() => []);
  for (let r = 0; r < rounds; r++) cases.forEach((c, i) => samples[i].push(time(c).ms));
  const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
  const base = median(samples[0]);
  console.log(`median of ${rounds} interleaved runs (node ${process.version}); snapshot ${(readFileSync(blob).length / 1e6).toFixed(1)} MB\n`);
  cases.forEach((c, i) => console.log(`${c.name.padEnd(30)} ${`${median(samples[i]).toFixed(1)} ms`.padStart(9)} ${`${(median(samples[i]) / base).toFixed(2)}x`.padStart(6)}`));
} finally {
  rmSync(work, { recursive: true, force: true });
}
