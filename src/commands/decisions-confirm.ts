import { checkConfirmation, collectDecisions, confirmationRefusal } from '../core/decisions.js';
import { formatLongDate } from '../core/dates.js';
import { WepError } from '../core/errors.js';
import { evaluateQuorum } from '../core/quorum.js';
import { hintFor } from '../core/suggest.js';
import { commitFiles, verifyInsideRepo } from '../io/git.js';
import { verifyMeetingId } from '../io/meetings.js';
import { loadPartnership } from '../io/partnership-file.js';
import { addPendingToDoc, editMeetingFile, setDecisionConfirmedInDoc } from '../io/register-edits.js';
import { loadRegisterMeeting } from '../io/registers.js';
import { formatCommit } from '../report/commit.js';
import type { CommandContext } from './context.js';

export interface DecisionsConfirmOptions {
  ref: string;
  at: string;
  item?: string;
  commit?: boolean;
}

export async function run(ctx: CommandContext, opts: DecisionsConfirmOptions): Promise<number> {
  const { model, root } = await loadPartnership(ctx);
  if (opts.commit) verifyInsideRepo(root);
  const slash = opts.ref.lastIndexOf('/');
  if (slash < 0) throw new WepError(`"${opts.ref}" is not a decision id`, 'write it as <meeting>/<decision>, e.g. 2026-10-08-partnership/d1; "wep decisions" lists them');
  const meetingId = opts.ref.slice(0, slash);
  const decisionId = opts.ref.slice(slash + 1);
  verifyMeetingId(root, meetingId);
  verifyMeetingId(root, opts.at);
  let item: number | undefined;
  if (opts.item !== undefined) {
    if (!/^[1-9]\d*$/.test(opts.item)) throw new WepError(`--item "${opts.item}" is not an item number`, 'give the agenda item number, e.g. --item 4');
    item = Number(opts.item);
  }
  const rec = await loadRegisterMeeting(root, meetingId, ctx.cwd, ctx.env);
  const at = await loadRegisterMeeting(root, opts.at, ctx.cwd, ctx.env);
  const evaluate = (b: Parameters<typeof evaluateQuorum>[1], a: Parameters<typeof evaluateQuorum>[2], n?: number) => evaluateQuorum(model, b, a, n === undefined ? {} : { item: n });
  const entries = collectDecisions(model, [{ id: meetingId, meeting: rec.merged }, { id: opts.at, meeting: at.merged }], evaluate);
  const entry = entries.find((d) => d.ref === opts.ref);
  if (!entry) {
    const ids = entries.filter((d) => d.meetingId === meetingId).map((d) => d.ref.slice(meetingId.length + 1));
    throw new WepError(`meeting ${meetingId} has no decision "${decisionId}"`, ids.length ? hintFor(decisionId, ids, 'decisions of that meeting') : 'that meeting recorded no decisions');
  }
  const confirmed = { at: opts.at, ...(item !== undefined ? { item } : {}) };
  const proposed = checkConfirmation(model, entry, confirmed, at.merged, evaluate);
  const refusal = confirmationRefusal(entry, proposed);
  if (refusal) throw new WepError(refusal.message, refusal.hint);
  const pending = rec.pending.decisions.some((d) => d.id === decisionId);
  editMeetingFile(rec, (doc) => {
    // A decision typed in minutes.md joins meeting.yaml now, so its confirmation has somewhere to live.
    if (pending) addPendingToDoc(doc, rec.pending);
    setDecisionConfirmedInDoc(doc, decisionId, confirmed);
  });
  const { c } = ctx.out;
  ctx.out.out(`${c.green('confirmed')} ${opts.ref}: ${entry.text}`);
  ctx.out.out(`  at ${opts.at} (${formatLongDate(at.meeting.date)}), ${item !== undefined ? `item ${item}` : 'at the start of the meeting'}, which was quorate`);
  if (opts.commit) {
    const hash = commitFiles(root, [rec.path], `Decision confirmed: ${opts.ref} at ${opts.at}`);
    ctx.out.out(formatCommit(hash, 1));
  }
  return 0;
}
