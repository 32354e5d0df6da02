import path from "node:path";

import { CypherExecutor } from "../../src/db/cypher-executor.js";
import { CypherRegistry } from "../../src/db/cypher-registry.js";
import { createDriver } from "../../src/db/driver.js";
import type { RunningNeo4j } from "../../src/db/neo4j-harness.js";
import { loadFixture } from "../../src/db/demo-data.js";
import { applyConstraints } from "../../src/db/schema-setup.js";
import { importGeneratedNetwork } from "../../src/import/generated-files.js";
import { importFiles } from "../../src/import/import-files.js";
import { COUNTRIES_FILE, COUNTRIES_MAPPING, ROUTES_DIR, ROUTES_MAPPING } from "../import/helpers/import-context.js";
import { scratchNeo4j } from "./scratch-neo4j.js";

export interface RoutesDatabase {
  database: RunningNeo4j;
  connection: { uri: string; user: string; password: string; database: string };
}

/**
 * An empty Neo4j of its own for the analyst tests, which count every seizure in it (lent by the
 * run's pool of scratch databases until `database.stop()`): its constraints, the
 * countries, the ROUTES seizures and, when asked, a generated network's files (`networkDir`) and
 * the hand-made fixture. Import reports go to `reportDir`.
 */
export async function startRoutesDatabase(reportDir: string, also: { networkDir?: string; fixture?: boolean } = {}): Promise<RoutesDatabase> {
  const database = await scratchNeo4j();
  const connection = { uri: database.uri, user: database.user, password: database.password, database: database.database };
  const driver = createDriver({ ...connection, connectionTimeoutMs: 10_000 });
  try {
    const executor = new CypherExecutor(driver, { database: connection.database, timeoutMs: 120_000 });
    await applyConstraints(executor);
    const registry = await CypherRegistry.load();
    await importFiles(executor, COUNTRIES_MAPPING, [COUNTRIES_FILE], { registry, reportDir });
    await importFiles(executor, ROUTES_MAPPING, [path.join(ROUTES_DIR, "tot.csv"), path.join(ROUTES_DIR, "transittots.csv")], {
      registry,
      reportDir,
    });
    if (also.networkDir !== undefined) await importGeneratedNetwork(executor, also.networkDir, { registry, reference: "missing" });
    if (also.fixture) await loadFixture(executor);
  } catch (error) {
    // The caller never gets the database to stop.
    await database.stop();
    throw error;
  } finally {
    await driver.close();
  }
  return { database, connection };
}
