import { collectDecisions } from '../core/decisions.js';
import { evaluateQuorum } from '../core/quorum.js';
import { loadRecords } from '../io/records.js';
import { decisionJson, renderDecisions } from '../report/decisions.js';
import { jsonDocument } from '../report/emit.js';
import { done, type CommandContext, type CommandResult } from './context.js';

export interface DecisionsOptions {
  json?: true;
}

export async function run(ctx: CommandContext, opts: DecisionsOptions): Promise<CommandResult> {
  const records = await loadRecords(ctx);
  const { model } = records;
  const meetings = await records.meetings();
  const decisions = collectDecisions(
    model,
    meetings.map((m) => ({ id: m.id, meeting: m.merged, fromMinutesFile: new Set(m.pending.decisions.map((d) => d.id)) })),
    (body, attendance, item) => evaluateQuorum(model, body, attendance, { item }),
  );
  if (opts.json) return done({ json: jsonDocument('decisions', { decisions: decisions.map(decisionJson) }) });
  return done({ lines: renderDecisions(decisions, ctx.c) });
}
