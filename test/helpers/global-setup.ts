import type { TestProject } from "vitest/node";

import { loadConfig } from "../../src/config.js";
import { CypherExecutor } from "../../src/db/cypher-executor.js";
import { loadFixture } from "../../src/db/demo-data.js";
import { createDriver } from "../../src/db/driver.js";
import { provideNeo4j, type RunningNeo4j } from "../../src/db/neo4j-harness.js";
import { applyConstraints } from "../../src/db/schema-setup.js";

// One database for the whole run: a JVM or container start costs seconds, so test files share it
// and each test owns its own ids. Constraints and the fixture graph are put in place once, here,
// so that test files never write the same nodes at the same time.
//
// Two projects use this setup (files two at a time, then files one at a time), and Vitest loads it
// once per project: the database is kept on `globalThis`, which both loads share, and stopped when
// the last project that set it up tears down.
interface SharedNeo4j {
  running: Promise<RunningNeo4j>;
  users: number;
}

const RUN_KEY = Symbol.for("mekong-graph.test-neo4j");
const shared = globalThis as { [RUN_KEY]?: SharedNeo4j };

export async function setup(project: TestProject): Promise<void> {
  const existing = shared[RUN_KEY];
  if (existing) existing.users += 1;
  else shared[RUN_KEY] = { running: startForRun(), users: 1 };
  const { uri, user, password, database } = await shared[RUN_KEY]!.running;
  project.provide("neo4j", { uri, user, password, database });
}

export async function teardown(): Promise<void> {
  const run = shared[RUN_KEY];
  if (!run) return;
  run.users -= 1;
  if (run.users > 0) return;
  shared[RUN_KEY] = undefined;
  await (await run.running).stop();
}

async function startForRun(): Promise<RunningNeo4j> {
  const config = loadConfig();
  const neo4j = await provideNeo4j(config.neo4j, { log: (line) => console.log(`[neo4j] ${line}`) });
  const { uri, user, password, database } = neo4j;
  const driver = createDriver({ uri, user, password, connectionTimeoutMs: 10_000 });
  try {
    const executor = new CypherExecutor(driver, { database, timeoutMs: 120_000 });
    await applyConstraints(executor);
    await loadFixture(executor);
  } finally {
    await driver.close();
  }
  return neo4j;
}
