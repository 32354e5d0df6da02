import { inject } from "vitest";

import { loadConfig } from "../../src/config.js";
import { provideNeo4j, type RunningNeo4j } from "../../src/db/neo4j-harness.js";
import type { Lease } from "./scratch-neo4j-pool.js";

declare module "vitest" {
  export interface ProvidedContext {
    /** The global setup's pool of empty databases (scratch-neo4j-pool.ts). */
    scratchNeo4j: string;
  }
}

/**
 * An empty Neo4j of the caller's own until it calls `stop()`: lent by the run's pool of scratch
 * databases (no JVM started when one is free), or, outside a run with the global setup, started
 * for it alone as before.
 */
export async function scratchNeo4j(): Promise<RunningNeo4j> {
  const pool = inject("scratchNeo4j");
  if (pool === undefined) return provideNeo4j(loadConfig().neo4j);
  const response = await fetch(`${pool}/lease`, { method: "POST" });
  const body = (await response.json()) as Lease | { error: string };
  if ("error" in body) throw new Error(`no scratch database: ${body.error}`);
  const { id, uri, user, password, database, origin } = body;
  let returned = false;
  return {
    uri,
    user,
    password,
    database,
    origin,
    stop: async () => {
      if (returned) return;
      returned = true;
      await fetch(`${pool}/release?id=${encodeURIComponent(id)}`, { method: "POST" });
    },
  };
}
