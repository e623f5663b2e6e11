import { actionsOn } from '../core/actions.js';
import { evaluateQuorum } from '../core/quorum.js';
import { buildStatus, statusView, type StatusView } from '../core/status.js';
import { changedFilesAsync } from '../io/git.js';
import { isObject, memoised } from '../io/cache.js';
import { loadRecords, type Records } from '../io/records.js';
import { registersFingerprint } from '../io/registers.js';
import { jsonDocument } from '../report/emit.js';
import { renderStatus, statusJson } from '../report/status.js';
import { done, type CommandContext, type CommandResult } from './context.js';

/** The record files whose uncommitted changes status reports. */
export const RECORD_PATHS = ['partnership.yaml', 'meetings', 'templates'];

/** A kept view's shape (light: the checksum already rules out damage). */
const isStatusView = (v: unknown): v is StatusView =>
  isObject(v) &&
  Array.isArray(v.meetings) &&
  v.meetings.every((m) => isObject(m) && typeof m.id === 'string' && typeof m.hasMinutesFile === 'boolean' && isObject(m.meeting) && typeof m.meeting.date === 'string' && typeof m.meeting.body === 'string') &&
  Array.isArray(v.actions) &&
  v.actions.every((a) => isObject(a) && typeof a.ref === 'string' && a.open === true && typeof a.text === 'string' && typeof a.owner === 'string') &&
  Array.isArray(v.decisions) &&
  v.decisions.every((d) => isObject(d) && typeof d.ref === 'string' && typeof d.meetingId === 'string' && typeof d.standing === 'string');

async function readView(records: Records, ctx: CommandContext): Promise<StatusView> {
  const meetings = await records.meetings({ summary: true });
  return statusView(records.model, meetings, ctx.today, (on, body, attendance, item) => evaluateQuorum(on, body, attendance, item === undefined ? {} : { item }));
}

export interface StatusOptions {
  json?: true;
}

export async function run(ctx: CommandContext, opts: StatusOptions): Promise<CommandResult> {
  const records = await loadRecords(ctx);
  const { model } = records;
  // git works out what is uncommitted while the records are read.
  const git = changedFilesAsync(records.root, RECORD_PATHS);
  // The view of a thousand meetings is kept for as long as no meeting.yaml or minutes.md is
  // added, removed or written, and the partnership file is the same: a morning's status then
  // reads neither.
  const stamp = registersFingerprint(records.root);
  const view = stamp === undefined ? await readView(records, ctx) : await memoised('status-view', [records.root, records.source, stamp], isStatusView, () => readView(records, ctx), ctx.env);
  const uncommitted = await git;
  const report = buildStatus(model, { meetings: view.meetings, actions: actionsOn(view.actions, ctx.today), decisions: view.decisions, uncommitted }, ctx.today);
  if (opts.json) return done({ json: jsonDocument('status', statusJson(model, report)) });
  return done({ lines: renderStatus(model, report, ctx.c) });
}
