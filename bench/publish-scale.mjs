#!/usr/bin/env node
// How `wep publish` grows with the records: synthetic repos (bench/gen-records.mjs) of 2, 5, 10
// and 20 years, each published cold (empty meeting cache: every meeting.yaml parsed) and warm
// (cache filled, as on a clerk's machine or a CI cache). Reports meetings, pages, size and time.
//
//   npm run build && node bench/publish-scale.mjs [--years 2,5,10,20] [--runs 3] [--json]
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const bin = join(root, 'bin/wep.js');
const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : dflt;
};
const years = opt('--years', '2,5,10,20').split(',').map(Number);
const runs = Number(opt('--runs', 3));
const asJson = args.includes('--json');

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const walk = (d) => readdirSync(d, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(d, e.name)) : [join(d, e.name)]));

function timed(argv, cwd, env) {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, argv, { cwd, env, encoding: 'utf8' });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  if (r.status !== 0) throw new Error(`${argv.join(' ')} exited ${r.status}: ${r.stderr}`);
  return ms;
}

const rows = [];
const work = mkdtempSync(join(tmpdir(), 'wep-publish-scale-'));
try {
  for (const y of years) {
    const repo = join(work, `repo-${y}`);
    const gen = spawnSync(process.execPath, [join(root, 'bench/gen-records.mjs'), repo, '--years', String(y), '--no-git'], { encoding: 'utf8' });
    if (gen.status !== 0) throw new Error(gen.stderr);
    const meetings = readdirSync(join(repo, 'meetings')).length;
    const cold = [];
    const warm = [];
    for (let i = 0; i < runs; i++) {
      const cache = mkdtempSync(join(work, 'cache-'));
      const env = { ...process.env, WEP_TODAY: '2026-11-22', WEP_CACHE_DIR: cache, NO_COLOR: '1' };
      cold.push(timed([bin, 'publish', '--out', 'site'], repo, env));
      warm.push(timed([bin, 'publish', '--out', 'site'], repo, env));
      rmSync(cache, { recursive: true, force: true });
    }
    const files = walk(join(repo, 'site'));
    const bytes = files.reduce((n, f) => n + statSync(f).size, 0);
    rows.push({ years: y, meetings, files: files.length, megabytes: +(bytes / 1e6).toFixed(1), coldMs: Math.round(median(cold)), warmMs: Math.round(median(warm)) });
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}

if (asJson) console.log(JSON.stringify(rows, null, 2));
else {
  console.log('years  meetings  files   MB   cold ms  warm ms  warm ms/meeting');
  for (const r of rows) {
    console.log(
      `${String(r.years).padStart(5)}  ${String(r.meetings).padStart(8)}  ${String(r.files).padStart(5)}  ${String(r.megabytes).padStart(4)}  ${String(r.coldMs).padStart(7)}  ${String(r.warmMs).padStart(7)}  ${(r.warmMs / r.meetings).toFixed(2).padStart(15)}`,
    );
  }
}
