import { checkConfirmation, collectDecisions, confirmationRefusal } from '../core/decisions.js';
import { formatLongDate } from '../core/dates.js';
import { WepError } from '../core/errors.js';
import { evaluateQuorum } from '../core/quorum.js';
import { hintFor } from '../core/suggest.js';
import { commitFiles, verifyInsideRepo } from '../io/git.js';
import { loadRecords, verifyMeetingRef } from '../io/records.js';
import { addPendingToDoc, editMeetingFile, setDecisionConfirmedInDoc } from '../io/register-edits.js';
import { formatCommit } from '../report/commit.js';
import { jsonDocument } from '../report/emit.js';
import { parseItem } from './args.js';
import { done, type CommandContext, type CommandResult } from './context.js';

export interface DecisionsConfirmOptions {
  ref: string;
  at: string;
  item?: string;
  commit?: true;
  json?: true;
}

export async function run(ctx: CommandContext, opts: DecisionsConfirmOptions): Promise<CommandResult> {
  const records = await loadRecords(ctx);
  const { model, root } = records;
  if (opts.commit) verifyInsideRepo(root);
  const slash = opts.ref.lastIndexOf('/');
  if (slash < 0) throw new WepError(`"${opts.ref}" is not a decision id`, 'write it as <meeting>/<decision>, e.g. 2026-10-08-partnership/d1; "wep decisions" lists them');
  const meetingId = opts.ref.slice(0, slash);
  const decisionId = opts.ref.slice(slash + 1);
  verifyMeetingRef(records, meetingId);
  verifyMeetingRef(records, opts.at, '--at');
  const rec = await records.meeting(meetingId);
  const at = await records.meeting(opts.at);
  const item = parseItem(opts.item, at.meeting.agenda.length, opts.at);
  const evaluate = (on: Parameters<typeof evaluateQuorum>[0], b: Parameters<typeof evaluateQuorum>[1], a: Parameters<typeof evaluateQuorum>[2], n?: number) => evaluateQuorum(on, b, a, n === undefined ? {} : { item: n });
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
  const commit = opts.commit ? commitFiles(root, [rec.path], `Decision confirmed: ${opts.ref} at ${opts.at}`) : undefined;
  if (opts.json) return done({ json: jsonDocument('decisions confirm', { decision: opts.ref, at: opts.at, item: item ?? null, commit: commit ?? null }) });
  const { c } = ctx;
  const lines = [
    `${c.green('confirmed')} ${opts.ref}: ${entry.text}`,
    `  at ${opts.at} (${formatLongDate(at.meeting.date)}), ${item !== undefined ? `item ${item}` : 'at the start of the meeting'}, which was quorate`,
  ];
  if (commit !== undefined) lines.push(formatCommit(commit, 1));
  return done({ lines });
}
