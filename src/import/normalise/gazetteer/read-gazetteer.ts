import { readFile } from "node:fs/promises";
import path from "node:path";

import { parse } from "csv-parse/sync";

import { projectRoot } from "../../../config.js";
import { PlaceKind } from "../../../domain/vocabulary.js";
import { ALT_SPELLINGS_SEPARATOR, COUNTRIES_FILE, COUNTRY_ALIASES_FILE } from "../country-index.js";
import { NameIndex, type NameEntry, type PlaceEntry } from "./name-index.js";
import { PlaceScanner, type CityAirport } from "./place-scanner.js";

/** The files the gazetteer is built from: the bundled reference data and the project's own tables. */
export interface GazetteerFiles {
  countries: string;
  countryAliases: string;
  unlocode: string;
  airports: string;
  /** data/gazetteer: names the reference data lacks, words that name no place, the Chinese fold table. */
  names: string;
  notPlaces: string;
  traditionalSimplified: string;
  /** data/gazetteer/hubs.csv: cities whose name alone means them. */
  hubs: string;
}

export const GAZETTEER_FILES: GazetteerFiles = {
  countries: COUNTRIES_FILE,
  countryAliases: COUNTRY_ALIASES_FILE,
  unlocode: path.join(projectRoot, "data", "unlocode", "unlocode_filtered.csv"),
  airports: path.join(projectRoot, "data", "openflights", "airports.csv"),
  names: path.join(projectRoot, "data", "gazetteer", "names.csv"),
  notPlaces: path.join(projectRoot, "data", "gazetteer", "not-places.csv"),
  traditionalSimplified: path.join(projectRoot, "data", "gazetteer", "traditional-simplified.csv"),
  hubs: path.join(projectRoot, "data", "gazetteer", "hubs.csv"),
};

type Row = Record<string, string>;

async function readCsv(file: string, options: { columns: boolean | string[]; fromLine?: number } = { columns: true }): Promise<Row[]> {
  return parse(await readFile(file), { bom: true, comment: "#", relax_column_count: true, ...options }) as unknown as Row[];
}

const CODE = /^[A-Z]{2,3}$/;

/** The prominence of a city data/gazetteer/hubs.csv lists (see PlaceEntry). */
const HUB = 5;

/**
 * UN/LOCODE rows as plain comma-split lines: csv-parse takes ~0.6 s over its 48,366 rows, a split
 * ~0.1 s. It is exact for this file: the only quoted cells are those of the 812 rows the conversion
 * broke (a name holding a comma), and those rows are skipped, as the import skips them.
 */
async function readUnlocode(file: string): Promise<Row[]> {
  const lines = (await readFile(file, "utf8")).split(/\r?\n/);
  const header = lines[0].replace(/^\uFEFF/, "").split(",");
  const at = (column: string) => header.indexOf(column);
  const [country, location, name, mask] = [at("country"), at("location"), at("nameWoDiacritics"), at("function")];
  const rows: Row[] = [];
  for (let index = 1; index < lines.length; index += 1) {
    const line = lines[index];
    if (line.length === 0 || line.includes('"')) continue;
    const cells = line.split(",");
    rows.push({ country: cells[country], location: cells[location], nameWoDiacritics: cells[name], function: cells[mask] });
  }
  return rows;
}

/**
 * OpenFlights airports, one line each (no cell spans lines), quoted cells with `""` for a quote: a
 * line splitter reads its 7,698 rows in a tenth of csv-parse's time (~0.4 s measured on a busy
 * two-CPU machine), which counted for half of the gazetteer's build.
 */
export async function readAirports(file: string): Promise<Row[]> {
  const lines = (await readFile(file, "utf8")).split(/\r?\n/);
  const header = splitQuoted(lines[0].replace(/^\uFEFF/, ""));
  return lines.slice(1).filter((line) => line.length > 0).map((line) => {
    const cells = splitQuoted(line);
    return Object.fromEntries(header.map((column, at) => [column, cells[at] ?? ""]));
  });
}

function splitQuoted(line: string): string[] {
  const cells: string[] = [];
  let at = 0;
  while (at <= line.length) {
    if (line[at] === '"') {
      let cell = "";
      let from = at + 1;
      for (;;) {
        const close = line.indexOf('"', from);
        if (close < 0) throw new Error(`unclosed quote in "${line}"`);
        cell += line.slice(from, close);
        if (line[close + 1] === '"') {
          cell += '"';
          from = close + 2;
        } else {
          at = close + 1;
          break;
        }
      }
      cells.push(cell);
    } else {
      const comma = line.indexOf(",", at);
      const end = comma < 0 ? line.length : comma;
      cells.push(line.slice(at, end));
      at = end;
    }
    at += 1; // the comma
  }
  return cells;
}

/**
 * UN/LOCODE function mask → kind, as `mappings/unlocode.yaml` decides it: the first of seaport,
 * airport, border crossing, road, rail; a place with none of them is a city.
 */
function unlocodeKind(mask: string): PlaceKind {
  if (mask[0] === "1") return PlaceKind.SEAPORT;
  if (mask[3] === "4") return PlaceKind.AIRPORT;
  if (mask[7] === "B") return PlaceKind.BORDER_CROSSING;
  if (mask[2] === "3") return PlaceKind.ROAD;
  if (mask[1] === "2") return PlaceKind.RAIL;
  return PlaceKind.CITY;
}

/** A UN/LOCODE name's forms: "El Qahira (Cairo)" is also "El Qahira" and "Cairo"; "Mumbai (ex Bombay)" also "Bombay". */
function unlocodeNames(name: string): string[] {
  const bracket = /^(.*?)\s*\((?:ex\s+)?([^)]*)\)\s*$/.exec(name);
  return bracket ? [name, bracket[1], bracket[2]] : [name];
}

/**
 * An airport's names, as records write them: the full name; without "(Bali)"; each part of a name
 * joined by "/" or a dash ("Val de Cans/Júlio Cezar Ribeiro International Airport", "Adolfo Suárez
 * Madrid–Barajas Airport"); without its city where the city follows ("Kenneth Kaunda International
 * Airport Lusaka"); without "International Airport" ("Suvarnabhumi"), unless that leaves the city's
 * own name; and every tail of such a short name followed by "Airport" ("Shahjalal Airport" for
 * "Hazrat Shahjalal International Airport", "Pearson Airport"), which counts only with that word.
 */
function airportNames(name: string, city: string): string[] {
  const names = new Set([name]);
  const plain = name.replace(/\s*\([^)]*\)/g, "").trim();
  names.add(plain);
  for (const part of plain.split(/\s*[/–—]\s*|\s+-\s+/)) if (part !== plain && part.length >= 4) names.add(part);
  for (const full of [...names]) {
    const at = city.length >= 3 ? full.toLowerCase().indexOf(` ${city.toLowerCase()}`) : -1;
    if (at > 0) {
      const withoutCity = `${full.slice(0, at)}${full.slice(at + city.length + 1)}`.trim();
      if (withoutCity.length >= 4) names.add(withoutCity);
    }
  }
  const cityName = city.toLowerCase();
  for (const full of [...names]) {
    const short = full.replace(AIRPORT_SUFFIX, "");
    if (short === full || short.length < 4 || short.toLowerCase() === cityName) continue;
    names.add(short);
    const words = short.split(/\s+/);
    for (let from = 1; from < words.length; from += 1) {
      const tail = words.slice(from).join(" ");
      if (tail.replace(/[^\p{L}]/gu, "").length >= 4 && tail.toLowerCase() !== cityName) names.add(`${tail} Airport`);
    }
  }
  return [...names];
}

const AIRPORT_SUFFIX = /\s+(International\s+|Intl\.?\s+|Int\.?\s+)?(Airport|Airfield|Air\s*Base|Airstrip)$/i;

export async function readGazetteer(files: GazetteerFiles = GAZETTEER_FILES): Promise<PlaceScanner> {
  const simplify = new Map((await readCsv(files.traditionalSimplified)).map((row) => [row.traditional, row.simplified]));
  const index = new NameIndex(simplify);
  const countryCodes = new Set<string>();
  /** `country key` of capitals and of cities with an airport: places of that name in that country are prominent. */
  const capitals = new Map<string, string>();
  const airportCities = new Map<string, { name: string; airports: CityAirport[] }>();

  for (const row of await readCsv(files.countries)) {
    const entry: NameEntry = { type: "country", country: row.cca2 };
    countryCodes.add(row.cca2);
    index.addCode(row.cca2, entry);
    index.addCode(row.cca3, entry);
    for (const name of [row.name_common, row.name_official, row.name_zho, ...row.alt_spellings.split(ALT_SPELLINGS_SEPARATOR)]) {
      const trimmed = name?.trim();
      if (!trimmed) continue;
      if (CODE.test(trimmed)) index.addCode(trimmed, entry);
      else index.addName(trimmed, entry);
    }
    for (const capital of row.capital.split(",")) {
      const key = index.keyOf(capital);
      if (key) capitals.set(`${row.cca2} ${key}`, capital.trim());
    }
  }
  for (const row of await readCsv(files.countryAliases)) {
    const entry: NameEntry = { type: "country", country: row.cca2 };
    if (CODE.test(row.alias)) index.addCode(row.alias, entry);
    else index.addName(row.alias, entry);
  }
  const countryOf = (name: string): string | undefined => {
    const key = index.keyOf(name);
    const countries = key ? (index.name(key) ?? []).filter((entry) => entry.type === "country") : [];
    return countries.length === 1 ? countries[0].country : undefined;
  };

  for (const row of await readCsv(files.names)) {
    if (!countryCodes.has(row.cca2)) throw new Error(`data/gazetteer/names.csv: "${row.name}" names ${row.cca2}, which is not in the country data`);
    if (!row.place) {
      index.addName(row.name, { type: "country", country: row.cca2 });
      continue;
    }
    const province = row.kind === "PROVINCE";
    const kind = province ? null : (PlaceKind as Record<string, PlaceKind>)[row.kind];
    if (kind === undefined) throw new Error(`data/gazetteer/names.csv: "${row.name}" has the kind "${row.kind}"`);
    index.addName(row.name, {
      type: "place",
      country: row.cca2,
      name: row.place,
      kind,
      province,
      locode: row.locode || null,
      iata: row.iata || null,
      prominence: province ? 3 : 4,
    });
    if (row.iata && !province) index.addCode(row.iata, { type: "place", country: row.cca2, name: row.place, kind, province, locode: row.locode || null, iata: row.iata, prominence: 4 });
  }
  for (const row of await readCsv(files.notPlaces)) index.addName(row.phrase, { type: "nothing" });

  for (const row of await readAirports(files.airports)) {
    const iata = row.iata === "\\N" ? "" : row.iata;
    // Heliports and seaplane bases carry IATA codes too, but no seizure record means one by "Airport".
    if (!CODE.test(iata) || /heliport|seaplane/i.test(row.name)) continue;
    const country = countryOf(row.country);
    if (country === undefined) continue;
    const cityKey = index.keyOf(row.city);
    const entry: PlaceEntry = { type: "place", country, name: row.name, kind: PlaceKind.AIRPORT, province: false, locode: null, iata, prominence: 3, city: cityKey };
    for (const name of airportNames(row.name, row.city)) index.addName(name, entry);
    if (!countryCodes.has(iata)) index.addCode(iata, entry);
    if (cityKey) {
      const key = `${country} ${cityKey}`;
      airportCities.set(key, { name: row.city, airports: [...(airportCities.get(key)?.airports ?? []), { iata, name: row.name }] });
    }
  }

  const placed = new Set<string>();
  for (const row of await readUnlocode(files.unlocode)) {
    // Rows whose name held a comma were split by the conversion (see data/unlocode/SOURCE.md): their mask is not a mask.
    if (!/^[-0-9B]{8}$/.test(row.function ?? "") || !countryCodes.has(row.country)) continue;
    const kind = unlocodeKind(row.function);
    const entry: PlaceEntry = {
      type: "place",
      country: row.country,
      name: row.nameWoDiacritics,
      kind,
      province: false,
      locode: `${row.country}${row.location}`,
      iata: null,
      prominence: kind === PlaceKind.SEAPORT || kind === PlaceKind.AIRPORT ? 2 : 1,
    };
    for (const name of unlocodeNames(row.nameWoDiacritics)) {
      // Two-letter names ("Ba", "An") are words more often than places.
      const key = index.addName(name, entry, 3);
      if (key !== undefined) placed.add(`${row.country} ${key}`);
    }
  }

  // Capitals and cities with an airport: raise their places, and add the city where UN/LOCODE lacks it.
  for (const [key, entry] of index.places()) {
    const where = `${entry.country} ${key}`;
    if (capitals.has(where)) entry.prominence = Math.max(entry.prominence, 4);
    else if (airportCities.has(where)) entry.prominence = Math.max(entry.prominence, 3);
  }
  for (const where of new Set([...capitals.keys(), ...airportCities.keys()])) {
    if (placed.has(where)) continue;
    const [country, ...words] = where.split(" ");
    const key = words.join(" ");
    if ((index.name(key) ?? []).some((entry) => entry.type !== "place" || entry.country === country)) continue;
    const name = capitals.get(where) ?? airportCities.get(where)!.name;
    index.addName(name, {
      type: "place",
      country,
      name,
      kind: PlaceKind.CITY,
      province: false,
      locode: null,
      iata: null,
      prominence: capitals.has(where) ? 4 : 3,
    });
  }
  // Hubs: the listed city outranks every other place of its name (added where no source has it).
  for (const row of await readCsv(files.hubs)) {
    if (!countryCodes.has(row.cca2)) throw new Error(`data/gazetteer/hubs.csv: "${row.name}" names ${row.cca2}, which is not in the country data`);
    const key = index.keyOf(row.name);
    const here = (key ? (index.name(key) ?? []) : []).filter((entry): entry is PlaceEntry => entry.type === "place" && entry.country === row.cca2);
    for (const entry of here) entry.prominence = HUB;
    if (here.length === 0 && !(key && (index.name(key) ?? []).some((entry) => entry.type === "country" && entry.country === row.cca2))) {
      index.addName(row.name, { type: "place", country: row.cca2, name: row.name, kind: PlaceKind.CITY, province: false, locode: null, iata: null, prominence: HUB });
    }
  }
  const cityAirports = new Map([...airportCities].map(([where, city]) => [where, city.airports]));
  return new PlaceScanner(index, cityAirports);
}
