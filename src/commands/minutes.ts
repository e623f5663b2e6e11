import { actionsCarriedForward, collectActions } from '../core/actions.js';
import { formatLongDate } from '../core/dates.js';
import { WepError } from '../core/errors.js';
import { meetingDeadlines } from '../core/meeting-deadlines.js';
import type { MeetingFile } from '../core/meeting-schema.js';
import { minuteRefs } from '../core/minute-refs.js';
import { bannerBlock, setBanner } from '../core/minutes-banner.js';
import { applyLifecycle, approvalItem, buildMinutes, type ApprovalQuorum, type LifecycleRefusal, type LifecycleRequest, type QuorumAt } from '../core/minutes.js';
import type { Model } from '../core/model.js';
import { evaluateQuorum } from '../core/quorum.js';
import { commitChanges, verifyInsideRepo } from '../io/git.js';
import { existsSync, readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { writeDocxBeside } from '../io/documents.js';
import { generatedState, updateGenerated, writeGenerated } from '../io/generated.js';
import { meetingDate } from '../io/meetings.js';
import { displayPath } from '../io/partnership-file.js';
import { loadRecords, resolveMeeting, verifyMeetingRef } from '../io/records.js';
import { editMeetingFile, setMinutesInDoc, syncMinutesToDoc } from '../io/register-edits.js';
import { renderTemplate } from '../io/templates.js';
import { formatCommit, formatIgnored } from '../report/commit.js';
import { jsonDocument } from '../report/emit.js';
import { renderMeetingChoice } from '../report/meetings.js';
import { minutesView, renderCirculation, tidyMinutes } from '../report/minutes.js';
import { parseDateFlag } from './args.js';
import { done, type CommandContext, type CommandResult } from './context.js';

export interface MinutesOptions {
  meeting?: string;
  circulated?: string | true;
  approvedAt?: string;
  signed?: string | true;
  /** Why the minutes are circulated again (a re-circulation). */
  reason?: string;
  /** Amendments made on approval (repeatable). */
  amendment?: string[];
  force?: true;
  commit?: true;
  docx?: true;
  json?: true;
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

/** The status block of minutes.md for a minutes record. */
function bannerFor(model: Model, minutes: MeetingFile['minutes']): string {
  return bannerBlock({
    minutes,
    ...(minutes?.approvedAt ? { approvedAtDate: meetingDate(minutes.approvedAt) } : {}),
    ...(minutes?.signed ? { signedByName: model.people.get(minutes.signed.by)?.name ?? minutes.signed.by } : {}),
  });
}

export async function run(ctx: CommandContext, opts: MinutesOptions): Promise<CommandResult> {
  const records = await loadRecords(ctx);
  const { root } = records;
  const gitWarnings = opts.commit ? verifyInsideRepo(root) : [];
  const chosen = await resolveMeeting(records, opts.meeting, 'latest-held', ctx.today);
  const { rec, body, model } = chosen;
  const { id } = rec;
  const m = rec.meeting;
  const { c } = ctx;
  const notes = renderMeetingChoice(id, chosen.choice, c);
  const lines: string[] = [];
  const warnings: string[] = [...gitWarnings];
  const files: { path: string; status: string }[] = [];
  if (m.cancelled) throw new WepError(`the meeting ${id} was cancelled, so it has no minutes`, `cancelled: ${m.cancelled.reason}`);
  if (m.date > ctx.today) {
    throw new WepError(`the meeting ${id} is on ${formatLongDate(m.date)}, after today: minutes come after the meeting`, 'write the agenda and notice first: "wep notice"');
  }

  const written: string[] = [];
  const lifecycle = opts.circulated !== undefined || opts.approvedAt !== undefined || opts.signed !== undefined;
  let status = m.minutes?.status ?? 'draft';
  let record = m.minutes;

  if (lifecycle || opts.reason !== undefined || opts.amendment?.length) {
    const req: LifecycleRequest = {};
    const circulated = parseDateFlag(opts.circulated, ctx.today, 'circulation date');
    if (circulated) req.circulated = circulated;
    if (opts.reason !== undefined) req.reason = opts.reason;
    if (opts.amendment?.length) req.amendments = opts.amendment;
    let approvingChair: string | undefined;
    if (opts.approvedAt !== undefined) {
      verifyMeetingRef(records, opts.approvedAt, '--approved-at');
      const at = await records.meeting(opts.approvedAt);
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
    const signed = parseDateFlag(opts.signed, ctx.today, 'signature date');
    if (signed) {
      // The person who took the chair at the approving meeting signs; else the body's chair.
      const approvedAt = opts.approvedAt ?? m.minutes?.approvedAt;
      if (!approvingChair && approvedAt && approvedAt !== opts.approvedAt && records.ids().includes(approvedAt)) approvingChair = (await records.meeting(approvedAt)).meeting.chair;
      const by = approvingChair ?? body.chair;
      if (!by) throw new WepError(`${body.name} has no chair in the partnership file, so wep cannot tell who signed`, `add "chair: <person id>" to the body "${body.id}" in partnership.yaml`);
      req.signed = { date: signed, by };
    }
    const deadline = meetingDeadlines(model, body, m.date, ctx.today).minutesBy.date;
    const change = applyLifecycle(model, m, deadline, req, ctx.today, model.file.partnership.minutes?.inquorateApproval ?? 'refuse');
    const refused = change.refusals[0];
    if (refused) throw new WepError(refused.message, refused.complete ? refused.hint : `${refused.hint}: ${FLAG_EXAMPLE[refused.field]}`);
    let synced: ReturnType<typeof syncMinutesToDoc> = { actions: 0, decisions: 0, updated: [] };
    editMeetingFile(rec, (doc) => {
      synced = syncMinutesToDoc(doc, rec);
      setMinutesInDoc(doc, change.minutes);
    });
    written.push(rec.path);
    files.push({ path: rec.display, status: 'updated' });
    if (updateGenerated(rec.minutesPath, (text) => setBanner(text, bannerFor(model, change.minutes)), { root, display: rec.minutesDisplay })) {
      written.push(rec.minutesPath);
      files.push({ path: rec.minutesDisplay, status: 'status block updated' });
    }
    status = change.minutes.status;
    record = change.minutes;
    lines.push(`${rec.display}: minutes ${c.bold(status)}`);
    for (const line of renderCirculation(change, c)) lines.push(`  ${line}`);
    if (req.approvedAt) lines.push(`  approved at ${req.approvedAt.id}${change.minutes.amendments?.length ? ' with amendments:' : ' as a true record'}`);
    if (req.approvedAt || req.amendments) for (const a of change.minutes.amendments ?? []) lines.push(`    - ${a}`);
    if (req.signed) lines.push(`  signed by ${model.people.get(req.signed.by)?.name ?? req.signed.by} on ${formatLongDate(req.signed.date)}`);
    if (synced.actions || synced.decisions) lines.push(`  copied from ${rec.minutesDisplay}: ${synced.actions} action(s), ${synced.decisions} decision(s)`);
    if (synced.updated.length) lines.push(`  updated from ${rec.minutesDisplay}: ${synced.updated.join('; ')}`);
    warnings.push(...change.warnings);
    for (const d of rec.differences.filter((x) => x.kind === 'missing')) {
      warnings.push(`${d.entry} ${d.id} of ${rec.display} ("${d.was}") is not in ${rec.minutesDisplay}: add its line under item ${d.item ?? '?'}, or delete it from meeting.yaml`);
    }
    if (!rec.hasMinutesFile && req.circulated) warnings.push(`there is no ${rec.minutesDisplay}: write it with "wep minutes --meeting ${id}"`);
  } else if (opts.docx && !opts.force && generatedState(rec.minutesPath) === 'edited') {
    // the clerk has written the minutes: Word gets their text, minutes.md is left alone
  } else {
    const all = await records.meetings();
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
    files.push({ path: rec.minutesDisplay, status: res.status });
    if (res.status === 'same') lines.push(`${rec.minutesDisplay} is up to date`);
    else {
      written.push(rec.minutesPath);
      lines.push(`wrote ${rec.minutesDisplay}`);
      if (res.backup) lines.push(`  your edited version is kept as ${rec.minutesDisplay}${res.backup.slice(rec.minutesPath.length)}`);
    }
    if (!m.minutes) {
      editMeetingFile(rec, (d) => setMinutesInDoc(d, { status: 'draft' }));
      written.push(rec.path);
    }
    if (doc.inquorateDecisions.length) {
      warnings.push(`decisions are recorded at item(s) ${doc.inquorateDecisions.join(', ')} while the meeting was not quorate: they are flagged in the minutes`);
    }
    if (!m.attendance) warnings.push(`no attendance is recorded for ${id}: record it with "wep attendance --meeting ${id}", then "wep minutes --force"`);
    const deadline = meetingDeadlines(model, body, m.date, ctx.today).minutesBy.date;
    if (!m.minutes?.circulated) lines.push(`  circulate by ${formatLongDate(deadline)}, then record it: wep minutes --meeting ${id} --circulated`);
  }

  if (opts.docx) {
    if (!existsSync(rec.minutesPath)) throw new WepError(`there is no ${rec.minutesDisplay} to write minutes.docx from`, `write the minutes first: wep minutes --meeting ${id}`);
    const w = await writeDocxBeside(dirname(rec.minutesPath), 'minutes.docx', readFileSync(rec.minutesPath, 'utf8'), { title: `Minutes: ${body.name}, ${formatLongDate(m.date)}` }, { force: opts.force, display: (p) => displayPath(ctx.cwd, p) });
    written.push(w.path);
    files.push({ path: displayPath(ctx.cwd, w.path), status: 'written' });
    lines.push(`wrote ${displayPath(ctx.cwd, w.path)}${w.backup ? `  (your edited version kept as ${displayPath(ctx.cwd, w.backup)})` : ''}`);
  }
  // minutes.md goes with a change to the record (circulated, approved, signed) when it is not committed yet
  if (opts.commit && written.length && existsSync(rec.minutesPath) && !written.includes(rec.minutesPath)) written.push(rec.minutesPath);

  let commit: string | null | undefined;
  if (opts.commit && written.length) {
    const outcome = commitChanges(root, written, `Minutes: ${body.name}, ${formatLongDate(m.date)} (${status})`);
    commit = outcome.hash;
    lines.push(formatCommit(commit, outcome.committed.length));
    warnings.push(...formatIgnored(outcome.ignored, (p) => displayPath(ctx.cwd, p)));
  }
  if (opts.json) return done({ notes, warnings, json: jsonDocument('minutes', { meeting: id, date: m.date, body: body.id, status, minutes: record ?? null, files, commit: commit ?? null }) });
  return done({ notes, lines, warnings });
}
