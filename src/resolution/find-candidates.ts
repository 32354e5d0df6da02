import { blockingKeys, isInitialKey } from "./blocking-keys.js";
import { comparePrepared } from "./compare-entities.js";
import { countPreparedNames } from "./name-counts.js";
import { prepareRecord, type PreparedRecord } from "./prepared-record.js";
import type { Candidate, ResolutionRecord } from "./resolution-record.js";

export interface FindCandidatesOptions {
  /** Pairs scoring below this are left out (0..1). */
  minScore: number;
  /**
   * Blocks up to this size are compared pair by pair. Default 50: a block of 50 costs 1,225
   * comparisons, and blocks larger come from common name pairs ("nguyen van", "golden trading").
   */
  maxBlockSize?: number;
  /**
   * In a larger block, members that cannot be split by birth year are sorted by their order-free
   * names and each compared with the next `window` only (sorted neighbourhood). Default 10.
   */
  window?: number;
}

/** Plain code-unit order, the order `a < b` promises; independent of locale. */
const byCodeUnits = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);

/** Order-free, romanisation-aware sort key, so namesakes sit side by side in a large block. */
function neighbourhoodKey(prepared: PreparedRecord): string {
  const name = prepared.names[0];
  if (name === undefined) return "";
  return name.words
    .map((word) => word.forms[0]!)
    .sort()
    .join(" ");
}

/**
 * Pairs of records that may be one entity, best first (score descending, then `a`, then `b`),
 * each with `a < b`. Only records of one kind sharing a blocking key are compared (see
 * `blockingKeys`), so 50,000 records take seconds, not the hours of all 1.25 billion pairs.
 *
 * What capping loses. A block larger than `maxBlockSize` is not compared pair by pair:
 * - persons in it are split by birth year: each year is compared with itself and the next in full;
 *   persons of unknown year only with the `window` members next to them in name order. Lost: a
 *   pair of unknown year (on either side) whose names sort more than `window` apart, such as "hung
 *   nguyen" and one of many "nguyen van hung"s;
 * - companies in it are compared only within `window` of each other in name order. Lost: pairs
 *   whose names sort apart ("golden leaf" and "golden leaf trading" among many "golden ..." names);
 * - an initial-and-word (`i:`) block is dropped. Lost: pairs whose only shared key it is, a typo
 *   in a two-word name with a very common surname and initial ("li qaing" and "li qiang").
 * Pairs that share an identifier still meet in that identifier's own block, unless the identifier
 * is on more than `maxBlockSize` records (a freight forwarder's switchboard: weak evidence anyway).
 *
 * Deterministic: the same records give the same candidates in the same order, whatever their
 * input order.
 */
export function findCandidates(records: readonly ResolutionRecord[], options: FindCandidatesOptions): Candidate[] {
  const maxBlockSize = options.maxBlockSize ?? 50;
  const window = options.window ?? 10;
  // Sorting by id first makes blocks, and so capped windows, independent of the input order.
  const prepared = [...records].sort((x, y) => byCodeUnits(x.id, y.id)).map(prepareRecord);
  const count = prepared.length;
  const nameCounts = countPreparedNames(prepared);
  // The score is logistic(log-odds), so a pair below this log-odds cannot reach minScore.
  const { minScore } = options;
  const minLogOdds = minScore <= 0 ? -Infinity : minScore >= 1 ? Infinity : Math.log(minScore / (1 - minScore));

  const blocks = new Map<string, number[]>();
  prepared.forEach((record, index) => {
    for (const key of blockingKeys(record)) {
      const members = blocks.get(key);
      if (members === undefined) blocks.set(key, [index]);
      else members.push(index);
    }
  });

  // Every pair to compare, as low * count + high (exact in a double up to 94 million records),
  // gathered first, then sorted and deduplicated: cheaper than a Set of millions of numbers.
  let pairs = new Float64Array(1 << 16);
  let pairCount = 0;
  const add = (i: number, j: number) => {
    if (pairCount === pairs.length) {
      const grown = new Float64Array(pairs.length * 2);
      grown.set(pairs);
      pairs = grown;
    }
    pairs[pairCount++] = i < j ? i * count + j : j * count + i;
  };

  const sortKeys = new Map<number, string>();
  const sortKey = (index: number) => {
    let key = sortKeys.get(index);
    if (key === undefined) {
      key = neighbourhoodKey(prepared[index]!);
      sortKeys.set(index, key);
    }
    return key;
  };
  const byName = (members: readonly number[]) =>
    [...members].sort((x, y) => {
      const kx = sortKey(x);
      const ky = sortKey(y);
      return kx < ky ? -1 : kx > ky ? 1 : x - y;
    });
  const allPairs = (members: readonly number[]) => {
    for (let x = 0; x < members.length; x++) {
      for (let y = x + 1; y < members.length; y++) add(members[x]!, members[y]!);
    }
  };
  /** Sorted neighbourhood: each member with the next `window`, when `wanted` says so. */
  const windowPairs = (ordered: readonly number[], wanted: (i: number, j: number) => boolean = () => true) => {
    for (let x = 0; x < ordered.length; x++) {
      for (let y = x + 1; y <= x + window && y < ordered.length; y++) {
        if (wanted(ordered[x]!, ordered[y]!)) add(ordered[x]!, ordered[y]!);
      }
    }
  };
  const yearOf = (index: number) => prepared[index]!.record.birthYear ?? null;

  for (const [key, members] of blocks) {
    if (members.length < 2) continue;
    if (members.length <= maxBlockSize) {
      allPairs(members);
      continue;
    }
    // An initial-and-word block this large ("x" and "li": every Li Xiao-, Li Xi-, Li Xu-) adds
    // little beyond the word-pair blocks its members also sit in, at the cost of a window each.
    if (isInitialKey(key)) continue;
    if (prepared[members[0]!]!.record.kind === "Company") {
      windowPairs(byName(members));
      continue;
    }
    // Persons: a large block is split by birth year, because two birth years two or more apart
    // keep a pair below any useful score unless an identifier is shared, and shared identifiers
    // have blocks of their own. Each year meets itself and the next year in full (or by window
    // when even that is too large); members of unknown year meet the whole block by window.
    const byYear = new Map<number, number[]>();
    for (const member of members) {
      const year = yearOf(member);
      if (year === null) continue;
      const bucket = byYear.get(year);
      if (bucket === undefined) byYear.set(year, [member]);
      else bucket.push(member);
    }
    for (const [year, bucket] of byYear) {
      const near = [...bucket, ...(byYear.get(year + 1) ?? [])];
      if (near.length <= maxBlockSize) allPairs(near);
      else windowPairs(byName(near));
    }
    if (byYear.size < members.length) {
      windowPairs(byName(members), (i, j) => yearOf(i) === null || yearOf(j) === null);
    }
  }

  const unique = pairs.subarray(0, pairCount).sort();
  const candidates: Candidate[] = [];
  for (let k = 0; k < unique.length; k++) {
    const pair = unique[k]!;
    if (k > 0 && pair === unique[k - 1]) continue;
    const a = prepared[Math.floor(pair / count)]!;
    const b = prepared[pair % count]!;
    const comparison = comparePrepared(a, b, minLogOdds, nameCounts);
    if (comparison !== null && comparison.score >= options.minScore) {
      candidates.push({ a: a.record.id, b: b.record.id, ...comparison });
    }
  }

  return candidates.sort((x, y) => y.score - x.score || byCodeUnits(x.a, y.a) || byCodeUnits(x.b, y.b));
}
