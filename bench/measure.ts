import { deepStrictEqual } from "node:assert/strict";

import type { Shape } from "./shapes.js";

export interface Summary {
  n: number;
  p50: number;
  p95: number;
  mean: number;
  min: number;
  max: number;
}

export interface Timings {
  /** Milliseconds per request, in the order measured. */
  api: number[];
  direct: number[];
}

export interface RunPlan {
  warmup: number;
  iterations: number;
}

/** Nearest-rank percentile of sorted samples. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

export function summarize(samples: readonly number[]): Summary {
  const sorted = [...samples].sort((a, b) => a - b);
  return {
    n: sorted.length,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    mean: sorted.reduce((sum, value) => sum + value, 0) / sorted.length,
    min: sorted[0]!,
    max: sorted[sorted.length - 1]!,
  };
}

export async function timed<T>(action: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const start = performance.now();
  const value = await action();
  return { ms: performance.now() - start, value };
}

let authorization: string | undefined;

/** The Authorization header every benchmark request sends from now on (see bench-server.ts). */
export function useCredentials(header: string): void {
  authorization = header;
}

/** POSTs a GraphQL request and returns its `data`; any error fails the benchmark. */
export async function postGraphQL(url: string, query: string, variables: Record<string, unknown>): Promise<unknown> {
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", ...(authorization === undefined ? {} : { authorization }) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: unknown; errors?: unknown[] };
  if (response.status !== 200 || body.errors !== undefined) {
    throw new Error(`GraphQL request failed (HTTP ${response.status}): ${JSON.stringify(body.errors ?? body)}`);
  }
  return body.data;
}

/**
 * Runs a shape's first `count` inputs both ways and checks that the API and the direct query give
 * the same answer, so the two columns of the report measure the same work.
 */
export async function warmUp(url: string, shape: Shape, count: number): Promise<void> {
  for (let iteration = 0; iteration < count; iteration++) {
    const fromApi = await postGraphQL(url, shape.graphql, shape.variables(iteration));
    const fromDirect = await shape.direct(iteration);
    try {
      deepStrictEqual(fromDirect, fromApi);
    } catch (error) {
      throw new Error(
        `${shape.title}: the direct query and the API disagree for ${JSON.stringify(shape.variables(iteration))}; ` +
          `the comparison would not be fair.\n${(error as Error).message}`,
      );
    }
  }
}

/**
 * Times one shape both ways over inputs `first` to `first + iterations - 1`. Iterations alternate
 * which side goes first (A B, B A, A B, ...): each pair asks the same question, machine noise falls
 * on both alike, and neither side always runs second on a cache the other has just warmed.
 */
export async function measure(url: string, shape: Shape, first: number, iterations: number): Promise<Timings> {
  const timings: Timings = { api: [], direct: [] };
  for (let index = 0; index < iterations; index++) {
    const iteration = first + index;
    const sides = [
      async () => timings.api.push((await timed(() => postGraphQL(url, shape.graphql, shape.variables(iteration)))).ms),
      async () => timings.direct.push((await timed(() => shape.direct(iteration))).ms),
    ];
    if (index % 2 === 1) sides.reverse();
    for (const side of sides) await side();
  }
  return timings;
}

/** The p50 of the first and of the last third of the samples: far apart, the warm-up was too short or the machine changed. */
export interface Drift {
  firstThirdP50: number;
  lastThirdP50: number;
}

export function drift(samples: readonly number[]): Drift {
  const third = Math.max(1, Math.floor(samples.length / 3));
  return { firstThirdP50: summarize(samples.slice(0, third)).p50, lastThirdP50: summarize(samples.slice(-third)).p50 };
}

/** What a shape's measured timings say, side by side: the same for every benchmark that compares the API with direct Cypher. */
export interface Comparison {
  key: string;
  title: string;
  graphql: string;
  directFile: string;
  inputs: string;
  api: Summary;
  direct: Summary;
  ratio: { p50: number; p95: number };
  drift: { api: Drift; direct: Drift };
}

export function compare(shape: Shape, samples: Timings): Comparison {
  const api = summarize(samples.api);
  const direct = summarize(samples.direct);
  return {
    key: shape.key,
    title: shape.title,
    graphql: shape.graphql,
    directFile: shape.directFile,
    inputs: shape.inputs,
    api,
    direct,
    ratio: { p50: api.p50 / direct.p50, p95: api.p95 / direct.p95 },
    drift: { api: drift(samples.api), direct: drift(samples.direct) },
  };
}
