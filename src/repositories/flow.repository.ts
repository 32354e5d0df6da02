import type { CypherExecutor } from "../db/cypher-executor.js";
import type { CypherRegistry } from "../db/cypher-registry.js";
import { flowsLinks, flowsTotals } from "../db/queries.generated.js";
import { integerParameter } from "../db/values.js";
import type { FlowLink, FlowTotals, StopLevel, TradeFilter } from "../domain/trade-analysis.js";
import { tradeParameters } from "./trade-parameters.js";

/** Hop-to-hop flows between countries or places, for Sankey charts and maps (flows). */
export class FlowRepository {
  /** The second argument is no longer read (each query carries its text); callers still pass the registry. */
  constructor(
    private readonly executor: CypherExecutor,
    _registry?: CypherRegistry,
  ) {}

  /** The largest `first` flows (see flows/links.cypher). */
  async links(level: StopLevel, filter: TradeFilter, first: number): Promise<FlowLink[]> {
    return this.executor.readQuery(flowsLinks, { level, limit: integerParameter(first), ...tradeParameters(filter) });
  }

  /** What all the flows add up to (see flows/totals.cypher): one row, aggregated. */
  async totals(level: StopLevel, filter: TradeFilter): Promise<FlowTotals> {
    const [row] = await this.executor.readQuery(flowsTotals, { level, ...tradeParameters(filter) });
    return row ?? { seizureCount: 0, shipmentCount: 0, linkCount: 0 };
  }
}
