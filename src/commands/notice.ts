import { formatCommit } from '../report/commit.js';
import { formatLongDate } from '../core/dates.js';
import { meetingDistribution, recipientKeys } from '../core/distribution.js';
import { WepError } from '../core/errors.js';
import { renderCalendar } from '../core/ics.js';
import { meetingUid } from '../core/meeting-event.js';
import { meetingDeadlines } from '../core/meeting-deadlines.js';
import { buildInvite, buildNoticeView, missingPapers, noticeSentRecord, noticeTiming } from '../core/notice.js';
import { nowStamp } from '../io/clock.js';
import { readPaperFiles } from '../io/papers.js';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { keepDtstamp, writeGeneratedSet, type WriteResult } from '../io/generated.js';
import { NOTICE_DOCUMENTS, writeNoticeDocx } from '../io/documents.js';
import { commitFiles, verifyInsideRepo } from '../io/git.js';
import { loadMeeting } from '../io/meetings.js';
import { displayPath } from '../io/partnership-file.js';
import { renderTemplate } from '../io/templates.js';
import { editYamlFile, setTopLevel } from '../io/yaml-edit.js';
import { renderWithoutEmail } from '../report/distribution.js';
import { renderNoticeTiming, timingJson } from '../report/notice.js';
import { agendaFor, openMeeting } from './agenda.js';
import type { CommandContext } from './context.js';
import { parseDateArg } from './deadlines.js';

interface Opts {
  meeting?: string;
  docx?: boolean;
  sent?: string | true;
  shortNoticeAgreed?: string;
  force?: boolean;
  commit?: boolean;
  json?: boolean;
}


export async function run(ctx: CommandContext, opts: Opts): Promise<number> {
  let m = await openMeeting(ctx, opts.meeting, 'next');
  // Outside a git repo, say so before writing anything.
  if (opts.commit) verifyInsideRepo(m.root);
  const { model } = m;
  const c = ctx.out.c;
  const changed: string[] = [];

  let sentDate: string | undefined;
  if (opts.sent !== undefined) {
    sentDate = opts.sent === true ? ctx.today : parseDateArg(opts.sent, 'date the notice was sent');
    if (sentDate > ctx.today) throw new WepError(`the notice cannot be recorded as sent on ${sentDate}, after today (${ctx.today})`, 'record it on the day it goes out, or give the date it was sent: --sent YYYY-MM-DD');
    if (sentDate > m.rec.meeting.date) throw new WepError(`the notice cannot be sent on ${sentDate}, after the meeting (${m.rec.meeting.date})`, 'check the date given to --sent');
  }
  const reason = opts.shortNoticeAgreed?.trim();
  if (opts.shortNoticeAgreed !== undefined && !reason) {
    throw new WepError('--short-notice-agreed needs the reason, and who agreed', 'e.g. --short-notice-agreed "urgent budget decision; agreed by the chair"');
  }

  const d = meetingDeadlines(model, m.body, m.rec.meeting.date, ctx.today);
  const dist = meetingDistribution(model, m.rec.meeting);

  if (reason) {
    editYamlFile(m.rec.path, (doc) => setTopLevel(doc, 'short-notice', { reason }), m.rec.source);
    changed.push(m.rec.path);
  }
  if (sentDate) {
    if (!existsSync(join(m.rec.dir, 'notice.md'))) {
      throw new WepError(`no notice has been written for ${m.rec.id}, so it cannot have been sent`, `write it first: wep notice --meeting ${m.rec.id}`);
    }
    const record = noticeSentRecord(m.rec.meeting, m.body, sentDate, recipientKeys(dist), readPaperFiles(m.rec.dir, m.rec.meeting).map((p) => ({ path: p.paper, sha256: p.sha256 })));
    editYamlFile(m.rec.path, (doc) => {
      setTopLevel(doc, 'notice', { ...record });
      if (!m.rec.meeting.uid) doc.set('uid', meetingUid(model, m.rec.id, m.rec.meeting));
    });
    changed.push(m.rec.path);
  }
  if (changed.length) m = { ...m, rec: await loadMeeting(m.root, m.rec.id, ctx.cwd, ctx.env) };
  const meeting = m.rec.meeting;
  const timing = noticeTiming(model, d, meeting, ctx.today, sentDate ?? meeting.notice?.sent);

  // Recording that it was sent leaves the documents alone: the clerk may have edited them before sending.
  const written: WriteResult[] = [];
  const warnings: string[] = [];
  let revised = false;
  if (!sentDate) {
    const agenda = await agendaFor(ctx, m);
    const view = buildNoticeView(model, m.rec.id, meeting, agenda, dist, d);
    revised = view.revised !== null;
    const found = new Set(readPaperFiles(m.rec.dir, meeting).map((p) => p.paper));
    for (const p of missingPapers(agenda, found)) warnings.push(`item ${p.item} (${p.title}): the paper ${p.paper} is not in ${displayPath(ctx.cwd, m.rec.dir)}`);
    const kind = meeting.cancelled ? 'cancellation' : 'notice';
    const invitePath = join(m.rec.dir, 'invite.ics');
    const files: Record<string, string> = {
      'notice.md': await renderTemplate(m.root, ctx.cwd, `${kind}.md.hbs`, view, { html: false }),
      'notice.html': await renderTemplate(m.root, ctx.cwd, `${kind}.html.hbs`, view, { html: true }),
      'invite.ics': keepDtstamp(invitePath, renderCalendar(buildInvite(model, meeting, view, { stamp: nowStamp(ctx.env) }))),
    };
    written.push(...writeGeneratedSet(m.rec.dir, files, { force: opts.force, display: (p) => displayPath(ctx.cwd, p) }));
    if (opts.docx) written.push(await writeNoticeDocx(m.rec.dir, files['notice.md']!, { force: opts.force, display: (p) => displayPath(ctx.cwd, p) }));
    // The UID is fixed the first time a notice is written: renaming the folder keeps the event.
    if (!meeting.uid) {
      editYamlFile(m.rec.path, (doc) => doc.set('uid', meetingUid(model, m.rec.id, meeting)), m.rec.source);
      changed.push(m.rec.path);
    }
  }

  let commit: string | null = null;
  let committed = 0;
  if (opts.commit) {
    // the documents of the notice go with it, whether written now or earlier (then sent)
    const documents = NOTICE_DOCUMENTS.map((f) => join(m.rec.dir, f)).filter((p) => existsSync(p));
    const papers = readPaperFiles(m.rec.dir, meeting).map((p) => p.path);
    const paths = [...new Set([m.rec.path, ...changed, ...written.map((w) => w.path), ...documents, ...papers])];
    const what = sentDate ? `Record notice of ${m.rec.id} as sent on ${sentDate}` : reason ? `Notice of ${m.rec.id} (short notice agreed)` : `Notice of ${m.rec.id}`;
    commit = commitFiles(m.root, paths, what);
    committed = paths.length;
  }

  const show = (p: string) => displayPath(ctx.cwd, p);
  if (opts.json) {
    ctx.out.json({
      meeting: m.rec.id,
      picked: m.picked,
      files: written.map((w) => ({ path: show(w.path), status: w.status, backup: w.backup ? show(w.backup) : null })),
      recorded: sentDate ? { sent: sentDate, to: meeting.notice?.to ?? [] } : null,
      shortNotice: meeting.shortNotice ?? null,
      timing: timingJson(timing),
      recipients: dist.recipients.length,
      withoutEmail: dist.withoutEmail.map((r) => r.id ?? r.name),
      warnings,
      revised,
      cancelled: meeting.cancelled !== undefined,
      commit,
    });
    return 0;
  }

  ctx.out.out(`${c.bold(`${m.body.name}: ${formatLongDate(meeting.date)}`)} ${c.dim(`(${m.rec.id})`)}`);
  if (reason) ctx.out.out(`Recorded in ${m.rec.display}: shorter notice agreed (${reason}).`);
  if (sentDate) ctx.out.out(`Recorded in ${m.rec.display}: notice sent on ${formatLongDate(sentDate)} to ${dist.recipients.length} recipients.`);
  for (const w of written) {
    const verb = w.status === 'same' ? c.dim('unchanged') : 'wrote    ';
    ctx.out.out(`  ${verb} ${show(w.path)}${w.backup ? c.yellow(`  (your edited version kept as ${show(w.backup)})`) : ''}`);
  }
  const t = renderNoticeTiming(timing, m.rec.id, c);
  for (const line of t.out) ctx.out.out(line);
  for (const line of t.err) ctx.out.err(line);
  for (const line of renderWithoutEmail(dist)) ctx.out.err(`${c.yellow('warning:')} ${line}`);
  for (const w of warnings) ctx.out.err(`${c.yellow('warning:')} ${w}`);
  if (revised) ctx.out.err(`${c.yellow('warning:')} the notice has changed since it was sent on ${formatLongDate(meeting.notice!.sent!)}: it is marked revised and must go out again (wep send --meeting ${m.rec.id}, or send it and run "wep notice --meeting ${m.rec.id} --sent")`);
  if (meeting.cancelled && meeting.notice?.sent) ctx.out.err(`${c.yellow('warning:')} the meeting is cancelled after its notice was sent: send the notice of cancellation to everyone (wep send --meeting ${m.rec.id})`);
  if (!sentDate) {
    ctx.out.out(`Send it to ${dist.recipients.length} recipients: "wep distribution --meeting ${m.rec.id}" gives the BCC line.`);
    if (!meeting.notice?.sent) ctx.out.out(`When it has gone, record it: wep notice --meeting ${m.rec.id} --sent`);
  }
  if (opts.commit) ctx.out.out(formatCommit(commit, committed));
  return 0;
}
