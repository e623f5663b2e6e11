#!/usr/bin/env node
// How `wep publish` grows with the records: synthetic repos (bench/gen-records.mjs) of 2, 5, 10
// and 20 years, each published cold (empty meeting cache: every meeting.yaml parsed) and warm
// (cache filled, as on a clerk's machine or a CI cache). Reports meetings, pages, size and time.
//
//   npm run build && node bench/publish-scale.mjs [--years 2,5,10,20] [--runs 3] [--json] [--bin PATH]
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { args, opt, root } from './cli-args.mjs';

// --bin PATH: time another build of wep (e.g. a copy, while dist/ is being rebuilt).
const bin = resolve(opt('--bin', join(root, 'bin/wep.cjs')));
const years = opt('--years', '2,5,10,20').split(',').map(Number);
const runs = Number(opt('--runs', 3));
const asJson = args.includes('--json');

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const walk = (d) => readdirSync(d, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(d, e.name)) : [join(d, e.name)]));

// Wall time depends on how busy the machine is; CPU time (user + system, from /usr/bin/time
// when there is one) much less, so both are reported.
const hasTime = existsSync('/usr/bin/time');
function timed(argv, cwd, env) {
  const t0 = process.hrtime.bigint();
  const cmd = hasTime ? ['/usr/bin/time', ['-f', 'CPU %U %S', process.execPath, ...argv]] : [process.execPath, argv];
  const r = spawnSync(cmd[0], cmd[1], { cwd, env, encoding: 'utf8' });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  if (r.status !== 0) throw new Error(`${argv.join(' ')} exited ${r.status}: ${r.stderr}`);
  const cpu = /CPU ([\d.]+) ([\d.]+)/.exec(r.stderr);
  return { ms, cpuMs: cpu ? (Number(cpu[1]) + Number(cpu[2])) * 1000 : NaN };
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
    const med = (xs, k) => Math.round(median(xs.map((x) => x[k])));
    rows.push({
      years: y,
      meetings,
      files: files.length,
      megabytes: +(bytes / 1e6).toFixed(1),
      coldMs: med(cold, 'ms'),
      coldCpuMs: med(cold, 'cpuMs'),
      warmMs: med(warm, 'ms'),
      warmCpuMs: med(warm, 'cpuMs'),
    });
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}

if (asJson) console.log(JSON.stringify(rows, null, 2));
else {
  const cols = [
    ['years', 'years'],
    ['meetings', 'meetings'],
    ['files', 'files'],
    ['MB', 'megabytes'],
    ['cold ms', 'coldMs'],
    ['cold cpu ms', 'coldCpuMs'],
    ['warm ms', 'warmMs'],
    ['warm cpu ms', 'warmCpuMs'],
  ];
  console.log(cols.map(([h]) => h.padStart(12)).join(''));
  for (const r of rows) console.log(cols.map(([, k]) => String(r[k]).padStart(12)).join(''));
  console.log('cold: empty meeting cache (every meeting.yaml parsed), no earlier site; warm: cache filled, replacing the earlier site.');
}
