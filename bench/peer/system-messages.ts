/**
 * What the benchmark and a GraphQL server it runs in a child process (serve-system.ts) say to
 * each other over the IPC channel. Each server has a process of its own so that its CPU time is
 * its own, apart from the load generator's and the other server's.
 */

/** The GraphQL servers compared: this API, and @neo4j/graphql over the same database. */
export type ServedSystem = "api" | "peer";

export interface Connection {
  uri: string;
  user: string;
  password: string;
  database: string;
}

export type ToServer = { type: "start"; system: ServedSystem; connection: Connection } | { type: "stats" } | { type: "stop" };

export type FromServer =
  | { type: "ready"; url: string; authorization: string | undefined }
  | { type: "stats"; queries: number; cpuMicros: number }
  | { type: "failed"; message: string };
