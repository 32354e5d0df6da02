import "reflect-metadata";

import { existsSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";

import { loadConfig, projectRoot, type Config } from "../../src/config.js";
import { createDriver } from "../../src/db/driver.js";
import { StopLevel } from "../../src/domain/trade-analysis.js";
import { RouteRepository } from "../../src/repositories/route.repository.js";
import { loadedNetwork, type LoadedNetwork } from "../investigator/dataset.js";
import { CleanUp, runBenchmark } from "../lifecycle.js";
import { compare, summarize, type Comparison } from "../measure.js";
import { measureAsAnalyst, startAnalystApi, warmUpAsAnalyst } from "./api-client.js";
import { replaceSection } from "../report-section.js";
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
  10_000: { routes: { warmup: 20, iterations: 100 }, flows: { warmup: 10, iterations: 50 } },
  100_000: { routes: { warmup: 10, iterations: 50 }, flows: { warmup: 5, iterations: 20 } },
  1_000_000: { routes: { warmup: 3, iterations: 20 }, flows: { warmup: 1, iterations: 6 } },
};
const FALLBACK_PLAN: Plan = { routes: { warmup: 10, iterations: 50 }, flows: { warmup: 5, iterations: 20 } };
/** Runs of each part of `routes` for the observed / inferred split. */
const partRuns = (shipments: number) => (shipments >= 1_000_000 ? 3 : 5);

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
      "load-only": { type: "boolean", default: false },
      "no-report": { type: "boolean", default: false },
      "render-only": { type: "boolean", default: false },
    },
  });
  const sizes = values.sizes!.split(",").map((size) => Number(size.trim()));
  if (sizes.some((size) => !Number.isInteger(size) || size < 50)) throw new Error(`--sizes: whole numbers of shipments, comma-separated (got ${values.sizes})`);

  if (!values["render-only"]) {
    const config = loadConfig();
    for (const shipments of sizes) {
      const base = DEFAULT_PLANS[shipments] ?? FALLBACK_PLAN;
      const override = (part: { warmup: number; iterations: number }) => ({
        warmup: values.warmup === undefined ? part.warmup : Number(values.warmup),
        iterations: values.iterations === undefined ? part.iterations : Number(values.iterations),
      });
      const plan: Plan = { routes: override(base.routes), flows: override(base.flows) };
      const withRings = shipments === RINGS_SIZE && values.rings && !values["no-rings"];
      await measureSize(config, { seed: values.seed!, shipments, plan, withRings, loadOnly: values["load-only"]!, sizes: values.sizes! });
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

async function measureSize(
  config: Config,
  options: { seed: string; shipments: number; plan: Plan; withRings: boolean; loadOnly: boolean; sizes: string },
): Promise<void> {
  const { seed, shipments, plan } = options;
  const loadAverageAtStart = os.loadavg();
  const network = await loadedNetwork(config, { seed, shipments, log });
  const stopDatabase = once(() => network.database.stop());
  cleanUp.add(stopDatabase);
  try {
    if (options.loadOnly) return;
    const run = await measureNetwork(network, plan, options.withRings);
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
  withRings: boolean,
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
      await warmUpAsAnalyst(api, shape, planOf(shape.key).warmup);
    }
    const results: Comparison[] = [];
    for (const shape of shapes) {
      const { warmup, iterations } = planOf(shape.key);
      log(`${size}: ${shape.title}: ${iterations} measured iterations each way, interleaved`);
      const result = compare(shape, await measureAsAnalyst(api, shape, warmup, iterations));
      results.push(result);
      log(`${size}: ${shape.key}: API p50 ${result.api.p50.toFixed(1)} / p95 ${result.api.p95.toFixed(1)} ms, direct p50 ${result.direct.p50.toFixed(1)} / p95 ${result.direct.p95.toFixed(1)} ms`);
    }

    // Where the time of routes goes: the observed routes, and the inferred ones, timed apart.
    const routes = new RouteRepository(network.executor, network.registry);
    const noFilter = { species: null, product: null, mode: null, dateFrom: null, dateTo: null };
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
    const driver = createDriver({ ...loadConfig().neo4j, uri: network.database.uri, user: network.database.user, password: network.database.password });
    let profiles;
    try {
      profiles = await profileAnalystQueries(driver, network.database.database, network.registry);
    } finally {
      await driver.close();
    }
    for (const profile of profiles) log(`${size}: ${profile.title}: ${profile.dbHits} db hits, ${profile.rows} rows, ${profile.ms.toFixed(0)} ms profiled`);

    const rings = withRings ? await ringsEntry(network, api, plan.routes) : null;
    if (withRings && rings === null) log(`${size}: rings: not measured (the analysis module is not in the code base yet)`);
    return { results, routeParts, profiles, rings };
  } finally {
    await closeServer();
  }
}

await runBenchmark("bench:analyst", main, cleanUp.run);
