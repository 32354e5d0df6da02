import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { importFiles } from "../../src/import/import-files.js";
import { startTestApi, type TestApi } from "../helpers/test-api.js";
import {
  COUNTRIES_FILE,
  deleteWorld,
  importCountries,
  importTestContext,
  readCsv,
  ROUTES_ISO_OF,
  ROUTES_DIR,
  ROUTES_MAPPING,
  uniquePrefix,
  type ImportTestContext,
} from "../import/helpers/import-context.js";

/**
 * What the demo loads at `npm start` (countries, then ROUTES), imported into the shared test
 * database in a world of this file's own (an id prefix), and read back through the GraphQL API.
 * Expected values come from tot.csv and transittots.csv read with csv-parse.
 */
const tot = readCsv(path.join(ROUTES_DIR, "tot.csv"));
const transit = new Map(readCsv(path.join(ROUTES_DIR, "transittots.csv")).map((row) => [row.ID, row]));
const countries = readCsv(COUNTRIES_FILE);


/** ISO 3166 alpha-2 to alpha-3: the API gives a country's iso3 as stored (its code carries this file's prefix). */
const ISO3_OF: Record<string, string> = Object.fromEntries(countries.map((country) => [country.cca2, country.cca3]));
const iso3 = (name: string) => (ROUTES_ISO_OF[name] ? ISO3_OF[ROUTES_ISO_OF[name]] : null);

const STOPS: [role: string, country: string, city: string][] = [
  ["ORIGIN", "Origin Country1", "Origin City1"], ["ORIGIN", "Origin Country2", "Origin City2"], ["ORIGIN", "Origin Country3", "Origin City3"],
  ["TRANSIT", "Transit Country1", "Transit City1"], ["TRANSIT", "Transit Country2", "Transit City2"],
  ["TRANSIT", "Transit Country3", "Transit City3"], ["TRANSIT", "Transit Country4", "Transit City4"],
  ["DESTINATION", "Destination Country1", "Destination City1"], ["DESTINATION", "Destination Country2", "Destination City2"],
  ["DESTINATION", "Destination Country3", "Destination City 3"],
];

/** The route the CSV gives a seizure: stops in order, empty ones skipped (no place is loaded here, so each stop is its country). */
function expectedRoute(id: string) {
  const row = transit.get(id)!;
  return STOPS.filter(([, country, city]) => (row[country] ?? "").trim() || (row[city] ?? "").trim()).map(([role, country, city], sequence) => {
    const countryName = row[country].trim();
    const cityName = (row[city] ?? "").trim();
    return {
      sequence,
      role,
      placeText: cityName && countryName ? `${cityName}, ${countryName}` : cityName || countryName,
      country: countryName ? iso3(countryName) : null,
    };
  });
}

const SEIZURE = `query ($id: ID!) {
  seizure(id: $id) {
    id synthetic date dateText locationText
    country { iso3 name }
    sources { row source { id kind } }
    commodities { product unit quantity weightKg quantityText }
    shipments { mode route { sequence role placeText country { iso3 } place { id } } }
  }
}`;

let context: ImportTestContext;
let api: TestApi;
let reportDir: string;
const prefix = uniquePrefix("demo-routes");

beforeAll(async () => {
  context = await importTestContext();
  reportDir = await mkdtemp(path.join(tmpdir(), "demo-routes-"));
  await importCountries(context, prefix, reportDir);
  await importFiles(context.executor, ROUTES_MAPPING, [path.join(ROUTES_DIR, "tot.csv"), path.join(ROUTES_DIR, "transittots.csv")], {
    registry: context.registry,
    reportDir,
    idPrefix: prefix,
  });
  api = await startTestApi();
});

afterAll(async () => {
  await api?.close();
  if (context) {
    await deleteWorld(context.executor, prefix);
    await context.driver.close();
  }
  if (reportDir) await rm(reportDir, { recursive: true, force: true });
});

describe("ROUTES seizures through the API, as the demo loads them", () => {
  it("answers a real seizure (ID 707: 300 kg of ivory seized in Dubai, Ivory Coast → Dubai → Vietnam) with its route", async () => {
    const response = await api.post(SEIZURE, { id: `${prefix}routes-707` });
    expect(response.errors).toBeUndefined();
    const seizure = response.data!.seizure;
    const index = tot.findIndex((row) => row.ID === "707");
    const row = tot[index];
    expect(seizure).toMatchObject({
      synthetic: false,
      date: "2015-04-22",
      dateText: row.Date,
      locationText: row.Location,
      country: { name: "United Arab Emirates" },
    });
    expect(seizure.country.iso3).toBe(iso3(transit.get("707")!["Seizure Country"]));
    expect(seizure.sources).toEqual([{ row: index + 1, source: { id: `${prefix}routes-airport-seizures`, kind: "DATASET" } }]);
    expect(seizure.commodities).toEqual([
      { product: "RAW_IVORY", unit: "KG", quantity: Number(row["Weight (kg)"]), weightKg: Number(row["Weight (kg)"]), quantityText: row["Weight (kg)"] },
    ]);
    const [shipment] = seizure.shipments;
    expect(shipment.mode).toBe("AIR");
    const route = shipment.route.map((stop: any) => ({ sequence: stop.sequence, role: stop.role, placeText: stop.placeText, country: stop.country?.iso3 ?? null }));
    expect(route).toEqual(expectedRoute("707"));
    expect(route.map((stop: any) => `${stop.role} ${stop.country}`)).toEqual(["ORIGIN CIV", "TRANSIT ARE", "DESTINATION VNM"]);
  });

  it("gives the first 40 seizures of tot.csv the seizure country and route of transittots.csv", async () => {
    for (const row of tot.slice(0, 40)) {
      const response = await api.post(SEIZURE, { id: `${prefix}routes-${row.ID}` });
      expect(response.errors, row.ID).toBeUndefined();
      const seizure = response.data!.seizure;
      expect(seizure, row.ID).not.toBeNull();
      const countryName = transit.get(row.ID)!["Seizure Country"].trim();
      expect(seizure.country?.iso3 ?? null, row.ID).toBe(countryName ? iso3(countryName) : null);
      const route = seizure.shipments[0].route.map((stop: any) => ({
        sequence: stop.sequence,
        role: stop.role,
        placeText: stop.placeText,
        country: stop.country?.iso3 ?? null,
      }));
      expect(route, row.ID).toEqual(expectedRoute(row.ID));
    }
  });
});
