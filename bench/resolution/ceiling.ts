import { compareEntities, type Candidate, type NameCounts, type ResolutionRecord } from "../../src/resolution/index.js";
import { featurePattern, type TruthCluster } from "../../src/resolution/quality.js";

/**
 * How well any rule that sees only a pair's evidence could do. Pairs are grouped by their kind
 * and evidence pattern (each feature's name and weight to one decimal); a rule on the evidence
 * must take or leave a whole group. Taking the groups in order of their share of true pairs
 * (which uses the ground truth, so no real rule can do better) traces the best precision reachable
 * at each recall. When this ceiling is under the bar, no choice of weights or threshold reaches
 * it: the resolver needs evidence it does not see.
 */
export interface EvidenceCeiling {
  /** True pairs and other pairs compared (candidates at a low score, plus true pairs never listed). */
  readonly truePairs: number;
  readonly pairs: number;
  readonly patterns: number;
  /** Best precision with recall at least `bar`; best recall with precision at least `bar`. */
  readonly precisionAtRecall: number;
  readonly recallAtPrecision: number;
  readonly bar: number;
}

export function evidenceCeiling(
  records: readonly ResolutionRecord[],
  lowCandidates: readonly Candidate[],
  clusters: readonly TruthCluster[],
  options: { bar: number; nameCounts: NameCounts },
): EvidenceCeiling {
  const byId = new Map(records.map((record) => [record.id, record]));
  const clusterOf = new Map<string, string>();
  for (const cluster of clusters) for (const member of cluster.members) clusterOf.set(member.id, cluster.id);
  const key = (a: string, b: string) => (a < b ? `${a} ${b}` : `${b} ${a}`);

  const groups = new Map<string, { same: number; other: number }>();
  const count = (pattern: string, same: boolean) => {
    const group = groups.get(pattern) ?? { same: 0, other: 0 };
    if (same) group.same += 1;
    else group.other += 1;
    groups.set(pattern, group);
  };
  const listed = new Set<string>();
  for (const candidate of lowCandidates) {
    listed.add(key(candidate.a, candidate.b));
    const same = clusterOf.has(candidate.a) && clusterOf.get(candidate.a) === clusterOf.get(candidate.b);
    count(`${byId.get(candidate.a)!.kind}: ${featurePattern(candidate.features)}`, same);
  }
  let truePairs = 0;
  for (const cluster of clusters) {
    const ids = cluster.members.map((member) => member.id);
    for (let i = 0; i < ids.length; i++) {
      for (let j = i + 1; j < ids.length; j++) {
        truePairs += 1;
        if (listed.has(key(ids[i]!, ids[j]!))) continue;
        const a = byId.get(ids[i]!)!;
        const comparison = compareEntities(a, byId.get(ids[j]!)!, { nameCounts: options.nameCounts });
        count(`${a.kind}: ${featurePattern(comparison.features)}`, true);
      }
    }
  }

  const ordered = [...groups.values()].sort((x, y) => y.same / (y.same + y.other) - x.same / (x.same + x.other) || y.same - x.same);
  let same = 0;
  let taken = 0;
  let precisionAtRecall = 0;
  let recallAtPrecision = 0;
  for (const group of ordered) {
    same += group.same;
    taken += group.same + group.other;
    const precision = same / taken;
    const recall = same / truePairs;
    if (recall >= options.bar) precisionAtRecall = Math.max(precisionAtRecall, precision);
    if (precision >= options.bar) recallAtPrecision = Math.max(recallAtPrecision, recall);
  }
  const pairs = [...groups.values()].reduce((sum, group) => sum + group.same + group.other, 0);
  return { truePairs, pairs, patterns: groups.size, precisionAtRecall, recallAtPrecision, bar: options.bar };
}
