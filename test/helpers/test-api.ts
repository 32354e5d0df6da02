import "reflect-metadata";

import type { Driver } from "neo4j-driver";
import { pino } from "pino";

import { CypherExecutor } from "../../src/db/cypher-executor.js";
import { CypherRegistry } from "../../src/db/cypher-registry.js";
import { loadFixture } from "../../src/db/demo-data.js";
import { createDriver } from "../../src/db/driver.js";
import { applyConstraints } from "../../src/db/schema-setup.js";
import { buildGraphQLSchema } from "../../src/graphql/build-schema.js";
import { startServer, type RunningServer } from "../../src/server.js";
import { neo4jFromContext, type Neo4jConnection } from "./neo4j-context.js";

export interface TestApi {
  url: string;
  driver: Driver;
  executor: CypherExecutor;
  /** Every query sent to Neo4j by the API since the last `resetQueries()`. */
  queries: string[];
  resetQueries(): void;
  /** POSTs a GraphQL request over real HTTP and returns the parsed body. */
  post(query: string, variables?: Record<string, unknown>): Promise<GraphQLResponse>;
  close(): Promise<void>;
}

export interface GraphQLResponse {
  status: number;
  data?: Record<string, any> | null;
  errors?: { message: string; path?: (string | number)[]; extensions?: { code?: string; argument?: string } }[];
}

/** A silent logger that keeps what it is given, so tests can check what would be logged. */
export function capturingLogger(lines: string[] = []) {
  return pino({ level: "debug" }, { write: (line: string) => void lines.push(line) });
}

export function connect(connection: Neo4jConnection = neo4jFromContext(), connectionTimeoutMs = 2_000): Driver {
  return createDriver({ ...connection, connectionTimeoutMs });
}

/**
 * The API on a free port over the test run's Neo4j, where the global setup has applied the
 * constraints and loaded the fixture. `loadFixture` is for a database of a test's own.
 */
export async function startTestApi(
  options: { connection?: Neo4jConnection; loadFixture?: boolean; logLines?: string[] } = {},
): Promise<TestApi> {
  const connection = options.connection ?? neo4jFromContext();
  const driver = connect(connection);
  const queries: string[] = [];
  const executor = new CypherExecutor(driver, {
    database: connection.database,
    timeoutMs: 60_000,
    onQuery: (query) => queries.push(query),
  });
  if (options.loadFixture ?? false) {
    await applyConstraints(executor);
    await loadFixture(executor);
  }
  const server: RunningServer = await startServer(
    {
      schema: await buildGraphQLSchema(),
      executor,
      registry: await CypherRegistry.load(),
      logger: capturingLogger(options.logLines),
      production: false,
      isStarted: () => true,
    },
    "127.0.0.1",
    0,
  );
  queries.length = 0;
  return {
    url: server.url,
    driver,
    executor,
    queries,
    resetQueries: () => void (queries.length = 0),
    post: (query, variables) => postGraphQL(server.url, query, variables),
    close: async () => {
      await server.close();
      await driver.close();
    },
  };
}

export async function postGraphQL(
  url: string,
  query: string,
  variables?: Record<string, unknown>,
): Promise<GraphQLResponse> {
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, ...((await response.json()) as object) };
}
