import { membership } from '../core/membership.js';
import { modelOn } from '../core/model.js';
import { loadPartnership } from '../io/partnership-file.js';
import { jsonDocument } from '../report/emit.js';
import { membersJson, renderMembers } from '../report/members.js';
import { parseDate, resolveBody } from './args.js';
import { done, type CommandContext, type CommandResult } from './context.js';

export interface MembersOptions {
  body?: string;
  on?: string;
  former?: true;
  json?: true;
}

export async function run(ctx: CommandContext, opts: MembersOptions): Promise<CommandResult> {
  const day = opts.on === undefined ? ctx.today : parseDate(opts.on, '--on date');
  const model = modelOn((await loadPartnership(ctx)).model, day);
  const body = opts.body ? resolveBody(model, opts.body) : undefined;
  const result = membership(model, day, body, { former: opts.former === true });
  if (opts.json) return done({ json: jsonDocument('members', { date: day, body: body?.id ?? null, members: membersJson(model, result) }) });
  return done({ lines: renderMembers(model, result, ctx.c) });
}
