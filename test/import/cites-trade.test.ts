import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { projectRoot } from "../../src/config.js";
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
 * The CITES Trade Database records of pangolins (non-commercial licence: read from ../shared, never
 * shipped), imported into a world of this file's own with the countries and the demo's species
 * subset. Every expected figure is counted here from the CSV files, read with csv-parse.
 */
const TRADE_FILE = path.join(projectRoot, "..", "shared", "data", "cites-trade-manidae", "manidae_shipments.csv");
const TRADE_MAPPING = path.join(MAPPINGS, "cites-trade-manidae.yaml");
const SPECIES_MAPPING = path.join(MAPPINGS, "cites-species.yaml");
const SPECIES_SUBSET = path.join(DATA, "cites-species", "species-subset.csv");
const haveTradeFile = existsSync(TRADE_FILE);
if (!haveTradeFile) console.warn(`${TRADE_FILE} is missing: the CITES trade tests are skipped`);

const prefix = uniquePrefix("cites-trade");
const sourceId = `${prefix}cites-trade-manidae`;

let context: ImportTestContext;
let reportDir: string;
let first: ImportReport;

const trade = haveTradeFile ? readCsv(TRADE_FILE) : [];
const countryCodes = new Set(readCsv(COUNTRIES_FILE).map((row) => row.cca2));
const speciesNames = new Set(readCsv(SPECIES_SUBSET).filter((row) => row.RankName === "SPECIES").map((row) => row.FullName.trim()));
/** A country code the graph has: XX is CITES' "unknown", and retired codes (SU) are not in the country data. */
const isCountry = (code: string) => code !== "XX" && countryCodes.has(code);
const confiscations = trade.filter((row) => row.source === "I");

function tally(rows: readonly Record<string, string>[], key: (row: Record<string, string>) => string | null): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const row of rows) {
    const value = key(row);
    if (value !== null) counts[value] = (counts[value] ?? 0) + 1;
  }
  return counts;
}

async function rows<T>(query: string, parameters: Record<string, unknown> = {}): Promise<T[]> {
  return (await context.executor.read(query, { sourceId, prefix, ...parameters })) as T[];
}

/** `[key, count]` rows into a record, with the world's prefix taken off the keys. */
function asRecord(list: readonly { key: string; count: number }[]): Record<string, number> {
  return Object.fromEntries(list.map(({ key, count }) => [key.startsWith(prefix) ? key.slice(prefix.length) : key, count]));
}

beforeAll(async () => {
  if (!haveTradeFile) return;
  context = await importTestContext();
  reportDir = await mkdtemp(path.join(tmpdir(), "cites-trade-"));
  await importCountries(context, prefix, reportDir);
  await importFiles(context.executor, SPECIES_MAPPING, [SPECIES_SUBSET], { registry: context.registry, reportDir, idPrefix: prefix });
  first = await importFiles(context.executor, TRADE_MAPPING, [TRADE_FILE], { registry: context.registry, reportDir, idPrefix: prefix });
}, 300_000);

afterAll(async () => {
  if (context) {
    await deleteWorld(context.executor, prefix);
    await context.driver.close();
  }
  if (reportDir) await rm(reportDir, { recursive: true, force: true });
});

describe.skipIf(!haveTradeFile)("the CITES trade records of pangolins (from ../shared)", () => {
  it("loads every row as a trade record, and the confiscations (source I) as seizures too", async () => {
    expect(trade.length).toBe(3631);
    expect(confiscations.length).toBe(548);
    expect(first).toMatchObject({ rowsRead: trade.length, rowsLoaded: trade.length, rowsRejected: 0, rowsSkipped: 0 });
    const counts = await countsOf(context, sourceId);
    expect(counts.nodes).toEqual({ TradeRecord: trade.length, Seizure: confiscations.length, CommodityLine: confiscations.length });
    const [{ records, seizures }] = await rows<{ records: number; seizures: number }>(
      `MATCH (source:Source {id: $sourceId})
       RETURN COUNT { (source)<-[:SOURCED_FROM]-(:TradeRecord) } AS records,
              COUNT { (source)<-[:SOURCED_FROM]-(:Seizure)<-[:RECORDS]-(:TradeRecord {sourceCode: "I"}) } AS seizures`,
    );
    expect({ records, seizures }).toEqual({ records: trade.length, seizures: confiscations.length });
  });

  it("counts trade records per importer, exporter and origin country as the CSV does", async () => {
    for (const [type, column] of [
      ["IMPORTED_BY", "importer"],
      ["EXPORTED_BY", "exporter"],
      ["ORIGINATED_IN", "origin"],
    ] as const) {
      const graph = await rows<{ key: string; count: number }>(
        `MATCH (:Source {id: $sourceId})<-[:SOURCED_FROM]-(record:TradeRecord)-[rel]->(country:Country)
         WHERE type(rel) = $type
         RETURN country.id AS key, count(*) AS count`,
        { type },
      );
      expect(asRecord(graph), type).toEqual(tally(trade, (row) => (isCountry(row[column]) ? row[column] : null)));
    }
  });

  it("counts trade records per term as the CSV does, keeping the CITES codes as written", async () => {
    const graph = await rows<{ key: string; count: number }>(
      `MATCH (:Source {id: $sourceId})<-[:SOURCED_FROM]-(record:TradeRecord) RETURN record.term AS key, count(*) AS count`,
    );
    expect(asRecord(graph)).toEqual(tally(trade, (row) => row.term));
    const [record] = await rows<Record<string, unknown>>(
      `MATCH (record:TradeRecord {id: $id})
       RETURN record.year AS year, record.appendix AS appendix, record.taxonText AS taxonText, record.quantity AS quantity,
              record.unit AS unit, record.purpose AS purpose, record.sourceCode AS sourceCode, record.reporterType AS reporterType`,
      { id: `${prefix}cites-trade-${trade[1].id}` },
    );
    const row = trade[1];
    expect(record).toEqual({
      year: Number(row.year),
      appendix: row.appendix,
      taxonText: row.taxon,
      quantity: Number(row.quantity),
      unit: row.unit || null,
      purpose: row.purpose || null,
      sourceCode: row.source || null,
      reporterType: row.reporter_type,
    });
  });

  it("links a record to its species where the taxon names one, and flags genus-level taxa", async () => {
    const graph = await rows<{ key: string; count: number }>(
      `MATCH (:Source {id: $sourceId})<-[:SOURCED_FROM]-(:TradeRecord)-[:OF_SPECIES]->(species:Species)
       RETURN species.scientificName AS key, count(*) AS count`,
    );
    expect(asRecord(graph)).toEqual(tally(trade, (row) => (speciesNames.has(row.taxon) ? row.taxon : null)));
    const unresolvedCountries = trade.flatMap((row) =>
      [row.importer, row.exporter, row.origin].filter((code) => code !== "" && code !== "XX" && !countryCodes.has(code)),
    );
    expect(first.flags.byKind).toEqual({
      species: trade.filter((row) => !speciesNames.has(row.taxon)).length,
      ...(unresolvedCountries.length > 0 ? { country: unresolvedCountries.length } : {}),
    });
  });

  it("makes each confiscation a seizure in the importing country, dated by its year only, with one commodity line", async () => {
    const perCountry = await rows<{ key: string; count: number }>(
      `MATCH (:Source {id: $sourceId})<-[:SOURCED_FROM]-(seizure:Seizure)-[:SEIZED_IN]->(country:Country)
       RETURN country.id AS key, count(*) AS count`,
    );
    expect(asRecord(perCountry)).toEqual(tally(confiscations, (row) => (isCountry(row.importer) ? row.importer : null)));
    const perYear = await rows<{ key: string; count: number }>(
      `MATCH (:Source {id: $sourceId})<-[:SOURCED_FROM]-(seizure:Seizure)-[:RECOVERED]->(:CommodityLine)
       WHERE seizure.date IS NULL
       RETURN seizure.dateText AS key, count(*) AS count`,
    );
    expect(asRecord(perYear)).toEqual(tally(confiscations, (row) => row.year));
    const weighed = await rows<{ key: string; count: number }>(
      `MATCH (:Source {id: $sourceId})<-[:SOURCED_FROM]-(line:CommodityLine)
       RETURN line.unit AS key, count(*) AS count`,
    );
    expect(asRecord(weighed)).toEqual(
      tally(confiscations, (row) =>
        row.unit === "" && row.term === "live" ? "INDIVIDUALS" : ["", "pieces"].includes(row.unit) ? "PIECES" : ["kg", "g"].includes(row.unit) ? "KG" : "UNKNOWN",
      ),
    );
    const grams = confiscations.find((row) => row.unit === "g")!;
    const [line] = await rows<{ weightKg: number; quantityText: string; product: string }>(
      `MATCH (line:CommodityLine {id: $id}) RETURN line.weightKg AS weightKg, line.quantityText AS quantityText, line.product AS product`,
      { id: `${prefix}cites-trade-${grams.id}-seizure-line` },
    );
    expect(line.weightKg).toBeCloseTo(Number(grams.quantity) / 1000, 9);
    expect(line.quantityText).toBe(`${grams.quantity} g`);
  });

  it("changes nothing when imported again", async () => {
    const before = await countsOf(context, sourceId);
    const again = await importFiles(context.executor, TRADE_MAPPING, [TRADE_FILE], { registry: context.registry, reportDir, idPrefix: prefix });
    expect(await countsOf(context, sourceId)).toEqual(before);
    expect(again).toMatchObject({ rowsLoaded: trade.length, nodesAdded: 0, relationshipsAdded: 0 });
    expect(again.flags).toEqual(first.flags);
  }, 120_000);
});
