import { randomBytes } from "node:crypto";
import { deepStrictEqual } from "node:assert/strict";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";

import { pino } from "pino";

import { Role } from "../../src/auth/role.js";
import { signToken } from "../../src/auth/tokens.js";
import { loadConfig } from "../../src/config.js";
import type { CypherExecutor } from "../../src/db/cypher-executor.js";
import type { CypherRegistry } from "../../src/db/cypher-registry.js";
import { buildGraphQLSchema } from "../../src/graphql/build-schema.js";
import { createSecurity } from "../../src/security.js";
import { startServer } from "../../src/server.js";
import { timed, type Timings } from "../measure.js";
import type { Shape } from "../shapes.js";

/**
 * The API as an analyst calls it: the whole server (authentication, limits, audit trail) on a free
 * port, and requests that carry an ANALYST bearer token. The token secret and the pseudonym key
 * are made for the run; the audit trail goes to a temporary folder; the rate limit is lifted so
 * that it does not throttle the benchmark's sequential requests.
 */
export interface AnalystApi {
  url: string;
  headers: Record<string, string>;
  close(): Promise<void>;
}

export async function startAnalystApi(executor: CypherExecutor, registry: CypherRegistry): Promise<AnalystApi> {
  const auditDir = await mkdtemp(path.join(os.tmpdir(), "bench-analyst-audit-"));
  const config = loadConfig({
    ...process.env,
    AUTH_JWT_SECRET: randomBytes(32).toString("hex"),
    PSEUDONYM_SECRET: randomBytes(32).toString("hex"),
    AUDIT_LOG_PATH: path.join(auditDir, "audit-log.jsonl"),
    RATE_LIMIT_PER_MINUTE: "1000000",
  });
  const security = await createSecurity(config, executor, registry);
  const server = await startServer(
    {
      schema: await buildGraphQLSchema(),
      executor,
      registry,
      logger: pino({ level: "silent" }),
      production: config.production,
      security,
      isStarted: () => true,
    },
    "127.0.0.1",
    0,
  );
  const token = await signToken(config.auth, { subject: "bench-analyst", role: Role.ANALYST, expiresIn: "12h" });
  return {
    url: server.url,
    headers: { authorization: `Bearer ${token}` },
    close: async () => {
      await server.close();
      await security.close();
      await rm(auditDir, { recursive: true, force: true });
    },
  };
}

/** POSTs a GraphQL request with the analyst's token and returns its `data`; any error fails the benchmark. */
export async function postAsAnalyst(api: AnalystApi, query: string, variables: Record<string, unknown>): Promise<unknown> {
  const response = await fetch(api.url, {
    method: "POST",
    headers: { "content-type": "application/json", ...api.headers },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: unknown; errors?: unknown[] };
  if (response.status !== 200 || body.errors !== undefined) {
    throw new Error(`GraphQL request failed (HTTP ${response.status}): ${JSON.stringify(body.errors ?? body)}`);
  }
  return body.data;
}

/** As `warmUp` in bench/measure.ts, with the analyst's token: both ways, answers checked equal. */
export async function warmUpAsAnalyst(api: AnalystApi, shape: Shape, count: number): Promise<void> {
  for (let iteration = 0; iteration < count; iteration++) {
    const fromApi = await postAsAnalyst(api, shape.graphql, shape.variables(iteration));
    const fromDirect = await shape.direct(iteration);
    try {
      deepStrictEqual(fromDirect, fromApi);
    } catch (error) {
      throw new Error(
        `${shape.title}: the direct query and the API disagree for ${JSON.stringify(shape.variables(iteration))}; ` +
          `the comparison would not be fair.\n${(error as Error).message}`,
      );
    }
  }
}

/** As `measure` in bench/measure.ts, with the analyst's token: API and direct interleaved, alternating which goes first. */
export async function measureAsAnalyst(api: AnalystApi, shape: Shape, first: number, iterations: number): Promise<Timings> {
  const timings: Timings = { api: [], direct: [] };
  for (let index = 0; index < iterations; index++) {
    const iteration = first + index;
    const sides = [
      async () => timings.api.push((await timed(() => postAsAnalyst(api, shape.graphql, shape.variables(iteration)))).ms),
      async () => timings.direct.push((await timed(() => shape.direct(iteration))).ms),
    ];
    if (index % 2 === 1) sides.reverse();
    for (const side of sides) await side();
  }
  return timings;
}
