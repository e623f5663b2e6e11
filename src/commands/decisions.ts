import { collectDecisions } from '../core/decisions.js';
import { minuteRefs } from '../core/minute-refs.js';
import { evaluateQuorum } from '../core/quorum.js';
import { loadRecords } from '../io/records.js';
import { decisionJson, renderDecisions } from '../report/decisions.js';
import { jsonDocument } from '../report/emit.js';
import { resolveBody } from './args.js';
import { done, type CommandContext, type CommandResult } from './context.js';

export interface DecisionsOptions {
  body?: string;
  json?: true;
}

export async function run(ctx: CommandContext, opts: DecisionsOptions): Promise<CommandResult> {
  const records = await loadRecords(ctx);
  const { model } = records;
  const body = opts.body === undefined ? undefined : resolveBody(model, opts.body);
  const meetings = await records.meetings();
  const decisions = collectDecisions(
    model,
    meetings.map((m) => ({ id: m.id, meeting: m.merged, fromMinutesFile: new Set(m.pending.decisions.map((d) => d.id)) })),
    (on, body, attendance, item) => evaluateQuorum(on, body, attendance, item === undefined ? {} : { item }),
    minuteRefs(model.file.partnership.minutes?.references, model.file.partnership.short, meetings),
    body ? { body: body.id } : {},
  );
  if (opts.json) return done({ json: jsonDocument('decisions', { ...(body ? { body: body.id } : {}), decisions: decisions.map(decisionJson) }) });
  return done({ lines: renderDecisions(decisions, ctx.c, body?.name) });
}
