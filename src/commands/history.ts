import { existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { formatShortDate } from '../core/dates.js';
import { WepError } from '../core/errors.js';
import { buildMeetingHistory, type MeetingHistory } from '../core/history.js';
import type { MeetingFile } from '../core/meeting-schema.js';
import { diffBetween, fileAt, fileCommits, fileGitState, hasCommits, isGitAvailable, isInsideRepo, isShallowRepo } from '../io/git.js';
import { MEETING_FILE, MEETINGS_DIR, parseMeetingSource } from '../io/meetings.js';
import { loadRecords, verifyMeetingRef } from '../io/records.js';
import { jsonDocument } from '../report/emit.js';
import { historyJson, renderHistory } from '../report/history.js';
import { done, type CommandContext, type CommandResult } from './context.js';

export interface HistoryOptions {
  meeting?: string;
  json?: true;
}

export async function run(ctx: CommandContext, opts: HistoryOptions): Promise<CommandResult> {
  const records = await loadRecords(ctx);
  const { model, root } = records;
  if (!isGitAvailable()) throw new WepError('git is not installed, so wep cannot read the history of the records', 'install git');
  if (!isInsideRepo(root)) throw new WepError(`${root} is not inside a git repository, so the records have no history to show`, 'run "git init", then commit the records: git add -A && git commit -m "records"');
  if (!hasCommits(root)) throw new WepError('the records repository has no commits yet, so there is no history to show', 'commit the records: git add -A && git commit -m "records"');
  const warnings: string[] = [];
  if (isShallowRepo(root)) warnings.push('this is a shallow clone: commits before its depth are missing, so the earliest events shown may be later than they happened (fix: git fetch --unshallow)');
  const ids = opts.meeting !== undefined ? [verifyMeetingRef(records, opts.meeting, '--meeting')] : records.ids();
  const out: (MeetingHistory & { title: string; notes: string[]; diff?: string })[] = [];
  for (const id of ids) {
    const folder = `${MEETINGS_DIR}/${id}`;
    const yamlRel = `${folder}/${MEETING_FILE}`;
    const rec = await records.meeting(id);
    const versions: { commit: ReturnType<typeof fileCommits>[number]; meeting: MeetingFile | undefined }[] = [];
    for (const commit of fileCommits(root, yamlRel)) {
      const text = fileAt(root, commit.hash, yamlRel);
      versions.push({ commit, meeting: text === undefined ? undefined : (await parseMeetingSource(text, yamlRel)).meeting });
    }
    const minutesRel = `${folder}/minutes.md`;
    const notes: string[] = [];
    const show = (rel: string) => relative(ctx.cwd, join(root, rel)) || rel;
    for (const rel of [yamlRel, `${folder}/notice.md`, minutesRel]) {
      const state = fileGitState(root, rel);
      if (state === 'changed') notes.push(`${show(rel)} has changes not committed: what is shown is what git holds (commit them, or use --commit on the command that wrote them)`);
      else if (state === 'untracked' && rel === yamlRel) notes.push(`${show(rel)} is not committed, so it has no history yet (git add ${show(rel)} && git commit)`);
      else if (state === 'untracked' && existsSync(join(root, rel))) notes.push(`${show(rel)} is not committed yet (git add ${show(rel)} && git commit)`);
    }
    const h0 = buildMeetingHistory({ id, yamlVersions: versions, current: rec.meeting, noticeCommits: fileCommits(root, `${folder}/notice.md`), minutesCommits: fileCommits(root, minutesRel) });
    let diff: string | undefined;
    if (h0.circulatedCommit && h0.approvedCommit && h0.circulatedCommit.hash !== h0.approvedCommit.hash) {
      diff = diffBetween(root, h0.circulatedCommit.hash, h0.approvedCommit.hash, minutesRel) || undefined;
    }
    const h = diff ? buildMeetingHistory({ id, yamlVersions: versions, current: rec.meeting, noticeCommits: fileCommits(root, `${folder}/notice.md`), minutesCommits: fileCommits(root, minutesRel), amendedDiff: diff }) : h0;
    const body = model.bodies.get(rec.meeting.body)?.name ?? rec.meeting.body;
    out.push({ ...h, title: `${body}, ${formatShortDate(rec.meeting.date)}`, notes, ...(diff && opts.meeting !== undefined ? { diff } : {}) });
  }
  if (opts.json) return done({ json: jsonDocument('history', historyJson(out, warnings)) });
  return done({ warnings, lines: out.length ? renderHistory(out, ctx.c) : [`No meetings yet in ${MEETINGS_DIR}/.`] });
}
