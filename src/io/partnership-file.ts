/**
 * Finds and loads the partnership file: `--file`, then `WEP_FILE`, then `partnership.yaml` in
 * the working directory or its parents (as git finds .git).
 */
import { existsSync, lstatSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { hasErrors, locate, type Diagnostic } from '../core/diagnostic.js';
import type { IsoDate } from '../core/dates.js';
import { DiagnosticsError, WepError } from '../core/errors.js';
import { buildModel, type Model } from '../core/model.js';
import { checkPartialPartnership, checkPartnership } from '../core/partnership-rules.js';
import { partnershipSchema, type PartnershipFile } from '../core/partnership-schema.js';
import { cacheKey, isDiagnostics, isObject, readCache, writeCache } from './cache.js';
import { readRecordText } from './guarded-read.js';
import { MAX_YAML_BYTES } from './limits.js';

export const PARTNERSHIP_FILE = 'partnership.yaml';

export interface LoadOptions {
  cwd: string;
  /** From --file. */
  file?: string;
  env?: NodeJS.ProcessEnv;
  today: IsoDate;
}

export interface LoadedPartnership {
  model: Model;
  /** Absolute path of the partnership file. */
  path: string;
  /** The records repo: the folder holding the partnership file. */
  root: string;
  /** The path as shown to the user. */
  display: string;
  source: string;
  /** Warnings from validation (errors throw). */
  warnings: Diagnostic[];
}

/** Path shown in messages: relative to where wep runs when that is shorter. */
export function displayPath(cwd: string, path: string): string {
  const rel = relative(cwd, path);
  return rel && !rel.startsWith('..') && rel.length < path.length ? rel : path;
}

export function findPartnershipFile(cwd: string, file?: string, env: NodeJS.ProcessEnv = process.env): string {
  const explicit = file ?? env.WEP_FILE;
  if (explicit) {
    const p = resolve(cwd, explicit);
    if (!existsSync(p)) throw new WepError(`no partnership file at ${explicit}`, `check the path given to ${file ? '--file' : 'WEP_FILE'}`);
    if (statSync(p).isDirectory()) {
      const inside = join(p, PARTNERSHIP_FILE);
      if (existsSync(inside) && statSync(inside).isFile()) return inside;
      throw new WepError(`${explicit} is a folder with no ${PARTNERSHIP_FILE} in it`, 'give the path of the file itself');
    }
    return p;
  }
  for (let dir = resolve(cwd); ; dir = dirname(dir)) {
    const p = join(dir, PARTNERSHIP_FILE);
    // a folder of that name is not it; anything else is, and the guarded read refuses a FIFO
    // or a link out of the folder by name rather than wep looking further up
    if (existsSync(p) && !statSync(p).isDirectory()) return p;
    if (!existsSync(p) && lstatSync(p, { throwIfNoEntry: false })?.isSymbolicLink()) return p;
    if (dirname(dir) === dir) break;
  }
  throw new WepError(
    `no ${PARTNERSHIP_FILE} in ${cwd} or any folder above it`,
    'run wep inside a records repo, pass --file PATH, or create one with "wep init"',
  );
}

/** The partnership file's text, through the guarded reader: its folder is the records repo. */
export function readPartnershipText(path: string, display: string): string {
  return readRecordText(dirname(path), path, { display, limit: MAX_YAML_BYTES });
}

interface CachedValidation {
  file?: PartnershipFile;
  diagnostics: Diagnostic[];
}

/**
 * A cached validation: diagnostics, and a file with the partnership file's top-level shape, and
 * nothing else. With no file there is always an error (validatePartnershipSource gives no file
 * only then), so an entry of another kind that holds an empty list of diagnostics is never read
 * as "the file is fine but could not be read", which would make `wep check` say nothing.
 */
const isCachedValidation = (v: unknown): v is CachedValidation =>
  isObject(v) &&
  Object.keys(v).every((k) => k === 'file' || k === 'diagnostics') &&
  isDiagnostics(v.diagnostics) &&
  (v.file === undefined
    ? v.diagnostics.some((d) => d.severity === 'error')
    : isObject(v.file) && isObject(v.file.partnership) && typeof v.file.partnership.name === 'string' && Array.isArray(v.file.groups) && Array.isArray(v.file.people) && Array.isArray(v.file.bodies));

/** Validates partnership text completely: YAML, schema, then the named cross-reference rules. */
export async function validatePartnershipSource(source: string, display: string, today: IsoDate): Promise<{ file?: PartnershipFile; diagnostics: Diagnostic[] }> {
  const { parseYaml } = await import('./yaml-source.js');
  const parsed = parseYaml(source, display, partnershipSchema);
  if (!parsed.value) return { diagnostics: parsed.diagnostics };
  if (hasErrors(parsed.diagnostics)) {
    // Report the cross-reference problems too, as far as the file could be read.
    const shapeErrors = parsed.diagnostics.filter((d) => d.severity === 'error').map((d) => d.path ?? '');
    const partial = checkPartialPartnership(parsed.value, shapeErrors, parsed.dropped ?? [], today);
    return { diagnostics: [...parsed.diagnostics, ...locate(partial, display, parsed.positions, 'references')] };
  }
  const problems = checkPartnership(parsed.value, today);
  const diagnostics = [...parsed.diagnostics, ...locate(problems, display, parsed.positions, 'references')];
  return { file: parsed.value, diagnostics };
}

/**
 * validatePartnershipSource through the cache: the same text, shown under the same path, on
 * the same day gives the same diagnostics, so a second run skips the YAML parse entirely.
 */
export async function validatePartnershipCached(source: string, display: string, today: IsoDate, env: NodeJS.ProcessEnv = process.env): Promise<CachedValidation> {
  const key = cacheKey('partnership', source, display, today);
  const hit = readCache(key, isCachedValidation, env);
  if (hit) return hit;
  const result = await validatePartnershipSource(source, display, today);
  writeCache(key, result, env);
  return result;
}

export async function loadPartnership(opts: LoadOptions): Promise<LoadedPartnership> {
  const env = opts.env ?? process.env;
  const path = findPartnershipFile(opts.cwd, opts.file, env);
  const display = displayPath(opts.cwd, path);
  const source = readPartnershipText(path, display);
  const { file, diagnostics } = await validatePartnershipCached(source, display, opts.today, env);
  if (!file || hasErrors(diagnostics)) throw new DiagnosticsError(diagnostics, { [display]: source });
  // The model as of today: commands that ask about today (members, a what-if quorum, lists,
  // status) use it as it is, and a meeting's date is one more build (core/model.ts modelOn).
  return { model: buildModel(file, opts.today), path, root: dirname(path), display, source, warnings: diagnostics };
}
