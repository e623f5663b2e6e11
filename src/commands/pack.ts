import { agendaAmong } from '../core/agenda.js';
import { meetingDistribution } from '../core/distribution.js';
import { meetingDeadlines } from '../core/meeting-deadlines.js';
import { buildNoticeView } from '../core/notice.js';
import { planPacks } from '../core/pack.js';
import { commitChanges, verifyInsideRepo } from '../io/git.js';
import { writePacks } from '../io/pack-writer.js';
import { readPaperFiles } from '../io/papers.js';
import { displayPath } from '../io/partnership-file.js';
import { loadRecords, resolveMeeting } from '../io/records.js';
import { formatCommit, formatIgnored } from '../report/commit.js';
import { jsonDocument } from '../report/emit.js';
import { renderMeetingChoice } from '../report/meetings.js';
import { packJson, renderPackResult } from '../report/pack.js';
import { done, type CommandContext, type CommandResult } from './context.js';

export interface PackOptions {
  meeting?: string;
  supplement?: true;
  force?: true;
  commit?: true;
  json?: true;
}

export async function run(ctx: CommandContext, opts: PackOptions): Promise<CommandResult> {
  const records = await loadRecords(ctx);
  const { model, root } = records;
  const { rec, body, choice } = await resolveMeeting(records, opts.meeting, 'next', ctx.today);
  // outside a git repo, say so before writing anything
  const gitWarnings = opts.commit ? verifyInsideRepo(root) : [];
  const meeting = rec.meeting;
  const agenda = agendaAmong(model, rec.id, meeting, await records.meetings(), ctx.today);
  const view = buildNoticeView(model, rec.id, meeting, agenda, meetingDistribution(model, meeting), meetingDeadlines(model, body, meeting.date, ctx.today));
  const files = readPaperFiles(rec.dir, meeting);
  const plan = planPacks(agenda, meeting, new Map(files.map((f) => [f.paper, f.sha256])), { supplement: opts.supplement });
  const show = (p: string) => displayPath(ctx.cwd, p);
  const written = await writePacks(rec.dir, view, plan.packs, plan.papers, files, { force: opts.force, display: show });
  const outcome = opts.commit && written.length ? commitChanges(root, written.map((w) => w.path), `${opts.supplement ? 'Supplementary agenda pack' : 'Agenda pack'} of ${rec.id}`) : undefined;
  const commit = outcome?.hash ?? null;
  const warnings = [...gitWarnings, ...(outcome ? formatIgnored(outcome.ignored, show) : []), ...plan.warnings, ...written.flatMap((w) => w.unreadable.map((p) => `item ${p.item} (${p.title}): ${p.paper} could not be read as a PDF; a note stands in for it`))];
  const notes = renderMeetingChoice(rec.id, choice, ctx.c);
  if (opts.json) return done({ notes, warnings, json: jsonDocument('pack', packJson(rec.id, written, show, warnings, commit)) });
  const lines = renderPackResult(rec.id, written, show, ctx.c);
  if (outcome) lines.push(formatCommit(outcome.hash, outcome.committed.length));
  return done({ notes, lines, warnings });
}
