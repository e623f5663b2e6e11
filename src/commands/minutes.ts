import { actionsCarriedForward, collectActions } from '../core/actions.js';
import { formatLongDate } from '../core/dates.js';
import { WepError } from '../core/errors.js';
import { meetingDeadlines } from '../core/meeting-deadlines.js';
import { applyLifecycle, buildMinutes, type LifecycleRequest, type QuorumAt } from '../core/minutes.js';
import { evaluateQuorum } from '../core/quorum.js';
import { commitFiles, verifyInsideRepo } from '../io/git.js';
import { existsSync, readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { writeDocxBeside } from '../io/documents.js';
import { generatedState, writeGenerated } from '../io/generated.js';
import { meetingDate } from '../io/meetings.js';
import { displayPath } from '../io/partnership-file.js';
import { loadRecords, resolveMeeting, verifyMeetingRef } from '../io/records.js';
import { addPendingToDoc, editMeetingFile, setMinutesInDoc } from '../io/register-edits.js';
import { renderTemplate } from '../io/templates.js';
import { formatCommit } from '../report/commit.js';
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
  force?: true;
  commit?: true;
  docx?: true;
  json?: true;
}

export const TEMPLATE = 'minutes.md.hbs';

export async function run(ctx: CommandContext, opts: MinutesOptions): Promise<CommandResult> {
  const records = await loadRecords(ctx);
  const { model, root } = records;
  const gitWarnings = opts.commit ? verifyInsideRepo(root) : [];
  const chosen = await resolveMeeting(records, opts.meeting, 'latest-held', ctx.today);
  const { rec, body } = chosen;
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

  if (lifecycle) {
    const req: LifecycleRequest = {};
    const circulated = parseDateFlag(opts.circulated, ctx.today, 'circulation date');
    if (circulated) req.circulated = circulated;
    if (opts.approvedAt !== undefined) {
      verifyMeetingRef(records, opts.approvedAt, '--approved-at');
      req.approvedAt = { id: opts.approvedAt, date: meetingDate(opts.approvedAt) };
    }
    const signed = parseDateFlag(opts.signed, ctx.today, 'signature date');
    if (signed) {
      if (!body.chair) throw new WepError(`${body.name} has no chair in the partnership file, so wep cannot tell who signed`, `add "chair: <person id>" to the body "${body.id}" in partnership.yaml`);
      req.signed = { date: signed, by: body.chair };
    }
    const deadline = meetingDeadlines(model, body, m.date, ctx.today).minutesBy.date;
    const change = applyLifecycle(model, m, deadline, req, ctx.today);
    let added = { actions: 0, decisions: 0 };
    editMeetingFile(rec, (doc) => {
      added = addPendingToDoc(doc, rec.pending);
      setMinutesInDoc(doc, change.minutes);
    });
    written.push(rec.path);
    status = change.minutes.status;
    files.push({ path: rec.display, status: 'updated' });
    lines.push(`${rec.display}: minutes ${c.bold(status)}`);
    for (const line of renderCirculation(change, c)) lines.push(`  ${line}`);
    if (req.approvedAt) lines.push(`  approved at ${req.approvedAt.id}`);
    if (req.signed) lines.push(`  signed by ${model.people.get(req.signed.by)?.name ?? req.signed.by} on ${formatLongDate(req.signed.date)}`);
    if (added.actions || added.decisions) lines.push(`  copied from ${rec.minutesDisplay}: ${added.actions} action(s), ${added.decisions} decision(s)`);
    warnings.push(...change.warnings);
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
    const doc = buildMinutes(model, body, {
      id,
      meeting: rec.merged,
      ...(previous ? { previous: { id: previous.id, meeting: previous.meeting } } : {}),
      ...(next ? { next: { id: next.id, meeting: next.meeting } } : {}),
      carried,
      quorumAt,
    });
    const text = tidyMinutes(await renderTemplate(root, ctx.cwd, TEMPLATE, minutesView(doc), { html: false }));
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
    // not committed: git.ts commits only text wep wrote
    files.push({ path: displayPath(ctx.cwd, w.path), status: 'written' });
    lines.push(`wrote ${displayPath(ctx.cwd, w.path)}${w.backup ? `  (your edited version kept as ${displayPath(ctx.cwd, w.backup)})` : ''}`);
  }
  // minutes.md goes with a change to the record (circulated, approved, signed) when it is not committed yet
  if (opts.commit && written.length && existsSync(rec.minutesPath) && !written.includes(rec.minutesPath)) written.push(rec.minutesPath);

  let commit: string | null | undefined;
  if (opts.commit && written.length) {
    commit = commitFiles(root, written, `Minutes: ${body.name}, ${formatLongDate(m.date)} (${status})`);
    lines.push(formatCommit(commit, written.length));
  }
  if (opts.json) return done({ notes, warnings, json: jsonDocument('minutes', { meeting: id, date: m.date, body: body.id, status, files, commit: commit ?? null }) });
  return done({ notes, lines, warnings });
}
