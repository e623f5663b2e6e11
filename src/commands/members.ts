import { membership } from '../core/membership.js';
import { requireBody } from '../core/meeting-deadlines.js';
import { modelOn } from '../core/model.js';
import { loadPartnership } from '../io/partnership-file.js';
import { membersJson, renderMembers } from '../report/members.js';
import type { CommandContext } from './context.js';
import { parseDateArg } from './deadlines.js';

export async function run(ctx: CommandContext, opts: { body?: string; on?: string; former?: boolean; json?: boolean }): Promise<number> {
  const day = opts.on === undefined ? ctx.today : parseDateArg(opts.on, '--on date');
  const model = modelOn((await loadPartnership(ctx)).model, day);
  const body = opts.body ? requireBody(model, opts.body) : undefined;
  const result = membership(model, day, body, { former: opts.former });
  if (opts.json) ctx.out.json(membersJson(model, result));
  else for (const line of renderMembers(model, result, ctx.out.c)) ctx.out.out(line);
  return 0;
}
