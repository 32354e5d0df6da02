import type { CypherExecutor } from "../../src/db/cypher-executor.js";
import type { CypherRegistry } from "../../src/db/cypher-registry.js";
import { readFile } from "node:fs/promises";
import path from "node:path";

import { projectRoot } from "../../src/config.js";
import { StopLevel, TrendDimension, TrendInterval, type TradeFilter } from "../../src/domain/trade-analysis.js";
import { FlowRepository } from "../../src/repositories/flow.repository.js";
import { RouteRepository } from "../../src/repositories/route.repository.js";
import { TrendRepository } from "../../src/repositories/trend.repository.js";
import type { Shape } from "../shapes.js";

/**
 * The analyst queries, each asked two ways. Through the API over HTTP, `routes` and `flows` read
 * the trade tallies (src/repositories/trade-tally.repository.ts), `trends` the trend tallies
 * (src/repositories/trend.repository.ts). The other side is the on-demand counting they replaced,
 * run directly through neo4j-driver: `RouteRepository.observedFromFacts` and `.inferredFromFacts`
 * (three anchored `legs` queries), `FlowRepository.linksFromFacts` and `.totalsFromFacts`,
 * `TrendRepository.seriesFromFacts` (trends/series.cypher), with the answer
 * shaped like the GraphQL `data`. The GraphQL selections ask for ids where the resolver would look
 * up whole countries, places and seizures, so that the on-demand side can give the same answer
 * without those look-ups; the API still makes them (they are part of its cost).
 */

/** A country pair asked of `routes`; chosen so that every network size holds routes between them. */
export interface RoutePair {
  from: string;
  to: string;
  why: string;
}

/**
 * The pairs: the one with the most seizures in the generated data (the Mekong overland corridor
 * into China), and a long-haul one from East Africa ending in Viet Nam.
 */
export const ROUTE_PAIRS: readonly RoutePair[] = [
  { from: "LA", to: "CN", why: "the pair with the most seizures (Mekong overland corridor)" },
  { from: "MZ", to: "VN", why: "a long-haul pair ending in Viet Nam (East Africa corridor)" },
];

export const NO_FILTER: TradeFilter = { species: null, product: null, mode: null, source: null, dateFrom: null, dateTo: null };

/** How much of an answer a request asks for: the defaults when timing, the largest the API allows when checking answers. */
export interface AnswerSize {
  routesFirst: number;
  routesEvidence: number;
  flowsFirst: number;
}

/** The arguments left at their defaults (routes: first 10, evidence 5; flows: first 200). */
export const DEFAULT_ANSWER: AnswerSize = { routesFirst: 10, routesEvidence: 5, flowsFirst: 200 };
/** The most the API gives (routes: first 100, evidence 50; flows: first 1000): for the equality check. */
export const LARGEST_ANSWER: AnswerSize = { routesFirst: 100, routesEvidence: 50, flowsFirst: 1000 };

const ROUTES_SELECTION = `observedCount
    observed {
      countries { code }
      stops { country { code } place { id } }
      seizureCount shipmentCount weighedSeizureCount totalWeightKg lastSeen
      evidence { id }
    }
    inferred { countries { code } legs { from { code } to { code } seizureCount } weakestLegSeizureCount }`;

/** What the benchmark times: default arguments. */
export const ROUTES_QUERY = `query Routes($from: CountryCode!, $to: CountryCode!) {
  routes(from: $from, to: $to) {
    ${ROUTES_SELECTION}
  }
}`;

/** What the equality check asks: a filter, and as much of the answer as the API gives. */
export const ROUTES_CHECK_QUERY = `query Routes($from: CountryCode!, $to: CountryCode!, $filter: TradeFilter, $first: Int!, $evidence: Int!) {
  routes(from: $from, to: $to, filter: $filter, first: $first, evidence: $evidence) {
    ${ROUTES_SELECTION}
  }
}`;

const FLOWS_SELECTION = `links { source target seizureCount shipmentCount weighedSeizureCount totalWeightKg }
    totals { seizureCount shipmentCount linkCount }`;

export const FLOWS_QUERY = `query Flows($level: StopLevel!) {
  flows(level: $level) {
    ${FLOWS_SELECTION}
  }
}`;

export const FLOWS_CHECK_QUERY = `query Flows($level: StopLevel!, $filter: TradeFilter, $first: Int!) {
  flows(level: $level, filter: $filter, first: $first) {
    ${FLOWS_SELECTION}
  }
}`;

function collapse(ids: readonly (string | null)[]): string[] {
  const out: string[] = [];
  for (const id of ids) if (id !== null && id !== out[out.length - 1]) out.push(id);
  return out;
}

/** `routes` between a pair, counted on demand, shaped like the GraphQL `data` of ROUTES_QUERY. */
export function routesFromFacts(routes: RouteRepository, from: string, to: string, filter: TradeFilter, size: AnswerSize): Promise<unknown> {
  return countRoutes(routes, from, to, filter, size);
}

async function countRoutes(routes: RouteRepository, from: string, to: string, filter: TradeFilter, size: AnswerSize): Promise<unknown> {
  const code = (id: string) => ({ code: id });
  const observed = await routes.observedFromFacts(from, to, StopLevel.COUNTRY, filter);
  const observedCountries = observed.map((route) => collapse(route.stops.map((stop) => stop.country)));
  const inferred = await routes.inferredFromFacts(from, to, filter, observedCountries);
  return {
    routes: {
      observedCount: observed.length,
      observed: observed.slice(0, size.routesFirst).map((route) => ({
        countries: collapse(route.stops.map((stop) => stop.country)).map(code),
        stops: route.stops.map((stop) => ({ country: stop.country === null ? null : code(stop.country), place: stop.place === null ? null : { id: stop.place } })),
        seizureCount: route.seizureCount,
        shipmentCount: route.shipmentCount,
        weighedSeizureCount: route.weighedSeizureCount,
        totalWeightKg: route.totalWeightKg,
        lastSeen: route.lastSeen,
        evidence: route.evidence.slice(0, size.routesEvidence).map((id) => ({ id })),
      })),
      inferred: inferred.slice(0, size.routesFirst).map((route) => ({
        countries: route.countries.map(code),
        legs: route.legs.map((leg) => ({ from: code(leg.from), to: code(leg.to), seizureCount: leg.seizureCount })),
        weakestLegSeizureCount: Math.min(...route.legs.map((leg) => leg.seizureCount)),
      })),
    },
  };
}

/** `flows` at a level, counted on demand, shaped like the GraphQL `data` of FLOWS_QUERY. */
export async function flowsFromFacts(flows: FlowRepository, level: StopLevel, filter: TradeFilter, size: AnswerSize): Promise<unknown> {
  const [links, totals] = await Promise.all([flows.linksFromFacts(level, filter, size.flowsFirst), flows.totalsFromFacts(level, filter)]);
  return { flows: { links, totals } };
}

export function routesShape(executor: CypherExecutor, registry: CypherRegistry, pair: RoutePair): Shape {
  const routes = new RouteRepository(executor, registry);
  return {
    key: `routes-${pair.from}-${pair.to}`,
    title: `routes ${pair.from} → ${pair.to} (default arguments: country level, first 10, evidence 5, inferred routes included)`,
    graphql: ROUTES_QUERY,
    directFile:
      "`cypher/queries/routes/observed.cypher`, then `routes/legs.cypher` three times (the inferred chains), through `RouteRepository.observedFromFacts` and `.inferredFromFacts`",
    inputs: `${pair.from} → ${pair.to}, ${pair.why}; the same question every iteration`,
    variables: () => ({ from: pair.from, to: pair.to }),
    direct: () => routesFromFacts(routes, pair.from, pair.to, NO_FILTER, DEFAULT_ANSWER),
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
    direct: () => flowsFromFacts(flows, level, NO_FILTER, DEFAULT_ANSWER),
  };
}

const TRENDS_SELECTION = "period key seizureCount weighedSeizureCount totalWeightKg sourceCount";

export const TRENDS_QUERY = `query Trends($interval: TrendInterval!, $by: TrendDimension!, $filter: TrendFilter) {
  trends(interval: $interval, by: $by, filter: $filter) { ${TRENDS_SELECTION} }
}`;

/** A `trends` question: its interval, split, filter and the country of seizure. */
export interface TrendQuestion {
  interval: TrendInterval;
  by: TrendDimension;
  filter: TradeFilter;
  country: string | null;
}

/** The GraphQL variables of a trends question. */
export function trendVariables(question: TrendQuestion): Record<string, unknown> {
  const filter = Object.fromEntries(
    Object.entries({ ...question.filter, country: question.country }).filter(([, value]) => value !== null),
  );
  return { interval: question.interval, by: question.by, filter };
}

/** `trends` counted on demand (trends/series.cypher), shaped like the GraphQL `data` of TRENDS_QUERY. */
export async function trendsFromFacts(trends: TrendRepository, question: TrendQuestion): Promise<unknown> {
  return { trends: await trends.seriesFromFacts(question.interval, question.by, question.country, question.filter) };
}

/** The values the trends shapes ask with (bench/cypher/trend-values.cypher). */
export async function trendValues(executor: CypherExecutor): Promise<{ source: string; country: string }> {
  const [values] = await executor.read(await readFile(path.join(projectRoot, "bench", "cypher", "trend-values.cypher"), "utf8"));
  return { source: String(values!.source), country: String(values!.country) };
}

export function trendsShape(executor: CypherExecutor, registry: CypherRegistry, key: string, title: string, question: TrendQuestion): Shape {
  const trends = new TrendRepository(executor, registry);
  return {
    key,
    title,
    graphql: TRENDS_QUERY,
    directFile: "`cypher/queries/trends/series.cypher` through `TrendRepository.seriesFromFacts`",
    inputs: `${JSON.stringify(trendVariables(question))}; the same question every iteration`,
    variables: () => trendVariables(question),
    direct: () => trendsFromFacts(trends, question),
  };
}

export async function analystShapes(executor: CypherExecutor, registry: CypherRegistry): Promise<Shape[]> {
  const { source } = await trendValues(executor);
  return [
    ...ROUTE_PAIRS.map((pair) => routesShape(executor, registry, pair)),
    flowsShape(executor, registry, StopLevel.COUNTRY),
    flowsShape(executor, registry, StopLevel.PLACE),
    trendsShape(executor, registry, "trends-species-year", "trends by SPECIES per YEAR (no filter)", {
      interval: TrendInterval.YEAR,
      by: TrendDimension.SPECIES,
      filter: NO_FILTER,
      country: null,
    }),
    trendsShape(executor, registry, "trends-month-source", `trends by NONE per MONTH, filter source ${source}`, {
      interval: TrendInterval.MONTH,
      by: TrendDimension.NONE,
      filter: { ...NO_FILTER, source },
      country: null,
    }),
  ];
}
