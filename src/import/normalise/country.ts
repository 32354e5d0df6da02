import { z } from "zod";

import { defineNormaliser, foldName, problem, valueOf, type CountryResolver, type Outcome } from "./normaliser.js";

/**
 * A country name or code, to its ISO 3166-1 alpha-2 code, through the country index of the import
 * (the bundled countries data and its alias table: see `country-index.ts`).
 */
export const country = defineNormaliser({
  name: "country",
  options: z.object({}).strict(),
  valueType: () => "string",
  create: (_, context) => (raw) => context.countries.resolve(raw),
});

/** One country of the reference data, with every name it may be written under. */
export interface CountryNames {
  cca2: string;
  cca3: string;
  names: readonly string[];
  /** Not independent (Hong Kong, Macao, Taiwan in ISO's reading, Puerto Rico): a name may carry its sovereign as a qualifier. */
  territory?: boolean;
}

/** An explicit spelling the reference data lacks, with the code it stands for. */
export interface CountryAlias {
  alias: string;
  cca2: string;
}

/**
 * Abbreviations of the words of country names in statistical tables (World Bank, UN): expanded
 * before a name is compared loosely. Only whole words, and only words of state forms.
 */
const LOOSE_WORDS: Readonly<Record<string, string>> = {
  rep: "republic", dem: "democratic", fed: "federated", sts: "states", st: "saint", is: "islands", isl: "islands",
  pdr: "people s democratic republic", sar: "", utd: "united",
};
/** Words left out of a loose comparison: they never tell two countries apart. */
const LOOSE_DROPPED = new Set(["of", "the", "and"]);

/** A name's words without articles and prepositions, abbreviations written out, in sorted order. */
export function looseCountryKey(name: string): string {
  return foldName(name)
    .split(" ")
    .flatMap((word) => (word in LOOSE_WORDS ? LOOSE_WORDS[word].split(" ") : [word]))
    .filter((word) => word.length > 0 && !LOOSE_DROPPED.has(word))
    .sort()
    .join(" ");
}

/** A qualifier that states whose part a territory is ("Province of China" → "China"). */
const SOVEREIGN_PREFIX = /^(?:(?:a\s+)?(?:province|part|region|special administrative region|sar|territory)\s+of\s+(?:the\s+)?)/i;

/**
 * Resolves names and codes. Codes count only when written in capitals (`US`, `USA`), so that an
 * English word is never read as a code. A name that two countries share is ambiguous unless the
 * alias table says which one it means; the alias table wins over everything else.
 *
 * A name not found as written is read in three more ways, in this order, each only when it gives
 * exactly one country:
 * 1. turned round at a comma or a bracket, as ISO and UN tables write names:
 *    `Korea (Republic of)`, `Congo (Democratic Republic of the)`, `Gambia, The`;
 * 2. compared loosely: words in any order, `of`/`the`/`and` ignored, table abbreviations written out
 *    (`Congo, Dem. Rep.` is `Democratic Republic of the Congo`; `Korea, Rep.` is `Republic of Korea`);
 * 3. a territory qualified by its sovereign, in either order and with a comma, a bracket or a dash:
 *    `Hong Kong SAR, China`, `China - Taiwan`, `Taiwan, Province of China`, `Hong Kong (China)`. One
 *    part must name a territory (not independent in the country data) and the other an independent
 *    country; the territory is the answer. Two countries (`Canada, Turkey`) stay unknown.
 */
export class CountryIndex implements CountryResolver {
  private readonly codes = new Map<string, string>();
  private readonly names = new Map<string, Set<string>>();
  private readonly loose = new Map<string, Set<string>>();
  private readonly aliases = new Map<string, string>();
  private readonly territories = new Set<string>();

  constructor(countries: readonly CountryNames[], aliases: readonly CountryAlias[]) {
    for (const entry of countries) {
      this.codes.set(entry.cca2, entry.cca2);
      this.codes.set(entry.cca3, entry.cca2);
      if (entry.territory) this.territories.add(entry.cca2);
      for (const name of entry.names) {
        addTo(this.names, foldName(name), entry.cca2);
        addTo(this.loose, looseCountryKey(name), entry.cca2);
      }
    }
    for (const { alias, cca2 } of aliases) {
      if (!this.codes.has(cca2)) throw new Error(`country alias "${alias}" names ${cca2}, which is not in the country data`);
      this.aliases.set(foldName(alias), cca2);
    }
  }

  resolve(text: string): Outcome<string> {
    const trimmed = text.trim();
    if (/^[A-Z]{2,3}$/.test(trimmed)) {
      const code = this.codes.get(trimmed);
      if (code) return valueOf(code);
    }
    const exact = this.exact(trimmed);
    if (exact.size === 1) return valueOf([...exact][0]);
    if (exact.size > 1) return problem(`ambiguous country name (${[...exact].sort().join(", ")})`);
    const other = this.turned(trimmed) ?? this.loosely(trimmed) ?? this.qualifiedTerritory(trimmed);
    return other ? valueOf(other) : problem("unknown country");
  }

  has(cca2: string): boolean {
    return this.codes.get(cca2) === cca2;
  }

  /** The codes a name gives as written (an alias settles it alone). */
  private exact(name: string): ReadonlySet<string> {
    const key = foldName(name);
    const alias = this.aliases.get(key);
    if (alias) return new Set([alias]);
    return this.names.get(key) ?? new Set();
  }

  private single(codes: ReadonlySet<string> | undefined): string | null {
    return codes?.size === 1 ? [...codes][0] : null;
  }

  private turned(name: string): string | null {
    const parts = /^(.+?)\s*\((.+)\)$/.exec(name) ?? /^([^,]+),\s*([^,]+)$/.exec(name);
    return parts ? this.single(this.exact(`${parts[2]} ${parts[1]}`)) : null;
  }

  private loosely(name: string): string | null {
    const key = looseCountryKey(name);
    return key ? this.single(this.loose.get(key)) : null;
  }

  private qualifiedTerritory(name: string): string | null {
    const parts = /^(.+?)\s*\((.+)\)$/.exec(name) ?? /^([^,]+),\s*([^,]+)$/.exec(name) ?? /^(.+?)\s+[-–—]\s+(.+)$/.exec(name);
    if (!parts) return null;
    const [first, second] = [parts[1], parts[2]].map((part) => this.single(this.exact(part.replace(SOVEREIGN_PREFIX, ""))) ?? this.loosely(part.replace(SOVEREIGN_PREFIX, "")));
    if (!first || !second) return null;
    const isTerritory = (code: string) => this.territories.has(code);
    if (isTerritory(first) && !isTerritory(second)) return first;
    if (isTerritory(second) && !isTerritory(first)) return second;
    return null;
  }
}

function addTo(map: Map<string, Set<string>>, key: string, code: string): void {
  if (key.length === 0) return;
  const codes = map.get(key) ?? new Set<string>();
  codes.add(code);
  map.set(key, codes);
}
