import type { CypherExecutor } from "../db/cypher-executor.js";
import type { CypherRegistry } from "../db/cypher-registry.js";
import { integerParameter } from "../db/values.js";
import type { FlowLink, FlowTotals, StopLevel, TradeFilter } from "../domain/trade-analysis.js";
import { tradeParameters } from "./trade-parameters.js";

/** Hop-to-hop flows between countries or places, for Sankey charts and maps (flows). */
export class FlowRepository {
  constructor(
    private readonly executor: CypherExecutor,
    private readonly registry: CypherRegistry,
  ) {}

  /** The largest `first` flows (see flows/links.cypher). */
  async links(level: StopLevel, filter: TradeFilter, first: number): Promise<FlowLink[]> {
    const rows = await this.executor.read(this.registry.text("flowsLinks"), {
      level,
      limit: integerParameter(first),
      ...tradeParameters(filter),
    });
    return rows.map((row) => ({
      source: row.source as string,
      target: row.target as string,
      seizureCount: row.seizureCount as number,
      shipmentCount: row.shipmentCount as number,
      weighedSeizureCount: row.weighedSeizureCount as number,
      totalWeightKg: row.totalWeightKg as number | null,
    }));
  }

  /** What all the flows add up to (see flows/totals.cypher). */
  async totals(level: StopLevel, filter: TradeFilter): Promise<FlowTotals> {
    const [row] = await this.executor.read(this.registry.text("flowsTotals"), { level, ...tradeParameters(filter) });
    return {
      seizureCount: (row?.seizureCount as number) ?? 0,
      shipmentCount: (row?.shipmentCount as number) ?? 0,
      linkCount: (row?.linkCount as number) ?? 0,
    };
  }
}
