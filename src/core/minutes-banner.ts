/**
 * The status block at the top of minutes.md: the one part of the file wep owns. It sits
 * between two marker comments and says where the minutes stand (draft, circulated,
 * re-circulated, approved as a true record or with amendments, signed). wep rewrites what is
 * between the markers on every lifecycle step and never touches a line outside them. Pure.
 */
import { formatLongDate, type IsoDate } from './dates.js';
import type { MeetingFile } from './meeting-schema.js';

export const BANNER_OPEN = '<!-- wep:status (written by wep on circulation, approval and signature; edits between these markers are replaced) -->';
export const BANNER_CLOSE = '<!-- /wep:status -->';
const OPEN_RE = /^<!-- wep:status\b.*-->\s*$/;
const CLOSE_RE = /^<!-- \/wep:status -->\s*$/;

/** The status lines wep 0.1 wrote outside any block; replaced by the block the first time. */
export const LEGACY_STATUS_LINES = ['**DRAFT: not yet approved by the meeting**', '**Circulated in draft: not yet approved by the meeting**'];

export interface BannerFacts {
  minutes: MeetingFile['minutes'];
  /** Date of the meeting that approved the minutes, when known. */
  approvedAtDate?: IsoDate;
  /** Name of the person who signed. */
  signedByName?: string;
}

/** The Markdown lines inside the block. Approved and signed minutes no longer say DRAFT. */
export function bannerLines(f: BannerFacts): string[] {
  const m = f.minutes;
  const status = m?.status ?? 'draft';
  const lines: string[] = [];
  if (status === 'draft' || status === 'circulated') {
    if (m?.circulated) lines.push(`**DRAFT: circulated on ${formatLongDate(m.circulated)}; not yet approved by the meeting.**`);
    else lines.push('**DRAFT: not yet approved by the meeting.**');
    for (const r of m?.recirculated ?? []) lines.push('', `Re-circulated on ${formatLongDate(r.date)}: ${r.reason}.`);
    return lines;
  }
  const at = f.approvedAtDate ? ` at the meeting held on ${formatLongDate(f.approvedAtDate)}` : m?.approvedAt ? ` at ${m.approvedAt}` : '';
  const amendments = m?.amendments ?? [];
  lines.push(amendments.length ? `**Approved with amendments${at}.**` : `**Approved as a true record${at}.**`);
  if (amendments.length) lines.push('', 'Amendments:', '', ...amendments.map((a) => `- ${a}`));
  if (m?.signed) lines.push('', `Signed by ${f.signedByName ?? m.signed.by} (Chair) on ${formatLongDate(m.signed.date)}.`);
  return lines;
}

/** The whole block, markers included. */
export function bannerBlock(f: BannerFacts): string {
  return [BANNER_OPEN, ...bannerLines(f), BANNER_CLOSE].join('\n');
}

/** Where the block is: 0-based line indexes of its markers, or undefined. */
export function findBanner(lines: readonly string[]): { open: number; close: number } | undefined {
  const open = lines.findIndex((l) => OPEN_RE.test(l));
  if (open < 0) return undefined;
  const close = lines.findIndex((l, i) => i > open && CLOSE_RE.test(l));
  return close < 0 ? undefined : { open, close };
}

/**
 * minutes.md with the block set to `block`. An existing block is replaced in place; else a
 * status line wep wrote before blocks existed is replaced by it; else the block goes after
 * the "Minutes of the meeting" heading, or at the very top. Nothing else changes.
 */
export function setBanner(text: string, block: string): string {
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const lines = text.split(/\r?\n/);
  const at = findBanner(lines);
  const blockLines = block.split('\n');
  if (at) {
    lines.splice(at.open, at.close - at.open + 1, ...blockLines);
    return lines.join(eol);
  }
  const legacy = lines.findIndex((l) => LEGACY_STATUS_LINES.includes(l.trim()));
  if (legacy >= 0) {
    lines.splice(legacy, 1, ...blockLines);
    return lines.join(eol);
  }
  const heading = lines.findIndex((l) => /^#{1,6}\s+minutes of\b/i.test(l));
  if (heading >= 0) {
    lines.splice(heading + 1, 0, '', ...blockLines);
    return lines.join(eol);
  }
  return [...blockLines, '', ...lines].join(eol);
}

/** minutes.md without the block (the published page says the status from the record itself). */
export function stripBanner(text: string): string {
  const lines = text.split(/\r?\n/);
  const at = findBanner(lines);
  if (!at) return text.split(/\r?\n/).filter((l) => !LEGACY_STATUS_LINES.includes(l.trim())).join('\n');
  lines.splice(at.open, at.close - at.open + 1);
  return lines.filter((l) => !LEGACY_STATUS_LINES.includes(l.trim())).join('\n');
}
