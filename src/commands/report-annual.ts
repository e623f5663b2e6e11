import { isAbsolute, relative, resolve } from 'node:path';
import { collectActions } from '../core/actions.js';
import { buildAnnualReport, parseSchoolYear } from '../core/annual-report.js';
import { collectDecisions } from '../core/decisions.js';
import { WepError } from '../core/errors.js';
import { minuteRefs } from '../core/minute-refs.js';
import { modelOn } from '../core/model.js';
import { evaluateQuorum } from '../core/quorum.js';
import { generatedState, writeGenerated } from '../io/generated.js';
import { displayPath } from '../io/partnership-file.js';
import { loadRecords } from '../io/records.js';
import { annualSections, renderAnnualHtml, renderAnnualMarkdown } from '../report/annual-report.js';
import { resolveBody } from './args.js';
import { done, type CommandContext, type CommandResult } from './context.js';

export interface ReportAnnualOptions {
  year: string;
  body?: string;
  format: string;
  out?: string;
  force?: true;
}

export async function run(ctx: CommandContext, opts: ReportAnnualOptions): Promise<CommandResult> {
  const records = await loadRecords(ctx);
  const { model, root } = records;
  const range = parseSchoolYear(opts.year);
  if ('problem' in range) throw new WepError(`--year: ${range.problem}`, 'give the school year as YYYY-YY, e.g. --year 2026-27 (1 September 2026 to 31 August 2027)');
  const body = opts.body ? resolveBody(model, opts.body) : undefined;
  const meetings = await records.meetings();
  const merged = meetings.map((m) => ({ id: m.id, meeting: m.merged }));
  const decisions = collectDecisions(
    model,
    merged,
    (on, b, a, item) => evaluateQuorum(on, b, a, item === undefined ? {} : { item }),
    minuteRefs(model.file.partnership.minutes?.references, model.file.partnership.short, merged),
    body ? { body: body.id } : {},
  );
  const binary = opts.format === 'docx' || opts.format === 'pdf';
  if (binary && !opts.out) throw new WepError(`--format ${opts.format} writes a file: say where with --out`, `e.g. wep report annual --year ${opts.year} --format ${opts.format} --out reports/annual-${opts.year}.${opts.format}`);
  const report = buildAnnualReport(
    model,
    {
      meetings: merged,
      decisions,
      actions: collectActions(merged, ctx.today),
      // counted with the members of the meeting's own day, as every quorum is
      quorumAtStart: (b, m) => {
        if (!m.attendance) return undefined;
        const on = modelOn(model, m.date);
        return evaluateQuorum(on, on.bodies.get(b.id) ?? b, m.attendance, {});
      },
    },
    { year: opts.year, ...range, ...(body ? { body: body.id } : {}) },
    ctx.today,
  );
  const sections = annualSections(report, body?.name);
  const text = opts.format === 'html' ? renderAnnualHtml(sections) : renderAnnualMarkdown(sections);
  if (!opts.out) return done({ raw: text });
  const path = resolve(ctx.cwd, opts.out);
  const display = displayPath(ctx.cwd, path);
  const rel = relative(root, path);
  if (!rel || rel.startsWith('..') || isAbsolute(rel)) throw new WepError(`${display} is outside the records repo; wep writes only inside it`, 'give a path inside the records folder, e.g. --out reports/annual-2026-27.md');
  const summary = `${report.summary.held} meeting(s) held in ${opts.year}`;
  if (binary) {
    // Word and PDF from the Markdown, typeset as the pack's papers and the minutes' Word file are
    const [{ markdownBlocks, writeBinaryGenerated }, { renderDocx }, { renderDocumentPdf }] = await Promise.all([
      import('../io/documents.js'),
      import('../report/docx-document.js'),
      import('../report/pdf-pack.js'),
    ]);
    const blocks = await markdownBlocks(text);
    const title = `Annual report ${opts.year}${body ? `: ${body.name}` : ''}`;
    const bytes = opts.format === 'docx' ? await renderDocx(blocks, { title }) : await renderDocumentPdf(blocks, { title, footer: `${model.file.partnership.name}: ${title}` });
    const w = writeBinaryGenerated(path, bytes, { display, ...(opts.force ? { force: true } : {}) });
    return done({ lines: [`wrote ${display}: ${summary}${w.backup ? ` (your edited copy is kept as ${displayPath(ctx.cwd, w.backup)})` : ''}`] });
  }
  if (generatedState(path, root, display) === 'edited') {
    throw new WepError(`${display} exists and was not written by "wep report annual" (or has been edited); wep will not overwrite it`, 'choose another file with --out, or delete that one first');
  }
  const w = writeGenerated(path, text, { display, root });
  return done({ lines: [`${w.status === 'same' ? 'unchanged' : 'wrote'} ${display}: ${summary}`] });
}
