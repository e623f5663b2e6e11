import { listDistribution, meetingDistribution, type Distribution } from '../core/distribution.js';
import { WepError } from '../core/errors.js';
import { hintFor } from '../core/suggest.js';
import { loadRecords, resolveMeeting } from '../io/records.js';
import { distributionJson, formatDistributionCsv, formatEmails, formatVcards, renderListOverview, renderWithoutEmail } from '../report/distribution.js';
import { jsonDocument } from '../report/emit.js';
import { renderMeetingChoice } from '../report/meetings.js';
import { done, type CommandContext, type CommandResult } from './context.js';

export type DistributionFormat = 'emails' | 'csv' | 'vcard' | 'json';

export interface DistributionOptions {
  list?: string;
  meeting?: string;
  format: DistributionFormat;
  json?: true;
}

async function output(d: Distribution, format: DistributionFormat, what: { list?: string; meeting?: string }): Promise<CommandResult> {
  const warnings = renderWithoutEmail(d);
  switch (format) {
    case 'emails':
      return done({ lines: [formatEmails(d)], warnings });
    case 'csv':
      return done({ raw: await formatDistributionCsv(d), warnings });
    case 'vcard':
      return done({ raw: formatVcards(d), warnings });
    case 'json':
      return done({ json: jsonDocument('distribution', { list: what.list ?? null, meeting: what.meeting ?? null, recipients: distributionJson(d) }), warnings });
  }
}

export async function run(ctx: CommandContext, opts: DistributionOptions): Promise<CommandResult> {
  const format = opts.json ? 'json' : opts.format;
  if (opts.list && opts.meeting) throw new WepError('give a list or --meeting, not both', 'wep distribution members, or wep distribution --meeting 2026-12-10-partnership');
  const records = await loadRecords(ctx);
  const { model } = records;
  if (opts.meeting) {
    const { rec, choice } = await resolveMeeting(records, opts.meeting, 'next', ctx.today);
    return { ...(await output(meetingDistribution(model, rec.meeting), format, { meeting: rec.id })), notes: renderMeetingChoice(rec.id, choice, ctx.c) };
  }
  if (opts.list) {
    const list = model.lists.get(opts.list);
    if (!list) throw new WepError(`no distribution list "${opts.list}" in the partnership file`, hintFor(opts.list, [...model.lists.keys()], 'lists'));
    return output(listDistribution(model, list), format, { list: list.id });
  }
  // No list named: an overview of every list (all of them, in full, with --format json).
  const lists = [...model.lists.values()].map((l) => ({ list: l, d: listDistribution(model, l) }));
  if (format === 'json') {
    return done({ json: jsonDocument('distribution', { lists: lists.map(({ list, d }) => ({ id: list.id, name: list.name, recipients: distributionJson(d) })) }) });
  }
  return done({ lines: renderListOverview(lists, ctx.c) });
}
