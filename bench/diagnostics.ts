import type { ApolloServer } from "@apollo/server";
import neo4j, { type Driver } from "neo4j-driver";

import type { Context } from "../src/context.js";
import { CypherExecutor, type Parameters, type Row } from "../src/db/cypher-executor.js";
import { postGraphQL, summarize, timed, type Summary } from "./measure.js";
import type { Shape } from "./shapes.js";

/**
 * Where an API request's time goes. Measured in a separate pass, on a second server whose executor
 * times every round trip (that costs a little, so these numbers are not mixed into the main table).
 */
export interface Breakdown {
  /** Round trips to Neo4j per request (the median request). */
  roundTrips: number;
  /**
   * The longest chain of round trips each starting after the previous one ended: the request's
   * critical path (root field, then its relationship fields, then theirs, ...).
   */
  steps: number;
  /** The whole request over HTTP, on the timing server. */
  http: Summary;
  /** The same request executed in-process (Apollo's executeOperation): no HTTP, no JSON. */
  inProcess: Summary;
  /** Time during which at least one Neo4j query was in flight (driver and conversion included). */
  neo4jInFlight: Summary;
  /** Of the HTTP request, the time when no Neo4j query was in flight. */
  outsideNeo4j: Summary;
  /** Each kind of round trip (named by its first MATCH line): how many per request, how long each. */
  queries: { query: string; perRequest: number; p50: number; p95: number }[];
}

interface Span {
  query: string;
  start: number;
  end: number;
}

/** A CypherExecutor that records when each read started and ended. */
export class TimingExecutor extends CypherExecutor {
  private spans: Span[] = [];

  override async read(query: string, parameters: Parameters = {}): Promise<Row[]> {
    const start = performance.now();
    try {
      return await super.read(query, parameters);
    } finally {
      this.spans.push({ query: describeQuery(query), start, end: performance.now() });
    }
  }

  /** The spans recorded since the last call. */
  take(): Span[] {
    const spans = this.spans;
    this.spans = [];
    return spans;
  }
}

/** The instrumented API: a server over HTTP and an in-process Apollo, both over the timing executor. */
export interface TimingApi {
  url: string;
  apollo: ApolloServer<Context>;
  context: () => Promise<Context>;
  executor: TimingExecutor;
}

export async function breakDown(shape: Shape, api: TimingApi, iterations: number): Promise<Breakdown> {
  const { url, apollo, context, executor } = api;
  const http: number[] = [];
  const inProcess: number[] = [];
  const inFlight: number[] = [];
  const outside: number[] = [];
  const roundTrips: number[] = [];
  const steps: number[] = [];
  const byQuery = new Map<string, number[]>();

  for (let iteration = 0; iteration < iterations; iteration++) {
    executor.take();
    const request = await timed(() => postGraphQL(url, shape.graphql, shape.variables(iteration)));
    const spans = executor.take();
    const busy = busyTime(spans);
    http.push(request.ms);
    inFlight.push(busy);
    outside.push(request.ms - busy);
    roundTrips.push(spans.length);
    steps.push(longestChain(spans));
    for (const span of spans) {
      if (!byQuery.has(span.query)) byQuery.set(span.query, []);
      byQuery.get(span.query)!.push(span.end - span.start);
    }

    const operation = await timed(async () =>
      apollo.executeOperation(
        { query: shape.graphql, variables: shape.variables(iteration) },
        { contextValue: await context() },
      ),
    );
    const body = operation.value.body;
    if (body.kind !== "single" || body.singleResult.errors) throw new Error(`${shape.title}: in-process execution failed`);
    inProcess.push(operation.ms);
    executor.take();
  }

  return {
    roundTrips: median(roundTrips),
    steps: median(steps),
    http: summarize(http),
    inProcess: summarize(inProcess),
    neo4jInFlight: summarize(inFlight),
    outsideNeo4j: summarize(outside),
    queries: [...byQuery].map(([query, samples]) => {
      const { p50, p95 } = summarize(samples);
      return { query, perRequest: samples.length / iterations, p50, p95 };
    }),
  };
}

export interface BareRoundTrip {
  /** `driver.executeQuery`, as the application reads: a managed transaction (BEGIN, RUN, PULL, COMMIT). */
  executeQuery: Summary;
  /** `session.run` in a fresh session: an auto-commit transaction (RUN, PULL), for comparison. */
  autoCommit: Summary;
}

/** The cost of one bare round trip (`RETURN 1`): the floor under every query the API sends. */
export async function bareRoundTrip(driver: Driver, database: string, iterations: number): Promise<BareRoundTrip> {
  const managed = () => driver.executeQuery("RETURN 1 AS one", {}, { database, routing: neo4j.routing.READ });
  const autoCommit = async () => {
    const session = driver.session({ database, defaultAccessMode: neo4j.session.READ });
    try {
      await session.run("RETURN 1 AS one");
    } finally {
      await session.close();
    }
  };
  const samples = { executeQuery: [] as number[], autoCommit: [] as number[] };
  for (let iteration = -20; iteration < iterations; iteration++) {
    const first = (await timed(managed)).ms;
    const second = (await timed(autoCommit)).ms;
    if (iteration < 0) continue;
    samples.executeQuery.push(first);
    samples.autoCommit.push(second);
  }
  return { executeQuery: summarize(samples.executeQuery), autoCommit: summarize(samples.autoCommit) };
}

/** The length of the union of the spans. */
function busyTime(spans: readonly Span[]): number {
  let total = 0;
  let end = -Infinity;
  for (const span of [...spans].sort((a, b) => a.start - b.start)) {
    if (span.start > end) {
      total += span.end - span.start;
      end = span.end;
    } else if (span.end > end) {
      total += span.end - end;
      end = span.end;
    }
  }
  return total;
}

/** The longest chain of spans in which each starts after the one before it ended. */
function longestChain(spans: readonly Span[]): number {
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  const chain: number[] = [];
  sorted.forEach((span, index) => {
    let before = 0;
    for (let other = 0; other < index; other++) {
      if (sorted[other]!.end <= span.start) before = Math.max(before, chain[other]!);
    }
    chain.push(before + 1);
  });
  return Math.max(0, ...chain);
}

/** A short name for a query: its first MATCH line, marked when it counts. */
export function describeQuery(query: string): string {
  const lines = query.split("\n").map((line) => line.trim());
  const match = lines.find((line) => line.startsWith("MATCH")) ?? lines.find((line) => line && !line.startsWith("//")) ?? query;
  return /\bcount\(/i.test(query) ? `${match} (count)` : match;
}

function median(values: readonly number[]): number {
  return summarize(values).p50;
}
