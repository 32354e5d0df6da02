import { readFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";

import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { projectRoot } from "../../src/config.js";
import { StopLevel } from "../../src/domain/trade-analysis.js";
import { importFiles } from "../../src/import/import-files.js";
import type { ImportReport } from "../../src/import/report/import-report.js";
import { FlowRepository } from "../../src/repositories/flow.repository.js";
import { expectedFlows, type Role, type SeizureRecord } from "../helpers/trade-records.js";
import { countsOf, deleteWorld, importCountries, importTestContext, uniquePrefix, type ImportTestContext } from "./helpers/import-context.js";

/**
 * A table shaped like an NGO's hand-kept pangolin seizure list (fixtures/ngo-pangolin-seizures.csv):
 * three unused "Notes" columns and two "Country" columns, no id column, two pairs of identical rows
 * that are two incidents each, free-text places with several countries to a cell ("Kinshasa (DRC),
 * Xiamen (China)", "Cameroon, Central African Republic, Democratic Republic of Congo"), cities and
 * provinces alone, "Y" for "seized, amount not reported". It is imported with its mapping and no
 * lookup table; the counts per country and per route must equal those counted here from the CSV,
 * read with csv-parse, through the table below, written by hand.
 */
const FIXTURES = path.join(projectRoot, "test", "import", "fixtures");
const CSV = path.join(FIXTURES, "ngo-pangolin-seizures.csv");
const MAPPING = path.join(FIXTURES, "ngo-pangolin-seizures.yaml");

/**
 * Every place cell of the fixture's Origin, Transit and Destination columns → the countries it
 * names, in order; null for a name that fits two countries (a stop whose country is not guessed).
 */
const COUNTRIES_OF: Readonly<Record<string, readonly (string | null)[]>> = {
  "Addis Ababa (Ethiopia)": ["ET"],
  Bangkok: ["TH"],
  "Brazzaville (Congo)": ["CG"],
  Cameroon: ["CM"],
  "Cameroon, Central African Republic, Democratic Republic of Congo": ["CM", "CF", "CD"],
  "Cameroon, Gabon": ["CM", "GA"],
  "Central African Republic": ["CF"],
  China: ["CN"],
  "China, Vietnam": ["CN", "VN"],
  DRC: ["CD"],
  "Dar es Salaam": ["TZ"],
  "Democratic Republic of Congo": ["CD"],
  "Doha, Qatar": ["QA"],
  Douala: ["CM"],
  "Dubai, UAE": ["AE"],
  Entebbe: ["UG"],
  "Equatorial Guinea": ["GQ"],
  Ghana: ["GH"],
  "Ghana, Togo": ["GH", "TG"],
  Guangdong: ["CN"],
  Guangxi: ["CN"],
  Guangzhou: ["CN"],
  Hanoi: ["VN"],
  "Ho Chi Minh City": ["VN"],
  "Hong Kong": ["HK"],
  India: ["IN"],
  Indonesia: ["ID"],
  "Istanbul, Turkey": ["TR"],
  "Ivory Coast": ["CI"],
  Jakarta: ["ID"],
  Java: ["ID"],
  Kalimantan: ["ID"],
  "Kampala, Uganda": ["UG"],
  Kinshasa: ["CD"],
  "Kinshasa (DRC), Xiamen (China)": ["CD", "CN"],
  "Lagos, Nigeria": ["NG"],
  "Lao PDR": ["LA"],
  Malaysia: ["MY"],
  "Manipur, India": ["IN"],
  "Mombasa, Kenya": ["KE"],
  "Mong La (Myanmar)": ["MM"],
  Mozambique: ["MZ"],
  Myanmar: ["MM"],
  Nepal: ["NP"],
  Nigeria: ["NG"],
  "Nigeria, Ghana, Cote d'Ivoire": ["NG", "GH", "CI"],
  "Pemba (Mozambique)": ["MZ"],
  "Port Klang, Malaysia": ["MY"],
  Sabah: ["MY"],
  Shenzhen: ["CN"],
  Singapore: ["SG"],
  "South Korea": ["KR"],
  "Sumatra, Indonesia": ["ID"],
  Taiwan: ["TW"],
  Togo: ["TG"],
  Uganda: ["UG"],
  "Viet Nam": ["VN"],
  Vietnam: ["VN"],
  "Vietnam / China": ["VN", "CN"],
  Xiamen: ["CN"],
  Yunnan: ["CN"],
  Zambia: ["ZM"],
  // A name that fits two countries (the Republic of the Congo and the Democratic Republic of the
  // Congo): a stop without a country, flagged; it keeps its place in the route.
  Congo: [null],
  // Words that name no place: no stop, and a flag.
  Unknown: [],
  Various: [],
};

/** The fixture's seizure countries (the first "Country" column). */
const SEIZURE_COUNTRY: Readonly<Record<string, string>> = {
  Cameroon: "CM",
  China: "CN",
  Ethiopia: "ET",
  "Hong Kong": "HK",
  India: "IN",
  Indonesia: "ID",
  Kenya: "KE",
  Malaysia: "MY",
  Myanmar: "MM",
  Nigeria: "NG",
  Singapore: "SG",
  Thailand: "TH",
  Togo: "TG",
  Uganda: "UG",
  Vietnam: "VN",
};

/** The fixture's columns by position (its header repeats names, so it is read as arrays). */
const COLUMN = { date: 0, country: 1, origin: 3, transit: 4, destination: 5, quantity: 9, weight: 10 } as const;
const ROUTE: readonly [Role, number][] = [["ORIGIN", COLUMN.origin], ["TRANSIT", COLUMN.transit], ["DESTINATION", COLUMN.destination]];

const [header, ...rows] = parse(readFileSync(CSV), { bom: true }) as string[][];

function countriesOf(cell: string): readonly (string | null)[] {
  const text = cell.trim();
  if (!(text in COUNTRIES_OF)) throw new Error(`the reference table lacks the fixture's cell ${JSON.stringify(text)}`);
  return COUNTRIES_OF[text];
}

/** The stops each row's cells name, in route order: each country once per cell, in the order written; null where none is known. */
const chains = rows.map((cells) =>
  ROUTE.flatMap(([role, column]) => {
    const countries = cells[column].trim() ? countriesOf(cells[column]) : [];
    return countries.filter((country, index) => country === null || countries.indexOf(country) === index).map((country) => ({ role, country }));
  }),
);

/** The fixture's incidents, numbered as rows from 1, with the routes the reference table gives them. */
const records: SeizureRecord[] = rows.map((cells, index) => ({
  id: String(index + 1),
  shipment: String(index + 1),
  stops: chains[index].flatMap(({ role, country }) => (country === null ? [] : [{ role, country }])),
  date: null,
  seizedIn: SEIZURE_COUNTRY[cells[COLUMN.country].trim()] ?? null,
  weightKg: null,
  oddWeight: false,
}));

/** How many distinct ids each key has. */
function tally(keys: Iterable<[string, string]>): Record<string, unknown> {
  const ids = new Map<string, Set<string>>();
  for (const [key, id] of keys) ids.set(key, (ids.get(key) ?? new Set()).add(id));
  return byKey([...ids].map(([key, set]) => [key, set.size]));
}

/** Entries as an object in key order, so two counts compare whatever order they were read in. */
function byKey(entries: [string, unknown][]): Record<string, unknown> {
  return Object.fromEntries(entries.sort(([a], [b]) => (a < b ? -1 : 1)));
}

const prefix = uniquePrefix("ngo");
const sourceId = `${prefix}ngo-pangolin-seizures`;
let context: ImportTestContext;
let reportDir: string;
let first: ImportReport;
let again: ImportReport;

beforeAll(async () => {
  context = await importTestContext();
  reportDir = await mkdtemp(path.join(tmpdir(), "ngo-import-"));
  await importCountries(context, prefix, reportDir);
  const options = { registry: context.registry, reportDir, idPrefix: prefix };
  first = await importFiles(context.executor, MAPPING, [CSV], options);
  again = await importFiles(context.executor, MAPPING, [CSV], options);
});

afterAll(async () => {
  if (context) {
    await deleteWorld(context.executor, prefix);
    await context.driver.close();
  }
  if (reportDir) await rm(reportDir, { recursive: true, force: true });
});

const bare = (id: string) => id.slice(prefix.length);

describe("an NGO-shaped seizure table, imported with a mapping and no lookup table", () => {
  it("is a file with repeated headers, no id column and identical rows", () => {
    expect(header.filter((name) => name === "Notes")).toHaveLength(3);
    expect(header.filter((name) => name === "Country")).toHaveLength(2);
    const texts = rows.map((cells) => cells.join("\u0000"));
    expect(texts.length - new Set(texts).size, "rows identical to an earlier one").toBe(2);
    expect(rows.length).toBeGreaterThanOrEqual(40);
  });

  it("loads every row, identical ones as incidents of their own", async () => {
    expect([first.rowsRead, first.rowsLoaded, first.rowsRejected]).toEqual([rows.length, rows.length, 0]);
    const counts = await countsOf(context, sourceId);
    expect(counts.nodes.Seizure).toBe(rows.length);
    expect(counts.nodes.Shipment).toBe(rows.length);
    expect(counts.relationships.STOPS_AT).toBe(records.reduce((sum, record) => sum + record.stops.length, 0));
  });

  it("numbers rows the same way on every import: a second import adds nothing", () => {
    expect(again.rowsLoaded).toBe(rows.length);
    expect(again.nodesAdded).toBe(0);
    expect(again.relationshipsAdded).toBe(0);
  });

  it("counts seizures per country of the route, per role, as the reference table does", async () => {
    const got = await context.executor.read(
      `MATCH (:Source {id: $sourceId})<-[:SOURCED_FROM]-(seizure:Seizure)-[:INTERCEPTED]->(:Shipment)-[stop:STOPS_AT]->(country:Country)
       RETURN stop.role AS role, country.id AS country, count(DISTINCT seizure) AS seizures`,
      { sourceId },
    );
    const expected = tally(records.flatMap((record) => record.stops.map(({ role, country }): [string, string] => [`${role} ${country}`, record.id])));
    expect(byKey(got.map((row) => [`${row.role} ${bare(row.country as string)}`, row.seizures]))).toEqual(expected);
    // Every country the fixture's routes name, from Nigeria to China.
    expect(Object.keys(expected).length).toBeGreaterThan(30);
  });

  it("counts seizures per country of seizure", async () => {
    const got = await context.executor.read(
      `MATCH (:Source {id: $sourceId})<-[:SOURCED_FROM]-(seizure:Seizure)-[:SEIZED_IN]->(country:Country)
       RETURN country.id AS country, count(seizure) AS seizures`,
      { sourceId },
    );
    expect(byKey(got.map((row) => [bare(row.country as string), row.seizures]))).toEqual(
      tally(records.map((record): [string, string] => [record.seizedIn!, record.id])),
    );
  });

  it("gives the flows (country pairs of each hop) that the reference table's routes give", async () => {
    const links = await new FlowRepository(context.executor).linksFromFacts(
      StopLevel.COUNTRY,
      { species: null, product: null, mode: null, source: sourceId, dateFrom: null, dateTo: null },
      1000,
    );
    const expected = expectedFlows(records);
    expect(expected.size).toBeGreaterThan(30);
    expect(byKey(links.map((link) => [`${bare(link.source)}>${bare(link.target)}`, link.seizureCount]))).toEqual(
      byKey([...expected].map(([hop, group]) => [hop, group.ids.size])),
    );
  });

  it("orders each route origins first, then transits, then destinations, seq an integer from 1", async () => {
    const got = await context.executor.read(
      `MATCH (:Source {id: $sourceId})<-[:SOURCED_FROM]-(shipment:Shipment)-[stop:STOPS_AT]->(country:Country)
       WITH shipment, stop, country ORDER BY stop.seq
       RETURN shipment.id AS shipment, collect([stop.seq, stop.role, country.id]) AS stops,
              collect(DISTINCT valueType(stop.seq)) AS types`,
      { sourceId },
    );
    const byRow = new Map(got.map((row) => [bare(row.shipment as string).replace(/^ngo-(\d+)-shipment$/, "$1"), row]));
    for (const [index, record] of records.entries()) {
      // seq is the stop's place in the whole chain, counted from 1; a stop without a country keeps its place.
      const stops = chains[index].flatMap(({ role, country }, position) => (country === null ? [] : [[position + 1, role, country]]));
      const row = byRow.get(record.id);
      expect((row?.stops as unknown[][] | undefined)?.map(([seq, role, country]) => [seq, role, bare(country as string)]) ?? [], `row ${record.id}`).toEqual(stops);
      if (row) expect(row.types, `row ${record.id}`).toEqual(["INTEGER NOT NULL"]);
    }
  });

  it("reads Y as seized, amount not reported: no value, no flag, the text kept", async () => {
    const lines = await context.executor.read(
      `MATCH (:Source {id: $sourceId})<-[:SOURCED_FROM]-(line:CommodityLine)
       RETURN line.id AS id, line.quantity AS quantity, line.quantityText AS quantityText, line.weightKg AS weightKg, line.weightText AS weightText`,
      { sourceId },
    );
    const byRow = new Map(lines.map((line) => [bare(line.id as string).replace(/^ngo-(\d+)-line$/, "$1"), line]));
    const marked = rows.flatMap((cells, index) => [COLUMN.quantity, COLUMN.weight].filter((column) => cells[column] === "Y").map((column) => [String(index + 1), column] as const));
    expect(marked.length).toBeGreaterThan(10);
    for (const [row, column] of marked) {
      const line = byRow.get(row)!;
      if (column === COLUMN.quantity) expect([line.quantity, line.quantityText], `row ${row}`).toEqual([null, "Y"]);
      else expect([line.weightKg, line.weightText], `row ${row}`).toEqual([null, "Y"]);
    }
    expect(first.flags.byKind.number ?? 0).toBe(0);
    expect(first.flags.byKind.weight ?? 0).toBe(0);
  });

  it("flags the place cells that name nothing or fit two countries, and the date that is a year only", () => {
    // One flag per cell that names nothing, and one per name that fits two countries.
    const cells = rows.flatMap((row) => ROUTE.map(([, column]) => row[column].trim()).filter(Boolean));
    const nothing = cells.filter((cell) => countriesOf(cell).length === 0).length;
    const ambiguous = cells.flatMap((cell) => countriesOf(cell).filter((country) => country === null)).length;
    expect([nothing, ambiguous].every((count) => count > 0)).toBe(true);
    const yearOnly = rows.filter((row) => /^\d{4}$/.test(row[COLUMN.date].trim())).length;
    expect(first.flags.byKind).toEqual({ date: yearOnly, place: nothing + ambiguous });
  });
});
