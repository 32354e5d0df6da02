
import neo4j from "neo4j-driver";

import type { CypherExecutor } from "../db/cypher-executor.js";
import { CypherRegistry } from "../db/cypher-registry.js";
import { importSourceCounts, importSourceNodeCounts, importSourceRelationshipCounts } from "../db/queries.generated.js";
import type { Problem } from "./mapping/compiled-mapping.js";
import type { SourceInput } from "./mapping/mapping-schema.js";
import { loadMapping } from "./mapping/load-mapping.js";
import { confirmReferences } from "./plan/confirm-references.js";
import { existingIds, loadLookups } from "./plan/lookups.js";
import { RowPlanner, type JoinTables, type RowPlan } from "./plan/plan-row.js";
import { openMainInput, readJoinTable, resolveInputFiles, type JoinRow } from "./read/csv-input.js";
import { SeenKeys } from "./read/seen-keys.js";
import { IdCollisions } from "./report/id-collisions.js";
import { FlagCounter, type CountChange, type ImportReport } from "./report/import-report.js";
import { ReportFile, reportPaths } from "./report/report-files.js";
import { BatchWriter } from "./write/batch-writer.js";
import type { ImportTarget, SourceCounts } from "./write/import-target.js";

export const DEFAULT_BATCH_SIZE = 10_000;

export interface ImportProgress {
  readonly rowsRead: number;
  readonly rowsLoaded: number;
  readonly rowsRejected: number;
  readonly batches: number;
  readonly bytesRead: number;
  readonly totalBytes: number;
  readonly elapsedMs: number;
}

export interface ImportOptions {
  /** Validate and report without writing to the database (it is still read, for references). */
  readonly dryRun?: boolean;
  /** Rows per transaction. */
  readonly batchSize?: number;
  /**
   * Put before the source id and every node id the import makes or refers to: a world of its own
   * beside the real one, for trials and tests. Import its reference data with the same prefix first.
   */
  readonly idPrefix?: string;
  /** Where `<input>.rejects.csv` and `<input>.flags.csv` go; by default next to the input. */
  readonly reportDir?: string;
  readonly registry?: CypherRegistry;
  /** Stops the import between batches; what was committed stays (a re-run completes it). */
  readonly signal?: AbortSignal;
  /** Called after each batch is written (or checked, in a dry run). */
  readonly onProgress?: (progress: ImportProgress) => void | Promise<void>;
}

/** Thrown when `signal` stops an import; the report says how far it got. */
export class ImportAbortedError extends Error {
  override name = "ImportAbortedError";

  constructor(readonly report: ImportReport) {
    super(`import stopped after ${report.batches} batches (${report.rowsLoaded} rows loaded)`);
  }
}

/**
 * Imports CSV files into the graph as a mapping file says: the Source node, then the rows in
 * batches, each batch one transaction of MERGEs. Rows that cannot load go to `<input>.rejects.csv`;
 * values that cannot be resolved are left empty, flagged, and listed in `<input>.flags.csv`.
 * Throws MappingError (bad mapping), InputError (files that do not fit it), or a database error.
 */
export async function importFiles(
  executor: CypherExecutor,
  mappingPath: string,
  files: readonly string[],
  options: ImportOptions = {},
): Promise<ImportReport> {
  const registry = options.registry ?? (await CypherRegistry.load());
  return importFilesInto(databaseTarget(executor, registry), mappingPath, files, { ...options, registry });
}

/** The database as an import target: lookups and reference checks read it, batches MERGE into it. */
export function databaseTarget(executor: CypherExecutor, registry: CypherRegistry): ImportTarget {
  return {
    loadLookups: (mapping, idPrefix) => loadLookups(executor, registry, mapping, idPrefix),
    existingIds: (label, ids, synthetic) => existingIds(executor, registry, label, ids, synthetic),
    keptSourceCounts: (sourceId) => keptSourceCounts(executor, registry, sourceId),
    sourceCounts: (sourceId) => sourceCounts(executor, registry, sourceId),
    writeSource: (source: SourceInput, sourceId, counts) => new BatchWriter(executor, registry, source, sourceId).writeSource(counts),
    write: (source: SourceInput, sourceId, plans) => new BatchWriter(executor, registry, source, sourceId).write(plans),
  };
}

/** As importFiles, into any target: the database, or the files of a bulk load (src/import/bulk/). */
export async function importFilesInto(
  target: ImportTarget,
  mappingPath: string,
  files: readonly string[],
  options: ImportOptions = {},
): Promise<ImportReport> {
  const started = performance.now();
  const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
  if (!Number.isInteger(batchSize) || batchSize < 1) throw new RangeError("batchSize must be a whole number of at least 1");
  const dryRun = options.dryRun ?? false;
  const mapping = await loadMapping(mappingPath);
  const sourceId = `${options.idPrefix ?? ""}${mapping.source.id}`;
  const synthetic = mapping.source.synthetic;

  const inputFiles = await resolveInputFiles(mapping, files);
  const joins = new Map<string, Map<string, JoinRow>>();
  for (const join of mapping.input.joins) {
    joins.set(join.name, await readJoinTable(join, inputFiles.joins.get(join.name)!, mapping.input.delimiter, mapping.input.nulls));
  }
  const lookups = await target.loadLookups(mapping, options.idPrefix);
  const planner = new RowPlanner(mapping, joins as JoinTables, lookups, { idPrefix: options.idPrefix });

  const kept = await target.keptSourceCounts(sourceId);
  const before = kept ?? (await target.sourceCounts(sourceId));
  // A Source made before counts were kept is counted once (above) and keeps them from now on.
  if (!dryRun) await target.writeSource(mapping.source, sourceId, kept === null ? countProperties(before) : {});

  const paths = reportPaths(inputFiles.main, options.reportDir);
  const rejectsFile = await ReportFile.create(paths.rejects, ["row", "column", "value", "reason"]);
  const flagsFile = await ReportFile.create(paths.flags, ["row", "column", "value", "kind", "reason", "entry"]);
  const collisionsFile = await ReportFile.create(paths.collisions, ["label", "id", "row", "column", "value", "entry"]);
  const flags = new FlagCounter();
  const collisions = new IdCollisions();
  const input = await openMainInput(inputFiles.main, mapping.input.columns, mapping.input.delimiter, mapping.input.nulls);

  let rowsRead = 0;
  let rowsLoaded = 0;
  let rowsRejected = 0;
  let rowsSkipped = 0;
  let batches = 0;
  const seenKeys = new SeenKeys();
  let batch: RowPlan[] = [];

  const reject = (row: number, problems: readonly Problem[]) => {
    rowsRejected += 1;
    for (const problem of problems) {
      rejectsFile.write([row, problem.column, problem.value, problem.entry ? `${problem.reason} (${problem.entry})` : problem.reason]);
    }
  };
  const progress = (): ImportProgress => ({
    rowsRead,
    rowsLoaded,
    rowsRejected,
    batches,
    bytesRead: input.bytesRead(),
    totalBytes: input.totalBytes,
    elapsedMs: performance.now() - started,
  });
  const report = async (): Promise<ImportReport> => {
    const idCollisions = collisions.list();
    for (const { label, id, sources } of idCollisions) {
      for (const source of sources) collisionsFile.write([label, id, source.row, source.column, source.text, source.entry]);
    }
    await Promise.all([rejectsFile.close(), flagsFile.close(), collisionsFile.close()]);
    const after = dryRun ? before : ((await target.keptSourceCounts(sourceId)) ?? before);
    const notes: string[] = [];
    const uses = (kind: string) => mapping.references.some((reference) => reference.kind === kind);
    if (uses("place") && lookups.places.size === 0) {
      notes.push("the database holds no Place yet: place references fell back to countries or were flagged (import places first)");
    }
    if (uses("species") && lookups.species.size === 0) {
      notes.push("the database holds no Species yet: species references were flagged (import the species first)");
    }
    if ((flags.summary().byKind.reference ?? 0) > 0) {
      notes.push("some referenced nodes are not in the database (see the reference flags): import the reference data first, then this again");
    }
    return {
      mapping: mappingPath,
      sourceId,
      mainFile: inputFiles.main,
      dryRun,
      rowsRead,
      rowsLoaded,
      rowsRejected,
      rowsSkipped,
      rejectsFile: rejectsFile.written,
      flagsFile: flagsFile.written,
      flags: flags.summary(),
      idCollisions,
      collisionsFile: collisionsFile.written,
      nodes: change(before.nodes, after.nodes),
      relationships: change(before.relationships, after.relationships),
      nodesAdded: total(after.nodes) - total(before.nodes),
      relationshipsAdded: total(after.relationships) - total(before.relationships),
      batches,
      elapsedMs: Math.round(performance.now() - started),
      notes,
    };
  };

  const flush = async (plans: RowPlan[]) => {
    if (plans.length === 0) return;
    await confirmReferences((label, ids, onlyOf) => target.existingIds(label, ids, onlyOf), plans, synthetic);
    const good = plans.filter((plan) => plan.rejects.length === 0);
    if (!dryRun) await target.write(mapping.source, sourceId, good);
    batches += 1;
    for (const plan of plans) {
      if (plan.rejects.length > 0) {
        reject(plan.row, plan.rejects);
        continue;
      }
      rowsLoaded += 1;
      for (const node of plan.nodes) if (node.idSource) collisions.add(node.label, node.id, node.idSource, plan.row);
      for (const flag of plan.flags) {
        flags.add(flag);
        flagsFile.write([plan.row, flag.column, flag.value, flag.kind, flag.reason, flag.entry]);
      }
    }
    await options.onProgress?.(progress());
  };
  // One batch is written while the next is read and planned: the database and this process work at
  // once. Batches still reach the database one after another, each after the one before committed,
  // so a batch's reference checks see every node the batches before it made.
  let writing: Promise<void> | null = null;
  const finishWriting = async () => {
    const current = writing;
    writing = null;
    await current;
  };
  const startWriting = (full: RowPlan[]) => {
    writing = flush(full);
    // Handled when awaited; this only keeps a failure meanwhile from counting as unhandled.
    writing.catch(() => {});
  };

  try {
    for await (const { row, cells, problems } of input.rows) {
      rowsRead += 1;
      if (problems.length > 0) {
        reject(row, problems.map((problem) => ({ ...problem, entry: "" })));
        continue;
      }
      if (!mapping.input.where.every(({ column, values }) => values.has(cells[column].trim()))) {
        rowsSkipped += 1;
        continue;
      }
      // A key of several columns is missing when any of them is empty; its value joins them with ",".
      const parts = mapping.input.key.map((column) => cells[column.name].trim());
      const keyColumn = mapping.input.key.map((column) => column.display).join(",");
      if (parts.some((part) => !part)) {
        reject(row, [{ kind: "missing", entry: "input.key", column: keyColumn, value: parts.length > 1 ? parts.join(",") : "", reason: "missing key" }]);
        continue;
      }
      const key = parts.join("\u0000");
      if (!seenKeys.add(key)) {
        reject(row, [{ kind: "duplicate", entry: "input.key", column: keyColumn, value: parts.join(","), reason: "a key seen on an earlier row" }]);
        continue;
      }
      const plan = planner.plan(row, cells);
      if (plan.rejects.length > 0) reject(row, plan.rejects);
      else batch.push(plan);
      if (batch.length >= batchSize) {
        await finishWriting();
        if (options.signal?.aborted) throw new ImportAbortedError(await report());
        startWriting(batch);
        batch = [];
      }
    }
    await finishWriting();
    await flush(batch);
    return await report();
  } finally {
    await (writing as Promise<void> | null)?.catch(() => {});
    input.close();
    await Promise.all([rejectsFile.close(), flagsFile.close(), collisionsFile.close()]);
  }
}

/**
 * How many nodes (by label) and relationships (by type) a source backs, counted in the graph: the
 * relationships' count scans every relationship, so it grows with the database. For tests and for
 * the one-time count of a Source made before counts were kept; reports use keptSourceCounts.
 */
export async function sourceCounts(executor: CypherExecutor, _registry: CypherRegistry, sourceId: string): Promise<SourceCounts> {
  const nodes = await executor.readQuery(importSourceNodeCounts, { sourceId });
  const relationships = await executor.readQuery(importSourceRelationshipCounts, { sourceId });
  return {
    nodes: Object.fromEntries(nodes.map((row) => [row.label, row.count])),
    relationships: Object.fromEntries(relationships.map((row) => [row.type, row.count])),
  };
}

/**
 * The counts a Source keeps (added to by every batch, in its transaction): constant time. Null when
 * the Source keeps none, having been made before counts were kept; an empty count for no Source.
 */
export async function keptSourceCounts(executor: CypherExecutor, _registry: CypherRegistry, sourceId: string): Promise<SourceCounts | null> {
  const [row] = await executor.readQuery(importSourceCounts, { sourceId });
  if (!row) return { nodes: {}, relationships: {} };
  if (!row.countsKept) return null;
  const counts: SourceCounts = { nodes: {}, relationships: {} };
  for (const [key, count] of row.counts) {
    const [kind, name] = [key.slice(0, key.indexOf(".")), key.slice(key.indexOf(".") + 1)];
    // A count of 0 is kept once a batch wrote none; the graph count would not list the name.
    if (count > 0) (kind === "nodes" ? counts.nodes : counts.relationships)[name] = count;
  }
  return counts;
}

/** Counts as the Source's properties, for a Source to keep from now on. */
function countProperties(counts: SourceCounts): Record<string, unknown> {
  return {
    countsKept: true,
    ...Object.fromEntries(Object.entries(counts.nodes).map(([label, count]) => [`nodes.${label}`, neo4j.int(count)])),
    ...Object.fromEntries(Object.entries(counts.relationships).map(([type, count]) => [`relationships.${type}`, neo4j.int(count)])),
  };
}

function change(before: Record<string, number>, after: Record<string, number>): CountChange {
  const names = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
  return Object.fromEntries(names.map((name) => [name, { before: before[name] ?? 0, after: after[name] ?? 0 }]));
}

function total(counts: Record<string, number>): number {
  return Object.values(counts).reduce((sum, count) => sum + count, 0);
}

