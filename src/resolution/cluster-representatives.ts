import type { MatchKind } from "../domain/match-kind.js";

/** Two entities joined by a live SAME decision. */
export interface SamePair {
  readonly kind: MatchKind;
  readonly a: string;
  readonly b: string;
}

/**
 * The entity that stands for each resolved cluster in an analysis run in process: the member of
 * the lowest id (in code-unit order), whatever order the pairs come in, so that runs agree. An
 * entity in no cluster stands for itself. Union–find over the pairs; linear in them.
 */
export function clusterRepresentatives(pairs: readonly SamePair[]): (kind: MatchKind, id: string) => string {
  const parent = new Map<string, string>();
  const root = (key: string): string => {
    let at = key;
    while (parent.has(at) && parent.get(at) !== at) at = parent.get(at)!;
    // Path compression: every key walked points at the root.
    for (let walk = key; walk !== at; ) {
      const next = parent.get(walk)!;
      parent.set(walk, at);
      walk = next;
    }
    return at;
  };
  const idOf = (key: string) => key.slice(key.indexOf(":") + 1);
  for (const { kind, a, b } of pairs) {
    const [x, y] = [root(`${kind}:${a}`), root(`${kind}:${b}`)];
    if (x === y) continue;
    // The lower id becomes the root, so the root of a cluster is its lowest id.
    const [low, high] = idOf(x) < idOf(y) ? [x, y] : [y, x];
    parent.set(high, low);
    parent.set(low, low);
  }
  return (kind, id) => idOf(root(`${kind}:${id}`));
}
