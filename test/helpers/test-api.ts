import "reflect-metadata";

import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";

import type { Driver } from "neo4j-driver";
import { pino } from "pino";

import { createApp } from "../../src/app.js";
import { Role } from "../../src/auth/role.js";
import { signToken } from "../../src/auth/tokens.js";
import { loadConfig, type Config } from "../../src/config.js";
import { CypherExecutor, type Parameters } from "../../src/db/cypher-executor.js";
import { CypherRegistry } from "../../src/db/cypher-registry.js";
import { loadFixture } from "../../src/db/demo-data.js";
import { createDriver } from "../../src/db/driver.js";
import { applyConstraints } from "../../src/db/schema-setup.js";
import type { Security } from "../../src/server.js";
import { neo4jFromContext, type Neo4jConnection } from "./neo4j-context.js";

export interface TestApi {
  url: string;
  driver: Driver;
  executor: CypherExecutor;
  /** Every query sent to Neo4j by the API since the last `resetQueries()`. */
  queries: string[];
  /** The parameters of each of `queries`, at the same index. */
  queryParameters: Parameters[];
  resetQueries(): void;
  /** POSTs a GraphQL request over real HTTP as `as` (default: ADMIN) and returns the parsed body. */
  post(query: string, variables?: Record<string, unknown>, as?: Caller): Promise<GraphQLResponse>;
  /** A bearer token of the test API's secret for `role`. */
  token(role: Role, subject?: string): Promise<string>;
  config: Config;
  security: Security;
  close(): Promise<void>;
}

/** Who a test request comes as: a role (a token is signed for it), a raw Authorization header, or nobody. */
export type Caller = Role | { authorization?: string; origin?: string; headers?: Record<string, string> };

/** The test API's token secret: tests sign their own tokens with it. */
export const TEST_JWT_SECRET = "test-secret-of-the-test-api-0123456789abcdef";

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
  options: {
    connection?: Neo4jConnection;
    loadFixture?: boolean;
    logLines?: string[];
    env?: NodeJS.ProcessEnv;
    /** Hears each query before it is sent; what it throws, the query fails with (a fault of a test's choosing). */
    beforeQuery?: (query: string) => void;
  } = {},
): Promise<TestApi> {
  const connection = options.connection ?? neo4jFromContext();
  const driver = connect(connection);
  const queries: string[] = [];
  const queryParameters: Parameters[] = [];
  const executor = new CypherExecutor(driver, {
    database: connection.database,
    timeoutMs: 60_000,
    onQuery: (query, parameters) => {
      queries.push(query);
      queryParameters.push(parameters);
      options.beforeQuery?.(query);
    },
  });
  if (options.loadFixture ?? false) {
    await applyConstraints(executor);
    await loadFixture(executor);
  }
  const auditDir = await mkdtemp(path.join(tmpdir(), "audit-"));
  const config = loadConfig({
    AUTH_JWT_SECRET: TEST_JWT_SECRET,
    PSEUDONYM_SECRET: "pseudonyms-of-the-test-api-0123456789abcdef",
    AUDIT_LOG_PATH: path.join(auditDir, "audit-log.jsonl"),
    // Test files send many requests a minute with one token; the rate limit has tests of its own.
    RATE_LIMIT_PER_MINUTE: "1000000",
    ...options.env,
  });
  const app = await createApp({ config, executor, registry: await CypherRegistry.load(), logger: capturingLogger(options.logLines) });
  const server = await app.listen("127.0.0.1", 0);
  const token = (role: Role, subject = `test-${role.toLowerCase()}`) => signToken(config.auth, { subject, role });
  queries.length = 0;
  queryParameters.length = 0;
  return {
    url: server.url,
    driver,
    executor,
    queries,
    queryParameters,
    resetQueries: () => {
      queries.length = 0;
      queryParameters.length = 0;
    },
    post: async (query, variables, as = Role.ADMIN) => {
      const headers = typeof as === "string" ? { authorization: `Bearer ${await token(as)}` } : callerHeaders(as);
      return postGraphQL(server.url, query, variables, headers);
    },
    token,
    config,
    security: app.security,
    close: async () => {
      await app.close();
      await driver.close();
      await rm(auditDir, { recursive: true, force: true });
    },
  };
}

function callerHeaders(caller: Exclude<Caller, Role>): Record<string, string> {
  return {
    ...(caller.authorization === undefined ? {} : { authorization: caller.authorization }),
    ...(caller.origin === undefined ? {} : { origin: caller.origin }),
    ...caller.headers,
  };
}

export async function postGraphQL(
  url: string,
  query: string,
  variables?: Record<string, unknown>,
  headers: Record<string, string> = {},
): Promise<GraphQLResponse> {
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, ...((await response.json()) as object) };
}
