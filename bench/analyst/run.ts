import "reflect-metadata";

import { deepStrictEqual } from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";

import { pino } from "pino";

import { Role } from "../../src/auth/role.js";
import type { CypherExecutor } from "../../src/db/cypher-executor.js";
import type { CypherRegistry } from "../../src/db/cypher-registry.js";
import { buildGraphQLSchema } from "../../src/graphql/build-schema.js";
import { loadConfig, projectRoot, type Config } from "../../src/config.js";
import { createDriver } from "../../src/db/driver.js";
import { StopLevel } from "../../src/domain/trade-analysis.js";
import { RouteRepository } from "../../src/repositories/route.repository.js";
import type { LoadedNetwork } from "../investigator/dataset.js";
import { CleanUp, runBenchmark } from "../lifecycle.js";
import { compare, measure, postGraphQL, summarize, type Comparison } from "../measure.js";
import type { Shape } from "../shapes.js";
import { startBenchServer } from "../bench-server.js";
import { replaceSection } from "../report-section.js";
import { checkAnswers, rounded } from "./check.js";
import { bulkLoadedNetwork, networkCountries } from "./dataset.js";
import { profileRequest, QueryRecorder, type ProfileRecord } from "./profile.js";
import { renderAnalystSection, type AnalystSizeRun } from "./report.js";
import { ringsEntry } from "./rings.js";
import { analystShapes, NO_FILTER, ROUTE_PAIRS } from "./shapes.js";

/**
 * `npm run bench:analyst`: the analyst queries `routes`, `flows` and `trends` on generated networks of
 * 10,000, 100,000 and 1,000,000 shipments (how their cost grows with the data), and `rings` at
 * 100,000. `routes`, `flows` and `trends` are asked through the API over HTTP, which reads the trade
 * and trend tallies, beside the on-demand counting they replaced (the repositories' `FromFacts` methods, run
 * directly through neo4j-driver), interleaved. Each size's network is generated and bulk-loaded
 * whole once (`npm run bulk-load`, which ends by rebuilding the tallies) into its own embedded
 * Neo4j under `.bench/`, and its results are kept in `bench/results/analyst-<shipments>.json`, so
 * one size can be measured again alone (`--sizes 1000000`) and the report still shows all three.
 * At 10,000 shipments, before timing, the API's answers are checked equal to the on-demand ones
 * (check.ts). Writes the "Analyst queries" section of bench/REPORT.md.
 */

const log = (line: string) => console.error(`[bench:analyst] ${line}`);
const cleanUp = new CleanUp("bench:analyst");

const DEFAULT_SIZES = [10_000, 100_000, 1_000_000];
const CHECK_SIZES = [10_000];
const RINGS_SIZE = 100_000;
/**
 * Warm-up and measured iterations per size and kind of query: fewer as the network grows, since an
 * on-demand request at 1M takes seconds (flows, which read the whole network, most) and the machine is shared.
 */
export type Plan = Record<"routes" | "flows", { warmup: number; iterations: number }>;
const DEFAULT_PLANS: Record<number, Plan> = {
  10_000: { routes: { warmup: 5, iterations: 40 }, flows: { warmup: 3, iterations: 20 } },
  100_000: { routes: { warmup: 3, iterations: 20 }, flows: { warmup: 1, iterations: 8 } },
  1_000_000: { routes: { warmup: 1, iterations: 8 }, flows: { warmup: 1, iterations: 8 } },
};
const FALLBACK_PLAN: Plan = { routes: { warmup: 10, iterations: 50 }, flows: { warmup: 5, iterations: 20 } };
/** Runs of each part of `routes` for the observed / inferred split. */
const partRuns = (shipments: number) => (shipments >= 1_000_000 ? 1 : 5);

const resultsFile = (shipments: number) => path.join(projectRoot, "bench", "results", `analyst-${shipments}.json`);
const REPORT = path.join(projectRoot, "bench", "REPORT.md");

function once(step: () => Promise<void>): () => Promise<void> {
  let running: Promise<void> | undefined;
  return () => (running ??= step());
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      sizes: { type: "string", default: DEFAULT_SIZES.join(",") },
      seed: { type: "string", default: "bench" },
      warmup: { type: "string" },
      iterations: { type: "string" },
      /** Sizes (comma-separated) at which the API's answers are checked against the on-demand counting. */
      check: { type: "string", default: CHECK_SIZES.join(",") },
      "no-rings": { type: "boolean", default: false },
      /** Only the rings entry (at 100,000 shipments), added to that size's stored results. */
      "rings-only": { type: "boolean", default: false },
      "analyze-runs": { type: "string", default: "1" },
      "load-only": { type: "boolean", default: false },
      "no-report": { type: "boolean", default: false },
      "render-only": { type: "boolean", default: false },
      /** A line for the report about this run (what else shared the machine, say). */
      note: { type: "string" },
    },
  });
  const sizes = values.sizes!.split(",").map((size) => Number(size.trim()));
  if (sizes.some((size) => !Number.isInteger(size) || size < 50)) throw new Error(`--sizes: whole numbers of shipments, comma-separated (got ${values.sizes})`);
  const checkSizes = values.check!.split(",").filter(Boolean).map(Number);

  if (!values["render-only"]) {
    const config = loadConfig();
    if (values["rings-only"]) {
      await ringsOnly(config, { seed: values.seed!, analyzeRuns: Number(values["analyze-runs"]), warmup: values.warmup, iterations: values.iterations });
    }
    for (const shipments of values["rings-only"] ? [] : sizes) {
      const base = DEFAULT_PLANS[shipments] ?? FALLBACK_PLAN;
      const override = (part: { warmup: number; iterations: number }) => ({
        warmup: values.warmup === undefined ? part.warmup : Number(values.warmup),
        iterations: values.iterations === undefined ? part.iterations : Number(values.iterations),
      });
      const plan: Plan = { routes: override(base.routes), flows: override(base.flows) };
      await measureSize(config, {
        seed: values.seed!,
        shipments,
        plan,
        withRings: shipments === RINGS_SIZE && !values["no-rings"],
        check: checkSizes.includes(shipments),
        analyzeRuns: Number(values["analyze-runs"]),
        loadOnly: values["load-only"]!,
        sizes: values.sizes!,
        note: values.note,
      });
    }
    if (values["load-only"]) return;
  }

  const runs: AnalystSizeRun[] = [];
  for (const shipments of new Set([...DEFAULT_SIZES, ...sizes])) {
    if (existsSync(resultsFile(shipments))) runs.push(JSON.parse(await readFile(resultsFile(shipments), "utf8")) as AnalystSizeRun);
  }
  if (runs.length === 0) throw new Error("no results to report: run the benchmark first");
  const section = renderAnalystSection(runs);
  if (!values["no-report"]) await replaceSection(REPORT, section);
  console.log(section);
}

/** The rings entry alone, at 100,000 shipments, put into that size's stored results. */
async function ringsOnly(config: Config, options: { seed: string; analyzeRuns: number; warmup?: string; iterations?: string }): Promise<void> {
  const file = resultsFile(RINGS_SIZE);
  if (!existsSync(file)) throw new Error(`--rings-only adds to ${path.relative(projectRoot, file)}: measure ${RINGS_SIZE} shipments first`);
  const record = JSON.parse(await readFile(file, "utf8")) as AnalystSizeRun;
  const network = await bulkLoadedNetwork(config, { seed: options.seed, shipments: RINGS_SIZE, log });
  const stopDatabase = once(() => network.database.stop());
  cleanUp.add(stopDatabase);
  try {
    const api = await startAnalystApi(network.executor, network.registry);
    const closeServer = once(() => api.close());
    cleanUp.add(closeServer);
    try {
      const base = DEFAULT_PLANS[RINGS_SIZE]!.routes;
      const plan = {
        warmup: options.warmup === undefined ? base.warmup : Number(options.warmup),
        iterations: options.iterations === undefined ? base.iterations : Number(options.iterations),
      };
      record.rings = await ringsEntry(network, api, plan, { analyzeRuns: options.analyzeRuns, log });
    } finally {
      await closeServer();
    }
  } finally {
    await stopDatabase();
  }
  await writeFile(file, JSON.stringify(record, null, 2) + "\n");
  log(`rings: added to ${path.relative(projectRoot, file)}`);
}

async function measureSize(
  config: Config,
  options: { seed: string; shipments: number; plan: Plan; withRings: boolean; check: boolean; analyzeRuns: number; loadOnly: boolean; sizes: string; note?: string },
): Promise<void> {
  const { seed, shipments, plan } = options;
  const network = await bulkLoadedNetwork(config, { seed, shipments, log });
  const stopDatabase = once(() => network.database.stop());
  cleanUp.add(stopDatabase);
  try {
    if (options.loadOnly) return;
    const measuredFrom = os.loadavg();
    const run = await measureNetwork(network, plan, { analyzeRuns: options.withRings ? options.analyzeRuns : 0, check: options.check });
    const record: AnalystSizeRun = {
      date: new Date().toISOString(),
      command: `npm run bench:analyst -- --sizes ${options.sizes}`,
      commit: execFileSync("git", ["rev-parse", "--short", "HEAD"], { cwd: projectRoot }).toString().trim(),
      machine: `${os.cpus()[0]?.model.trim() ?? "unknown"}, ${os.cpus().length} logical CPUs, ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB RAM, Node.js ${process.version}`,
      load: `${measuredFrom.map((v) => v.toFixed(2)).join(" / ")}, ${os.loadavg().map((v) => v.toFixed(2)).join(" / ")}`,
      network: network.load,
      ...(options.note && { note: options.note }),
      plan,
      ...run,
    };
    await mkdir(path.dirname(resultsFile(shipments)), { recursive: true });
    await writeFile(resultsFile(shipments), JSON.stringify(record, null, 2) + "\n");
    log(`${shipments} shipments: results in ${path.relative(projectRoot, resultsFile(shipments))}`);
  } finally {
    await stopDatabase();
  }
}

/**
 * Runs a shape's first `count` inputs both ways and compares the answers (weights to 1e-6 kg):
 * a difference is recorded and the timing goes on, since at sizes the check does not cover it is
 * a finding, not a reason to measure nothing.
 */
async function warmUpCompared(url: string, shape: Shape, count: number): Promise<string | null> {
  let difference: string | null = null;
  for (let iteration = 0; iteration < count; iteration++) {
    const fromApi = await postGraphQL(url, shape.graphql, shape.variables(iteration));
    const fromFacts = await shape.direct(iteration);
    try {
      deepStrictEqual(rounded(fromApi), rounded(fromFacts), "tallies (API) vs on-demand");
    } catch (error) {
      difference ??= (error as Error).message.split("\n").slice(0, 20).join("\n");
    }
  }
  return difference;
}

async function measureNetwork(
  network: LoadedNetwork,
  plan: Plan,
  options: { analyzeRuns: number; check: boolean },
): Promise<Pick<AnalystSizeRun, "results" | "failures" | "warmupDifferences" | "check" | "routeParts" | "profiles" | "rings">> {
  // Each side's executor reports the queries it sends, for the profiles (nothing is kept until asked).
  const apiRecorder = new QueryRecorder();
  const factsRecorder = new QueryRecorder();
  const api = await startAnalystApi(network.executor.withListener(apiRecorder.listener), network.registry);
  const closeServer = once(() => api.close());
  cleanUp.add(closeServer);
  try {
    const size = network.load.shipments;
    log(`${size} shipments: API at ${api.url}`);
    const check = options.check ? await checkAnswers(api.url, network.executor, await networkCountries(network.filesDir), log) : null;

    const shapes = await analystShapes(network.executor.withListener(factsRecorder.listener), network.registry);
    // trends, like flows, counts the whole network on demand: asked as often as flows.
    const planOf = (key: string) => (key.startsWith("flows") || key.startsWith("trends") ? plan.flows : plan.routes);
    const warmupDifferences: AnalystSizeRun["warmupDifferences"] = [];
    // A request that fails (a spent database budget, a timeout) is reported for its shape; the others go on.
    const failures: AnalystSizeRun["failures"] = [];
    const failed = (key: string, error: unknown) => {
      failures.push({ key, message: (error as Error).message });
      log(`${size}: ${key}: failed: ${(error as Error).message}`);
    };
    for (const shape of shapes) {
      log(`${size}: ${shape.title}: ${planOf(shape.key).warmup} warm-up iterations each way, answers compared`);
      try {
        const difference = await warmUpCompared(api.url, shape, planOf(shape.key).warmup);
        if (difference !== null) {
          warmupDifferences.push({ key: shape.key, difference });
          log(`${size}: ${shape.key}: the API (tallies) and the on-demand counting differ\n${difference}`);
        }
      } catch (error) {
        failed(shape.key, error);
      }
    }
    const results: Comparison[] = [];
    for (const shape of shapes.filter((candidate) => !failures.some((failure) => failure.key === candidate.key))) {
      const { warmup, iterations } = planOf(shape.key);
      log(`${size}: ${shape.title}: ${iterations} measured iterations each way, interleaved`);
      try {
        const result = compare(shape, await measure(api.url, shape, warmup, iterations));
        results.push(result);
        log(`${size}: ${shape.key}: tallies (API) p50 ${result.api.p50.toFixed(1)} / p95 ${result.api.p95.toFixed(1)} ms, on-demand p50 ${result.direct.p50.toFixed(1)} / p95 ${result.direct.p95.toFixed(1)} ms`);
      } catch (error) {
        failed(shape.key, error);
      }
    }

    // Where the time of routes goes, each way: the observed routes, and the inferred ones, timed apart (repository code, no HTTP).
    const routes = new RouteRepository(network.executor, network.registry);
    const routeParts: AnalystSizeRun["routeParts"] = [];
    for (const { from, to } of ROUTE_PAIRS) {
      const ms = { talliesObserved: [] as number[], talliesInferred: [] as number[], factsObserved: [] as number[], factsInferred: [] as number[] };
      const countriesOf = (observed: { stops: { country: string | null }[] }[]) =>
        observed.map((route) => route.stops.map((stop) => stop.country).filter((id): id is string => id !== null).filter((id, i, all) => i === 0 || id !== all[i - 1]));
      for (let index = 0; index < partRuns(size); index++) {
        let started = performance.now();
        const observed = await routes.observed(from, to, StopLevel.COUNTRY, NO_FILTER);
        ms.talliesObserved.push(performance.now() - started);
        started = performance.now();
        await routes.inferred(from, to, NO_FILTER, countriesOf(observed));
        ms.talliesInferred.push(performance.now() - started);
        started = performance.now();
        const counted = await routes.observedFromFacts(from, to, StopLevel.COUNTRY, NO_FILTER);
        ms.factsObserved.push(performance.now() - started);
        started = performance.now();
        await routes.inferredFromFacts(from, to, NO_FILTER, countriesOf(counted));
        ms.factsInferred.push(performance.now() - started);
      }
      const p50 = (samples: number[]) => summarize(samples).p50;
      const part = {
        key: `${from} → ${to}`,
        tallies: { observedMs: p50(ms.talliesObserved), inferredMs: p50(ms.talliesInferred) },
        facts: { observedMs: p50(ms.factsObserved), inferredMs: p50(ms.factsInferred) },
        runs: partRuns(size),
      };
      routeParts.push(part);
      log(`${size}: routes ${part.key}: tallies observed ${part.tallies.observedMs.toFixed(1)} / inferred ${part.tallies.inferredMs.toFixed(1)} ms; on-demand observed ${part.facts.observedMs.toFixed(1)} / inferred ${part.facts.inferredMs.toFixed(1)} ms`);
    }

    log(`${size}: PROFILE of the queries each side sends for one request`);
    const driver = createDriver({ ...loadConfig().neo4j, connectionTimeoutMs: 60_000, uri: network.database.uri, user: network.database.user, password: network.database.password });
    const profiles: ProfileRecord[] = [];
    try {
      for (const shape of shapes) {
        // A failed request still sent its queries: they are profiled all the same.
        const viaApi = await apiRecorder.record(() => postGraphQL(api.url, shape.graphql, shape.variables(0)).catch(() => null));
        const onDemand = await factsRecorder.record(() => shape.direct(0));
        for (const [side, sent] of [["tallies", viaApi], ["on-demand", onDemand]] as const) {
          const profile = await profileRequest(driver, network.database.database, { key: shape.key, side, title: shape.title }, sent);
          profiles.push(profile);
          log(`${size}: ${shape.key} ${side}: ${profile.dbHits} db hits in ${profile.queries.length} queries (${profile.queries.map((query) => `${query.file} ${query.dbHits}`).join(", ")})`);
        }
      }
    } finally {
      await driver.close();
    }

    const rings = options.analyzeRuns > 0 ? await ringsEntry(network, api, plan.routes, { analyzeRuns: options.analyzeRuns, log }) : null;
    return { results, failures, warmupDifferences, check, routeParts, profiles, rings };
  } finally {
    await closeServer();
  }
}

await runBenchmark("bench:analyst", main, cleanUp.run);

/** The whole API (authentication, limits, audit trail), called with an ANALYST token. */
export async function startAnalystApi(executor: CypherExecutor, registry: CypherRegistry): ReturnType<typeof startBenchServer> {
  return startBenchServer(
    { schema: await buildGraphQLSchema(), executor, registry, logger: pino({ level: "silent" }), production: false, isStarted: () => true },
    Role.ANALYST,
  );
}
