import { blockingKeys } from "./blocking-keys.js";
import { comparePrepared } from "./compare-entities.js";
import { prepareRecord, type PreparedRecord } from "./prepared-record.js";
import type { Candidate, ResolutionRecord } from "./resolution-record.js";

export interface FindCandidatesOptions {
  /** Pairs scoring below this are left out (0..1). */
  minScore: number;
  /**
   * Blocks up to this size are compared pair by pair. Default 100: a block of 100 costs 4,950
   * comparisons, and blocks that big come from very common name pairs ("nguyen van").
   */
  maxBlockSize?: number;
  /**
   * A larger block is sorted by its members' order-free names and each member compared with the
   * next `window` only (sorted neighbourhood). Default 10.
   */
  window?: number;
}

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
 * What capping loses: in a block larger than `maxBlockSize`, two members are compared only when
 * they sort within `window` of each other by name. Pairs whose only shared key is such a block and
 * whose names sort far apart are missed: most often two namesakes of a very common name (more than
 * `window` records of "Nguyen Van Hung") whose link is not a shared identifier, or a variant that
 * sorts elsewhere ("li qiang" and "li qaing" in a block of every Li with a q-initial). A shared
 * identifier still brings a pair together through its own `id:` block unless that block is capped
 * too (an identifier on more than `maxBlockSize` records, such as a freight forwarder's switchboard,
 * which is weak evidence anyway).
 *
 * Deterministic: the same records give the same candidates in the same order, whatever their
 * input order.
 */
export function findCandidates(records: readonly ResolutionRecord[], options: FindCandidatesOptions): Candidate[] {
  const maxBlockSize = options.maxBlockSize ?? 100;
  const window = options.window ?? 10;
  // Sorting by id first makes blocks, and so capped windows, independent of the input order.
  const prepared = [...records].sort((x, y) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0)).map(prepareRecord);
  const count = prepared.length;

  const blocks = new Map<string, number[]>();
  prepared.forEach((record, index) => {
    for (const key of blockingKeys(record)) {
      const members = blocks.get(key);
      if (members === undefined) blocks.set(key, [index]);
      else members.push(index);
    }
  });

  const seen = new Set<number>();
  const candidates: Candidate[] = [];
  const consider = (i: number, j: number) => {
    const [low, high] = i < j ? [i, j] : [j, i];
    const pair = low * count + high;
    if (seen.has(pair)) return;
    seen.add(pair);
    const a = prepared[low]!;
    const b = prepared[high]!;
    const comparison = comparePrepared(a, b);
    if (comparison.score >= options.minScore) {
      candidates.push({ a: a.record.id, b: b.record.id, ...comparison });
    }
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
  for (const members of blocks.values()) {
    if (members.length < 2) continue;
    if (members.length <= maxBlockSize) {
      for (let x = 0; x < members.length; x++) {
        for (let y = x + 1; y < members.length; y++) consider(members[x]!, members[y]!);
      }
      continue;
    }
    const ordered = [...members].sort((x, y) => {
      const kx = sortKey(x);
      const ky = sortKey(y);
      return kx < ky ? -1 : kx > ky ? 1 : x - y;
    });
    for (let x = 0; x < ordered.length; x++) {
      for (let y = x + 1; y <= x + window && y < ordered.length; y++) consider(ordered[x]!, ordered[y]!);
    }
  }

  return candidates.sort((x, y) => y.score - x.score || (x.a < y.a ? -1 : x.a > y.a ? 1 : 0) || (x.b < y.b ? -1 : x.b > y.b ? 1 : 0));
}
