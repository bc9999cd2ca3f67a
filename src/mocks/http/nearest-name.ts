/**
 * Edit distance between two words (optimal string alignment: insertions, deletions, substitutions and
 * swaps of two neighbours each cost 1), so "--prot" is 1 away from "--port".
 */
export function editDistance(a: string, b: string): number {
  // rows[i][j]: distance between the first i characters of a and the first j of b.
  const rows: number[][] = [];
  for (let i = 0; i <= a.length; i++) {
    const row: number[] = [i];
    for (let j = 1; j <= b.length; j++) {
      if (i === 0) {
        row.push(j);
        continue;
      }
      const above = rows[i - 1] ?? [];
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min((above[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (above[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, (rows[i - 2]?.[j - 2] ?? 0) + 1);
      row.push(best);
    }
    rows.push(row);
  }
  return rows[a.length]?.[b.length] ?? 0;
}

/** The name of `known` closest to `word` (case-insensitive), however far (undefined when `known` is empty). */
export function nearestName(word: string, known: readonly string[]): string | undefined {
  const asked = word.toLowerCase();
  let best: { name: string; distance: number } | undefined;
  for (const name of known) {
    const distance = editDistance(asked, name.toLowerCase());
    if (best === undefined || distance < best.distance) best = { name, distance };
  }
  return best?.name;
}

/**
 * The known word nearest to `word` (case-insensitive), or undefined when none is close: at most 2 edits
 * away and fewer edits than half the word's length, so "x" suggests nothing and "--no-such-flag" neither.
 * Ties go to the first in `known`.
 */
export function nearest(word: string, known: readonly string[]): string | undefined {
  const name = nearestName(word, known);
  if (name === undefined) return undefined;
  const distance = editDistance(word.toLowerCase(), name.toLowerCase());
  return distance > 2 || distance * 2 >= word.length ? undefined : name;
}
