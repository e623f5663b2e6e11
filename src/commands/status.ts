import { collectActions } from '../core/actions.js';
import { buildStatus } from '../core/status.js';
import { changedFilesAsync } from '../io/git.js';
import { loadRecords } from '../io/records.js';
import { jsonDocument } from '../report/emit.js';
import { renderStatus, statusJson } from '../report/status.js';
import { done, type CommandContext, type CommandResult } from './context.js';

/** The record files whose uncommitted changes status reports. */
export const RECORD_PATHS = ['partnership.yaml', 'meetings', 'templates'];

export interface StatusOptions {
  json?: true;
}

export async function run(ctx: CommandContext, opts: StatusOptions): Promise<CommandResult> {
  const records = await loadRecords(ctx);
  const { model } = records;
  // git works out what is uncommitted while the records are read.
  const git = changedFilesAsync(records.root, RECORD_PATHS);
  const meetings = await records.meetings({ summary: true });
  const actions = collectActions(
    meetings.map((m) => ({ id: m.id, meeting: m.merged })),
    ctx.today,
  );
  const uncommitted = await git;
  // The records themselves: hasMinutesFile is looked up only where the minutes are not out.
  const report = buildStatus(model, { meetings, actions, uncommitted }, ctx.today);
  if (opts.json) return done({ json: jsonDocument('status', statusJson(model, report)) });
  return done({ lines: renderStatus(model, report, ctx.c) });
}
