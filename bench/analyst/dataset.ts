import { spawn } from "node:child_process";
import { createWriteStream, existsSync } from "node:fs";
import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";

import type { Config } from "../../src/config.js";
import { projectRoot } from "../../src/config.js";
import { CypherExecutor } from "../../src/db/cypher-executor.js";
import { CypherRegistry } from "../../src/db/cypher-registry.js";
import { createDriver } from "../../src/db/driver.js";
import { startEmbeddedNeo4j } from "../../src/db/embedded-neo4j.js";
import type { RunningNeo4j } from "../../src/db/neo4j-harness.js";
import { applyConstraints } from "../../src/db/schema-setup.js";
import { generateNetwork } from "../../src/generate/generate-network.js";
import type { GroundTruth } from "../../src/generate/ground-truth.js";
import { GROUND_TRUTH_FILE } from "../../src/generate/layout.js";
import { cacheDirectory, type LoadedNetwork, type LoadRecord } from "../investigator/dataset.js";

/**
 * Each size's network, generated and loaded whole (every file) by the bulk path
 * (`npm run bulk-load`: the import pipeline writes the files of `neo4j-admin database import`,
 * then the database is opened, its constraints applied and the trade tallies rebuilt from the
 * facts), once, into `.bench/network-<seed>-<shipments>/neo4j`. The command's output is kept in
 * `bulk-load.out` beside it: its last line gives each phase's time, which the marker records.
 */
export interface BulkLoadRecord extends LoadRecord {
  method: "bulk";
  /** The command run, from the project root. */
  command: string;
  /**
   * Seconds of each phase of the bulk load, as its summary line gives them; `aggregates` is the
   * tallies' rebuild. For a load that failed, the phases its log gives (null where it gives none).
   */
  phases: { files: number; tool: number; open: number; constraints: number | null; patches: number | null; aggregates: number | null };
  /** The trade tallies' nodes after the load, and the entities still marked for a recount (answered from their members). */
  tradeEntities: number;
  tradeTallies: number;
  /** The trends months' tally nodes (TrendTally); absent from markers written before trends read tallies. */
  trendTallies?: number;
  /** Absent from markers written before it was counted. */
  dirtyEntities?: number;
  /**
   * A load that stopped after the database was made (the facts are all in it) but before it ended:
   * the error, and about how long it ran after the database opened (the constraints, patches and
   * the tallies' rebuild together), from the wall time of the command where it was timed.
   */
  failure?: { message: string; secondsAfterOpen: number | null };
  /**
   * After a failed load, the tallies rebuilt by hand with `npm run aggregates -- rebuild` (and the
   * commit whose code did it), written into the marker by whoever ran it: the figures are then
   * measured on a finished rebuild.
   */
  rebuiltAfterFailure?: { command: string; seconds: number; entities: number; tallies: number; commit: string };
}

const MARKER = "loaded.json";
const BULK_OUTPUT = "bulk-load.out";
const BULK_ERRORS = "bulk-load.err";
/** What a failed load's error output says: each phase's line, the error, and `/usr/bin/time -v`'s wall time if it was timed so. */
const FILES_LINE = /^wrote \d+ nodes and \d+ relationships to \d+ files in ([\d.]+) s/m;
const TOOL_LINE = /^neo4j-admin database import: ([\d.]+) s/m;
const OPEN_LINE = /^embedded Neo4j ready at \S+ in ([\d.]+) s/m;
const ERROR_LINE = /^(\w*Error: .*)$/m;
const WALL_TIME = /Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (?:(\d+):)?(\d+):([\d.]+)/;

const SUMMARY =
  /^bulk load: (\d+) rows in ([\d.]+) s .*files ([\d.]+) s, import tool ([\d.]+) s, open ([\d.]+) s, constraints ([\d.]+) s, patches ([\d.]+) s \(\d+\), aggregates ([\d.]+) s$/m;

export async function bulkLoadedNetwork(
  config: Config,
  options: { seed: string; shipments: number; log: (line: string) => void },
): Promise<LoadedNetwork & { load: BulkLoadRecord }> {
  const { seed, shipments, log } = options;
  if (config.neo4j.uri) throw new Error("this benchmark keeps its own embedded databases: unset NEO4J_URI");
  const dir = cacheDirectory(seed, shipments);
  const filesDir = path.join(dir, "files");
  const home = path.join(dir, "neo4j");
  const marker = path.join(dir, MARKER);
  // The import tool's default heap (256m) runs out at 1M shipments; it suggests about 1 GiB.
  const command = `node --enable-source-maps dist/src/import/bulk/cli.js --into ${path.relative(projectRoot, home)} --generated ${path.relative(projectRoot, filesDir)} --report-dir ${path.relative(projectRoot, path.join(dir, "reports"))} --tool-heap 1g`;

  let summary: RegExpMatchArray | null = null;
  let failed: Awaited<ReturnType<typeof failedLoad>> = null;
  if (!existsSync(marker)) {
    // A bulk load run by hand with the same command counts (its output is where this one's goes).
    summary = existsSync(path.join(dir, BULK_OUTPUT)) ? (await readFile(path.join(dir, BULK_OUTPUT), "utf8")).match(SUMMARY) : null;
    failed = summary ? null : await failedLoad(dir);
    if (!summary && !failed) {
      await rm(home, { recursive: true, force: true });
      if (!existsSync(path.join(filesDir, GROUND_TRUTH_FILE))) {
        await mkdir(dir, { recursive: true });
        log(`generating ${shipments} shipments (seed ${seed}) into ${path.relative(projectRoot, filesDir)}`);
        await generateNetwork({ seed, shipments, outDir: filesDir });
      }
      log(`bulk load, every file: ${command}`);
      const code = await runBulkLoad(command, dir, log);
      summary = (await readFile(path.join(dir, BULK_OUTPUT), "utf8")).match(SUMMARY);
      failed = summary ? null : await failedLoad(dir);
      if (!summary && !failed) throw new Error(`the bulk load ended with code ${code} before the database was made: see ${path.relative(projectRoot, path.join(dir, BULK_ERRORS))}`);
    }
    if (failed) log(`the bulk load stopped after the database was made: ${failed.failure.message}; measuring the database as it left it`);
  }

  const registry = await CypherRegistry.load();
  const database = await startEmbeddedNeo4j({ home, log });
  const driver = createDriver({ ...config.neo4j, connectionTimeoutMs: 60_000, uri: database.uri, user: database.user, password: database.password });
  const executor = new CypherExecutor(driver, { database: database.database, timeoutMs: 3_600_000 });
  const running: RunningNeo4j = { ...database, stop: async () => { await driver.close(); await database.stop(); } };
  try {
    await applyConstraints(executor);
    let load: BulkLoadRecord;
    if (summary || failed) {
      const count = async (text: string) => Number((await executor.read(text))[0]!.count);
      const counts = {
        nodes: await count("MATCH (n) RETURN count(n) AS count"),
        relationships: await count("MATCH ()-[r]->() RETURN count(r) AS count"),
        tradeEntities: await count("MATCH (n:TradeEntity) RETURN count(n) AS count"),
        tradeTallies: await count("MATCH (n:TradeTally) RETURN count(n) AS count"),
        trendTallies: await count("MATCH (n:TrendTally) RETURN count(n) AS count"),
        dirtyEntities: await count("MATCH (n:TradeEntity {dirty: true}) RETURN count(n) AS count"),
      };
      let figures: Pick<BulkLoadRecord, "rows" | "seconds" | "phases" | "failure">;
      if (summary) {
        const [, rows, total, files, tool, open, constraints, patches, aggregates] = summary.map(Number);
        figures = { rows: rows!, seconds: total!, phases: { files: files!, tool: tool!, open: open!, constraints: constraints!, patches: patches!, aggregates: aggregates! } };
      } else {
        figures = failed!;
      }
      load = { method: "bulk", command, seed, shipments, ...figures, ...counts, loadedAt: new Date().toISOString() };
      await writeFile(marker, JSON.stringify(load, null, 2) + "\n");
      if (load.phases.aggregates !== null) log(`loaded ${load.rows} rows in ${load.seconds.toFixed(0)} s, of which the tallies' rebuild ${load.phases.aggregates.toFixed(0)} s`);
      else log(`loaded ${load.rows} rows; the load failed after the database opened (${load.dirtyEntities} of ${load.tradeEntities} trade entities still marked)`);
    } else {
      load = JSON.parse(await readFile(marker, "utf8")) as BulkLoadRecord;
      if (load.method !== "bulk") throw new Error(`${path.relative(projectRoot, dir)} was not loaded by the bulk path: remove it to load it again`);
      log(`reusing the network bulk-loaded on ${load.loadedAt} (${load.nodes} nodes, ${load.relationships} relationships)`);
    }
    const truth = JSON.parse(await readFile(path.join(filesDir, GROUND_TRUTH_FILE), "utf8")) as GroundTruth;
    return { database: running, executor, registry, truth, filesDir, load };
  } catch (error) {
    await running.stop();
    throw error;
  }
}

/** A load whose log shows the database made and opened, and then an error: its phases so far and the error. */
async function failedLoad(dir: string): Promise<(Pick<BulkLoadRecord, "rows" | "seconds" | "phases"> & { failure: NonNullable<BulkLoadRecord["failure"]> }) | null> {
  if (!existsSync(path.join(dir, BULK_ERRORS))) return null;
  const text = await readFile(path.join(dir, BULK_ERRORS), "utf8");
  const [files, tool, open, error] = [FILES_LINE, TOOL_LINE, OPEN_LINE, ERROR_LINE].map((pattern) => text.match(pattern)?.[1]);
  if (files === undefined || tool === undefined || open === undefined || error === undefined) return null;
  const wall = text.match(WALL_TIME);
  const seconds = wall ? Number(wall[1] ?? 0) * 3600 + Number(wall[2]) * 60 + Number(wall[3]) : Number.NaN;
  const [filesS, toolS, openS] = [files, tool, open].map(Number) as [number, number, number];
  // Each step's line: `<file>: <rows> rows, <rejected> rejected`.
  const rows = [...text.matchAll(/^\S+\.csv: (\d+) rows, \d+ rejected$/gm)].reduce((sum, match) => sum + Number(match[1]), 0);
  return {
    rows,
    seconds,
    phases: { files: filesS, tool: toolS, open: openS, constraints: null, patches: null, aggregates: null },
    failure: { message: error, secondsAfterOpen: wall ? seconds - filesS - toolS - openS : null },
  };
}

/** Runs the bulk-load command as `npm run bulk-load` would, its output kept beside the database; gives its exit code. */
async function runBulkLoad(command: string, dir: string, log: (line: string) => void): Promise<number | null> {
  const [, ...args] = command.split(" ");
  const out = createWriteStream(path.join(dir, BULK_OUTPUT));
  const err = createWriteStream(path.join(dir, BULK_ERRORS));
  const child = spawn(process.execPath, args, { cwd: projectRoot, stdio: ["ignore", "pipe", "pipe"] });
  child.stdout.pipe(out);
  child.stderr.on("data", (chunk: Buffer) => {
    err.write(chunk);
    for (const line of chunk.toString().split("\n")) if (line.trim() && !line.includes(" rows, 0 rejected")) log(`  ${line}`);
  });
  const code = await new Promise<number | null>((resolve, reject) => {
    child.on("error", reject);
    child.on("close", resolve);
  });
  out.end();
  err.end();
  return code;
}

/** The countries of a generated network (its `countries.csv`), for the equality check's pairs. */
export async function networkCountries(filesDir: string): Promise<string[]> {
  const [, ...lines] = (await readFile(path.join(filesDir, "countries.csv"), "utf8")).trim().split("\n");
  return lines.map((line) => line.split(",")[0]!).sort();
}
