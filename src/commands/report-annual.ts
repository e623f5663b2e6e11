import { isAbsolute, relative, resolve } from 'node:path';
import { collectActions } from '../core/actions.js';
import { buildAnnualReport, parseSchoolYear } from '../core/annual-report.js';
import { collectDecisions } from '../core/decisions.js';
import { WepError } from '../core/errors.js';
import { minuteRefs } from '../core/minute-refs.js';
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
}

/** Formats the report can be written in; Word and PDF join when the pack renderers can take annualSections. */
const RENDERERS = { md: renderAnnualMarkdown, html: renderAnnualHtml } as const;

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
  const report = buildAnnualReport(
    model,
    { meetings: merged, decisions, actions: collectActions(merged, ctx.today), quorumAtStart: (b, m) => (m.attendance ? evaluateQuorum(model, b, m.attendance, {}) : undefined) },
    { year: opts.year, ...range, ...(body ? { body: body.id } : {}) },
    ctx.today,
  );
  const text = (opts.format === 'html' ? RENDERERS.html : RENDERERS.md)(annualSections(report, body?.name));
  if (!opts.out) return done({ raw: text });
  const path = resolve(ctx.cwd, opts.out);
  const display = displayPath(ctx.cwd, path);
  const rel = relative(root, path);
  if (!rel || rel.startsWith('..') || isAbsolute(rel)) throw new WepError(`${display} is outside the records repo; wep writes only inside it`, 'give a path inside the records folder, e.g. --out reports/annual-2026-27.md');
  if (generatedState(path, root, display) === 'edited') {
    throw new WepError(`${display} exists and was not written by "wep report annual" (or has been edited); wep will not overwrite it`, 'choose another file with --out, or delete that one first');
  }
  const w = writeGenerated(path, text, { display, root });
  return done({ lines: [`${w.status === 'same' ? 'unchanged' : 'wrote'} ${display}: ${report.summary.held} meeting(s) held in ${opts.year}`] });
}
