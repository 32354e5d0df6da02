import "reflect-metadata";

import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";

import type { Driver } from "neo4j-driver";

import { ConfigError, loadConfig, projectRoot, type Config } from "../../src/config.js";
import { CypherExecutor } from "../../src/db/cypher-executor.js";
import { CypherRegistry } from "../../src/db/cypher-registry.js";
import { createDriver } from "../../src/db/driver.js";
import { provideNeo4j, type RunningNeo4j } from "../../src/db/neo4j-harness.js";
import { applyConstraints } from "../../src/db/schema-setup.js";
import { generateNetwork } from "../../src/generate/generate-network.js";
import { importGeneratedNetwork } from "../../src/import/generated-files.js";
import { DEFAULT_BATCH_SIZE, importFiles, type ImportProgress } from "../../src/import/import-files.js";
import { bulkLoad, type BulkLoadResult } from "../../src/import/bulk/bulk-load.js";
import { generatedBulkSteps } from "../../src/import/bulk/generated-steps.js";
import { DEFAULT_TOOL_HEAP, DEFAULT_TOOL_OFF_HEAP, DEFAULT_TOOL_PAGE_CACHE } from "../../src/import/bulk/import-tool.js";
import { HAND_BATCH_SIZE, handLoad } from "./hand-loader.js";
import { CleanUp, runBenchmark } from "../lifecycle.js";
import { replaceSection } from "../report-section.js";

/**
 * Import benchmark (issue 3, item 9): generates a network, imports it with the real engine into a
 * fresh Neo4j (countries, the generator's places and species, then the network), then loads the
 * same rows into a second fresh Neo4j with a hand-written single-statement UNWIND loader, and
 * reports wall time, rows, rows/s and peak RSS side by side; then loads them a third time through
 * the bulk path (src/import/bulk/: the same pipeline into neo4j-admin import files, the import
 * tool, then constraints, patches and aggregates in the opened database). Appends (or replaces)
 * the "Import" section of bench/REPORT.md.
 *
 *   npm run build && node --enable-source-maps dist/bench/import/run.js --shipments 100000
 */

const REPORT_FILE = path.join(projectRoot, "bench", "REPORT.md");
const SECTION_MARK = "## Import";
const COUNTRIES_MAPPING = path.join(projectRoot, "mappings", "countries.yaml");
const COUNTRIES_CSV = path.join(projectRoot, "data", "countries", "countries.csv");

const BATCH_TIMEOUT_MS = 600_000;

const log = (line: string) => console.error(`[bench:import] ${line}`);

const cleanUp = new CleanUp("bench:import");

/** Peak RSS over a phase, sampled every 100 ms (plus at start and end). */
class RssSampler {
  private peak = process.memoryUsage().rss;
  private readonly timer = setInterval(() => this.sample(), 100);
  private sample() {
    this.peak = Math.max(this.peak, process.memoryUsage().rss);
  }
  stop(): number {
    this.sample();
    clearInterval(this.timer);
    return this.peak;
  }
}

/**
 * CPU time over a phase, of this process and of the Neo4j JVM (from /proc, in clock ticks of 10 ms):
 * on a shared machine, rows per CPU-second say what the wall time cannot, since the load of others
 * stretches the wall time but not the work done.
 */
class CpuMeter {
  private readonly node = process.cpuUsage();
  private readonly jvm: number | null;
  constructor(private readonly jvmPid: number | null) {
    this.jvm = jvmTicks(jvmPid);
  }
  stop(): { nodeSeconds: number; neo4jSeconds: number | null } {
    const node = process.cpuUsage(this.node);
    const jvm = jvmTicks(this.jvmPid);
    return { nodeSeconds: (node.user + node.system) / 1e6, neo4jSeconds: jvm === null || this.jvm === null ? null : (jvm - this.jvm) / 100 };
  }
}

function jvmTicks(pid: number | null): number | null {
  if (pid === null) return null;
  try {
    // Fields after the command name (which may hold spaces): utime and stime are the 12th and 13th.
    const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
    return Number(fields[11]) + Number(fields[12]);
  } catch {
    return null;
  }
}

interface PhaseResult {
  cpuNodeSeconds: number;
  cpuNeo4jSeconds: number | null;
  name: string;
  seconds: number;
  rows: number;
  rowsPerSecond: number;
  peakRssMiB: number;
  nodes: number;
  relationships: number;
  perFile: { file: string; rows: number; seconds: number }[];
}

async function freshDatabase(config: Config): Promise<{ database: RunningNeo4j; driver: Driver; executor: CypherExecutor }> {
  const database = await provideNeo4j(config.neo4j, { log });
  if (database.origin === "external") {
    await database.stop();
    throw new ConfigError("the import benchmark needs fresh databases: unset NEO4J_URI");
  }
  const driver = createDriver({ ...config.neo4j, uri: database.uri, user: database.user, password: database.password });
  // A batch of 10,000 rows may take longer than a request may (NEO4J_QUERY_TIMEOUT_MS) on a busy
  // machine; the hand-written loader runs without a timeout, and so does the engine here, nearly.
  const executor = new CypherExecutor(driver, { database: database.database, timeoutMs: BATCH_TIMEOUT_MS });
  await applyConstraints(executor);
  return { database, driver, executor };
}

/** The JVM's process id when the database is embedded (a container's or a server's is not ours to read). */
function jvmPid(database: RunningNeo4j): number | null {
  return "pid" in database && typeof database.pid === "number" ? database.pid : null;
}

async function graphCounts(driver: Driver, database: string): Promise<{ nodes: number; relationships: number }> {
  const nodes = await driver.executeQuery("MATCH (n) RETURN count(n) AS c", {}, { database });
  const rels = await driver.executeQuery("MATCH ()-[r]->() RETURN count(r) AS c", {}, { database });
  return { nodes: Number(nodes.records[0]!.get("c")), relationships: Number(rels.records[0]!.get("c")) };
}

async function engineImport(config: Config, dir: string): Promise<PhaseResult> {
  const { database, driver, executor } = await freshDatabase(config);
  try {
    const registry = await CypherRegistry.load();
    const perFile: PhaseResult["perFile"] = [];
    const rss = new RssSampler();
    const cpu = new CpuMeter(jvmPid(database));
    const started = performance.now();
    let rowsBefore = 0;
    let lastLog = 0;
    // Progress within big files, so that a run stopped early still says how far it got, how fast.
    const onProgress = (progress: ImportProgress) => {
      if (performance.now() - lastLog < 60_000) return;
      lastLog = performance.now();
      const rowsSoFar = rowsBefore + progress.rowsRead;
      const seconds = (performance.now() - started) / 1000;
      log(`engine: ${rowsSoFar} rows in ${seconds.toFixed(0)} s (${(rowsSoFar / seconds).toFixed(0)} rows/s so far), RSS ${(process.memoryUsage().rss / 2 ** 20).toFixed(0)} MiB, load ${os.loadavg()[0]!.toFixed(1)}`);
    };
    const countries = await importFiles(executor, COUNTRIES_MAPPING, [COUNTRIES_CSV], { registry, reportDir: path.join(dir, "reports") });
    perFile.push({ file: "countries.csv", rows: countries.rowsRead, seconds: countries.elapsedMs / 1000 });
    log(`engine: countries.csv ${countries.rowsRead} rows in ${(countries.elapsedMs / 1000).toFixed(1)} s`);
    rowsBefore += countries.rowsRead;
    const reports = await importGeneratedNetwork(executor, dir, {
      registry,
      reference: "all",
      onProgress,
      onStep: (step, report) => {
        rowsBefore += report.rowsRead;
        perFile.push({ file: step.file, rows: report.rowsRead, seconds: report.elapsedMs / 1000 });
        log(`engine: ${step.file} ${report.rowsRead} rows (${report.rowsRejected} rejected) in ${(report.elapsedMs / 1000).toFixed(1)} s`);
      },
    });
    const seconds = (performance.now() - started) / 1000;
    const peak = rss.stop();
    const { nodeSeconds, neo4jSeconds } = cpu.stop();
    const rows = countries.rowsRead + reports.reduce((sum, report) => sum + report.rowsRead, 0);
    const counts = await graphCounts(driver, database.database);
    return { name: `engine (importFiles, batches of ${DEFAULT_BATCH_SIZE})`, seconds, rows, rowsPerSecond: rows / seconds, peakRssMiB: peak / 2 ** 20, cpuNodeSeconds: nodeSeconds, cpuNeo4jSeconds: neo4jSeconds, ...counts, perFile };
  } finally {
    await driver.close();
    await database.stop();
  }
}

interface BulkPhaseResult extends PhaseResult {
  /** The import tool JVM's peak RSS (VmHWM). */
  toolPeakRssMiB: number;
  phases: BulkLoadResult["seconds"];
  /** This process's peak RSS at the end of each phase (a high-water mark). */
  phasePeaks: BulkLoadResult["peakRssMiB"];
  patches: number;
  files: number;
}

async function bulkImport(dir: string): Promise<BulkPhaseResult> {
  // An empty folder: the bulk load refuses any other.
  const home = await mkdtemp(path.join(os.tmpdir(), "bench-bulk-"));
  cleanUp.add(() => rm(home, { recursive: true, force: true }));
  const rss = new RssSampler();
  const cpuStart = process.cpuUsage();
  const started = performance.now();
  const perFile: PhaseResult["perFile"] = [];
  const steps = await generatedBulkSteps(dir);
  const result = await bulkLoad({
    into: home,
    steps,
    reportDir: path.join(dir, "bulk-reports"),
    keepOpen: true,
    log: (line) => log(`bulk: ${line}`),
    onStep: (step, report) => {
      perFile.push({ file: path.basename(step.files[0]!), rows: report.rowsRead, seconds: report.elapsedMs / 1000 });
      log(`bulk: ${path.basename(step.files[0]!)} ${report.rowsRead} rows (${report.rowsRejected} rejected) in ${(report.elapsedMs / 1000).toFixed(1)} s`);
    },
  });
  const database = result.database!;
  const seconds = (performance.now() - started) / 1000;
  const peak = rss.stop();
  const node = process.cpuUsage(cpuStart);
  // The embedded JVM started for this load only: its CPU time is the open, constraints, patches and aggregates.
  const neo4jTicks = jvmTicks(database.pid);
  const driver = createDriver({ uri: database.uri, user: database.user, password: database.password, connectionTimeoutMs: 30_000 });
  try {
    const counts = await graphCounts(driver, database.database);
    const rows = result.reports.reduce((sum, report) => sum + report.rowsRead, 0);
    return {
      name: "bulk path (neo4j-admin database import)",
      seconds,
      rows,
      rowsPerSecond: rows / seconds,
      peakRssMiB: peak / 2 ** 20,
      cpuNodeSeconds: (node.user + node.system) / 1e6,
      cpuNeo4jSeconds: result.tool.cpuSeconds + (neo4jTicks === null ? 0 : neo4jTicks / 100),
      ...counts,
      perFile,
      toolPeakRssMiB: result.tool.peakRssBytes / 2 ** 20,
      phases: result.seconds,
      phasePeaks: result.peakRssMiB,
      patches: result.files.patchCount,
      files: result.files.parts,
    };
  } finally {
    await driver.close();
    await database.stop();
  }
}

async function handImport(config: Config, dir: string): Promise<PhaseResult> {
  const { database, driver } = await freshDatabase(config);
  try {
    const rss = new RssSampler();
    const cpu = new CpuMeter(jvmPid(database));
    const started = performance.now();
    const results = await handLoad(driver, database.database, COUNTRIES_CSV, dir, (result) =>
      log(`hand-written: ${result.file} ${result.rows} rows in ${(result.ms / 1000).toFixed(1)} s`),
    );
    const seconds = (performance.now() - started) / 1000;
    const peak = rss.stop();
    const { nodeSeconds, neo4jSeconds } = cpu.stop();
    const rows = results.reduce((sum, result) => sum + result.rows, 0);
    const counts = await graphCounts(driver, database.database);
    return {
      name: `hand-written UNWIND (batches of ${HAND_BATCH_SIZE})`,
      seconds,
      rows,
      rowsPerSecond: rows / seconds,
      peakRssMiB: peak / 2 ** 20,
      cpuNodeSeconds: nodeSeconds,
      cpuNeo4jSeconds: neo4jSeconds,
      ...counts,
      perFile: results.map((result) => ({ file: result.file, rows: result.rows, seconds: result.ms / 1000 })),
    };
  } finally {
    await driver.close();
    await database.stop();
  }
}

const cpuCell = (phase: PhaseResult) =>
  `${fmt(phase.cpuNodeSeconds, 1)} + ${phase.cpuNeo4jSeconds === null ? "?" : fmt(phase.cpuNeo4jSeconds, 1)}`;
const perCpu = (phase: PhaseResult) => (phase.cpuNeo4jSeconds === null ? "–" : fmt(phase.rows / (phase.cpuNodeSeconds + phase.cpuNeo4jSeconds)));

const fmt = (value: number, digits = 0) => value.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits });

function renderSection(run: {
  date: string;
  command: string;
  shipments: number;
  seed: string;
  generateSeconds: number;
  machine: string;
  load: string;
  engine: PhaseResult;
  hand: PhaseResult;
  bulk: BulkPhaseResult | null;
  /** The bulk-only runs at larger sizes (bench/results/import-<N>-bulk.json), rendered. */
  larger: string;
}): string {
  const { engine, hand, bulk } = run;
  const files = engine.perFile.map((entry) => {
    const other = hand.perFile.find((candidate) => candidate.file === entry.file);
    return `| \`${entry.file}\` | ${fmt(entry.rows)} | ${fmt(entry.seconds, 1)} | ${other ? fmt(other.seconds, 1) : "–"} | ${other && other.seconds > 0 ? fmt(entry.seconds / other.seconds, 1) + "×" : "–"} |`;
  });
  return `${SECTION_MARK}

Generated by \`${run.command}\` on ${run.date} (\`bench/import/run.ts\`). Network: seed \`${run.seed}\`, ${fmt(run.shipments)} shipments, generated in ${fmt(run.generateSeconds, 1)} s into a temporary folder (deleted after).
Machine: ${run.machine}; load average ${run.load}. Each side loads into its own fresh temporary Neo4j (same harness and constraints as above).

| | rows | wall s | rows/s | peak RSS MiB (Node process) | CPU s: Node + Neo4j | rows per CPU-s | nodes | relationships |
| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |
| Engine: \`importFiles\` countries, then \`importGeneratedNetwork\` | ${fmt(engine.rows)} | ${fmt(engine.seconds, 1)} | ${fmt(engine.rowsPerSecond)} | ${fmt(engine.peakRssMiB)} | ${cpuCell(engine)} | ${perCpu(engine)} | ${fmt(engine.nodes)} | ${fmt(engine.relationships)} |
| Hand-written \`UNWIND $rows AS row MERGE …\`, one statement per file and batch of ${fmt(HAND_BATCH_SIZE)} | ${fmt(hand.rows)} | ${fmt(hand.seconds, 1)} | ${fmt(hand.rowsPerSecond)} | ${fmt(hand.peakRssMiB)} | ${cpuCell(hand)} | ${perCpu(hand)} | ${fmt(hand.nodes)} | ${fmt(hand.relationships)} |
| **Engine / hand-written (time)** | | **${fmt(engine.seconds / hand.seconds, 2)}×** | | | | | | |
${bulk ? bulkRows(bulk, hand) : ""}
Goal (issue 3, item 9): at least 20,000 rows/s, within 1.25× of the hand-written loader, under 500 MB peak at 1M shipments.
In this run: ${fmt(engine.rowsPerSecond)} rows/s (**${engine.rowsPerSecond >= 20_000 ? "meets" : "does not meet"}** 20,000; the hand-written loader ${fmt(hand.rowsPerSecond)}); ${fmt(engine.seconds / hand.seconds, 2)}× the hand-written time (**${engine.seconds / hand.seconds <= 1.25 ? "within" : "outside"}** 1.25×); engine peak RSS ${fmt(engine.peakRssMiB)} MiB at ${fmt(run.shipments)} shipments (**${engine.peakRssMiB * 1.048576 < 500 ? "under" : "over"}** 500 MB${run.shipments < 1_000_000 ? "; the memory goal is set at 1M" : ""}).

${bulk ? bulkText(bulk, run.shipments) : ""}${run.larger}
Per file (seconds; the engine's include its reject and flag reports, reference look-ups and the reads of the counts its Source keeps):

| file | rows | engine s | hand-written s | ratio |
| --- | ---: | ---: | ---: | ---: |
${files.join("\n")}

How to read this:

- rows are the CSV data rows read (countries.csv, then the generator's places, species and twelve network files, the five keyless ones in their keyed copies for the engine); wall time runs from the first file to the last, excluding generation and database start. rows/s = rows / wall s.
- CPU s is the CPU time the benchmark's Node.js process and the Neo4j JVM used during the phase (user + system); rows per CPU-s = rows / that sum. Wall time on a machine loaded by others stretches; CPU time much less, so compare the two sides' CPU figures too. Each side writes one batch at a time, and Neo4j runs a transaction on one thread, so on an idle machine rows/s is bounded by rows / Neo4j's CPU s (the engine plans the next batch while one is written, so its Node.js time overlaps; the hand-written loader parses between batches).
- Peak RSS is the benchmark's own Node.js process (sampled every 100 ms during the phase), not the Neo4j JVM.
- The hand-written loader is the ceiling, not an equivalent: it writes the same nodes, relationships and provenance (\`SOURCED_FROM {row}\`, \`sourceId\`/\`sourceRow\`), but stores every value as the CSV text (no dates, numbers or lists), checks nothing, and writes no reject or flag files. Node and relationship counts differ slightly where the engine makes things the hand loader does not (e.g. the countries' BORDERS relationships).
- Both sides share the machine with Neo4j (same host) and with whatever else runs on it (see the load average); compare the ratio across machines, not the absolute rates.
- Neo4j is the embedded launcher's (\`neo4j-launcher/Launcher.java\`): page cache 2 GiB (allocated as used), heap 1 GiB, the same for both sides.
`;
}

function bulkRows(bulk: BulkPhaseResult, hand: PhaseResult): string {
  const files = bulk.phases.files + bulk.phases.tool;
  return `| Bulk path: the same pipeline into import files, \`neo4j-admin database import\`, then open, constraints, patches, aggregates | ${fmt(bulk.rows)} | ${fmt(bulk.seconds, 1)} | ${fmt(bulk.rowsPerSecond)} | ${fmt(bulk.peakRssMiB)} (import JVM ${fmt(bulk.toolPeakRssMiB)}) | ${cpuCell(bulk)} | ${perCpu(bulk)} | ${fmt(bulk.nodes)} | ${fmt(bulk.relationships)} |
| Bulk path to a database on disk: pipeline and import files, then the import tool | ${fmt(bulk.rows)} | ${fmt(files, 1)} | ${fmt(bulk.rows / files)} | | | | | |
| **Bulk / hand-written (time)** | | **${fmt(bulk.seconds / hand.seconds, 2)}×** | | | | | | |
`;
}

function bulkText(bulk: BulkPhaseResult, shipments: number): string {
  const p = bulk.phases;
  const files = p.files + p.tool;
  return `Bulk path phases (s): pipeline and import files ${fmt(p.files, 1)} (${fmt(bulk.files)} files, ${fmt(bulk.patches)} node patches), import tool ${fmt(p.tool, 1)}, database start ${fmt(p.open, 1)}, constraints and indexes ${fmt(p.constraints, 1)}, patches ${fmt(p.patches, 1)}, trade aggregates rebuilt ${fmt(p.aggregates, 1)}; total ${fmt(p.total, 1)}. Peak RSS: this Node.js process ${fmt(bulk.peakRssMiB)} MiB, the import tool's JVM ${fmt(bulk.toolPeakRssMiB)} MiB (VmHWM; heap ${DEFAULT_TOOL_HEAP}, off-heap budget ${DEFAULT_TOOL_OFF_HEAP}, page cache ${DEFAULT_TOOL_PAGE_CACHE}). CPU s on the bulk row: Node.js + (import tool + the embedded Neo4j that applies constraints, patches and aggregates).
Goal (issue 13, item 4): at least 50,000 rows/s on a first load through the bulk path, under 500 MB peak at 1M shipments. In this run: ${fmt(bulk.rowsPerSecond)} rows/s from the first row to the aggregates (**${bulk.rowsPerSecond >= 50_000 ? "meets" : "does not meet"}** 50,000), ${fmt(bulk.rows / files)} rows/s to the database on disk (**${bulk.rows / files >= 50_000 ? "meets" : "does not meet"}**); peak RSS ${fmt(bulk.peakRssMiB)} MiB (Node.js) and ${fmt(bulk.toolPeakRssMiB)} MiB (import JVM) at ${fmt(shipments)} shipments (**${Math.max(bulk.peakRssMiB, bulk.toolPeakRssMiB) * 1.048576 < 500 ? "under" : "over"}** 500 MB${shipments < 1_000_000 ? "; the memory goal is set at 1M" : ""}).
`;
}

interface BulkOnlyResult {
  date: string;
  shipments: number;
  load: number[];
  commit?: string;
  bulk: BulkPhaseResult;
}

/**
 * The bulk path at larger sizes, from the results of `--bulk-only` runs kept in bench/results/
 * (made before this run, each on its own: a 1M side by side with the engine takes hours).
 */
async function largerBulkRuns(smaller: number): Promise<string> {
  const runs: BulkOnlyResult[] = [];
  for (const size of [100_000, 1_000_000]) {
    if (size <= smaller) continue;
    const file = path.join(projectRoot, "bench", "results", `import-${size}-bulk.json`);
    const text = await readFile(file, "utf8").catch(() => null);
    if (text) runs.push(JSON.parse(text) as BulkOnlyResult);
  }
  if (runs.length === 0) return "";
  const rows = runs.map((run) => {
    const { bulk } = run;
    const p = bulk.phases;
    const peaks = bulk.phasePeaks ? ` (files ${fmt(bulk.phasePeaks.files)}, aggregates ${fmt(bulk.phasePeaks.aggregates)})` : "";
    return `| ${fmt(run.shipments)} | ${fmt(bulk.rows)} | ${fmt(p.files, 1)} | ${fmt(p.tool, 1)} | ${fmt(bulk.rows / (p.files + p.tool))} | ${fmt(p.open + p.constraints + p.patches, 1)} | ${fmt(p.aggregates, 1)} | ${fmt(p.total, 1)} | ${fmt(bulk.rowsPerSecond)} | ${fmt(bulk.cpuNodeSeconds, 1)} | ${fmt(bulk.rows / bulk.cpuNodeSeconds)} | ${fmt(bulk.peakRssMiB)}${peaks} | ${fmt(bulk.toolPeakRssMiB)} | ${run.load.map((value) => value.toFixed(1)).join(" / ")} | ${run.date.slice(0, 16)}${run.commit ? ` at ${run.commit}` : ""} |`;
  });
  return `
The bulk path at larger sizes (\`node --enable-source-maps dist/bench/import/run.js --shipments N --bulk-only --dir <generated folder>\`, one run at a time, results in \`bench/results/import-N-bulk.json\`):

| shipments | rows | pipeline and files s | import tool s | rows/s to disk | open, constraints, patches s | aggregates rebuilt s | total s | rows/s in all | Node CPU s (whole load) | rows per Node CPU-s | Node peak RSS MiB (at the end of the files; of the aggregates) | import JVM peak RSS MiB | load average at end | run |
| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- | --- |
${rows.join("\n")}
`;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      shipments: { type: "string", default: "10000" },
      seed: { type: "string", default: "bench" },
      "no-report": { type: "boolean", default: false },
      // Only the engine's side, logged (with progress each minute) and written to bench/results/: for
      // sizes whose two sides would not fit in the time at hand. The report section needs both.
      "engine-only": { type: "boolean", default: false },
      // Only the bulk path, logged and written to bench/results/ (for 1M, where the other sides take too long).
      "bulk-only": { type: "boolean", default: false },
      "no-bulk": { type: "boolean", default: false },
      // A folder the generator wrote (npm run generate -- --shipments N --seed S --out DIR) with the
      // same N and seed: read, not generated, so the generator's memory stays out of the peak RSS.
      dir: { type: "string" },
    },
  });
  const shipments = Number(values.shipments);
  const seed = values.seed!;
  const config = loadConfig();
  const loadAtStart = os.loadavg();

  let dir: string;
  let generateSeconds = 0;
  if (values.dir) {
    dir = path.resolve(values.dir);
    const truth = JSON.parse(await readFile(path.join(dir, "ground-truth.json"), "utf8")) as { files?: Record<string, number> };
    if (truth.files?.["shipments.csv"] !== shipments) throw new ConfigError(`${dir} does not hold ${shipments} shipments`);
    log(`reading the network in ${dir}`);
  } else {
    dir = await mkdtemp(path.join(os.tmpdir(), "bench-import-"));
    cleanUp.add(() => rm(dir, { recursive: true, force: true }));
    log(`generating ${shipments} shipments (seed ${seed}) into ${dir}`);
    const genStart = performance.now();
    await generateNetwork({ seed, shipments, outDir: dir });
    generateSeconds = (performance.now() - genStart) / 1000;
    log(`generated in ${generateSeconds.toFixed(1)} s`);
  }

  if (values["bulk-only"]) {
    log("bulk path into a new database");
    const bulk = await bulkImport(dir);
    log(`bulk: ${bulk.rows} rows in ${bulk.seconds.toFixed(1)} s = ${bulk.rowsPerSecond.toFixed(0)} rows/s, peak RSS ${bulk.peakRssMiB.toFixed(0)} MiB (import JVM ${bulk.toolPeakRssMiB.toFixed(0)} MiB), phases ${JSON.stringify(bulk.phases)}, peak RSS at the end of each phase ${JSON.stringify(bulk.phasePeaks)}`);
    const resultsFile = path.join(projectRoot, "bench", "results", `import-${shipments}-bulk.json`);
    await mkdir(path.dirname(resultsFile), { recursive: true });
    await writeFile(resultsFile, JSON.stringify({ date: new Date().toISOString(), shipments, seed, generateSeconds, load: os.loadavg(), commit: gitCommit(), bulk }, null, 2) + "\n");
    log(`wrote ${path.relative(projectRoot, resultsFile)}`);
    return;
  }
  log("engine import into a fresh database");
  const engine = await engineImport(config, dir);
  log(`engine: ${engine.rows} rows in ${engine.seconds.toFixed(1)} s = ${engine.rowsPerSecond.toFixed(0)} rows/s, peak RSS ${engine.peakRssMiB.toFixed(0)} MiB, CPU ${cpuCell(engine)} s`);
  if (values["engine-only"]) {
    const resultsFile = path.join(projectRoot, "bench", "results", `import-${shipments}-engine.json`);
    await mkdir(path.dirname(resultsFile), { recursive: true });
    await writeFile(resultsFile, JSON.stringify({ date: new Date().toISOString(), shipments, seed, generateSeconds, load: os.loadavg(), engine }, null, 2) + "\n");
    log(`wrote ${path.relative(projectRoot, resultsFile)}`);
    return;
  }
  log("hand-written load into a second fresh database");
  const hand = await handImport(config, dir);
  log(`hand-written: ${hand.rows} rows in ${hand.seconds.toFixed(1)} s = ${hand.rowsPerSecond.toFixed(0)} rows/s, peak RSS ${hand.peakRssMiB.toFixed(0)} MiB, CPU ${cpuCell(hand)} s`);

  let bulk: BulkPhaseResult | null = null;
  if (!values["no-bulk"]) {
    log("bulk path into a new database");
    bulk = await bulkImport(dir);
    log(`bulk: ${bulk.rows} rows in ${bulk.seconds.toFixed(1)} s = ${bulk.rowsPerSecond.toFixed(0)} rows/s, peak RSS ${bulk.peakRssMiB.toFixed(0)} MiB (import JVM ${bulk.toolPeakRssMiB.toFixed(0)} MiB), CPU ${cpuCell(bulk)} s`);
  }

  const loadAtEnd = os.loadavg();
  const run = {
    date: new Date().toISOString(),
    command: `npm run build && node --enable-source-maps dist/bench/import/run.js --shipments ${shipments}${seed !== "bench" ? ` --seed ${seed}` : ""}`,
    shipments,
    seed,
    generateSeconds,
    machine: `${os.cpus()[0]?.model.trim() ?? "unknown"}, ${os.cpus().length} logical CPUs, ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB RAM, ${os.type()} ${os.release()} ${os.arch()}, Node.js ${process.version}`,
    load: `${loadAtStart.map((v) => v.toFixed(2)).join(" / ")} at start, ${loadAtEnd.map((v) => v.toFixed(2)).join(" / ")} at end`,
    engine,
    hand,
    bulk,
    larger: await largerBulkRuns(shipments),
  };
  const resultsFile = path.join(projectRoot, "bench", "results", `import-${shipments}.json`);
  await mkdir(path.dirname(resultsFile), { recursive: true });
  await writeFile(resultsFile, JSON.stringify(run, null, 2) + "\n");
  const section = renderSection(run);
  if (!values["no-report"]) {
    await replaceSection(REPORT_FILE, section);
    log(`wrote the Import section of ${path.relative(projectRoot, REPORT_FILE)} and ${path.relative(projectRoot, resultsFile)}`);
  }
  console.log(section);
}

/** The commit the code ran at (with `+` when the tree had changes), or undefined outside git. */
function gitCommit(): string | undefined {
  try {
    const head = execFileSync("git", ["rev-parse", "--short", "HEAD"], { cwd: projectRoot, encoding: "utf8" }).trim();
    const dirty = execFileSync("git", ["status", "--porcelain", "--", "src/import", "bench/import"], { cwd: projectRoot, encoding: "utf8" }).trim();
    return dirty ? `${head}+` : head;
  } catch {
    return undefined;
  }
}

await runBenchmark("bench:import", main, cleanUp.run);
