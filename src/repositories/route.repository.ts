import type { CypherExecutor } from "../db/cypher-executor.js";
import type { CypherRegistry } from "../db/cypher-registry.js";
import { routesLegs, routesObserved, routesTransitHubs } from "../db/queries.generated.js";
import { integerParameter } from "../db/values.js";
import {
  chainLegs,
  type InferredRoute,
  type ObservedRoute,
  type RouteLeg,
  type StopLevel,
  type TradeFilter,
  type TransitHubRow,
} from "../domain/trade-analysis.js";
import { TradeTallyRepository } from "./trade-tally.repository.js";
import { tradeParameters } from "./trade-parameters.js";

/** Seizure ids kept per observed route, for its `evidence`. */
export const MAX_EVIDENCE = 50;

/**
 * Observed and inferred routes between countries, and the transit hubs on them (routes,
 * transitHubs). Routes and legs are read from the trade tallies (src/domain/trade-tallies.ts);
 * the `FromFacts` methods count the same figures from every seizure, as the reference the tallies
 * are checked against.
 */
export class RouteRepository {
  private readonly tallies: TradeTallyRepository;

  /** The second argument is no longer read (each query carries its text); callers still pass the registry. */
  constructor(
    private readonly executor: CypherExecutor,
    _registry?: CypherRegistry,
  ) {
    this.tallies = new TradeTallyRepository(executor);
  }

  /** Every observed route from one country to another, largest first. */
  async observed(from: string, to: string, level: StopLevel, filter: TradeFilter): Promise<ObservedRoute[]> {
    return this.tallies.observedRoutes(from, to, level, filter);
  }

  /** As `observed`, counted from every seizure (see routes/observed.cypher). */
  async observedFromFacts(from: string, to: string, level: StopLevel, filter: TradeFilter): Promise<ObservedRoute[]> {
    const rows = await this.executor.readQuery(routesObserved, {
      from,
      to,
      level,
      evidenceLimit: integerParameter(MAX_EVIDENCE),
      ...tradeParameters(filter),
    });
    return rows.map(({ route, ...tally }) => ({ stops: route, ...tally }));
  }

  /**
   * Chains of two or three observed legs from one country to another that no observed route
   * contains as a whole (`observed`: the country sequences of the observed routes), chained from
   * every country-level leg's tallies: a few hundred hops, read at once.
   */
  async inferred(from: string, to: string, filter: TradeFilter, observed: readonly string[][]): Promise<InferredRoute[]> {
    return chainLegs(from, to, await this.tallies.legs(null, null, filter), observed);
  }

  /**
   * As `inferred`, counted from every seizure: three bounded queries, each anchored at its
   * countries: legs out of `from`; legs out of the countries those reach; legs into `to` out of the
   * countries reached in two.
   */
  async inferredFromFacts(from: string, to: string, filter: TradeFilter, observed: readonly string[][]): Promise<InferredRoute[]> {
    const first = await this.legsFromFacts([from], null, filter);
    const middle = [...new Set(first.map((leg) => leg.to))].filter((country) => country !== to);
    const second = middle.length > 0 ? await this.legsFromFacts(middle, null, filter) : [];
    const last = [...new Set(second.map((leg) => leg.to))].filter((country) => country !== to && country !== from);
    const third = last.length > 0 ? await this.legsFromFacts(last, [to], filter) : [];
    return chainLegs(from, to, [...first, ...second, ...third], observed);
  }

  /** Country-to-country legs out of `sources` (into `targets` when given; null for every one), from the tallies. */
  async legs(sources: string[] | null, targets: string[] | null, filter: TradeFilter): Promise<RouteLeg[]> {
    return this.tallies.legs(sources, targets, filter);
  }

  /** As the legs inferred routes are chained from, counted from every seizure (see routes/legs.cypher). */
  async legsFromFacts(sources: string[], targets: string[] | null, filter: TradeFilter): Promise<RouteLeg[]> {
    const rows = await this.executor.readQuery(routesLegs, { sources, targets, ...tradeParameters(filter) });
    return rows.map((row) => ({ from: row.source, to: row.target, seizureCount: row.seizureCount }));
  }

  /** The busiest transit stops under a filter, from the tallies. */
  async transitHubs(
    level: StopLevel,
    origins: string[] | null,
    destinations: string[] | null,
    filter: TradeFilter,
    first: number,
  ): Promise<TransitHubRow[]> {
    return this.tallies.transitHubs(level, { origins, destinations }, filter, first);
  }

  /** As `transitHubs`, counted from every seizure (see routes/transit-hubs.cypher). */
  async transitHubsFromFacts(
    level: StopLevel,
    origins: string[] | null,
    destinations: string[] | null,
    filter: TradeFilter,
    first: number,
  ): Promise<TransitHubRow[]> {
    return this.executor.readQuery(routesTransitHubs, {
      level,
      origins,
      destinations,
      limit: integerParameter(first),
      ...tradeParameters(filter),
    });
  }
}
