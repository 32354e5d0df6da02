import type { Driver } from "neo4j-driver";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { CypherRegistry } from "../../src/db/cypher-registry.js";
import { importQueryVariants } from "../../src/import/write/import-queries.js";
import { neo4jFromContext } from "../helpers/neo4j-context.js";
import { connect } from "../helpers/test-api.js";

/** Every import query, in every variant the model allows, is valid Cypher for this Neo4j (EXPLAIN). */
let driver: Driver;
let registry: CypherRegistry;

beforeAll(async () => {
  driver = connect(neo4jFromContext());
  registry = await CypherRegistry.load();
});

afterAll(async () => {
  await driver?.close();
});

describe("EXPLAIN every import query", () => {
  const variants = importQueryVariants();

  it("covers every import query and every relationship of the model", () => {
    expect(new Set(variants.map(([name]) => name)).size).toBe(13);
    expect(variants.length).toBeGreaterThan(60);
  });

  it.each(variants.map(([name, slots]) => [`${name} ${JSON.stringify(slots)}`, name, slots] as const))("%s", async (_, name, slots) => {
    const text = Object.keys(slots).length ? registry.render(name, slots) : registry.text(name);
    const result = await driver.executeQuery(`EXPLAIN ${text}`, { rows: [], ids: [], sourceId: "s", synthetic: false, source: {} });
    expect(result.summary.plan).toBeTruthy();
  });
});
