import { lstatSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { hasErrors, type Diagnostic } from '../core/diagnostic.js';
import { EXIT } from '../core/errors.js';
import { buildModel } from '../core/model.js';
import { checksum } from '../core/hash.js';
import { cacheKey, isDiagnostics, isObject, readCache, writeCache } from '../io/cache.js';
import { readRecordText } from '../io/guarded-read.js';
import { MAX_YAML_BYTES } from '../io/limits.js';
import { listMeetingIds, MEETING_FILE, meetingsDir } from '../io/meetings.js';
import { displayPath, findPartnershipFile, readPartnershipText, validatePartnershipCached } from '../io/partnership-file.js';
import { MINUTES_FILE } from '../io/registers.js';
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

/** What the meeting checks read besides meeting.yaml, each with what it was: a cached result is used only while all are unchanged. */
type Dependency = [how: 'content' | 'is-file', path: string, print: string];

interface CachedRecords {
  diagnostics: Diagnostic[];
  /** The texts of files other than meeting.yaml that the diagnostics quote (minutes.md). */
  sources: Record<string, string>;
  depends: Dependency[];
}

const isCachedRecords = (v: unknown): v is CachedRecords =>
  isObject(v) &&
  isDiagnostics(v.diagnostics) &&
  isObject(v.sources) &&
  Object.values(v.sources).every((t) => typeof t === 'string') &&
  Array.isArray(v.depends) &&
  v.depends.every((d) => Array.isArray(d) && d.length === 3 && (d[0] === 'content' || d[0] === 'is-file') && typeof d[1] === 'string' && typeof d[2] === 'string');

/** A file's content as far as the checks can tell: its checksum, "none", or "other" (a folder, a device). */
function contentPrint(path: string): string {
  const st = statSync(path, { throwIfNoEntry: false });
  if (!st) return 'none';
  if (!st.isFile()) return 'other';
  try {
    return checksum(readFileSync(path, 'utf8'));
  } catch {
    return 'unreadable';
  }
}

/**
 * Whether a paper is a plain file. lstat, as the guarded reader: a link is never taken for the
 * file it names, so a cached answer is used only when nothing could have changed it.
 */
const paperPrint = (path: string) => (lstatSync(path, { throwIfNoEntry: false })?.isFile() ? 'file' : 'none');

const isCurrent = (deps: readonly Dependency[]) => deps.every(([how, path, print]) => (how === 'content' ? contentPrint(path) : paperPrint(path)) === print);

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
    // The key holds every text the checks read; the entry lists what else they looked at
    // (each meeting's minutes.md, by content, and the papers), checked on every use.
    const state: string[] = [source, display, ctx.today, ctx.cwd];
    const ids = listMeetingIds(root);
    for (const id of ids) {
      const dir = join(meetingsDir(root), id);
      const shown = displayPath(ctx.cwd, join(dir, MEETING_FILE));
      const text = readRecordText(root, join(dir, MEETING_FILE), { display: shown, limit: MAX_YAML_BYTES });
      sources[shown] = text;
      state.push(id, text);
    }
    const key = cacheKey('check-records', ...state);
    const hit = readCache(key, isCachedRecords, ctx.env);
    if (hit && isCurrent(hit.depends)) {
      diagnostics.push(...hit.diagnostics);
      Object.assign(sources, hit.sources);
    } else {
      const model = buildModel(file);
      const [{ checkRecords }, { checkRegisters }] = await Promise.all([import('../io/check-records.js'), import('../io/check-registers.js')]);
      const a = await checkRecords(root, ctx.cwd, model, ctx.today);
      const b = await checkRegisters(root, ctx.cwd, model, ctx.today);
      const minutes = ids.map((id): Dependency => {
        const path = join(meetingsDir(root), id, MINUTES_FILE);
        return ['content', path, contentPrint(path)];
      });
      const papers = Object.entries(a.papers).map(([path, isFile]): Dependency => ['is-file', path, isFile ? 'file' : 'none']);
      const quoted = Object.fromEntries(Object.entries({ ...a.sources, ...b.sources }).filter(([name]) => !(name in sources)));
      Object.assign(sources, a.sources, b.sources);
      diagnostics.push(...a.diagnostics, ...b.diagnostics);
      writeCache(key, { diagnostics: [...a.diagnostics, ...b.diagnostics], sources: quoted, depends: [...minutes, ...papers] } satisfies CachedRecords, ctx.env);
    }
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
