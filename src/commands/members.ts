import { membership } from '../core/membership.js';
import { requireBody } from '../core/meeting-deadlines.js';
import { loadPartnership } from '../io/partnership-file.js';
import { membersJson, renderMembers } from '../report/members.js';
import type { CommandContext } from './context.js';

export async function run(ctx: CommandContext, opts: { body?: string; json?: boolean }): Promise<number> {
  const { model } = await loadPartnership(ctx);
  const body = opts.body ? requireBody(model, opts.body) : undefined;
  const result = membership(model, ctx.today, body);
  if (opts.json) ctx.out.json(membersJson(model, result));
  else for (const line of renderMembers(model, result, ctx.out.c)) ctx.out.out(line);
  return 0;
}
