import { collectActions } from '../core/actions.js';
import { collectDecisions } from '../core/decisions.js';
import { evaluateQuorum } from '../core/quorum.js';
import { buildStatus } from '../core/status.js';
import { changedFilesAsync } from '../io/git.js';
import { loadPartnership } from '../io/partnership-file.js';
import { loadRegisters } from '../io/registers.js';
import { renderStatus, statusJson } from '../report/status.js';
import type { CommandContext } from './context.js';

/** The record files whose uncommitted changes status reports. */
export const RECORD_PATHS = ['partnership.yaml', 'meetings', 'templates'];

export async function run(ctx: CommandContext, opts: { json?: boolean }): Promise<number> {
  const { model, root } = await loadPartnership(ctx);
  // git works out what is uncommitted while the records are read.
  const git = changedFilesAsync(root, RECORD_PATHS);
  const meetings = await loadRegisters(root, ctx.cwd, ctx.env, { summary: true });
  const actions = collectActions(
    meetings.map((m) => ({ id: m.id, meeting: m.merged })),
    ctx.today,
  );
  const decisions = collectDecisions(
    model,
    meetings.map((m) => ({ id: m.id, meeting: m.merged })),
    (body, attendance, item) => evaluateQuorum(model, body, attendance, item === undefined ? {} : { item }),
  );
  const uncommitted = await git;
  // The records themselves: hasMinutesFile is looked up only where the minutes are not out.
  const report = buildStatus(model, { meetings, actions, decisions, uncommitted }, ctx.today);
  if (opts.json) ctx.out.json(statusJson(model, report));
  else for (const line of renderStatus(model, report, ctx.out.c)) ctx.out.out(line);
  return 0;
}
