import type { CypherExecutor } from "../db/cypher-executor.js";
import type { CypherRegistry } from "../db/cypher-registry.js";
import { flowsLinks, flowsTotals } from "../db/queries.generated.js";
import { integerParameter } from "../db/values.js";
import type { FlowLink, FlowTotals, StopLevel, TradeFilter } from "../domain/trade-analysis.js";
import { TradeTallyRepository } from "./trade-tally.repository.js";
import { tradeParameters } from "./trade-parameters.js";

/**
 * Hop-to-hop flows between countries or places, for Sankey charts and maps (flows), read from the
 * trade tallies (src/domain/trade-tallies.ts). The `FromFacts` methods count the same figures from
 * every seizure, as the reference the tallies are checked against.
 */
export class FlowRepository {
  private readonly tallies: TradeTallyRepository;

  /** The second argument is no longer read (each query carries its text); callers still pass the registry. */
  constructor(
    private readonly executor: CypherExecutor,
    _registry?: CypherRegistry,
  ) {
    this.tallies = new TradeTallyRepository(executor);
  }

  /** The largest `first` flows, and what all flows add up to. */
  async flows(level: StopLevel, filter: TradeFilter, first: number): Promise<{ links: FlowLink[]; totals: FlowTotals }> {
    const { links, totals } = await this.tallies.flows(level, filter);
    return { links: links.slice(0, first), totals };
  }

  /** The largest `first` flows, counted from every seizure (see flows/links.cypher). */
  async linksFromFacts(level: StopLevel, filter: TradeFilter, first: number): Promise<FlowLink[]> {
    return this.executor.readQuery(flowsLinks, { level, limit: integerParameter(first), ...tradeParameters(filter) });
  }

  /** What all the flows add up to, counted from every seizure (see flows/totals.cypher). */
  async totalsFromFacts(level: StopLevel, filter: TradeFilter): Promise<FlowTotals> {
    const [row] = await this.executor.readQuery(flowsTotals, { level, ...tradeParameters(filter) });
    return row ?? { seizureCount: 0, shipmentCount: 0, linkCount: 0 };
  }
}
