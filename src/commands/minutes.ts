import { formatCommit } from '../report/commit.js';
import { actionsCarriedForward, collectActions } from '../core/actions.js';
import { formatLongDate } from '../core/dates.js';
import { WepError } from '../core/errors.js';
import { meetingDeadlines, requireBody } from '../core/meeting-deadlines.js';
import { applyLifecycle, buildMinutes, type LifecycleRequest, type QuorumAt } from '../core/minutes.js';
import { evaluateQuorum } from '../core/quorum.js';
import { commitFiles, verifyInsideRepo } from '../io/git.js';
import { existsSync, readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { generatedState, writeGenerated } from '../io/generated.js';
import { writeDocxBeside } from '../io/documents.js';
import { displayPath } from '../io/partnership-file.js';
import { chooseMeetingId, meetingDate, verifyMeetingId } from '../io/meetings.js';
import { loadPartnership } from '../io/partnership-file.js';
import { addPendingToDoc, editMeetingFile, setMinutesInDoc } from '../io/register-edits.js';
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
  force?: boolean;
  commit?: boolean;
  docx?: boolean;
}

export const TEMPLATE = 'minutes.md.hbs';

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

  if (lifecycle) {
    const req: LifecycleRequest = {};
    const circulated = dateOpt(opts.circulated, ctx.today, 'circulation date');
    if (circulated) req.circulated = circulated;
    if (opts.approvedAt !== undefined) {
      verifyMeetingId(root, opts.approvedAt);
      req.approvedAt = { id: opts.approvedAt, date: meetingDate(opts.approvedAt) };
    }
    const signed = dateOpt(opts.signed, ctx.today, 'signature date');
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
    ctx.out.out(`${rec.display}: minutes ${c.bold(status)}`);
    for (const line of renderCirculation(change, c)) ctx.out.out(`  ${line}`);
    if (req.approvedAt) ctx.out.out(`  approved at ${req.approvedAt.id}`);
    if (req.signed) ctx.out.out(`  signed by ${model.people.get(req.signed.by)?.name ?? req.signed.by} on ${formatLongDate(req.signed.date)}`);
    if (added.actions || added.decisions) ctx.out.out(`  copied from ${rec.minutesDisplay}: ${added.actions} action(s), ${added.decisions} decision(s)`);
    for (const w of change.warnings) ctx.out.err(`${c.yellow('warning:')} ${w}`);
    if (!rec.hasMinutesFile && req.circulated) ctx.out.err(`${c.yellow('warning:')} there is no ${rec.minutesDisplay}: write it with "wep minutes --meeting ${id}"`);
  } else if (opts.docx && !opts.force && generatedState(rec.minutesPath) === 'edited') {
    // the clerk has written the minutes: Word gets their text, minutes.md is left alone
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

  if (opts.docx) {
    if (!existsSync(rec.minutesPath)) throw new WepError(`there is no ${rec.minutesDisplay} to write minutes.docx from`, `write the minutes first: wep minutes --meeting ${id}`);
    const w = await writeDocxBeside(dirname(rec.minutesPath), 'minutes.docx', readFileSync(rec.minutesPath, 'utf8'), { title: `Minutes: ${body.name}, ${formatLongDate(m.date)}` }, { force: opts.force, display: (p) => displayPath(ctx.cwd, p) });
    written.push(w.path);
    ctx.out.out(`wrote ${displayPath(ctx.cwd, w.path)}${w.backup ? `  (your edited version kept as ${displayPath(ctx.cwd, w.backup)})` : ''}`);
  }
  // minutes.md goes with a change to the record (circulated, approved, signed) when it is not committed yet
  if (opts.commit && written.length && existsSync(rec.minutesPath) && !written.includes(rec.minutesPath)) written.push(rec.minutesPath);

  if (opts.commit && written.length) {
    const hash = commitFiles(root, written, `Minutes: ${body.name}, ${formatLongDate(m.date)} (${status})`);
    ctx.out.out(formatCommit(hash, written.length));
  }
  return 0;
}
