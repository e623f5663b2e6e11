/**
 * The named checks of `wep check`, in tiers as hledger has them: the basic checks always run
 * (nothing else can be read without them), the default checks run unless some are named, and
 * every check can be named to run it alone (`wep check references meetings`).
 */
import type { Diagnostic } from './diagnostic.js';
import { hintFor } from './suggest.js';

export type CheckTier = 'basic' | 'default';

export interface CheckInfo {
  name: string;
  tier: CheckTier;
  description: string;
}

/** Every check, in the order they run. Each diagnostic's `check` is one of these names. */
export const CHECKS: readonly CheckInfo[] = [
  { name: 'encoding', tier: 'basic', description: 'every file is UTF-8 text, which wep reads and rewrites without loss' },
  { name: 'yaml', tier: 'basic', description: 'every file is YAML that parses: no duplicate keys, tabs, unclosed brackets or alias bombs' },
  { name: 'schema', tier: 'basic', description: 'keys, types, ids, dates, times and emails are what the schema says' },
  { name: 'references', tier: 'default', description: 'partnership.yaml: unique ids, known groups, people, bodies and schools, proxies, seats, terms, quorum that can be met' },
  { name: 'meetings', tier: 'default', description: 'meeting records: known body and people, papers that exist, notice and minutes deadlines' },
  { name: 'registers', tier: 'default', description: 'the action log: owners who exist, overdue actions' },
  { name: 'minutes', tier: 'default', description: 'minutes.md: DECISION: and ACTION: lines wep can read' },
  { name: 'quorum', tier: 'default', description: 'decisions recorded while the meeting was not quorate' },
];

export const CHECK_NAMES: readonly string[] = CHECKS.map((c) => c.name);

export type CheckSelection = { ok: true; names: ReadonlySet<string> } | { ok: false; unknown: string; hint: string };

/** The checks to run: the basic ones and those named, or every check when none is named. */
export function selectChecks(named: readonly string[]): CheckSelection {
  for (const n of named) if (!CHECK_NAMES.includes(n)) return { ok: false, unknown: n, hint: hintFor(n, CHECK_NAMES, 'checks') };
  const names = new Set(CHECKS.filter((c) => c.tier === 'basic' || named.length === 0 || named.includes(c.name)).map((c) => c.name));
  return { ok: true, names };
}

/**
 * The diagnostics of the selected checks, with warnings made errors when `strict`. A diagnostic
 * from a check not in the list (a bug) is kept, so that nothing is hidden by mistake.
 */
export function applySelection(ds: readonly Diagnostic[], names: ReadonlySet<string>, strict: boolean): Diagnostic[] {
  return ds
    .filter((d) => names.has(d.check) || !CHECK_NAMES.includes(d.check))
    .map((d) => (strict && d.severity === 'warning' ? { ...d, severity: 'error' as const, message: `${d.message} (strict: a warning counts as an error)` } : d));
}
