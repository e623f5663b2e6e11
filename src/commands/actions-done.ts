import { formatCommit } from '../report/commit.js';
import { formatLongDate } from '../core/dates.js';
import { WepError } from '../core/errors.js';
import { hintFor } from '../core/suggest.js';
import { commitFiles, verifyInsideRepo } from '../io/git.js';
import { listMeetingIds, meetingDate, verifyMeetingId } from '../io/meetings.js';
import { loadPartnership } from '../io/partnership-file.js';
import { addPendingToDoc, editMeetingFile, setActionDoneInDoc } from '../io/register-edits.js';
import { loadRegisterMeeting } from '../io/registers.js';
import type { CommandContext } from './context.js';
import { parseDateArg } from './deadlines.js';

export interface ActionsDoneOptions {
  id: string;
  date?: string;
  meeting?: string;
  note?: string;
  commit?: boolean;
}

export async function run(ctx: CommandContext, opts: ActionsDoneOptions): Promise<number> {
  const { model, root } = await loadPartnership(ctx);
  if (opts.commit) for (const w of verifyInsideRepo(root)) ctx.out.err(`${ctx.out.c.yellow('warning:')} ${w}`);
  const slash = opts.id.lastIndexOf('/');
  if (slash < 0) {
    throw new WepError(`"${opts.id}" is not an action id`, 'write it as <meeting>/<action>, e.g. 2026-12-10-partnership/a1; "wep actions --open" lists them');
  }
  const meetingId = opts.id.slice(0, slash);
  const actionId = opts.id.slice(slash + 1);
  verifyMeetingId(root, meetingId);
  const rec = await loadRegisterMeeting(root, meetingId, ctx.cwd, ctx.env);
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
  const date = opts.date === undefined ? ctx.today : parseDateArg(opts.date, 'date closed');
  if (date > ctx.today) throw new WepError(`the date closed ${date} is in the future (today is ${ctx.today})`, 'close it on or after the day it was done');
  if (date < rec.meeting.date) throw new WepError(`the date closed ${date} is before the meeting that set the action (${rec.meeting.date})`, 'check the date: give it as YYYY-MM-DD');
  // Where it was closed: --meeting, else a meeting of the same body held that day.
  let at = opts.meeting;
  if (at !== undefined) verifyMeetingId(root, at);
  else at = listMeetingIds(root).find((id) => meetingDate(id) === date && id !== meetingId && id.slice(11) === rec.meeting.body);
  const pendingAction = rec.pending.actions.find((a) => a.id === actionId);
  editMeetingFile(rec, (doc) => {
    // An action typed in minutes.md joins meeting.yaml now, so its closure has somewhere to live.
    if (pendingAction) addPendingToDoc(doc, { actions: rec.pending.actions, decisions: rec.pending.decisions });
    setActionDoneInDoc(doc, actionId, { date, ...(at ? { meeting: at } : {}), ...(opts.note ? { note: opts.note } : {}) });
  });
  const { c } = ctx.out;
  const owner = model.people.get(action.owner)?.name ?? action.owner;
  ctx.out.out(`${c.green('closed')} ${opts.id}: ${action.text} (${owner})`);
  ctx.out.out(`  on ${formatLongDate(date)}${at ? ` at ${at}` : c.dim(' (between meetings; add --meeting ID to record where)')}`);
  if (opts.commit) {
    const hash = commitFiles(root, [rec.path], `Action closed: ${opts.id} (${action.text.length > 50 ? `${action.text.slice(0, 47)}...` : action.text})`);
    ctx.out.out(formatCommit(hash, 1));
  }
  return 0;
}
