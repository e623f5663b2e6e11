/** `wep check --list`: the named checks and their tiers. */
import type { ChalkInstance } from 'chalk';
import type { CheckInfo } from '../core/checks.js';

export function renderCheckList(checks: readonly CheckInfo[], c: ChalkInstance): string[] {
  const width = Math.max(...checks.map((k) => k.name.length));
  const lines: string[] = [];
  for (const tier of ['basic', 'default'] as const) {
    lines.push(c.bold(tier === 'basic' ? 'basic checks (always run):' : 'default checks (run unless some are named):'));
    for (const k of checks.filter((x) => x.tier === tier)) lines.push(`  ${k.name.padEnd(width)}  ${k.description}`);
    lines.push('');
  }
  lines.push('Run some: wep check NAME...   Warnings as errors: wep check --strict');
  return lines;
}

/** The stable --json shape of the list. */
export const checkListJson = (checks: readonly CheckInfo[]) => ({ checks: checks.map((k) => ({ name: k.name, tier: k.tier, description: k.description })) });
