import { readFile } from "node:fs/promises";
import path from "node:path";

import neo4j, { type Driver } from "neo4j-driver";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { CypherExecutor } from "../../src/db/cypher-executor.js";
import { listCypherFiles } from "../../src/db/cypher-files.js";
import { renderQuery, type AnyCypherQuery } from "../../src/db/cypher-query.js";
import { loadFixture } from "../../src/db/demo-data.js";
import { queries } from "../../src/db/queries.generated.js";
import { applyConstraints, CONSTRAINTS_DIR } from "../../src/db/schema-setup.js";
import { dateParameter } from "../../src/db/values.js";
import { NodeLabel } from "../../src/domain/graph-schema.js";
import { relations, type RelationName } from "../../src/domain/relations.js";
import { importQueryVariants } from "../../src/import/write/import-queries.js";
import { relationSlots } from "../../src/repositories/graph.repository.js";
import { MAX_PATH_HOPS, MAX_PATHS, shortestPathSlots } from "../../src/repositories/path.repository.js";
import { connect } from "../helpers/test-api.js";
import { neo4jFromContext } from "../helpers/neo4j-context.js";

/**
 * Every .cypher file is valid Cypher for this Neo4j, checked with EXPLAIN on representative
 * parameters, and its result has the columns its header declares.
 */
let driver: Driver;
let executor: CypherExecutor;

beforeAll(async () => {
  driver = connect();
  executor = new CypherExecutor(driver, { database: neo4jFromContext().database, timeoutMs: 30_000 });
  await applyConstraints(executor);
});

afterAll(async () => {
  await driver?.close();
});

const nullFilters = {
  dateFrom: null, dateTo: null, country: null, origin: null, destination: null, place: null, species: null,
  product: null, mode: null, nationality: null, kind: null, borders: null, citesAppendix: null, taxonClass: null,
};
const setFilters = {
  dateFrom: dateParameter("2015-01-01"), dateTo: dateParameter("2020-12-31"), country: "VN", origin: "NG",
  destination: "VN", place: "locode:VNHPH", species: "manis-javanica", product: "SCALES", mode: "SEA",
  nationality: "VN", kind: "SEAPORT", borders: "CN", citesAppendix: "I", taxonClass: "Mammalia",
};
const page = { ids: ["a", "b"], after: "a", limit: neo4j.int(10) };
/** Parameters of the analyst queries, which must be given for EXPLAIN. */
const analyst = {
  from: "KE", to: "CN", level: "COUNTRY", evidenceLimit: neo4j.int(5), sources: ["MZ"], targets: ["VN"],
  origins: ["NG"], destinations: ["VN"], interval: "YEAR", by: "NONE",
};
// Parameters of the ring analysis' export, store and read queries.
const rings = {
  scope: "", maxHolders: neo4j.int(10), run: { id: "run", kind: "rings", scope: "" }, runId: "run", keepRunId: "run",
  rings: [{ id: "ring", rank: neo4j.int(1), members: [{ id: "a", kind: "Person", brokerRank: null, brokerScore: 0, cohesion: 1 }] }],
  minSize: neo4j.int(8),
};

/**
 * Any query with slots built here from the model (relationSlots and importQueryVariants give plain
 * strings): the types cannot follow a query chosen at run time, and renderQuery checks the values.
 */
const render = renderQuery as unknown as (query: AnyCypherQuery, slots: Record<string, string>) => string;

/** The texts to check for one query: templates once per label or relation they serve. */
function variants(query: AnyCypherQuery): { label: string; text: string }[] {
  const { name } = query;
  if (name === "nodesByIds" || name === "nodesIdsStartingWith") {
    return Object.values(NodeLabel).map((label) => ({ label, text: render(query, { LABEL: label }) }));
  }
  if (name === "relatedAll" || name === "relatedPage" || name === "relatedCount") {
    return (Object.keys(relations) as RelationName[]).map((relation) => ({
      label: relation,
      text: render(query, relationSlots(relations[relation])),
    }));
  }
  if (name === "connectionsShortestPaths") {
    return [[1, 1], [MAX_PATHS, MAX_PATH_HOPS]].map(([paths, hops]) => ({
      label: `${paths} paths of ${hops} hops`,
      text: render(query, shortestPathSlots(paths!, hops!)),
    }));
  }
  const imports = importQueryVariants().filter(([variant]) => variant === name);
  if (imports.length > 0) return imports.map(([, slots]) => ({ label: JSON.stringify(slots), text: render(query, slots) }));
  return [{ label: name, text: renderQuery(query) }];
}

describe("EXPLAIN every query file", () => {
  it.each(Object.values(queries).map((query): [string, AnyCypherQuery] => [query.file, query]))("%s", async (_, query) => {
    for (const { label, text } of variants(query)) {
      for (const filters of [nullFilters, setFilters]) {
        const result = await driver.executeQuery(`EXPLAIN ${text}`, { ...analyst, ...rings, ...filters, ...page });
        expect(result.summary.plan, `${query.name} (${label})`).toBeTruthy();
        expect(result.keys, `${query.name} (${label}): the columns of its header`).toStrictEqual(Object.keys(query.columns));
      }
    }
  });
});

describe("schema statements and seed", () => {
  it("applies every constraint file, again and again without change", async () => {
    const before = await schemaObjects();
    const applied = await applyConstraints(executor);
    expect(applied).toEqual(await listCypherFiles(CONSTRAINTS_DIR));
    expect(await schemaObjects()).toEqual(before);
    for (const name of applied) {
      const text = await readFile(path.join(CONSTRAINTS_DIR, `${name}.cypher`), "utf8");
      // A retired index or constraint is dropped at every start and must stay gone.
      const dropped = /^DROP\s+(?:CONSTRAINT|INDEX)\s+(\w+)\s+IF EXISTS/m.exec(text)?.[1];
      if (dropped) {
        expect(before, name).not.toContain(dropped);
        continue;
      }
      const declared = /(?:CONSTRAINT|INDEX)\s+(\w+)\s+IF NOT EXISTS/.exec(text)?.[1];
      expect(before, name).toContain(declared);
    }
  });

  it("loads the fixture twice with the same counts", async () => {
    await loadFixture(executor);
    const first = await counts();
    await loadFixture(executor);
    expect(await counts()).toEqual(first);
  });

  it("marks every invented node as synthetic and gives every fixture node and relationship a source", async () => {
    const [row] = (
      await driver.executeQuery(`
        MATCH (n) WHERE (n:Person OR n:Company OR n:Identifier OR n:Shipment OR n:Seizure OR n:CommodityLine OR n:Carrier)
          AND n.id STARTS WITH "fixture-"
        WITH count(n) AS invented, count(CASE WHEN n:Synthetic THEN 1 END) AS labelled,
             count(CASE WHEN EXISTS { (n)-[:SOURCED_FROM]->(:Source) } THEN 1 END) AS sourced
        MATCH ()-[r]->() WHERE NOT r:SOURCED_FROM AND r.sourceId = "fixture"
        WITH invented, labelled, sourced, count(r) AS cited
        MATCH (:Source {id: "fixture"})
        // COUNTED_IN is the trade tallies' membership: derived from the facts, not one of them.
        OPTIONAL MATCH (a)-[r]->(b) WHERE NOT r:SOURCED_FROM AND NOT r:COUNTED_IN AND a.id STARTS WITH "fixture-" AND r.sourceId IS NULL
        RETURN invented, labelled, sourced, cited, count(r) AS uncited`)
    ).records.map((record) => record.toObject());
    expect(row.invented.toNumber()).toBeGreaterThan(0);
    expect(row.labelled).toEqual(row.invented);
    expect(row.sourced).toEqual(row.invented);
    expect(row.cited.toNumber()).toBeGreaterThan(0);
    expect(row.uncited.toNumber()).toBe(0);
  });
});

async function schemaObjects(): Promise<string[]> {
  const constraints = await driver.executeQuery("SHOW CONSTRAINTS YIELD name RETURN name");
  const indexes = await driver.executeQuery("SHOW INDEXES YIELD name RETURN name");
  return [...constraints.records, ...indexes.records].map((record) => record.get("name") as string).sort();
}

/** Counts of what the fixture made (other test files write their own nodes at the same time). */
async function counts(): Promise<{ nodes: number; relationships: number }> {
  const { records } = await driver.executeQuery(
    `MATCH (n)-[:SOURCED_FROM]->(:Source {id: "fixture"}) WITH count(n) AS nodes
     MATCH ()-[r]->() WHERE r.sourceId = "fixture" RETURN nodes, count(r) AS relationships`,
  );
  return { nodes: records[0].get("nodes").toNumber(), relationships: records[0].get("relationships").toNumber() };
}
