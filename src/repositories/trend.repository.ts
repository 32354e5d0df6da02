import { trendMemberOf } from "../aggregates/trade-aggregates.js";
import type { CypherExecutor } from "../db/cypher-executor.js";
import type { CypherRegistry } from "../db/cypher-registry.js";
import { aggregatesTrendMembers, aggregatesTrendMonths, trendsSeries } from "../db/queries.generated.js";
import { dateParameter } from "../db/values.js";
import { TrendDimension, type TradeFilter, type TrendInterval, type TrendPointRow } from "../domain/trade-analysis.js";
import { lastDayOfMonth, monthOf, roundWeight } from "../domain/trade-tallies.js";
import {
  addFigures,
  NULL_KEY,
  trendCellOf,
  trendOfMembers,
  trendPoints,
  TREND_SPLITS,
  type TrendFigures,
  type TrendFilter,
  type TrendMember,
  type TrendTable,
} from "../domain/trend-tallies.js";
import { tradeParameters } from "./trade-parameters.js";

/**
 * Seizure counts and weights over time, with the number of sources behind each figure (trends),
 * read from the trend tallies (src/domain/trend-tallies.ts): one cell per month of the range.
 * What they cannot answer is counted in the same request: two filters at once from the facts
 * (trends/series.cypher), and the months marked for a recount or cut by the dates from their
 * members. `seriesFromFacts` counts every seizure, the reference the tallies are checked against.
 */
export class TrendRepository {
  /** The second argument is no longer read (each query carries its text); callers still pass the registry. */
  constructor(
    private readonly executor: CypherExecutor,
    _registry?: CypherRegistry,
  ) {}

  /** One point per period and key, in period order, then key order (null last), as trends/series.cypher gives them. */
  async series(interval: TrendInterval, by: TrendDimension, country: string | null, filter: TradeFilter): Promise<TrendPointRow[]> {
    const trendFilter: TrendFilter = { ...filter, country };
    const cell = trendCellOf(trendFilter);
    if (cell === null) {
      const rows = await this.seriesFromFacts(interval, by, country, filter);
      return rows.map((row) => ({ ...row, totalWeightKg: roundWeight(row.totalWeightKg) }));
    }
    const first = filter.dateFrom === null ? null : monthOf(filter.dateFrom);
    const last = filter.dateTo === null ? null : monthOf(filter.dateTo);
    const cut = (month: string) =>
      (month === first && !filter.dateFrom!.endsWith("-01")) || (month === last && filter.dateTo !== lastDayOfMonth(filter.dateTo!));
    const months = await this.executor.readQuery(aggregatesTrendMonths, {
      monthFrom: first,
      monthTo: last,
      cell,
      split: TREND_SPLITS[by],
      checkTaxa: by === TrendDimension.GENUS || by === TrendDimension.ORDER,
    });
    const table: TrendTable = new Map();
    const fromMembers: string[] = [];
    for (const month of months) {
      if (month.recount || cut(month.month)) {
        fromMembers.push(month.id);
        continue;
      }
      const byKey = new Map<string | null, TrendFigures>();
      month.keys.forEach((key, index) => {
        const weighed = month.weighedSeizureCounts[index];
        const figures: TrendFigures = { seizureCount: 0, weighedSeizureCount: 0, totalWeightKg: null, sources: new Set() };
        addFigures(figures, {
          seizureCount: month.seizureCounts[index],
          weighedSeizureCount: weighed,
          totalWeightKg: weighed === 0 ? null : month.weightsKg[index],
          sources: month.sourceIds.slice(index === 0 ? 0 : month.sourceEnds[index - 1], month.sourceEnds[index]),
        });
        byKey.set(key === NULL_KEY ? null : key, figures);
      });
      if (byKey.size > 0) table.set(month.month, byKey);
    }
    if (fromMembers.length > 0) {
      const rows = await this.executor.readQuery(aggregatesTrendMembers, {
        ids: fromMembers,
        dateFrom: dateParameter(filter.dateFrom),
        dateTo: dateParameter(filter.dateTo),
      });
      const members = rows.map(trendMemberOf).filter((member): member is TrendMember => member !== null);
      for (const [month, byKey] of trendOfMembers(members, trendFilter, by)) table.set(month, byKey);
    }
    return trendPoints(table, interval);
  }

  /** As `series`, counted from every seizure (see trends/series.cypher). */
  async seriesFromFacts(interval: TrendInterval, by: TrendDimension, country: string | null, filter: TradeFilter): Promise<TrendPointRow[]> {
    return this.executor.readQuery(trendsSeries, { interval, by, country, ...tradeParameters(filter) });
  }
}
