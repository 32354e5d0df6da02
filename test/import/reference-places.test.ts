import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { importFiles } from "../../src/import/import-files.js";
import type { ImportReport } from "../../src/import/report/import-report.js";
import {
  COUNTRIES_FILE,
  countsOf,
  DATA,
  deleteWorld,
  importCountries,
  importTestContext,
  MAPPINGS,
  readCsv,
  uniquePrefix,
  type ImportTestContext,
} from "./helpers/import-context.js";

/**
 * UN/LOCODE places and OpenFlights airports, imported into a world of this file's own (an id
 * prefix) after its countries. Every expected figure is computed here from the CSV files with
 * csv-parse, never through the import code.
 */
const UNLOCODE_FILE = path.join(DATA, "unlocode", "unlocode_filtered.csv");
const UNLOCODE_MAPPING = path.join(MAPPINGS, "unlocode.yaml");
const AIRPORTS_FILE = path.join(DATA, "openflights", "airports.csv");
const AIRPORTS_MAPPING = path.join(MAPPINGS, "openflights-airports.yaml");

const countryCodes = new Set(readCsv(COUNTRIES_FILE).map((country) => country.cca2));
const unlocode = readCsv(UNLOCODE_FILE);
const airports = readCsv(AIRPORTS_FILE);

/** The kind a UN/LOCODE function mask gives, read position by position; null for a cell that is not a mask. */
function kindOfMask(mask: string): string | null {
  if (mask.length !== 8) return null;
  const expected = ["01", "2", "3", "4", "5", "6", "7", "B"];
  for (let i = 0; i < 8; i++) if (mask[i] !== "-" && !expected[i].includes(mask[i])) return null;
  if (mask[0] === "1") return "SEAPORT";
  if (mask[3] === "4") return "AIRPORT";
  if (mask[7] === "B") return "BORDER_CROSSING";
  if (mask[2] === "3") return "ROAD";
  if (mask[1] === "2") return "RAIL";
  return "CITY";
}

/** The rows that load: the first row of each LOCODE (a repeated key is rejected), when its mask is one. */
const firstOfLocode = new Map<string, Record<string, string>>();
for (const row of unlocode) {
  const locode = `${row.country}${row.location}`;
  if (!firstOfLocode.has(locode)) firstOfLocode.set(locode, row);
}
const placeRows = [...firstOfLocode.values()].filter((row) => kindOfMask(row.function) !== null);

const iataCodes = new Set(airports.map((row) => row.iata).filter((iata) => iata !== "\\N" && iata !== ""));

function tally(keys: readonly string[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const key of keys) counts[key] = (counts[key] ?? 0) + 1;
  return counts;
}

let context: ImportTestContext;
let reportDir: string;
const prefix = uniquePrefix("places");
let unlocodeReport: ImportReport;
let airportsReport: ImportReport;

function timing(report: ImportReport): string {
  return `${report.rowsRead} rows in ${(report.elapsedMs / 1000).toFixed(1)} s (${Math.round((report.rowsRead * 1000) / report.elapsedMs)} rows/s)`;
}

beforeAll(async () => {
  context = await importTestContext();
  reportDir = await mkdtemp(path.join(tmpdir(), "import-test-"));
  await importCountries(context, prefix, reportDir);
  unlocodeReport = await importFiles(context.executor, UNLOCODE_MAPPING, [UNLOCODE_FILE], { registry: context.registry, reportDir, idPrefix: prefix });
  airportsReport = await importFiles(context.executor, AIRPORTS_MAPPING, [AIRPORTS_FILE], { registry: context.registry, reportDir, idPrefix: prefix });
  console.log(`UN/LOCODE import: ${timing(unlocodeReport)}; OpenFlights airports import: ${timing(airportsReport)}`);
});

afterAll(async () => {
  if (context) {
    await deleteWorld(context.executor, prefix);
    await context.driver.close();
  }
});

async function rows<T>(query: string, parameters: Record<string, unknown> = {}): Promise<T[]> {
  return (await context.executor.read(query, { prefix, ...parameters })) as T[];
}

describe("UN/LOCODE", () => {
  it("makes one place per LOCODE whose row has a function mask, each in its country", async () => {
    const counts = await countsOf(context, `${prefix}unlocode`);
    const inKnownCountry = placeRows.filter((row) => countryCodes.has(row.country));
    expect(counts.nodes).toEqual({ Place: placeRows.length });
    expect(counts.relationships).toEqual({ IN_COUNTRY: inKnownCountry.length, SOURCED_FROM: placeRows.length });
    expect(unlocodeReport).toMatchObject({ rowsRead: unlocode.length, rowsLoaded: placeRows.length, rowsRejected: unlocode.length - placeRows.length });
    // Only the country code XZ (international waters) is not a country.
    expect(unlocodeReport.flags.byKind).toEqual({ country: placeRows.length - inKnownCountry.length });
    expect(new Set(placeRows.filter((row) => !countryCodes.has(row.country)).map((row) => row.country))).toEqual(new Set(["XZ"]));
  });

  it("gives each place the kind its function mask says", async () => {
    const kinds = await rows<{ kind: string; n: number }>(
      `MATCH (p:Place)-[:SOURCED_FROM]->(:Source {id: $prefix + "unlocode"}) RETURN p.kind AS kind, count(*) AS n`,
    );
    expect(Object.fromEntries(kinds.map(({ kind, n }) => [kind, Number(n)]))).toEqual(tally(placeRows.map((row) => kindOfMask(row.function)!)));
  });

  it("rejects repeated LOCODEs and rows whose columns were shifted, and nothing else", async () => {
    const repeated = unlocode.length - firstOfLocode.size;
    const shifted = [...firstOfLocode.values()].filter((row) => kindOfMask(row.function) === null);
    // The shifted rows are those whose quoted name, holding a comma, was split ('"Bandung', ' Java"').
    expect(shifted.every((row) => row.name.startsWith('"'))).toBe(true);
    expect(unlocodeReport.rowsRejected).toBe(repeated + shifted.length);
  });

  it("loads rows whose unused name column has U+FFFD, under their clean name", async () => {
    const withReplacement = placeRows.filter((row) => row.name.includes("\uFFFD"));
    expect(withReplacement.length).toBeGreaterThan(1000);
    const [{ n }] = await rows<{ n: number }>(`MATCH (p:Place) WHERE p.id IN $ids RETURN count(p) AS n`, {
      ids: withReplacement.map((row) => `${prefix}locode:${row.country}${row.location}`),
    });
    expect(Number(n)).toBe(withReplacement.length);
    const [catLai] = await rows<Record<string, unknown>>(`MATCH (p:Place {id: $prefix + "locode:VNCLI"}) RETURN p.name AS name, p.kind AS kind`);
    expect(catLai).toEqual({ name: "Cat Lai", kind: "SEAPORT" });
  });

  it("gives Hai Phong its kind, codes, coordinates and country", async () => {
    const [haiPhong] = await rows<Record<string, unknown>>(
      `MATCH (p:Place {id: $prefix + "locode:VNHPH"})-[:IN_COUNTRY]->(c:Country)
       RETURN p.name AS name, p.kind AS kind, p.locode AS locode, p.unlocodeFunction AS mask, p.latitude AS latitude,
              p.longitude AS longitude, p.coordinatesGeocoded AS geocoded, c.id AS country`,
    );
    expect(haiPhong).toEqual({
      name: "Haiphong", kind: "SEAPORT", locode: "VNHPH", mask: "1-------", latitude: 20.858864, longitude: 106.6749591,
      geocoded: true, country: `${prefix}VN`,
    });
    const [mohan] = await rows<Record<string, unknown>>(`MATCH (p:Place {id: $prefix + "locode:CNMHN"}) RETURN p.kind AS kind, p.name AS name`);
    expect(mohan).toEqual({ kind: "ROAD", name: "Mohan" });
  });
});

describe("OpenFlights airports", () => {
  it("makes one airport per IATA code, each in its country unless the country name is flagged", async () => {
    const counts = await countsOf(context, `${prefix}openflights-airports`);
    expect(counts.nodes).toEqual({ Place: iataCodes.size });
    const flagged = airportsReport.flags.byKind.country ?? 0;
    expect(counts.relationships).toEqual({ IN_COUNTRY: iataCodes.size - flagged, SOURCED_FROM: iataCodes.size });
    expect(airportsReport).toMatchObject({ rowsRead: airports.length, rowsLoaded: airports.length, rowsRejected: 0 });
    expect(Object.keys(airportsReport.flags.byKind)).toEqual(flagged > 0 ? ["country"] : []);
    console.log(`OpenFlights country names flagged: ${flagged} airports`, airportsReport.flags.values.country);
  });

  it("gives Noi Bai its name, code, coordinates, city and country", async () => {
    const [noiBai] = await rows<Record<string, unknown>>(
      `MATCH (p:Place {id: $prefix + "iata:HAN"})-[:IN_COUNTRY]->(c:Country)
       RETURN p.name AS name, p.kind AS kind, p.iataCode AS iata, p.latitude AS latitude, p.longitude AS longitude,
              p.searchText AS searchText, c.id AS country`,
    );
    expect(noiBai).toEqual({
      name: "Noi Bai International Airport", kind: "AIRPORT", iata: "HAN", latitude: 21.221200942993164,
      longitude: 105.80699920654297, searchText: "Hanoi HAN VVNB", country: `${prefix}VN`,
    });
  });
});

describe("importing again", () => {
  it("changes nothing", { timeout: 90_000 }, async () => {
    const again = [
      await importFiles(context.executor, UNLOCODE_MAPPING, [UNLOCODE_FILE], { registry: context.registry, reportDir, idPrefix: prefix }),
      await importFiles(context.executor, AIRPORTS_MAPPING, [AIRPORTS_FILE], { registry: context.registry, reportDir, idPrefix: prefix }),
    ];
    console.log(`re-import: UN/LOCODE ${timing(again[0])}; OpenFlights ${timing(again[1])}`);
    for (const [index, report] of again.entries()) {
      const first = [unlocodeReport, airportsReport][index];
      expect(report.nodesAdded).toBe(0);
      expect(report.relationshipsAdded).toBe(0);
      expect(report.nodes).toEqual(Object.fromEntries(Object.entries(first.nodes).map(([label, { after }]) => [label, { before: after, after }])));
      expect(report.relationships).toEqual(
        Object.fromEntries(Object.entries(first.relationships).map(([type, { after }]) => [type, { before: after, after }])),
      );
    }
  });
});
