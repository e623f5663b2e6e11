/** What a GIAS import did (or, with --dry-run, would do), as text and as the stable --json shape. */
import type { ChalkInstance } from 'chalk';
import { kebab } from '../core/schema.js';
import type { ImportPlan, KeptEdit } from '../core/schools-import.js';

export interface ImportSummary {
  file: string;
  la: string;
  /** Rows of the local authority read, and rows in the whole file. */
  rows: number;
  total: number;
  /** Rows left out, by reason ("Other independent school": 4). */
  skipped: Record<string, number>;
  dryRun: boolean;
  /** Files written (display paths); empty for a dry run or when nothing changed. */
  written: string[];
}

const q = (v: string | undefined) => (v === undefined ? '(none)' : `"${v}"`);
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

function keptText(k: KeptEdit): string {
  const last = k.last === undefined ? 'no earlier import to compare with' : `last import ${q(k.last)}`;
  return `${kebab(k.field)}: yours ${q(k.yours)}, GIAS ${q(k.gias)} (${last})`;
}

/** The plan as the clerk reads it: added, changed, closed, kept edits, then what was left alone. */
export function renderImport(plan: ImportPlan, s: ImportSummary, c: ChalkInstance): string[] {
  const lines = [`${c.bold(s.file)}: ${plural(s.rows, 'row')} of ${s.la} (of ${s.total} in the file)`, ''];
  const closed = plan.updated.filter((u) => u.closed);
  const changed = plan.updated.filter((u) => !u.closed && (u.changes.length || u.linkedByName));
  const conflicts = plan.updated.filter((u) => u.conflicts.length);
  if (plan.added.length) {
    lines.push(c.bold(`Added (${plan.added.length}):`));
    for (const a of plan.added) {
      const x = a.school;
      const extra = [x.religiousCharacter, x.trust].filter(Boolean).join(', ');
      lines.push(`  ${c.green('+')} ${x.name} [${a.id}], URN ${x.urn}: ${x.phase}, ${x.type}${extra ? `, ${extra}` : ''}`);
    }
  }
  if (changed.length) {
    lines.push(c.bold(`Changed (${changed.length}):`));
    for (const u of changed) {
      const what = [...(u.linkedByName ? [`urn: added ${u.urn} (matched by name)`] : []), ...u.changes.map((x) => `${kebab(x.field)}: ${q(x.from)} -> ${q(x.to)}`)];
      lines.push(`  ${c.yellow('~')} ${u.name} [${u.id}]: ${what.join('; ')}`);
    }
  }
  if (closed.length) {
    lines.push(c.bold(`Closed (${closed.length}):`));
    for (const u of closed) {
      const other = u.changes.filter((x) => x.field !== 'status').map((x) => `${kebab(x.field)}: ${q(x.from)} -> ${q(x.to)}`);
      lines.push(`  ${c.red('-')} ${u.name} [${u.id}], URN ${u.urn}: closed in GIAS${other.length ? `; ${other.join('; ')}` : ''}`);
    }
  }
  if (conflicts.length) {
    lines.push(c.bold(`Kept your edits (${conflicts.reduce((n, u) => n + u.conflicts.length, 0)}):`));
    for (const u of conflicts) for (const k of u.conflicts) lines.push(`  ${c.yellow('!')} ${u.name} [${u.id}] ${keptText(k)}`);
    lines.push(`  ${c.cyan('fix:')} to take GIAS's value, write it in the school's entry in place of yours (an optional field can simply be deleted)`);
  }
  const quiet = plan.updated.reduce((n, u) => n + u.kept.length, 0);
  if (!plan.added.length && !changed.length && !closed.length && !conflicts.length) lines.push('No changes: the register matches GIAS.');
  lines.push('');
  const notes: string[] = [];
  if (plan.unchanged) notes.push(`${plural(plan.unchanged, 'school')} already up to date`);
  if (quiet) notes.push(`${plural(quiet, 'field')} you edited before kept as you wrote ${quiet === 1 ? 'it' : 'them'} (GIAS unchanged)`);
  if (plan.closedNotAdded.length) notes.push(`${plural(plan.closedNotAdded.length, 'closed school')} not added`);
  if (plan.removed.length) notes.push(`not added back, as you removed ${plan.removed.length === 1 ? 'it' : 'them'} from the register: ${plan.removed.map((r) => `${r.name} (URN ${r.urn})`).join(', ')}`);
  if (plan.notInExtract.length) notes.push(`not in this extract, left as they are: ${plan.notInExtract.map((r) => `${r.name} (URN ${r.urn})`).join(', ')}`);
  const skipped = Object.entries(s.skipped);
  if (skipped.length) notes.push(`left out, not schools wep tracks: ${skipped.map(([why, n]) => `${why} ${n}`).join(', ')}`);
  for (const n of notes) lines.push(`${c.dim('-')} ${n}`);
  if (notes.length) lines.push('');
  if (s.dryRun) lines.push('Dry run: nothing was written.');
  else if (s.written.length) lines.push(`Wrote ${s.written.join(' and ')}.`);
  else lines.push('Nothing to write.');
  return lines;
}

/** The stable --json shape of `wep schools import`. */
export function importJson(plan: ImportPlan, s: ImportSummary) {
  return {
    file: s.file,
    la: s.la,
    rows: s.rows,
    total: s.total,
    dryRun: s.dryRun,
    written: s.written,
    added: plan.added.map((a) => ({ id: a.id, ...a.school })),
    changed: plan.updated.filter((u) => u.changes.length || u.linkedByName).map((u) => ({ id: u.id, urn: u.urn, name: u.name, closed: u.closed, linkedByName: u.linkedByName, changes: u.changes.map((x) => ({ field: kebab(x.field), from: x.from ?? null, to: x.to ?? null })) })),
    keptEdits: plan.updated.flatMap((u) => [...u.conflicts.map((k) => ({ k, said: true })), ...u.kept.map((k) => ({ k, said: false }))].map(({ k, said }) => ({ id: u.id, urn: u.urn, field: kebab(k.field), yours: k.yours, gias: k.gias ?? null, last: k.last ?? null, conflict: said }))),
    unchanged: plan.unchanged,
    closedNotAdded: plan.closedNotAdded,
    removed: plan.removed,
    notInExtract: plan.notInExtract,
    skipped: s.skipped,
  };
}
