import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { importFiles } from "../../src/import/import-files.js";
import type { ImportReport } from "../../src/import/report/import-report.js";
import { deleteWorld, importCountries, importTestContext, uniquePrefix, type ImportTestContext } from "./helpers/import-context.js";

/**
 * A route that returns where it started ("TH; LA; TH") keeps its return stop: a list group keeps
 * repeated items unless the mapping says `unique: true`, and a sequenced relationship stores one
 * relationship per stop, the same country at two positions being two relationships.
 */
const prefix = uniquePrefix("list-repeats");

function mappingText(sourceId: string, unique: boolean): string {
  return `
version: 1
source: { id: ${sourceId}, title: T, publisher: P, licence: MIT, retrievedOn: 2026-01-01, reliability: F, kind: SYNTHETIC, synthetic: true }
input:
  file: routes.csv
  key: id
  columns: [id, route]
groups:
  stop:
    list: { column: route, separator: ";"${unique ? ", unique: true" : ""} }
nodes:
  shipment: { label: Shipment, id: "${sourceId}-{id}", properties: { mode: { value: ROAD } } }
references:
  stop:
    group: stop
    required: true
    country: { slot: item }
relationships:
  route:
    type: STOPS_AT
    from: shipment
    to: stop
    sequenced: true
    properties: { seq: { slot: index }, role: { value: TRANSIT }, placeText: { slot: item } }
`;
}

let context: ImportTestContext;
let folder: string;
let first: ImportReport;
let again: ImportReport;
let unique: ImportReport;

async function importRoutes(sourceId: string, isUnique: boolean): Promise<ImportReport> {
  const mapping = path.join(folder, `${sourceId}.yaml`);
  await writeFile(mapping, mappingText(sourceId, isUnique));
  return importFiles(context.executor, mapping, [path.join(folder, "routes.csv")], {
    registry: context.registry,
    reportDir: folder,
    idPrefix: prefix,
  });
}

/** The stops of a shipment, read straight from the graph, in sequence order. */
async function stops(shipmentId: string) {
  return context.executor.read(
    `MATCH (:Shipment {id: $id})-[stop:STOPS_AT]->(country:Country)
     RETURN stop.seq AS seq, substring(country.id, size($prefix)) AS country, stop.placeText AS placeText
     ORDER BY seq`,
    { id: `${prefix}${shipmentId}`, prefix },
  );
}

beforeAll(async () => {
  context = await importTestContext();
  folder = await mkdtemp(path.join(tmpdir(), "import-list-repeats-"));
  await importCountries(context, prefix, folder);
  await writeFile(path.join(folder, "routes.csv"), "id,route\n1,TH; LA; TH\n2,VN; LA; VN; LA\n");
  first = await importRoutes("route-repeats", false);
  again = await importRoutes("route-repeats", false);
  unique = await importRoutes("route-unique", true);
});

afterAll(async () => {
  if (context) {
    await deleteWorld(context.executor, prefix);
    await context.driver.close();
  }
});

describe("a list group with repeated items", () => {
  it("keeps every stop of a route that returns where it started", async () => {
    expect(first.rowsLoaded).toBe(2);
    expect(await stops("route-repeats-1")).toEqual([
      { seq: 0, country: "TH", placeText: "TH" },
      { seq: 1, country: "LA", placeText: "LA" },
      { seq: 2, country: "TH", placeText: "TH" },
    ]);
    expect(await stops("route-repeats-2")).toEqual([
      { seq: 0, country: "VN", placeText: "VN" },
      { seq: 1, country: "LA", placeText: "LA" },
      { seq: 2, country: "VN", placeText: "VN" },
      { seq: 3, country: "LA", placeText: "LA" },
    ]);
    expect(first.relationships.STOPS_AT).toEqual({ before: 0, after: 7 });
  });

  it("adds nothing when imported again", async () => {
    expect(again.relationshipsAdded).toBe(0);
    expect(again.relationships.STOPS_AT).toEqual({ before: 7, after: 7 });
    expect(await stops("route-repeats-1")).toHaveLength(3);
  });

  it("keeps only the first of each item when the group is unique", async () => {
    expect(await stops("route-unique-1")).toEqual([
      { seq: 0, country: "TH", placeText: "TH" },
      { seq: 1, country: "LA", placeText: "LA" },
    ]);
    expect(await stops("route-unique-2")).toEqual([
      { seq: 0, country: "VN", placeText: "VN" },
      { seq: 1, country: "LA", placeText: "LA" },
    ]);
    expect(unique.relationships.STOPS_AT).toEqual({ before: 0, after: 4 });
  });
});
