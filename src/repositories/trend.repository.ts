import type { CypherExecutor } from "../db/cypher-executor.js";
import type { CypherRegistry } from "../db/cypher-registry.js";
import { trendsSeries } from "../db/queries.generated.js";
import type { TradeFilter, TrendDimension, TrendInterval, TrendPointRow } from "../domain/trade-analysis.js";
import { tradeParameters } from "./trade-parameters.js";

/** Seizure counts and weights over time, with the number of sources behind each figure (trends). */
export class TrendRepository {
  /** The second argument is no longer read (each query carries its text); callers still pass the registry. */
  constructor(
    private readonly executor: CypherExecutor,
    _registry?: CypherRegistry,
  ) {}

  /** One point per period and key, in period order (see trends/series.cypher). */
  async series(interval: TrendInterval, by: TrendDimension, country: string | null, filter: TradeFilter): Promise<TrendPointRow[]> {
    return this.executor.readQuery(trendsSeries, { interval, by, country, ...tradeParameters(filter) });
  }
}
