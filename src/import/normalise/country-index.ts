import { readFile } from "node:fs/promises";
import path from "node:path";

import { parse } from "csv-parse/sync";

import { projectRoot } from "../../config.js";
import { CountryIndex, type CountryAlias, type CountryNames } from "./country.js";

/** The bundled countries data (mledoze/countries, ODbL) and the project's alias table. */
export const COUNTRIES_FILE = path.join(projectRoot, "data", "countries", "countries.csv");
export const COUNTRY_ALIASES_FILE = path.join(projectRoot, "data", "countries", "aliases.csv");

/**
 * `alt_spellings` joins its items with a bare comma; an item may itself hold a comma followed by a
 * space ("Korea, Republic of"), so only a comma not followed by a space separates items.
 */
export const ALT_SPELLINGS_SEPARATOR = /,(?! )/;

let cached: Promise<CountryIndex> | undefined;

/** The country index, read once per process. */
export function loadCountryIndex(): Promise<CountryIndex> {
  cached ??= readCountryIndex(COUNTRIES_FILE, COUNTRY_ALIASES_FILE);
  return cached;
}

export async function readCountryIndex(countriesFile: string, aliasesFile: string): Promise<CountryIndex> {
  const rows = parse(await readFile(countriesFile), { columns: true, bom: true }) as Record<string, string>[];
  const countries: CountryNames[] = rows.map((row) => ({
    cca2: row.cca2,
    cca3: row.cca3,
    territory: row.independent === "0",
    names: [row.name_common, row.name_official, row.name_zho, ...row.alt_spellings.split(ALT_SPELLINGS_SEPARATOR)].filter(
      (name): name is string => Boolean(name?.trim()) && name.trim() !== row.cca2,
    ),
  }));
  const aliases = (parse(await readFile(aliasesFile), { columns: true, bom: true, comment: "#" }) as Record<string, string>[]).map(
    (row): CountryAlias => ({ alias: row.alias, cca2: row.cca2 }),
  );
  return new CountryIndex(countries, aliases);
}
