import { prepareRecord, type PreparedRecord } from "./prepared-record.js";
import type { ResolutionRecord } from "./resolution-record.js";

/**
 * How many records of each kind bear each name (word order ignored, legal forms stripped), for
 * weighing a name agreement by how common the name is: two records agreeing on a name that 300
 * records bear say less than two agreeing on a name borne by those two alone.
 */
export type NameCounts = ReadonlyMap<string, number>;

export const nameCountKey = (kind: string, orderFree: string) => `${kind}:${orderFree}`;

/** Counts over a whole collection, for `compareEntities(a, b, { nameCounts })`. */
export function countNames(records: readonly ResolutionRecord[]): NameCounts {
  return countPreparedNames(records.map(prepareRecord));
}

export function countPreparedNames(prepared: readonly PreparedRecord[]): NameCounts {
  const counts = new Map<string, number>();
  for (const record of prepared) {
    const keys = new Set(record.names.map((name) => nameCountKey(record.record.kind, name.orderFree)));
    for (const key of keys) counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}
