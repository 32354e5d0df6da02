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
}

/** An explicit spelling the reference data lacks, with the code it stands for. */
export interface CountryAlias {
  alias: string;
  cca2: string;
}

/**
 * Resolves names and codes. Codes count only when written in capitals (`US`, `USA`), so that an
 * English word is never read as a code. A name that two countries share is ambiguous unless the
 * alias table says which one it means; the alias table wins over everything else.
 */
export class CountryIndex implements CountryResolver {
  private readonly codes = new Map<string, string>();
  private readonly names = new Map<string, Set<string>>();
  private readonly aliases = new Map<string, string>();

  constructor(countries: readonly CountryNames[], aliases: readonly CountryAlias[]) {
    for (const entry of countries) {
      this.codes.set(entry.cca2, entry.cca2);
      this.codes.set(entry.cca3, entry.cca2);
      for (const name of entry.names) {
        const key = foldName(name);
        if (key.length === 0) continue;
        const codes = this.names.get(key) ?? new Set<string>();
        codes.add(entry.cca2);
        this.names.set(key, codes);
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
    const key = foldName(trimmed);
    const alias = this.aliases.get(key);
    if (alias) return valueOf(alias);
    const codes = this.names.get(key);
    if (!codes) return problem("unknown country");
    if (codes.size > 1) return problem(`ambiguous country name (${[...codes].sort().join(", ")})`);
    return valueOf([...codes][0]);
  }

  has(cca2: string): boolean {
    return this.codes.get(cca2) === cca2;
  }
}
