import type { GraphQLSchema } from "graphql";
import type { Logger } from "pino";

import type { Config } from "./config.js";
import type { CypherExecutor } from "./db/cypher-executor.js";
import type { CypherRegistry } from "./db/cypher-registry.js";
import { buildGraphQLSchema } from "./graphql/build-schema.js";
import { createSecurity } from "./security.js";
import { createApiServer, type ApiServer, type Security } from "./server.js";

/** What the API is made of; the server, the tests and the benchmarks each give their own. */
export interface AppOptions {
  /** Tokens and keys, pseudonyms, the audit trail, the limits, and whether this is production. */
  config: Pick<Config, "production" | "auth" | "limits" | "audit">;
  /** The one door to Neo4j. */
  executor: CypherExecutor;
  registry: CypherRegistry;
  logger: Logger;
  /** Built from the code when not given; a process that makes several apps can build it once. */
  schema?: GraphQLSchema;
  /** Whether start-up work (constraints) is done, for `/ready`; done from the start if not given. */
  isStarted?: () => boolean;
}

/** The API, Apollo started, ready to listen; `close` ends all it opened. */
export interface App extends ApiServer {
  /** Made from the configuration: authentication, pseudonyms, audit trail, limits, rate limiter. */
  security: Security;
  /** Stops listening, stops Apollo, then closes the audit trail and the rate limiter. */
  close(): Promise<void>;
}

/**
 * The API from its configuration and dependencies: security, schema, Apollo with its plugins and
 * error formatting, the per-request context, the HTTP routes. `npm start` (index.ts), the tests
 * (test/helpers/test-api.ts) and the benchmarks (bench/bench-server.ts) all start it here.
 */
export async function createApp(options: AppOptions): Promise<App> {
  const { config, executor, registry, logger } = options;
  const schema = options.schema ?? (await buildGraphQLSchema());
  const security = await createSecurity(config, executor, registry, (message) => logger.warn(message));
  let server: ApiServer;
  try {
    server = await createApiServer({
      schema,
      executor,
      registry,
      logger,
      production: config.production,
      security,
      isStarted: options.isStarted ?? (() => true),
    });
  } catch (error) {
    await security.close();
    throw error;
  }
  return {
    ...server,
    security,
    close: async () => {
      await server.close();
      await security.close();
    },
  };
}
