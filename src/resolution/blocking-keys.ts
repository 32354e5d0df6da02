import type { PreparedRecord } from "./prepared-record.js";

/**
 * Words of a name beyond these are left out of keys: long company names would otherwise give
 * dozens of pair keys each, and the first words already tell them apart.
 */
const WORDS_FOR_KEYS = 6;

/**
 * The blocking keys of a record: two records are compared only when they share one. Keys are
 * built from the pinyin-or-folded forms of name words, so romanisations meet, and without word
 * order, so "Hung Nguyen" meets "Nguyen Van Hung":
 * - `p:` two words of one name, sorted: survives a dropped, added or misspelt third word;
 * - `i:` one word's initial with another whole word: survives a typo or an initial in the other
 *   word ("li qaing", "li q", "nguyen v hung"), and a given name written joined ("li xiaoming"
 *   meets "li xiao ming" on "x" + "li");
 * - `w:` the word of a one-word name;
 * - `id:` an identifier: a shared phone brings together names that share nothing.
 * Every key starts with the kind, so persons are never compared with companies.
 */
export function blockingKeys(prepared: PreparedRecord): string[] {
  const kind = prepared.record.kind === "Person" ? "P" : "C";
  const keys = new Set<string>();
  for (const name of prepared.names) {
    const words = name.words.slice(0, WORDS_FOR_KEYS);
    if (words.length === 1) {
      for (const form of words[0]!.forms) keys.add(`${kind}w:${form}`);
    }
    for (let i = 0; i < words.length; i++) {
      for (let j = i + 1; j < words.length; j++) {
        for (const x of words[i]!.forms) {
          for (const y of words[j]!.forms) {
            keys.add(`${kind}p:${x < y ? `${x}|${y}` : `${y}|${x}`}`);
            keys.add(`${kind}i:${x[0]}|${y}`);
            keys.add(`${kind}i:${y[0]}|${x}`);
          }
        }
      }
    }
  }
  for (const identifier of prepared.identifiers) keys.add(`${kind}id:${identifier}`);
  return [...keys];
}

/** Whether a key is an initial-and-word key (`i:`), which a capped block drops rather than windows. */
export function isInitialKey(key: string): boolean {
  return key.startsWith("i:", 1);
}
