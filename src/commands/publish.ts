/**
 * `wep publish`: the partnership's records as a static website for every school leader.
 * Load records -> plan what may be published (core/site/plan, asking core/site/privacy) ->
 * render the pages (report/site/)
 * -> write the folder atomically (io/site-writer).
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { WepError } from '../core/errors.js';
import { planSite } from '../core/site/plan.js';
import { isWebAddress } from '../core/site/privacy.js';
import type { SiteMeetingInput } from '../core/site/types.js';
import { meetingsDir } from '../io/meetings.js';
import { displayPath } from '../io/partnership-file.js';
import { loadRecords } from '../io/records.js';
import { findPapers, readMarkdownPapers, readMeetingMinutes, readSiteAssets, recordFileIdentities, verifySiteOut, writeSite } from '../io/site-writer.js';
import { jsonDocument } from '../report/emit.js';
import { siteFiles } from '../report/site/index.js';
import { markdownHeadingLines } from '../report/site/markdown.js';
import { done, type CommandContext, type CommandResult } from './context.js';

export interface PublishOptions {
  out?: string;
  baseUrl?: string;
  json?: true;
}

/** An absolute http(s) address ending in "/", or undefined. */
export function normaliseBaseUrl(url: string | undefined, from: string): string | undefined {
  if (url === undefined || url === '') return undefined;
  if (!isWebAddress(url)) {
    throw new WepError(`${from} "${url}" is not a web address`, 'give the full address the site is hosted at, such as https://wep.example.org/');
  }
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new WepError(`${from} "${url}" is not a web address`, 'give the full address the site is hosted at, such as https://wep.example.org/');
  }
  if (parsed.search || parsed.hash) throw new WepError(`${from} "${url}" has a query or fragment`, 'give the address of the site folder only, such as https://wep.example.org/');
  const href = parsed.href;
  return href.endsWith('/') ? href : `${href}/`;
}

export async function run(ctx: CommandContext, opts: PublishOptions): Promise<CommandResult> {
  const records = await loadRecords(ctx);
  const { model, root } = records;
  const baseUrl = opts.baseUrl !== undefined ? normaliseBaseUrl(opts.baseUrl, '--base-url') : normaliseBaseUrl(model.file.partnership.publish?.baseUrl, 'publish.base-url');
  const outOpt = opts.out ?? 'site';
  const out = resolve(ctx.cwd, outOpt);
  const display = displayPath(ctx.cwd, out);
  verifySiteOut(out, root, display);

  const loaded = await records.meetings();
  const meetings: SiteMeetingInput[] = loaded.map((r) => {
    const local = (r.meeting.agenda ?? []).map((i) => i.paper).filter((p): p is string => !!p && !isWebAddress(p));
    const found = findPapers(r.dir, root, local);
    // The loader's merged view: minutes.md's DECISION and ACTION lines, as "wep decisions" and
    // "wep actions" list them, not meeting.yaml's copy alone.
    const input: SiteMeetingInput = { id: r.id, meeting: r.merged, papers: found, paperTexts: readMarkdownPapers(r.dir, found), packFound: existsSync(join(r.dir, 'agenda-pack.pdf')) };
    // minutes.md as the loader read it, once: its DECISION and ACTION lines are in r.merged
    const minutes = readMeetingMinutes(r.dir, { minutes: r.minutesSource });
    if (minutes !== undefined) {
      input.minutesText = minutes.text;
      input.minutesFile = minutes.file;
    }
    return input;
  });
  const recordFiles = recordFileIdentities(root, loaded.map((r) => r.dir));
  const plan = planSite({ model, meetings, today: ctx.today, recordFiles, rendererHeadings: markdownHeadingLines, ...(baseUrl ? { baseUrl } : {}) });
  const copies = plan.copies.map((c) => ({ from: join(meetingsDir(root), c.meetingId, c.source), to: c.sitePath }));
  const files = await writeSite(out, { files: siteFiles(plan, readSiteAssets(root)), copies });

  const pages = files.filter((f) => f.endsWith('.html')).length;
  const warnings = plan.warnings;
  if (opts.json) {
    return done({ warnings, json: jsonDocument('publish', { out: display, baseUrl: baseUrl ?? null, pages, papers: copies.length, meetings: meetings.length, files: [...files].sort() }) });
  }
  const lines = [
    `Published ${pages} pages, ${copies.length} ${copies.length === 1 ? 'paper' : 'papers'} and the meetings calendar to ${display}/ (${meetings.length} ${meetings.length === 1 ? 'meeting' : 'meetings'}).`,
    `Open ${join(display, 'index.html')} in a browser${baseUrl ? `, or ${baseUrl} once it is uploaded` : ''}.`,
  ];
  return done({ lines, warnings });
}
