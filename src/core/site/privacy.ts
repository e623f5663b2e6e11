/**
 * What may be published: the site's privacy rules, each a small pure function, unit-tested
 * one by one (test/unit/core/site/privacy.test.ts). The plan (plan.ts) asks these; nothing
 * else decides what is public.
 *
 * - A paper is the same paper however it is named: by its normalised path in the meeting
 *   folder, by its real path (symbolic links), or by device and inode (hard links). src/io
 *   finds the real path and inode; `isSamePaper` compares them.
 * - Confidential minutes are found by the one heading rule (core/minutes-headings.ts); a
 *   heading the rule and the site's Markdown renderer read differently, or a heading-like
 *   line that names a confidential item, is doubtful: the minutes are withheld, with a warning.
 * - Email addresses are published only when marked public; every other address in any text
 *   is replaced, wherever it is (an allowlist, so an address wep never heard of is withheld too).
 */
import { readMinutesLines } from '../minutes-headings.js';
import type { MeetingFile } from '../meeting-schema.js';

/** What the records repo's disk says about one file: where it really is, and which file it is. */
export interface FileIdentity {
  /** The real path (symbolic links resolved), absolute. */
  real: string;
  dev: number;
  ino: number;
}

/** A paper as the plan sees it: how the record names it, and (for local files found) which file it is. */
export interface PaperRef {
  meetingId: string;
  /** As written in meeting.yaml. */
  paper: string;
  /** Normalised path inside the meeting folder; undefined for web addresses and unsafe paths. */
  path?: string;
  /** Normalised web address, for papers given as one. */
  url?: string;
  identity?: FileIdentity;
}

export const isWebAddress = (s: string): boolean => /^https?:\/\/\S+$/i.test(s.trim());

const RECORD_FILES = new Set(['index.html', 'meeting.yaml', 'minutes.md', 'minutes.public.md']);

/**
 * A paper path normalised inside its meeting folder: backslashes become slashes, `.` and empty
 * segments go, `..` is resolved as long as it stays inside the folder. Undefined for a path
 * that leaves the folder, is absolute or has a drive or scheme, names a hidden file or folder,
 * or names a record file of the meeting itself.
 */
export function normalisePaperPath(paper: string): string | undefined {
  const p = paper.trim().replace(/\\/g, '/');
  if (!p || p.startsWith('/') || /^[a-zA-Z][a-zA-Z0-9+.-]*:/.test(p)) return undefined;
  const out: string[] = [];
  for (const seg of p.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') {
      if (out.length === 0) return undefined;
      out.pop();
      continue;
    }
    if (seg.startsWith('.')) return undefined;
    out.push(seg);
  }
  if (out.length === 0) return undefined;
  if (out.length === 1 && RECORD_FILES.has(out[0]!.toLowerCase())) return undefined;
  return out.join('/');
}

/** A web address in one spelling: scheme and host in lower case, no default port, no trailing slash. */
export function normaliseWebAddress(url: string): string {
  try {
    const u = new URL(url.trim());
    return u.href.replace(/\/$/, '').toLowerCase();
  } catch {
    return url.trim().toLowerCase();
  }
}

/** The file identities are of the same file: one real path, or one device and inode (a hard link). */
export function isSameFile(a: FileIdentity | undefined, b: FileIdentity | undefined): boolean {
  if (!a || !b) return false;
  return a.real === b.real || (a.dev === b.dev && a.ino === b.ino);
}

/** Whether two references name the same paper: same folder and path, same address, or the same file on disk. */
export function isSamePaper(a: PaperRef, b: PaperRef): boolean {
  if (a.path !== undefined && a.path === b.path && a.meetingId === b.meetingId) return true;
  if (a.url !== undefined && a.url === b.url) return true;
  return isSameFile(a.identity, b.identity);
}

/** A reference for a paper as written, before io has said which file it is. */
export function paperRef(meetingId: string, paper: string, identity?: FileIdentity): PaperRef {
  const ref: PaperRef = { meetingId, paper };
  if (isWebAddress(paper)) ref.url = normaliseWebAddress(paper);
  else {
    const path = normalisePaperPath(paper);
    if (path !== undefined) ref.path = path;
  }
  if (identity) ref.identity = identity;
  return ref;
}

/** The numbers (from 1) of a meeting's confidential agenda items. */
export function confidentialItems(meeting: Pick<MeetingFile, 'agenda'>): Set<number> {
  const out = new Set<number>();
  (meeting.agenda ?? []).forEach((it, i) => {
    if (it.confidential) out.add(i + 1);
  });
  return out;
}

/** Whether something recorded against `item` may be published: not when the item is confidential. */
export const isPublicItem = (item: number | undefined, confidential: ReadonlySet<number>): boolean => item === undefined || !confidential.has(item);

/**
 * The texts a meeting's confidential items give away: titles and papers (for this meeting's
 * pages), and the text of their decisions, actions and declarations (which travel: carried
 * forward into later agendas and minutes, so every meeting's text is checked against them).
 */
export function confidentialTexts(meeting: MeetingFile): { titles: string[]; travelling: string[] } {
  const secret = confidentialItems(meeting);
  const titles: string[] = [];
  (meeting.agenda ?? []).forEach((it, i) => {
    if (!secret.has(i + 1)) return;
    titles.push(it.title);
    if (it.paper) {
      titles.push(it.paper);
      const base = it.paper.replace(/\\/g, '/').split('/').pop();
      if (base && base !== it.paper) titles.push(base);
    }
  });
  const travelling = [
    ...(meeting.decisions ?? []).filter((d) => secret.has(d.item)).map((d) => d.text),
    ...(meeting.actions ?? []).filter((a) => a.item !== undefined && secret.has(a.item)).map((a) => a.text),
    ...(meeting.attendance?.interests ?? []).filter((d) => secret.has(d.item) && d.interest).map((d) => d.interest!),
  ];
  return { titles: titles.filter((t) => t.trim() !== ''), travelling: travelling.filter((t) => t.trim() !== '') };
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', shy: '' };

/**
 * Text as a reader sees it, for matching: HTML entities decoded, Unicode compatibility forms
 * folded (NFKC), Markdown emphasis and code marks dropped, case and runs of white space ignored.
 */
export function foldForMatch(text: string): string {
  return text
    .replace(/&#x([0-9a-f]{1,6});?/gi, (_, h: string) => safeChar(parseInt(h, 16)))
    .replace(/&#(\d{1,7});?/g, (_, d: string) => safeChar(Number(d)))
    .replace(/&([a-z]+);/gi, (m, n: string) => ENTITIES[n.toLowerCase()] ?? m)
    .normalize('NFKC')
    .replace(/[\u00ad\u200b-\u200d\u2060\ufeff]/g, '')
    .replace(/[*_`~\\]+/g, '')
    .toLowerCase()
    .replace(/\s+/g, ' ');
}

function safeChar(code: number): string {
  try {
    return String.fromCodePoint(code);
  } catch {
    return '';
  }
}

const escapeRe = (x: string) => x.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Whether `text` mentions any of the secrets, as a reader would see it (see foldForMatch).
 * Secrets of four characters or more match anywhere; shorter ones ("HR", "Pay") only as a
 * whole word, so they are matched without every "a" in the minutes matching.
 */
export function mentionsAny(text: string, secrets: readonly string[]): boolean {
  return firstMention(text, secrets) !== undefined;
}

/** The first secret `text` mentions (see mentionsAny), or undefined. */
export function firstMention(text: string, secrets: readonly string[]): string | undefined {
  if (secrets.length === 0) return undefined;
  const t = foldForMatch(text);
  for (const s of secrets) {
    const f = foldForMatch(s).trim();
    if (!f) continue;
    if (f.length >= 4 ? t.includes(f) : new RegExp(`(^|[^\\p{L}\\p{N}])${escapeRe(f)}($|[^\\p{L}\\p{N}])`, 'u').test(t)) return s;
  }
  return undefined;
}

/** An email address, however its @ is written (plain, percent-encoded or as an HTML entity). */
const EMAIL = /[A-Za-z0-9._%+'-]+(?:@|%40|&#0*64;|&#x0*40;)[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+/gi;

export const ADDRESS_WITHHELD = '[address withheld]';

/** The address in one spelling, for comparing with the public ones. */
const canonicalEmail = (s: string) => s.replace(/%40|&#0*64;|&#x0*40;/gi, '@').toLowerCase();

/**
 * Replaces every email address in `text` that is not one of `publicEmails` with
 * "[address withheld]". An allowlist: addresses of people wep does not know are withheld too.
 */
export function redactEmails(text: string, publicEmails: ReadonlySet<string>): string {
  // every spelling EMAIL matches holds one of these (none has a letter, so case does not matter)
  if (!text.includes('@') && !text.includes('%40') && !text.includes('&#')) return text;
  return text.replace(EMAIL, (m) => (publicEmails.has(canonicalEmail(m)) ? m : ADDRESS_WITHHELD));
}

/** The set publicEmails expects: addresses in lower case. */
export const publicEmailSet = (emails: Iterable<string>): Set<string> => new Set([...emails].map((e) => e.trim().toLowerCase()));

/**
 * Every string inside a plain data value with `redactEmails` applied. An array or object with
 * an address somewhere inside is copied, with the copy redacted; one with none is returned as
 * it is (a site of a thousand meetings is a great deal to copy for nothing). Never changes
 * `value`.
 */
export function redactDeep<T>(value: T, publicEmails: ReadonlySet<string>): T {
  if (typeof value === 'string') return redactEmails(value, publicEmails) as T;
  if (Array.isArray(value)) {
    let out: unknown[] | undefined;
    for (let i = 0; i < value.length; i++) {
      const v: unknown = value[i];
      const r = redactDeep(v, publicEmails);
      if (r !== v) (out ??= value.slice())[i] = r;
    }
    return (out ?? value) as T;
  }
  if (value && typeof value === 'object') {
    let out: Record<string, unknown> | undefined;
    // the keys alone: a pair for every field of a thousand meetings' plan is a lot to make for nothing
    for (const k of Object.keys(value)) {
      const v: unknown = (value as Record<string, unknown>)[k];
      const r = redactDeep(v, publicEmails);
      if (r !== v) (out ??= { ...(value as Record<string, unknown>) })[k] = r;
    }
    return (out ?? value) as T;
  }
  return value;
}

export interface PublicMinutes {
  /** The Markdown to publish, or undefined when the minutes are withheld. */
  markdown?: string;
  /** Why the minutes are withheld (for the clerk's warning). */
  withheld?: string;
}

export interface PublicMinutesOptions {
  /**
   * The 1-based lines where the site's Markdown renderer finds headings in the visible text
   * (HTML comments blanked). When given, a disagreement with the heading rule withholds the
   * minutes: the rule would not know which section a line is in.
   */
  rendererHeadings?: (visible: string) => number[];
  /** The file is minutes.public.md, written for publishing: a confidential item need not have a heading in it. */
  publicVersion?: boolean;
}

/** A line that looks like an item heading without being one: "**4. Staffing**", "Item 4: Staffing". */
const HEADING_LIKE = /^\s{0,3}(?:[-*+>]\s+)*(?:(?:\*\*|__|\*|_)\s*(?:item\s+)?(\d{1,4})\b|item\s+(\d{1,4})\b)/i;

/**
 * The public part of minutes.md: the sections of confidential items (by the one heading rule)
 * left out, HTML comments removed. Withheld altogether, with the reason, when anything is
 * doubtful: the renderer reads the headings differently, a heading or heading-like line inside
 * a public section names a confidential item, a heading with no item number ends a
 * confidential section (what follows may still be about it), or a confidential item has no
 * section to leave out (its minute may be anywhere).
 */
export function publicMinutes(text: string, confidential: ReadonlySet<number>, opts: PublicMinutesOptions = {}): PublicMinutes {
  const lines = readMinutesLines(text);
  if (opts.rendererHeadings) {
    const ours = new Set<number>();
    for (const l of lines) if (l.heading) ours.add(l.heading.line);
    const theirs = opts.rendererHeadings(lines.map((l) => l.visible).join('\n'));
    const odd = theirs.find((n) => !ours.has(n)) ?? [...ours].find((n) => !theirs.includes(n));
    if (odd !== undefined) return { withheld: `line ${odd} may or may not be a heading, so wep cannot tell which item it belongs to` };
  }
  if (confidential.size === 0) return { markdown: lines.map((l) => l.visible).join('\n') };
  const sections = new Set<number>();
  const out: string[] = [];
  let previousItem: number | undefined;
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!;
    const after = previousItem;
    previousItem = l.item;
    if (l.item !== undefined && l.heading?.number === l.item) sections.add(l.item);
    if (l.item !== undefined && confidential.has(l.item)) continue;
    if (l.heading && l.heading.number === undefined && after !== undefined && confidential.has(after)) {
      return { withheld: `line ${l.heading.line} is a heading with no item number that ends confidential item ${after}'s section, so wep cannot tell whether what follows is still about it` };
    }
    const named = l.heading ? l.heading.number : l.kind === 'text' ? headingLikeNumber(l.visible) : undefined;
    if (named !== undefined && confidential.has(named)) {
      return { withheld: `line ${i + 1} names confidential item ${named} outside that item's own section` };
    }
    out.push(l.visible);
  }
  if (!opts.publicVersion) {
    const missing = [...confidential].filter((n) => !sections.has(n)).sort((a, b) => a - b);
    if (missing.length) return { withheld: `confidential item ${missing[0]} has no heading of its own, so wep cannot tell which lines minute it` };
  }
  return { markdown: out.join('\n') };
}

function headingLikeNumber(line: string): number | undefined {
  const m = HEADING_LIKE.exec(line);
  if (!m) return undefined;
  return Number(m[1] ?? m[2]);
}

/** HTML comments removed from Markdown (outside code), as the minutes rule reads them. */
export function withoutComments(markdown: string): string {
  if (!markdown.includes('<!--')) return markdown;
  return readMinutesLines(markdown)
    .map((l) => l.visible)
    .join('\n');
}
