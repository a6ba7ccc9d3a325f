// "did you mean" for a mistyped name: the closest candidate by edit distance, if it is close enough to be a typo.

/** Levenshtein distance (insert, delete, substitute), case-insensitive, '-' and '_' treated alike. */
function distance(a: string, b: string): number {
  const x = a.toLowerCase().replace(/-/g, '_');
  const y = b.toLowerCase().replace(/-/g, '_');
  let prev = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const row = [i];
    for (let j = 1; j <= y.length; j++)
      row[j] = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + (x[i - 1] === y[j - 1] ? 0 : 1));
    prev = row;
  }
  return prev[y.length]!;
}

/** The candidate closest to `input` when at most a third of it differs (and at most 4 edits); else undefined. */
export function didYouMean(input: string, candidates: Iterable<string>): string | undefined {
  if (typeof input !== 'string' || input.length > 200) return undefined;
  let best: { name: string; d: number } | undefined;
  for (const name of candidates) {
    const d = distance(input, name);
    if (!best || d < best.d) best = { name, d };
  }
  if (!best) return undefined;
  return best.d <= Math.min(4, Math.max(1, Math.ceil(best.name.length / 3))) ? best.name : undefined;
}
