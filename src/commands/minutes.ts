import { formatCommit } from '../report/commit.js';
import { actionsCarriedForward, collectActions } from '../core/actions.js';
import { formatLongDate } from '../core/dates.js';
import { WepError } from '../core/errors.js';
import { meetingDeadlines, requireBody } from '../core/meeting-deadlines.js';
import { bannerBlock, setBanner } from '../core/minutes-banner.js';
import { minuteRefs } from '../core/minute-refs.js';
import { applyLifecycle, approvalItem, buildMinutes, type ApprovalQuorum, type LifecycleRefusal, type LifecycleRequest, type QuorumAt } from '../core/minutes.js';
import type { MeetingFile } from '../core/meeting-schema.js';
import type { Model } from '../core/model.js';
import { evaluateQuorum } from '../core/quorum.js';
import { commitFiles, verifyInsideRepo } from '../io/git.js';
import { updateGenerated, writeGenerated } from '../io/generated.js';
import { chooseMeetingId, meetingDate, verifyMeetingId } from '../io/meetings.js';
import { loadPartnership } from '../io/partnership-file.js';
import { editMeetingFile, setMinutesInDoc, syncMinutesToDoc } from '../io/register-edits.js';
import { loadRegisters, loadRegisterMeeting } from '../io/registers.js';
import { renderTemplate } from '../io/templates.js';
import { minutesView, renderCirculation, tidyMinutes } from '../report/minutes.js';
import type { CommandContext } from './context.js';
import { parseDateArg } from './deadlines.js';

export interface MinutesOptions {
  meeting?: string;
  circulated?: string | boolean;
  approvedAt?: string;
  signed?: string | boolean;
  /** Why the minutes are circulated again (a re-circulation). */
  reason?: string;
  /** Amendments made on approval (repeatable). */
  amendment?: string[];
  force?: boolean;
  commit?: boolean;
}

export const TEMPLATE = 'minutes.md.hbs';

/** How to give what a refusal asks for, by the request field it is about. */
const FLAG_EXAMPLE: Record<LifecycleRefusal['field'], string> = {
  circulated: '--circulated YYYY-MM-DD',
  reason: '--circulated YYYY-MM-DD --reason "what was corrected"',
  approvedAt: '--approved-at MEETING',
  amendments: '--approved-at MEETING --amendment "the change"',
  signed: '--signed YYYY-MM-DD',
};

/** The status block's facts for a minutes record. */
export function bannerFor(model: Model, minutes: MeetingFile['minutes']): string {
  return bannerBlock({
    minutes,
    ...(minutes?.approvedAt ? { approvedAtDate: meetingDate(minutes.approvedAt) } : {}),
    ...(minutes?.signed ? { signedByName: model.people.get(minutes.signed.by)?.name ?? minutes.signed.by } : {}),
  });
}

const dateOpt = (v: string | boolean | undefined, today: string, what: string) => (v === undefined || v === false ? undefined : v === true ? today : parseDateArg(v, what));

export async function run(ctx: CommandContext, opts: MinutesOptions): Promise<number> {
  const { model, root } = await loadPartnership(ctx);
  if (opts.commit) verifyInsideRepo(root);
  const { id, picked } = chooseMeetingId(root, ctx.today, opts.meeting, 'latest-held');
  const rec = await loadRegisterMeeting(root, id, ctx.cwd, ctx.env);
  const m = rec.meeting;
  const body = requireBody(model, m.body);
  const { c } = ctx.out;
  if (picked) ctx.out.err(c.dim(`meeting ${id} (the latest held; choose another with --meeting ID)`));
  if (m.cancelled) throw new WepError(`the meeting ${id} was cancelled, so it has no minutes`, `cancelled: ${m.cancelled.reason}`);
  if (m.date > ctx.today) {
    throw new WepError(`the meeting ${id} is on ${formatLongDate(m.date)}, after today: minutes come after the meeting`, 'write the agenda and notice first: "wep notice"');
  }

  const written: string[] = [];
  const lifecycle = (opts.circulated !== undefined && opts.circulated !== false) || opts.approvedAt !== undefined || (opts.signed !== undefined && opts.signed !== false);
  let status = m.minutes?.status ?? 'draft';

  if (lifecycle || opts.reason !== undefined || opts.amendment?.length) {
    const req: LifecycleRequest = {};
    const circulated = dateOpt(opts.circulated, ctx.today, 'circulation date');
    if (circulated) req.circulated = circulated;
    if (opts.reason !== undefined) req.reason = opts.reason;
    if (opts.amendment?.length) req.amendments = opts.amendment;
    let approvingChair: string | undefined;
    if (opts.approvedAt !== undefined) {
      verifyMeetingId(root, opts.approvedAt);
      const at = await loadRegisterMeeting(root, opts.approvedAt, ctx.cwd, ctx.env);
      const atBody = model.bodies.get(at.meeting.body);
      const item = approvalItem(at.meeting.agenda);
      const q = atBody && at.meeting.attendance ? evaluateQuorum(model, atBody, at.meeting.attendance, item === null ? {} : { item }) : undefined;
      const quorum: ApprovalQuorum = {
        cancelled: at.meeting.cancelled !== undefined,
        item,
        itemTitle: item === null ? null : at.meeting.agenda[item - 1]!.title,
        quorate: q ? q.quorate : null,
        shortfall: q ? q.rules.filter((r) => !r.met).map((r) => `${r.description}: short by ${r.shortBy}`) : [],
      };
      req.approvedAt = { id: opts.approvedAt, date: meetingDate(opts.approvedAt), quorum };
      approvingChair = at.meeting.chair;
    }
    const signed = dateOpt(opts.signed, ctx.today, 'signature date');
    if (signed) {
      // The chair of the meeting that approved the minutes signs them.
      const approvedAt = opts.approvedAt ?? m.minutes?.approvedAt;
      if (!approvingChair && approvedAt && approvedAt !== opts.approvedAt) {
        try {
          approvingChair = (await loadRegisterMeeting(root, approvedAt, ctx.cwd, ctx.env)).meeting.chair;
        } catch {
          // an approving meeting that is gone: fall back to the body's chair
        }
      }
      const by = approvingChair ?? body.chair;
      if (!by) throw new WepError(`${body.name} has no chair in the partnership file, so wep cannot tell who signed`, `add "chair: <person id>" to the body "${body.id}" in partnership.yaml`);
      req.signed = { date: signed, by };
    }
    const deadline = meetingDeadlines(model, body, m.date, ctx.today).minutesBy.date;
    const policy = model.file.partnership.minutes?.inquorateApproval ?? 'refuse';
    const change = applyLifecycle(model, m, deadline, req, ctx.today, policy);
    const refused = change.refusals[0];
    if (refused) throw new WepError(refused.message, refused.complete ? refused.hint : `${refused.hint}: ${FLAG_EXAMPLE[refused.field]}`);
    let synced: ReturnType<typeof syncMinutesToDoc> = { actions: 0, decisions: 0, updated: [] };
    editMeetingFile(rec, (doc) => {
      synced = syncMinutesToDoc(doc, rec);
      setMinutesInDoc(doc, change.minutes);
    });
    written.push(rec.path);
    if (updateGenerated(rec.minutesPath, (text) => setBanner(text, bannerFor(model, change.minutes)))) written.push(rec.minutesPath);
    status = change.minutes.status;
    ctx.out.out(`${rec.display}: minutes ${c.bold(status)}`);
    for (const line of renderCirculation(change, c)) ctx.out.out(`  ${line}`);
    if (req.approvedAt) ctx.out.out(`  approved at ${req.approvedAt.id}${change.minutes.amendments?.length ? ' with amendments:' : ' as a true record'}`);
    if (req.approvedAt || req.amendments) for (const a of change.minutes.amendments ?? []) ctx.out.out(`    - ${a}`);
    if (req.signed) ctx.out.out(`  signed by ${model.people.get(req.signed.by)?.name ?? req.signed.by} on ${formatLongDate(req.signed.date)}`);
    if (synced.actions || synced.decisions) ctx.out.out(`  copied from ${rec.minutesDisplay}: ${synced.actions} action(s), ${synced.decisions} decision(s)`);
    if (synced.updated.length) ctx.out.out(`  updated from ${rec.minutesDisplay}: ${synced.updated.join('; ')}`);
    for (const w of change.warnings) ctx.out.err(`${c.yellow('warning:')} ${w}`);
    for (const d of rec.differences.filter((x) => x.kind === 'missing')) {
      ctx.out.err(`${c.yellow('warning:')} ${d.entry} ${d.id} of ${rec.display} ("${d.was}") is not in ${rec.minutesDisplay}: add its line under item ${d.item ?? '?'}, or delete it from meeting.yaml`);
    }
    if (!rec.hasMinutesFile && req.circulated) ctx.out.err(`${c.yellow('warning:')} there is no ${rec.minutesDisplay}: write it with "wep minutes --meeting ${id}"`);
  } else {
    const all = await loadRegisters(root, ctx.cwd, ctx.env);
    const same = all.filter((x) => x.meeting.body === m.body && !x.meeting.cancelled);
    const previous = [...same].reverse().find((x) => x.meeting.date < m.date);
    const next = same.find((x) => x.meeting.date > m.date);
    const carried = actionsCarriedForward(
      collectActions(all.map((x) => ({ id: x.id, meeting: x.merged })), ctx.today),
      m.body,
      m.date,
    );
    const quorumAt: QuorumAt = (item) => (m.attendance ? evaluateQuorum(model, body, m.attendance, item === undefined ? {} : { item }) : undefined);
    const refOf = minuteRefs(model.file.partnership.minutes?.references, model.file.partnership.short, all);
    const doc = buildMinutes(model, body, {
      id,
      minuteRef: (item) => refOf(id, item),
      meeting: rec.merged,
      ...(previous ? { previous: { id: previous.id, meeting: previous.meeting } } : {}),
      ...(next ? { next: { id: next.id, meeting: next.meeting } } : {}),
      carried,
      quorumAt,
    });
    const text = tidyMinutes(await renderTemplate(root, ctx.cwd, TEMPLATE, { ...minutesView(doc), statusBlock: bannerFor(model, m.minutes) }, { html: false }));
    const res = writeGenerated(rec.minutesPath, text, { force: opts.force, display: rec.minutesDisplay });
    if (res.status === 'same') ctx.out.out(`${rec.minutesDisplay} is up to date`);
    else {
      written.push(rec.minutesPath);
      ctx.out.out(`wrote ${rec.minutesDisplay}`);
      if (res.backup) ctx.out.out(`  your edited version is kept as ${rec.minutesDisplay}${res.backup.slice(rec.minutesPath.length)}`);
    }
    if (!m.minutes) {
      editMeetingFile(rec, (d) => setMinutesInDoc(d, { status: 'draft' }));
      written.push(rec.path);
    }
    if (doc.inquorateDecisions.length) {
      ctx.out.err(`${c.yellow('warning:')} decisions are recorded at item(s) ${doc.inquorateDecisions.join(', ')} while the meeting was not quorate: they are flagged in the minutes`);
    }
    if (!m.attendance) ctx.out.err(`${c.yellow('warning:')} no attendance is recorded for ${id}: record it with "wep attendance --meeting ${id}", then "wep minutes --force"`);
    const deadline = meetingDeadlines(model, body, m.date, ctx.today).minutesBy.date;
    if (!m.minutes?.circulated) ctx.out.out(`  circulate by ${formatLongDate(deadline)}, then record it: wep minutes --meeting ${id} --circulated`);
  }

  if (opts.commit && written.length) {
    const hash = commitFiles(root, written, `Minutes: ${body.name}, ${formatLongDate(m.date)} (${status})`);
    ctx.out.out(formatCommit(hash, written.length));
  }
  return 0;
}
