import "reflect-metadata";

import { randomBytes } from "node:crypto";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { Session } from "node:inspector/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";

import { ApolloServer } from "@apollo/server";
import { startStandaloneServer } from "@apollo/server/standalone";
import { destination, pino } from "pino";

import type { AuditTrail } from "../../src/audit/audit-trail.js";
import type { Authenticator } from "../../src/auth/authenticate.js";
import { Role } from "../../src/auth/role.js";
import type { Viewer } from "../../src/auth/viewer.js";
import type { RateLimiter } from "../../src/http/rate-limit.js";
import type { Security } from "../../src/server.js";
import { variantNamed, type Variant } from "./variants.js";

/**
 * One server of the fixed-cost benchmark, in a process of its own (forked by run.ts), so that
 * `process.cpuUsage()` is that server's CPU time and nothing else. The code served is loaded from
 * `codeRoot`: this checkout's `dist/`, or a baseline's, so that before and after run side by side.
 */
export interface ServeSpec {
  variant: string;
  /** A `dist/` folder holding `src/` as compiled by `tsc -p tsconfig.build.json`. */
  codeRoot: string;
  neo4j: { uri: string; user: string; password: string; database: string };
  /** An API key the parent stored in that Neo4j, for the api-key variant. */
  apiKey: string;
}

/** From the parent. */
export type ParentMessage = { kind: "cpu" } | { kind: "profile-start" } | { kind: "profile-stop"; file: string } | { kind: "stop" };

/** To the parent. */
export type ChildMessage =
  | { kind: "ready"; url: string; authorization: string }
  | { kind: "cpu"; user: number; system: number }
  | { kind: "profiled"; file: string }
  | { kind: "stopped" };

const BENCH_VIEWER: Viewer = { subject: "token:benchmark", role: Role.ADMIN, method: "token" };

/** A trail that keeps nothing: the audit stage switched off (its plugin still runs). */
const NO_AUDIT = {
  record: async () => {},
  list: async () => ({ records: [], hasMore: false, totalCount: 0 }),
  verify: async () => ({ valid: true, records: 0, firstBadIndex: null, reason: null, head: null }),
  close: async () => {},
} satisfies AuditTrail;

/** A rate limiter that counts nothing. */
const NO_RATE_LIMIT: RateLimiter = {
  consume: async () => ({ allowed: true, retryAfterSeconds: 0 }),
  mayAuthenticate: async () => ({ allowed: true, retryAfterSeconds: 0 }),
  failedAuthentication: async () => {},
  close: async () => {},
};

/** The modules of the code under test, from its compiled folder. */
async function loadCode(codeRoot: string) {
  const at = (file: string) => pathToFileURL(path.join(codeRoot, "src", file)).href;
  return {
    config: (await import(at("config.js"))) as typeof import("../../src/config.js"),
    security: (await import(at("security.js"))) as typeof import("../../src/security.js"),
    server: (await import(at("server.js"))) as typeof import("../../src/server.js"),
    tokens: (await import(at("auth/tokens.js"))) as typeof import("../../src/auth/tokens.js"),
    executor: (await import(at("db/cypher-executor.js"))) as typeof import("../../src/db/cypher-executor.js"),
    registry: (await import(at("db/cypher-registry.js"))) as typeof import("../../src/db/cypher-registry.js"),
    driver: (await import(at("db/driver.js"))) as typeof import("../../src/db/driver.js"),
    schema: (await import(at("graphql/build-schema.js"))) as typeof import("../../src/graphql/build-schema.js"),
  };
}

async function serve(spec: ServeSpec, variant: Variant): Promise<{ url: string; authorization: string; close: () => Promise<void> }> {
  const code = await loadCode(spec.codeRoot);
  const auditDir = await mkdtemp(path.join(tmpdir(), "overhead-audit-"));
  const config = code.config.loadConfig({
    NODE_ENV: "production",
    AUTH_JWT_SECRET: randomBytes(32).toString("hex"),
    PSEUDONYM_SECRET: randomBytes(32).toString("hex"),
    AUDIT_LOG_PATH: path.join(auditDir, "audit-log.jsonl"),
    // Counted as in production, never reached: the requests come one after the other, as fast as answered.
    RATE_LIMIT_PER_MINUTE: "1000000",
    NEO4J_URI: spec.neo4j.uri,
    NEO4J_USER: spec.neo4j.user,
    NEO4J_PASSWORD: spec.neo4j.password || "unused",
    NEO4J_DATABASE: spec.neo4j.database,
  });
  const schema = await code.schema.buildGraphQLSchema();
  const token = await code.tokens.signToken(config.auth, { subject: "benchmark", role: Role.ADMIN });
  const authorization = `Bearer ${variant.credential === "api-key" ? spec.apiKey : token}`;
  const listen = { host: "127.0.0.1", port: 0 };

  if (variant.server === "apollo-bare") {
    const apollo = new ApolloServer({ schema });
    const { url } = await startStandaloneServer(apollo, { listen });
    return { url, authorization, close: () => apollo.stop() };
  }

  const driver = code.driver.createDriver({ ...config.neo4j, uri: spec.neo4j.uri, password: spec.neo4j.password });
  const executor = new code.executor.CypherExecutor(driver, { database: spec.neo4j.database, timeoutMs: config.neo4j.queryTimeoutMs });
  const registry = await code.registry.CypherRegistry.load();
  const full = await code.security.createSecurity(config, executor, registry);
  const off = new Set(variant.off);
  const security: Security = {
    ...full,
    authenticator: off.has("authentication") ? ({ authenticate: async () => BENCH_VIEWER } as unknown as Authenticator) : full.authenticator,
    rateLimiter: off.has("rate-limit") ? NO_RATE_LIMIT : full.rateLimiter,
    audit: off.has("audit") ? NO_AUDIT : full.audit,
  };
  // Production logs at info; nothing of a request is logged unless it fails.
  const logger = pino({ level: "info" }, destination("/dev/null"));
  const closeAll = async (stop: () => Promise<void>) => {
    await stop();
    await full.close();
    await driver.close();
    await rm(auditDir, { recursive: true, force: true });
  };

  if (variant.server === "apollo-config") {
    const apollo = code.server.createApollo({ schema, logger, production: true, security });
    const context = code.server.createContextFactory(executor, registry, security);
    const { url } = await startStandaloneServer(apollo, { listen, context: () => context(BENCH_VIEWER) });
    return { url, authorization, close: () => closeAll(() => apollo.stop()) };
  }

  const deps = { schema, executor, registry, logger, production: true, security, isStarted: () => true };
  const server = await code.server.startServer(deps, listen.host, listen.port);
  return { url: server.url, authorization, close: () => closeAll(() => server.close()) };
}

async function main(): Promise<void> {
  const spec = JSON.parse(process.argv[2] ?? "") as ServeSpec;
  // Apollo reads it for its own defaults; the API's configuration is given above.
  process.env.NODE_ENV = "production";
  const send = (message: ChildMessage) => process.send!(message);
  const server = await serve(spec, variantNamed(spec.variant));
  let profiler: Session | undefined;

  process.on("message", (message: ParentMessage) => {
    void (async () => {
      switch (message.kind) {
        case "cpu": {
          const { user, system } = process.cpuUsage();
          return send({ kind: "cpu", user, system });
        }
        case "profile-start":
          profiler = new Session();
          profiler.connect();
          await profiler.post("Profiler.enable");
          await profiler.post("Profiler.setSamplingInterval", { interval: 100 });
          await profiler.post("Profiler.start");
          return;
        case "profile-stop": {
          const { profile } = await profiler!.post("Profiler.stop");
          profiler!.disconnect();
          await writeFile(message.file, JSON.stringify(profile));
          return send({ kind: "profiled", file: message.file });
        }
        case "stop":
          await server.close();
          process.send!({ kind: "stopped" } satisfies ChildMessage, () => process.exit(0));
          return;
      }
    })().catch((error: unknown) => {
      console.error(error);
      process.exit(1);
    });
  });
  send({ kind: "ready", url: server.url, authorization: server.authorization });
}

await main();
