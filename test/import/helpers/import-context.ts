import { readFileSync } from "node:fs";
import path from "node:path";

import { parse } from "csv-parse/sync";
import type { Driver } from "neo4j-driver";

import { projectRoot } from "../../../src/config.js";
import { CypherExecutor } from "../../../src/db/cypher-executor.js";
import { CypherRegistry } from "../../../src/db/cypher-registry.js";
import { applyConstraints } from "../../../src/db/schema-setup.js";
import { importFiles, sourceCounts } from "../../../src/import/import-files.js";
import { neo4jFromContext } from "../../helpers/neo4j-context.js";
import { connect } from "../../helpers/test-api.js";

export const MAPPINGS = path.join(projectRoot, "mappings");
export const DATA = path.join(projectRoot, "data");
export const ROUTES_DIR = path.join(DATA, "routes-airport-seizures-2009-2016");
export const ROUTES_MAPPING = path.join(MAPPINGS, "routes-airport-seizures.yaml");
export const COUNTRIES_FILE = path.join(DATA, "countries", "countries.csv");
export const COUNTRIES_MAPPING = path.join(MAPPINGS, "countries.yaml");

export interface ImportTestContext {
  driver: Driver;
  executor: CypherExecutor;
  registry: CypherRegistry;
}

/**
 * A connection to the test run's Neo4j with its constraints. Import tests work in worlds of their
 * own (`idPrefix`): their countries, seizures and everything else carry a prefix, so they neither
 * see nor lock the nodes of other test files, and their counts are theirs.
 */
export async function importTestContext(): Promise<ImportTestContext> {
  const connection = neo4jFromContext();
  const driver = connect(connection, 5_000);
  const executor = new CypherExecutor(driver, { database: connection.database, timeoutMs: 60_000 });
  await applyConstraints(executor);
  return { driver, executor, registry: await CypherRegistry.load() };
}

/** Imports the countries into a world (see importTestContext) and returns the report. */
export async function importCountries(context: ImportTestContext, prefix: string, reportDir: string) {
  return importFiles(context.executor, COUNTRIES_MAPPING, [COUNTRIES_FILE], { registry: context.registry, reportDir, idPrefix: prefix });
}

/** Removes a world: every node its sources made, with their relationships, and the Source nodes. */
export async function deleteWorld(executor: CypherExecutor, prefix: string): Promise<void> {
  await executor.write(
    `MATCH (source:Source) WHERE source.id STARTS WITH $prefix
     OPTIONAL MATCH (source)<-[:SOURCED_FROM]-(node)
     DETACH DELETE node, source`,
    { prefix },
  );
  // Nodes only mentioned (never described) have no SOURCED_FROM.
  await executor.write(`MATCH (node) WHERE node.id STARTS WITH $prefix DETACH DELETE node`, { prefix });
}

/** Removes the resolution candidates and decisions of a world's persons and companies (they are not its nodes: deleteWorld leaves them). */
export async function deleteResolutionRecords(executor: CypherExecutor, prefix: string): Promise<void> {
  await executor.write(`MATCH (d:ResolutionDecision) WHERE d.aId STARTS WITH $prefix DETACH DELETE d`, { prefix });
  await executor.write(`MATCH (c:MatchCandidate) WHERE c.aId STARTS WITH $prefix DETACH DELETE c`, { prefix });
}

export async function countsOf(context: ImportTestContext, sourceId: string) {
  return sourceCounts(context.executor, context.registry, sourceId);
}

/** A CSV file read straight with csv-parse (not through the import code), headers trimmed. */
export function readCsv(file: string): Record<string, string>[] {
  return parse(readFileSync(file), { columns: (header: string[]) => header.map((name) => name.trim()), bom: true });
}

/** A prefix unique to one test, for ids and source ids it owns. */
export function uniquePrefix(name: string): string {
  return `test-${name}-${process.pid}-${Date.now().toString(36)}-`;
}

/**
 * ROUTES country names to ISO alpha-2 codes, independently of the import's normaliser: the
 * countries file's common names plus the few spellings ROUTES uses that it lacks.
 */
export const ROUTES_ISO_OF: Readonly<Record<string, string>> = {
  ...Object.fromEntries(readCsv(COUNTRIES_FILE).map((country) => [country.name_common, country.cca2])),
  "Czech Republic": "CZ",
  Libia: "LY",
  "Republic of Congo": "CG",
  Turkey: "TR",
  UAE: "AE",
  USA: "US",
};
