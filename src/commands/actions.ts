import { collectActions } from '../core/actions.js';
import { WepError } from '../core/errors.js';
import { hintFor } from '../core/suggest.js';
import { loadRecords } from '../io/records.js';
import { actionJson, renderActions } from '../report/actions.js';
import { jsonDocument } from '../report/emit.js';
import { done, type CommandContext, type CommandResult } from './context.js';

export interface ActionsOptions {
  open?: true;
  overdue?: true;
  owner?: string;
  json?: true;
}

export async function run(ctx: CommandContext, opts: ActionsOptions): Promise<CommandResult> {
  const records = await loadRecords(ctx);
  const { model } = records;
  const meetings = await records.meetings({ summary: true });
  const pending = new Set(meetings.flatMap((m) => m.pending.actions.map((a) => `${m.id}/${a.id}`)));
  let actions = collectActions(
    meetings.map((m) => ({ id: m.id, meeting: m.merged })),
    ctx.today,
  ).map((a) => ({ ...a, fromMinutesFile: pending.has(a.ref) }));
  if (opts.owner !== undefined) {
    const owners = new Set(actions.map((a) => a.owner));
    if (!model.people.has(opts.owner) && !owners.has(opts.owner)) {
      throw new WepError(`no person "${opts.owner}" in the partnership file (--owner)`, hintFor(opts.owner, [...model.people.keys()], 'people'));
    }
    actions = actions.filter((a) => a.owner === opts.owner);
  }
  if (opts.overdue) actions = actions.filter((a) => a.overdue);
  else if (opts.open) actions = actions.filter((a) => a.open);
  if (opts.json) return done({ json: jsonDocument('actions', { date: ctx.today, actions: actions.map((a) => actionJson(model, a)) }) });
  const what = [opts.overdue ? 'overdue actions' : opts.open ? 'open actions' : 'actions', opts.owner ? `for ${model.people.get(opts.owner)?.name ?? opts.owner}` : ''].filter(Boolean).join(' ');
  return done({ lines: renderActions(model, actions, ctx.today, ctx.c, what) });
}
