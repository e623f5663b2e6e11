import { readdirSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { hasErrors, type Diagnostic } from '../core/diagnostic.js';
import { EXIT } from '../core/errors.js';
import { buildModel } from '../core/model.js';
import { cacheKey, readCache, writeCache } from '../io/cache.js';
import { readRecordText } from '../io/guarded-read.js';
import { MAX_YAML_BYTES } from '../io/limits.js';
import { listMeetingIds, MEETING_FILE, meetingsDir } from '../io/meetings.js';
import { displayPath, findPartnershipFile, readPartnershipText, validatePartnershipCached } from '../io/partnership-file.js';
import { diagnosticJson, renderDiagnostics } from '../report/diagnostics.js';
import { jsonDocument } from '../report/emit.js';
import type { CommandContext, CommandResult } from './context.js';

export interface CheckOptions {
  json?: true;
  quiet?: true;
}

/** Unreadable input (YAML that does not parse) is exit 2; problems in readable records are exit 1. */
export function checkExitCode(ds: readonly Diagnostic[]): number {
  const errors = ds.filter((d) => d.severity === 'error');
  if (errors.length === 0) return EXIT.ok;
  return errors.some((d) => d.check === 'yaml') ? EXIT.badInput : EXIT.problems;
}

/** Every file under a folder, relative to it: papers decide some checks, so they key the cache. */
function listFiles(dir: string, base = dir): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
    d.isDirectory() ? listFiles(join(dir, d.name), base) : [relative(base, join(dir, d.name))],
  );
}

export async function run(ctx: CommandContext, opts: CheckOptions): Promise<CommandResult> {
  const path = findPartnershipFile(ctx.cwd, ctx.file, ctx.env);
  const root = dirname(path);
  const display = displayPath(ctx.cwd, path);
  const source = readPartnershipText(path, display);
  const { file, diagnostics } = await validatePartnershipCached(source, display, ctx.today, ctx.env);
  const sources: Record<string, string> = { [display]: source };

  // The records are checked only against a valid partnership file: otherwise every meeting
  // would repeat the partnership file's own problems.
  if (file && !hasErrors(diagnostics)) {
    const state: string[] = [source, display, ctx.today, ctx.cwd];
    for (const id of listMeetingIds(root)) {
      const dir = join(meetingsDir(root), id);
      const shown = displayPath(ctx.cwd, join(dir, MEETING_FILE));
      const text = readRecordText(root, join(dir, MEETING_FILE), { display: shown, limit: MAX_YAML_BYTES });
      sources[shown] = text;
      state.push(id, text, listFiles(dir).sort().join('\n'));
    }
    const key = cacheKey('check-records', ...state);
    let records = readCache<Diagnostic[]>(key, ctx.env);
    if (!records) {
      const model = buildModel(file);
      const [{ checkRecords }, { checkRegisters }] = await Promise.all([import('../io/check-records.js'), import('../io/check-registers.js')]);
      const a = await checkRecords(root, ctx.cwd, model, ctx.today);
      const b = await checkRegisters(root, ctx.cwd, model, ctx.today);
      records = [...a.diagnostics, ...b.diagnostics];
      Object.assign(sources, a.sources, b.sources);
      writeCache(key, records, ctx.env);
    }
    diagnostics.push(...records);
  }

  const shown = opts.quiet ? diagnostics.filter((d) => d.severity === 'error') : diagnostics;
  const exitCode = checkExitCode(diagnostics);
  if (opts.json) return { exitCode, json: jsonDocument('check', { ok: !shown.some((d) => d.severity === 'error'), problems: shown.map(diagnosticJson) }) };
  if (!shown.length) return { exitCode };
  const lines = renderDiagnostics(shown, sources, ctx.c);
  if (!file) {
    // The checks run in stages; say so, so a clerk who fixes these is not surprised by more.
    lines.splice(-1, 0, 'Entries with a problem of their own, and the meeting records, are cross-checked once these are fixed.', '');
  }
  return { exitCode, errors: lines };
}
