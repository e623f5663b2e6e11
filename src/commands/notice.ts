import { formatCommit } from '../report/commit.js';
import { formatLongDate } from '../core/dates.js';
import { meetingDistribution, recipientKeys } from '../core/distribution.js';
import { WepError } from '../core/errors.js';
import { renderCalendar } from '../core/ics.js';
import { meetingDeadlines } from '../core/meeting-deadlines.js';
import { buildInvite, buildNoticeView, noticeTiming } from '../core/notice.js';
import { writeGeneratedSet, type WriteResult } from '../io/generated.js';
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
  sent?: string | true;
  shortNoticeAgreed?: string;
  force?: boolean;
  commit?: boolean;
  json?: boolean;
}


export async function run(ctx: CommandContext, opts: Opts): Promise<number> {
  let m = await openMeeting(ctx, opts.meeting, 'next');
  // Outside a git repo, say so before writing anything.
  if (opts.commit) for (const w of verifyInsideRepo(m.root)) ctx.out.err(`${ctx.out.c.yellow('warning:')} ${w}`);
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
    editYamlFile(m.root, m.rec.path, (doc) => setTopLevel(doc, 'short-notice', { reason }), m.rec.source, m.rec.display);
    changed.push(m.rec.path);
  }
  if (sentDate) {
    const to = recipientKeys(dist);
    editYamlFile(m.root, m.rec.path, (doc) => setTopLevel(doc, 'notice', { sent: sentDate, to }), undefined, m.rec.display);
    changed.push(m.rec.path);
  }
  if (changed.length) m = { ...m, rec: await loadMeeting(m.root, m.rec.id, ctx.cwd, ctx.env) };
  const meeting = m.rec.meeting;
  const timing = noticeTiming(model, d, meeting, ctx.today, sentDate ?? meeting.notice?.sent);

  // Recording that it was sent leaves the documents alone: the clerk may have edited them before sending.
  const written: WriteResult[] = [];
  if (!sentDate) {
    const agenda = await agendaFor(ctx, m);
    const view = buildNoticeView(model, m.rec.id, meeting, agenda, dist, d);
    const files = {
      'notice.md': await renderTemplate(m.root, ctx.cwd, 'notice.md.hbs', view, { html: false }),
      'notice.html': await renderTemplate(m.root, ctx.cwd, 'notice.html.hbs', view, { html: true }),
      'invite.ics': renderCalendar(buildInvite(model, view, dist, meeting.cancelled !== undefined)),
    };
    written.push(...writeGeneratedSet(m.rec.dir, files, { force: opts.force, display: (p) => displayPath(ctx.cwd, p) }));
  }

  let commit: string | null = null;
  if (opts.commit) {
    const paths = [...new Set([...changed, ...written.map((w) => w.path)])];
    const what = sentDate ? `Record notice of ${m.rec.id} as sent on ${sentDate}` : reason ? `Notice of ${m.rec.id} (short notice agreed)` : `Notice of ${m.rec.id}`;
    commit = commitFiles(m.root, paths, what);
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
  if (!sentDate) {
    ctx.out.out(`Send it to ${dist.recipients.length} recipients: "wep distribution --meeting ${m.rec.id}" gives the BCC line.`);
    if (!meeting.notice?.sent) ctx.out.out(`When it has gone, record it: wep notice --meeting ${m.rec.id} --sent`);
  }
  if (opts.commit) ctx.out.out(formatCommit(commit, written.length + changed.length));
  return 0;
}
