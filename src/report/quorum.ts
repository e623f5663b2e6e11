/**
 * The quorum as the clerk reads it mid-meeting: one verdict line, then the per-rule table, who
 * could fix a shortfall, and who was (not) counted. Plus the stable --json shape.
 */
import type { ChalkInstance } from 'chalk';
import type { Model } from '../core/model.js';
import type { CommandResult } from '../commands/context.js';
import type { BodyMeetingQuorum, CouldFix, ItemQuorum, QuorumResult, RuleResult } from '../core/quorum.js';
import { jsonDocument } from './emit.js';

export type { ItemQuorum };

export interface QuorumView {
  /** Meeting id, when the attendance comes from a record. */
  meeting?: string;
  /** The quorum at each agenda item, to say where it was lost. */
  byItem?: ItemQuorum[];
}

const who = (model: Model, id: string) => `${model.people.get(id)?.name ?? id} (${id})`;

function fixText(model: Model, f: CouldFix, forecast: boolean): string {
  if (f.via === 'proxy') {
    const member = f.forMemberName ?? (f.forMember ? model.people.get(f.forMember)?.name : undefined) ?? f.forMember;
    return `${forecast ? 'ask ' : ''}${member}'s proxy ${f.name} (${f.id})`;
  }
  return `${forecast ? 'ask ' : ''}${f.name} (${f.id})`;
}

/** "Secondary Heads Federation 1 of 2" or "at least 2 voting members: 1 of 2". */
function shortText(r: RuleResult): string {
  return r.groupName ? `${r.groupName} ${r.counted} of ${r.required}` : `${r.description}: ${r.counted} of ${r.required}`;
}

const where = (r: QuorumResult) => (r.item === null ? 'at the start of the meeting' : `at item ${r.item}`);

/** The one verdict line. */
export function formatVerdict(model: Model, r: QuorumResult, c: ChalkInstance): string {
  const failed = r.rules.filter((x) => !x.met);
  if (r.forecast) {
    const n = r.apologies?.length ?? 0;
    const basis = `${n} apolog${n === 1 ? 'y' : 'ies'} so far`;
    if (r.quorate) return `${c.green.bold('Forecast: quorate')} if these apologies stand (${basis}): ${r.bodyName}`;
    const asks = failed.flatMap((x) => x.couldFix.filter((f) => f.via === 'proxy').map((f) => fixText(model, f, true)));
    return `${c.red.bold('Forecast: NOT QUORATE')} if these apologies stand (${basis}): ${failed.map(shortText).join('; ')}${asks.length ? `; ${[...new Set(asks)].join(', or ')}` : ''}`;
  }
  if (r.quorate) return `${c.green.bold('Quorate')}: ${r.bodyName}, ${where(r)} (${r.counted.length} counted)`;
  return `${c.red.bold('NOT QUORATE')}: ${failed.map((x) => `${shortText(x)} (short by ${x.shortBy})`).join('; ')}, ${where(r)}`;
}

/**
 * The verdict of each body of a meeting: `formatVerdict` for a meeting of one body; at a joint
 * meeting one line a body, named, in the meeting's order (the live verdict of `wep attendance`).
 */
export function formatMeetingVerdict(model: Model, each: readonly { body: { name: string }; result: QuorumResult }[], c: ChalkInstance): string {
  if (each.length === 1) return formatVerdict(model, each[0]!.result, c);
  return each.map((q) => `${q.body.name}: ${formatVerdict(model, q.result, c)}`).join('\n');
}

/** The per-rule table: rule, required, counted, met, short by. */
export function renderRuleTable(r: QuorumResult, c: ChalkInstance): string[] {
  const rows = r.rules.map((x) => [x.description, String(x.required), String(x.counted), x.met ? 'yes' : 'NO', x.met ? '-' : String(x.shortBy)] as const);
  const head = ['rule', 'required', 'counted', 'met', 'short by'] as const;
  const w0 = Math.max(head[0].length, ...rows.map((x) => x[0].length));
  const line = (cells: readonly string[]) => `  ${cells[0]!.padEnd(w0)}  ${cells[1]!.padStart(8)}  ${cells[2]!.padStart(7)}  ${cells[3]!.padEnd(3)}  ${cells[4]!.padStart(8)}`;
  return [
    c.dim(line(head)),
    ...rows.map((cells, i) => {
      const text = line(cells);
      return r.rules[i]!.met ? text : c.red(text);
    }),
  ];
}

const failedText = (r: QuorumResult) => r.rules.filter((y) => !y.met).map(shortText).join('; ');

/** Consecutive items that failed the same way, so a departure reads as one line, not one per item. */
function runsOf(lost: ItemQuorum[]): ItemQuorum[][] {
  const runs: ItemQuorum[][] = [];
  for (const x of lost) {
    const run = runs[runs.length - 1];
    const prev = run?.[run.length - 1];
    if (run && prev && prev.item === x.item - 1 && failedText(prev.result) === failedText(x.result)) run.push(x);
    else runs.push([x]);
  }
  return runs;
}

const schoolName = (model: Model, id: string) => model.schools.get(id)?.name ?? id;

/** "Schools represented: 13 of 28; not represented: ..." for a schools-represented rule. */
function renderSchoolsLine(model: Model, s: NonNullable<RuleResult['schools']>, c: ChalkInstance): string[] {
  const line = `  ${c.bold('Schools represented')}: ${s.represented.length} of ${s.total}`;
  if (!s.notRepresented.length) return [line];
  return [`${line}; ${c.yellow('not represented')}: ${s.notRepresented.map((id) => schoolName(model, id)).join(', ')}`];
}

/** Verdict, table, fixes, who counted and who did not, and the quorum item by item. */
export function renderQuorum(model: Model, r: QuorumResult, c: ChalkInstance, view: QuorumView = {}): string[] {
  const lines = [formatVerdict(model, r, c), ''];
  if (r.rules.length) lines.push(...renderRuleTable(r, c));
  for (const x of r.rules.filter((x) => !x.met)) {
    const fixes = x.couldFix.map((f) => fixText(model, f, r.forecast));
    lines.push(`  ${c.yellow(`${x.groupName ?? x.description}:`)} ${fixes.length ? `${r.forecast ? '' : 'could fix: '}${fixes.join(', ')}` : 'no one absent could fix this'}`);
  }
  for (const x of r.rules) if (x.schools) lines.push(...renderSchoolsLine(model, x.schools, c));
  lines.push('');
  const counted = r.counted.map((x) => (x.as === 'proxy' ? `${who(model, x.id)} as proxy for ${model.people.get(x.for!)?.name ?? x.for}` : who(model, x.id)));
  lines.push(`${c.bold(r.forecast ? 'Expected' : 'Counted')} (${r.counted.length}): ${counted.join(', ') || 'no one'}`);
  if (r.forecast && r.apologies?.length) lines.push(`${c.bold('Apologies')}: ${r.apologies.map((id) => who(model, id)).join(', ')}`);
  if (r.notCounted.length) {
    lines.push(`${c.bold('Not counted')}:`);
    for (const n of r.notCounted) lines.push(`  ${who(model, n.id)}: ${n.reason}`);
  }
  if (view.byItem?.length) {
    const lost = view.byItem.filter((x) => !x.result.quorate);
    lines.push('');
    if (lost.length === 0) lines.push(`${c.green('Quorate at every agenda item')} (1-${view.byItem.length})`);
    else {
      const all = lost.length === view.byItem.length;
      lines.push(c.red.bold(`${all ? 'Not quorate at any agenda item' : `Not quorate from item ${lost[0]!.item}`}: decisions ${lost.length === 1 ? 'at that item' : 'at these items'} must be flagged`));
      for (const run of runsOf(lost)) {
        const first = run[0]!;
        const last = run[run.length - 1]!;
        const items = run.length === 1 ? `item ${first.item}${first.title ? ` (${first.title})` : ''}` : `items ${first.item}-${last.item}`;
        lines.push(`  ${items}: ${c.red(failedText(first.result))}`);
      }
    }
  }
  return lines;
}

/** The stable --json shape of `wep quorum` (and of `wep attendance --json`). */
export function quorumJson(r: QuorumResult, view: QuorumView = {}) {
  const lost = view.byItem?.filter((x) => !x.result.quorate).map((x) => x.item);
  return {
    quorate: r.quorate,
    body: r.body,
    meeting: view.meeting ?? null,
    item: r.item,
    forecast: r.forecast,
    ...(r.forecast ? { apologies: r.apologies ?? [] } : {}),
    rules: r.rules.map((x) => ({
      description: x.description,
      kind: x.kind,
      group: x.group ?? null,
      required: x.required,
      counted: x.counted,
      met: x.met,
      shortBy: x.shortBy,
      countedIds: x.countedIds,
      couldFix: x.couldFix.map((f) => ({ id: f.id, name: f.name, via: f.via, forMember: f.forMember ?? null })),
      ...(x.schools ? { schools: { total: x.schools.total, represented: x.schools.represented, notRepresented: x.schools.notRepresented } } : {}),
    })),
    counted: r.counted.map((x) => ({ id: x.id, as: x.as, for: x.for ?? null, group: x.group ?? null })),
    notCounted: r.notCounted,
    ...(view.byItem ? { items: view.byItem.map((x) => ({ item: x.item, title: x.title ?? null, quorate: x.result.quorate })), inquorateItems: lost ?? [] } : {}),
    warnings: r.warnings,
  };
}

/** A quorum result as a command prints it: the JSON document, or the report and its warnings. */
export function quorumOutput(model: Model, r: QuorumResult, view: QuorumView, json: boolean | undefined, c: ChalkInstance): Pick<CommandResult, 'json' | 'lines' | 'warnings'> {
  if (json) return { json: jsonDocument('quorum', quorumJson(r, view)) };
  return { lines: renderQuorum(model, r, c, view), warnings: r.warnings };
}

const viewOf = (q: BodyMeetingQuorum, meeting: string): QuorumView => ({ meeting, ...(q.byItem ? { byItem: q.byItem } : {}) });

/**
 * A meeting's quorum for the clerk: its body's report, or for a joint meeting each body's report
 * under "NAME (joint meeting):", its own body first.
 */
export function renderMeetingQuorum(model: Model, each: readonly [BodyMeetingQuorum, ...BodyMeetingQuorum[]], meeting: string, c: ChalkInstance): string[] {
  if (each.length === 1) return renderQuorum(model, each[0].result, c, viewOf(each[0], meeting));
  return each.flatMap((q, i) => [...(i ? [''] : []), c.bold(`${q.body.name} (joint meeting):`), ...renderQuorum(model, q.result, c, viewOf(q, meeting))]);
}

/**
 * The --json fields of a meeting's quorum (`wep quorum --meeting`, `wep attendance`): its own
 * body's result, and for a joint meeting `joint`, each other body's result in the same shape.
 */
export function meetingQuorumJson(each: readonly [BodyMeetingQuorum, ...BodyMeetingQuorum[]], meeting: string) {
  const [own, ...joint] = each.map((q) => quorumJson(q.result, viewOf(q, meeting)));
  return { ...own!, ...(joint.length ? { joint } : {}) };
}

/** The warnings of every body's quorum, each once (a joint meeting's bodies share one record). */
export function meetingQuorumWarnings(each: readonly BodyMeetingQuorum[]): string[] {
  return [...new Set(each.flatMap((q) => q.result.warnings))];
}
