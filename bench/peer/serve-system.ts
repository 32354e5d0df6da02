import "reflect-metadata";

import { pino } from "pino";

import { loadConfig } from "../../src/config.js";
import { CypherExecutor } from "../../src/db/cypher-executor.js";
import { CypherRegistry } from "../../src/db/cypher-registry.js";
import { createDriver } from "../../src/db/driver.js";
import { buildGraphQLSchema } from "../../src/graphql/build-schema.js";
import { startBenchServer } from "../bench-server.js";
import { postGraphQL } from "../measure.js";
import { countingDriver } from "./counting-driver.js";
import { startPeerServer } from "./peer-server.js";
import type { Connection, FromServer, ToServer } from "./system-messages.js";

/**
 * A child process of `npm run bench:peer` serving one system over HTTP on 127.0.0.1: this API
 * (bench-server.ts as it is: tokens, limits, audit trail) or @neo4j/graphql. It counts the Cypher
 * statements its system sends and reports them, with its own CPU time, when asked. It stops when
 * asked, or when its parent goes (the IPC channel closes).
 */

let close: (() => Promise<void>) | undefined;
let countQueries: () => number = () => 0;

function send(message: FromServer): void {
  process.send?.(message);
}

async function start(system: "api" | "peer", connection: Connection): Promise<void> {
  const config = loadConfig();
  const baseDriver = createDriver({ ...connection, connectionTimeoutMs: config.neo4j.connectionTimeoutMs });
  if (system === "peer") {
    const { driver, counter } = countingDriver(baseDriver);
    const peer = await startPeerServer(driver, connection.database);
    countQueries = () => counter.count;
    close = async () => {
      await peer.close();
      await baseDriver.close();
    };
    send({ type: "ready", url: peer.url, authorization: undefined });
    return;
  }
  let queries = 0;
  const executor = new CypherExecutor(baseDriver, {
    database: connection.database,
    timeoutMs: config.neo4j.queryTimeoutMs,
    onQuery: () => void queries++,
  });
  countQueries = () => queries;
  const server = await startBenchServer({
    schema: await buildGraphQLSchema(),
    registry: await CypherRegistry.load(),
    executor,
    logger: pino({ level: "silent" }),
    production: config.production,
    isStarted: () => true,
  });
  close = async () => {
    await server.close();
    await baseDriver.close();
  };
  send({ type: "ready", url: server.url, authorization: await benchCredentials() });
}

/**
 * The Authorization header bench-server.ts signed for this process's requests. It hands the header
 * to measure.ts, which sends it with every request; the load generator is another process, so the
 * header is read back here from one request measure.ts sends (to no server: fetch is replaced
 * for that one call).
 */
async function benchCredentials(): Promise<string | undefined> {
  const realFetch = globalThis.fetch;
  let authorization: string | undefined;
  globalThis.fetch = async (_input, init) => {
    authorization = new Headers(init?.headers).get("authorization") ?? undefined;
    return new Response(JSON.stringify({ data: {} }), { status: 200, headers: { "content-type": "application/json" } });
  };
  try {
    await postGraphQL("http://127.0.0.1/", "{ __typename }", {});
  } finally {
    globalThis.fetch = realFetch;
  }
  return authorization;
}

async function stop(code: number): Promise<never> {
  try {
    await close?.();
  } finally {
    process.exit(code);
  }
}

process.on("message", (message: ToServer) => {
  switch (message.type) {
    case "start":
      start(message.system, message.connection).catch((error: unknown) => {
        send({ type: "failed", message: error instanceof Error ? (error.stack ?? error.message) : String(error) });
        void stop(1);
      });
      break;
    case "stats": {
      const cpu = process.cpuUsage();
      send({ type: "stats", queries: countQueries(), cpuMicros: cpu.user + cpu.system });
      break;
    }
    case "stop":
      void stop(0);
      break;
  }
});
process.on("disconnect", () => void stop(0));
