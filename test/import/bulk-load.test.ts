import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";

import neo4j, { isDate, isInt, type Driver } from "neo4j-driver";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { projectRoot } from "../../src/config.js";
import { CypherExecutor } from "../../src/db/cypher-executor.js";
import type { EmbeddedNeo4j } from "../../src/db/embedded-neo4j.js";
import { NodeLabel } from "../../src/domain/graph-schema.js";
import { generateNetwork } from "../../src/generate/generate-network.js";
import { BulkLoadError, bulkLoad, type BulkLoadResult } from "../../src/import/bulk/bulk-load.js";
import { generatedBulkSteps } from "../../src/import/bulk/generated-steps.js";
import { importGeneratedNetwork } from "../../src/import/generated-files.js";
import { importFiles, keptSourceCounts } from "../../src/import/import-files.js";
import type { ImportReport } from "../../src/import/report/import-report.js";
import { deleteWorld, importCountries, importTestContext, uniquePrefix, type ImportTestContext } from "./helpers/import-context.js";

/**
 * A small generated network (and the bad rows of the fixtures, for rejects and flags) loaded twice
 * from the same files: through the bulk path into a new database of its own, and through the
 * import engine's MERGE batches into the test database, in a world of this file's (an id prefix).
 * The two graphs must be equal: every node with its labels and typed properties, every
 * relationship with its provenance, every SOURCED_FROM with its row, the Sources' kept counts, and
 * the import reports (rejects, flags) line by line.
 */
const SHIPMENTS = 200;
const prefix = uniquePrefix("bulk");
const BAD_ROWS = { mapping: path.join(projectRoot, "test", "import", "fixtures", "bad-rows.yaml"), file: path.join(projectRoot, "test", "import", "fixtures", "bad-rows.csv") };

let context: ImportTestContext;
let dir: string;
let bulk: BulkLoadResult;
let bulkDatabase: EmbeddedNeo4j;
let bulkDriver: Driver;
let bulkExecutor: CypherExecutor;
let engineReports: ImportReport[];

beforeAll(async () => {
  context = await importTestContext();
  dir = await mkdtemp(path.join(tmpdir(), "bulk-load-"));
  const network = path.join(dir, "network");
  await generateNetwork({ seed: "bulktest", shipments: SHIPMENTS, outDir: network });

  const steps = [...(await generatedBulkSteps(network)), { mapping: BAD_ROWS.mapping, files: [BAD_ROWS.file] }];
  // Batches of 50 rows (the engine's hold whole files): the graphs must not depend on where batches end.
  bulk = await bulkLoad({ into: path.join(dir, "db"), steps, reportDir: path.join(dir, "bulk-reports"), batchSize: 50, keepOpen: true });
  bulkDatabase = bulk.database!;
  bulkDriver = neo4j.driver(bulkDatabase.uri, neo4j.auth.basic(bulkDatabase.user, bulkDatabase.password));
  bulkExecutor = new CypherExecutor(bulkDriver, { database: bulkDatabase.database, timeoutMs: 60_000 });

  const reportDir = path.join(dir, "engine-reports");
  engineReports = [await importCountries(context, prefix, reportDir)];
  engineReports.push(...(await importGeneratedNetwork(context.executor, network, { registry: context.registry, idPrefix: prefix, reference: "all", reportDir })));
  engineReports.push(await importFiles(context.executor, BAD_ROWS.mapping, [BAD_ROWS.file], { registry: context.registry, idPrefix: prefix, reportDir }));
}, 900_000);

afterAll(async () => {
  await bulkDriver?.close();
  await bulkDatabase?.stop();
  if (context) {
    await deleteWorld(context.executor, prefix);
    await context.driver.close();
  }
  if (dir) await rm(dir, { recursive: true, force: true });
}, 120_000);

/** A value with its Neo4j type, so that an integer and a float, or a date and a string, differ. */
function typed(value: unknown): unknown {
  if (isInt(value)) return `int ${value.toString()}`;
  if (isDate(value)) return `date ${value.toString()}`;
  if (typeof value === "number") return `float ${value}`;
  if (Array.isArray(value)) return value.map(typed);
  return value;
}

const unprefix = (text: string, world: string) => (world && text.startsWith(world) ? text.slice(world.length) : text);

/** Every node of the model's labels in one world, as sorted lines: labels, id, typed properties. */
async function nodes(executor: CypherExecutor, world: string): Promise<string[]> {
  const labels = Object.values(NodeLabel).filter((label) => label !== NodeLabel.Source);
  const rows = (await executor.read(
    `MATCH (n) WHERE n.id STARTS WITH $world AND any(label IN labels(n) WHERE label IN $labels)
     RETURN labels(n) AS labels, n.id AS id, properties(n) AS properties`,
    { world, labels },
  )) as { labels: string[]; id: string; properties: Record<string, unknown> }[];
  return rows
    .map(({ labels: nodeLabels, id, properties }) => {
      const { id: _, ...rest } = properties;
      const sorted = Object.fromEntries(Object.keys(rest).sort().map((key) => [key, typed(rest[key])]));
      return JSON.stringify([[...nodeLabels].sort(), unprefix(id, world), sorted]);
    })
    .sort();
}

/** Every relationship a world's sources made (their sourceId), and every SOURCED_FROM to its Sources. */
async function relationships(executor: CypherExecutor, world: string): Promise<string[]> {
  const rows = (await executor.read(
    `MATCH (a)-[r]->(b) WHERE r.sourceId STARTS WITH $world AND a.id STARTS WITH $world
     RETURN type(r) AS type, a.id AS from, b.id AS to, properties(r) AS properties
     UNION ALL
     MATCH (a)-[r:SOURCED_FROM]->(b:Source) WHERE b.id STARTS WITH $world
     RETURN type(r) AS type, a.id AS from, b.id AS to, properties(r) AS properties`,
    { world },
  )) as { type: string; from: string; to: string; properties: Record<string, unknown> }[];
  return rows
    .map(({ type, from, to, properties }) => {
      const sorted = Object.fromEntries(
        Object.keys(properties)
          .sort()
          .map((key) => [key, key === "sourceId" ? unprefix(String(properties[key]), world) : typed(properties[key])]),
      );
      return JSON.stringify([type, unprefix(from, world), unprefix(to, world), sorted]);
    })
    .sort();
}

/** The Sources of a world: their own properties (counts of 0 aside) and the counts they keep. */
async function sources(executor: CypherExecutor, world: string) {
  const rows = (await executor.read(`MATCH (s:Source) WHERE s.id STARTS WITH $world RETURN s.id AS id, properties(s) AS properties`, { world })) as {
    id: string;
    properties: Record<string, unknown>;
  }[];
  const result: Record<string, unknown> = {};
  for (const { id, properties } of rows) {
    const own = Object.fromEntries(
      Object.entries(properties)
        .filter(([key, value]) => key !== "id" && !(/^(nodes|relationships)\./.test(key) && isInt(value) && value.isZero()))
        .map(([key, value]) => [key, typed(value)]),
    );
    result[unprefix(id, world)] = { own, kept: await keptSourceCounts(executor, context.registry, id) };
  }
  return result;
}

function counts(lines: string[], index: number): Record<string, number> {
  const result: Record<string, number> = {};
  for (const line of lines) {
    const key = JSON.stringify((JSON.parse(line) as unknown[])[index]);
    result[key] = (result[key] ?? 0) + 1;
  }
  return result;
}

describe("a bulk load", () => {
  it("makes the nodes a MERGE import makes: labels, ids and typed properties, node by node", async () => {
    const [made, expected] = [await nodes(bulkExecutor, ""), await nodes(context.executor, prefix)];
    expect(made.length).toBeGreaterThan(SHIPMENTS * 3);
    expect(counts(made, 0)).toEqual(counts(expected, 0));
    expect(made).toEqual(expected);
  });

  it("makes the relationships with their provenance (sourceId, sourceRow, seq) and one SOURCED_FROM per node and source with its first row", async () => {
    const [made, expected] = [await relationships(bulkExecutor, ""), await relationships(context.executor, prefix)];
    expect(counts(made, 0)).toEqual(counts(expected, 0));
    expect(Object.keys(counts(made, 0))).toContain(JSON.stringify("SOURCED_FROM"));
    expect(made).toEqual(expected);
  });

  it("gives the Sources the counts an import keeps, equal to a count of the graph", async () => {
    const [made, expected] = [await sources(bulkExecutor, ""), await sources(context.executor, prefix)];
    expect(Object.keys(made).sort()).toEqual(["generated-network", "generator-reference", "mledoze-countries", "test-bad-rows"]);
    expect(made).toEqual(expected);
    for (const id of Object.keys(made)) {
      const graph = (await bulkExecutor.read(
        `MATCH (:Source {id: $id})<-[r:SOURCED_FROM]-() RETURN count(r) AS sourced`,
        { id },
      )) as { sourced: number }[];
      expect((made[id] as { kept: { relationships: Record<string, number> } }).kept.relationships.SOURCED_FROM).toBe(graph[0]!.sourced);
    }
  });

  it("reports the same rows, rejects and flags, line by line", async () => {
    const summary = (reports: ImportReport[]) =>
      reports.map((report) => ({
        file: path.basename(report.mainFile),
        read: report.rowsRead,
        loaded: report.rowsLoaded,
        rejected: report.rowsRejected,
        flags: report.flags.total,
        nodes: report.nodes,
        relationships: report.relationships,
      }));
    expect(summary(bulk.reports)).toEqual(summary(engineReports));
    expect(bulk.reports.at(-1)!.rowsRejected).toBeGreaterThan(0);
    for (const kind of ["rejects", "flags"]) {
      const name = `bad-rows.csv.${kind}.csv`;
      const made = await readFile(path.join(dir, "bulk-reports", name), "utf8");
      const expected = (await readFile(path.join(dir, "engine-reports", name), "utf8")).replaceAll(prefix, "");
      expect(made).toBe(expected);
    }
  });

  it("refuses a folder that holds anything, before it reads a row", async () => {
    const full = path.join(dir, "full");
    await mkdir(full, { recursive: true });
    await writeFile(path.join(full, "something"), "");
    await expect(bulkLoad({ into: full, steps: [{ mapping: BAD_ROWS.mapping, files: [BAD_ROWS.file] }] })).rejects.toThrow(BulkLoadError);
    await expect(bulkLoad({ into: path.join(dir, "db"), steps: [] })).rejects.toThrow(/is not empty/);
  });
});
