/** Levenshtein distance, for did-you-mean suggestions. */
export function distance(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0]!;
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const up = prev[j]!;
      prev[j] = Math.min(up + 1, prev[j - 1]! + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = up;
    }
  }
  return prev[b.length]!;
}

/** The closest candidate, if it is close enough to be a likely typo. */
export function suggest(input: string, candidates: Iterable<string>): string | undefined {
  const needle = input.toLowerCase();
  let best: string | undefined;
  let bestScore = Infinity;
  for (const c of candidates) {
    const d = distance(needle, c.toLowerCase());
    if (d < bestScore) {
      best = c;
      bestScore = d;
    }
  }
  if (best === undefined) return undefined;
  const limit = Math.max(2, Math.floor(Math.max(input.length, best.length) / 3));
  return bestScore <= limit ? best : undefined;
}

/** "did you mean ...?" or a list of what exists, for an unknown id. */
export function hintFor(input: string, candidates: readonly string[], what: string): string {
  const guess = suggest(input, candidates);
  if (guess) return `did you mean "${guess}"?`;
  if (candidates.length === 0) return `there are no ${what} in the file yet`;
  const shown = candidates.slice(0, 8).join(', ');
  return `known ${what}: ${shown}${candidates.length > 8 ? ', ...' : ''}`;
}
