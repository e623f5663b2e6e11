import { join, resolve } from 'node:path';
import { hasErrors, type Diagnostic } from '../core/diagnostic.js';
import { DiagnosticsError, EXIT, WepError } from '../core/errors.js';
import { schoolFromGias, type ImportedSchool } from '../core/gias.js';
import { planImport } from '../core/schools-import.js';
import { commitFiles, verifyInsideRepo } from '../io/git.js';
import { giasPosition, readGiasExtract } from '../io/gias-csv.js';
import { displayPath, validatePartnershipSource } from '../io/partnership-file.js';
import { loadRecords } from '../io/records.js';
import { IMPORT_BASE_FILE, importedText, readImportBase, writeImport } from '../io/schools-register.js';
import { formatCommit } from '../report/commit.js';
import { importJson, renderImport, type ImportSummary } from '../report/schools-import.js';
import { jsonDocument } from '../report/emit.js';
import { done, type CommandContext, type CommandResult } from './context.js';

export interface SchoolsImportOptions {
  file: string;
  la?: string;
  dryRun?: true;
  commit?: true;
  json?: true;
}

/** Problems shown at most, so a wrong file does not print 50,000 of them. */
const MAX_PROBLEMS = 20;

export async function run(ctx: CommandContext, opts: SchoolsImportOptions): Promise<CommandResult> {
  const loaded = await loadRecords(ctx);
  if (opts.commit && !opts.dryRun) verifyInsideRepo(loaded.root);
  const csvPath = resolve(ctx.cwd, opts.file);
  const csvDisplay = displayPath(ctx.cwd, csvPath);
  const la = opts.la?.trim();
  if (opts.la !== undefined && !la) throw new WepError('--la needs the local authority\'s name', 'e.g. --la "Central Bedfordshire", as the "LA (name)" column writes it');
  const extract = await readGiasExtract(csvPath, csvDisplay, la);

  const schools: ImportedSchool[] = [];
  const skipped: Record<string, number> = {};
  const problems: Diagnostic[] = [];
  for (const row of extract.rows) {
    const r = schoolFromGias(row);
    if ('school' in r) schools.push(r.school);
    else if ('skip' in r) skipped[r.skip] = (skipped[r.skip] ?? 0) + 1;
    else if (problems.length < MAX_PROBLEMS) {
      problems.push({ severity: 'error', file: csvDisplay, pos: giasPosition(extract, row, r.problem.column), message: r.problem.message, hint: r.problem.hint, check: 'gias' });
    }
  }
  if (problems.length) throw new DiagnosticsError(problems, { [csvDisplay]: extract.source });

  const base = readImportBase(loaded.root);
  const plan = planImport(loaded.model.file.schools ?? [], schools, base);
  const text = importedText(loaded.source, plan);
  // The import only adds and edits schools; if the result does not validate, that is wep's bug.
  const check = await validatePartnershipSource(text, loaded.display, ctx.today);
  if (!check.file || hasErrors(check.diagnostics)) {
    const first = check.diagnostics.find((d) => d.severity === 'error');
    throw new WepError(`the imported register would not validate (${first?.message ?? 'unknown problem'}); nothing was written`, 'this is a bug in wep: please report it with the extract', EXIT.internal);
  }

  const basePath = join(loaded.root, IMPORT_BASE_FILE);
  const baseChanged = JSON.stringify(sortByKey(plan.base)) !== JSON.stringify(sortByKey(base));
  const written: string[] = [];
  if (!opts.dryRun && (text !== loaded.source || baseChanged)) {
    writeImport(loaded.path, text, loaded.root, { imported: ctx.today, file: csvPath.split(/[\\/]/).pop()!, la: extract.la, schools: sortByKey(plan.base) }, loaded.source);
    if (text !== loaded.source) written.push(loaded.display);
    written.push(displayPath(ctx.cwd, basePath));
  }
  const summary: ImportSummary = { file: csvDisplay, la: extract.la, rows: extract.rows.length, total: extract.total, skipped, dryRun: !!opts.dryRun, written };
  const committing = opts.commit && !opts.dryRun;
  const hash = committing && written.length ? commitFiles(loaded.root, [loaded.path, basePath], `Schools register from GIAS (${extract.la})`) : null;
  const notes = committing ? [formatCommit(hash, written.length)] : [];
  const conflicts = plan.updated.reduce((n, u) => n + u.conflicts.length, 0);
  if (opts.json) return done({ json: jsonDocument('schools import', { ...importJson(plan, summary), commit: hash }) });
  const warnings = conflicts ? [`${conflicts} field${conflicts === 1 ? '' : 's'} you edited differ${conflicts === 1 ? 's' : ''} from GIAS: kept yours (listed under "Kept your edits")`] : [];
  return done({ lines: [...renderImport(plan, summary, ctx.c), ...notes], warnings });
}


function sortByKey<T>(o: Record<string, T>): Record<string, T> {
  return Object.fromEntries(Object.keys(o).sort().map((k) => [k, o[k]!]));
}
