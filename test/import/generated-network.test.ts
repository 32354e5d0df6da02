import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { generateNetwork } from "../../src/generate/generate-network.js";
import { importGeneratedNetwork } from "../../src/import/generated-files.js";
import type { ImportReport } from "../../src/import/report/import-report.js";
import { readNetwork, type NetworkFiles } from "../generate/network-files.js";
import { countsOf, deleteWorld, importCountries, importTestContext, uniquePrefix, type ImportTestContext } from "./helpers/import-context.js";

/**
 * A small generated network imported with mappings/generated/ into a world of this file's own (an
 * id prefix, on its countries, places and species too), checked against the generator's files
 * (read with csv-parse) and its ground-truth.json.
 */
const SEED = "gentest";
const SHIPMENTS = 300;
const prefix = uniquePrefix("generated");
const sourceId = `${prefix}generated-network`;
const referenceSourceId = `${prefix}generator-reference`;

let context: ImportTestContext;
let dir: string;
let network: NetworkFiles;
let reports: ImportReport[];

beforeAll(async () => {
  context = await importTestContext();
  dir = await mkdtemp(path.join(tmpdir(), "generated-network-"));
  await generateNetwork({ seed: SEED, shipments: SHIPMENTS, outDir: dir });
  network = await readNetwork(dir);
  await importCountries(context, prefix, path.join(dir, "reports"));
  reports = await importGeneratedNetwork(context.executor, dir, { registry: context.registry, idPrefix: prefix, reference: "all" });
});

afterAll(async () => {
  if (context) {
    await deleteWorld(context.executor, prefix);
    await context.driver.close();
  }
  if (dir) await rm(dir, { recursive: true, force: true });
});

async function rows<T>(query: string, parameters: Record<string, unknown> = {}): Promise<T[]> {
  return (await context.executor.read(query, { sourceId, prefix, ...parameters })) as T[];
}

const count = (table: keyof NetworkFiles["rows"], where: (row: Record<string, string>) => boolean = () => true) =>
  network.rows[table].filter(where).length;

describe("a generated network imported with mappings/generated", () => {
  it("loads every row of every file, with no reject and no flag", () => {
    for (const report of reports) {
      expect({ file: path.basename(report.mainFile), rejected: report.rowsRejected, flags: report.flags.total }).toEqual({
        file: path.basename(report.mainFile),
        rejected: 0,
        flags: 0,
      });
      const file = path.basename(report.mainFile);
      expect(report.rowsLoaded, file).toBe(network.truth.files[file]);
    }
    expect(reports).toHaveLength(14);
  });

  it("makes one node per row of each node file, and the CSV row counts agree with ground-truth.json", async () => {
    for (const [name, rowsOf] of Object.entries(network.rows)) {
      const file = `${name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}.csv`;
      expect(rowsOf.length, file).toBe(network.truth.files[file]);
    }
    const nodes = {
      Person: count("persons"),
      Company: count("companies"),
      Identifier: count("identifiers"),
      Carrier: count("carriers"),
      Shipment: count("shipments"),
      Seizure: count("seizures"),
      CommodityLine: count("commodityLines"),
    };
    const counts = await countsOf(context, sourceId);
    expect(counts.nodes).toEqual(nodes);
    const reference = await countsOf(context, referenceSourceId);
    expect(reference.nodes).toEqual({ Place: count("places"), Species: count("species") });
  });

  it("makes one relationship per row of each relationship file or foreign-id column", async () => {
    const counts = await countsOf(context, sourceId);
    const nodes = Object.values(counts.nodes).reduce((sum, n) => sum + n, 0);
    expect(counts.relationships).toEqual({
      NATIONAL_OF: count("persons", (row) => row.nationalityId !== ""),
      REGISTERED_IN: count("companies", (row) => row.countryId !== ""),
      HAS_IDENTIFIER: count("identifierHolders"),
      OFFICER_OF: count("officers"),
      CARRIED_BY: count("shipments", (row) => row.carrierId !== ""),
      STOPS_AT: count("routeStops"),
      PARTY_TO: count("parties"),
      INTERCEPTED: count("seizures"),
      SEIZED_IN: count("seizures"),
      SEIZED_AT: count("seizures", (row) => row.placeId !== ""),
      CARRIED: count("commodityLines"),
      RECOVERED: count("commodityLines", (row) => row.seizureId !== ""),
      OF_SPECIES: count("commodityLines"),
      ARRESTED: count("arrests"),
      SOURCED_FROM: nodes,
    });
    const [{ stopsToCountries }] = await rows<{ stopsToCountries: number }>(
      `MATCH (:Shipment)-[r:STOPS_AT {sourceId: $sourceId}]->(:Country) RETURN count(r) AS stopsToCountries`,
    );
    expect(stopsToCountries).toBe(count("routeStops", (row) => row.countryId !== ""));
  });

  it("reports the counts the Source keeps, and they equal the counts in the graph", async () => {
    const counted = await countsOf(context, sourceId);
    const last = reports.at(-1)!;
    const after = (change: Record<string, { after: number }>) =>
      Object.fromEntries(Object.entries(change).filter(([, { after }]) => after > 0).map(([name, { after }]) => [name, after]));
    expect(last.sourceId).toBe(sourceId);
    expect(after(last.nodes)).toEqual(counted.nodes);
    expect(after(last.relationships)).toEqual(counted.relationships);
    const [{ countsKept }] = await rows<{ countsKept: boolean }>(`MATCH (source:Source {id: $sourceId}) RETURN source.countsKept AS countsKept`);
    expect(countsKept).toBe(true);
  });

  it("labels every node of the network Synthetic, and no place, species or country", async () => {
    const [{ notSynthetic }] = await rows<{ notSynthetic: number }>(
      `MATCH (:Source {id: $sourceId})<-[:SOURCED_FROM]-(node) WHERE NOT node:Synthetic RETURN count(node) AS notSynthetic`,
    );
    expect(notSynthetic).toBe(0);
    const [{ syntheticReference }] = await rows<{ syntheticReference: number }>(
      `MATCH (node:Synthetic) WHERE (node:Place OR node:Species OR node:Country) AND node.id STARTS WITH $prefix
       RETURN count(node) AS syntheticReference`,
    );
    expect(syntheticReference).toBe(0);
    const [{ synthetic }] = await rows<{ synthetic: boolean }>(
      `MATCH (source:Source {id: $sourceId}) RETURN source.kind = "SYNTHETIC" AS synthetic`,
    );
    expect(synthetic).toBe(true);
  });

  it("gives every planted ring's shared identifiers exactly the holders the ground truth records, all ring members", async () => {
    const truth = network.truth;
    expect(truth.rings.length).toBeGreaterThan(0);
    const wanted = truth.rings.flatMap((ring) => ring.sharedIdentifiers.map((id) => ({ ring: ring.id, id })));
    expect(wanted.length).toBeGreaterThan(0);
    const found = await rows<{ id: string; holders: string[] }>(
      `UNWIND $ids AS id
       MATCH (identifier:Identifier {id: $prefix + id})<-[:HAS_IDENTIFIER]-(holder)
       RETURN id, collect(holder.id) AS holders`,
      { ids: wanted.map((w) => w.id) },
    );
    const holdersOf = new Map(found.map((row) => [row.id, row.holders.map((h) => h.slice(prefix.length)).sort()]));
    for (const ring of truth.rings) {
      const members = new Set(ring.members.map((member) => member.id));
      for (const id of ring.sharedIdentifiers) {
        const holders = holdersOf.get(id);
        expect(holders, `${ring.id} ${id}`).toEqual([...truth.identifierSharers[id].holders].sort());
        expect(holders!.length, id).toBeGreaterThanOrEqual(2);
        if (truth.identifierSharers[id].purpose === "ring") {
          expect(holders!.filter((holder) => !members.has(holder)), `${ring.id} ${id}`).toEqual([]);
        }
      }
    }
  });

  it("gives every identifier the holders the files give it", async () => {
    const shared = await rows<{ id: string; holders: string[] }>(
      `MATCH (identifier:Identifier)<-[:HAS_IDENTIFIER {sourceId: $sourceId}]-(holder)
       WITH identifier, collect(holder.id) AS holders WHERE size(holders) > 1
       RETURN identifier.id AS id, holders`,
    );
    const fromDb = Object.fromEntries(shared.map((row) => [row.id.slice(prefix.length), row.holders.map((h) => h.slice(prefix.length)).sort()]));
    const fromTruth = Object.fromEntries(
      Object.entries(network.truth.identifierSharers).map(([id, sharer]) => [id, [...sharer.holders].sort()]),
    );
    expect(fromDb).toEqual(fromTruth);
  });

  it("keeps a route's stops in order with their roles", async () => {
    const shipment = "gen-gentest-shipment-1";
    const stops = network.rows.routeStops.filter((row) => row.shipmentId === shipment).sort((a, b) => Number(a.seq) - Number(b.seq));
    const found = await rows<{ seq: number; role: string; to: string }>(
      `MATCH (:Shipment {id: $id})-[stop:STOPS_AT]->(to) RETURN stop.seq AS seq, stop.role AS role, to.id AS to ORDER BY seq`,
      { id: prefix + shipment },
    );
    expect(found.map((stop) => ({ ...stop, to: stop.to.slice(prefix.length) }))).toEqual(
      stops.map((row) => ({ seq: Number(row.seq), role: row.role, to: row.placeId || row.countryId })),
    );
  });
});
