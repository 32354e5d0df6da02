// The keys command: `npm run keys -- create|revoke|list|token ...` (see keys-command.ts).
import { ConfigError, loadConfig } from "../config.js";
import { CypherExecutor } from "../db/cypher-executor.js";
import { CypherRegistry } from "../db/cypher-registry.js";
import { createDriver } from "../db/driver.js";
import { provideNeo4j, type RunningNeo4j } from "../db/neo4j-harness.js";
import { applyConstraints } from "../db/schema-setup.js";
import { DatabaseUnavailableError } from "../domain/errors.js";
import { ApiKeyRepository } from "../repositories/api-key.repository.js";
import { runKeysCommand, UsageError } from "./keys-command.js";

async function main(argv: readonly string[]): Promise<number> {
  let neo4j: RunningNeo4j | undefined;
  let driver: ReturnType<typeof createDriver> | undefined;
  try {
    const config = loadConfig();
    const needsDatabase = argv[0] !== "token";
    let keys = {} as ApiKeyRepository;
    if (needsDatabase) {
      neo4j = await provideNeo4j(config.neo4j, { dataDir: config.neo4j.dataDir, log: (line) => console.error(line) });
      driver = createDriver({ ...config.neo4j, uri: neo4j.uri, user: neo4j.user, password: neo4j.password });
      const executor = new CypherExecutor(driver, { database: neo4j.database, timeoutMs: config.neo4j.queryTimeoutMs });
      if (!(await executor.isReachable())) throw new DatabaseUnavailableError();
      await applyConstraints(executor);
      keys = new ApiKeyRepository(executor, await CypherRegistry.load());
    }
    for (const line of await runKeysCommand(argv, keys, config.auth)) console.log(line);
    return 0;
  } catch (error) {
    if (error instanceof UsageError || error instanceof ConfigError || error instanceof DatabaseUnavailableError) {
      console.error(error.message);
    } else {
      console.error(error);
    }
    return 1;
  } finally {
    await driver?.close();
    await neo4j?.stop();
  }
}

process.exitCode = await main(process.argv.slice(2));
