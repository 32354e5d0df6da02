import { createHash } from "node:crypto";

import neo4j, { type Driver } from "neo4j-driver";

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
