import type { TestProject } from "vitest/node";
import { loadConfig } from "../../src/config.js";
import { provideNeo4j, type RunningNeo4j } from "../../src/db/neo4j-harness.js";

// One database for the whole run: a JVM or container start costs seconds, so test files share it
// and each test owns its own ids.
let neo4jForRun: RunningNeo4j | undefined;

export async function setup(project: TestProject): Promise<void> {
  const config = loadConfig();
  neo4jForRun = await provideNeo4j(config.neo4j, { log: (line) => console.log(`[neo4j] ${line}`) });
  const { uri, user, password, database } = neo4jForRun;
  project.provide("neo4j", { uri, user, password, database });
}

export async function teardown(): Promise<void> {
  await neo4jForRun?.stop();
  neo4jForRun = undefined;
}
