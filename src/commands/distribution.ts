import { listDistribution, meetingDistribution, type Distribution } from '../core/distribution.js';
import { WepError } from '../core/errors.js';
import { hintFor } from '../core/suggest.js';
import { loadPartnership } from '../io/partnership-file.js';
import { distributionJson, formatCsv, formatEmails, formatVcards, renderWithoutEmail } from '../report/distribution.js';
import { openMeeting } from './agenda.js';
import { modelOn } from '../core/model.js';
import type { CommandContext } from './context.js';

type Format = 'emails' | 'csv' | 'vcard' | 'json';

function print(ctx: CommandContext, d: Distribution, format: Format): void {
  switch (format) {
    case 'emails':
      ctx.out.out(formatEmails(d));
      break;
    case 'csv':
      ctx.out.raw(formatCsv(d));
      break;
    case 'vcard':
      ctx.out.raw(formatVcards(d));
      break;
    case 'json':
      ctx.out.json(distributionJson(d));
      break;
  }
  for (const line of renderWithoutEmail(d)) ctx.out.err(`${ctx.out.c.yellow('warning:')} ${line}`);
}

export async function run(ctx: CommandContext, opts: { list?: string; meeting?: string; format?: Format }): Promise<number> {
  const format = opts.format ?? 'emails';
  if (opts.list && opts.meeting) throw new WepError('give a list or --meeting, not both', 'wep distribution members, or wep distribution --meeting 2026-12-10-partnership');
  if (opts.meeting) {
    const m = await openMeeting(ctx, opts.meeting, 'next');
    print(ctx, meetingDistribution(m.model, m.rec.meeting), format);
    return 0;
  }
  const model = modelOn((await loadPartnership(ctx)).model, ctx.today);
  if (opts.list) {
    const list = model.lists.get(opts.list);
    if (!list) throw new WepError(`no distribution list "${opts.list}" in the partnership file`, hintFor(opts.list, [...model.lists.keys()], 'lists'));
    print(ctx, listDistribution(model, list), format);
    return 0;
  }
  // No list named: an overview of every list (all of them, in full, with --format json).
  const lists = [...model.lists.values()].map((l) => ({ list: l, d: listDistribution(model, l) }));
  if (format === 'json') {
    ctx.out.json(lists.map(({ list, d }) => ({ id: list.id, name: list.name, recipients: distributionJson(d) })));
    return 0;
  }
  if (lists.length === 0) {
    ctx.out.out('No distribution lists in the partnership file (add them under "lists:"). For a meeting: wep distribution --meeting ID');
    return 0;
  }
  const width = Math.max(...lists.map(({ list }) => list.id.length));
  for (const { list, d } of lists) {
    const missing = d.withoutEmail.length ? ctx.out.c.yellow(`, ${d.withoutEmail.length} without email`) : '';
    ctx.out.out(`${list.id.padEnd(width)}  ${list.name} ${ctx.out.c.dim(`(${d.recipients.length} people)`)}${missing}`);
  }
  ctx.out.out('');
  ctx.out.out(ctx.out.c.dim('wep distribution LIST for the addresses; --format csv, vcard or json; --meeting ID for a meeting\'s notice recipients'));
  return 0;
}
