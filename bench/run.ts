import "reflect-metadata";

import { mkdir, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";

import neo4j, { type Driver } from "neo4j-driver";
import { pino } from "pino";

import { ConfigError, loadConfig, projectRoot } from "../src/config.js";
import { CypherExecutor } from "../src/db/cypher-executor.js";
import { CypherRegistry } from "../src/db/cypher-registry.js";
import { adminDatabaseIsEmpty } from "../src/db/queries.generated.js";
import { createDriver } from "../src/db/driver.js";
import { provideNeo4j } from "../src/db/neo4j-harness.js";
import { applyConstraints } from "../src/db/schema-setup.js";
import { buildGraphQLSchema } from "../src/graphql/build-schema.js";
import { BENCH_VIEWER, startBenchServer } from "./bench-server.js";
import { countDataset, countInDatabase, deleteDataset, generateDataset, loadDataset, SEED } from "./dataset.js";
import { bareRoundTrip, breakDown, TimingExecutor } from "./diagnostics.js";
import { compare, measure, warmUp, type RunPlan } from "./measure.js";
import { renderReport, type BenchResults, type ShapeResult } from "./report.js";
import { writeReportKeepingOthers } from "./report-section.js";
import { listShape, lookupShape } from "./shapes.js";
import { CleanUp, runBenchmark } from "./lifecycle.js";

/**
 * `npm run bench`: loads a generated dataset into a fresh Neo4j, starts the real API on a free port,
 * and times two query shapes through the API and directly through neo4j-driver, side by side.
 */

// 50 warm-up iterations were not enough on a busy 2-CPU machine: the first measured iterations were
// still twice as slow as the last (cold V8 and cold Neo4j JIT), on both sides.
const PLAN: RunPlan = { warmup: 150, iterations: 300 };
const DIAGNOSTIC_ITERATIONS = 100;
const REPORT_FILE = path.join(projectRoot, "bench", "REPORT.md");
const RESULTS_FILE = path.join(projectRoot, "bench", "results", "latest.json");

const log = (line: string) => console.error(`[bench] ${line}`);

const cleanUp = new CleanUp("bench");

async function main(): Promise<void> {
  const config = loadConfig();
  const loadAverageAtStart = os.loadavg();

  // No dataDir: a fresh temporary database, deleted on stop (unless NEO4J_URI names a server).
  const database = await provideNeo4j(config.neo4j, { log });
  cleanUp.add(() => database.stop());
  const driver = createDriver({ ...config.neo4j, uri: database.uri, user: database.user, password: database.password });
  cleanUp.add(() => driver.close());
  const executor = new CypherExecutor(driver, { database: database.database, timeoutMs: config.neo4j.queryTimeoutMs });
  const registry = await CypherRegistry.load();

  if (database.origin === "external") {
    // Mixed with other data, neither the dataset nor the numbers would be the benchmark's.
    const [{ empty }] = await executor.readQuery(adminDatabaseIsEmpty, {});
    if (!empty) throw new ConfigError(`the database at ${database.uri} is not empty; the benchmark needs an empty one`);
  }

  log("applying constraints and loading the dataset");
  await applyConstraints(executor);
  const data = generateDataset(SEED);
  const expected = countDataset(data);
  const loadStart = performance.now();
  if (database.origin === "external") {
    cleanUp.add(() => deleteDataset(driver, database.database, data.countries.map((country) => country.id)));
  }
  await loadDataset(driver, database.database, data, log);
  const loadSeconds = (performance.now() - loadStart) / 1000;
  const found = await countInDatabase(driver, database.database, expected);
  if (JSON.stringify(found) !== JSON.stringify(expected)) {
    throw new Error(`the database does not hold the dataset: expected ${JSON.stringify(expected)}, found ${JSON.stringify(found)}`);
  }
  log(`dataset loaded in ${loadSeconds.toFixed(1)} s: ${JSON.stringify(expected.nodes)}`);

  const schema = await buildGraphQLSchema();
  const logger = pino({ level: "silent" });
  const serverDeps = { schema, registry, logger, production: config.production, isStarted: () => true };
  const server = await startBenchServer({ ...serverDeps, executor });
  cleanUp.add(() => server.close());
  log(`API at ${server.url}`);

  const reader = { driver, database: database.database, timeoutMs: config.neo4j.queryTimeoutMs };
  const inputCount = PLAN.warmup + PLAN.iterations;
  const shapes = [
    await lookupShape(reader, data, inputCount, SEED + 1),
    await listShape(reader, registry, data, inputCount, SEED + 2),
  ];

  // Every shape is warmed up (and its answers checked) before any is measured.
  for (const shape of shapes) {
    log(`${shape.title}: ${PLAN.warmup} warm-up iterations each way, answers compared`);
    await warmUp(server.url, shape, PLAN.warmup);
  }
  const timings = [];
  for (const shape of shapes) {
    log(`${shape.title}: ${PLAN.iterations} measured iterations each way, interleaved`);
    timings.push(await measure(server.url, shape, PLAN.warmup, PLAN.iterations));
  }

  // A second, instrumented server for the breakdown, after the main measurement so it cannot disturb it.
  log("breakdown pass on an instrumented server");
  const timingExecutor = new TimingExecutor(driver, { database: database.database, timeoutMs: config.neo4j.queryTimeoutMs });
  const timingServer = await startBenchServer({ ...serverDeps, executor: timingExecutor });
  cleanUp.add(() => timingServer.close());
  // In-process requests go through the timing server's own Apollo and context factory.
  const timingApi = {
    url: timingServer.url,
    apollo: timingServer.apollo,
    context: () => timingServer.context(BENCH_VIEWER),
    executor: timingExecutor,
  };
  const bare = await bareRoundTrip(driver, database.database, PLAN.iterations);

  const shapeResults: ShapeResult[] = [];
  for (const [index, shape] of shapes.entries()) {
    const samples = timings[index]!;
    shapeResults.push({
      ...compare(shape, samples),
      breakdown: await breakDown(shape, timingApi, DIAGNOSTIC_ITERATIONS),
      samples,
    });
  }

  const results: BenchResults = {
    date: new Date().toISOString(),
    command: "npm run bench",
    machine: {
      cpuModel: os.cpus()[0]?.model.trim() ?? "unknown",
      cpuCount: os.cpus().length,
      totalMemoryGiB: os.totalmem() / 2 ** 30,
      os: `${os.type()} ${os.release()} ${os.arch()}`,
      loadAverageAtStart,
      loadAverageAtEnd: os.loadavg(),
    },
    node: process.version,
    neo4j: { ...(await neo4jVersion(driver, database.database)), origin: database.origin },
    dataset: { seed: SEED, counts: expected, loadSeconds },
    plan: { ...PLAN, diagnosticIterations: DIAGNOSTIC_ITERATIONS },
    bareRoundTrip: bare,
    shapes: shapeResults,
  };

  const report = renderReport(results);
  await writeReportKeepingOthers(REPORT_FILE, report);
  await mkdir(path.dirname(RESULTS_FILE), { recursive: true });
  await writeFile(RESULTS_FILE, JSON.stringify(results, null, 2) + "\n");
  log(`wrote ${path.relative(projectRoot, REPORT_FILE)} and ${path.relative(projectRoot, RESULTS_FILE)}`);
  console.log(report);
}

async function neo4jVersion(driver: Driver, database: string) {
  const { records } = await driver.executeQuery(
    "CALL dbms.components() YIELD name, versions, edition RETURN name, versions[0] AS version, edition",
    {},
    { database, routing: neo4j.routing.READ },
  );
  const row = records[0]!;
  return { name: row.get("name") as string, version: row.get("version") as string, edition: row.get("edition") as string };
}

await runBenchmark("bench", main, cleanUp.run);
