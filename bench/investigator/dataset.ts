import { existsSync } from "node:fs";
import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";

import type { Config } from "../../src/config.js";
import { projectRoot } from "../../src/config.js";
import { CypherExecutor } from "../../src/db/cypher-executor.js";
import { CypherRegistry } from "../../src/db/cypher-registry.js";
import { createDriver } from "../../src/db/driver.js";
import { provideNeo4j, type RunningNeo4j } from "../../src/db/neo4j-harness.js";
import { applyConstraints } from "../../src/db/schema-setup.js";
import { generateNetwork } from "../../src/generate/generate-network.js";
import type { GroundTruth } from "../../src/generate/ground-truth.js";
import { GROUND_TRUTH_FILE } from "../../src/generate/layout.js";
import { importGeneratedNetwork } from "../../src/import/generated-files.js";
import { importFiles } from "../../src/import/import-files.js";

/**
 * A generated network loaded once into an embedded Neo4j whose files are kept under `.bench/`, so
 * that later runs of the benchmark start at once. A marker written after the load says it is whole:
 * a load that was cut short is started again from an empty database.
 */
export interface LoadedNetwork {
  database: RunningNeo4j;
  executor: CypherExecutor;
  registry: CypherRegistry;
  truth: GroundTruth;
  /** The generator's files (CSV), for picking inputs. */
  filesDir: string;
  load: LoadRecord;
}

export interface LoadRecord {
  seed: string;
  shipments: number;
  rows: number;
  seconds: number;
  nodes: number;
  relationships: number;
  loadedAt: string;
}

const MARKER = "loaded.json";

export function cacheDirectory(seed: string, shipments: number): string {
  return path.join(projectRoot, ".bench", `network-${seed}-${shipments}`);
}

export async function loadedNetwork(
  config: Config,
  options: { seed: string; shipments: number; log: (line: string) => void },
): Promise<LoadedNetwork> {
  const { seed, shipments, log } = options;
  if (config.neo4j.uri) throw new Error("this benchmark keeps its own embedded database: unset NEO4J_URI");
  const dir = cacheDirectory(seed, shipments);
  const filesDir = path.join(dir, "files");
  const neo4jHome = path.join(dir, "neo4j");
  const marker = path.join(dir, MARKER);
  const whole = existsSync(marker);
  if (!whole) {
    await rm(dir, { recursive: true, force: true });
    await mkdir(dir, { recursive: true });
    log(`generating ${shipments} shipments (seed ${seed}) into ${path.relative(projectRoot, filesDir)}`);
    await generateNetwork({ seed, shipments, outDir: filesDir });
  }

  const registry = await CypherRegistry.load();
  const database = await provideNeo4j(config.neo4j, { dataDir: neo4jHome, log });
  const driver = createDriver({ ...config.neo4j, uri: database.uri, user: database.user, password: database.password });
  const executor = new CypherExecutor(driver, { database: database.database, timeoutMs: 600_000 });
  const stop = database.stop.bind(database);
  const running: RunningNeo4j = { ...database, stop: async () => { await driver.close(); await stop(); } };

  try {
    await applyConstraints(executor);
    let load: LoadRecord;
    if (whole) {
      load = JSON.parse(await readFile(marker, "utf8")) as LoadRecord;
      log(`reusing the network loaded on ${load.loadedAt} (${load.nodes} nodes, ${load.relationships} relationships)`);
    } else {
      log("loading countries and the network with the import engine (once; kept under .bench/)");
      const started = performance.now();
      const reportDir = path.join(dir, "reports");
      const countries = await importFiles(executor, path.join(projectRoot, "mappings", "countries.yaml"), [path.join(projectRoot, "data", "countries", "countries.csv")], { registry, reportDir });
      const reports = await importGeneratedNetwork(executor, filesDir, {
        registry,
        reference: "all",
        onStep: (step, report) => log(`  ${step.file}: ${report.rowsRead} rows in ${(report.elapsedMs / 1000).toFixed(1)} s`),
      });
      const [{ nodes }] = await executor.read("MATCH (n) RETURN count(n) AS nodes");
      const [{ relationships }] = await executor.read("MATCH ()-[r]->() RETURN count(r) AS relationships");
      load = {
        seed,
        shipments,
        rows: countries.rowsRead + reports.reduce((sum, report) => sum + report.rowsRead, 0),
        seconds: (performance.now() - started) / 1000,
        nodes: nodes as number,
        relationships: relationships as number,
        loadedAt: new Date().toISOString(),
      };
      await writeFile(marker, JSON.stringify(load, null, 2) + "\n");
      log(`loaded ${load.rows} rows in ${load.seconds.toFixed(0)} s`);
    }
    const truth = JSON.parse(await readFile(path.join(filesDir, GROUND_TRUTH_FILE), "utf8")) as GroundTruth;
    return { database: running, executor, registry, truth, filesDir, load };
  } catch (error) {
    await running.stop();
    throw error;
  }
}
