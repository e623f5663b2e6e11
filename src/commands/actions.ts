import { collectActions } from '../core/actions.js';
import { WepError } from '../core/errors.js';
import { hintFor } from '../core/suggest.js';
import { loadPartnership } from '../io/partnership-file.js';
import { loadRegisters } from '../io/registers.js';
import { actionJson, renderActions } from '../report/actions.js';
import type { CommandContext } from './context.js';

export async function run(ctx: CommandContext, opts: { open?: boolean; overdue?: boolean; owner?: string; json?: boolean }): Promise<number> {
  const { model, root } = await loadPartnership(ctx);
  const meetings = await loadRegisters(root, ctx.cwd, ctx.env, { summary: true });
  const pending = new Set(meetings.flatMap((m) => m.pending.actions.map((a) => `${m.id}/${a.id}`)));
  let actions = collectActions(
    meetings.map((m) => ({ id: m.id, meeting: m.merged })),
    ctx.today,
  ).map((a) => ({ ...a, fromMinutesFile: pending.has(a.ref) }));
  if (opts.owner !== undefined) {
    const owners = new Set(actions.map((a) => a.owner));
    if (!model.people.has(opts.owner) && !owners.has(opts.owner)) {
      throw new WepError(`no person "${opts.owner}" in the partnership file`, hintFor(opts.owner, [...model.people.keys()], 'people'));
    }
    actions = actions.filter((a) => a.owner === opts.owner);
  }
  if (opts.overdue) actions = actions.filter((a) => a.overdue);
  else if (opts.open) actions = actions.filter((a) => a.open);
  if (opts.json) {
    ctx.out.json(actions.map((a) => actionJson(model, a)));
    return 0;
  }
  const what = [opts.overdue ? 'overdue actions' : opts.open ? 'open actions' : 'actions', opts.owner ? `for ${model.people.get(opts.owner)?.name ?? opts.owner}` : ''].filter(Boolean).join(' ');
  for (const line of renderActions(model, actions, ctx.today, ctx.out.c, what)) ctx.out.out(line);
  return 0;
}
