/**
 * Whether two words differ by one edit at most: a letter inserted, dropped or changed, or two
 * neighbouring letters swapped (optimal string alignment distance ≤ 1). Jaro–Winkler rewards a
 * long common beginning, so on its own it takes "khammarath" for a typo of "khammathep" (0.92): two
 * Lao surnames built on one syllable. A typo is one slip of the hand, not a different ending.
 */
export function withinOneEdit(a: string, b: string): boolean {
  if (a === b) return true;
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  if (long.length - short.length > 1) return false;
  let start = 0;
  while (start < short.length && short[start] === long[start]) start += 1;
  if (short.length === long.length) {
    // One letter changed, or this letter and the next swapped.
    if (short.slice(start + 1) === long.slice(start + 1)) return true;
    return short[start] === long[start + 1] && short[start + 1] === long[start] && short.slice(start + 2) === long.slice(start + 2);
  }
  // One letter inserted into the shorter word.
  return short.slice(start) === long.slice(start + 1);
}
