import { meetingDeadlines } from '../core/meeting-deadlines.js';
import { loadPartnership } from '../io/partnership-file.js';
import { deadlinesJson, renderDeadlines } from '../report/deadlines.js';
import { jsonDocument } from '../report/emit.js';
import { parseDate, resolveBody } from './args.js';
import { done, type CommandContext, type CommandResult } from './context.js';

export interface DeadlinesOptions {
  date: string;
  body?: string;
  json?: true;
}

export async function run(ctx: CommandContext, opts: DeadlinesOptions): Promise<CommandResult> {
  const date = parseDate(opts.date, 'meeting date');
  const { model } = await loadPartnership(ctx);
  const result = meetingDeadlines(model, resolveBody(model, opts.body), date, ctx.today);
  if (opts.json) return done({ json: jsonDocument('deadlines', deadlinesJson(result)) });
  return done({ lines: renderDeadlines(result, ctx.c), warnings: result.warnings });
}
