import { collectDecisions } from '../core/decisions.js';
import { minuteRefs } from '../core/minute-refs.js';
import { evaluateQuorum } from '../core/quorum.js';
import { loadPartnership } from '../io/partnership-file.js';
import { loadRegisters } from '../io/registers.js';
import { decisionJson, renderDecisions } from '../report/decisions.js';
import type { CommandContext } from './context.js';

export async function run(ctx: CommandContext, opts: { json?: boolean }): Promise<number> {
  const { model, root } = await loadPartnership(ctx);
  const meetings = await loadRegisters(root, ctx.cwd, ctx.env);
  const decisions = collectDecisions(
    model,
    meetings.map((m) => ({ id: m.id, meeting: m.merged, fromMinutesFile: new Set(m.pending.decisions.map((d) => d.id)) })),
    (body, attendance, item) => evaluateQuorum(model, body, attendance, item === undefined ? {} : { item }),
    minuteRefs(model.file.partnership.minutes?.references, model.file.partnership.short, meetings),
  );
  if (opts.json) ctx.out.json(decisions.map(decisionJson));
  else for (const line of renderDecisions(decisions, ctx.out.c)) ctx.out.out(line);
  return 0;
}
