import { createHash } from "node:crypto";

import neo4j, { type Driver } from "neo4j-driver";

import { provideNeo4j, type RunningNeo4j } from "../../src/db/neo4j-harness.js";
import { loadConfig } from "../../src/config.js";
import type { Neo4jConnection } from "./neo4j-context.js";

/** What a database holds, in a form two readings can be compared by. */
export interface DatabaseSnapshot {
  nodes: number;
  relationships: number;
  /** SHA-256 of every node's labels and properties and every relationship's type, ends and properties. */
  checksum: string;
}

/** Reads the whole database (meant for small test databases) in a read session. */
export async function snapshotDatabase(driver: Driver, database: string): Promise<DatabaseSnapshot> {
  const session = driver.session({ database, defaultAccessMode: neo4j.session.READ });
  try {
    const nodes = await session.run("MATCH (n) RETURN elementId(n) AS id, labels(n) AS labels, properties(n) AS properties");
    const relationships = await session.run(
      "MATCH (a)-[r]->(b) RETURN elementId(r) AS id, type(r) AS type, elementId(a) AS from, elementId(b) AS to, properties(r) AS properties",
    );
    const lines = [...nodes.records, ...relationships.records].map((record) => stableJson(record.toObject())).sort();
    return {
      nodes: nodes.records.length,
      relationships: relationships.records.length,
      checksum: createHash("sha256").update(lines.join("\n")).digest("hex"),
    };
  } finally {
    await session.close();
  }
}

/** JSON with object keys sorted, labels sorted, and Neo4j numbers and temporals as text. */
function stableJson(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) => {
    if (neo4j.isInt(inner) || neo4j.isDate(inner) || neo4j.isDateTime(inner) || neo4j.isLocalDateTime(inner) || neo4j.isPoint(inner)) {
      return String(inner);
    }
    if (inner !== null && typeof inner === "object" && !Array.isArray(inner)) {
      return Object.fromEntries(Object.entries(inner).sort(([a], [b]) => a.localeCompare(b)));
    }
    return inner;
  });
}

/**
 * A database of a test file's own (an embedded Neo4j started for it), for tests that must show
 * the database unchanged while other files write to the shared one. Null when NEO4J_URI points at
 * an external server, which a test file cannot duplicate.
 */
export async function startOwnDatabase(): Promise<{ connection: Neo4jConnection; stop(): Promise<void> } | null> {
  if (process.env.NEO4J_URI !== undefined && process.env.NEO4J_URI !== "") return null;
  const database: RunningNeo4j = await provideNeo4j(loadConfig().neo4j);
  return {
    connection: { uri: database.uri, user: database.user, password: database.password, database: database.database },
    stop: () => database.stop(),
  };
}
