import type { CypherExecutor } from "../db/cypher-executor.js";
import {
  aggregatesDatedSeizures,
  aggregatesDirtyEntities,
  aggregatesMarkAll,
  aggregatesMarkStaleTaxa,
  aggregatesMembers,
  aggregatesSeizedShipments,
  aggregatesState,
  aggregatesTrendMembers,
  aggregatesWriteTallies,
  aggregatesWriteTrendTallies,
  type AggregatesMembersRow,
  type AggregatesTrendMembersRow,
} from "../db/queries.generated.js";
import { integerParameter } from "../db/values.js";
import type { TallyEntityInput, TrendMonthInput } from "../db/query-types.js";
import { TrendDimension } from "../domain/trade-analysis.js";
import { cellFromKey, DIMENSIONS, EntityTallier, roundWeight, type Cell, type MemberSeizure, type Tally } from "../domain/trade-tallies.js";
import { NULL_KEY, tallyMonth, TREND_SPLITS, type MonthCell, type TrendMember } from "../domain/trend-tallies.js";
import { touchTradeFacts } from "./membership.js";

/**
 * Entities recounted together: their members are read in one query and stored in one transaction.
 * What a batch leaves behind sets how far the heap grows before it is collected: a rebuild of
 * 1,000,000 shipments peaked at 503 MiB with 50 (at most 104 MiB live after a full collection) and
 * at 309 MiB with 20 (51 MiB live), in about the same time.
 */
const ENTITIES_PER_RECOUNT = 20;
/** Shipments whose members a rebuild sets in one transaction. */
const SHIPMENTS_PER_TOUCH = 2_000;
/**
 * List entries stored per transaction, about: a busy route keeps up to 50 seizure ids per cell and
 * month, and fifty such routes at once outgrow the database's transaction memory. An entity larger
 * than this is stored alone (its tallies must change in one transaction).
 */
const LIST_ENTRIES_PER_WRITE = 200_000;
/** Entities a rebuild marks for a recount per transaction. */
const MARKS_PER_TRANSACTION = 10_000;
/** Trends' months recounted together: a month holds every seizure dated in it. */
const MONTHS_PER_RECOUNT = 4;
/** Seizures whose months a rebuild sets in one transaction. */
const SEIZURES_PER_TOUCH = 5_000;

export interface RefreshReport {
  /** Entities whose tallies were stored (or that were removed, having no members left). */
  recounted: number;
  /** Entities that changed while they were being recounted: still marked, for the next refresh. */
  changedMeanwhile: number;
  tallies: number;
  elapsedMs: number;
  /** Where the time went: reading members and counting them as they arrive, making the lists to store, storing tallies. */
  phasesMs: { read: number; count: number; write: number };
}

/**
 * Recounts every trade entity marked dirty (see cypher/queries/aggregates/touch-shipments.cypher)
 * and stores its tallies. Each entity is recounted at most once per call; one that an import
 * changes meanwhile keeps its mark. Safe to run beside imports and other refreshes.
 */
export async function refreshTradeAggregates(executor: CypherExecutor): Promise<RefreshReport> {
  const started = performance.now();
  const report: RefreshReport = { recounted: 0, changedMeanwhile: 0, tallies: 0, elapsedMs: 0, phasesMs: { read: 0, count: 0, write: 0 } };
  const timed = async <T>(phase: keyof RefreshReport["phasesMs"], work: () => Promise<T> | T): Promise<T> => {
    const since = performance.now();
    try {
      return await work();
    } finally {
      report.phasesMs[phase] += performance.now() - since;
    }
  };
  // Months whose species changed some other way than through the import (a removed source).
  await executor.writeQuery(aggregatesMarkStaleTaxa, {});
  const seen = new Set<string>();
  for (;;) {
    const dirty = await executor.readQuery(aggregatesDirtyEntities, { limit: integerParameter(seen.size + ENTITIES_PER_RECOUNT) });
    // Those recounted and changed meanwhile are still marked, and skipped; those recounted and stored
    // are not, so more than ENTITIES_PER_RECOUNT may be new here: the rest wait for the next round,
    // or the batches double each round (a rebuild of 1,000,000 shipments read 3,200 routes at once
    // and held 1.5 GiB).
    const fresh = dirty
      .map((row) => row.id)
      .filter((id) => !seen.has(id))
      .slice(0, ENTITIES_PER_RECOUNT);
    if (fresh.length === 0) break;
    // A level's totals count every seized shipment with a hop or a transit: each is recounted on its own.
    const levelWide = (id: string) => id.startsWith("TOTAL|") || id.startsWith("TRANSITS|");
    const isMonth = (id: string) => id.startsWith("MONTH|");
    const months = fresh.filter(isMonth);
    for (let start = 0; start < months.length; start += MONTHS_PER_RECOUNT) {
      const batch = months.slice(start, start + MONTHS_PER_RECOUNT);
      batch.forEach((id) => seen.add(id));
      const rows = await timed("read", () => executor.readQuery(aggregatesTrendMembers, { ids: batch, dateFrom: null, dateTo: null }));
      const recounted = await timed("count", () => recountMonths(rows));
      for (const month of recounted) {
        const [written] = await timed("write", () => executor.writeQuery(aggregatesWriteTrendTallies, { months: [month] }));
        report.recounted += written.written;
        report.changedMeanwhile += 1 - written.written;
        report.tallies += written.tallies;
      }
    }
    const others = fresh.filter((id) => !isMonth(id));
    const batches = [...others.filter(levelWide).map((id) => [id]), others.filter((id) => !levelWide(id))].filter((batch) => batch.length > 0);
    for (const batch of batches) {
      batch.forEach((id) => seen.add(id));
      // Rows arrive one at a time and are counted as they come: a level's totals have every seized
      // shipment's seizure as a member, and only their figures are kept.
      const members = new Map<string, EntityMembers>();
      await timed("read", () => executor.readEach(aggregatesMembers, { ids: batch, dateFrom: null, dateTo: null }, (row) => addMember(members, row)));
      const entities = await timed("count", () => recount(members));
      for (const chunk of bySize(entities)) {
        const [written] = await timed("write", () => executor.writeQuery(aggregatesWriteTallies, { entities: chunk }));
        report.recounted += written.written;
        report.changedMeanwhile += chunk.length - written.written;
        report.tallies += written.tallies;
      }
    }
  }
  report.elapsedMs = performance.now() - started;
  return report;
}

/** Recounted entities in groups of at most LIST_ENTRIES_PER_WRITE list entries (one entity may pass it alone). */
function* bySize(entities: readonly TallyEntityInput[]): Generator<TallyEntityInput[]> {
  let chunk: TallyEntityInput[] = [];
  let size = 0;
  for (const entity of entities) {
    const entries = entity.tallies.reduce(
      (sum, tally) => sum + Object.values(tally.lists).reduce((total, list) => total + list.length, 0),
      0,
    );
    if (chunk.length > 0 && size + entries > LIST_ENTRIES_PER_WRITE) {
      yield chunk;
      chunk = [];
      size = 0;
    }
    chunk.push(entity);
    size += entries;
  }
  if (chunk.length > 0) yield chunk;
}

/** One entity's members as they are counted, from the rows of aggregates/members.cypher. */
interface EntityMembers {
  version: number;
  tallier: EntityTallier;
}

/** Only routes keep their evidence and latest dates: hops and totals answer flows and legs, which show neither. */
function keepsEvidence(entity: string): boolean {
  return entity.startsWith("ROUTE|");
}

/** One row of aggregates/members: an entity, and one of its member seizures (or none). */
function addMember(byEntity: Map<string, EntityMembers>, row: AggregatesMembersRow): void {
  const entity = byEntity.get(row.entity) ?? { version: row.version, tallier: new EntityTallier(keepsEvidence(row.entity)) };
  byEntity.set(row.entity, entity);
  if (row.seizure !== null) entity.tallier.add(memberOf(row, row.seizure));
}

/** The tallies of each entity, from its members. */
function recount(byEntity: ReadonlyMap<string, EntityMembers>): TallyEntityInput[] {
  return [...byEntity].map(([id, { version, tallier }]) => {
    const { tallies, spansMonths } = tallier.tallies();
    const byPeriod = new Map<string, [Cell, Tally][]>();
    for (const [key, periods] of tallies) {
      const cell = cellFromKey(key);
      for (const [period, tally] of periods) {
        const cells = byPeriod.get(period) ?? [];
        byPeriod.set(period, cells);
        cells.push([cell, tally]);
      }
    }
    return {
      id,
      version: integerParameter(version),
      spansMonths,
      members: integerParameter(tallier.members),
      tallies: [...byPeriod].map(([period, cells]) => ({ period, lists: storedLists(cells, keepsEvidence(id)) })),
    };
  });
}

/**
 * One period's cells as write-tallies stores them: per filter, its values and their figures in
 * lists of one length (see TallyEntityInput). Only routes keep their evidence and latest dates:
 * hops and totals answer flows and legs, which show neither.
 */
function storedLists(cells: [Cell, Tally][], withEvidence: boolean): TallyEntityInput["tallies"][number]["lists"] {
  const lists: TallyEntityInput["tallies"][number]["lists"] = {};
  for (const dimension of DIMENSIONS) {
    const ofDimension = cells.filter(([cell]) => cell.dimension === dimension).sort(([a], [b]) => (a.value < b.value ? -1 : 1));
    // A filter no seizure of the period has no lists: tallies.cypher reads a missing one as empty.
    if (ofDimension.length === 0) continue;
    let evidenceEnd = 0;
    // Hops' and totals' tallies hold no evidence: EntityTallier keeps none for them.
    Object.assign(lists, {
      [`${dimension}Keys`]: ofDimension.map(([cell]) => cell.value),
      [`${dimension}SeizureCounts`]: ofDimension.map(([, tally]) => integerParameter(tally.seizureCount)),
      [`${dimension}ShipmentCounts`]: ofDimension.map(([, tally]) => integerParameter(tally.shipmentCount)),
      [`${dimension}WeighedSeizureCounts`]: ofDimension.map(([, tally]) => integerParameter(tally.weighedSeizureCount)),
      [`${dimension}WeightsKg`]: ofDimension.map(([, tally]) => tally.totalWeightKg ?? 0),
      [`${dimension}LastSeen`]: ofDimension.map(([, tally]) => (withEvidence ? (tally.lastSeen ?? "") : "")),
      [`${dimension}EvidenceEnds`]: ofDimension.map(([, tally]) => integerParameter((evidenceEnd += tally.evidence.length))),
      [`${dimension}EvidenceIds`]: ofDimension.flatMap(([, tally]) => tally.evidence.map((item) => item.id)),
      [`${dimension}EvidenceDates`]: ofDimension.flatMap(([, tally]) => tally.evidence.map((item) => item.date ?? "")),
    });
  }
  return lists;
}

/** The tallies of each trends month whose members the rows give (see aggregates/trend-members.cypher). */
function recountMonths(rows: readonly AggregatesTrendMembersRow[]): TrendMonthInput[] {
  const byMonth = new Map<string, { version: number; members: TrendMember[] }>();
  for (const row of rows) {
    const month = byMonth.get(row.entity) ?? { version: row.version, members: [] };
    byMonth.set(row.entity, month);
    const member = trendMemberOf(row);
    if (member !== null) month.members.push(member);
  }
  return [...byMonth].map(([id, { version, members }]) => {
    const { cells, taxa } = tallyMonth(members);
    return {
      id,
      version: integerParameter(version),
      members: integerParameter(members.length),
      taxonSpecies: taxa.map((species) => species.id),
      taxonGenera: taxa.map((species) => species.genus ?? ""),
      taxonOrders: taxa.map((species) => species.order ?? ""),
      cells: [...cells].map(([cell, splits]) => ({ cell, lists: trendLists(splits) })),
    };
  });
}

/** One month cell as write-trend-tallies stores it: per split, its keys and their figures in lists of one length. */
function trendLists(splits: MonthCell): TrendMonthInput["cells"][number]["lists"] {
  const lists: TrendMonthInput["cells"][number]["lists"] = {};
  for (const by of Object.values(TrendDimension)) {
    const keys = [...(splits.get(by) ?? new Map())].sort(([a], [b]) => ((a ?? NULL_KEY) < (b ?? NULL_KEY) ? -1 : 1));
    if (keys.length === 0) continue;
    const split = TREND_SPLITS[by];
    let sourceEnd = 0;
    Object.assign(lists, {
      [`${split}Keys`]: keys.map(([key]) => key ?? NULL_KEY),
      [`${split}SeizureCounts`]: keys.map(([, figures]) => integerParameter(figures.seizureCount)),
      [`${split}WeighedSeizureCounts`]: keys.map(([, figures]) => integerParameter(figures.weighedSeizureCount)),
      [`${split}WeightsKg`]: keys.map(([, figures]) => roundWeight(figures.totalWeightKg) ?? 0),
      [`${split}SourceEnds`]: keys.map(([, figures]) => integerParameter((sourceEnd += figures.sources.size))),
      [`${split}SourceIds`]: keys.flatMap(([, figures]) => [...figures.sources].sort()),
    });
  }
  return lists;
}

/** A row of aggregates/trend-members.cypher as the trend tallies take it; null for a month without members. */
export function trendMemberOf(row: AggregatesTrendMembersRow): TrendMember | null {
  if (row.seizure === null || row.date === null) return null;
  return { seizure: row.seizure, date: row.date, countries: row.countries, modes: row.modes, sources: row.sources, lines: row.lines };
}

/** A row of aggregates/members.cypher as the tallies take it. */
export function memberOf(row: AggregatesMembersRow, seizure: string): MemberSeizure {
  return { seizure, date: row.date, sources: row.sources, shipments: row.shipments, lines: row.lines };
}

export interface RebuildReport extends RefreshReport {
  shipments: number;
  /** Marking every entity for a recount, and setting every seized shipment's members again. */
  markMs: number;
  touchMs: number;
}

/**
 * Rebuilds the trade entities and their tallies from the facts alone: marks every entity for a
 * recount, sets the members of every seized shipment and every dated seizure again (and takes those
 * of shipments no longer seized, and seizures no longer dated, away), then recounts all; entities left without members go. Nothing is removed first, so
 * the API answers right throughout: a marked entity is counted from its members. For a database
 * loaded without the import engine (the bulk path), after changes made by hand, or to prove the kept
 * figures equal a recount.
 */
export async function rebuildTradeAggregates(executor: CypherExecutor): Promise<RebuildReport> {
  const started = performance.now();
  while ((await executor.writeQuery(aggregatesMarkAll, { limit: integerParameter(MARKS_PER_TRANSACTION) }))[0].marked > 0);
  const markMs = performance.now() - started;
  let shipments = 0;
  for (let after = ""; ; ) {
    const page = await executor.readQuery(aggregatesSeizedShipments, { after, limit: integerParameter(SHIPMENTS_PER_TOUCH) });
    if (page.length === 0) break;
    const ids = page.map((row) => row.id);
    await executor.writeAll([touchTradeFacts({ shipments: ids, seizures: [], lines: [], places: [] })]);
    shipments += ids.length;
    after = ids[ids.length - 1];
  }
  for (let after = ""; ; ) {
    const page = await executor.readQuery(aggregatesDatedSeizures, { after, limit: integerParameter(SEIZURES_PER_TOUCH) });
    if (page.length === 0) break;
    const ids = page.map((row) => row.id);
    await executor.writeAll([touchTradeFacts({ shipments: [], seizures: ids, lines: [], places: [] })]);
    after = ids[ids.length - 1];
  }
  const touchMs = performance.now() - started - markMs;
  const refresh = await refreshTradeAggregates(executor);
  return { ...refresh, shipments, markMs, touchMs, elapsedMs: performance.now() - started };
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
