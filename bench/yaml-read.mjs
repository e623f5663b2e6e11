#!/usr/bin/env node
// Reading YAML records: the full parser (yaml's parseDocument and the tree built from it)
// against the fast reader (src/io/yaml-fast.ts), on generated records. Run by hand; it prints
// the time per file of each, their ratio, and how many files the fast reader left to the
// full parser.
//
//   node bench/yaml-read.mjs [--years 20] [--rounds 5] [--dir DIR]
//
// --dir DIR: records made by bench/gen-records.mjs (made in a temporary folder when missing).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { args, opt, root } from './cli-args.mjs';

const rounds = Number(opt('--rounds', 5));
const work = mkdtempSync(join(tmpdir(), 'wep-bench-yaml-'));
try {
  let dir = opt('--dir', undefined);
  if (!dir || !existsSync(join(dir, 'meetings'))) {
    dir ??= join(work, 'records');
    const gen = spawnSync(process.execPath, [join(root, 'bench/gen-records.mjs'), dir, '--years', opt('--years', '20'), '--no-git'], { stdio: 'inherit' });
    if (gen.status !== 0) process.exit(gen.status ?? 1);
  }

  // The two readers, compiled from the TypeScript sources into one CommonJS file.
  const { build } = await import('esbuild');
  const out = join(work, 'readers.cjs');
  await build({
    stdin: { contents: "export { readFastPNode } from './src/io/yaml-fast.ts'; export { slowPNode } from './src/io/yaml-source.ts';", resolveDir: root, loader: 'ts' },
    bundle: true,
    platform: 'node',
    format: 'cjs',
    outfile: out,
    logLevel: 'warning',
  });
  const { readFastPNode, slowPNode } = createRequire(import.meta.url)(out);

  const texts = [readFileSync(join(dir, 'partnership.yaml'), 'utf8')];
  for (const m of readdirSync(join(dir, 'meetings'))) texts.push(readFileSync(join(dir, 'meetings', m, 'meeting.yaml'), 'utf8'));
  const bytes = texts.reduce((n, t) => n + Buffer.byteLength(t), 0);

  let left = 0;
  for (const t of texts) {
    const fast = readFastPNode(t);
    if (!fast) left++;
    else if (!isDeepStrictEqual(fast.root, slowPNode(t).root)) throw new Error('the fast reader gave a different tree: run the tests');
  }

  const time = (read) => {
    const times = [];
    for (let r = 0; r < rounds; r++) {
      const t0 = process.hrtime.bigint();
      for (const t of texts) read(t);
      times.push(Number(process.hrtime.bigint() - t0) / 1e6);
    }
    return times.sort((a, b) => a - b)[Math.floor(times.length / 2)];
  };
  // the fast reader falls back to the full parser for what it leaves, as parseYaml does
  const slow = time((t) => slowPNode(t));
  const fast = time((t) => readFastPNode(t) ?? slowPNode(t));
  const per = (ms) => `${((ms * 1000) / texts.length).toFixed(0)} µs/file`;
  console.log(`${texts.length} files, ${(bytes / 1024).toFixed(0)} KiB, median of ${rounds} rounds`);
  console.log(`full parser  ${slow.toFixed(0)} ms  (${per(slow)})`);
  console.log(`fast reader  ${fast.toFixed(0)} ms  (${per(fast)}), ${left} file(s) left to the full parser`);
  console.log(`ratio        ${(slow / fast).toFixed(1)}x`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
