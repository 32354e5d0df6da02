import { nameKey, type NameKey } from "./name-key.js";
import { compareNames, ONE_WORD_CAP } from "./name-similarity.js";
import type { ResolutionRecord } from "./resolution-record.js";

const HAN = /\p{Script=Han}/u;

/** A record with its names folded once, so a record compared many times is folded once. */
export interface PreparedRecord {
  record: ResolutionRecord;
  /** One per distinct non-empty folded name, in the record's order. */
  names: readonly NameKey[];
  /**
   * Persons: the folded aliases that share at most one word with the person's own name ("Boy",
   * "Anh Bảy", "El Güero", "Chief Okafor", "Lao Feng"): nicknames, kinship terms and titles, which
   * many persons bear (see `bestNames`).
   */
  nicknames: ReadonlySet<string>;
  /** Persons: the names written in Chinese characters, spaces out ("冯建华"). */
  han: ReadonlySet<string>;
  identifiers: ReadonlySet<string>;
  shipments: ReadonlySet<string>;
  nationalities: ReadonlySet<string>;
}

export function prepareRecord(record: ResolutionRecord): PreparedRecord {
  const names = new Map<string, NameKey>();
  /** Folded forms of the names written in characters, and those names as written. */
  const inHan = new Set<string>();
  const han = new Set<string>();
  for (const name of record.names) {
    const key = nameKey(name, record.kind);
    if (key.words.length > 0 && !names.has(key.folded)) names.set(key.folded, key);
    if (record.kind === "Person" && HAN.test(name)) {
      inHan.add(key.folded);
      han.add(name.replace(/\s+/g, ""));
    }
  }
  const [own, ...aliases] = [...names.values()];
  const nicknames = new Set<string>();
  if (record.kind === "Person" && own !== undefined) {
    for (const alias of aliases) {
      // A name in characters is the person's name in another script, however its pinyin reads.
      if (!inHan.has(alias.folded) && compareNames(own, alias).similarity <= ONE_WORD_CAP) nicknames.add(alias.folded);
    }
  }
  return {
    record,
    names: [...names.values()],
    nicknames,
    han,
    identifiers: new Set(record.identifiers),
    shipments: new Set(record.shipments),
    nationalities: new Set(record.nationalities.map((code) => code.trim().toUpperCase())),
  };
}
