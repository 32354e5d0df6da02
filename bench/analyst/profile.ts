import neo4j, { type Driver } from "neo4j-driver";

import type { Parameters } from "../../src/db/cypher-executor.js";
import * as generated from "../../src/db/queries.generated.js";

/**
 * The database hits of one request, each way: every query a side sends for it is caught as it is
 * sent (the executor's `onQuery`), with its parameters, then run once more with `PROFILE`. The API
 * side sends what the resolvers send (the tallies' queries, and the look-ups of countries, places
 * and seizures); the on-demand side what the `FromFacts` methods send. Hits are the work the
 * queries do whatever the machine's load, so their growth from one size to the next says how the
 * cost grows more steadily than wall time can.
 */
export interface ProfileRecord {
  /** The shape's key (see shapes.ts). */
  key: string;
  side: "tallies" | "on-demand";
  /** The shape's title. */
  title: string;
  /** Hits of every query the request sent, added up. */
  dbHits: number;
  /** The queries, in the order sent: their file, hits, rows and the profiled run's time. */
  queries: { file: string; dbHits: number; rows: number; ms: number }[];
  /** The operators with the most hits across the request's queries, largest first. */
  top: { file: string; operator: string; details: string; dbHits: number; rows: number }[];
}

export interface SentQuery {
  query: string;
  parameters: Parameters;
}

/** Catches the queries an executor sends while `record` runs (pass `listener` to `withListener`). */
export class QueryRecorder {
  private sent: SentQuery[] | null = null;

  readonly listener = (query: string, parameters: Parameters): void => {
    this.sent?.push({ query, parameters });
  };

  async record(action: () => Promise<unknown>): Promise<SentQuery[]> {
    this.sent = [];
    try {
      await action();
      return this.sent;
    } finally {
      this.sent = null;
    }
  }
}

interface PlanNode {
  operatorType: string;
  dbHits: number;
  rows: number;
  arguments: Record<string, unknown>;
  children: PlanNode[];
}

const TOP_OPERATORS = 4;

const byText = new Map<string, string>();
const byFirstLine = new Map<string, string>();
for (const value of Object.values(generated)) {
  if (value !== null && typeof value === "object" && "text" in value && "file" in value) {
    const { text, file } = value as { text: string; file: string };
    byText.set(text, `${file}.cypher`);
    byFirstLine.set(text.split("\n", 1)[0]!, `${file}.cypher`);
  }
}

/** The query file a sent text comes from (a template's text is rendered: its first comment line tells). */
function fileOf(query: string): string {
  return byText.get(query) ?? byFirstLine.get(query.split("\n", 1)[0]!) ?? query.replace(/\s+/g, " ").slice(0, 60);
}

function flatten(plan: PlanNode): PlanNode[] {
  return [plan, ...plan.children.flatMap(flatten)];
}

function details(plan: PlanNode): string {
  const value = plan.arguments["Details"];
  const text = typeof value === "string" ? value : "";
  return text.length > 120 ? `${text.slice(0, 117)}...` : text;
}

export async function profileRequest(
  driver: Driver,
  database: string,
  identity: Pick<ProfileRecord, "key" | "side" | "title">,
  sent: readonly SentQuery[],
): Promise<ProfileRecord> {
  const queries: ProfileRecord["queries"] = [];
  const operators: ProfileRecord["top"] = [];
  for (const { query, parameters } of sent) {
    const session = driver.session({ database, defaultAccessMode: neo4j.session.READ });
    try {
      const started = performance.now();
      const result = await session.run(`PROFILE ${query}`, parameters, { timeout: 3_600_000 });
      const ms = performance.now() - started;
      const plan = result.summary.profile as unknown as PlanNode | false;
      const file = fileOf(query);
      if (!plan) throw new Error(`${identity.key}: ${file}: no profile came back`);
      const all = flatten(plan);
      queries.push({ file, dbHits: all.reduce((sum, operator) => sum + Number(operator.dbHits), 0), rows: result.records.length, ms });
      operators.push(...all.map((operator) => ({ file, operator: operator.operatorType, details: details(operator), dbHits: Number(operator.dbHits), rows: Number(operator.rows) })));
    } finally {
      await session.close();
    }
  }
  return {
    ...identity,
    dbHits: queries.reduce((sum, query) => sum + query.dbHits, 0),
    queries,
    top: operators.sort((a, b) => b.dbHits - a.dbHits).slice(0, TOP_OPERATORS),
  };
}
