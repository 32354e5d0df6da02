// The keys command: `npm run keys -- create|revoke|list|token ...` (see keys-command.ts).
import { ConfigError, loadConfig } from "../config.js";
import { adoptRunningDatabase, withCommandDatabase } from "../db/command-database.js";
import { CypherRegistry } from "../db/cypher-registry.js";
import { DatabaseUnavailableError } from "../domain/errors.js";
import { ApiKeyRepository } from "../repositories/api-key.repository.js";
import { announceRevocation } from "./key-revocations.js";
import { runKeysCommand, UsageError } from "./keys-command.js";

async function main(argv: readonly string[]): Promise<number> {
  try {
    // Beside a running `npm start`, its database (an embedded one has one user at a time).
    if (argv[0] !== "token") {
      const running = await adoptRunningDatabase();
      if (running) console.error(running);
    }
    const config = loadConfig();
    const { redisUrl } = config.limits;
    const announce = redisUrl === undefined ? undefined : (id: string) => announceRevocation(redisUrl, id);
    const lines =
      argv[0] === "token"
        ? // Signing a token needs no database.
          await runKeysCommand(argv, {} as ApiKeyRepository, config.auth)
        : await withCommandDatabase(config.neo4j, {}, async (executor) =>
            runKeysCommand(argv, new ApiKeyRepository(executor, await CypherRegistry.load()), config.auth, announce),
          );
    for (const line of lines) console.log(line);
    return 0;
  } catch (error) {
    if (error instanceof UsageError || error instanceof ConfigError || error instanceof DatabaseUnavailableError) {
      console.error(error.message);
    } else {
      console.error(error);
    }
    return 1;
  }
}

process.exitCode = await main(process.argv.slice(2));
