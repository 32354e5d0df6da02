import { deepStrictEqual } from "node:assert/strict";
import { readFile } from "node:fs/promises";
import path from "node:path";

import { projectRoot } from "../../src/config.js";
import type { CypherExecutor } from "../../src/db/cypher-executor.js";
import { StopLevel, TrendDimension, TrendInterval, type TradeFilter } from "../../src/domain/trade-analysis.js";
import { FlowRepository } from "../../src/repositories/flow.repository.js";
import { RouteRepository } from "../../src/repositories/route.repository.js";
import { TrendRepository } from "../../src/repositories/trend.repository.js";
import { postGraphQL } from "../measure.js";
import {
  FLOWS_CHECK_QUERY,
  flowsFromFacts,
  LARGEST_ANSWER,
  NO_FILTER,
  ROUTE_PAIRS,
  ROUTES_CHECK_QUERY,
  routesFromFacts,
  TRENDS_QUERY,
  trendsFromFacts,
  trendValues,
  trendVariables,
} from "./shapes.js";

/**
 * Before timing: the API's answers (read from the trade tallies) against the on-demand counting
 * (the `FromFacts` repository methods), asked for as much as the API gives (routes: first 100,
 * evidence 50; flows: first 1000). `routes` for every ordered pair of the network's countries
 * without a filter, and for the benchmark's pairs under each filter; `flows` at both levels
 * without a filter and under each filter. The filters: the commonest species, product and mode
 * among the seizures, their commonest year as a date range, and that year with the species.
 * `trends` at both intervals and every split, without a filter and under each of those filters,
 * the source and the country of seizure with the most seizures, a date range that cuts months
 * (from the members) and two filters at once (from the facts).
 */
export interface AnswerCheck {
  filters: { name: string; filter: TradeFilter }[];
  /** Questions asked both ways. */
  compared: number;
  /** Of them, answers equal exactly. */
  equal: number;
  /** Equal once weights are rounded to 1e-6 kg (sums of the same floats in another order), not exactly. */
  equalRounded: number;
  /** Answers that differ: the question and the first lines of the difference. */
  different: { question: string; difference: string }[];
  seconds: number;
}

const FILTER_VALUES_FILE = "bench/cypher/trade-filter-values.cypher";

export async function checkAnswers(
  url: string,
  executor: CypherExecutor,
  countries: readonly string[],
  log: (line: string) => void,
): Promise<AnswerCheck> {
  const started = performance.now();
  const routes = new RouteRepository(executor);
  const flows = new FlowRepository(executor);
  const [values] = await executor.read(await readFile(path.join(projectRoot, FILTER_VALUES_FILE), "utf8"));
  const species = values!.species as string;
  const year = Number(values!.year);
  const wholeYear = { dateFrom: `${year}-01-01`, dateTo: `${year}-12-31` };
  const filters: AnswerCheck["filters"] = [
    { name: `species ${species}`, filter: { ...NO_FILTER, species } },
    { name: `product ${String(values!.product)}`, filter: { ...NO_FILTER, product: values!.product as TradeFilter["product"] } },
    { name: `mode ${String(values!.mode)}`, filter: { ...NO_FILTER, mode: values!.mode as TradeFilter["mode"] } },
    { name: `${year} (dateFrom ${wholeYear.dateFrom}, dateTo ${wholeYear.dateTo})`, filter: { ...NO_FILTER, ...wholeYear } },
    { name: `species ${species} in ${year}`, filter: { ...NO_FILTER, species, ...wholeYear } },
  ];
  const check: AnswerCheck = { filters, compared: 0, equal: 0, equalRounded: 0, different: [], seconds: 0 };
  const trends = new TrendRepository(executor);
  const { source, country } = await trendValues(executor);

  const compare = async (question: string, fromApi: () => Promise<unknown>, fromFacts: () => Promise<unknown>) => {
    const asked = performance.now();
    let api: unknown;
    let facts: unknown;
    try {
      api = await fromApi();
      facts = await fromFacts();
    } catch (error) {
      check.compared += 1;
      check.different.push({ question, difference: `failed after ${((performance.now() - asked) / 1000).toFixed(1)} s: ${(error as Error).message}` });
      log(`check: ${question}: failed after ${((performance.now() - asked) / 1000).toFixed(1)} s: ${(error as Error).message}`);
      return;
    }
    check.compared += 1;
    if (isDeepEqual(api, facts)) check.equal += 1;
    else if (isDeepEqual(rounded(api), rounded(facts))) check.equalRounded += 1;
    else {
      const difference = describe(rounded(api), rounded(facts));
      check.different.push({ question, difference });
      log(`check: ${question}: the API (tallies) and the on-demand counting differ\n${difference}`);
    }
  };
  const filterVariable = (filter: TradeFilter) => Object.fromEntries(Object.entries(filter).filter(([, value]) => value !== null));
  const askRoutes = (from: string, to: string, filter: TradeFilter, name: string) =>
    compare(
      `routes ${from} → ${to}, ${name}`,
      () => postGraphQL(url, ROUTES_CHECK_QUERY, { from, to, filter: filterVariable(filter), first: LARGEST_ANSWER.routesFirst, evidence: LARGEST_ANSWER.routesEvidence }),
      () => routesFromFacts(routes, from, to, filter, LARGEST_ANSWER),
    );
  const askFlows = (level: StopLevel, filter: TradeFilter, name: string) =>
    compare(
      `flows ${level}, ${name}`,
      () => postGraphQL(url, FLOWS_CHECK_QUERY, { level, filter: filterVariable(filter), first: LARGEST_ANSWER.flowsFirst }),
      () => flowsFromFacts(flows, level, filter, LARGEST_ANSWER),
    );

  for (const level of [StopLevel.COUNTRY, StopLevel.PLACE]) await askFlows(level, NO_FILTER, "no filter");
  for (const from of countries) {
    for (const to of countries) if (from !== to) await askRoutes(from, to, NO_FILTER, "no filter");
  }
  log(`check: routes for ${countries.length * (countries.length - 1)} pairs and flows without a filter: ${check.different.length} differ`);
  for (const { name, filter } of filters) {
    for (const { from, to } of ROUTE_PAIRS) await askRoutes(from, to, filter, name);
    for (const level of [StopLevel.COUNTRY, StopLevel.PLACE]) await askFlows(level, filter, name);
  }
  const trendFilters: { name: string; filter: TradeFilter; country: string | null }[] = [
    { name: "no filter", filter: NO_FILTER, country: null },
    ...filters.map(({ name, filter }) => ({ name, filter, country: null })),
    { name: `source ${source}`, filter: { ...NO_FILTER, source }, country: null },
    { name: `country ${country}`, filter: NO_FILTER, country },
    { name: `${year}-03-15 to ${year}-10-20`, filter: { ...NO_FILTER, dateFrom: `${year}-03-15`, dateTo: `${year}-10-20` }, country: null },
    { name: `species ${species} from source ${source}`, filter: { ...NO_FILTER, species, source }, country: null },
  ];
  for (const { name, filter, country: seizedIn } of trendFilters) {
    for (const interval of Object.values(TrendInterval)) {
      for (const by of Object.values(TrendDimension)) {
        const question = { interval, by, filter, country: seizedIn };
        await compare(
          `trends ${interval} by ${by}, ${name}`,
          () => postGraphQL(url, TRENDS_QUERY, trendVariables(question)),
          () => trendsFromFacts(trends, question),
        );
      }
    }
  }
  log(`check: trends at ${Object.values(TrendInterval).length} intervals and ${Object.values(TrendDimension).length} splits under ${trendFilters.length} filters: ${check.different.length} differ in all`);
  check.seconds = (performance.now() - started) / 1000;
  log(`check: ${check.compared} questions in ${check.seconds.toFixed(0)} s: ${check.equal} equal, ${check.equalRounded} equal to 1e-6 kg, ${check.different.length} different`);
  return check;
}

function isDeepEqual(a: unknown, b: unknown): boolean {
  try {
    deepStrictEqual(a, b);
    return true;
  } catch {
    return false;
  }
}

function describe(api: unknown, facts: unknown): string {
  try {
    deepStrictEqual(api, facts, "tallies (API) vs on-demand");
    return "";
  } catch (error) {
    return (error as Error).message.split("\n").slice(0, 30).join("\n");
  }
}

/** Numbers that are not whole rounded to 1e-6: weights summed in another order differ in their last bits. */
export function rounded(value: unknown): unknown {
  if (typeof value === "number" && !Number.isInteger(value)) return Math.round(value * 1e6) / 1e6;
  if (Array.isArray(value)) return value.map(rounded);
  if (value !== null && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, rounded(inner)]));
  return value;
}
