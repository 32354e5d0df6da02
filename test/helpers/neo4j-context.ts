import { inject } from "vitest";

/** How tests reach the Neo4j that the global setup provides for the whole run. */
export interface Neo4jConnection {
  uri: string;
  user: string;
  password: string;
  database: string;
}

declare module "vitest" {
  export interface ProvidedContext {
    neo4j: Neo4jConnection;
  }
}

export function neo4jFromContext(): Neo4jConnection {
  const connection = inject("neo4j");
  if (connection === undefined) {
    throw new Error("no Neo4j was provided: is test/helpers/global-setup.ts the globalSetup in vitest.config.ts?");
  }
  return connection;
}
