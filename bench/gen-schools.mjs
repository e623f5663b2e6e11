#!/usr/bin/env node
// A partnership with a big schools register for the start-up benchmark: 500 schools in 25
// clusters and 4 alliances, each with a head, 100 deputies as proxies, a Board of the cluster
// representatives, 25 cluster bodies with a schools-represented quorum, and lists by school.
//
//   node bench/gen-schools.mjs DIR [--schools 500]
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const args = process.argv.slice(2);
const dir = args[0];
if (!dir) {
  console.error('usage: node bench/gen-schools.mjs DIR [--schools 500]');
  process.exit(2);
}
const N = Number(args[args.indexOf('--schools') + 1] || 500) || 500;
const out = resolve(dir);
if (existsSync(out) && readdirSync(out).length) {
  console.error(`${out} is not empty: give a new folder`);
  process.exit(2);
}
mkdirSync(join(out, 'meetings'), { recursive: true });

const CLUSTERS = 25;
const phases = ['lower', 'lower', 'lower', 'middle', 'upper'];
const types = ['community', 'academy', 'voluntary-controlled', 'voluntary-aided', 'foundation'];
const lines = [
  '# yaml-language-server: $schema=../schema/partnership.schema.json',
  `# A made-up partnership of ${N} schools, for benchmarks.`,
  'partnership:',
  '  name: Benchmark Schools Partnership',
  '  short: BSP',
  '  clerk: { name: Alex Clerk, email: clerk@bsp.example.org }',
  'groups:',
  `  - { id: cluster-reps, name: Cluster representatives, seats: ${CLUSTERS} }`,
  '  - { id: council, name: Council, seats: 2 }',
  'clusters:',
  ...Array.from({ length: CLUSTERS }, (_, c) => `  - { id: c${c}, name: Cluster ${c} }`),
  'groupings:',
  ...Array.from({ length: 4 }, (_, a) => `  - { id: tsa${a}, name: Teaching School Alliance ${a}, kind: alliance }`),
  'schools:',
];
for (let i = 0; i < N; i++) {
  const type = types[i % types.length];
  const rc = type === 'voluntary-aided' ? 'Roman Catholic' : type === 'voluntary-controlled' || i % 17 === 0 ? 'Church of England' : undefined;
  const trust = type === 'academy' ? `, trust: Trust ${i % 9}` : '';
  lines.push(
    `  - { id: s${i}, name: School ${i} ${phases[i % 5]}, urn: "${100000 + i}", phase: ${phases[i % 5]}, type: ${type}${rc ? `, religious-character: ${rc}` : ''}${trust}, cluster: c${i % CLUSTERS}, groupings: [tsa${i % 4}], head: h${i}, head-name: Head ${i} }`,
  );
}
lines.push('people:');
for (let i = 0; i < N; i++) {
  const rep = i < CLUSTERS ? `, group: cluster-reps, proxy: d${i}` : '';
  lines.push(`  - { id: h${i}, name: Head ${i}, email: head@s${i}.example.org, school: s${i}${rep} }`);
}
for (let i = 0; i < 100; i++) lines.push(`  - { id: d${i}, name: Deputy ${i}, email: deputy@s${i}.example.org, school: s${i}, role: proxy }`);
lines.push('  - { id: la-a, name: Officer A, email: a@council.example.org, group: council, role: officer }', '  - { id: la-b, name: Officer B, email: b@council.example.org, group: council, role: officer }');
lines.push(
  'bodies:',
  '  - id: board',
  '    name: Board',
  '    members:',
  '      - groups: [cluster-reps, council]',
  '    notice: { kind: working-days, days: 7 }',
  '    minutes: { kind: working-days, days: 10 }',
  '    quorum:',
  `      - { kind: per-group, groups: [cluster-reps], min: ${Math.ceil(CLUSTERS / 2)} }`,
);
for (let c = 0; c < CLUSTERS; c++) {
  lines.push(
    `  - id: cluster-${c}`,
    `    name: Cluster ${c}`,
    '    kind: cluster',
    '    accountable-to: board',
    '    members:',
    `      - schools: { cluster: [c${c}] }`,
    '    attendance-by: school',
    '    notice: { kind: working-days, days: 5 }',
    '    minutes: { kind: working-days, days: 10 }',
    '    quorum:',
    '      - { kind: schools-represented, fraction: 1/2 }',
  );
}
lines.push(
  'lists:',
  '  - { id: all-heads, name: All heads, include: [{ schools: {} }] }',
  '  - { id: church-heads, name: Heads of church schools, include: [{ schools: { church: true } }] }',
  '  - { id: upper-heads, name: Upper school heads, include: [{ schools: { phase: [upper] } }] }',
  ...Array.from({ length: 4 }, (_, a) => `  - { id: tsa${a}, name: Alliance ${a} heads, include: [{ schools: { grouping: [tsa${a}] } }] }`),
);
writeFileSync(join(out, 'partnership.yaml'), `${lines.join('\n')}\n`);
console.error(`wrote ${out}/partnership.yaml: ${N} schools, ${lines.length} lines`);
