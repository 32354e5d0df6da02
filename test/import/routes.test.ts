import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { ImportAbortedError, importFiles } from "../../src/import/import-files.js";
import { exitCodeOf, type ImportReport } from "../../src/import/report/import-report.js";
import {
  COUNTRIES_FILE,
  countsOf,
  deleteWorld,
  importCountries,
  importTestContext,
  readCsv,
  ROUTES_ISO_OF,
  ROUTES_DIR,
  ROUTES_MAPPING,
  uniquePrefix,
  type ImportTestContext,
} from "./helpers/import-context.js";
import { spawnCli } from "./helpers/run-cli.js";

/**
 * ROUTES imported into the shared test database in a world of this file's own (an id prefix, on
 * its countries too), after the countries it refers to. Every expected figure is computed here from the CSV
 * files with csv-parse, never through the import code.
 */
const tot = readCsv(path.join(ROUTES_DIR, "tot.csv"));
const transit = readCsv(path.join(ROUTES_DIR, "transittots.csv"));
const countries = readCsv(COUNTRIES_FILE);

function iso(name: string): string {
  const code = ROUTES_ISO_OF[name.trim()];
  if (!code) throw new Error(`the test's table lacks the country "${name}"`);
  return code;
}

function tally(keys: readonly string[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const key of keys) counts[key] = (counts[key] ?? 0) + 1;
  return counts;
}

const STOP_COLUMNS: [role: string, country: string][] = [
  ["ORIGIN", "Origin Country1"], ["ORIGIN", "Origin Country2"], ["ORIGIN", "Origin Country3"],
  ["TRANSIT", "Transit Country1"], ["TRANSIT", "Transit Country2"], ["TRANSIT", "Transit Country3"], ["TRANSIT", "Transit Country4"],
  ["DESTINATION", "Destination Country1"], ["DESTINATION", "Destination Country2"], ["DESTINATION", "Destination Country3"],
];

let context: ImportTestContext;
let reportDir: string;
const prefix = uniquePrefix("routes");
const sourceId = `${prefix}routes-airport-seizures`;
const interruptedPrefix = uniquePrefix("routes-interrupted");
const killedPrefix = uniquePrefix("routes-killed");
let first: ImportReport;
let countriesReport: ImportReport;

beforeAll(async () => {
  context = await importTestContext();
  reportDir = await mkdtemp(path.join(tmpdir(), "import-test-"));
  countriesReport = await importCountries(context, prefix, reportDir);
  first = await importFiles(context.executor, ROUTES_MAPPING, [ROUTES_DIR], { registry: context.registry, reportDir, idPrefix: prefix });
});

afterAll(async () => {
  if (context) {
    for (const world of [prefix, interruptedPrefix, killedPrefix]) await deleteWorld(context.executor, world);
    await context.driver.close();
  }
});

async function rows<T>(query: string, parameters: Record<string, unknown> = {}): Promise<T[]> {
  return (await context.executor.read(query, { sourceId, prefix, ...parameters })) as T[];
}

/** An id of this file's world without its prefix. */
function bare(id: string): string {
  expect(id.startsWith(prefix), id).toBe(true);
  return id.slice(prefix.length);
}

describe("countries", () => {
  it("makes the 250 countries and one BORDERS per pair of land neighbours", async () => {
    const pairs = new Set(
      countries.flatMap((country) =>
        country.borders_cca3
          .split(",")
          .filter(Boolean)
          .map((neighbour) => [country.cca3, neighbour].sort().join("-")),
      ),
    );
    const counts = await countsOf(context, `${prefix}mledoze-countries`);
    expect(counts.nodes).toEqual({ Country: 250 });
    expect(counts.relationships).toEqual({ BORDERS: pairs.size, SOURCED_FROM: 250 });
    expect(countriesReport.rowsLoaded).toBe(250);
    expect(countriesReport.flags.total).toBe(0);
  });

  it("gives a country its codes, names, centroid and neighbours", async () => {
    const [laos] = await rows<Record<string, unknown>>(
      `MATCH (c:Country {id: $prefix + "LA"})
       RETURN c.iso3 AS iso3, c.name AS name, c.nameZh AS nameZh, c.latitude AS latitude, c.longitude AS longitude,
              c.alternativeNames AS alternativeNames,
              [(c)-[:BORDERS {sourceId: $prefix + "mledoze-countries"}]-(n) | n.id] AS neighbours`,
    );
    expect({ ...laos, neighbours: (laos.neighbours as string[]).map(bare).sort() }).toEqual({
      iso3: "LAO",
      name: "Laos",
      nameZh: "老挝",
      latitude: 18,
      longitude: 105,
      alternativeNames: ["Lao People's Democratic Republic", "LA", "Lao", "Sathalanalat Paxathipatai Paxaxon Lao"],
      neighbours: ["CN", "KH", "MM", "TH", "VN"],
    });
  });
});

describe("ROUTES airport seizures", () => {
  it("loads every row, flags what it cannot resolve, and exits 0", () => {
    expect(first).toMatchObject({ rowsRead: 773, rowsLoaded: 773, rowsRejected: 0, rejectsFile: null });
    expect(exitCodeOf(first)).toBe(0);
    // Every country name of ROUTES resolves; the date range and two weights do not.
    expect(first.flags.byKind.country).toBeUndefined();
    expect(first.flags.values.date).toEqual([{ value: "Date: 5/17/2011 to 5/26/2011", count: 1 }]);
    expect(first.flags.values.weight).toEqual([
      { value: "Weight (kg): 100s", count: 1 },
      { value: "Weight (kg): 400g each", count: 1 },
    ]);
  });

  it("makes exactly 773 seizures, each with one shipment", async () => {
    const counts = await countsOf(context, sourceId);
    expect(counts.nodes.Seizure).toBe(773);
    expect(counts.nodes.Shipment).toBe(773);
    expect(counts.relationships.INTERCEPTED).toBe(773);
  });

  it("counts seizures per seizure country as transittots.csv does", async () => {
    const expected = tally(transit.filter((row) => row["Seizure Country"].trim()).map((row) => iso(row["Seizure Country"])));
    const actual = await rows<{ country: string; count: number }>(
      `MATCH (:Source {id: $sourceId})<-[:SOURCED_FROM]-(:Seizure)-[r:SEIZED_IN]->(c:Country)
       WHERE r.sourceId = $sourceId
       RETURN c.id AS country, count(*) AS count`,
    );
    expect(Object.fromEntries(actual.map((row) => [bare(row.country), row.count]))).toEqual(expected);
    expect(Object.keys(expected).length).toBeGreaterThan(70);
  });

  it("counts seizures per database as tot.csv does", async () => {
    const actual = await rows<{ database: string; count: number }>(
      `MATCH (:Source {id: $sourceId})<-[:SOURCED_FROM]-(s:Seizure) RETURN s.database AS database, count(*) AS count`,
    );
    expect(Object.fromEntries(actual.map((row) => [row.database, row.count]))).toEqual(tally(tot.map((row) => row.Database)));
    expect(tally(tot.map((row) => row.Database))).toEqual({ Ivory: 282, Reptiles: 259, Birds: 146, "Rhino Horn": 86 });
  });

  /** Each shipment's stops in order, as [role, country code], read from the graph. */
  async function routesInGraph(): Promise<Map<string, [string, string][]>> {
    const stops = await rows<{ shipment: string; seq: number; role: string; country: string }>(
      `MATCH (:Source {id: $sourceId})<-[:SOURCED_FROM]-(shipment:Shipment)-[stop:STOPS_AT]->(target)
       WHERE stop.sourceId = $sourceId
       OPTIONAL MATCH (target:Place)-[:IN_COUNTRY]->(placeCountry:Country)
       RETURN shipment.id AS shipment, stop.seq AS seq, stop.role AS role, coalesce(placeCountry.id, target.id) AS country
       ORDER BY shipment, seq`,
    );
    const routes = new Map<string, [string, string][]>();
    for (const stop of stops) {
      const id = stop.shipment.slice(prefix.length).replace(/^routes-/, "").replace(/-shipment$/, "");
      routes.set(id, [...(routes.get(id) ?? []), [stop.role, bare(stop.country)]]);
    }
    return routes;
  }

  it("counts shipments per origin and destination country pair as transittots.csv does", async () => {
    const expected = tally(
      transit.flatMap((row) => {
        const of = (role: string) => [...new Set(STOP_COLUMNS.filter(([r, column]) => r === role && row[column].trim()).map(([, column]) => iso(row[column])))];
        return of("ORIGIN").flatMap((origin) => of("DESTINATION").map((destination) => `${origin}→${destination}`));
      }),
    );
    const actual: string[] = [];
    for (const route of (await routesInGraph()).values()) {
      const of = (role: string) => [...new Set(route.filter(([r]) => r === role).map(([, country]) => country))];
      actual.push(...of("ORIGIN").flatMap((origin) => of("DESTINATION").map((destination) => `${origin}→${destination}`)));
    }
    expect(tally(actual)).toEqual(expected);
    expect(Object.keys(expected).length).toBeGreaterThan(100);
  });

  it("gives each shipment the whole route of its record, in order, wherever the seizure was made", async () => {
    const routes = await routesInGraph();
    for (const row of transit) {
      const expected = STOP_COLUMNS.filter(([, column]) => row[column].trim()).map(([role, column]) => [role, iso(row[column])]);
      expect(routes.get(row.ID) ?? [], `route of ID ${row.ID}`).toEqual(expected);
    }
    // ID 2 was seized in Melbourne, its destination, after a transit in Dubai; ID 707 in Dubai, in transit.
    expect(routes.get("2")).toEqual([["TRANSIT", "AE"], ["DESTINATION", "AU"]]);
    expect(routes.get("707")).toEqual([["ORIGIN", "CI"], ["TRANSIT", "AE"], ["DESTINATION", "VN"]]);
  });

  it("records where each node and relationship came from", async () => {
    const [orphans] = await rows<{ nodes: number; relationships: number; badRows: number }>(
      `MATCH (:Source {id: $sourceId})<-[p:SOURCED_FROM]-(n)
       WITH count(n) AS nodes, count(CASE WHEN p.row IS NULL OR p.row < 1 OR p.row > 773 THEN 1 END) AS badRows
       OPTIONAL MATCH ()-[r]->() WHERE r.sourceId = $sourceId AND (r.sourceRow IS NULL OR r.sourceRow < 1 OR r.sourceRow > 773)
       RETURN nodes, count(r) AS relationships, badRows`,
    );
    expect(orphans).toEqual({ nodes: Object.values((await countsOf(context, sourceId)).nodes).reduce((a, b) => a + b), relationships: 0, badRows: 0 });
    // A seizure's row is its place in tot.csv (row 1 = first data row).
    const seizures = await rows<{ id: string; row: number }>(
      `MATCH (:Source {id: $sourceId})<-[p:SOURCED_FROM]-(s:Seizure) RETURN s.id AS id, p.row AS row`,
    );
    const rowOfId = new Map(tot.map((row, index) => [`${prefix}routes-${row.ID}`, index + 1]));
    expect(seizures.every((seizure) => rowOfId.get(seizure.id) === seizure.row)).toBe(true);
  });

  it("keeps the raw text beside each normalised value", async () => {
    const [seizure] = await rows<Record<string, unknown>>(
      `MATCH (s:Seizure {id: $id})-[:INTERCEPTED]->(shipment)
       RETURN s.date AS date, s.dateText AS dateText, shipment.mode AS mode, shipment.modeText AS modeText,
              [(s)-[:RECOVERED]->(line) | line {.speciesText, .product, .quantity, .quantityText, .unit}] AS lines`,
      { id: `${prefix}routes-2` },
    );
    expect({ ...seizure, lines: (seizure.lines as { speciesText: string }[]).sort((a, b) => a.speciesText.localeCompare(b.speciesText)) }).toEqual({
      date: "2009-02-03",
      dateText: "3-Feb-09",
      mode: "PASSENGER_LUGGAGE",
      modeText: "Passenger Clothing/Items; luggage",
      // Number 4 is a total for both species: kept as text on each line, given to neither.
      lines: [
        { speciesText: "Bird eggs", product: "EGGS", quantity: null, quantityText: "4", unit: "PIECES" },
        { speciesText: "Pigeons", product: "LIVE", quantity: null, quantityText: "4", unit: "INDIVIDUALS" },
      ],
    });
    const [range] = await rows<Record<string, unknown>>(`MATCH (s:Seizure {id: $id}) RETURN s.date AS date, s.dateText AS dateText`, {
      id: `${prefix}routes-180`,
    });
    expect(range).toEqual({ date: null, dateText: "5/17/2011 to 5/26/2011" });
  });

  it("changes nothing when imported again", async () => {
    const before = await countsOf(context, sourceId);
    const again = await importFiles(context.executor, ROUTES_MAPPING, [ROUTES_DIR], { registry: context.registry, reportDir, idPrefix: prefix });
    expect(await countsOf(context, sourceId)).toEqual(before);
    expect(again).toMatchObject({ rowsLoaded: 773, nodesAdded: 0, relationshipsAdded: 0 });
    expect(again.flags).toEqual(first.flags);
  });

  it("ends with exactly the same counts when an interrupted import is run again", async () => {
    const interruptedSource = `${interruptedPrefix}routes-airport-seizures`;
    await importCountries(context, interruptedPrefix, reportDir);
    const controller = new AbortController();
    const stopped = await importFiles(context.executor, ROUTES_MAPPING, [ROUTES_DIR], {
      registry: context.registry,
      reportDir,
      idPrefix: interruptedPrefix,
      batchSize: 100,
      signal: controller.signal,
      onProgress: (progress) => {
        if (progress.batches === 2) controller.abort();
      },
    }).catch((error: unknown) => error);
    expect(stopped).toBeInstanceOf(ImportAbortedError);
    expect((stopped as ImportAbortedError).report).toMatchObject({ batches: 2, rowsLoaded: 200 });
    const partial = await countsOf(context, interruptedSource);
    expect(partial.nodes.Seizure).toBe(200);

    await importFiles(context.executor, ROUTES_MAPPING, [ROUTES_DIR], { registry: context.registry, reportDir, idPrefix: interruptedPrefix });
    expect(await countsOf(context, interruptedSource)).toEqual(await countsOf(context, sourceId));
  });

  it("ends with exactly the same counts when an import killed mid-way (kill -9) is run again", async () => {
    const killedSource = `${killedPrefix}routes-airport-seizures`;
    await importCountries(context, killedPrefix, reportDir);
    const child = spawnCli(["--mapping", ROUTES_MAPPING, ROUTES_DIR, "--batch-size", "25", "--id-prefix", killedPrefix, "--report-dir", reportDir]);
    let progress = "";
    await new Promise<void>((resolve, reject) => {
      child.stderr!.on("data", (chunk) => {
        progress += chunk;
        if (/^batch 3:/m.test(progress)) child.kill("SIGKILL");
      });
      child.on("error", reject);
      child.on("close", () => resolve());
    });
    expect(child.signalCode).toBe("SIGKILL");
    const partial = (await countsOf(context, killedSource)).nodes.Seizure ?? 0;
    expect(partial).toBeGreaterThanOrEqual(75);
    expect(partial).toBeLessThan(773);

    await importFiles(context.executor, ROUTES_MAPPING, [ROUTES_DIR], { registry: context.registry, reportDir, idPrefix: killedPrefix });
    expect(await countsOf(context, killedSource)).toEqual(await countsOf(context, sourceId));
  });
});
