import type { CypherExecutor } from "../db/cypher-executor.js";
import type { CypherRegistry } from "../db/cypher-registry.js";
import type { TradeFilter, TrendDimension, TrendInterval, TrendPointRow } from "../domain/trade-analysis.js";
import { tradeParameters } from "./trade-parameters.js";

/** Seizure counts and weights over time, with the number of sources behind each figure (trends). */
export class TrendRepository {
  constructor(
    private readonly executor: CypherExecutor,
    private readonly registry: CypherRegistry,
  ) {}

  /** One point per period and key, in period order (see trends/series.cypher). */
  async series(interval: TrendInterval, by: TrendDimension, country: string | null, filter: TradeFilter): Promise<TrendPointRow[]> {
    const rows = await this.executor.read(this.registry.text("trendsSeries"), {
      interval,
      by,
      country,
      ...tradeParameters(filter),
    });
    return rows.map((row) => ({
      period: row.period as string,
      key: row.key as string | null,
      seizureCount: row.seizureCount as number,
      weighedSeizureCount: row.weighedSeizureCount as number,
      totalWeightKg: row.totalWeightKg as number | null,
      sourceCount: row.sourceCount as number,
    }));
  }
}
