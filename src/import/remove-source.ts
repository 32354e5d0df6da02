import neo4j from "neo4j-driver";

import { touchTradeFacts, type TouchedFacts } from "../aggregates/membership.js";
import type { CypherExecutor, WriteTransaction } from "../db/cypher-executor.js";
import type { Statement } from "../db/cypher-query.js";
import {
  importRemovalDeleteMentions,
  importRemovalDeleteRelationships,
  importRemovalDeleteSource,
  importRemovalNextBatch,
  importRemovalSetSourceCounts,
  importRemovalStrayRelationships,
  importRemovalUnlinkNodes,
  importSourceCounts,
} from "../db/queries.generated.js";
import { integerParameter } from "../db/values.js";

export const DEFAULT_REMOVAL_BATCH_SIZE = 10_000;

/** What nodes of one label became, by label: counts. */
export type CountByName = Record<string, number>;

export interface RemovalCounts {
  /** Relationships deleted, by type: the source's own (`sourceId`) and its SOURCED_FROM. */
  readonly relationships: CountByName;
  /** Nodes deleted, by label: backed by this source alone, or left as bare mentions of it. */
  readonly nodesDeleted: CountByName;
  /** Nodes this source backed that stay, backed by another source (their properties as they were). */
  readonly nodesKept: CountByName;
  /** Nodes this source alone backed that stay, bare, because other sources' relationships reach them. */
  readonly nodesCleared: CountByName;
}

export interface RemovalBatch extends RemovalCounts {
  /** 1 for the first batch of this run. */
  readonly batch: number;
  /**
   * The Shipment, Seizure, CommodityLine and Place nodes at either end of a relationship the batch
   * deleted (SOURCED_FROM included), or deleted themselves: what the trade aggregates count of
   * them has changed.
   */
  readonly touched: TouchedFacts;
}

export interface RemovalReport extends RemovalCounts {
  readonly sourceId: string;
  readonly batches: number;
  /** Whether the Source node itself was deleted (the removal is complete). */
  readonly sourceRemoved: boolean;
  readonly elapsedMs: number;
}

export interface RemoveSourceOptions {
  /** Pairs of (node, relationship) read per batch, each batch one transaction. */
  readonly batchSize?: number;
  /** Stops the removal between batches; what was committed stays (a re-run completes it). */
  readonly signal?: AbortSignal;
  /**
   * The statement that keeps the trade aggregates true, given the trade facts a batch touched; run
   * in the batch's transaction (not for a batch that touched none). By default the aggregates' own
   * (src/aggregates/membership.ts).
   */
  readonly tradeFactStatement?: (touched: TouchedFacts) => Statement;
  /** Called after each batch has committed. */
  readonly onBatch?: (batch: RemovalBatch) => void | Promise<void>;
}

/** The exit code of `npm run import -- --remove-source` when no Source has the id. */
export const UNKNOWN_SOURCE_EXIT_CODE = 3;

/** No Source node has the id (never imported, or removed already). */
export class UnknownSourceError extends Error {
  override name = "UnknownSourceError";

  constructor(readonly sourceId: string) {
    super(`no source with id "${sourceId}" (nothing was removed)`);
  }
}

/** Thrown when `signal` stops a removal; the report says how far it got. */
export class RemovalAbortedError extends Error {
  override name = "RemovalAbortedError";

  constructor(readonly report: RemovalReport) {
    super(`removal stopped after ${report.batches} batches; run it again to finish it`);
  }
}

type Phase = "backed" | "stray";

/**
 * Removes what one source stated: every relationship with its `sourceId`, every SOURCED_FROM to it,
 * every node it backed that no other source backs (or, when other sources' relationships still
 * reach such a node, its properties: it stays as a bare mention), the bare mentions at the end of
 * its relationships that nothing else reaches, and last the Source node. A node another source
 * backs too stays as it is: properties merged from several sources cannot be told apart.
 *
 * Batches are transactions of their own, each bounded by `batchSize`: first from the nodes the
 * source backs, then the relationships no such node reaches (one scan of every relationship). A
 * batch reads what it will delete, deletes it, lowers the Source's kept counts by as much, and runs
 * `tradeFactStatement`, all at once or not at all; a stopped or killed removal leaves a graph
 * whose every node still backed by the source is whole, and running it again finishes it.
 * Throws UnknownSourceError when no Source has the id.
 */
export async function removeSource(executor: CypherExecutor, sourceId: string, options: RemoveSourceOptions = {}): Promise<RemovalReport> {
  const started = performance.now();
  const batchSize = options.batchSize ?? DEFAULT_REMOVAL_BATCH_SIZE;
  if (!Number.isInteger(batchSize) || batchSize < 1) throw new RangeError("batchSize must be a whole number of at least 1");
  const [source] = await executor.readQuery(importSourceCounts, { sourceId });
  if (!source) throw new UnknownSourceError(sourceId);

  const tradeFactStatement = options.tradeFactStatement ?? touchTradeFacts;
  const total: RemovalCounts = { relationships: {}, nodesDeleted: {}, nodesKept: {}, nodesCleared: {} };
  let batches = 0;
  const report = (sourceRemoved: boolean): RemovalReport => ({
    sourceId,
    ...total,
    batches,
    sourceRemoved,
    elapsedMs: Math.round(performance.now() - started),
  });

  for (const phase of ["backed", "stray"] as const) {
    for (;;) {
      if (options.signal?.aborted) throw new RemovalAbortedError(report(false));
      const batch = await executor.writeTransaction((tx) => removeBatch(tx, sourceId, phase, batchSize, tradeFactStatement));
      if (batch === null) break;
      batches += 1;
      for (const key of Object.keys(total) as (keyof RemovalCounts)[]) addCounts(total[key], batch[key]);
      await options.onBatch?.({ ...batch, batch: batches });
    }
  }
  const [{ removed }] = await executor.writeQuery(importRemovalDeleteSource, { sourceId });
  return report(removed > 0);
}

/** One batch in one transaction; null when the phase has nothing left. */
async function removeBatch(
  tx: WriteTransaction,
  sourceId: string,
  phase: Phase,
  limit: number,
  tradeFactStatement: (touched: TouchedFacts) => Statement,
): Promise<Omit<RemovalBatch, "batch"> | null> {
  const read = phase === "backed" ? importRemovalNextBatch : importRemovalStrayRelationships;
  const [chosen] = await tx.runQuery(read, { sourceId, limit: integerParameter(limit) });
  if (chosen.nodes.length === 0 && chosen.relationships.length === 0) return null;
  const [kept] = await tx.runQuery(importSourceCounts, { sourceId });
  const touched: TouchedFacts = {
    shipments: distinct(chosen.shipments),
    seizures: distinct(chosen.seizures),
    lines: distinct(chosen.lines),
    places: distinct(chosen.places),
  };
  const upkeep = Object.values(touched).some((ids: string[]) => ids.length > 0) ? tradeFactStatement(touched) : null;
  // Run before the deletes as well as after: a shipment this batch deletes can no longer be found
  // by id afterwards, so what it was counted in is marked for a recount while it still exists.
  if (upkeep) await tx.run(upkeep.query, upkeep.parameters);

  const relationships: CountByName = {};
  for (const { type, count } of await tx.runQuery(importRemovalDeleteRelationships, { relationships: chosen.relationships, sourceId })) {
    relationships[type] = count;
  }
  const fates: Record<string, CountByName> = { backed: {}, cleared: {}, deleted: {} };
  let unlinked = 0;
  for (const { label, fate, count } of await tx.runQuery(importRemovalUnlinkNodes, { nodes: chosen.nodes, sourceId })) {
    fates[fate][label] = (fates[fate][label] ?? 0) + count;
    unlinked += count;
  }
  if (unlinked > 0) relationships.SOURCED_FROM = unlinked;
  const nodesDeleted = { ...fates.deleted };
  for (const { label, count } of await tx.runQuery(importRemovalDeleteMentions, { ends: [...new Set(chosen.ends)] })) {
    nodesDeleted[label] = (nodesDeleted[label] ?? 0) + count;
  }

  // The Source keeps how many nodes of each label it backs: those unlinked, whatever became of them.
  if (kept?.countsKept) {
    const lowered = new Map(kept.counts);
    const lower = (key: string, by: number) => lowered.set(key, (lowered.get(key) ?? 0) - by);
    for (const [type, count] of Object.entries(relationships)) lower(`relationships.${type}`, count);
    for (const byLabel of Object.values(fates)) for (const [label, count] of Object.entries(byLabel)) lower(`nodes.${label}`, count);
    const counts = Object.fromEntries([...lowered].map(([key, count]) => [key, neo4j.int(count)]));
    await tx.runQuery(importRemovalSetSourceCounts, { sourceId, counts });
  }

  if (upkeep) await tx.run(upkeep.query, upkeep.parameters);
  return { relationships, nodesDeleted, nodesKept: fates.backed, nodesCleared: fates.cleared, touched };
}

function distinct(ids: readonly string[]): string[] {
  return [...new Set(ids)].sort();
}

function addCounts(into: CountByName, from: CountByName): void {
  for (const [name, count] of Object.entries(from)) into[name] = (into[name] ?? 0) + count;
}
