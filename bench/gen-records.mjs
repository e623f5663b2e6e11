#!/usr/bin/env node
// A synthetic records repo for benchmarks: 20 years (2007-2026) of meetings of a partnership
// board, an operational group and six locality clusters (over 1,000 meetings), 400 schools and
// over 500 people. Deterministic: the same folder contents on every run.
//
//   node bench/gen-records.mjs DIR [--years 20] [--today 2026-11-22] [--no-git] [--no-minutes]
//
// --years N keeps the same shape over fewer years (e.g. --years 2 for about 100 meetings), for
// measuring how time grows with the number of meetings. Every meeting whose minutes went out
// has a minutes.md, as in a clerk's repo; --no-minutes leaves them out (meeting.yaml is the same
// either way).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : dflt;
};
const dir = args.find((a, i) => !a.startsWith('--') && !(i > 0 && args[i - 1].startsWith('--') && args[i - 1] !== '--no-git' && args[i - 1] !== '--no-minutes'));
if (!dir) {
  console.error('usage: node bench/gen-records.mjs DIR [--years 20] [--today 2026-11-22] [--no-git] [--no-minutes]');
  process.exit(2);
}
const YEARS = Number(opt('--years', 20));
const TODAY = opt('--today', '2026-11-22');
const LAST_YEAR = Number(TODAY.slice(0, 4));
const FIRST_YEAR = LAST_YEAR - YEARS + 1;
// Everyone's current term began before the first meeting, so the records check clean.
const TERMS_FROM = `${FIRST_YEAR - 1}-09-01`;
const out = resolve(dir);
if (existsSync(out) && readdirSync(out).length) {
  console.error(`${out} is not empty: give a new folder`);
  process.exit(2);
}

// mulberry32: a small seeded PRNG, so every run writes the same records.
let seed = 20261122;
function rand() {
  seed |= 0;
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const pick = (xs) => xs[Math.floor(rand() * xs.length)];
const chance = (p) => rand() < p;

const FIRST = ['Amira', 'Ben', 'Chloe', 'Dan', 'Ella', 'Farid', 'Grace', 'Hugo', 'Isla', 'Jack', 'Kiran', 'Lena', 'Mo', 'Nia', 'Owen', 'Priya', 'Quinn', 'Rosa', 'Sam', 'Tariq'];
const LAST = ['Adams', 'Baker', 'Chen', 'Doyle', 'Evans', 'Fox', 'Gill', 'Hart', 'Iqbal', 'Jones', 'Khan', 'Lowe', 'Mills', 'Nash', 'Owusu', 'Patel', 'Reid', 'Shah', 'Turner', 'Wood'];
const name = () => `${pick(FIRST)} ${pick(LAST)}`;
const pad = (n, w = 3) => String(n).padStart(w, '0');
const q = (s) => JSON.stringify(s);

// ---------------------------------------------------------------------------- partnership.yaml
const CLUSTERS = ['north', 'south', 'east', 'west', 'central', 'rural'];
const schools = [];
const people = [];
for (let i = 1; i <= 400; i++) {
  const phase = i <= 300 ? 'primary' : i <= 380 ? 'secondary' : 'special';
  schools.push({ id: `sch-${pad(i)}`, name: `School ${pad(i)}`, phase, type: pick(['academy', 'community', 'foundation', 'voluntary-aided']), cluster: CLUSTERS[i % CLUSTERS.length], head: `head-${pad(i)}` });
}
// Heads: the first four primary, three secondary heads sit on the board for their group.
for (const s of schools) {
  const n = Number(s.id.slice(4));
  const group = n <= 4 ? 'primary-heads' : n >= 301 && n <= 303 ? 'secondary-heads' : undefined;
  people.push({ id: s.head, name: name(), email: `head${pad(n)}@schools.example.org`, school: s.id, group, proxy: group ? `px-${pad(n)}` : undefined, term: group ? { start: TERMS_FROM, end: pick(['2026-12-31', '2027-08-31', '2028-08-31']) } : undefined });
}
for (const n of [1, 2, 3, 4, 301, 302, 303]) people.push({ id: `px-${pad(n)}`, name: name(), email: `deputy${pad(n)}@schools.example.org`, role: 'proxy' });
for (let i = 1; i <= 3; i++) people.push({ id: `sf-${i}`, name: name(), email: `forum${i}@example.org`, group: 'schools-forum', proxy: `px-sf-${i}`, term: { start: TERMS_FROM, end: '2028-08-31' } });
for (let i = 1; i <= 3; i++) people.push({ id: `px-sf-${i}`, name: name(), email: `forumproxy${i}@example.org`, role: 'proxy' });
people.push({ id: 'chair', name: name(), email: 'chair@example.org', group: 'independent', role: 'chair', term: { start: TERMS_FROM, end: '2027-08-31' } });
for (let i = 1; i <= 90; i++) people.push({ id: `la-${pad(i)}`, name: name(), email: `officer${pad(i)}@council.example.org`, role: i >= 3 && i <= 14 ? 'member' : 'officer', group: i <= 2 ? 'local-authority' : undefined });

const y = [];
y.push('# Synthetic records for benchmarks (bench/gen-records.mjs). Every person is fictional.');
y.push('partnership:', '  name: Synthetic Education Partnership', '  short: SEP', '  clerk:', '    name: Bench Clerk', '    email: clerk@example.org', '  calendar:', '    nation: england-and-wales');
y.push('groups:');
for (const [id, nm, seats] of [
  ['primary-heads', 'Primary Heads', 4],
  ['secondary-heads', 'Secondary Heads', 3],
  ['schools-forum', 'Schools Forum', 3],
  ['local-authority', 'Local Authority', 2],
  ['independent', 'Independent Chair', 1],
]) y.push(`  - { id: ${id}, name: ${q(nm)}, seats: ${seats} }`);
y.push('clusters:');
for (const c of CLUSTERS) y.push(`  - { id: ${c}, name: ${q(`${c[0].toUpperCase()}${c.slice(1)} cluster`)} }`);
y.push('schools:');
for (const s of schools) y.push(`  - { id: ${s.id}, name: ${q(s.name)}, phase: ${s.phase}, type: ${s.type}, cluster: ${s.cluster}, head: ${s.head} }`);
y.push('people:');
for (const p of people) {
  const bits = [`id: ${p.id}`, `name: ${q(p.name)}`, `email: ${p.email}`];
  if (p.group) bits.push(`group: ${p.group}`);
  if (p.school) bits.push(`school: ${p.school}`);
  if (p.role) bits.push(`role: ${p.role}`);
  if (p.proxy) bits.push(`proxy: ${p.proxy}`);
  if (p.term) bits.push(`term: { start: ${p.term.start}, end: ${p.term.end} }`);
  y.push(`  - { ${bits.join(', ')} }`);
}
y.push('bodies:');
y.push(
  '  - id: partnership',
  '    name: Education Partnership',
  '    kind: board',
  '    chair: chair',
  '    members:',
  '      - groups: [independent, primary-heads, secondary-heads, schools-forum, local-authority]',
  '    notice: { kind: working-days, days: 7 }',
  '    minutes: { kind: working-days, days: 7 }',
  '    quorum:',
  '      - { kind: per-group, groups: [schools-forum, primary-heads, secondary-heads], min: 2 }',
  '    start: "16:00"',
  '  - id: operational-group',
  '    name: Operational Group',
  '    kind: operational-group',
  '    chair: la-003',
  '    members:',
  `      - people: [${Array.from({ length: 12 }, (_, i) => `la-${pad(i + 3)}`).join(', ')}]`,
  '    notice: { kind: working-days, days: 5 }',
  '    minutes: { kind: working-days, days: 7 }',
  '    quorum:',
  '      - { kind: count, min: 3 }',
  '    start: "09:30"',
);
for (const c of CLUSTERS) {
  y.push(
    `  - id: cluster-${c}`,
    `    name: ${q(`${c[0].toUpperCase()}${c.slice(1)} cluster`)}`,
    '    kind: cluster',
    '    attendance-by: school',
    '    members:',
    `      - schools: { cluster: [${c}] }`,
    '    notice: { kind: working-days, days: 5 }',
    '    minutes: { kind: working-days, days: 10 }',
    '    quorum:',
    '      - { kind: fraction, of: filled-seats, fraction: 1/3, never-fewer-than: 3 }',
    '    start: "14:00"',
  );
}
mkdirSync(out, { recursive: true });
writeFileSync(join(out, 'partnership.yaml'), `${y.join('\n')}\n`);

// ---------------------------------------------------------------------------------- meetings
const members = {
  partnership: ['chair', 'head-001', 'head-002', 'head-003', 'head-004', 'head-301', 'head-302', 'head-303', 'sf-1', 'sf-2', 'sf-3', 'la-001', 'la-002'],
  'operational-group': Array.from({ length: 12 }, (_, i) => `la-${pad(i + 3)}`),
};
for (const c of CLUSTERS) members[`cluster-${c}`] = schools.filter((s) => s.cluster === c).map((s) => s.head);
const proxyOf = Object.fromEntries(people.filter((p) => p.proxy).map((p) => [p.id, p.proxy]));

function nthWeekday(year, month, weekday, n) {
  const d = new Date(Date.UTC(year, month - 1, 1));
  while (d.getUTCDay() !== weekday) d.setUTCDate(d.getUTCDate() + 1);
  d.setUTCDate(d.getUTCDate() + 7 * (n - 1));
  return d.toISOString().slice(0, 10);
}
const addDays = (iso, n) => new Date(Date.parse(iso) + n * 86400000).toISOString().slice(0, 10);

const schedule = [
  { body: 'partnership', months: [1, 3, 5, 7, 10, 12], weekday: 4, n: 2 },
  { body: 'operational-group', months: [1, 2, 3, 4, 5, 6, 7, 9, 10, 11, 12], weekday: 2, n: 1 },
  ...CLUSTERS.map((c, i) => ({ body: `cluster-${c}`, months: [1, 3, 5, 7, 10, 12], weekday: 1 + (i % 5), n: 3 })),
];

const meetings = [];
for (let year = FIRST_YEAR; year <= LAST_YEAR; year++) {
  for (const s of schedule) for (const month of s.months) meetings.push({ body: s.body, date: nthWeekday(year, month, s.weekday, s.n) });
}
meetings.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.body < b.body ? -1 : 1));
const nextOf = new Map();
for (let i = meetings.length - 1; i >= 0; i--) {
  const m = meetings[i];
  m.next = nextOf.get(m.body);
  nextOf.set(m.body, m);
}

// minutes.md for every meeting whose minutes went out, as "wep minutes" lays them out: a line
// per person present, a paragraph per item, and the DECISION and ACTION lines of meeting.yaml.
const withMinutes = !args.includes('--no-minutes');
// not drawn from rand(): meeting.yaml is the same with or without minutes
const NOTES = ['Members asked about the figures for the term.', 'The paper was taken as read.', 'Officers answered questions on the timetable.', 'There was a full discussion of the options.'];
const minutesFiles = new Map();
const nameOf = new Map(people.map((p) => [p.id, p.name]));
function minutesText(m, yamlLines, present, apologies, circulated) {
  const items = yamlLines.filter((l) => l.startsWith('  - { title: ')).map((l) => JSON.parse(`"${/title: "?([^,"]+)"?,/.exec(l)[1]}"`));
  const actions = [];
  for (let i = 0; i < yamlLines.length; i++) {
    if (!/^  - id: a\d/.test(yamlLines[i])) continue;
    const text = JSON.parse(yamlLines[i + 1].slice('    text: '.length));
    const owner = yamlLines[i + 2].slice('    owner: '.length);
    const due = yamlLines[i + 3].slice('    due: '.length);
    actions.push(`ACTION: ${text} — owner: ${owner}, due: ${due}`);
  }
  const decided = yamlLines.some((l) => l.startsWith('  - { id: d1,'));
  const out = [
    `# Synthetic Education Partnership: ${m.body}`,
    '',
    `## Minutes of the meeting held on ${m.date}`,
    '',
    '<!-- wep:status (written by wep on circulation, approval and signature; edits between these markers are replaced) -->',
    `**DRAFT: circulated on ${circulated}; not yet approved by the meeting.**`,
    '<!-- /wep:status -->',
    '',
    '### Present',
    '',
    ...present.map((p) => `- ${nameOf.get(p)}`),
    '',
    `**Apologies:** ${apologies.map((p) => nameOf.get(p)).join('; ') || 'none'}`,
    '',
  ];
  items.forEach((title, i) => {
    out.push(`## ${i + 1}. ${title}`, '', `The meeting discussed ${title.toLowerCase()}. ${NOTES[(i + Number(m.date.slice(8))) % NOTES.length]}`, '');
    if (i === 4) {
      if (decided) out.push('DECISION: The meeting agreed the recommendations of the paper.', '');
      for (const a of actions) out.push(a, '');
    }
  });
  return `${out.join('\n')}`;
}

let written = 0;
for (const m of meetings) {
  const id = `${m.date}-${m.body}`;
  const held = m.date < TODAY;
  const ms = members[m.body];
  const start = m.body === 'partnership' ? '16:00' : m.body === 'operational-group' ? '09:30' : '14:00';
  const L = [`body: ${m.body}`, `date: ${m.date}`, `start: "${start}"`, 'agenda:'];
  L.push('  - { title: Welcome and apologies, standard: apologies }', '  - { title: Declarations of interest, standard: declarations }', '  - { title: Minutes of the last meeting, standard: previous-minutes }', '  - { title: Matters arising, standard: matters-arising }');
  const topics = ['Budget monitoring', 'School improvement priorities', 'SEND sufficiency', 'Attendance and exclusions', 'Early years', 'Workforce', 'Admissions'];
  for (let k = 0; k < 3; k++) L.push(`  - { title: ${q(pick(topics))}, purpose: ${k === 0 ? 'decision' : 'information'} }`);
  L.push('  - { title: Any other business, standard: aob }', '  - { title: Date of the next meeting, standard: next-meeting }');
  const noticeSent = addDays(m.date, -(10 + Math.floor(rand() * 5)));
  if (noticeSent < TODAY) L.push(`notice: { sent: ${noticeSent} }`);
  if (held) {
    const present = [];
    const apologies = [];
    const proxies = [];
    for (const p of ms) {
      const r = rand();
      if (r < 0.75) present.push(p);
      else if (r < 0.9) {
        apologies.push(p);
        if (proxyOf[p] && chance(0.6)) proxies.push(`    - { proxy: ${proxyOf[p]}, for: ${p} }`);
      }
    }
    L.push('attendance:', `  present: [${present.join(', ')}]`);
    if (apologies.length) L.push(`  apologies: [${apologies.join(', ')}]`);
    if (proxies.length) L.push('  proxies:', ...proxies);
    const nActions = Math.floor(rand() * 4);
    if (nActions) {
      L.push('actions:');
      for (let a = 1; a <= nActions; a++) {
        const due = addDays(m.date, 14 + Math.floor(rand() * 60));
        const done = due < addDays(TODAY, -30) || chance(0.5) ? addDays(due, -Math.floor(rand() * 10)) : undefined;
        L.push(`  - id: a${a}`, `    text: ${q(`${pick(['Circulate', 'Report on', 'Review', 'Draft'])} ${pick(topics).toLowerCase()}`)}`, `    owner: ${pick(ms)}`, `    due: ${due}`, '    item: 5');
        if (done && done < TODAY) L.push(`    done: { date: ${done < m.date ? m.date : done} }`);
      }
    }
    if (chance(0.7)) L.push('decisions:', `  - { id: d1, item: 5, text: ${q('The meeting agreed the recommendations of the paper.')} }`);
    const circulated = addDays(m.date, 3 + Math.floor(rand() * 6));
    if (circulated < TODAY) {
      const approved = m.next && m.next.date < TODAY ? `${m.next.date}-${m.body}` : undefined;
      L.push('minutes:', `  status: ${approved ? 'signed' : 'circulated'}`, `  circulated: ${circulated}`);
      if (approved) L.push(`  approved-at: ${approved}`, `  signed: { by: ${m.body === 'partnership' ? 'chair' : ms[0]}, date: ${m.next.date} }`);
      if (withMinutes) minutesFiles.set(id, minutesText(m, L, present, apologies, circulated));
    }
  }
  mkdirSync(join(out, 'meetings', id), { recursive: true });
  writeFileSync(join(out, 'meetings', id, 'meeting.yaml'), `${L.join('\n')}\n`);
  if (minutesFiles.has(id)) writeFileSync(join(out, 'meetings', id, 'minutes.md'), minutesFiles.get(id));
  written++;
}

if (!args.includes('--no-git')) {
  const git = (...a) => spawnSync('git', a, { cwd: out, stdio: 'ignore' });
  git('init', '-q', '-b', 'main');
  git('add', '-A');
  git('-c', 'user.name=bench', '-c', 'user.email=bench@example.org', '-c', 'commit.gpgsign=false', 'commit', '-qm', 'synthetic records');
}
console.log(`wrote ${out}: ${written} meetings, ${people.length} people, ${schools.length} schools, ${FIRST_YEAR}-${LAST_YEAR}`);
