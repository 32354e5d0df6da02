import type { CypherExecutor } from "../../src/db/cypher-executor.js";
import type { CypherRegistry } from "../../src/db/cypher-registry.js";
import { StopLevel, type TradeFilter } from "../../src/domain/trade-analysis.js";
import { FlowRepository } from "../../src/repositories/flow.repository.js";
import { RouteRepository } from "../../src/repositories/route.repository.js";
import type { Shape } from "../shapes.js";

/**
 * The analyst queries, each asked through the API and directly. "Directly" is the same repository
 * code the resolvers call (the same Cypher files, parameters and round trips, through neo4j-driver)
 * with the answer shaped like the GraphQL `data`. The GraphQL selections ask for ids where the
 * resolver would look up whole countries, places and seizures, so that the direct side can give the
 * same answer without those look-ups; the API still makes them (they are part of its cost).
 */

/** A country pair asked of `routes`; chosen so that every network size holds routes between them. */
export interface RoutePair {
  from: string;
  to: string;
  why: string;
}

/**
 * The pairs: the one with the most seizures in the generated data (the Mekong overland corridor
 * into China), and a long-haul one from East Africa ending in Viet Nam. Counted from the
 * generator's files at 10,000 shipments (seed `analyst`): Laos to China 51 seizures of 890
 * shipments naming both, Mozambique to Viet Nam 34 of 533.
 */
export const ROUTE_PAIRS: readonly RoutePair[] = [
  { from: "LA", to: "CN", why: "the pair with the most seizures (Mekong overland corridor)" },
  { from: "MZ", to: "VN", why: "a long-haul pair ending in Viet Nam (East Africa corridor)" },
];

/** The routes arguments left at their defaults in the request, as the repository needs them. */
const ROUTES_FIRST = 10;
const ROUTES_EVIDENCE = 5;
const NO_FILTER: TradeFilter = { species: null, product: null, mode: null, source: null, dateFrom: null, dateTo: null };

export const ROUTES_QUERY = `query Routes($from: CountryCode!, $to: CountryCode!) {
  routes(from: $from, to: $to) {
    observedCount
    observed {
      countries { code }
      stops { country { code } place { id } }
      seizureCount shipmentCount weighedSeizureCount totalWeightKg lastSeen
      evidence { id }
    }
    inferred { countries { code } legs { from { code } to { code } seizureCount } weakestLegSeizureCount }
  }
}`;

export const FLOWS_QUERY = `query Flows($level: StopLevel!) {
  flows(level: $level) {
    links { source target seizureCount shipmentCount weighedSeizureCount totalWeightKg }
    totals { seizureCount shipmentCount linkCount }
  }
}`;

/** Flows arguments at their defaults. */
const FLOWS_FIRST = 200;

function collapse(ids: readonly (string | null)[]): string[] {
  const out: string[] = [];
  for (const id of ids) if (id !== null && id !== out[out.length - 1]) out.push(id);
  return out;
}

export function routesShape(executor: CypherExecutor, registry: CypherRegistry, pair: RoutePair): Shape {
  const routes = new RouteRepository(executor, registry);
  const code = (id: string) => ({ code: id });
  return {
    key: `routes-${pair.from}-${pair.to}`,
    title: `routes ${pair.from} → ${pair.to} (default arguments: country level, first 10, evidence 5, inferred routes included)`,
    graphql: ROUTES_QUERY,
    directFile:
      "`cypher/queries/routes/observed.cypher`, then `routes/legs.cypher` three times (the inferred chains), through `RouteRepository.observed` and `.inferred`",
    inputs: `${pair.from} → ${pair.to}, ${pair.why}; the same question every iteration`,
    variables: () => ({ from: pair.from, to: pair.to }),
    direct: async () => {
      const observed = await routes.observed(pair.from, pair.to, StopLevel.COUNTRY, NO_FILTER);
      const observedCountries = observed.map((route) => collapse(route.stops.map((stop) => stop.country)));
      const inferred = await routes.inferred(pair.from, pair.to, NO_FILTER, observedCountries);
      return {
        routes: {
          observedCount: observed.length,
          observed: observed.slice(0, ROUTES_FIRST).map((route) => ({
            countries: collapse(route.stops.map((stop) => stop.country)).map(code),
            stops: route.stops.map((stop) => ({ country: stop.country === null ? null : code(stop.country), place: stop.place === null ? null : { id: stop.place } })),
            seizureCount: route.seizureCount,
            shipmentCount: route.shipmentCount,
            weighedSeizureCount: route.weighedSeizureCount,
            totalWeightKg: route.totalWeightKg,
            lastSeen: route.lastSeen,
            evidence: route.evidence.slice(0, ROUTES_EVIDENCE).map((id) => ({ id })),
          })),
          inferred: inferred.slice(0, ROUTES_FIRST).map((route) => ({
            countries: route.countries.map(code),
            legs: route.legs.map((leg) => ({ from: code(leg.from), to: code(leg.to), seizureCount: leg.seizureCount })),
            weakestLegSeizureCount: Math.min(...route.legs.map((leg) => leg.seizureCount)),
          })),
        },
      };
    },
  };
}

export function flowsShape(executor: CypherExecutor, registry: CypherRegistry, level: StopLevel): Shape {
  const flows = new FlowRepository(executor, registry);
  return {
    key: `flows-${level.toLowerCase()}`,
    title: `flows at ${level} level (no filter, first 200 links)`,
    graphql: FLOWS_QUERY,
    directFile:
      "`cypher/queries/flows/links.cypher` and `flows/totals.cypher`, side by side, through `FlowRepository.linksFromFacts` and `.totalsFromFacts` " +
      "(the API also looks up each link end's coordinates and builds the GeoJSON, whatever the selection)",
    inputs: `level ${level}, the whole network; the same question every iteration`,
    variables: () => ({ level }),
    direct: async () => {
      const [links, totals] = await Promise.all([flows.linksFromFacts(level, NO_FILTER, FLOWS_FIRST), flows.totalsFromFacts(level, NO_FILTER)]);
      return { flows: { links, totals } };
    },
  };
}

export function analystShapes(executor: CypherExecutor, registry: CypherRegistry): Shape[] {
  return [...ROUTE_PAIRS.map((pair) => routesShape(executor, registry, pair)), flowsShape(executor, registry, StopLevel.COUNTRY), flowsShape(executor, registry, StopLevel.PLACE)];
}
