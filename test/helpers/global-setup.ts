import type { TestProject } from "vitest/node";

import { loadConfig } from "../../src/config.js";
import { CypherExecutor } from "../../src/db/cypher-executor.js";
import { loadFixture } from "../../src/db/demo-data.js";
import { createDriver } from "../../src/db/driver.js";
import { provideNeo4j, type RunningNeo4j } from "../../src/db/neo4j-harness.js";
import { applyConstraints } from "../../src/db/schema-setup.js";
import { startScratchPool, type ScratchPool } from "./scratch-neo4j-pool.js";

// One database for the whole run: a JVM or container start costs seconds, so test files share it
// and each test owns its own ids. Constraints and the fixture graph are put in place once, here,
// so that test files never write the same nodes at the same time.
let neo4jForRun: RunningNeo4j | undefined;
// Files that need a whole database of their own lease an emptied one (scratch-neo4j.ts), started on first demand.
let scratchPool: ScratchPool | undefined;

export async function setup(project: TestProject): Promise<void> {
  const config = loadConfig();
  neo4jForRun = await provideNeo4j(config.neo4j, { log: (line) => console.log(`[neo4j] ${line}`) });
  const { uri, user, password, database } = neo4jForRun;
  const driver = createDriver({ uri, user, password, connectionTimeoutMs: 10_000 });
  try {
    const executor = new CypherExecutor(driver, { database, timeoutMs: 120_000 });
    await applyConstraints(executor);
    await loadFixture(executor);
  } finally {
    await driver.close();
  }
  project.provide("neo4j", { uri, user, password, database });
  scratchPool = await startScratchPool(config.neo4j, (line) => console.log(`[neo4j] ${line}`));
  project.provide("scratchNeo4j", scratchPool.url);
}

export async function teardown(): Promise<void> {
  await scratchPool?.close();
  scratchPool = undefined;
  await neo4jForRun?.stop();
  neo4jForRun = undefined;
}
