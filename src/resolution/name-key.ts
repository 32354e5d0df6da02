import { romanisationForms } from "./chinese-romanisations.js";
import { foldText } from "./fold-text.js";
import { stripLegalForms } from "./legal-forms.js";
import type { ResolutionKind } from "./resolution-record.js";

/** One word of a folded name, with the pinyin syllables it may romanise (itself included). */
export interface NameWord {
  text: string;
  forms: readonly string[];
  /** Identifies the word with its forms, for memoised comparisons: the text, for a word as written. */
  key: string;
}

/** A name as the resolver compares it. */
export interface NameKey {
  /** The folded words joined, legal forms out: what a detail string quotes. */
  folded: string;
  /** The words sorted: one key for "nguyen van hung" and "hung nguyen van", for counting names. */
  orderFree: string;
  words: readonly NameWord[];
}

/**
 * Folds a name into words ready to compare: Chinese characters to pinyin (the first read as a
 * surname for persons), accents off, punctuation out; for companies, legal forms stripped.
 */
export function nameKey(name: string, kind: ResolutionKind): NameKey {
  let texts = foldText(name, { surnameFirst: kind === "Person" })
    .split(" ")
    .filter((word) => word !== "");
  if (kind === "Company") texts = stripLegalForms(texts).words;
  return {
    folded: texts.join(" "),
    orderFree: [...texts].sort().join(" "),
    words: texts.map((text) => ({ text, forms: romanisationForms(text), key: text })),
  };
}
