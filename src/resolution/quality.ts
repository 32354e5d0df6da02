import { compareEntities } from "./compare-entities.js";
import type { NameCounts } from "./name-counts.js";
import type { Candidate, Feature, ResolutionKind, ResolutionRecord } from "./resolution-record.js";

/**
 * Pairwise quality of resolution against known clusters (a generator's planted duplicates, or a
 * hand-checked sample): which pairs of records the candidates say are one entity, against the
 * pairs that are. Everything reported is ids, counts, variant kinds and feature names: never a
 * name or an identifier, so the figures can be printed and committed.
 */

/**
 * One real entity written as several records, the original first. `variant` says how each other
 * record's name differs from the original's (`typo`, `han`, ...); the original's is ignored. The
 * generator's `duplicates.persons[]` and `.companies[]` have this shape.
 */
export interface TruthCluster {
  readonly id: string;
  readonly members: readonly { readonly id: string; readonly variant: string }[];
}

export interface PairCounts {
  /** Pairs inside true clusters. */
  readonly truePairs: number;
  /** Pairs said to be one entity. */
  readonly predictedPairs: number;
  /** Pairs both. */
  readonly correctPairs: number;
  /** correct / predicted; 1 when nothing is predicted. */
  readonly precision: number;
  /** correct / true; 1 when there is nothing to find. */
  readonly recall: number;
}

/** Recall of the pairs original–double whose double has one variant kind. */
export interface VariantRecall {
  readonly kind: ResolutionKind;
  /** The double's variant; `double–double` for pairs of two doubles of one original. */
  readonly variant: string;
  readonly pairs: number;
  /** Found as a candidate at or above the threshold. */
  readonly found: number;
  readonly recall: number;
  /** Found in one cluster of the candidates' transitive closure. */
  readonly foundInClosure: number;
  readonly recallInClosure: number;
}

/**
 * Pairs that share a pattern of evidence: each feature that weighed anything, as its name and
 * its weight to one decimal (`names +3.2`, `birthYear -3.5`), in the order the resolver gives.
 */
export interface FeaturePattern {
  readonly pattern: string;
  readonly count: number;
  /** Up to three pairs, as record ids, to look at. */
  readonly examples: readonly (readonly [string, string])[];
}

/** A true pair the candidates missed, and why: scored below the threshold, or never compared. */
export interface MissedPattern extends FeaturePattern {
  readonly kind: ResolutionKind;
  readonly variant: string;
  /** `below threshold` when the pair's own score is under it; `not compared` when it would have passed (blocking lost it). */
  readonly reason: "below threshold" | "not compared";
}

export interface ResolutionQuality {
  readonly threshold: number;
  /** Candidates at or above the threshold (the pairs predicted). */
  readonly candidates: number;
  readonly records: Readonly<Record<ResolutionKind, number>>;
  /** Per kind of record and in all. */
  readonly pairwise: Readonly<Record<ResolutionKind | "all", PairCounts>>;
  /** The same, taking every pair inside a connected group of predicted pairs as predicted. */
  readonly closure: Readonly<Record<ResolutionKind | "all", PairCounts>>;
  /** Size of the largest connected group of predicted pairs. */
  readonly largestClosureCluster: number;
  readonly byVariant: readonly VariantRecall[];
  /** Predicted pairs outside the true clusters, grouped by their evidence, most frequent first. */
  readonly falsePositives: readonly FeaturePattern[];
  /** True pairs not predicted, grouped by kind, variant, reason and evidence, most frequent first. */
  readonly falseNegatives: readonly MissedPattern[];
}

export interface MeasureOptions {
  readonly threshold: number;
  /** What the resolver weighed common names with (`countNames` over the same records), to explain misses with the same scores. */
  readonly nameCounts?: NameCounts;
}

const KINDS: readonly ResolutionKind[] = ["Person", "Company"];
export const DOUBLE_PAIR = "double–double";
const EXAMPLES = 3;

const pairKey = (a: string, b: string) => (a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`);
const pairsIn = (size: number) => (size * (size - 1)) / 2;
const ratio = (part: number, whole: number) => (whole === 0 ? 1 : part / whole);

function counts(truePairs: number, predictedPairs: number, correctPairs: number): PairCounts {
  return { truePairs, predictedPairs, correctPairs, precision: ratio(correctPairs, predictedPairs), recall: ratio(correctPairs, truePairs) };
}

/** Names and weights of the features that weighed anything: the evidence, without the names themselves. */
export function featurePattern(features: readonly Feature[]): string {
  return features
    .filter((feature) => feature.name !== "prior" && Math.abs(feature.weight) >= 0.05)
    .map((feature) => `${feature.name} ${feature.weight > 0 ? "+" : "−"}${Math.abs(feature.weight).toFixed(1)}`)
    .join(", ");
}

class UnionFind {
  private readonly parent = new Map<string, string>();
  find(id: string): string {
    let root = id;
    while (this.parent.has(root) && this.parent.get(root) !== root) root = this.parent.get(root)!;
    // Path compression keeps long chains of merges cheap.
    let node = id;
    while (node !== root) {
      const next = this.parent.get(node) ?? root;
      this.parent.set(node, root);
      node = next;
    }
    return root;
  }
  union(a: string, b: string): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra !== rb) this.parent.set(ra < rb ? rb : ra, ra < rb ? ra : rb);
  }
}

function group<T>(items: Iterable<T>, keyOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const list = groups.get(key);
    if (list === undefined) groups.set(key, [item]);
    else list.push(item);
  }
  return groups;
}

/**
 * Measures candidates (from `findCandidates`, at any `minScore` up to `threshold`) against true
 * clusters. A pair is predicted when a candidate scores at or above `threshold`; the closure
 * predicts every pair of records joined by a chain of predicted pairs, as a merge of clusters would.
 * Records in no cluster are entities of their own. Misses are explained by comparing the pair
 * directly (`compareEntities`): a score at or above the threshold means the search never compared
 * it.
 */
export function measureResolution(
  records: readonly ResolutionRecord[],
  candidates: readonly Candidate[],
  clusters: readonly TruthCluster[],
  options: MeasureOptions,
): ResolutionQuality {
  const { threshold } = options;
  const byId = new Map(records.map((record) => [record.id, record]));
  const kindOf = (id: string): ResolutionKind => {
    const record = byId.get(id);
    if (record === undefined) throw new Error(`${id}: in the clusters or candidates but not among the records`);
    return record.kind;
  };

  const clusterOf = new Map<string, string>();
  for (const cluster of clusters) {
    for (const member of cluster.members) {
      if (clusterOf.has(member.id)) throw new Error(`${member.id}: in two clusters`);
      clusterOf.set(member.id, cluster.id);
    }
  }
  const sameEntity = (a: string, b: string) => clusterOf.has(a) && clusterOf.get(a) === clusterOf.get(b);

  const predicted = candidates.filter((candidate) => candidate.score >= threshold);
  const predictedKeys = new Set(predicted.map((candidate) => pairKey(candidate.a, candidate.b)));
  const components = new UnionFind();
  for (const candidate of predicted) components.union(candidate.a, candidate.b);

  // Pairwise, per kind.
  const tally = () => ({ true: 0, predicted: 0, correct: 0, closurePredicted: 0, closureCorrect: 0 });
  const tallies = { Person: tally(), Company: tally() } as Record<ResolutionKind, ReturnType<typeof tally>>;
  for (const cluster of clusters) tallies[kindOf(cluster.id)].true += pairsIn(cluster.members.length);
  const falsePositives: Candidate[] = [];
  for (const candidate of predicted) {
    const t = tallies[kindOf(candidate.a)];
    t.predicted += 1;
    if (sameEntity(candidate.a, candidate.b)) t.correct += 1;
    else falsePositives.push(candidate);
  }

  // Closure: each connected group of predicted pairs is one predicted entity.
  const grouped = group(
    [...new Set(predicted.flatMap((candidate) => [candidate.a, candidate.b]))],
    (id) => components.find(id),
  );
  let largestClosureCluster = 0;
  for (const members of grouped.values()) {
    largestClosureCluster = Math.max(largestClosureCluster, members.length);
    const t = tallies[kindOf(members[0]!)];
    t.closurePredicted += pairsIn(members.length);
    for (const inOneTruth of group(members, (id) => clusterOf.get(id) ?? `self:${id}`).values()) {
      t.closureCorrect += pairsIn(inOneTruth.length);
    }
  }

  const pairwise = {} as Record<ResolutionKind | "all", PairCounts>;
  const closure = {} as Record<ResolutionKind | "all", PairCounts>;
  for (const kind of KINDS) {
    const t = tallies[kind];
    pairwise[kind] = counts(t.true, t.predicted, t.correct);
    closure[kind] = counts(t.true, t.closurePredicted, t.closureCorrect);
  }
  const sum = (field: keyof ReturnType<typeof tally>) => KINDS.reduce((total, kind) => total + tallies[kind][field], 0);
  pairwise.all = counts(sum("true"), sum("predicted"), sum("correct"));
  closure.all = counts(sum("true"), sum("closurePredicted"), sum("closureCorrect"));

  // Recall per variant: original–double by the double's variant, and double–double pairs apart.
  interface TruePair {
    kind: ResolutionKind;
    variant: string;
    a: string;
    b: string;
  }
  const truePairs: TruePair[] = [];
  for (const cluster of clusters) {
    const kind = kindOf(cluster.id);
    const [original, ...doubles] = cluster.members;
    doubles.forEach((double, index) => {
      truePairs.push({ kind, variant: double.variant, a: original!.id, b: double.id });
      for (const other of doubles.slice(index + 1)) truePairs.push({ kind, variant: DOUBLE_PAIR, a: double.id, b: other.id });
    });
  }
  const byVariant: VariantRecall[] = [];
  const missed: TruePair[] = [];
  for (const [key, pairs] of group(truePairs, (pair) => `${pair.kind}\u0000${pair.variant}`)) {
    const [kind, variant] = key.split("\u0000") as [ResolutionKind, string];
    let found = 0;
    let foundInClosure = 0;
    for (const pair of pairs) {
      if (predictedKeys.has(pairKey(pair.a, pair.b))) found += 1;
      else missed.push(pair);
      if (components.find(pair.a) === components.find(pair.b)) foundInClosure += 1;
    }
    byVariant.push({ kind, variant, pairs: pairs.length, found, recall: ratio(found, pairs.length), foundInClosure, recallInClosure: ratio(foundInClosure, pairs.length) });
  }
  byVariant.sort((x, y) => KINDS.indexOf(x.kind) - KINDS.indexOf(y.kind) || Number(x.variant === DOUBLE_PAIR) - Number(y.variant === DOUBLE_PAIR) || y.pairs - x.pairs || (x.variant < y.variant ? -1 : 1));

  const falsePositivePatterns = patterns(falsePositives.map((candidate) => ({ key: featurePattern(candidate.features), pair: [candidate.a, candidate.b] as const })));
  const falseNegatives: MissedPattern[] = [];
  const explained = missed.map((pair) => {
    const comparison = compareEntities(byId.get(pair.a)!, byId.get(pair.b)!, { nameCounts: options.nameCounts });
    const reason = comparison.score >= threshold ? ("not compared" as const) : ("below threshold" as const);
    return { pair, reason, pattern: featurePattern(comparison.features) };
  });
  for (const [, items] of group(explained, (item) => `${item.pair.kind}\u0000${item.pair.variant}\u0000${item.reason}\u0000${item.pattern}`)) {
    const first = items[0]!;
    falseNegatives.push({
      kind: first.pair.kind,
      variant: first.pair.variant,
      reason: first.reason,
      pattern: first.pattern,
      count: items.length,
      examples: items.slice(0, EXAMPLES).map((item) => [item.pair.a, item.pair.b] as const),
    });
  }
  falseNegatives.sort((x, y) => y.count - x.count || (x.pattern < y.pattern ? -1 : x.pattern > y.pattern ? 1 : 0));

  return {
    threshold,
    candidates: predicted.length,
    records: { Person: records.filter((r) => r.kind === "Person").length, Company: records.filter((r) => r.kind === "Company").length },
    pairwise,
    closure,
    largestClosureCluster,
    byVariant,
    falsePositives: falsePositivePatterns,
    falseNegatives,
  };
}

function patterns(items: readonly { key: string; pair: readonly [string, string] }[]): FeaturePattern[] {
  return [...group(items, (item) => item.key)]
    .map(([pattern, list]) => ({ pattern, count: list.length, examples: list.slice(0, EXAMPLES).map((item) => item.pair) }))
    .sort((x, y) => y.count - x.count || (x.pattern < y.pattern ? -1 : x.pattern > y.pattern ? 1 : 0));
}
