/** What a --commit did, in the same words for every command. */
export function formatCommit(hash: string | null, files: number): string {
  if (hash === null) return 'Nothing to commit: the files are as already committed.';
  return `Committed ${hash} (${files} file${files === 1 ? '' : 's'}).`;
}
