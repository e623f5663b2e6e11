import { agendaAmong } from '../core/agenda.js';
import { formatLongDate } from '../core/dates.js';
import { meetingDistribution, recipientKeys } from '../core/distribution.js';
import { WepError } from '../core/errors.js';
import { renderCalendar } from '../core/ics.js';
import { meetingDeadlines } from '../core/meeting-deadlines.js';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { meetingUid } from '../core/meeting-event.js';
import { buildInvite, buildNoticeView, missingPapers, noticeSentRecord, noticeTiming } from '../core/notice.js';
import { nowStamp } from '../io/clock.js';
import { NOTICE_DOCUMENTS, writeNoticeDocx } from '../io/documents.js';
import { readPaperFiles } from '../io/papers.js';
import { keepDtstamp, writeGeneratedSet, type WriteResult } from '../io/generated.js';
import { commitChanges, verifyInsideRepo, type CommitOutcome } from '../io/git.js';
import { displayPath } from '../io/partnership-file.js';
import { loadRecords, resolveMeeting } from '../io/records.js';
import { renderTemplate } from '../io/templates.js';
import { editYamlFile, setTopLevel } from '../io/yaml-edit.js';
import { formatCommit, formatIgnored } from '../report/commit.js';
import { renderWithoutEmail } from '../report/distribution.js';
import { jsonDocument } from '../report/emit.js';
import { renderMeetingChoice } from '../report/meetings.js';
import { renderNoticeTiming, timingJson } from '../report/notice.js';
import { parseDateFlag } from './args.js';
import { done, type CommandContext, type CommandResult } from './context.js';

export interface NoticeOptions {
  meeting?: string;
  sent?: string | true;
  shortNoticeAgreed?: string;
  docx?: true;
  force?: true;
  commit?: true;
  json?: true;
}

export async function run(ctx: CommandContext, opts: NoticeOptions): Promise<CommandResult> {
  const records = await loadRecords(ctx);
  const { root } = records;
  const chosen = await resolveMeeting(records, opts.meeting, 'next', ctx.today);
  const { body, model } = chosen;
  let { rec } = chosen;
  // Outside a git repo, say so before writing anything.
  const gitWarnings = opts.commit ? verifyInsideRepo(root) : [];
  const { c } = ctx;
  const changed: string[] = [];

  const sentDate = parseDateFlag(opts.sent, ctx.today, 'date the notice was sent');
  if (sentDate !== undefined) {
    if (sentDate > ctx.today) throw new WepError(`the notice cannot be recorded as sent on ${sentDate}, after today (${ctx.today})`, 'record it on the day it goes out, or give the date it was sent: --sent YYYY-MM-DD');
    if (sentDate > rec.meeting.date) throw new WepError(`the notice cannot be sent on ${sentDate}, after the meeting (${rec.meeting.date})`, 'check the date given to --sent');
  }
  const reason = opts.shortNoticeAgreed?.trim();
  if (opts.shortNoticeAgreed !== undefined && !reason) {
    throw new WepError('--short-notice-agreed needs the reason, and who agreed', 'e.g. --short-notice-agreed "urgent budget decision; agreed by the chair"');
  }

  const d = meetingDeadlines(model, body, rec.meeting.date, ctx.today);
  const dist = meetingDistribution(model, rec.meeting);

  if (reason) {
    editYamlFile(root, rec.path, (doc) => setTopLevel(doc, 'short-notice', { reason }), rec.source, rec.display);
    changed.push(rec.path);
  }
  if (sentDate) {
    if (!existsSync(join(rec.dir, 'notice.md'))) {
      throw new WepError(`no notice has been written for ${rec.id}, so it cannot have been sent`, `write it first: wep notice --meeting ${rec.id}`);
    }
    const sent = rec.meeting;
    const record = noticeSentRecord(sent, body, sentDate, recipientKeys(dist), readPaperFiles(rec.dir, sent).map((p) => ({ path: p.paper, sha256: p.sha256 })));
    editYamlFile(
      root,
      rec.path,
      (doc) => {
        setTopLevel(doc, 'notice', { ...record });
        if (!sent.uid) doc.set('uid', meetingUid(model, rec.id, sent));
      },
      undefined,
      rec.display,
    );
    changed.push(rec.path);
  }
  if (changed.length) rec = await records.meeting(rec.id);
  const meeting = rec.meeting;
  const timing = noticeTiming(model, d, meeting, ctx.today, sentDate ?? meeting.notice?.sent);

  // Recording that it was sent leaves the documents alone: the clerk may have edited them before sending.
  const written: WriteResult[] = [];
  const paperWarnings: string[] = [];
  let revised = false;
  if (!sentDate) {
    const agenda = agendaAmong(model, rec.id, meeting, await records.meetings(), ctx.today);
    const view = buildNoticeView(model, rec.id, meeting, agenda, dist, d);
    revised = view.revised !== null;
    const found = new Set(readPaperFiles(rec.dir, meeting).map((p) => p.paper));
    for (const p of missingPapers(agenda, found)) paperWarnings.push(`item ${p.item} (${p.title}): the paper ${p.paper} is not in ${displayPath(ctx.cwd, rec.dir)}`);
    // a cancelled meeting gets a notice of cancellation (and the invitation a METHOD:CANCEL)
    const kind = meeting.cancelled ? 'cancellation' : 'notice';
    const files: Record<string, string> = {
      'notice.md': await renderTemplate(root, ctx.cwd, `${kind}.md.hbs`, view, { html: false }),
      'notice.html': await renderTemplate(root, ctx.cwd, `${kind}.html.hbs`, view, { html: true }),
      'invite.ics': keepDtstamp(join(rec.dir, 'invite.ics'), renderCalendar(buildInvite(model, meeting, view, { stamp: nowStamp(ctx.env) }))),
    };
    written.push(...writeGeneratedSet(rec.dir, files, { force: opts.force, display: (p) => displayPath(ctx.cwd, p) }));
    if (opts.docx) written.push(await writeNoticeDocx(rec.dir, files['notice.md']!, { force: opts.force, display: (p) => displayPath(ctx.cwd, p) }));
    // The UID is fixed the first time a notice is written: renaming the folder keeps the event.
    if (!meeting.uid) {
      editYamlFile(root, rec.path, (doc) => doc.set('uid', meetingUid(model, rec.id, meeting)), rec.source, rec.display);
      changed.push(rec.path);
    }
  }

  let outcome: CommitOutcome | undefined;
  if (opts.commit) {
    // the documents of the notice go with it (the Word file and the packs too), whether written
    // now or earlier (then sent), as long as they are still as wep wrote them; meeting.yaml
    // always, as it holds the UID the first notice fixed. The papers are the clerk's to commit.
    const documents = NOTICE_DOCUMENTS.map((f) => join(rec.dir, f)).filter((p) => existsSync(p));
    const paths = [...new Set([rec.path, ...changed, ...written.map((w) => w.path), ...documents])];
    const what = sentDate ? `Record notice of ${rec.id} as sent on ${sentDate}` : reason ? `Notice of ${rec.id} (short notice agreed)` : `Notice of ${rec.id}`;
    outcome = commitChanges(root, paths, what);
  }
  const commit = outcome?.hash ?? null;

  const show = (p: string) => displayPath(ctx.cwd, p);
  const notes = renderMeetingChoice(rec.id, chosen.choice, c);
  const t = renderNoticeTiming(timing, rec.id, c);
  const warnings = [...gitWarnings, ...(outcome ? formatIgnored(outcome.ignored, show) : []), ...renderWithoutEmail(dist), ...paperWarnings];
  if (revised) warnings.push(`the notice has changed since it was sent on ${formatLongDate(meeting.notice!.sent!)}: it is marked revised and must go out again (wep send --meeting ${rec.id}, or send it and run "wep notice --meeting ${rec.id} --sent")`);
  if (meeting.cancelled && meeting.notice?.sent) warnings.push(`the meeting is cancelled after its notice was sent: send the notice of cancellation to everyone (wep send --meeting ${rec.id})`);
  if (opts.json) {
    return done({
      notes,
      warnings,
      json: jsonDocument('notice', {
        meeting: rec.id,
        picked: chosen.choice !== 'given',
        files: written.map((w) => ({ path: show(w.path), status: w.status, backup: w.backup ? show(w.backup) : null })),
        recorded: sentDate ? { sent: sentDate, to: meeting.notice?.to ?? [] } : null,
        shortNotice: meeting.shortNotice ?? null,
        timing: timingJson(timing),
        recipients: dist.recipients.length,
        withoutEmail: dist.withoutEmail.map((r) => r.id ?? r.name),
        revised,
        cancelled: meeting.cancelled !== undefined,
        commit,
      }),
    });
  }

  const lines = [`${c.bold(`${body.name}: ${formatLongDate(meeting.date)}`)} ${c.dim(`(${rec.id})`)}`];
  if (reason) lines.push(`Recorded in ${rec.display}: shorter notice agreed (${reason}).`);
  if (sentDate) lines.push(`Recorded in ${rec.display}: notice sent on ${formatLongDate(sentDate)} to ${dist.recipients.length} recipients.`);
  for (const w of written) {
    const verb = w.status === 'same' ? c.dim('unchanged') : 'wrote    ';
    lines.push(`  ${verb} ${show(w.path)}${w.backup ? c.yellow(`  (your edited version kept as ${show(w.backup)})`) : ''}`);
  }
  lines.push(...t.out);
  if (!sentDate) {
    lines.push(`Send it to ${dist.recipients.length} recipients: "wep distribution --meeting ${rec.id}" gives the BCC line.`);
    if (!meeting.notice?.sent) lines.push(`When it has gone, record it: wep notice --meeting ${rec.id} --sent`);
  }
  if (outcome) lines.push(formatCommit(outcome.hash, outcome.committed.length));
  return done({ notes, lines, errors: t.err, warnings });
}
