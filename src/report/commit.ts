/** What a --commit did, in the same words for every command. */
export function formatCommit(hash: string | null, files: number): string {
  if (hash === null) return 'Nothing to commit: the files are as already committed.';
  return `Committed ${hash} (${files} file${files === 1 ? '' : 's'}).`;
}

/** The warning for files --commit left out because git ignores them. */
export function formatIgnored(ignored: readonly string[], show: (p: string) => string): string[] {
  return ignored.map((f) => `${show(f)} is ignored by git (.gitignore), so --commit left it out; commit it with "git add -f" if it belongs in git`);
}
