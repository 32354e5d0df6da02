import { deepStrictEqual } from "node:assert/strict";

import { summarize, type Summary } from "../measure.js";
import { answerOf, ask, SYSTEMS, type System, type Targets } from "./ask.js";
import { processCpuMicros } from "./process-cpu.js";
import type { PeerShape } from "./shapes.js";

/** What a system has done so far: Cypher statements sent, and its Node process's CPU time (µs). */
export interface Probe {
  read(): Promise<{ queries: number; cpuMicros: number }>;
}

export type Probes = Record<System, Probe>;

export interface LatencyPlan {
  warmup: number;
  rounds: number;
}

export interface LoadPlan {
  clients: number;
  /** Seconds of load per system and shape, split into two slices (see `load`). */
  seconds: number;
  /** At most this many requests per slice, whatever the time. */
  maxRequests: number;
}

/** A → B → C, then every other order in turn, so that no system always goes first or last. */
const ORDERS: readonly (readonly System[])[] = [
  ["api", "peer", "raw"],
  ["raw", "peer", "api"],
  ["peer", "raw", "api"],
  ["api", "raw", "peer"],
  ["raw", "api", "peer"],
  ["peer", "api", "raw"],
];

export interface Latency {
  /** Milliseconds per request, per system, over the measured rounds. */
  summary: Record<System, Summary>;
  samples: Record<System, number[]>;
  /** Statements per request: exact for each warm-up request after the first, and the mean over the measured rounds. */
  queries: Record<System, { warmupMin: number; warmupMax: number; measuredMean: number }>;
  /** Rounds whose three answers were compared and found equal (every round). */
  checkedRounds: number;
}

/**
 * Asks a shape's question of the three systems, round by round, in rotating order: the same
 * input for all three in a round, a new input each round. Every round's three answers must be
 * equal (canonical forms, see shapes.ts), or the run stops: timing different answers would
 * compare different work. The warm-up rounds are not timed; their statements are counted one
 * request at a time.
 */
export async function latency(targets: Targets, probes: Probes, shape: PeerShape, plan: LatencyPlan): Promise<Latency> {
  const samples = { api: [], peer: [], raw: [] } as Record<System, number[]>;
  const exact = { api: [], peer: [], raw: [] } as Record<System, number[]>;
  const measuredFrom = {} as Record<System, number>;
  for (let round = 0; round < plan.warmup + plan.rounds; round++) {
    const warming = round < plan.warmup;
    if (round === plan.warmup) for (const system of SYSTEMS) measuredFrom[system] = (await probes[system].read()).queries;
    const answers = {} as Record<System, unknown>;
    for (const system of ORDERS[round % ORDERS.length]!) {
      const before = warming ? (await probes[system].read()).queries : 0;
      const { ms, reply } = await ask(targets, system, shape, round);
      // The first request may carry one-off statements (the peer asks Neo4j for its version).
      if (warming && round > 0) exact[system].push((await probes[system].read()).queries - before);
      if (!warming) samples[system].push(ms);
      answers[system] = answerOf(system, shape, reply);
    }
    checkEqual(shape, round, answers);
  }
  const queries = {} as Latency["queries"];
  for (const system of SYSTEMS) {
    const measured = (await probes[system].read()).queries - measuredFrom[system]!;
    queries[system] = {
      warmupMin: exact[system].length ? Math.min(...exact[system]) : Number.NaN,
      warmupMax: exact[system].length ? Math.max(...exact[system]) : Number.NaN,
      measuredMean: measured / plan.rounds,
    };
  }
  const summary = Object.fromEntries(SYSTEMS.map((system) => [system, summarize(samples[system])])) as Record<System, Summary>;
  return { summary, samples, queries, checkedRounds: plan.warmup + plan.rounds };
}

function checkEqual(shape: PeerShape, round: number, answers: Record<System, unknown>): void {
  for (const other of ["peer", "raw"] as const) {
    try {
      deepStrictEqual(answers[other], answers.api);
    } catch (error) {
      throw new Error(
        `${shape.title}: this API and ${other === "peer" ? "@neo4j/graphql" : "raw Cypher"} answer round ${round} ` +
          `(${JSON.stringify(shape.api.variables(round))}) differently; the comparison would not be fair.\n${(error as Error).message}`,
      );
    }
  }
}

export interface Load {
  requests: number;
  seconds: number;
  requestsPerSecond: number;
  /** Per request, in milliseconds of CPU: the system's Node process, Neo4j's JVM, and the load generator's process. */
  nodeCpuMs: number;
  neo4jCpuMs: number;
  clientCpuMs: number;
  queriesPerRequest: number;
}

interface Totals {
  requests: number;
  ms: number;
  nodeCpuMicros: number;
  neo4jCpuMicros: number;
  clientCpuMicros: number;
  queries: number;
}

/**
 * Requests per second with `clients` concurrent clients (each sends its next request when its last
 * is answered), one system at a time so that each process's CPU time is that system's. Each system
 * gets two slices, in the order A B C C B A, so that a drift of the machine falls on all alike.
 * For raw Cypher the "Node" process is the benchmark's own, which also runs the clients.
 */
export async function load(
  targets: Targets,
  probes: Probes,
  neo4jPid: number,
  shape: PeerShape,
  plan: LoadPlan,
  firstRound: number,
): Promise<Record<System, Load>> {
  const totals = Object.fromEntries(
    SYSTEMS.map((system) => [system, { requests: 0, ms: 0, nodeCpuMicros: 0, neo4jCpuMicros: 0, clientCpuMicros: 0, queries: 0 }]),
  ) as Record<System, Totals>;
  for (const system of [...SYSTEMS, ...[...SYSTEMS].reverse()]) {
    const slice = await loadSlice(targets, probes[system], neo4jPid, shape, system, plan, firstRound);
    const total = totals[system];
    for (const key of Object.keys(total) as (keyof Totals)[]) total[key] += slice[key];
  }
  return Object.fromEntries(
    SYSTEMS.map((system) => {
      const total = totals[system];
      return [
        system,
        {
          requests: total.requests,
          seconds: total.ms / 1000,
          requestsPerSecond: total.requests / (total.ms / 1000),
          nodeCpuMs: total.nodeCpuMicros / 1000 / total.requests,
          neo4jCpuMs: total.neo4jCpuMicros / 1000 / total.requests,
          clientCpuMs: total.clientCpuMicros / 1000 / total.requests,
          queriesPerRequest: total.queries / total.requests,
        },
      ];
    }),
  ) as Record<System, Load>;
}

async function loadSlice(
  targets: Targets,
  probe: Probe,
  neo4jPid: number,
  shape: PeerShape,
  system: System,
  plan: LoadPlan,
  firstRound: number,
): Promise<Totals> {
  const before = await probe.read();
  const neo4jBefore = processCpuMicros(neo4jPid);
  const clientBefore = process.cpuUsage();
  const started = performance.now();
  const deadline = started + (plan.seconds * 1000) / 2;
  let sent = 0;
  const client = async () => {
    while (performance.now() < deadline && sent < plan.maxRequests) {
      const round = firstRound + sent++;
      await ask(targets, system, shape, round);
    }
  };
  await Promise.all(Array.from({ length: plan.clients }, client));
  const ms = performance.now() - started;
  const client_ = process.cpuUsage(clientBefore);
  const neo4jCpuMicros = processCpuMicros(neo4jPid) - neo4jBefore;
  const after = await probe.read();
  return {
    requests: sent,
    ms,
    nodeCpuMicros: after.cpuMicros - before.cpuMicros,
    neo4jCpuMicros,
    clientCpuMicros: client_.user + client_.system,
    queries: after.queries - before.queries,
  };
}
