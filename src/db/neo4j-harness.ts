import type { Neo4jSettings } from "../config.js";
import { dockerEngineAnswers, startContainerNeo4j } from "./container-neo4j.js";
import { Neo4jStartError, startEmbeddedNeo4j } from "./embedded-neo4j.js";
import { superviseEmbeddedNeo4j, type SupervisionOptions } from "./neo4j-supervisor.js";

export type Neo4jOrigin = "external" | "container" | "embedded";

export interface RunningNeo4j {
  uri: string;
  user: string;
  password: string;
  database: string;
  origin: Neo4jOrigin;
  /** Stops what the harness started (a no-op for an external server); safe to call twice. */
  stop(): Promise<void>;
}

export interface ProvideOptions {
  /** Persistent folder (npm start); undefined = fresh temporary folder, deleted on stop. */
  dataDir?: string;
  /** Receives a few human lines: where the database comes from, its URI, how long it took. */
  log?: (line: string) => void;
  /**
   * Start the embedded database again when its JVM ends unexpectedly (npm start). Only with a
   * `dataDir`: a temporary folder is deleted by the JVM that made it. A container or a configured
   * server is not supervised.
   */
  supervision?: SupervisionOptions;
}

export { Neo4jStartError };

/**
 * Gives the app or the tests a Neo4j to talk to: the configured server if there is one, else a
 * container where Docker runs, else Neo4j embedded in a child JVM. The caller owns `stop()`.
 */
export async function provideNeo4j(settings: Neo4jSettings, options: ProvideOptions = {}): Promise<RunningNeo4j> {
  const log = options.log ?? (() => {});
  if (settings.uri !== undefined) {
    log(`using the Neo4j server at ${settings.uri}`);
    const { uri, user, password, database } = settings;
    return { uri, user, password, database, origin: "external", stop: async () => {} };
  }
  assertDefaultDatabase(settings);
  if (await dockerEngineAnswers()) {
    return startContainerNeo4j({ dataDir: options.dataDir, log });
  }
  log("no Docker engine answers; starting Neo4j embedded in a Java process");
  const embedded = await startEmbeddedNeo4j({ home: options.dataDir, log });
  if (options.supervision === undefined || options.dataDir === undefined) return embedded;
  options.supervision.log.info(`watching the embedded Neo4j (process ${embedded.pid}): it is started again if it ends unexpectedly`);
  return superviseEmbeddedNeo4j(embedded, options.supervision);
}

/** Community Edition has one user database, `neo4j`; another name only makes sense with NEO4J_URI. */
function assertDefaultDatabase(settings: Neo4jSettings): void {
  if (settings.database !== "neo4j") {
    throw new Neo4jStartError(
      `database "${settings.database}" was asked for, but the Neo4j started here (Community Edition) ` +
        `only has "neo4j"; set NEO4J_URI to use a server that has it`,
    );
  }
}
