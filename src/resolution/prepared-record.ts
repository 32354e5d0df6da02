import { nameKey, type NameKey } from "./name-key.js";
import type { ResolutionRecord } from "./resolution-record.js";

/** A record with its names folded once, so a record compared many times is folded once. */
export interface PreparedRecord {
  record: ResolutionRecord;
  /** One per distinct non-empty folded name, in the record's order. */
  names: readonly NameKey[];
  identifiers: ReadonlySet<string>;
  shipments: ReadonlySet<string>;
  nationalities: ReadonlySet<string>;
}

export function prepareRecord(record: ResolutionRecord): PreparedRecord {
  const names = new Map<string, NameKey>();
  for (const name of record.names) {
    const key = nameKey(name, record.kind);
    if (key.words.length > 0 && !names.has(key.folded)) names.set(key.folded, key);
  }
  return {
    record,
    names: [...names.values()],
    identifiers: new Set(record.identifiers),
    shipments: new Set(record.shipments),
    nationalities: new Set(record.nationalities.map((code) => code.trim().toUpperCase())),
  };
}
