import { formatCommit } from '../report/commit.js';
import { formatLongDate } from '../core/dates.js';
import { WepError } from '../core/errors.js';
import { hintFor } from '../core/suggest.js';
import { commitFiles, verifyInsideRepo } from '../io/git.js';
import { meetingDate } from '../io/meetings.js';
import { loadRecords, verifyMeetingRef } from '../io/records.js';
import { addPendingToDoc, editMeetingFile, setActionDoneInDoc } from '../io/register-edits.js';
import { jsonDocument } from '../report/emit.js';
import { parseDate } from './args.js';
import { done, type CommandContext, type CommandResult } from './context.js';

export interface ActionsDoneOptions {
  id: string;
  date?: string;
  meeting?: string;
  note?: string;
  commit?: true;
  json?: true;
}

export async function run(ctx: CommandContext, opts: ActionsDoneOptions): Promise<CommandResult> {
  const records = await loadRecords(ctx);
  const { model, root } = records;
  const gitWarnings = opts.commit ? verifyInsideRepo(root) : [];
  const slash = opts.id.lastIndexOf('/');
  if (slash < 0) {
    throw new WepError(`"${opts.id}" is not an action id`, 'write it as <meeting>/<action>, e.g. 2026-12-10-partnership/a1; "wep actions --open" lists them');
  }
  const meetingId = opts.id.slice(0, slash);
  const actionId = opts.id.slice(slash + 1);
  verifyMeetingRef(records, meetingId);
  const rec = await records.meeting(meetingId);
  const action = (rec.merged.actions ?? []).find((a) => a.id === actionId);
  if (!action) {
    const ids = (rec.merged.actions ?? []).map((a) => a.id);
    throw new WepError(`meeting ${meetingId} has no action "${actionId}"`, ids.length ? hintFor(actionId, ids, 'actions of that meeting') : 'that meeting recorded no actions');
  }
  if (action.done) {
    throw new WepError(
      `action ${opts.id} is already closed (${action.done.date}${action.done.meeting ? ` at ${action.done.meeting}` : ''})`,
      'nothing to do; to change the record, edit meeting.yaml',
    );
  }
  const date = opts.date === undefined ? ctx.today : parseDate(opts.date, 'date closed');
  if (date > ctx.today) throw new WepError(`the date closed ${date} is in the future (today is ${ctx.today})`, 'close it on or after the day it was done');
  if (date < rec.meeting.date) throw new WepError(`the date closed ${date} is before the meeting that set the action (${rec.meeting.date})`, 'check the date: give it as YYYY-MM-DD');
  // Where it was closed: --meeting, else a meeting of the same body held that day.
  let at = opts.meeting;
  if (at !== undefined) verifyMeetingRef(records, at, '--meeting');
  else at = records.ids().find((id) => meetingDate(id) === date && id !== meetingId && id.slice(11) === rec.meeting.body);
  const pendingAction = rec.pending.actions.find((a) => a.id === actionId);
  editMeetingFile(rec, (doc) => {
    // An action typed in minutes.md joins meeting.yaml now, so its closure has somewhere to live.
    if (pendingAction) addPendingToDoc(doc, { actions: rec.pending.actions, decisions: rec.pending.decisions });
    setActionDoneInDoc(doc, actionId, { date, ...(at ? { meeting: at } : {}), ...(opts.note ? { note: opts.note } : {}) });
  });
  const commit = opts.commit ? commitFiles(root, [rec.path], `Action closed: ${opts.id} (${action.text.length > 50 ? `${action.text.slice(0, 47)}...` : action.text})`) : undefined;
  if (opts.json) return done({ warnings: gitWarnings, json: jsonDocument('actions done', { action: opts.id, meeting: meetingId, date, at: at ?? null, note: opts.note ?? null, commit: commit ?? null }) });
  const { c } = ctx;
  const owner = model.people.get(action.owner)?.name ?? action.owner;
  const lines = [
    `${c.green('closed')} ${opts.id}: ${action.text} (${owner})`,
    `  on ${formatLongDate(date)}${at ? ` at ${at}` : c.dim(' (between meetings; add --meeting ID to record where)')}`,
  ];
  if (commit !== undefined) lines.push(formatCommit(commit, 1));
  return done({ lines, warnings: gitWarnings });
}
