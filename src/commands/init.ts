import { relative, resolve } from 'node:path';
import type { Nation } from '../core/calendar.js';
import { hasErrors } from '../core/diagnostic.js';
import { DiagnosticsError, WepError } from '../core/errors.js';
import { DEFAULT_PRESET, verifyPresetName, whyNotEmail, whyNotName, whyNotNation, whyNotShort, type InitAnswers } from '../core/presets.js';
import { applyAnswers, presetFacts, readPreset, recordsRepoFiles, verifyInitTarget, writeRecordsRepo } from '../io/init-repo.js';
import { PARTNERSHIP_FILE, validatePartnershipSource } from '../io/partnership-file.js';
import { formatWarning } from '../report/emit.js';
import { renderInitDone } from '../report/init.js';
import { done, type CommandContext, type CommandResult } from './context.js';

export interface InitOptions {
  dir?: string;
  preset?: string;
  yes?: true;
  name?: string;
  short?: string;
  clerkName?: string;
  clerkEmail?: string;
  nation?: string;
  /** false with --no-git. */
  git: boolean;
}

/** Checks a flag's value, naming the flag when it cannot be used. */
function verifyFlag(flag: string, value: string | undefined, why: (v: string) => string | undefined): void {
  if (value === undefined) return;
  const problem = why(value);
  if (problem) throw new WepError(`${flag}: ${problem}`, `see "wep init --help"`);
}

export async function run(ctx: CommandContext, opts: InitOptions): Promise<CommandResult> {
  const dirArg = opts.dir ?? '.';
  const root = resolve(ctx.cwd, dirArg);
  const shown = relative(ctx.cwd, root) || '.';
  verifyInitTarget(root, shown);
  if (opts.preset !== undefined) verifyPresetName(opts.preset);
  verifyFlag('--name', opts.name, whyNotName);
  verifyFlag('--short', opts.short, whyNotShort);
  verifyFlag('--clerk-name', opts.clerkName, whyNotName);
  verifyFlag('--clerk-email', opts.clerkEmail, whyNotEmail);
  verifyFlag('--nation', opts.nation, whyNotNation);

  const loadFacts = async (preset: string) => {
    const { file } = await validatePartnershipSource(readPreset(preset), `${preset} preset`, ctx.today);
    if (!file) throw new WepError(`the ${preset} preset does not validate`, 'this is a bug in wep; please report it');
    return presetFacts(file);
  };

  let answers: InitAnswers | undefined;
  const flags = { name: opts.name, short: opts.short, clerkName: opts.clerkName, clerkEmail: opts.clerkEmail, nation: opts.nation as Nation | undefined };
  if (opts.yes) {
    answers = { preset: opts.preset ?? DEFAULT_PRESET, ...flags };
  } else if (!ctx.interactive) {
    throw new WepError(
      'wep init asks its questions on a terminal, and this is not one',
      'run it in a terminal, or answer with flags: wep init DIR --yes --preset NAME --name "..." --short ... --clerk-name "..." --clerk-email ...',
    );
  } else {
    const { promptInit } = await import('../io/init-prompt.js');
    answers = await promptInit({ out: ctx.print, c: ctx.c }, { preset: opts.preset ?? DEFAULT_PRESET, ...flags }, loadFacts, shown);
    if (!answers) return done({ notes: ['Nothing was written.'] });
  }

  const text = applyAnswers(readPreset(answers.preset), answers, ctx.today);
  // The result must pass `wep check`: validate before anything touches the disk.
  const display = relative(ctx.cwd, resolve(root, PARTNERSHIP_FILE)) || PARTNERSHIP_FILE;
  const { diagnostics, file } = await validatePartnershipSource(text, display, ctx.today);
  if (hasErrors(diagnostics)) throw new DiagnosticsError(diagnostics, { [display]: text });

  const { written, git } = writeRecordsRepo(root, recordsRepoFiles(text), { git: opts.git !== false });
  const termDates = (file?.partnership.calendar?.terms?.length ?? 0) > 0;
  const lines = renderInitDone({ target: shown, preset: answers.preset, written, git, warnings: diagnostics.length, termDates }, ctx.c);
  if (git.status === 'unavailable' || git.status === 'failed') {
    return done({
      lines,
      errors: [
        formatWarning(`the files are written, but git did not commit them: ${git.reason}`, ctx),
        '  fix: install git (or set user.name and user.email), then: git init && git add -A && git commit -m "Start the records repo"',
      ],
    });
  }
  return done({ lines });
}
