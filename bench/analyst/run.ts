import "reflect-metadata";

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
import { loadedNetwork, type LoadedNetwork } from "../investigator/dataset.js";
import { CleanUp, runBenchmark } from "../lifecycle.js";
import { compare, summarize, type Comparison } from "../measure.js";
import { measure, warmUp } from "../measure.js";
import { startBenchServer } from "../bench-server.js";
import { replaceSection } from "../report-section.js";
import { checkFastLoader, loadRoutesFilesFast, loadRoutesFilesOnly } from "./dataset.js";
import { profileAnalystQueries } from "./profile.js";
import { renderAnalystSection, type AnalystSizeRun } from "./report.js";
import { ringsEntry } from "./rings.js";
import { analystShapes, ROUTE_PAIRS } from "./shapes.js";

/**
 * `npm run bench:analyst`: the analyst queries `routes` and `flows` on generated networks of
 * 10,000, 100,000 and 1,000,000 shipments (how their cost grows with the data), and `rings` at
 * 100,000; each through the API over HTTP and as the same repository code run directly through
 * neo4j-driver, interleaved. Each size's network is loaded once into its own embedded Neo4j under
 * `.bench/` (the 1M load takes most of an hour) and its results are kept in
 * `bench/results/analyst-<shipments>.json`, so one size can be measured again alone
 * (`--sizes 1000000`) and the report still shows all three. Writes the "Analyst queries" section
 * of bench/REPORT.md.
 */

const log = (line: string) => console.error(`[bench:analyst] ${line}`);
const cleanUp = new CleanUp("bench:analyst");

const DEFAULT_SIZES = [10_000, 100_000, 1_000_000];
const RINGS_SIZE = 100_000;
/**
 * Warm-up and measured iterations per size and kind of query: fewer as the network grows, since a
 * request at 1M takes seconds (flows, which read the whole network, most) and the machine is shared.
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
      seed: { type: "string", default: "analyst" },
      warmup: { type: "string" },
      iterations: { type: "string" },
      rings: { type: "boolean", default: true },
      "no-rings": { type: "boolean", default: false },
      /** Only the rings entry (at 100,000 shipments), added to that size's stored results. */
      "rings-only": { type: "boolean", default: false },
      "analyze-runs": { type: "string", default: "1" },
      "load-only": { type: "boolean", default: false },
      "no-report": { type: "boolean", default: false },
      "render-only": { type: "boolean", default: false },
      /** Sizes (comma-separated) to load with only the files routes and flows read, when not loaded yet. */
      "partial-load": { type: "string", default: "" },
      /** As --partial-load, with the typed bulk loader for the four big files (fast-loader.ts). */
      "fast-load": { type: "string", default: "" },
      /** Checks the typed bulk loader against the engine at 10,000 shipments, then stops. */
      "check-fast-loader": { type: "boolean", default: false },
    },
  });
  const sizes = values.sizes!.split(",").map((size) => Number(size.trim()));
  if (sizes.some((size) => !Number.isInteger(size) || size < 50)) throw new Error(`--sizes: whole numbers of shipments, comma-separated (got ${values.sizes})`);

  if (!values["render-only"]) {
    const config = loadConfig();
    if (values["check-fast-loader"]) {
      await checkFastLoader(config, { seed: values.seed!, log });
      return;
    }
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
      const withRings = shipments === RINGS_SIZE && values.rings && !values["no-rings"];
      if (values["partial-load"]!.split(",").map(Number).includes(shipments)) await loadRoutesFilesOnly(config, { seed: values.seed!, shipments, log });
      if (values["fast-load"]!.split(",").map(Number).includes(shipments)) await loadRoutesFilesFast(config, { seed: values.seed!, shipments, log });
      await measureSize(config, { seed: values.seed!, shipments, plan, withRings, analyzeRuns: Number(values["analyze-runs"]), loadOnly: values["load-only"]!, sizes: values.sizes! });
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
  const network = await loadedNetwork(config, { seed: options.seed, shipments: RINGS_SIZE, log });
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
  options: { seed: string; shipments: number; plan: Plan; withRings: boolean; analyzeRuns: number; loadOnly: boolean; sizes: string },
): Promise<void> {
  const { seed, shipments, plan } = options;
  const loadAverageAtStart = os.loadavg();
  const network = await loadedNetwork(config, { seed, shipments, log });
  const stopDatabase = once(() => network.database.stop());
  cleanUp.add(stopDatabase);
  try {
    if (options.loadOnly) return;
    const run = await measureNetwork(network, plan, options.withRings ? options.analyzeRuns : 0);
    const record: AnalystSizeRun = {
      date: new Date().toISOString(),
      command: `npm run bench:analyst -- --sizes ${options.sizes}`,
      machine: `${os.cpus()[0]?.model.trim() ?? "unknown"}, ${os.cpus().length} logical CPUs, ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB RAM, Node.js ${process.version}`,
      load: `${loadAverageAtStart.map((v) => v.toFixed(2)).join(" / ")}, ${os.loadavg().map((v) => v.toFixed(2)).join(" / ")}`,
      network: network.load,
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

async function measureNetwork(
  network: LoadedNetwork,
  plan: Plan,
  analyzeRuns: number,
): Promise<Pick<AnalystSizeRun, "results" | "routeParts" | "profiles" | "rings">> {
  const api = await startAnalystApi(network.executor, network.registry);
  const closeServer = once(() => api.close());
  cleanUp.add(closeServer);
  try {
    const size = network.load.shipments;
    log(`${size} shipments: API at ${api.url}`);
    const shapes = analystShapes(network.executor, network.registry);
    const planOf = (key: string) => (key.startsWith("flows") ? plan.flows : plan.routes);
    for (const shape of shapes) {
      log(`${size}: ${shape.title}: ${planOf(shape.key).warmup} warm-up iterations each way, answers compared`);
      await warmUp(api.url, shape, planOf(shape.key).warmup);
    }
    const results: Comparison[] = [];
    for (const shape of shapes) {
      const { warmup, iterations } = planOf(shape.key);
      log(`${size}: ${shape.title}: ${iterations} measured iterations each way, interleaved`);
      const result = compare(shape, await measure(api.url, shape, warmup, iterations));
      results.push(result);
      log(`${size}: ${shape.key}: API p50 ${result.api.p50.toFixed(1)} / p95 ${result.api.p95.toFixed(1)} ms, direct p50 ${result.direct.p50.toFixed(1)} / p95 ${result.direct.p95.toFixed(1)} ms`);
    }

    // Where the time of routes goes: the observed routes, and the inferred ones, timed apart.
    const routes = new RouteRepository(network.executor, network.registry);
    const noFilter = { species: null, product: null, mode: null, source: null, dateFrom: null, dateTo: null };
    const routeParts: AnalystSizeRun["routeParts"] = [];
    for (const { from, to } of ROUTE_PAIRS) {
      const observedMs: number[] = [];
      const inferredMs: number[] = [];
      for (let index = 0; index < partRuns(size); index++) {
        let started = performance.now();
        const observed = await routes.observed(from, to, StopLevel.COUNTRY, noFilter);
        observedMs.push(performance.now() - started);
        const countries = observed.map((route) => route.stops.map((stop) => stop.country).filter((id): id is string => id !== null).filter((id, i, all) => i === 0 || id !== all[i - 1]));
        started = performance.now();
        await routes.inferred(from, to, noFilter, countries);
        inferredMs.push(performance.now() - started);
      }
      routeParts.push({ key: `${from} → ${to}`, observedMs: summarize(observedMs).p50, inferredMs: summarize(inferredMs).p50, runs: partRuns(size) });
      log(`${size}: routes ${from} → ${to}: observed ${summarize(observedMs).p50.toFixed(1)} ms, inferred ${summarize(inferredMs).p50.toFixed(1)} ms (direct, median of ${partRuns(size)})`);
    }

    log(`${size}: PROFILE of each query`);
    const driver = createDriver({ ...loadConfig().neo4j, connectionTimeoutMs: 60_000, uri: network.database.uri, user: network.database.user, password: network.database.password });
    let profiles;
    try {
      profiles = await profileAnalystQueries(driver, network.database.database, network.registry);
    } finally {
      await driver.close();
    }
    for (const profile of profiles) log(`${size}: ${profile.title}: ${profile.dbHits} db hits, ${profile.rows} rows, ${profile.ms.toFixed(0)} ms profiled`);

    const rings = analyzeRuns > 0 ? await ringsEntry(network, api, plan.routes, { analyzeRuns, log }) : null;
    return { results, routeParts, profiles, rings };
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
