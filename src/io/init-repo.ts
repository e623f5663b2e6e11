/**
 * Everything `wep init` does on disk: read a preset shipped with the package, apply the
 * clerk's answers to its text (through the yaml Document API, so the preset's explanatory
 * comments survive), and write the records repo with its first git commit.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isMap, isScalar, isSeq, type YAMLMap } from 'yaml';
import type { IsoDate } from '../core/dates.js';
import { WepError } from '../core/errors.js';
import { buildModel, defaultBodyId, holdsSeat } from '../core/model.js';
import type { PartnershipFile, QuorumRule } from '../core/partnership-schema.js';
import { verifyPresetName, type InitAnswers } from '../core/presets.js';
import { updateRecordFile, writeRecordFile } from './fs.js';
import { commitFiles, isGitAvailable, isInsideRepo, runGit } from './git.js';
import { PARTNERSHIP_FILE } from './partnership-file.js';
import { parseForEdit } from './yaml-edit.js';

import { schemaLine } from '../core/json-schema.js';

declare const __WEP_VERSION__: string;
export const WEP_VERSION = typeof __WEP_VERSION__ === 'string' ? __WEP_VERSION__ : '0.0.0-dev';

export const SCHEMA_LINE = schemaLine('partnership.schema.json');

/**
 * The package folder that holds a shipped data folder. From the bundle (dist/<chunk>.js) it is
 * one level up; from the sources (src/io/init-repo.ts, under vitest) two.
 */
function packageFolder(name: string): string {
  for (const rel of [`../${name}/`, `../../${name}/`]) {
    const dir = fileURLToPath(new URL(rel, import.meta.url));
    if (existsSync(dir)) return dir;
  }
  throw new WepError(`the ${name}/ folder of the wep package is missing`, 'reinstall wep: npm install --global wep');
}

export function presetsDir(): string {
  return packageFolder('examples');
}

/** The text of a preset, as shipped in the package's examples/ folder. */
export function readPreset(name: string): string {
  verifyPresetName(name);
  return readFileSync(join(presetsDir(), `${name}.yaml`), 'utf8');
}

/** The package's README for the records repo's templates/ folder. */
export function readTemplatesReadme(): string {
  return readFileSync(join(packageFolder('templates'), 'records-README.md'), 'utf8');
}

/** Facts about a preset the prompts need: its current values, groups and main body. */
export interface PresetFacts {
  name: string;
  short: string;
  clerkName: string;
  clerkEmail: string;
  nation: string;
  groups: { id: string; name: string; seats: number; held: number }[];
  body: { id: string; name: string; totalSeats: number; groupIds: string[]; notice: { kind: string; days: number }; minutes: { kind: string; days: number }; quorum: PartnershipFile['bodies'][number]['quorum'] };
}

/** Reads the facts from a validated preset file. */
export function presetFacts(file: PartnershipFile): PresetFacts {
  const model = buildModel(file);
  const body = model.bodies.get(defaultBodyId(model))!;
  const held = (g: string) => [...model.people.values()].filter((p) => p.group === g && holdsSeat(p)).length;
  return {
    name: file.partnership.name,
    short: file.partnership.short,
    clerkName: file.partnership.clerk.name,
    clerkEmail: file.partnership.clerk.email,
    nation: file.partnership.calendar?.nation ?? 'england-and-wales',
    groups: file.groups.map((g) => ({ id: g.id, name: g.name, seats: g.seats, held: held(g.id) })),
    body: { id: body.id, name: body.name, totalSeats: body.totalSeats, groupIds: body.groupIds, notice: body.notice, minutes: body.minutes, quorum: body.quorum },
  };
}

/** One change to the preset's text: replace [start, end) with `text`. */
interface Splice {
  start: number;
  end: number;
  text: string;
}

/** A scalar as YAML text: plain when that is safe anywhere (block or flow), else double-quoted. */
export function scalarText(v: string | number): string {
  if (typeof v === 'number') return String(v);
  const plain = /^[A-Za-z][\w .'&()@+\-/]*$/.test(v) && !/ #|: |\s$/.test(v) && !/^(true|false|null|yes|no|on|off|y|n)$/i.test(v);
  return plain ? v : JSON.stringify(v);
}

const lineStart = (text: string, at: number) => text.lastIndexOf('\n', at - 1) + 1;
const columnOf = (text: string, at: number) => at - lineStart(text, at);

/** A quorum rule as block YAML lines (kebab-case keys), the first starting with "- ". */
function quorumLines(q: QuorumRule): string[] {
  const entries = Object.entries(q).filter(([, v]) => v !== undefined);
  return entries.map(([k, v], i) => {
    const key = k.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
    const value = Array.isArray(v) ? `[${v.map((x) => scalarText(String(x))).join(', ')}]` : scalarText(typeof v === 'number' ? v : String(v));
    return `${i === 0 ? '- ' : '  '}${key}: ${value}`;
  });
}

/**
 * The partnership file for a new records repo: the preset's text with the answers applied.
 * The yaml Document API finds where each value sits; the text is changed only there, so every
 * comment, blank line and flow `{ ... }` of the preset stays exactly as it was. A rule the
 * clerk changed gets a comment saying so in place of the preset's explanation of it.
 */
export function applyAnswers(presetText: string, answers: InitAnswers, today: IsoDate): string {
  // The preset's own first line points at the schema inside the package; a records repo
  // points at the published one.
  const note = `# Created with wep init from the "${answers.preset}" preset on ${today}.`;
  const text = `${SCHEMA_LINE}\n#\n${note}\n${presetText.replace(/^# yaml-language-server:[^\n]*\n/, '')}`;
  const doc = parseForEdit(text);
  if (doc.errors.length) throw new WepError(`the ${answers.preset} preset is not valid YAML`, 'reinstall wep; this is a bug in the package');
  const file = doc.toJS() as PartnershipFile;
  const splices: Splice[] = [];
  const node = (path: (string | number)[]) => {
    const n = doc.getIn(path, true);
    if (!n || !(isScalar(n) || isMap(n) || isSeq(n)) || !n.range) throw new WepError(`the ${answers.preset} preset has no ${path.join('.')}`, 'this is a bug in wep; please report it');
    return n;
  };
  const setScalar = (path: (string | number)[], value: string | number | undefined) => {
    if (value === undefined) return;
    const n = node(path);
    if (!isScalar(n)) throw new WepError(`the ${answers.preset} preset's ${path.join('.')} is not a single value`);
    splices.push({ start: n.range![0], end: n.range![1], text: scalarText(value) });
  };
  /** Replaces the comment lines just above `key` in the map at `path` (or adds one). */
  const setKeyComment = (path: (string | number)[], key: string, comment: string) => {
    const map = node(path);
    const pair = isMap(map) ? map.items.find((p) => isScalar(p.key) && p.key.value === key) : undefined;
    if (!pair || !isScalar(pair.key) || !pair.key.range) return;
    const keyLine = lineStart(text, pair.key.range[0]);
    const indent = ' '.repeat(columnOf(text, pair.key.range[0]));
    let from = keyLine;
    while (from > 0) {
      const prev = lineStart(text, from - 1);
      if (!/^\s*#/.test(text.slice(prev, from))) break;
      from = prev;
    }
    splices.push({ start: from, end: keyLine, text: `${indent}# ${comment}\n` });
  };

  setScalar(['partnership', 'name'], answers.name?.trim());
  setScalar(['partnership', 'short'], answers.short?.trim());
  setScalar(['partnership', 'clerk', 'name'], answers.clerkName?.trim());
  setScalar(['partnership', 'clerk', 'email'], answers.clerkEmail?.trim());
  setScalar(['partnership', 'calendar', 'nation'], answers.nation);

  for (const [id, seats] of Object.entries(answers.seats ?? {})) {
    const i = file.groups.findIndex((g) => g.id === id);
    if (i < 0) throw new WepError(`no group "${id}" in the ${answers.preset} preset`);
    setScalar(['groups', i, 'seats'], seats);
  }
  if (answers.newGroups?.length) {
    const groups = node(['groups']);
    if (!isSeq(groups) || groups.flow || !groups.items.length) throw new WepError(`the ${answers.preset} preset's groups are not a block list`);
    const first = groups.items[0] as { range?: [number, number, number] };
    const itemCol = columnOf(text, first.range![0]);
    const dash = ' '.repeat(Math.max(0, itemCol - 2));
    const pad = ' '.repeat(itemCol);
    const at = groups.range![2];
    const lines = answers.newGroups.flatMap((g) => [
      `${dash}# Added at wep init: add its people under "people:" with "group: ${g.id}".`,
      `${dash}- id: ${g.id}`,
      `${pad}name: ${scalarText(g.name)}`,
      `${pad}seats: ${g.seats}`,
    ]);
    splices.push({ start: at, end: at, text: `${text[at - 1] === '\n' ? '' : '\n'}${lines.join('\n')}\n` });
  }

  const model = buildModel(file);
  const bi = file.bodies.findIndex((b) => b.id === defaultBodyId(model));
  const current = file.bodies[bi]!;
  const stamp = `Chosen by the clerk at wep init (${today}).`;
  if (answers.notice && (answers.notice.kind !== current.notice.kind || answers.notice.days !== current.notice.days)) {
    setScalar(['bodies', bi, 'notice', 'kind'], answers.notice.kind);
    setScalar(['bodies', bi, 'notice', 'days'], answers.notice.days);
    setKeyComment(['bodies', bi], 'notice', stamp);
  }
  if (answers.minutes && (answers.minutes.kind !== current.minutes.kind || answers.minutes.days !== current.minutes.days)) {
    setScalar(['bodies', bi, 'minutes', 'kind'], answers.minutes.kind);
    setScalar(['bodies', bi, 'minutes', 'days'], answers.minutes.days);
    setKeyComment(['bodies', bi], 'minutes', stamp);
  }
  if (answers.quorum && JSON.stringify(answers.quorum) !== JSON.stringify(current.quorum)) {
    const rules = answers.quorum.map(quorumLines);
    const q = doc.getIn(['bodies', bi, 'quorum'], true);
    if (isSeq(q) && !q.flow && q.range) {
      const pad = ' '.repeat(columnOf(text, q.range[0]));
      const block = rules.map((r) => r.map((l, i) => (i === 0 ? l : `${pad}${l}`)).join('\n')).join(`\n${pad}`);
      splices.push({ start: q.range[0], end: q.range[2], text: `${block}\n` });
      setKeyComment(['bodies', bi], 'quorum', stamp);
    } else {
      // No quorum yet (or one written inline): a new block after the minutes rule.
      const minutes = node(['bodies', bi, 'minutes']);
      const map = node(['bodies', bi]) as YAMLMap;
      const minutesKey = map.items.find((p) => isScalar(p.key) && p.key.value === 'minutes')!.key as { range: [number, number, number] };
      const indent = ' '.repeat(columnOf(text, minutesKey.range[0]));
      const block = rules.map((r) => r.map((l) => `${indent}  ${l}`).join('\n')).join('\n');
      const end = text.indexOf('\n', minutes.range![1]) + 1 || text.length;
      if (q && isSeq(q) && q.range) {
        const qKey = map.items.find((p) => isScalar(p.key) && p.key.value === 'quorum')!.key as { range: [number, number, number] };
        splices.push({ start: lineStart(text, qKey.range[0]), end: text.indexOf('\n', q.range[1]) + 1 || text.length, text: `${indent}# ${stamp}\n${indent}quorum:\n${block}\n` });
      } else splices.push({ start: end, end, text: `${indent}# ${stamp}\n${indent}quorum:\n${block}\n` });
    }
  }

  splices.sort((a, b) => b.start - a.start);
  let out = text;
  for (const s of splices) out = out.slice(0, s.start) + s.text + out.slice(s.end);
  return out;
}

/** Refuses a target that already holds a partnership file, or is a file itself. */
export function verifyInitTarget(dir: string, display: string): void {
  if (existsSync(dir) && !statSync(dir).isDirectory()) {
    throw new WepError(`${display} is a file, not a folder`, 'give a folder for the records repo, e.g. "wep init records"');
  }
  if (existsSync(join(dir, PARTNERSHIP_FILE))) {
    throw new WepError(
      `${display === '.' ? 'this folder' : display} already has a ${PARTNERSHIP_FILE}: wep init never overwrites one`,
      'run "wep check" there to validate it, or choose an empty folder: wep init NEW-FOLDER',
    );
  }
}

const GITIGNORE = `# Written by wep init.
# Output of "wep publish" (rebuild it any time).
site/
# Backups wep keeps when --force regenerates a file you edited: look, then delete.
*.bak
*.bak[0-9]*
# Temporary files from an interrupted write, and from editors and office suites.
.*.tmp
~$*
.DS_Store
Thumbs.db
node_modules/
`;

/** The CI workflow: every push and pull request runs `wep check` on the records. */
export function ciWorkflow(version: string = WEP_VERSION): string {
  const major = /^0\./.test(version) ? version.split('.').slice(0, 2).join('.') : version.split('.')[0];
  return `# Written by wep init: checks the records on every push and pull request, so a mistake in
# partnership.yaml or a meeting record shows up here before anyone relies on it.
name: wep check

on:
  push:
  pull_request:

jobs:
  check:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - uses: actions/setup-node@v4
        with:
          node-version: 22
      # The wep release line this repo was created with (${version}); raise it when you upgrade.
      - run: npm install --global wep@~${major}
      - run: wep check
`;
}

/** The files of a new records repo, by path relative to its root. */
export function recordsRepoFiles(partnershipText: string): Record<string, string> {
  return {
    [PARTNERSHIP_FILE]: partnershipText,
    'meetings/.gitkeep': '',
    'templates/README.md': readTemplatesReadme(),
    '.github/workflows/wep-check.yml': ciWorkflow(),
    '.gitignore': GITIGNORE,
  };
}

export interface GitOutcome {
  /** initialised: a new repo; existing: the folder was already in one; skipped / unavailable / failed. */
  status: 'initialised' | 'existing' | 'skipped' | 'unavailable' | 'failed';
  commit?: string;
  /** Why the commit did not happen, when it did not. */
  reason?: string;
}

/**
 * Writes the files (refusing to replace any that exist), then `git init` and a first commit
 * of exactly these files. A repo that cannot commit (no git identity) keeps its files.
 */
export function writeRecordsRepo(root: string, files: Record<string, string>, opts: { git: boolean }): { written: string[]; git: GitOutcome } {
  const paths = Object.keys(files).map((rel) => resolve(root, rel));
  const clash = Object.keys(files).filter((rel) => existsSync(resolve(root, rel)) && rel !== '.gitignore');
  if (clash.length) throw new WepError(`wep init would replace ${clash.join(', ')}`, 'move them away, or choose an empty folder');
  const written: string[] = [];
  for (const [rel, text] of Object.entries(files)) {
    const path = resolve(root, rel);
    // An existing .gitignore is the clerk's: add ours below it rather than replace it.
    const below = (base: string) => `${base.replace(/\n*$/, '\n\n')}${text}`;
    if (rel === '.gitignore') updateRecordFile(path, (current) => (current === undefined ? text : below(current)), { root, display: rel, reapply: below });
    else writeRecordFile(path, text, { root, display: rel, expected: null });
    written.push(rel);
  }
  if (!opts.git) return { written, git: { status: 'skipped' } };
  if (!isGitAvailable()) return { written, git: { status: 'unavailable', reason: 'git is not installed' } };
  let status: GitOutcome['status'] = 'existing';
  if (!isInsideRepo(root)) {
    const init = runGit(['init', '--quiet'], root);
    if (init.code !== 0) return { written, git: { status: 'failed', reason: init.stderr.trim() } };
    status = 'initialised';
  }
  try {
    const commit = commitFiles(root, paths, 'Start the records repo (wep init)');
    return { written, git: { status, commit: commit ?? undefined } };
  } catch (e) {
    return { written, git: { status: 'failed', reason: e instanceof WepError ? e.message : String(e) } };
  }
}
