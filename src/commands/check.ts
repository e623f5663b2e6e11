import { readFileSync, statSync } from 'node:fs';
import type { Diagnostic } from '../core/diagnostic.js';
import { EXIT, WepError } from '../core/errors.js';
import { displayPath, findPartnershipFile, validatePartnershipCached } from '../io/partnership-file.js';
import { MAX_YAML_BYTES } from '../io/limits.js';
import { diagnosticJson, renderDiagnostics } from '../report/diagnostics.js';
import type { CommandContext } from './context.js';

/** Unreadable input (YAML that does not parse) is exit 2; problems in readable records are exit 1. */
export function checkExitCode(ds: readonly Diagnostic[]): number {
  const errors = ds.filter((d) => d.severity === 'error');
  if (errors.length === 0) return EXIT.ok;
  return errors.some((d) => d.check === 'yaml') ? EXIT.badInput : EXIT.problems;
}

export async function run(ctx: CommandContext, opts: { json?: boolean; quiet?: boolean }): Promise<number> {
  const path = findPartnershipFile(ctx.cwd, ctx.file, ctx.env);
  const display = displayPath(ctx.cwd, path);
  if (statSync(path).size > MAX_YAML_BYTES) throw new WepError(`${display} is larger than wep reads (${MAX_YAML_BYTES / 1024 / 1024} MiB)`, 'is this the right file?');
  const source = readFileSync(path, 'utf8');
  const { diagnostics } = await validatePartnershipCached(source, display, ctx.today, ctx.env);
  const sources: Record<string, string> = { [display]: source };

  const shown = opts.quiet ? diagnostics.filter((d) => d.severity === 'error') : diagnostics;
  if (opts.json) {
    ctx.out.json({ ok: !shown.some((d) => d.severity === 'error'), problems: shown.map(diagnosticJson) });
  } else if (shown.length) {
    for (const line of renderDiagnostics(shown, sources, ctx.out.c)) ctx.out.err(line);
  }
  return checkExitCode(diagnostics);
}
