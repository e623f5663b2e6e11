/**
 * Writes the published website to disk, all at once: the site is built in a temporary folder
 * beside --out and renamed over it, so a reader never sees a half-built site and a failed build
 * leaves the previous one in place. Only --out is ever replaced, and only when it is empty or
 * an earlier `wep publish` made it (it holds the `.wep-site` marker); a folder holding the
 * records, a git checkout or anything else is refused.
 */
import { existsSync, lstatSync, mkdir, mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, renameSync, rmSync, statSync, writeFile, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { WepError } from '../core/errors.js';
import { normalisePaperPath, type FileIdentity } from '../core/site/privacy.js';
import type { PaperOnDisk } from '../core/site/types.js';
import { writeFailure } from './fs.js';
import { isRecordFile, readRecordBytes, readRecordText, readRecordTextIfExists, resolveRecord } from './guarded-read.js';
import { MAX_PAPER_BYTES, MAX_TEXT_BYTES } from './limits.js';
import { recordsRootOf } from './meetings.js';
import { PARTNERSHIP_FILE } from './partnership-file.js';

/** The marker an earlier build leaves, so the next build knows the folder is its own. */
export const SITE_MARKER = '.wep-site';
const MARKER_TEXT = 'This folder is built by `wep publish` and replaced on every build. Do not edit it by hand.\n';

const isInside = (parent: string, child: string): boolean => {
  const rel = relative(parent, child);
  return rel === '' || (!rel.startsWith('..') && !rel.startsWith(sep) && !/^[a-zA-Z]:/.test(rel));
};

/** Refuses an output folder the build must not replace. `out` and `root` are absolute. */
export function verifySiteOut(out: string, root: string, display: string): void {
  const hint = 'choose a folder of its own for the website, such as --out site';
  if (isInside(out, root)) throw new WepError(`--out ${display} holds the records themselves; publishing there would replace them`, hint);
  if (!existsSync(out)) return;
  const st = lstatSync(out);
  if (st.isSymbolicLink()) throw new WepError(`--out ${display} is a symbolic link`, 'give the real folder, so wep knows what it replaces');
  if (!st.isDirectory()) throw new WepError(`--out ${display} is a file, not a folder`, hint);
  if (existsSync(join(out, PARTNERSHIP_FILE))) throw new WepError(`--out ${display} holds a ${PARTNERSHIP_FILE}; publishing there would replace records`, hint);
  if (existsSync(join(out, '.git'))) throw new WepError(`--out ${display} is a git checkout; publishing there would delete its .git`, 'build into a plain folder and let CI copy it to the pages branch');
  if (!existsSync(join(out, SITE_MARKER)) && readdirSync(out).length > 0) {
    throw new WepError(`--out ${display} is not empty and was not made by wep publish`, `wep replaces the whole folder on every build; empty it or ${hint}`);
  }
}

/** Where the site templates live: the records repo's templates/site/ first, then wep's own. */
function packageTemplatesDir(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 5; i++) {
    const candidate = join(dir, 'templates', 'site');
    if (existsSync(join(candidate, 'site.css'))) return candidate;
    dir = dirname(dir);
  }
  throw new WepError('wep cannot find its templates/site/ folder', 'reinstall wep; the package ships templates/');
}

export interface SiteAssetFiles {
  css: string;
  js: string;
}

/** The stylesheet and filter script, overridable per records repo in templates/site/. */
export function readSiteAssets(root: string): SiteAssetFiles {
  const own = packageTemplatesDir();
  const pick = (name: string) => readRecordTextIfExists(root, join(root, 'templates', 'site', name)) ?? readFileSync(join(own, name), 'utf8');
  return { css: pick('site.css'), js: pick('filter.js') };
}

/**
 * The minutes to publish: minutes.public.md when the clerk wrote one, else minutes.md (`read`:
 * minutes.md as the records loader read it this run, when it did).
 */
export function readMeetingMinutes(meetingDir: string, read?: { minutes: string | undefined }): { text: string; file: 'minutes.md' | 'minutes.public.md' } | undefined {
  const root = recordsRootOf({ dir: meetingDir });
  for (const file of ['minutes.public.md', 'minutes.md'] as const) {
    const text = file === 'minutes.md' && read ? read.minutes : readRecordTextIfExists(root, join(meetingDir, file));
    if (text !== undefined) return { text, file };
  }
  return undefined;
}

/**
 * Which file a path is (symbolic links followed), or undefined when there is none. Through the
 * guarded reader's resolver, which knows each folder's real path once: a publish asks this of
 * three thousand record files, and resolving each path afresh took an lstat per folder on the way.
 */
export function fileIdentity(path: string): FileIdentity | undefined {
  try {
    const found = resolveRecord(null, path, path);
    return found && { real: found.real, dev: found.st.dev, ino: found.st.ino };
  } catch {
    return undefined;
  }
}

/**
 * The local papers named that exist on disk, each with which file it is (so core can tell two
 * names of one file apart from two files) and whether it may be copied: a regular file whose
 * real path is inside the meeting folder (a symbolic link out of it may not). A paper named by
 * a path that leaves the meeting folder still gets its identity, as long as the path stays in
 * the records repo, so that a confidential item naming a sibling meeting's paper keeps that
 * paper off the site too; nothing outside the repo is looked at.
 */
export function findPapers(meetingDir: string, root: string, papers: readonly string[]): PaperOnDisk[] {
  const out: PaperOnDisk[] = [];
  // most meetings name no local paper: their folder's real path is not needed
  if (papers.length === 0) return out;
  const realDir = realpathSync(meetingDir);
  for (const paper of new Set(papers)) {
    const safe = normalisePaperPath(paper);
    const p = safe ? join(meetingDir, safe) : resolve(meetingDir, paper.trim().replace(/\\/g, '/'));
    if (!isInside(root, p)) continue;
    const identity = fileIdentity(p);
    if (!identity) continue;
    let publishable = false;
    try {
      // the guarded reader with the meeting's folder as its root: a regular file inside it
      publishable = safe !== undefined && statSync(p).isFile() && isInside(realDir, identity.real) && isRecordFile(meetingDir, p);
    } catch {
      publishable = false;
    }
    out.push({ paper, identity, publishable });
  }
  return out;
}

/** The record files of the repo (partnership.yaml, and each meeting's meeting.yaml and minutes), by identity. */
export function recordFileIdentities(root: string, meetingDirs: readonly string[]): FileIdentity[] {
  const paths = [join(root, PARTNERSHIP_FILE), ...meetingDirs.flatMap((d) => ['meeting.yaml', 'minutes.md', 'minutes.public.md'].map((f) => join(d, f)))];
  return paths.map(fileIdentity).filter((x): x is FileIdentity => x !== undefined);
}

/** The text of the Markdown papers that may be published, by normalised path (they become pages). */
export function readMarkdownPapers(meetingDir: string, found: readonly PaperOnDisk[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of found) {
    const safe = normalisePaperPath(f.paper);
    if (f.publishable && safe && /\.(md|markdown)$/i.test(safe)) out[safe] = readRecordText(meetingDir, join(meetingDir, safe), { limit: MAX_TEXT_BYTES });
  }
  return out;
}

export interface SiteWrite {
  /** The site's files, rendered as they are taken. */
  files: Iterable<{ path: string; content: string }>;
  /** Papers to copy: absolute source, site path. */
  copies: readonly { from: string; to: string }[];
}

/** The calls the background writes make; replaced in tests to hold a write back. */
export const siteWriterFs = { mkdir, writeFile };

/** Files rendered between two turns of the event loop, in which the writes started go on. */
const FILES_PER_TURN = 16;

const turn = () => new Promise<void>((done) => setImmediate(done));

/**
 * Writes files on Node's I/O threads while the caller goes on rendering, each folder made once
 * and before anything in it, and a path written twice written in turn (the last one stays).
 * Every write is waited for, failed or not, before `settled` answers, so that nothing is still
 * being written when the build folder is removed or renamed.
 */
class BackgroundWrites {
  private readonly folders = new Map<string, Promise<void>>();
  private readonly files = new Map<string, Promise<void>>();
  private readonly all: Promise<void>[] = [];
  /** The first write that failed, if one has. */
  failure: unknown;

  constructor(root: string) {
    this.folders.set(root, Promise.resolve());
  }

  private folder(dir: string): Promise<void> {
    let made = this.folders.get(dir);
    if (!made) {
      made = this.folder(dirname(dir)).then(() => new Promise<void>((done, fail) => siteWriterFs.mkdir(dir, (e) => (e ? fail(e) : done()))));
      this.folders.set(dir, made);
    }
    return made;
  }

  write(path: string, content: string | Uint8Array): void {
    const after = this.files.get(path) ?? this.folder(dirname(path));
    const written = after.then(() => new Promise<void>((done, fail) => siteWriterFs.writeFile(path, content, (e) => (e ? fail(e) : done()))));
    this.files.set(path, written);
    this.all.push(
      written.then(undefined, (e: unknown) => {
        this.failure ??= e;
      }),
    );
  }

  /** Waits for every write started; throws the first failure. */
  async settled(): Promise<void> {
    await Promise.all(this.all);
    if (this.failure !== undefined) throw this.failure;
  }
}

/**
 * Builds the site in a temporary folder beside `out`, then swaps it in. Returns the site paths
 * of the files rendered (papers aside). Each file is written as it is rendered, on Node's I/O
 * threads, so that rendering goes on while the disk makes the folders and files; nothing
 * reaches `out` until every file is written.
 */
export async function writeSite(out: string, site: SiteWrite): Promise<string[]> {
  const parent = dirname(out);
  let tmp: string;
  try {
    mkdirSync(parent, { recursive: true });
    tmp = mkdtempSync(join(parent, `.${basename(out)}.wep-build-`));
  } catch (e) {
    throw writeFailure(e, `the site in ${out}`);
  }
  const written: string[] = [];
  const writes = new BackgroundWrites(tmp);
  let old: string | undefined;
  try {
    const put = (rel: string, content: string | Uint8Array) => {
      const target = resolve(tmp, rel);
      if (!isInside(tmp, target) || target === tmp) throw new Error(`site path escapes the build folder: ${rel}`);
      writes.write(target, content);
    };
    for (const f of site.files) {
      put(f.path, f.content);
      written.push(f.path);
      if (written.length % FILES_PER_TURN === 0) {
        await turn();
        // a full disk stops the build at once, not after the last page
        if (writes.failure !== undefined) break;
      }
    }
    // papers through the guarded reader too (findPapers checked they are inside their meeting
    // folder): never a FIFO, never more than the paper size limit
    if (writes.failure === undefined) for (const c of site.copies) put(c.to, readRecordBytes(null, c.from, { limit: MAX_PAPER_BYTES }));
    await writes.settled();
    writeFileSync(join(tmp, SITE_MARKER), MARKER_TEXT);
    if (existsSync(out)) {
      old = mkdtempSync(join(parent, `.${basename(out)}.wep-old-`));
      rmSync(old, { recursive: true });
      renameSync(out, old);
    }
    try {
      renameSync(tmp, out);
    } catch (e) {
      if (old) renameSync(old, out);
      old = undefined;
      throw e;
    }
  } catch (e) {
    // nothing may still be writing into the folder as it is removed
    await writes.settled().catch(() => undefined);
    rmSync(tmp, { recursive: true, force: true });
    // a full disk or a read-only folder is the clerk's to fix: exit 2, the old site untouched
    throw writeFailure(e, `the site in ${out}`);
  }
  if (old) rmSync(old, { recursive: true, force: true });
  return written;
}
