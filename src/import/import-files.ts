
import path from "node:path";

import neo4j from "neo4j-driver";

import type { CypherExecutor } from "../db/cypher-executor.js";
import { CypherRegistry } from "../db/cypher-registry.js";
import { importSourceCounts, importSourceNodeCounts, importSourceRelationshipCounts } from "../db/queries.generated.js";
import type { NodeLabel } from "../domain/graph-schema.js";
import type { CompiledMapping, Problem } from "./mapping/compiled-mapping.js";
import { InputError } from "./mapping/mapping-error.js";
import type { SourceInput } from "./mapping/mapping-schema.js";
import { loadMapping } from "./mapping/load-mapping.js";
import { confirmReferences } from "./plan/confirm-references.js";
import { existingIds, loadLookups } from "./plan/lookups.js";
import { PlannedNodes } from "./plan/planned-nodes.js";
import { RowPlanner, type JoinTables, type RowPlan } from "./plan/plan-row.js";
import { RecordIndex } from "./plan/record-index.js";
import { openMainInput, readJoinTable, resolveInputFiles, type JoinRow } from "./read/csv-input.js";
import { SeenKeys } from "./read/seen-keys.js";
import { IdCollisions } from "./report/id-collisions.js";
import { FlagCounter, type CountChange, type ImportReport } from "./report/import-report.js";
import { ReportFile, reportPaths } from "./report/report-files.js";
import { BatchWriter, type AlertListener } from "./write/batch-writer.js";
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
  /**
   * Nodes that earlier files of a plan would have written (a dry run of a plan, `importPlan`): they
   * count as existing for this file's references, and this file's nodes are added to them.
   */
  readonly planned?: PlannedNodes;
  /** Told of the alerts each batch made, after its commit (an AlertBus's `publish`: src/alerts/). */
  readonly onAlerts?: AlertListener;
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
  return importFilesInto(databaseTarget(executor, registry, options.onAlerts), mappingPath, files, { ...options, registry });
}

/** One file of a plan: a mapping and the files or folders its input is found among. */
export interface PlanStep {
  readonly mapping: string;
  readonly files: readonly string[];
}

export interface PlanOptions extends Omit<ImportOptions, "planned"> {
  /** Called with each file's report as soon as it is done. */
  readonly onReport?: (report: ImportReport, step: PlanStep) => void | Promise<void>;
}

/**
 * Imports several mapping files as one plan, in order, so that a later file may refer to what an
 * earlier one makes. Every mapping is loaded and every input file found before anything is read or
 * written. In a dry run nothing is written, so the nodes each file would make are kept
 * (PlannedNodes) and a later file's references are confirmed against them as well as against the
 * database: the dry run of a plan reports what its import would do. Each file is reported as on its
 * own; a file with rejected rows does not stop the plan (its other rows load, as on its own).
 */
export async function importPlan(
  executor: CypherExecutor,
  steps: readonly PlanStep[],
  options: PlanOptions = {},
): Promise<ImportReport[]> {
  const registry = options.registry ?? (await CypherRegistry.load());
  const target = databaseTarget(executor, registry, options.onAlerts);
  for (const step of steps) {
    const mapping = await loadMapping(step.mapping);
    const found = await resolveInputFiles(mapping, step.files);
    // With several mappings given the same files, a file is the main file of the mapping that names it.
    if (steps.length > 1 && path.basename(found.main) !== mapping.input.file) {
      throw new InputError(`${step.mapping}: no file named ${mapping.input.file} among those given`);
    }
  }
  const planned = options.dryRun ? new PlannedNodes() : undefined;
  const reports: ImportReport[] = [];
  for (const step of steps) {
    const report = await importFilesInto(target, step.mapping, step.files, { ...options, registry, planned });
    reports.push(report);
    await options.onReport?.(report, step);
  }
  return reports;
}

/**
 * The database as an import target: lookups and reference checks read it, batches MERGE into it;
 * `onAlerts` hears of the alerts each batch made.
 */
export function databaseTarget(executor: CypherExecutor, registry: CypherRegistry, onAlerts?: AlertListener): ImportTarget {
  return {
    loadLookups: (mapping, idPrefix) => loadLookups(executor, registry, mapping, idPrefix),
    existingIds: (label, ids, synthetic) => existingIds(executor, registry, label, ids, synthetic),
    keptSourceCounts: (sourceId) => keptSourceCounts(executor, registry, sourceId),
    sourceCounts: (sourceId) => sourceCounts(executor, registry, sourceId),
    writeSource: (source: SourceInput, sourceId, counts) => new BatchWriter(executor, registry, source, sourceId).writeSource(counts),
    write: (source: SourceInput, sourceId, plans) => new BatchWriter(executor, registry, source, sourceId, onAlerts).write(plans),
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
  const records = RecordIndex.isNeeded(mapping)
    ? await indexRecords(mapping, inputFiles.main, new RowPlanner(mapping, joins as JoinTables, lookups, { idPrefix: options.idPrefix }))
    : undefined;
  const planner = new RowPlanner(mapping, joins as JoinTables, lookups, { idPrefix: options.idPrefix, records });
  const planned = options.planned;
  const existing = async (label: NodeLabel, ids: readonly string[], onlyOf: boolean) => {
    const found = await target.existingIds(label, ids, onlyOf);
    for (const id of planned?.filter(label, ids, onlyOf) ?? []) found.add(id);
    return found;
  };

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
    await confirmReferences(existing, plans, synthetic);
    const good = plans.filter((plan) => plan.rejects.length === 0);
    if (!dryRun) await target.write(mapping.source, sourceId, good);
    planned?.add(good, synthetic);
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
      const screened = screenRow(mapping, seenKeys, cells, problems);
      if (screened === "skip") {
        rowsSkipped += 1;
        continue;
      }
      if (screened.length > 0) {
        reject(row, screened);
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
    // A stop asked for while the last full batch was written keeps the rest from being written too.
    if (options.signal?.aborted) throw new ImportAbortedError(await report());
    await flush(batch);
    return await report();
  } finally {
    await (writing as Promise<void> | null)?.catch(() => {});
    input.close();
    await Promise.all([rejectsFile.close(), flagsFile.close(), collisionsFile.close()]);
  }
}

/**
 * What keeps a row from being planned, before the mapping reads it: problems of the record itself
 * (width, encoding), a `where` it fails ("skip"), a missing or repeated key. An empty list: plan it.
 */
function screenRow(
  mapping: CompiledMapping,
  seenKeys: SeenKeys,
  cells: Readonly<Record<string, string>>,
  problems: readonly Omit<Problem, "entry">[],
): Problem[] | "skip" {
  if (problems.length > 0) return problems.map((problem) => ({ ...problem, entry: "" }));
  if (!mapping.input.where.every(({ column, values }) => values.has(cells[column].trim()))) return "skip";
  // A key of several columns is missing when any of them is empty; its value joins them with ",".
  const parts = mapping.input.key.map((column) => cells[column.name].trim());
  const keyColumn = mapping.input.key.map((column) => column.display).join(",");
  if (parts.some((part) => !part)) {
    return [{ kind: "missing", entry: "input.key", column: keyColumn, value: parts.length > 1 ? parts.join(",") : "", reason: "missing key" }];
  }
  if (!seenKeys.add(parts.join("\u0000"))) {
    return [{ kind: "duplicate", entry: "input.key", column: keyColumn, value: parts.join(","), reason: "a key seen on an earlier row" }];
  }
  return [];
}

/**
 * Reads the main file once before the import plans it for writing, noting what the rows that plan
 * without a problem make, record by record (`input.record`): a row's `record` reference then finds
 * the node another row of its record makes, before or after it, in any batch.
 */
async function indexRecords(mapping: CompiledMapping, mainFile: string, planner: RowPlanner): Promise<RecordIndex> {
  const index = new RecordIndex(mapping);
  const seenKeys = new SeenKeys();
  const input = await openMainInput(mainFile, mapping.input.columns, mapping.input.delimiter, mapping.input.nulls);
  try {
    for await (const { row, cells, problems } of input.rows) {
      const screened = screenRow(mapping, seenKeys, cells, problems);
      if (screened === "skip" || screened.length > 0) continue;
      const plan = planner.plan(row, cells);
      if (plan.rejects.length === 0) index.add(cells, plan.endpoints!);
    }
  } finally {
    input.close();
  }
  return index;
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

