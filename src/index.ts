import "reflect-metadata";

import { randomBytes } from "node:crypto";

import { pino } from "pino";

import { createApp } from "./app.js";
import { Role } from "./auth/role.js";
import { signToken } from "./auth/tokens.js";
import { batchTimeoutMs, ConfigError, loadConfig } from "./config.js";
import { announceRunningDatabase } from "./db/command-database.js";
import { CypherExecutor } from "./db/cypher-executor.js";
import { CypherRegistry } from "./db/cypher-registry.js";
import { createDriver } from "./db/driver.js";
import { provideNeo4j } from "./db/neo4j-harness.js";
import { drain } from "./http/drain.js";
import { computeRings, prepareDatabase } from "./start-up.js";

/** How often start-up work is retried while Neo4j is not reachable. */
const RETRY_MS = 3_000;

async function main(): Promise<void> {
  const config = loadConfig();
  const logger = pino({ level: config.logLevel });

  let stopping = false;
  const neo4j = await provideNeo4j(config.neo4j, {
    dataDir: config.neo4j.dataDir,
    log: (line) => logger.info(line),
    // A database that ends unexpectedly is started again; the API answers DATABASE_UNAVAILABLE meanwhile.
    supervision: {
      restart: config.neo4j.restart,
      log: { info: (line) => logger.info(line), warn: (line) => logger.warn(line), error: (line) => logger.error(line) },
      isStopping: () => stopping,
    },
  });
  // The commands (`npm run keys`, `import`, `analyze`, `aggregates`) find this database through a
  // file in its data folder while the server runs (src/db/command-database.ts).
  const unannounce = await announceRunningDatabase(config.neo4j.dataDir, neo4j);
  const driver = createDriver({ ...config.neo4j, uri: neo4j.uri, user: neo4j.user, password: neo4j.password });
  const executor = new CypherExecutor(driver, { database: neo4j.database, timeoutMs: config.neo4j.queryTimeoutMs });
  const registry = await CypherRegistry.load();
  const developmentSecret = !config.production && !config.auth.jwtSecret && !config.auth.jwksUrl;
  // Outside production, with no token settings, tokens are signed with a key of this process
  // only, and one is printed so that the explorer answers at once.
  const auth = developmentSecret ? { ...config.auth, jwtSecret: randomBytes(32).toString("hex") } : config.auth;

  let started = false;
  // From the stop signal on, `/ready` answers 503: a balancer's checks take this replica out.
  const isReady = () => started && !stopping;
  const app = await createApp({ config: { ...config, auth }, executor, registry, logger, isStarted: isReady });
  const server = await app.listen(config.host, config.port);
  logger.info(`GraphQL API at ${server.url}`);
  if (developmentSecret) {
    const token = await signToken(auth, { subject: "developer", role: Role.INVESTIGATOR });
    logger.info(
      `development token (INVESTIGATOR, valid 12 h, signed with a key of this process only; paste it into the ` +
        `explorer's token field or send it as "Authorization: Bearer <token>"): ${token}`,
    );
  }

  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    const { delayMs, graceMs } = config.shutdown;
    logger.info(`${signal}: draining (/ready answers 503; serving ${delayMs} ms more, then up to ${graceMs} ms for requests in flight)`);
    try {
      if (!(await drain(() => app.close(), config.shutdown))) {
        logger.warn(`requests still in flight after ${graceMs} ms (SHUTDOWN_GRACE_MS) are cut off`);
      }
    } catch (error) {
      logger.error({ err: error }, "the API failed to stop cleanly");
    }
    await unannounce();
    await driver.close();
    await neo4j.stop();
    process.exit(0);
  };
  // A second signal while draining changes nothing: the drain is already bounded.
  process.on("SIGINT", () => void shutdown("SIGINT"));
  process.on("SIGTERM", () => void shutdown("SIGTERM"));

  // The API answers (with DATABASE_UNAVAILABLE if need be) while this is retried.
  const log = (line: string) => logger.info(line);
  // The constraints, the demo graph and the rings are batch work, not a request's query.
  const startUpExecutor = executor.withTimeout(batchTimeoutMs(config.neo4j));
  let demoBegun = false;
  while (!started && !stopping) {
    try {
      const prepared = await prepareDatabase(startUpExecutor, registry, {
        seedDemo: config.seedDemo,
        resumeDemo: demoBegun,
        onDemoStart: () => (demoBegun = true),
        onDemoDone: () => (demoBegun = false),
        log,
      });
      // The demo's rings take about a second: computed before the API says it is ready. On a
      // database of its own that never had them, after (it may take minutes).
      if (prepared.ringsMissing && prepared.demoLoaded) await computeRings(startUpExecutor, registry, log);
      started = true;
      if (prepared.ringsMissing && !prepared.demoLoaded) {
        computeRings(startUpExecutor, registry, log).catch((error: unknown) => logger.warn({ err: error }, "the ring analysis at start failed"));
      }
    } catch (error) {
      logger.warn({ err: error }, `start-up work failed; retrying in ${RETRY_MS / 1000} s`);
      await new Promise((resolve) => setTimeout(resolve, RETRY_MS));
    }
  }
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    console.error(`configuration error: ${error.message}`);
  } else {
    console.error(error);
  }
  process.exit(1);
});
