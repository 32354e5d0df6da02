import type { CypherExecutor } from "../db/cypher-executor.js";
import {
  aggregatesClear,
  aggregatesDirtyEntities,
  aggregatesMembers,
  aggregatesSeizedShipments,
  aggregatesState,
  aggregatesWriteTallies,
  type AggregatesMembersRow,
} from "../db/queries.generated.js";
import { integerParameter } from "../db/values.js";
import type { TallyEntityInput } from "../db/query-types.js";
import { tallyEntity, type MemberSeizure } from "../domain/trade-tallies.js";
import { touchTradeFacts } from "./membership.js";

/** Entities recounted together: their members are read in one query and stored in one transaction. */
const ENTITIES_PER_RECOUNT = 50;
/** Shipments whose members a rebuild sets in one transaction. */
const SHIPMENTS_PER_TOUCH = 2_000;
/** Nodes a rebuild removes per transaction. */
const REMOVALS_PER_TRANSACTION = 10_000;

export interface RefreshReport {
  /** Entities whose tallies were stored (or that were removed, having no members left). */
  recounted: number;
  /** Entities that changed while they were being recounted: still marked, for the next refresh. */
  changedMeanwhile: number;
  tallies: number;
  elapsedMs: number;
}

/**
 * Recounts every trade entity marked dirty (see cypher/queries/aggregates/touch-shipments.cypher)
 * and stores its tallies. Each entity is recounted at most once per call; one that an import
 * changes meanwhile keeps its mark. Safe to run beside imports and other refreshes.
 */
export async function refreshTradeAggregates(executor: CypherExecutor): Promise<RefreshReport> {
  const started = performance.now();
  const report: RefreshReport = { recounted: 0, changedMeanwhile: 0, tallies: 0, elapsedMs: 0 };
  const seen = new Set<string>();
  for (;;) {
    const dirty = await executor.readQuery(aggregatesDirtyEntities, { limit: integerParameter(seen.size + ENTITIES_PER_RECOUNT) });
    const fresh = dirty.map((row) => row.id).filter((id) => !seen.has(id));
    if (fresh.length === 0) break;
    // A level's total counts every seized shipment: it is recounted on its own.
    const totals = fresh.filter((id) => id.startsWith("TOTAL|"));
    const batches = [...totals.map((id) => [id]), fresh.filter((id) => !id.startsWith("TOTAL|"))].filter((batch) => batch.length > 0);
    for (const batch of batches) {
      batch.forEach((id) => seen.add(id));
      const entities = recount(await executor.readQuery(aggregatesMembers, { ids: batch, dateFrom: null, dateTo: null }));
      const [written] = await executor.writeQuery(aggregatesWriteTallies, { entities });
      report.recounted += written.written;
      report.changedMeanwhile += batch.length - written.written;
      report.tallies += written.tallies;
    }
  }
  report.elapsedMs = performance.now() - started;
  return report;
}

/** The tallies of each entity whose members the rows give (see aggregates/members.cypher). */
function recount(rows: readonly AggregatesMembersRow[]): TallyEntityInput[] {
  const byEntity = new Map<string, { version: number; members: MemberSeizure[] }>();
  for (const row of rows) {
    const entity = byEntity.get(row.entity) ?? { version: row.version, members: [] };
    byEntity.set(row.entity, entity);
    if (row.seizure !== null) entity.members.push(memberOf(row, row.seizure));
  }
  return [...byEntity].map(([id, { version, members }]) => {
    const { tallies, spansMonths } = tallyEntity(members);
    return {
      id,
      version: integerParameter(version),
      spansMonths,
      members: integerParameter(members.length),
      tallies: [...tallies].flatMap(([cell, byPeriod]) =>
        [...byPeriod].map(([period, tally]) => ({
          cell,
          period,
          seizureCount: integerParameter(tally.seizureCount),
          shipmentCount: integerParameter(tally.shipmentCount),
          weighedSeizureCount: integerParameter(tally.weighedSeizureCount),
          totalWeightKg: tally.totalWeightKg,
          lastSeen: tally.lastSeen,
          evidenceIds: tally.evidence.map((evidence) => evidence.id),
          evidenceDates: tally.evidence.map((evidence) => evidence.date ?? ""),
        })),
      ),
    };
  });
}

/** A row of aggregates/members.cypher as the tallies take it. */
export function memberOf(row: AggregatesMembersRow, seizure: string): MemberSeizure {
  return { seizure, date: row.date, sources: row.sources, shipments: row.shipments, lines: row.lines };
}

export interface RebuildReport extends RefreshReport {
  shipments: number;
}

/**
 * Rebuilds the trade entities and their tallies from the facts alone: removes them all, sets the
 * members of every seized shipment again, then recounts. For a database loaded without the import
 * engine (the bulk path), or to prove the kept figures equal a recount.
 */
export async function rebuildTradeAggregates(executor: CypherExecutor): Promise<RebuildReport> {
  const started = performance.now();
  while ((await executor.writeQuery(aggregatesClear, { limit: integerParameter(REMOVALS_PER_TRANSACTION) }))[0].removed > 0);
  let shipments = 0;
  for (let after = ""; ; ) {
    const page = await executor.readQuery(aggregatesSeizedShipments, { after, limit: integerParameter(SHIPMENTS_PER_TOUCH) });
    if (page.length === 0) break;
    const ids = page.map((row) => row.id);
    await executor.writeAll([touchTradeFacts({ shipments: ids, seizures: [], lines: [], places: [] })]);
    shipments += ids.length;
    after = ids[ids.length - 1];
  }
  const refresh = await refreshTradeAggregates(executor);
  return { ...refresh, shipments, elapsedMs: performance.now() - started };
}

/**
 * Brings the tallies up to date at start-up: counts them all when the database holds seizures and
 * no tallies (it was filled before they existed), else recounts what an import left marked.
 * Resolves to what it did, or null when nothing needed it.
 */
export async function bringTradeAggregatesUpToDate(executor: CypherExecutor): Promise<{ action: "rebuild" | "refresh"; report: RefreshReport } | null> {
  const [state] = await executor.readQuery(aggregatesState, {});
  if (state.seized && !state.kept) return { action: "rebuild", report: await rebuildTradeAggregates(executor) };
  if (state.dirty) return { action: "refresh", report: await refreshTradeAggregates(executor) };
  return null;
}
