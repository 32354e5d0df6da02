import type { Date as CypherDate } from "neo4j-driver";

import { dateParameter } from "../db/values.js";
import type { TradeFilter } from "../domain/trade-analysis.js";

/** The filter parameters every routes, flows and trends query declares: each present, null when unused. */
export interface TradeParameters {
  species: string | null;
  product: string | null;
  mode: string | null;
  source: string | null;
  dateFrom: CypherDate<number> | null;
  dateTo: CypherDate<number> | null;
}

export function tradeParameters(filter: TradeFilter): TradeParameters {
  return {
    species: filter.species,
    product: filter.product,
    mode: filter.mode,
    source: filter.source,
    dateFrom: dateParameter(filter.dateFrom),
    dateTo: dateParameter(filter.dateTo),
  };
}
