import neo4j from "neo4j-driver";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { renderQuery, type AnyCypherQuery } from "../../src/db/cypher-query.js";
import { seizureCount, seizureList, seizureListOrdered } from "../../src/db/queries.generated.js";
import { integerParameter } from "../../src/db/values.js";
import { importGeneratedWorld, type GeneratedWorld } from "../helpers/generated-world.js";
import { neo4jFromContext } from "../helpers/neo4j-context.js";

/**
 * A seizure list narrowed by a country never reads every seizure: its queries find seizures through
 * one of four branches (place, country, species, or all of them), and the branch over all of them
 * must read its parameters before it scans. With its condition on the MATCH, Neo4j's planner
 * scanned every seizure and filtered afterwards (on the 20,000-shipment network, 1,300 of the 1,391
 * db hits of a country's count). Checked with PROFILE, on a generated world of this file's own.
 */
let world: GeneratedWorld;
let country: string;

beforeAll(async () => {
  world = await importGeneratedWorld("list-plans", { seed: "list-plans", shipments: 200 });
  const [row] = await world.executor.read(
    "MATCH (seizure:Seizure)-[:SEIZED_IN]->(country:Country) WHERE seizure.id STARTS WITH $prefix RETURN country.id AS id LIMIT 1",
    { prefix: world.prefix },
  );
  country = row!.id as string;
}, 300_000);

afterAll(async () => {
  await world?.remove();
});

/** The rows of each label scan of Seizure in the query's profile, with `filters` and every other parameter null. */
async function seizureScans(query: AnyCypherQuery, filters: Record<string, unknown>): Promise<number[]> {
  const parameters: Record<string, unknown> = Object.fromEntries(Object.keys(query.parameters).map((name) => [name, null]));
  Object.assign(parameters, { limit: integerParameter(20), orderField: "DATE", descending: false }, filters);
  for (const name of Object.keys(parameters)) if (!(name in query.parameters)) delete parameters[name];
  const session = world.driver.session({ defaultAccessMode: neo4j.session.READ, database: neo4jFromContext().database });
  try {
    const result = await session.run(`PROFILE ${renderQuery(query)}`, parameters);
    const rows: number[] = [];
    const walk = (step: { operatorType: string; arguments: Record<string, unknown>; rows: number; children: unknown[] }) => {
      if (step.operatorType.startsWith("NodeByLabelScan") && String(step.arguments.Details).includes(":Seizure")) rows.push(step.rows);
      for (const child of step.children) walk(child as never);
    };
    walk(result.summary.profile as never);
    return rows;
  } finally {
    await session.close();
  }
}

describe("a seizure list narrowed by a filter reads no seizure it cannot show", () => {
  for (const query of [seizureCount, seizureList, seizureListOrdered] as AnyCypherQuery[]) {
    it(`${query.name}: with a country, the scan over every seizure reads none; without a filter, it reads them`, async () => {
      const narrowed = await seizureScans(query, { country });
      expect(narrowed.length).toBeGreaterThan(0);
      expect(narrowed.every((rows) => rows === 0)).toBe(true);
      // The control: the same operator reads seizures when the list is not narrowed.
      const whole = await seizureScans(query, {});
      expect(Math.max(...whole)).toBeGreaterThanOrEqual(world.network.rows.seizures.length);
    });
  }
});
