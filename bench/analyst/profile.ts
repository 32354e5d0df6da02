import neo4j, { type Driver } from "neo4j-driver";

import type { CypherRegistry } from "../../src/db/cypher-registry.js";
import { flowsLinks, flowsTotals, routesLegs, routesObserved } from "../../src/db/queries.generated.js";
import { integerParameter } from "../../src/db/values.js";
import { StopLevel, type TradeFilter } from "../../src/domain/trade-analysis.js";
import { MAX_EVIDENCE } from "../../src/repositories/route.repository.js";
import { tradeParameters } from "../../src/repositories/trade-parameters.js";
import { ROUTE_PAIRS } from "./shapes.js";

/**
 * One `PROFILE` of each query the benchmark times, with the parameters its repository sends: the
 * database hits are the work the query does whatever the machine's load, so their growth from one
 * network size to the next says how the cost grows more steadily than wall time can.
 */
export interface ProfileRecord {
  key: string;
  /** The query file and its arguments. */
  title: string;
  dbHits: number;
  /** Rows the query returned. */
  rows: number;
  /** Milliseconds the profiled run took (one run, with profiling on: slower than an unprofiled one). */
  ms: number;
  /** The operators with the most database hits, largest first. */
  top: { operator: string; details: string; dbHits: number; rows: number }[];
}

interface PlanNode {
  operatorType: string;
  dbHits: number;
  rows: number;
  arguments: Record<string, unknown>;
  children: PlanNode[];
}

const NO_FILTER: TradeFilter = { species: null, product: null, mode: null, source: null, dateFrom: null, dateTo: null };
const TOP_OPERATORS = 4;

function flatten(plan: PlanNode): PlanNode[] {
  return [plan, ...plan.children.flatMap(flatten)];
}

function details(plan: PlanNode): string {
  const value = plan.arguments["Details"];
  const text = typeof value === "string" ? value : "";
  return text.length > 120 ? `${text.slice(0, 117)}...` : text;
}

async function profileOne(driver: Driver, database: string, key: string, title: string, query: string, parameters: Record<string, unknown>): Promise<ProfileRecord> {
  const session = driver.session({ database, defaultAccessMode: neo4j.session.READ });
  try {
    const started = performance.now();
    const result = await session.run(`PROFILE ${query}`, parameters, { timeout: 3_600_000 });
    const ms = performance.now() - started;
    const plan = result.summary.profile as unknown as PlanNode | false;
    if (!plan) throw new Error(`${key}: no profile came back`);
    const operators = flatten(plan);
    return {
      key,
      title,
      dbHits: operators.reduce((sum, operator) => sum + Number(operator.dbHits), 0),
      rows: result.records.length,
      ms,
      top: [...operators]
        .sort((a, b) => Number(b.dbHits) - Number(a.dbHits))
        .slice(0, TOP_OPERATORS)
        .map((operator) => ({ operator: operator.operatorType, details: details(operator), dbHits: Number(operator.dbHits), rows: Number(operator.rows) })),
    };
  } finally {
    await session.close();
  }
}

/** Profiles routes/observed and the first routes/legs query of each pair, and flows/links and flows/totals at both levels. */
export async function profileAnalystQueries(driver: Driver, database: string, _registry: CypherRegistry): Promise<ProfileRecord[]> {
  const trade = tradeParameters(NO_FILTER);
  const records: ProfileRecord[] = [];
  for (const { from, to } of ROUTE_PAIRS) {
    records.push(
      await profileOne(driver, database, `observed-${from}-${to}`, `routes/observed.cypher (${from} → ${to}, COUNTRY)`, routesObserved.text, {
        from,
        to,
        level: StopLevel.COUNTRY,
        evidenceLimit: integerParameter(MAX_EVIDENCE),
        ...trade,
      }),
    );
    records.push(
      await profileOne(driver, database, `legs-${from}`, `routes/legs.cypher (legs out of ${from}: the first of the inferred-route queries)`, routesLegs.text, {
        sources: [from],
        targets: null,
        ...trade,
      }),
    );
  }
  for (const level of [StopLevel.COUNTRY, StopLevel.PLACE]) {
    records.push(
      await profileOne(driver, database, `links-${level}`, `flows/links.cypher (${level}, first 200)`, flowsLinks.text, {
        level,
        limit: integerParameter(200),
        ...trade,
      }),
    );
    records.push(await profileOne(driver, database, `totals-${level}`, `flows/totals.cypher (${level})`, flowsTotals.text, { level, ...trade }));
  }
  return records;
}
