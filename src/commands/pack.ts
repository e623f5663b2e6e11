import { meetingDistribution } from '../core/distribution.js';
import { meetingDeadlines } from '../core/meeting-deadlines.js';
import { buildNoticeView } from '../core/notice.js';
import { planPacks } from '../core/pack.js';
import { commitFiles, verifyInsideRepo } from '../io/git.js';
import { writePacks } from '../io/pack-writer.js';
import { readPaperFiles } from '../io/papers.js';
import { displayPath } from '../io/partnership-file.js';
import { formatCommit } from '../report/commit.js';
import { packJson, renderPackResult } from '../report/pack.js';
import { agendaFor, openMeeting } from './agenda.js';
import type { CommandContext } from './context.js';

export interface PackOptions {
  meeting?: string;
  supplement?: boolean;
  force?: boolean;
  commit?: boolean;
  json?: boolean;
}

export async function run(ctx: CommandContext, opts: PackOptions): Promise<number> {
  const m = await openMeeting(ctx, opts.meeting, 'next');
  if (opts.commit) verifyInsideRepo(m.root);
  const meeting = m.rec.meeting;
  const agenda = await agendaFor(ctx, m);
  const view = buildNoticeView(m.model, m.rec.id, meeting, agenda, meetingDistribution(m.model, meeting), meetingDeadlines(m.model, m.body, meeting.date, ctx.today));
  const files = readPaperFiles(m.rec.dir, meeting);
  const plan = planPacks(agenda, meeting, new Map(files.map((f) => [f.paper, f.sha256])), { supplement: opts.supplement });
  const show = (p: string) => displayPath(ctx.cwd, p);
  const written = await writePacks(m.rec.dir, view, plan.packs, plan.papers, files, { force: opts.force, display: show });
  let commit: string | null = null;
  if (opts.commit) commit = commitFiles(m.root, written.map((w) => w.path), `Agenda pack${opts.supplement ? ' supplement' : ''} of ${m.rec.id}`);
  const warnings = [...plan.warnings, ...written.flatMap((w) => w.unreadable.map((p) => `item ${p.item} (${p.title}): ${p.paper} could not be read as a PDF; a note stands in for it`))];
  if (opts.json) {
    ctx.out.json(packJson(m.rec.id, written, show, warnings, commit));
    return 0;
  }
  for (const line of renderPackResult(m.rec.id, written, show, ctx.out.c)) ctx.out.out(line);
  for (const w of warnings) ctx.out.err(`${ctx.out.c.yellow('warning:')} ${w}`);
  if (opts.commit) ctx.out.out(formatCommit(commit, written.length));
  return 0;
}
