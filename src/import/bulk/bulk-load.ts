import { createReadStream } from "node:fs";
import { mkdir, mkdtemp, readdir, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { createInterface } from "node:readline";

import { rebuildTradeAggregates } from "../../aggregates/trade-aggregates.js";
import { BATCH_TIMEOUT_MS } from "../../config.js";
import { CypherExecutor } from "../../db/cypher-executor.js";
import { createDriver } from "../../db/driver.js";
import { startEmbeddedNeo4j, type EmbeddedNeo4j } from "../../db/embedded-neo4j.js";
import { importBulkPatchNodes } from "../../db/queries.generated.js";
import { applyConstraints } from "../../db/schema-setup.js";
import type { NodeLabel } from "../../domain/graph-schema.js";
import { importFilesInto, type ImportProgress } from "../import-files.js";
import type { ImportReport } from "../report/import-report.js";
import { BulkTarget, decodePatchValue, type BulkFiles, type NodePatch } from "./bulk-target.js";
import { runImportTool, type ImportToolResult } from "./import-tool.js";

/** One mapping file and the CSV files (or folder) it reads, as `npm run import` takes them. */
export interface BulkStep {
  readonly mapping: string;
  readonly files: readonly string[];
}

export interface BulkLoadOptions {
  /** The Neo4j home to create (the embedded launcher's NEO4J_DATA_DIR): must not exist, or be empty. */
  readonly into: string;
  /** In order: each file's references point at nodes of the files before it, as with `npm run import`. */
  readonly steps: readonly BulkStep[];
  /** Where the import tool's CSV files go (deleted after, unless kept); by default a temporary folder. */
  readonly workDir?: string;
  readonly keepFiles?: boolean;
  /** Where `<input>.rejects.csv`, `.flags.csv`, `.collisions.csv` go; by default next to each input. */
  readonly reportDir?: string;
  /** Rows per batch of the pipeline (default BULK_BATCH_SIZE). */
  readonly batchSize?: number;
  /** The import tool's JVM heap, off-heap budget and page cache (see import-tool.ts for the defaults). */
  readonly toolHeap?: string;
  readonly toolOffHeap?: string;
  readonly toolPageCache?: string;
  /** Leave the database running after the load (the caller stops it); by default it is stopped. */
  readonly keepOpen?: boolean;
  readonly log?: (line: string) => void;
  readonly onProgress?: (step: BulkStep, progress: ImportProgress) => void;
  readonly onStep?: (step: BulkStep, report: ImportReport) => void;
}

export interface BulkLoadResult {
  readonly reports: ImportReport[];
  readonly files: Omit<BulkFiles, "parts"> & { readonly parts: number };
  readonly tool: ImportToolResult;
  /** Seconds of each phase: planning and writing the files, the import tool, the database start, constraints, patches, aggregates. */
  readonly seconds: { files: number; tool: number; open: number; constraints: number; patches: number; aggregates: number; total: number };
  /**
   * This process's peak resident set (MiB) at the end of each phase: a high-water mark, so the phase
   * where it grows is the one that raised it.
   */
  readonly peakRssMiB: { files: number; tool: number; open: number; constraints: number; patches: number; aggregates: number };
  /** Set with keepOpen. */
  readonly database?: EmbeddedNeo4j;
}

export class BulkLoadError extends Error {
  override name = "BulkLoadError";
}

const PATCHES_PER_TRANSACTION = 5_000;

/**
 * Rows per batch of the pipeline. A batch's reference checks read the id sets in memory, not the
 * database, so small batches cost nothing there; and their rows' plans die young, where the 10,000
 * rows of `npm run import`'s batches outlived young-generation collections and were copied into
 * the old generation (for the files of 100,000 shipments: 15–20% less CPU and a quarter less peak
 * memory; of 1,000,000: the same time and a sixth less memory).
 */
export const BULK_BATCH_SIZE = 500;

/**
 * A first load of an empty database: every step goes through the import pipeline (the same mapping,
 * planner, normalisers, rejects, flags and provenance as `importFiles`) into CSV files
 * (BulkTarget), which `neo4j-admin database import` turns into a new database; the embedded
 * launcher then opens it, the constraints and indexes are applied, the few changes the files could
 * not hold are applied (patches), and the trade aggregates are rebuilt from the facts.
 */
export async function bulkLoad(options: BulkLoadOptions): Promise<BulkLoadResult> {
  const log = options.log ?? (() => {});
  const began = performance.now();
  await refuseNonEmpty(options.into);
  const workDir = options.workDir ?? (await mkdtemp(path.join(os.tmpdir(), "bulk-load-")));
  await mkdir(workDir, { recursive: true });
  let database: EmbeddedNeo4j | undefined;
  try {
    const { reports, files } = await writeImportFiles(options, workDir);
    const filesSeconds = (performance.now() - began) / 1000;
    const peak = { files: peakRssMiB(), tool: 0, open: 0, constraints: 0, patches: 0, aggregates: 0 };
    log(`wrote ${files.nodes} nodes and ${files.relationships} relationships to ${files.parts.length} files in ${filesSeconds.toFixed(1)} s; ${files.patchCount} node patches`);

    await mkdir(options.into, { recursive: true });
    const tool = await runImportTool({
      home: options.into,
      workDir,
      parts: files.parts,
      multiline: files.multiline,
      heap: options.toolHeap,
      offHeap: options.toolOffHeap,
      pageCache: options.toolPageCache,
      log,
    });
    log(`neo4j-admin database import: ${tool.seconds.toFixed(1)} s, peak RSS ${(tool.peakRssBytes / 2 ** 20).toFixed(0)} MiB`);
    peak.tool = peakRssMiB();

    let mark = performance.now();
    database = await startEmbeddedNeo4j({ home: options.into, log });
    const open = (performance.now() - mark) / 1000;
    peak.open = peakRssMiB();
    const driver = createDriver({ uri: database.uri, user: database.user, password: database.password, connectionTimeoutMs: 30_000 });
    let constraints = 0;
    let patches = 0;
    let aggregates = 0;
    try {
      const executor = new CypherExecutor(driver, { database: database.database, timeoutMs: BATCH_TIMEOUT_MS });
      mark = performance.now();
      await applyConstraints(executor);
      constraints = (performance.now() - mark) / 1000;
      peak.constraints = peakRssMiB();
      mark = performance.now();
      await applyPatches(executor, files.patches);
      patches = (performance.now() - mark) / 1000;
      peak.patches = peakRssMiB();
      mark = performance.now();
      await rebuildTradeAggregates(executor);
      aggregates = (performance.now() - mark) / 1000;
      peak.aggregates = peakRssMiB();
    } finally {
      await driver.close();
    }
    if (!options.keepOpen) {
      await database.stop();
      database = undefined;
    }
    return {
      reports,
      files: { ...files, parts: files.parts.length },
      tool,
      seconds: { files: filesSeconds, tool: tool.seconds, open, constraints, patches, aggregates, total: (performance.now() - began) / 1000 },
      peakRssMiB: peak,
      ...(database && { database }),
    };
  } catch (error) {
    await database?.stop();
    throw error;
  } finally {
    if (!options.keepFiles) await rm(workDir, { recursive: true, force: true });
  }
}

/**
 * Every step through the import pipeline into the import tool's files. The target's id sets (a few
 * hundred MB at millions of rows) are garbage once this returns, before the tool and the database run.
 */
async function writeImportFiles(options: BulkLoadOptions, workDir: string): Promise<{ reports: ImportReport[]; files: BulkFiles }> {
  const target = new BulkTarget(workDir);
  const reports: ImportReport[] = [];
  for (const step of options.steps) {
    const report = await importFilesInto(target, step.mapping, step.files, {
      batchSize: options.batchSize ?? BULK_BATCH_SIZE,
      reportDir: options.reportDir,
      onProgress: options.onProgress && ((progress) => options.onProgress!(step, progress)),
    });
    reports.push(report);
    options.onStep?.(step, report);
  }
  return { reports, files: target.finish() };
}

/** This process's peak resident set so far, in MiB (`maxRSS` is in KiB). */
function peakRssMiB(): number {
  return process.resourceUsage().maxRSS / 1024;
}

/** The import tool writes only into a database that does not exist yet; so does this, into a folder that holds nothing. */
async function refuseNonEmpty(into: string): Promise<void> {
  const entries = await readdir(into).catch((error: NodeJS.ErrnoException) => {
    if (error.code === "ENOENT") return [];
    throw error;
  });
  if (entries.length > 0) {
    throw new BulkLoadError(`${into} is not empty: a bulk load makes a new database, so give it a folder that does not exist or holds nothing`);
  }
}

/** Applies the node patches in their order, a few thousand per transaction, grouped by label. */
async function applyPatches(executor: CypherExecutor, file: string): Promise<void> {
  const pending = new Map<NodeLabel, Record<string, unknown>[]>();
  let size = 0;
  const flush = async () => {
    for (const [label, rows] of pending) await executor.writeQuery(importBulkPatchNodes, { rows }, { LABEL: label });
    pending.clear();
    size = 0;
  };
  for await (const line of createInterface({ input: createReadStream(file), crlfDelay: Infinity })) {
    if (!line) continue;
    const patch = JSON.parse(line) as NodePatch;
    const properties = Object.fromEntries(Object.entries(patch.properties).map(([name, value]) => [name, decodePatchValue(value)]));
    const rows = pending.get(patch.label) ?? [];
    pending.set(patch.label, rows);
    rows.push({ id: patch.id, properties, synthetic: patch.synthetic });
    size += 1;
    if (size >= PATCHES_PER_TRANSACTION) await flush();
  }
  await flush();
}
