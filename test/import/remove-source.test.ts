import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { TouchedFacts } from "../../src/aggregates/membership.js";
import { generateNetwork } from "../../src/generate/generate-network.js";
import { GENERATED_MAPPINGS_DIR, importGeneratedNetwork } from "../../src/import/generated-files.js";
import { importFiles, keptSourceCounts } from "../../src/import/import-files.js";
import {
  RemovalAbortedError,
  removeSource,
  UNKNOWN_SOURCE_EXIT_CODE,
  type RemovalReport,
} from "../../src/import/remove-source.js";
import { countsOf, deleteWorld, importCountries, importTestContext, readCsv, uniquePrefix, type ImportTestContext } from "./helpers/import-context.js";
import { runCli } from "./helpers/run-cli.js";

/**
 * Removing a source. Two sources that back some nodes together, the generated network and a small
 * seizure extract (fixtures/removal/customs-extract.yaml, its CSV written here from the generator's
 * shipments), are imported into a world of their own; the network is removed; the world must then
 * equal one where only the extract was imported (with the same reference data). A hand-made world
 * covers what the generated one lacks: relationships of the source between other sources' nodes,
 * nodes that only other sources' relationships reach, bare mentions, and the analysis' links.
 */
const SEED = "rmtest";
const SHIPMENTS = 50;
/** The first SHARED generated shipments are described by the extract too; it adds OWN of its own. */
const SHARED = 8;
const OWN = 4;
const NETWORK = "generated-network";
const EXTRACT = "test-customs-extract";
const EXTRACT_MAPPING = path.join(import.meta.dirname, "fixtures", "removal", "customs-extract.yaml");

const both = uniquePrefix("removal-both");
const killed = uniquePrefix("removal-killed");
const extractOnly = uniquePrefix("removal-extract");

let context: ImportTestContext;
let dir: string;
let reportDir: string;
let extractCsv: string;
let csv: (file: string) => Record<string, string>[];

async function importWorld(prefix: string, withNetwork: boolean): Promise<void> {
  await importCountries(context, prefix, reportDir);
  const options = { registry: context.registry, idPrefix: prefix, reportDir };
  if (withNetwork) {
    await importGeneratedNetwork(context.executor, dir, { ...options, reference: "all" });
  } else {
    // The network's reference data alone (its own Source, generator-reference), as importGeneratedNetwork imports it.
    for (const name of ["places", "species"]) {
      await importFiles(context.executor, path.join(GENERATED_MAPPINGS_DIR, `${name}.yaml`), [path.join(dir, `${name}.csv`)], options);
    }
  }
  await importFiles(context.executor, EXTRACT_MAPPING, [extractCsv], options);
}

beforeAll(async () => {
  context = await importTestContext();
  dir = await mkdtemp(path.join(tmpdir(), "remove-source-"));
  reportDir = path.join(dir, "reports");
  await generateNetwork({ seed: SEED, shipments: SHIPMENTS, outDir: dir });
  csv = (file) => readCsv(path.join(dir, file));
  const shipments = csv("shipments.csv");
  const place = csv("places.csv")[0];
  const rows = [
    ...shipments.slice(0, SHARED).map((shipment, i) => [`cx-seizure-${i + 1}`, shipment.id, "SEA", shipment.departedOn]),
    ...Array.from({ length: OWN }, (_, i) => [`cx-seizure-${SHARED + i + 1}`, `cx-shipment-${i + 1}`, "ROAD", "2021-03-04"]),
  ].map((row) => [...row, "2021-05-06", place.countryId, place.id].join(","));
  extractCsv = path.join(dir, "customs-extract.csv");
  await writeFile(extractCsv, ["id,shipmentId,mode,departedOn,date,countryId,placeId", ...rows, ""].join("\n"));
  // One after another: the imports' aggregate upkeep writes nodes that every world shares.
  for (const [prefix, withNetwork] of [[both, true], [killed, true], [extractOnly, false]] as const) await importWorld(prefix, withNetwork);
});

afterAll(async () => {
  if (context) {
    for (const prefix of [both, killed, extractOnly, handMade]) await deleteWorld(context.executor, prefix);
    await context.driver.close();
  }
  if (dir) await rm(dir, { recursive: true, force: true });
});

interface Snapshot {
  /** `Label:id` (prefix taken off) → properties but the id. */
  nodes: Record<string, Record<string, unknown>>;
  /** `TYPE from to {properties}`, the prefix taken off ids and source ids, sorted. */
  relationships: string[];
}

/** A world as it is, its ids without the prefix, so that two worlds can be compared. */
async function snapshot(prefix: string): Promise<Snapshot> {
  const strip = (value: unknown) => (typeof value === "string" && value.startsWith(prefix) ? value.slice(prefix.length) : value);
  const nodes = (await context.executor.read(
    `MATCH (n) WHERE n.id STARTS WITH $prefix
     RETURN [l IN labels(n) WHERE l <> "Synthetic"][0] AS label, n.id AS id, properties(n) AS properties`,
    { prefix },
  )) as { label: string; id: string; properties: Record<string, unknown> }[];
  const relationships = (await context.executor.read(
    `MATCH (a)-[r]->(b) WHERE a.id STARTS WITH $prefix AND b.id STARTS WITH $prefix
     RETURN type(r) AS type, a.id AS from, b.id AS to, properties(r) AS properties`,
    { prefix },
  )) as { type: string; from: string; to: string; properties: Record<string, unknown> }[];
  return {
    nodes: Object.fromEntries(
      nodes.map(({ label, id, properties: { id: _, ...rest } }) => [`${label}:${strip(id)}`, rest]),
    ),
    relationships: relationships
      .map(({ type, from, to, properties }) => {
        const shown = Object.entries(properties)
          .map(([key, value]) => [key, strip(value)])
          .sort(([a], [b]) => String(a).localeCompare(String(b)));
        return `${type} ${String(strip(from))} ${String(strip(to))} ${JSON.stringify(shown)}`;
      })
      .sort(),
  };
}

/** A world after the network's removal against the world of the extract alone. */
function expectOnlyExtract(after: Snapshot, expected: Snapshot): void {
  expect(Object.keys(after.nodes).sort()).toEqual(Object.keys(expected.nodes).sort());
  expect(after.relationships).toEqual(expected.relationships);
  const shared = new Set(csv("shipments.csv").slice(0, SHARED).map((shipment) => `Shipment:${shipment.id}`));
  for (const [key, properties] of Object.entries(expected.nodes)) {
    // Properties of a node both sources backed stay as merged: the extract's values are there (it
    // was imported last), and the network's others too.
    if (shared.has(key)) expect(after.nodes[key], key).toMatchObject(properties);
    else expect(after.nodes[key], key).toEqual(properties);
  }
}

const distinct = (values: string[]) => [...new Set(values)].sort();

function mergeTouched(batches: TouchedFacts[]): TouchedFacts {
  return {
    shipments: distinct(batches.flatMap((batch) => batch.shipments)),
    seizures: distinct(batches.flatMap((batch) => batch.seizures)),
    lines: distinct(batches.flatMap((batch) => batch.lines)),
    places: distinct(batches.flatMap((batch) => batch.places)),
  };
}

describe("removing the generated network from a world where a seizure extract shares its shipments", () => {
  let expected: Snapshot;
  let before: Awaited<ReturnType<typeof countsOf>>;
  let report: RemovalReport;
  const touchedByBatch: TouchedFacts[] = [];
  const touchedByStatement: TouchedFacts[] = [];

  beforeAll(async () => {
    expected = await snapshot(extractOnly);
    before = await countsOf(context, `${both}${NETWORK}`);
    report = await removeSource(context.executor, `${both}${NETWORK}`, {
      batchSize: 500,
      onBatch: (batch) => void touchedByBatch.push(batch.touched),
      tradeFactStatement: (touched) => {
        touchedByStatement.push(touched);
        return { query: "RETURN size($shipments) AS shipments", parameters: { shipments: touched.shipments } };
      },
    });
  });

  it("leaves the graph that importing only the extract (and the same reference data) gives", async () => {
    expectOnlyExtract(await snapshot(both), expected);
  });

  it("keeps the counts of the other sources exact: equal to the extract-only world's and to a recount", async () => {
    for (const sourceId of [EXTRACT, "mledoze-countries", "generator-reference"]) {
      const kept = await keptSourceCounts(context.executor, context.registry, `${both}${sourceId}`);
      expect(kept, sourceId).toEqual(await keptSourceCounts(context.executor, context.registry, `${extractOnly}${sourceId}`));
      expect(kept, sourceId).toEqual(await countsOf(context, `${both}${sourceId}`));
    }
    const [{ sources }] = await context.executor.read(`MATCH (s:Source {id: $id}) RETURN count(s) AS sources`, { id: `${both}${NETWORK}` });
    expect(sources).toBe(0);
  });

  it("reports what it removed, by label and type, as counted before it ran", () => {
    expect(report.sourceRemoved).toBe(true);
    expect(report.relationships).toEqual(before.relationships);
    expect(report.nodesKept).toEqual({ Shipment: SHARED });
    expect(report.nodesCleared).toEqual({});
    expect(report.nodesDeleted).toEqual({ ...before.nodes, Shipment: before.nodes.Shipment - SHARED });
    expect(report.batches).toBeGreaterThan(1);
  });

  it("hands each batch's transaction the shipments, seizures, lines and places it touched, as the files give them", () => {
    // Made once per batch (and run before its deletes and after them); not for a batch that touched none.
    const touching = touchedByBatch.filter((touched) => Object.values(touched).some((ids: string[]) => ids.length > 0));
    expect(touching.length).toBeGreaterThan(0);
    expect(touchedByStatement).toEqual(touching);
    const ids = (values: string[]) => distinct(values.filter((value) => value !== "").map((value) => `${both}${value}`));
    expect(mergeTouched(touchedByBatch)).toEqual({
      shipments: ids(csv("shipments.csv").map((row) => row.id)),
      seizures: ids(csv("seizures.csv").map((row) => row.id)),
      lines: ids(csv("commodity-lines.csv").map((row) => row.id)),
      places: ids([...csv("route-stops.csv").map((row) => row.placeId), ...csv("seizures.csv").map((row) => row.placeId)]),
    });
  });
});

describe("a removal stopped after its first batch", () => {
  it("leaves a consistent graph, and running it again gives the same graph as a removal in one go", async () => {
    const sourceId = `${killed}${NETWORK}`;
    const controller = new AbortController();
    const stopped = await removeSource(context.executor, sourceId, { batchSize: 40, signal: controller.signal, onBatch: () => controller.abort() }).then(
      () => null,
      (error: unknown) => error,
    );
    expect(stopped).toBeInstanceOf(RemovalAbortedError);
    expect((stopped as RemovalAbortedError).report.batches).toBe(1);
    expect((stopped as RemovalAbortedError).report.sourceRemoved).toBe(false);

    // Consistent: the network's kept counts equal a recount, and every node of the world still has
    // a source, or is a bare mention that a relationship reaches.
    expect(await keptSourceCounts(context.executor, context.registry, sourceId)).toEqual(await countsOf(context, sourceId));
    const [{ orphans }] = await context.executor.read(
      `MATCH (n) WHERE n.id STARTS WITH $prefix AND NOT n:Source AND NOT EXISTS { (n)-[:SOURCED_FROM]->() }
         AND NOT (keys(n) = ["id"] AND EXISTS { (n)--() })
       RETURN count(n) AS orphans`,
      { prefix: killed },
    );
    expect(orphans).toBe(0);

    const rest = await removeSource(context.executor, sourceId, { batchSize: 40 });
    expect(rest.sourceRemoved).toBe(true);
    expectOnlyExtract(await snapshot(killed), await snapshot(extractOnly));
  });
});

/**
 * A world made by hand with the import's provenance: `C` is removed, `D` stays. Names are personal
 * data: the report and the command's output must not hold them.
 */
const handMade = uniquePrefix("removal-hand");
const SECRET = "Nguyen Secret Name";

async function makeHandWorld(prefix: string): Promise<void> {
  await context.executor.write(
    `CREATE (c:Source {id: $p + "C", countsKept: true, \`nodes.Person\`: 3, \`nodes.Company\`: 1, \`nodes.Shipment\`: 1,
              \`relationships.SOURCED_FROM\`: 5, \`relationships.OFFICER_OF\`: 1, \`relationships.REGISTERED_IN\`: 2,
              \`relationships.HAS_IDENTIFIER\`: 1, \`relationships.STOPS_AT\`: 1})
     CREATE (d:Source {id: $p + "D", countsKept: true})
     CREATE (p1:Person {id: $p + "p1", name: $secret})-[:SOURCED_FROM {row: 1}]->(c)
     CREATE (p2:Person {id: $p + "p2", name: $secret, nationality: "VN"})-[:SOURCED_FROM {row: 2}]->(c)
     CREATE (p2)-[:SOURCED_FROM {row: 1}]->(d)
     CREATE (p3:Person {id: $p + "p3", name: $secret})-[:SOURCED_FROM {row: 3}]->(c)
     CREATE (p4:Person {id: $p + "p4", name: $secret})-[:SOURCED_FROM {row: 2}]->(d)
     CREATE (c1:Company {id: $p + "c1", name: "Trading Co"})-[:SOURCED_FROM {row: 4}]->(c)
     CREATE (i1:Identifier {id: $p + "i1", value: "+84 90"})-[:SOURCED_FROM {row: 3}]->(d)
     CREATE (i2:Identifier {id: $p + "i2", value: "+84 91"})-[:SOURCED_FROM {row: 4}]->(d)
     CREATE (m1:Country {id: $p + "XX"})
     CREATE (m2:Country {id: $p + "YY"})
     CREATE (s1:Shipment {id: $p + "s1", mode: "SEA"})-[:SOURCED_FROM {row: 5}]->(c)
     CREATE (s2:Shipment {id: $p + "s2", mode: "AIR"})-[:SOURCED_FROM {row: 5}]->(d)
     CREATE (z1:Seizure {id: $p + "z1"})-[:SOURCED_FROM {row: 6}]->(d)
     CREATE (pl1:Place {id: $p + "pl1", name: "Hai Phong"})-[:SOURCED_FROM {row: 7}]->(d)
     CREATE (ring:Ring {id: $p + "ring"})
     CREATE (p1)-[:HAS_IDENTIFIER {sourceId: $p + "D", sourceRow: 8}]->(i1)
     CREATE (p3)-[:OFFICER_OF {sourceId: $p + "C", sourceRow: 6, role: "director"}]->(c1)
     CREATE (c1)-[:REGISTERED_IN {sourceId: $p + "C", sourceRow: 4}]->(m1)
     CREATE (c1)-[:REGISTERED_IN {sourceId: $p + "C", sourceRow: 7}]->(m2)
     CREATE (p2)-[:NATIONAL_OF {sourceId: $p + "D", sourceRow: 1}]->(m2)
     CREATE (p4)-[:HAS_IDENTIFIER {sourceId: $p + "C", sourceRow: 8}]->(i2)
     CREATE (s1)-[:STOPS_AT {sourceId: $p + "C", sourceRow: 5, seq: 1, role: "ORIGIN"}]->(pl1)
     CREATE (z1)-[:INTERCEPTED {sourceId: $p + "D", sourceRow: 6}]->(s2)
     CREATE (ring)-[:RING_MEMBER]->(p3)`,
    { p: prefix, secret: SECRET },
  );
}

describe("removing a source from a hand-made world", () => {
  const expected = {
    nodes: ["Country:YY", "Identifier:i1", "Identifier:i2", "Person:p1", "Person:p2", "Person:p4", "Place:pl1", "Ring:ring", "Seizure:z1", "Shipment:s2", "Source:D"],
    relationships: [
      "HAS_IDENTIFIER p1 i1 D",
      "INTERCEPTED z1 s2 D",
      "NATIONAL_OF p2 YY D",
      ...["p2", "p4", "i1", "i2", "s2", "z1", "pl1"].map((id) => `SOURCED_FROM ${id} D -`),
    ].sort(),
  };

  /** Node keys, relationships as `TYPE from to sourceId` (prefix taken off), and node properties. */
  async function handSnapshot(prefix: string) {
    const strip = (id: string) => id.slice(prefix.length);
    const rows = (await context.executor.read(
      `MATCH (a)-[r]->(b) WHERE a.id STARTS WITH $prefix AND b.id STARTS WITH $prefix
       RETURN type(r) AS type, a.id AS from, b.id AS to, r.sourceId AS sourceId`,
      { prefix },
    )) as { type: string; from: string; to: string; sourceId: string | null }[];
    const { nodes } = await snapshot(prefix);
    return {
      nodes: Object.keys(nodes).sort(),
      relationships: rows.map(({ type, from, to, sourceId }) => `${type} ${strip(from)} ${strip(to)} ${sourceId === null ? "-" : strip(sourceId)}`).sort(),
      properties: nodes,
    };
  }

  it.each([1, 2, 1000])("removes exactly what the source stated, in batches of %i", async (batchSize) => {
    const prefix = `${handMade}${batchSize}-`;
    await makeHandWorld(prefix);
    const touched: TouchedFacts[] = [];
    const report = await removeSource(context.executor, `${prefix}C`, { batchSize, onBatch: (batch) => void touched.push(batch.touched) });
    const after = await handSnapshot(prefix);
    expect(after.nodes).toEqual(expected.nodes);
    expect(after.relationships).toEqual(expected.relationships);
    // Backed by C alone, but D's relationship reaches it: it stays, bare, as D's mention would be.
    expect(after.properties["Person:p1"]).toEqual({});
    // Backed by D as well: as it was.
    expect(after.properties["Person:p2"]).toEqual({ name: SECRET, nationality: "VN" });
    expect(report).toMatchObject({
      sourceRemoved: true,
      relationships: { OFFICER_OF: 1, REGISTERED_IN: 2, HAS_IDENTIFIER: 1, STOPS_AT: 1, SOURCED_FROM: 5 },
      nodesDeleted: { Person: 1, Company: 1, Country: 1, Shipment: 1 },
      nodesKept: { Person: 1 },
      nodesCleared: { Person: 1 },
    });
    expect(mergeTouched(touched)).toEqual({ shipments: [`${prefix}s1`], seizures: [], lines: [], places: [`${prefix}pl1`] });
    expect(JSON.stringify(report)).not.toContain(SECRET);
  });

  it("undoes a batch whose trade-fact statement fails: it runs in the batch's transaction", async () => {
    const prefix = `${handMade}failing-`;
    await makeHandWorld(prefix);
    const before = await snapshot(prefix);
    await expect(
      removeSource(context.executor, `${prefix}C`, { tradeFactStatement: () => ({ query: "UNWIND [0] AS zero RETURN 1 / zero", parameters: {} }) }),
    ).rejects.toThrow(/divide by zero|\/ by zero/i);
    expect(await snapshot(prefix)).toEqual(before);
  });

  it("through the command: prints counts, never a name, and exits 0", async () => {
    const prefix = `${handMade}cli-`;
    await makeHandWorld(prefix);
    const result = await runCli(["--remove-source", `${prefix}C`, "--batch-size", "2"]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain(`removed source ${prefix}C`);
    expect(result.stdout).toContain("relationships deleted: HAS_IDENTIFIER 1, OFFICER_OF 1, REGISTERED_IN 2, SOURCED_FROM 5, STOPS_AT 1");
    expect(result.stdout).toContain("nodes deleted: Company 1, Country 1, Person 1, Shipment 1");
    expect(result.stdout + result.stderr).not.toContain(SECRET);
  });
});

describe("an unknown source id", () => {
  it("is refused with its own message and exit code, and nothing changes", async () => {
    const before = await snapshot(extractOnly);
    const result = await runCli(["--remove-source", `${extractOnly}no-such-source`]);
    expect(result.code).toBe(UNKNOWN_SOURCE_EXIT_CODE);
    expect(UNKNOWN_SOURCE_EXIT_CODE).toBe(3);
    expect(result.stderr).toContain(`no source with id "${extractOnly}no-such-source" (nothing was removed)`);
    expect(await snapshot(extractOnly)).toEqual(before);
  });

  it("is refused by removeSource with UnknownSourceError", async () => {
    await expect(removeSource(context.executor, `${extractOnly}no-such-source`)).rejects.toMatchObject({ name: "UnknownSourceError" });
  });
});
