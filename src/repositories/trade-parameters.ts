import type { Parameters } from "../db/cypher-executor.js";
import { dateParameter } from "../db/values.js";
import type { TradeFilter } from "../domain/trade-analysis.js";

/** The filter parameters every routes, flows and trends query takes: each present, null when unused. */
export function tradeParameters(filter: TradeFilter): Parameters {
  return {
    species: filter.species,
    product: filter.product,
    mode: filter.mode,
    dateFrom: dateParameter(filter.dateFrom),
    dateTo: dateParameter(filter.dateTo),
  };
}
