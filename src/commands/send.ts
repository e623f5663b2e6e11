import { existsSync, readFileSync } from 'node:fs';
import { loadExternal } from '../io/external.js';
import { basename, join, relative, resolve } from 'node:path';
import { formatLongDate } from '../core/dates.js';
import { meetingDistribution } from '../core/distribution.js';
import { EXIT, WepError } from '../core/errors.js';
import { hashParts } from '../core/hash.js';
import { renderCalendar } from '../core/ics.js';
import { meetingDeadlines } from '../core/meeting-deadlines.js';
import { eventSequence } from '../core/meeting-event.js';
import type { SentMessage } from '../core/meeting-schema.js';
import { applyLifecycle } from '../core/minutes.js';
import { buildInvite, buildNoticeView, noticeFingerprint, noticeSentRecord } from '../core/notice.js';
import { packFile, papersBesidePack } from '../core/pack.js';
import { isComplete, planSend, recipientKey, recipientOutcomes, type Attachment, type OutgoingMessage, type SendInput, type SendKind, type SendRun } from '../core/send.js';
import { nowStamp } from '../io/clock.js';
import { generatedState } from '../io/generated.js';
import { isRecordFile } from '../io/guarded-read.js';
import { mailSettings, sendMessages, writeEmlDrafts, type Delivery } from '../io/mailer.js';
import { loadRecords, resolveMeeting, type ChosenMeeting, type Records } from '../io/records.js';
import { renderMeetingChoice } from '../report/meetings.js';
import { agendaAmong } from '../core/agenda.js';
import { readPaperFiles } from '../io/papers.js';
import { displayPath } from '../io/partnership-file.js';
import { setMinutesInDoc } from '../io/register-edits.js';
import { recordMessages } from '../io/send-record.js';
import { renderTemplate } from '../io/templates.js';
import { editYamlFile, setTopLevel } from '../io/yaml-edit.js';
import { jsonDocument } from '../report/emit.js';
import { renderDeliveries, renderSendPlan, sendJson } from '../report/send.js';
import { done, type CommandContext, type CommandResult } from './context.js';

export interface SendOptions {
  meeting?: string;
  minutes?: true;
  yes?: true;
  dryRun?: true;
  eml?: string;
  bcc?: true;
  json?: true;
}

/** The meeting being sent about, with the records it came from. */
interface Open extends ChosenMeeting {
  records: Records;
}

const STAMP_LINE = /^(?:<!-- wep-generated sha256=[0-9a-f]{16} -->)\r?\n?/m;
const withoutStamp = (s: string) => s.replace(STAMP_LINE, '');

type Content = Omit<SendInput, 'kind' | 'mode' | 'recipients' | 'sent' | 'from'>;

/** The notice as sent: the files `wep notice` wrote (refused when missing or out of date), the invitation, the packs. */
async function noticeContent(ctx: CommandContext, m: Open): Promise<{ content: Content; warnings: string[] }> {
  const { rec, body } = m;
  const { model, root } = m.records;
  const meeting = rec.meeting;
  const md = join(rec.dir, 'notice.md');
  if (!existsSync(md)) throw new WepError(`no notice has been written for ${rec.id}`, `write it first: wep notice --meeting ${rec.id}`);
  const agenda = agendaAmong(model, rec.id, meeting, await m.records.meetings(), ctx.today);
  const dist = meetingDistribution(model, meeting);
  const view = buildNoticeView(model, rec.id, meeting, agenda, dist, meetingDeadlines(model, body, meeting.date, ctx.today));
  const kind = meeting.cancelled ? 'cancellation' : 'notice';
  const text = readFileSync(md, 'utf8');
  // a notice wep wrote that no longer matches the records would send old news
  if (generatedState(md) === 'unchanged' && withoutStamp(text).trimEnd() !== (await renderTemplate(root, ctx.cwd, `${kind}.md.hbs`, view, { html: false })).trimEnd()) {
    throw new WepError(`${displayPath(ctx.cwd, md)} is out of date: the records changed since it was written`, `write it again first: wep notice --meeting ${rec.id}`);
  }
  const htmlPath = join(rec.dir, 'notice.html');
  let html = existsSync(htmlPath) ? withoutStamp(readFileSync(htmlPath, 'utf8')) : `<pre>${withoutStamp(text).replace(/&/g, '&amp;').replace(/</g, '&lt;')}</pre>`;
  let plain = withoutStamp(text);
  const warnings: string[] = [];
  const attachments: Attachment[] = [];
  const confidentialAttachments: Attachment[] = [];
  const links: string[] = [];
  const pdf = 'application/pdf';
  const baseUrl = model.file.partnership.publish?.baseUrl;
  if (!meeting.cancelled) {
    const pub = join(rec.dir, packFile('public', false));
    if (existsSync(pub)) {
      if (baseUrl) {
        // linked, not attached: the published site carries the public pack
        const url = `${baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`}meetings/${rec.id}/${packFile('public', false)}`;
        links.push(url);
        plain = `Agenda pack: ${url}\n\n${plain}`;
        html = html.replace(/<body>/, `<body>\n<p><strong>Agenda pack:</strong> <a href="${url}">${url}</a></p>`);
      } else attachments.push({ filename: `${rec.id}-agenda-pack.pdf`, path: pub, contentType: pdf });
    } else warnings.push(`there is no agenda pack for ${rec.id}: the notice goes without one ("wep pack --meeting ${rec.id}" makes it)`);
    const conf = join(rec.dir, packFile('confidential', false));
    if (existsSync(conf)) confidentialAttachments.push({ filename: `${rec.id}-agenda-pack-confidential.pdf`, path: conf, contentType: pdf });
    for (const s of [false, true]) {
      const sup = join(rec.dir, packFile(s ? 'confidential' : 'public', true));
      if (existsSync(sup)) (s ? confidentialAttachments : attachments).push({ filename: `${rec.id}-${packFile(s ? 'confidential' : 'public', true)}`, path: sup, contentType: pdf });
    }
    // What the pack lists without its pages goes beside it, under the same rule as the packs.
    for (const p of papersBesidePack(meeting.agenda, (paper) => isRecordFile(root, join(rec.dir, paper)))) {
      (p.confidential ? confidentialAttachments : attachments).push({ filename: basename(p.paper), path: join(rec.dir, p.paper), contentType: p.contentType });
    }
  }
  const subject = meeting.cancelled
    ? `Meeting cancelled: ${view.partnership.short} ${view.body.name}, ${view.dateLong}`
    : `${view.revised ? 'Revised notice' : 'Notice of meeting'}: ${view.partnership.short} ${view.body.name}, ${view.dateLong}`;
  const stamp = nowStamp(ctx.env);
  return {
    warnings,
    content: {
      version: `${noticeFingerprint(meeting, body)}.s${eventSequence(meeting, body)}${meeting.cancelled ? '.cancelled' : ''}`,
      subject,
      text: plain,
      html,
      calendar: (attendees) => {
        const cal = buildInvite(model, meeting, view, { stamp, attendees });
        return { method: cal.method === 'CANCEL' ? 'CANCEL' : 'REQUEST', content: renderCalendar(cal) };
      },
      attachments,
      confidentialAttachments,
      links,
    },
  };
}

/** The minutes as circulated: minutes.md as text and HTML, and minutes.docx when written. */
async function minutesContent(m: Open, cwd: string): Promise<{ content: Content; warnings: string[] }> {
  const { rec, body } = m;
  const { model } = m.records;
  const md = join(rec.dir, 'minutes.md');
  if (rec.meeting.cancelled) throw new WepError(`the meeting ${rec.id} was cancelled, so it has no minutes`, `cancelled: ${rec.meeting.cancelled.reason}`);
  if (!existsSync(md)) throw new WepError(`there are no minutes for ${rec.id} yet (${displayPath(cwd, md)})`, `write them first: wep minutes --meeting ${rec.id}`);
  const text = withoutStamp(readFileSync(md, 'utf8'));
  const MarkdownIt = await loadExternal('markdown-it');
  const title = `Minutes: ${model.file.partnership.short} ${body.name}, ${formatLongDate(rec.meeting.date)}`;
  const html = `<!DOCTYPE html>\n<html lang="en-GB">\n<head><meta charset="utf-8"><title>${title}</title></head>\n<body>\n${new MarkdownIt({ html: false }).render(text)}</body>\n</html>\n`;
  const attachments: Attachment[] = [];
  const docx = join(rec.dir, 'minutes.docx');
  if (existsSync(docx)) attachments.push({ filename: `${rec.id}-minutes.docx`, path: docx, contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' });
  const status = rec.meeting.minutes?.status ?? 'draft';
  return {
    warnings: [],
    content: { version: hashParts([text]).slice(0, 16), subject: `${title}${status === 'draft' || status === 'circulated' ? ' (for approval at the next meeting)' : ''}`, text, html, attachments, confidentialAttachments: [] },
  };
}

export async function run(ctx: CommandContext, opts: SendOptions): Promise<CommandResult> {
  // --json leaves no room on stdout for a question: it needs to be told whether to send
  if (opts.json && !opts.yes && !opts.dryRun && opts.eml === undefined) {
    throw new WepError('wep send --json cannot ask before sending', 'add --yes to send, --dry-run to see what would go, or --eml DIR to write drafts');
  }
  const kind: SendKind = opts.minutes ? 'minutes' : 'notice';
  const records = await loadRecords(ctx);
  const m: Open = { ...(await resolveMeeting(records, opts.meeting, kind === 'minutes' ? 'latest-held' : 'next', ctx.today)), records };
  const { rec } = m;
  const { model, root } = records;
  const c = ctx.c;
  const p = model.file.partnership;
  const emlDir = opts.eml !== undefined ? resolve(ctx.cwd, opts.eml) : undefined;
  if (emlDir !== undefined) {
    const rel = relative(root, emlDir);
    if (rel.startsWith('..') || resolve(root, rel) !== emlDir) throw new WepError(`--eml ${opts.eml} is outside the records repo`, 'give a folder inside it, e.g. --eml drafts');
  }
  // before anything is shown: a send that cannot happen says so at once
  const settings = opts.dryRun || emlDir ? undefined : mailSettings(p.smtp, ctx.env);
  if (!opts.dryRun && !emlDir && !opts.yes && !ctx.interactive) {
    throw new WepError('wep send sends email, and asks first; there is no terminal to ask on', 'run it with --yes to send, --dry-run to see what would go, or --eml DIR to write drafts');
  }

  const { content, warnings } = kind === 'minutes' ? await minutesContent(m, ctx.cwd) : await noticeContent(ctx, m);
  const dist = meetingDistribution(model, rec.meeting);
  const from = { name: p.clerk.name, email: p.smtp?.from ?? p.clerk.email };
  const record = kind === 'minutes' ? rec.meeting.minutes?.messages : rec.meeting.notice?.messages;
  const plan = planSend({ kind, mode: opts.bcc ? 'bcc' : (p.send?.mode ?? 'each'), recipients: dist.recipients, sent: record ?? [], from, ...content });
  const what = kind === 'minutes' ? `Minutes of ${rec.id}` : rec.meeting.cancelled ? `Notice of cancellation of ${rec.id}` : `Notice of ${rec.id}`;
  const notes = renderMeetingChoice(rec.id, m.choice, c);
  const lines = renderSendPlan(plan, what, c);
  for (const r of plan.withoutEmail) warnings.push(`${r.name} has no email address: send ${kind === 'minutes' ? 'the minutes' : 'the notice'} another way`);
  const runKind = opts.dryRun ? 'dry-run' : emlDir ? 'drafts' : 'sent';
  /** The result: the human lines, or with --json the document of what became of each recipient. */
  const result = (run: SendRun, after: { recorded: string | null; complete: boolean; exitCode?: number }): CommandResult => {
    const exitCode = after.exitCode ?? 0;
    if (!opts.json) return done({ exitCode, notes, lines, warnings });
    const summary = {
      meeting: rec.id,
      what: kind === 'minutes' ? ('minutes' as const) : rec.meeting.cancelled ? ('cancellation' as const) : ('notice' as const),
      run: run.kind,
      drafts: emlDir === undefined ? null : displayPath(ctx.cwd, emlDir),
      subject: content.subject,
      contentVersion: content.version,
      messages: plan.messages.length,
      recorded: after.recorded,
      complete: after.complete,
      warnings,
    };
    return done({ exitCode, notes, warnings, json: jsonDocument('send', sendJson(summary, recipientOutcomes(plan, dist.recipients, run))) });
  };
  const completeNow = () => isComplete(dist.recipients, record ?? [], content.version);

  if (!plan.messages.length) {
    lines.push(plan.already.length ? 'Everyone has already been sent this version: nothing to send.' : 'Nobody to send to.');
    if (runKind !== 'sent') return result({ kind: runKind }, { recorded: null, complete: completeNow() });
    const finished = await finish(ctx, m, kind, content.version, warnings);
    lines.push(...finished.lines);
    return result({ kind: 'sent', date: ctx.today, deliveries: [] }, finished);
  }
  if (opts.dryRun) {
    lines.push(c.dim('dry run: nothing was sent or recorded'));
    return result({ kind: 'dry-run' }, { recorded: null, complete: completeNow() });
  }
  if (emlDir) {
    const names = (msg: OutgoingMessage, i: number) => `${rec.id}-${kind}-${String(i + 1).padStart(2, '0')}-${msg.keys.length === 1 ? msg.keys[0]!.replace(/[^a-z0-9.-]+/gi, '_') : 'bcc'}.eml`;
    const paths = await writeEmlDrafts(root, emlDir, from, plan.messages, names);
    lines.push(`wrote ${paths.length} draft${paths.length === 1 ? '' : 's'} in ${displayPath(ctx.cwd, emlDir)} (nothing was sent or recorded)`);
    return result({ kind: 'drafts' }, { recorded: null, complete: completeNow() });
  }
  if (!opts.yes) {
    // on a terminal: show who gets what, then ask
    for (const line of [...notes, ...lines]) ctx.print(line);
    notes.length = 0;
    lines.length = 0;
    const { confirm } = await import('@inquirer/prompts');
    if (!(await confirm({ message: `Send ${plan.messages.length} message${plan.messages.length === 1 ? '' : 's'} through ${settings!.describe}?`, default: false }))) {
      return done({ lines: ['not sent: nothing was changed'], warnings });
    }
  }

  const deliveries = await sendMessages(settings!, from, plan.messages, (d: Delivery) => {
    const entries: SentMessage[] = d.accepted.map((to) => ({ to, messageId: d.messageId, date: ctx.today, version: content.version }));
    recordMessages(root, rec.path, kind, entries);
  });
  const names = new Map(dist.recipients.map((r) => [recipientKey(r), r.name]));
  const shown = renderDeliveries(deliveries, names);
  lines.push(...shown.out);
  warnings.push(...shown.err);
  const finished = await finish(ctx, m, kind, content.version, warnings);
  lines.push(...finished.lines);
  const sent: SendRun = { kind: 'sent', date: ctx.today, deliveries };
  if (!finished.complete) {
    warnings.push(`not everyone was sent it; ${displayPath(ctx.cwd, rec.path)} records who was. Run "wep send${kind === 'minutes' ? ' --minutes' : ''} --meeting ${rec.id}" again to send to the rest only.`);
    return result(sent, { ...finished, exitCode: EXIT.problems });
  }
  return result(sent, finished);
}

/** When everyone has this version: records the notice as sent, or the minutes as circulated. */
async function finish(ctx: CommandContext, m: Open, kind: SendKind, version: string, warnings: string[]): Promise<{ complete: boolean; recorded: string | null; lines: string[] }> {
  const { body } = m;
  const { model } = m.records;
  // the record as it is now on disk: the messages were added as they went
  const rec = await m.records.meeting(m.rec.id);
  const now = rec.meeting;
  const dist = meetingDistribution(model, now);
  const sent = (kind === 'minutes' ? now.minutes?.messages : now.notice?.messages) ?? [];
  if (!isComplete(dist.recipients, sent, version)) return { complete: false, recorded: null, lines: [] };
  if (kind === 'notice') {
    const papers = readPaperFiles(rec.dir, now).map((f) => ({ path: f.paper, sha256: f.sha256 }));
    const record = noticeSentRecord(now, body, ctx.today, dist.recipients.map(recipientKey), papers);
    const n = now.notice;
    if (n?.sent && n.content === record.content && n.sequence === record.sequence && n.event === record.event) return { complete: true, recorded: null, lines: [] };
    editYamlFile(m.records.root, rec.path, (doc) => setTopLevel(doc, 'notice', { ...record }), rec.source, rec.display);
    return { complete: true, recorded: ctx.today, lines: [`Recorded in ${rec.display}: ${now.cancelled ? 'notice of cancellation' : 'notice'} sent on ${formatLongDate(ctx.today)} to ${dist.recipients.length} recipients.`] };
  }
  if (now.minutes?.circulated) return { complete: true, recorded: null, lines: [] };
  const deadline = meetingDeadlines(model, body, now.date, ctx.today).minutesBy.date;
  const change = applyLifecycle(model, now, deadline, { circulated: ctx.today }, ctx.today);
  editYamlFile(m.records.root, rec.path, (doc) => setMinutesInDoc(doc, change.minutes), rec.source, rec.display);
  warnings.push(...change.warnings);
  return { complete: true, recorded: ctx.today, lines: [`Recorded in ${rec.display}: minutes circulated on ${formatLongDate(ctx.today)}.`] };
}
