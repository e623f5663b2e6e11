import { isIsoDate, whyNotIsoDate } from '../core/dates.js';
import { WepError } from '../core/errors.js';
import { meetingDeadlines, requireBody } from '../core/meeting-deadlines.js';
import { defaultBodyId } from '../core/model.js';
import { loadPartnership } from '../io/partnership-file.js';
import { deadlinesJson, renderDeadlines } from '../report/deadlines.js';
import type { CommandContext } from './context.js';

/** Parses a date argument, or explains the form expected. */
export function parseDateArg(value: string, what = 'date'): string {
  if (isIsoDate(value)) return value;
  throw new WepError(`${whyNotIsoDate(value)} (the ${what})`, `give the ${what} as YYYY-MM-DD, e.g. 2026-12-10`);
}

export async function run(ctx: CommandContext, opts: { date: string; body?: string; json?: boolean }): Promise<number> {
  const date = parseDateArg(opts.date, 'meeting date');
  const { model } = await loadPartnership(ctx);
  const body = requireBody(model, opts.body ?? defaultBodyId(model));
  const result = meetingDeadlines(model, body, date, ctx.today);
  if (opts.json) ctx.out.json(deadlinesJson(result));
  else {
    for (const line of renderDeadlines(result, ctx.out.c)) ctx.out.out(line);
    for (const w of result.warnings) ctx.out.err(`${ctx.out.c.yellow('warning:')} ${w}`);
  }
  return 0;
}
