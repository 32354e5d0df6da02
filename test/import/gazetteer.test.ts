import { readFileSync } from "node:fs";
import path from "node:path";

import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";

import { projectRoot } from "../../src/config.js";

import { loadGazetteer, type PlaceMention } from "../../src/import/normalise/gazetteer/gazetteer.js";
import { isProblem } from "../../src/import/normalise/normaliser.js";
import { normalisers } from "../../src/import/normalise/registry.js";
import { contextFor, parseMapping } from "../../src/import/mapping/load-mapping.js";
import { PlaceIndex, SpeciesIndex } from "../../src/import/plan/lookups.js";
import { RowPlanner } from "../../src/import/plan/plan-row.js";
import { GAZETTEER_FILES, readAirports } from "../../src/import/normalise/gazetteer/read-gazetteer.js";
import { loadCountryIndex } from "../../src/import/normalise/country-index.js";

const gazetteer = await loadGazetteer();
const countryIndex = await loadCountryIndex();

/**
 * A mention in one line: `CC` a country, `CC/Name:KIND` a place in it (kind omitted when null, as
 * for a province), `?/Name[A,B]` a place that fits several countries, best first.
 */
function brief(mention: PlaceMention): string {
  const place = mention.place === null ? "" : `/${mention.place.name}${mention.place.kind ? `:${mention.place.kind}` : ""}`;
  return mention.ambiguous ? `?${place}[${mention.candidates.join(",")}]` : `${mention.country}${place}`;
}

describe("gazetteer: what a text names, in order", () => {
  it.each<[text: string, mentions: string[]]>([
    // Several places in one cell, each with its country in brackets or after a comma.
    ["Kinshasa (DRC), Xiamen (China)", ["CD/Kinshasa:SEAPORT", "CN/Xiamen:SEAPORT"]],
    ["Cameroon, Central African Republic, Democratic Republic of Congo", ["CM", "CF", "CD"]],
    ["Lagos, Nigeria", ["NG/Lagos:SEAPORT"]],
    ["Nigeria, Lagos", ["NG/Lagos:SEAPORT"]],
    ["Victoria, Seychelles", ["SC/Victoria:SEAPORT"]],
    ["Guangzhou, Guangdong, China", ["CN/Guangzhou:SEAPORT"]],
    // Countries by any of their names and codes; Hong Kong written with China is Hong Kong.
    ["Hong Kong", ["HK"]],
    ["Hong Kong, China", ["HK"]],
    ["China - Hong Kong", ["HK"]],
    ["Viet Nam", ["VN"]],
    ["Côte d'Ivoire", ["CI"]],
    ["Guinea-Bissau", ["GW"]],
    ["Dubai, UAE", ["AE/Dubai:SEAPORT"]],
    ["USA", ["US"]],
    ["Singapore, Singapore", ["SG"]],
    // Airports by name or IATA code; a city's "Airport".
    ["Suvarnabhumi", ["TH/Suvarnabhumi Airport:AIRPORT"]],
    ["BKK", ["TH/Suvarnabhumi Airport:AIRPORT"]],
    ["Dubai Airport", ["AE/Dubai:AIRPORT"]],
    ["Hong Kong Airport", ["HK/Hong Kong International Airport:AIRPORT"]],
    ["Milan-Malpensa Airport", ["IT/Malpensa International Airport:AIRPORT"]],
    ["Kenneth Kaunda Airport", ["ZM/Kenneth Kaunda International Airport Lusaka:AIRPORT"]],
    // An airport by the tail of its name before "Airport", without a bracket, by a part of a name joined by a dash.
    ["Shahjalal Airport", ["BD/Hazrat Shahjalal International Airport:AIRPORT"]],
    ["Ngurah Rai Airport", ["ID/Ngurah Rai (Bali) International Airport:AIRPORT"]],
    ["Madrid Barajas Airport", ["ES/Adolfo Suárez Madrid–Barajas Airport:AIRPORT"]],
    // An airport and its city are one place, either way round.
    ["Pinto Martins – Fortaleza Airport", ["BR/Pinto Martins International Airport:AIRPORT"]],
    ["Bangkok, Suvarnabhumi", ["TH/Suvarnabhumi Airport:AIRPORT"]],
    // Two airports share the name: ambiguous.
    ["Simon Bolivar Airport", ["?/Simón Bolívar International Airport:AIRPORT[CO,VE]"]],
    // Provinces and Mekong crossings.
    ["Yunnan", ["CN/Yunnan"]],
    ["Hekou - Lao Cai", ["CN/Hekou:BORDER_CROSSING", "VN/Lao Cai:BORDER_CROSSING"]],
    // Chinese, Traditional (Hong Kong) or Simplified.
    ["尼日利亞", ["NG"]],
    ["尼日利亚", ["NG"]],
    ["越南", ["VN"]],
    ["香港國際機場", ["HK/Hong Kong International Airport:AIRPORT"]],
    ["尼日利亞拉各斯", ["NG/Lagos:CITY"]],
    ["墨西哥埃莫西約，經墨西哥蒙特雷及南韓首爾", ["MX/Hermosillo:CITY", "MX/Monterrey:CITY", "KR/Seoul:CITY"]],
    // A name several countries share is ambiguous unless a country is named next to it.
    ["Victoria", ["?/Victoria[SC,CA,CL,US,HK,HN,CM,PH]"]],
    // Words that are not places name nothing.
    ["Various", []],
    // In a text with capitals, a name starts with a capital: "ivory" is not Ivory (a US town).
    ["ivory hidden in wooden crates, bound for Vietnam", ["VN"]],
    ["lagos, nigeria", ["NG/Lagos:SEAPORT"]],
    // One word naming only minor towns (no port, airport or capital) counts only with its country.
    ["Frozen Fish declared, Golden Triangle", ["?/Golden Triangle[LA,MM,TH]"]],
    ["Golden, USA", ["US/Golden:ROAD"]],
    ["Golden Triangle SEZ", ["LA/Golden Triangle Special Economic Zone:CITY"]],
    // "Congo" alone is either Congo; a place next to it says which.
    ["Congo", ["?[CD,CG]"]],
    ["Bukavu, Congo", ["CD/Bukavu:AIRPORT"]],
    ["西貢", ["?/Sai Kung:CITY[HK,VN]"]],
    ["unknown", []],
    ["Asia", []],
    ["West Africa", []],
  ])("%j", (text, mentions) => {
    expect(gazetteer.find(text).map(brief)).toEqual(mentions);
  });

  it("quotes the words as written, with their closing bracket", () => {
    expect(gazetteer.find("Kinshasa (DRC), Xiamen (China)").map((mention) => mention.text)).toEqual(["Kinshasa (DRC)", "Xiamen (China)"]);
    expect(gazetteer.find("Dubai Airport")[0].text).toBe("Dubai Airport");
  });

  it("gives codes: UN/LOCODE and IATA", () => {
    expect(gazetteer.find("Lagos, Nigeria")[0]).toEqual({
      text: "Lagos, Nigeria",
      country: "NG",
      place: { name: "Lagos", kind: "SEAPORT", locode: "NGLOS", iata: null },
      ambiguous: false,
      candidates: ["NG"],
    });
    expect(gazetteer.find("BKK")[0].place).toEqual({ name: "Suvarnabhumi Airport", kind: "AIRPORT", locode: null, iata: "BKK" });
  });
});

describe("places normaliser", () => {
  const context = { countries: countryIndex, gazetteer };
  const definition = normalisers.get("places")!;
  const countries = definition.create(definition.options.parse({}), context);
  const names = definition.create(definition.options.parse({ level: "place" }), context);

  it("gives country codes in order, once each", () => {
    expect(countries("Kinshasa (DRC), Xiamen (China)")).toEqual({ value: ["CD", "CN"] });
    expect(countries("Kenya, Nairobi, Kenya")).toEqual({ value: ["KE"] });
  });

  it("gives place names where one is named", () => {
    expect(names("Kinshasa (DRC), Xiamen (China), Vietnam")).toEqual({ value: ["Kinshasa", "Xiamen", "VN"] });
  });

  it("flags ambiguity and cells that name no place", () => {
    expect(countries("Victoria")).toEqual({ problem: 'ambiguous place "Victoria" (SC, CA, CL, US, HK, HN, CM, PH)' });
    const none = countries("Various");
    expect(isProblem(none)).toBe(true);
  });
});

describe("data/gazetteer/names.csv", () => {
  // Its codes must be codes of the bundled data, so a mention's locode or iata finds a Place node.
  const read = (file: string) => parse(readFileSync(path.join(projectRoot, "data", file)), { columns: true, comment: "#", bom: true, relax_column_count: true }) as Record<string, string>[];
  const names = read("gazetteer/names.csv");
  const locodes = new Set(
    readFileSync(path.join(projectRoot, "data", "unlocode", "unlocode_filtered.csv"), "utf8")
      .split("\n")
      .map((line) => line.split(",").slice(0, 2).join("")),
  );
  const iatas = new Set(read("openflights/airports.csv").map((row) => row.iata));

  it("gives only UN/LOCODEs and IATA codes the bundled data has", () => {
    expect(names.filter((row) => row.locode && !locodes.has(row.locode)).map((row) => row.name)).toEqual([]);
    expect(names.filter((row) => row.iata && !iatas.has(row.iata)).map((row) => row.name)).toEqual([]);
  });
});

describe("the airports reader", () => {
  it("reads airports.csv as csv-parse does", async () => {
    const expected = parse(readFileSync(GAZETTEER_FILES.airports), { columns: true, bom: true }) as Record<string, string>[];
    expect(await readAirports(GAZETTEER_FILES.airports)).toEqual(expected);
  });
});

describe("loading the gazetteer for a mapping", () => {
  it("loads it only for a mapping that uses it", async () => {
    expect((await contextFor("nodes:\n  seizure:\n    countries: { column: place, normalise: places, level: country }\n")).gazetteer).toBe(gazetteer);
    expect((await contextFor("nodes:\n  seizure:\n    country: { column: place, normalise: country }\n")).gazetteer).toBeUndefined();
  });
});

describe("a country reference read from free text", () => {
  const mapping = parseMapping(
    "places-test.yaml",
    `
version: 1
source: { id: places-test, title: T, publisher: P, licence: MIT, retrievedOn: 2026-01-01, reliability: F, kind: SYNTHETIC, synthetic: true }
input: { file: rows.csv, key: id, columns: [id, location] }
nodes:
  seizure: { label: Seizure, id: "s-{id}", properties: { locationText: { column: location } } }
references:
  seizureCountry:
    country: { column: location, normalise: places, single: true }
relationships:
  seizedIn: { type: SEIZED_IN, from: seizure, to: seizureCountry }
`,
    { countries: countryIndex, gazetteer },
  );
  const planner = new RowPlanner(mapping, new Map(), { places: new PlaceIndex([]), species: new SpeciesIndex([]) });
  const seizedIn = (location: string) => {
    const plan = planner.plan(1, { id: "1", location });
    return {
      to: plan.relationships.filter((relationship) => relationship.type === "SEIZED_IN").map((relationship) => relationship.to.id),
      flags: plan.flags.map((flag) => flag.reason),
    };
  };

  it("takes the one country the cell names", () => {
    expect(seizedIn("Lagos, Nigeria")).toEqual({ to: ["NG"], flags: [] });
    expect(seizedIn("香港國際機場")).toEqual({ to: ["HK"], flags: [] });
  });

  it("flags a cell naming several countries, an ambiguous place, or none", () => {
    expect(seizedIn("Kinshasa (DRC), Xiamen (China)")).toEqual({ to: [], flags: ["names 2 countries (CD, CN), not one"] });
    expect(seizedIn("Victoria")).toEqual({ to: [], flags: ['ambiguous place "Victoria" (SC, CA, CL, US, HK, HN, CM, PH)'] });
    // ("Atlantis" would not do: it is a town in South Africa.)
    expect(seizedIn("Xyzzy")).toEqual({ to: [], flags: ["names no place the gazetteer knows"] });
  });
});
