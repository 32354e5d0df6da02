import { deepStrictEqual } from "node:assert/strict";
import { existsSync } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";

import type { Config } from "../../src/config.js";
import { projectRoot } from "../../src/config.js";
import { CypherExecutor } from "../../src/db/cypher-executor.js";
import { CypherRegistry } from "../../src/db/cypher-registry.js";
import { createDriver } from "../../src/db/driver.js";
import { provideNeo4j } from "../../src/db/neo4j-harness.js";
import { applyConstraints } from "../../src/db/schema-setup.js";
import { generateNetwork } from "../../src/generate/generate-network.js";
import { GROUND_TRUTH_FILE } from "../../src/generate/layout.js";
import { addRowKey, GENERATED_MAPPINGS_DIR, GENERATED_STEPS, KEYLESS_FILES } from "../../src/import/generated-files.js";
import { importFiles } from "../../src/import/import-files.js";
import { cacheDirectory, loadedNetwork, type LoadRecord } from "../investigator/dataset.js";
import { FAST_LOADED_FILES, fastLoad } from "./fast-loader.js";
import { analystShapes } from "./shapes.js";

/**
 * The files `routes` and `flows` read (reference data, carriers, shipments, their stops, seizures
 * and commodity lines), without the parties, identifiers, officers and arrests: at 1M shipments a
 * full load with the import engine takes most of an hour on an idle machine, and these are a bit
 * over half its rows. The network is kept where the full load would be, with a marker that says it
 * is partial, so `loadedNetwork` reuses it.
 */
export const ROUTES_FILES = ["places.csv", "species.csv", "carriers.csv", "shipments.csv", "route-stops.csv", "seizures.csv", "commodity-lines.csv"] as const;

/** What the marker of a partial load holds besides the usual record. */
export interface PartialLoadRecord extends LoadRecord {
  partial: string;
}

const MARKER = "loaded.json";

export async function loadRoutesFilesOnly(
  config: Config,
  options: { seed: string; shipments: number; log: (line: string) => void },
): Promise<void> {
  const { seed, shipments, log } = options;
  const dir = cacheDirectory(seed, shipments);
  if (existsSync(path.join(dir, MARKER))) return;
  const filesDir = path.join(dir, "files");
  if (!existsSync(path.join(filesDir, GROUND_TRUTH_FILE))) {
    await mkdir(dir, { recursive: true });
    log(`generating ${shipments} shipments (seed ${seed}) into ${path.relative(projectRoot, filesDir)}`);
    await generateNetwork({ seed, shipments, outDir: filesDir });
  }
  const registry = await CypherRegistry.load();
  const database = await provideNeo4j(config.neo4j, { dataDir: path.join(dir, "neo4j"), log });
  // A loaded machine can take seconds to hand out a connection; a load should wait, not fail.
  const driver = createDriver({ ...config.neo4j, connectionTimeoutMs: Math.max(config.neo4j.connectionTimeoutMs, 60_000), uri: database.uri, user: database.user, password: database.password });
  const executor = new CypherExecutor(driver, { database: database.database, timeoutMs: 600_000 });
  try {
    await applyConstraints(executor);
    const started = performance.now();
    const reportDir = path.join(dir, "reports");
    log(`loading only the files routes and flows read (${ROUTES_FILES.join(", ")}), with the import engine`);
    const countries = await importFiles(executor, path.join(projectRoot, "mappings", "countries.yaml"), [path.join(projectRoot, "data", "countries", "countries.csv")], { registry, reportDir });
    let rows = countries.rowsRead;
    for (const step of GENERATED_STEPS.filter((candidate) => (ROUTES_FILES as readonly string[]).includes(candidate.file))) {
      let file = path.join(filesDir, step.file);
      if ((KEYLESS_FILES as readonly string[]).includes(step.file)) {
        const keyed = path.join(filesDir, "keyed", step.file);
        if (!existsSync(keyed)) {
          await mkdir(path.dirname(keyed), { recursive: true });
          await addRowKey(file, keyed);
        }
        file = keyed;
      }
      let lastLog = performance.now();
      const report = await importFiles(executor, path.join(GENERATED_MAPPINGS_DIR, step.mapping), [file], {
        registry,
        reportDir,
        onProgress: (progress) => {
          if (performance.now() - lastLog < 60_000) return;
          lastLog = performance.now();
          log(`  ${step.file}: ${progress.rowsRead} rows so far (${(progress.elapsedMs / 1000).toFixed(0)} s)`);
        },
      });
      rows += report.rowsRead;
      log(`  ${step.file}: ${report.rowsRead} rows (${report.rowsRejected} rejected) in ${(report.elapsedMs / 1000).toFixed(1)} s`);
    }
    const { nodes, relationships, extra } = await countPartialLoad(executor);
    const record: PartialLoadRecord = {
      seed,
      shipments,
      rows,
      seconds: (performance.now() - started) / 1000,
      nodes,
      relationships,
      loadedAt: new Date().toISOString(),
      partial: `only the files routes and flows read: countries.csv, ${ROUTES_FILES.join(", ")} (parties, identifiers, officers and arrests left out)${extra}`,
    };
    await writeFile(path.join(dir, MARKER), JSON.stringify(record, null, 2) + "\n");
    log(`loaded ${rows} rows in ${record.seconds.toFixed(0)} s (partial: ${record.partial})`);
  } finally {
    await driver.close();
    await database.stop();
  }
}

/** The reference files the engine loads before the typed bulk loader (small; the engine resolves countries by name or code). */
const ENGINE_FIRST = ["places.csv", "species.csv", "carriers.csv"];

async function openDatabase(config: Config, dataDir: string | undefined, log: (line: string) => void) {
  const database = await provideNeo4j(config.neo4j, { dataDir, log });
  // A loaded machine can take seconds to hand out a connection; a load should wait, not fail.
  const driver = createDriver({ ...config.neo4j, connectionTimeoutMs: Math.max(config.neo4j.connectionTimeoutMs, 60_000), uri: database.uri, user: database.user, password: database.password });
  const executor = new CypherExecutor(driver, { database: database.database, timeoutMs: 600_000 });
  return { executor, stop: async () => { await driver.close(); await database.stop(); } };
}

async function loadWithFastLoader(executor: CypherExecutor, filesDir: string, reportDir: string, log: (line: string) => void): Promise<number> {
  const registry = await CypherRegistry.load();
  await applyConstraints(executor);
  const countries = await importFiles(executor, path.join(projectRoot, "mappings", "countries.yaml"), [path.join(projectRoot, "data", "countries", "countries.csv")], { registry, reportDir });
  let rows = countries.rowsRead;
  for (const step of GENERATED_STEPS.filter((candidate) => ENGINE_FIRST.includes(candidate.file))) {
    const report = await importFiles(executor, path.join(GENERATED_MAPPINGS_DIR, step.mapping), [path.join(filesDir, step.file)], { registry, reportDir });
    rows += report.rowsRead;
    log(`  ${step.file}: ${report.rowsRead} rows with the import engine in ${(report.elapsedMs / 1000).toFixed(1)} s`);
  }
  for (const file of await fastLoad(executor, filesDir, log)) rows += file.rows;
  return rows;
}

/**
 * The files routes and flows read, the four big ones with the typed bulk loader (fast-loader.ts),
 * into the size's folder under .bench/, with a marker saying so; used where the import engine
 * cannot load them in the time at hand.
 */
export async function loadRoutesFilesFast(config: Config, options: { seed: string; shipments: number; log: (line: string) => void }): Promise<void> {
  const { seed, shipments, log } = options;
  const dir = cacheDirectory(seed, shipments);
  if (existsSync(path.join(dir, MARKER))) return;
  const filesDir = path.join(dir, "files");
  if (!existsSync(path.join(filesDir, GROUND_TRUTH_FILE))) {
    await mkdir(dir, { recursive: true });
    log(`generating ${shipments} shipments (seed ${seed}) into ${path.relative(projectRoot, filesDir)}`);
    await generateNetwork({ seed, shipments, outDir: filesDir });
  }
  const { executor, stop } = await openDatabase(config, path.join(dir, "neo4j"), log);
  try {
    const started = performance.now();
    log(`loading countries, ${ENGINE_FIRST.join(", ")} with the import engine, then ${FAST_LOADED_FILES.join(", ")} with the typed bulk loader`);
    const rows = await loadWithFastLoader(executor, filesDir, path.join(dir, "reports"), log);
    const { nodes, relationships, extra } = await countPartialLoad(executor);
    const record: PartialLoadRecord = {
      seed,
      shipments,
      rows,
      seconds: (performance.now() - started) / 1000,
      nodes,
      relationships,
      loadedAt: new Date().toISOString(),
      partial:
        `only the files routes and flows read: countries.csv, ${ENGINE_FIRST.join(", ")} with the import engine, and ${FAST_LOADED_FILES.join(", ")} ` +
        "with the benchmark's typed bulk loader (`bench/analyst/fast-loader.ts`: the same nodes, typed properties and relationships as the engine's mappings, " +
        "without provenance; its routes and flows answers equal the engine's at 10,000 shipments, `--check-fast-loader`); parties, identifiers, officers and arrests left out" +
        extra,
    };
    await writeFile(path.join(dir, MARKER), JSON.stringify(record, null, 2) + "\n");
    log(`loaded ${rows} rows in ${record.seconds.toFixed(0)} s`);
  } finally {
    await stop();
  }
}

/**
 * Loads the 10,000-shipment network's files with the typed bulk loader into a throwaway database
 * and checks that every routes and flows answer equals the engine-loaded network's.
 */
export async function checkFastLoader(config: Config, options: { seed: string; log: (line: string) => void }): Promise<void> {
  const { seed, log } = options;
  const engine = await loadedNetwork(config, { seed, shipments: 10_000, log });
  try {
    const fast = await openDatabase(config, undefined, log);
    try {
      await loadWithFastLoader(fast.executor, engine.filesDir, path.join(cacheDirectory(seed, 10_000), "fast-check-reports"), log);
      const fastShapes = analystShapes(fast.executor, engine.registry);
      const engineShapes = analystShapes(engine.executor, engine.registry);
      for (const [index, shape] of engineShapes.entries()) {
        // Weights are sums of floats in storage order, which differs between the two loads: compare them to 1e-6.
        deepStrictEqual(rounded(await fastShapes[index]!.direct(0)), rounded(await shape.direct(0)), `${shape.title}: the bulk-loaded network answers otherwise`);
        log(`fast loader check: ${shape.title}: same answer`);
      }
    } finally {
      await fast.stop();
    }
  } finally {
    await engine.database.stop();
  }
}

function rounded(value: unknown): unknown {
  if (typeof value === "number" && !Number.isInteger(value)) return Math.round(value * 1e6) / 1e6;
  if (Array.isArray(value)) return value.map(rounded);
  if (value !== null && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, rounded(inner)]));
  return value;
}

/**
 * The nodes and relationships of a partly loaded database, and what a full load stopped part-way
 * left in it (MERGE makes the rest idempotent), said in words for the report.
 */
async function countPartialLoad(executor: CypherExecutor): Promise<{ nodes: number; relationships: number; extra: string }> {
  const [{ nodes }] = await executor.read("MATCH (n) RETURN count(n) AS nodes");
  const [{ relationships }] = await executor.read("MATCH ()-[r]->() RETURN count(r) AS relationships");
  const [leftOver] = await executor.read("MATCH (n) WHERE n:Person OR n:Company OR n:Identifier RETURN count(n) AS count");
  const count = (leftOver?.count as number | undefined) ?? 0;
  const extra = count > 0 ? `; ${count} persons, companies and identifiers from an earlier full load stopped part-way are also there` : "";
  return { nodes: nodes as number, relationships: relationships as number, extra };
}
