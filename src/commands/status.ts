import { collectActions } from '../core/actions.js';
import { collectDecisions, type DecisionEntry } from '../core/decisions.js';
import { evaluateQuorum } from '../core/quorum.js';
import { buildStatus } from '../core/status.js';
import { changedFilesAsync } from '../io/git.js';
import { isObject, memoised } from '../io/cache.js';
import { loadRecords } from '../io/records.js';
import { jsonDocument } from '../report/emit.js';
import { renderStatus, statusJson } from '../report/status.js';
import { done, type CommandContext, type CommandResult } from './context.js';

/** The record files whose uncommitted changes status reports. */
export const RECORD_PATHS = ['partnership.yaml', 'meetings', 'templates'];

const isDecisionList = (v: unknown): v is DecisionEntry[] =>
  Array.isArray(v) && v.every((d) => isObject(d) && typeof d.ref === 'string' && typeof d.meetingId === 'string' && typeof d.standing === 'string');

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
  // Status lists only the decisions awaiting confirmation, but finding them counts the quorum
  // of every decision ever taken (a thousand, over 20 years): the answer is kept, keyed by the
  // partnership file and every meeting as read.
  const sources = meetings.map((m) => ({ id: m.id, meeting: m.merged }));
  const decisions = memoised(
    'status-decisions',
    [records.source, JSON.stringify(sources)],
    isDecisionList,
    () =>
      collectDecisions(model, sources, (on, body, attendance, item) => evaluateQuorum(on, body, attendance, item === undefined ? {} : { item })).filter(
        (d) => d.standing === 'awaiting-confirmation',
      ),
    ctx.env,
  );
  const uncommitted = await git;
  // The records themselves: hasMinutesFile is looked up only where the minutes are not out.
  const report = buildStatus(model, { meetings, actions, decisions, uncommitted }, ctx.today);
  if (opts.json) return done({ json: jsonDocument('status', statusJson(model, report)) });
  return done({ lines: renderStatus(model, report, ctx.c) });
}
