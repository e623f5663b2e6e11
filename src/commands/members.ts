import { membership } from '../core/membership.js';
import { loadPartnership } from '../io/partnership-file.js';
import { jsonDocument } from '../report/emit.js';
import { membersJson, renderMembers } from '../report/members.js';
import { resolveBody } from './args.js';
import { done, type CommandContext, type CommandResult } from './context.js';

export interface MembersOptions {
  body?: string;
  json?: true;
}

export async function run(ctx: CommandContext, opts: MembersOptions): Promise<CommandResult> {
  const { model } = await loadPartnership(ctx);
  const body = opts.body ? resolveBody(model, opts.body) : undefined;
  const result = membership(model, ctx.today, body);
  if (opts.json) return done({ json: jsonDocument('members', { date: ctx.today, body: body?.id ?? null, members: membersJson(model, result) }) });
  return done({ lines: renderMembers(model, result, ctx.c) });
}
