import type { Neo4jSettings } from "../config.js";
import { DatabaseUnavailableError } from "../domain/errors.js";
import { CypherExecutor } from "./cypher-executor.js";
import { createDriver } from "./driver.js";
import { provideNeo4j } from "./neo4j-harness.js";
import { applyConstraints } from "./schema-setup.js";

/**
 * For command-line tools: runs `work` on the configured Neo4j (started if need be, as `npm start`
 * does, in the same data folder) once it answers and its constraints are applied, then closes
 * the driver and stops what it started. DatabaseUnavailableError when it does not answer.
 */
export async function withCommandDatabase<T>(
  settings: Neo4jSettings,
  options: { timeoutMs?: number },
  work: (executor: CypherExecutor) => Promise<T>,
): Promise<T> {
  const neo4j = await provideNeo4j(settings, { dataDir: settings.dataDir, log: (line) => console.error(line) });
  const driver = createDriver({ ...settings, uri: neo4j.uri, user: neo4j.user, password: neo4j.password });
  try {
    const executor = new CypherExecutor(driver, { database: neo4j.database, timeoutMs: options.timeoutMs ?? settings.queryTimeoutMs });
    if (!(await executor.isReachable())) throw new DatabaseUnavailableError();
    await applyConstraints(executor);
    return await work(executor);
  } finally {
    await driver.close();
    await neo4j.stop();
  }
}
