import { readFile } from "node:fs/promises";
import path from "node:path";

import { Neo4jGraphQL } from "@neo4j/graphql";
import type { GraphQLSchema } from "graphql";
import type { Driver } from "neo4j-driver";

import { projectRoot } from "../../src/config.js";

/** The peer's type definitions: the model of cypher/model.md as @neo4j/graphql reads it. */
export const PEER_TYPEDEFS_FILE = path.join(projectRoot, "bench", "peer", "peer-typedefs.graphql");

/**
 * The schema @neo4j/graphql generates from the committed type definitions, answering through
 * `driver` (every request's context must name the database, see `peerContext`).
 */
export async function buildPeerSchema(driver: Driver): Promise<GraphQLSchema> {
  const typeDefs = await readFile(PEER_TYPEDEFS_FILE, "utf8");
  return new Neo4jGraphQL({ typeDefs, driver }).getSchema();
}

/** The context of one request to the peer: the database its sessions open. */
export function peerContext(database: string): { sessionConfig: { database: string } } {
  return { sessionConfig: { database } };
}
