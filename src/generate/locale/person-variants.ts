import type { Rng } from "../prng.js";
import type { NameParts, PersonName } from "./person-names.js";
import { HAN, misspell, stripDiacritics } from "./text.js";

/**
 * How a second record names a person the first record already names: the kinds of variation an
 * entity resolver has to see through. Each kind applies only where it fits the name (characters
 * only for Chinese names, reordering and initials only where the name has a family name).
 */
export const PERSON_VARIANTS = ["no-diacritics", "upper-case", "han", "pinyin", "cantonese", "reordered", "typo", "initials"] as const;

export type PersonVariant = (typeof PERSON_VARIANTS)[number];

/** How often each kind is wanted, relative to the others, among the names it fits. */
export const PERSON_VARIANT_WEIGHTS: Readonly<Record<PersonVariant, number>> = {
  "no-diacritics": 3, "upper-case": 2, han: 2, pinyin: 1.5, cantonese: 1.5, reordered: 2, typo: 2, initials: 2,
};

export interface PersonNameVariant {
  /** The double's name and aliases. */
  readonly double: PersonName;
  /**
   * The original as it must be written for the variant to mean what it says: for `han`, without the
   * characters among its aliases; for `pinyin`, in characters; for `cantonese`, without the other
   * romanisation among its aliases. Otherwise the original unchanged.
   */
  readonly original: PersonName;
}

/** "Văn Hùng" → "V. H."; "Jean-Pierre" → "J.-P.". */
function initialsOf(words: readonly string[]): string {
  return words.map((word) => word.split("-").map((part) => `${[...part][0]}.`).join("-")).join(" ");
}

function join(...parts: (string | undefined)[]): string {
  return parts.filter((part) => part !== undefined && part.length > 0).join(" ");
}

function reordered(rng: Rng, parts: NameParts): string {
  if (parts.familyFirst) return join(parts.lead, parts.given, parts.family);
  // Family-last names moved to the front, as registers and passenger lists write them.
  return rng.chance(0.4) ? `${parts.family}, ${parts.given}` : join(parts.family, parts.given);
}

function withInitials(parts: NameParts): string {
  const given = parts.given.split(" ");
  if (parts.familyFirst) {
    // Middle names become initials ("Nguyễn V. Hùng"); a single given name does ("Li Q.").
    const shortened = given.length > 1 ? [initialsOf(given.slice(0, -1)), given[given.length - 1]] : [initialsOf(given)];
    return join(parts.lead, parts.family, ...shortened);
  }
  return join(initialsOf(given), parts.family);
}

/** The double's name under `kind`, or `null` where the kind does not fit the name. */
function variantName(rng: Rng, kind: PersonVariant, name: PersonName): string | null {
  const { chinese, parts } = name;
  switch (kind) {
    case "no-diacritics":
      return stripDiacritics(name.name);
    case "upper-case":
      if (HAN.test(name.name)) return null;
      return (rng.chance(0.6) ? stripDiacritics(name.name) : name.name).toUpperCase();
    case "han":
      return chinese ? chinese.han : null;
    case "pinyin":
      // Only where the record's own name is the pinyin (mainland names): the original becomes the characters.
      return chinese && name.name === chinese.pinyin ? chinese.pinyin : null;
    case "cantonese":
      if (!chinese) return null;
      return name.name === chinese.pinyin ? chinese.cantonese : chinese.pinyin;
    case "reordered":
      return parts ? reordered(rng, parts) : null;
    case "typo":
      return misspell(rng, name.name);
    case "initials":
      return parts ? withInitials(parts) : null;
  }
}

/** Aliases the double's record may carry: a few of the original's, varied the same way, never all of them. */
function doubleAliases(rng: Rng, kind: PersonVariant, original: PersonName, doubleName: string): string[] {
  if (kind === "han" || kind === "pinyin" || kind === "cantonese" || original.aliases.length === 0 || rng.chance(0.4)) return [];
  const vary = (alias: string): string =>
    kind === "no-diacritics" ? stripDiacritics(alias) : kind === "upper-case" ? stripDiacritics(alias).toUpperCase() : alias;
  const latin = original.aliases.filter((alias) => !HAN.test(alias));
  const picked = rng.sample(latin, rng.int(1, 2)).map(vary);
  const kept = [...new Set(picked)].filter((alias) => alias !== doubleName && alias !== original.name);
  // A subset, never the original's whole list: a second source does not copy the first one's aliases.
  if (kept.length === original.aliases.length && kept.every((alias, i) => alias === original.aliases[i])) kept.pop();
  return kept;
}

/**
 * A double of the person named `name` under `kind`, or `null` where the kind does not fit (no
 * characters for a Thai name, no diacritics to drop, a name the variation leaves unchanged).
 */
export function personVariant(rng: Rng, kind: PersonVariant, name: PersonName): PersonNameVariant | null {
  const variant = variantName(rng, kind, name);
  if (variant === null) return null;
  let original = name;
  if (kind === "han") original = { ...name, aliases: name.aliases.filter((alias) => !HAN.test(alias)) };
  else if (kind === "pinyin" && name.chinese) original = { ...name, name: name.chinese.han, aliases: [] };
  else if (kind === "cantonese") original = { ...name, aliases: name.aliases.filter((alias) => alias !== variant) };
  if (variant === original.name) return null;
  return { double: { name: variant, aliases: doubleAliases(rng, kind, original, variant) }, original };
}
