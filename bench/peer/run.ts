import { execFileSync } from "node:child_process";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";

import { ConfigError, loadConfig, projectRoot } from "../../src/config.js";
import { createDriver } from "../../src/db/driver.js";
import { loadedNetwork } from "../investigator/dataset.js";
import { CleanUp, runBenchmark } from "../lifecycle.js";
import { replaceSection } from "../report-section.js";
import { SYSTEMS, type Targets } from "./ask.js";
import { latency, load, type LatencyPlan, type LoadPlan, type Probes } from "./compare.js";
import { RawCypher } from "./raw-cypher.js";
import { baselineOf, renderPeerSection, type PeerRun, type PeerShapeResult } from "./report.js";
import { peerShapes, type ShapeInputs } from "./shapes.js";
import { startSystemProcess } from "./system-process.js";

/**
 * `npm run bench:peer`: one generated network served by this API, by @neo4j/graphql over the same
 * Neo4j, and asked in hand-written Cypher; the answers checked equal, then latency, requests/s at
 * 8 clients, queries per request and CPU per request compared shape by shape. Writes the "This API
 * beside @neo4j/graphql and raw Cypher" section of bench/REPORT.md and bench/results/peer.json.
 *
 * Settings (environment): PEER_BENCH_ROUNDS (measured rounds per shape, 210), PEER_BENCH_WARMUP
 * (30), PEER_BENCH_CLIENTS (8), PEER_BENCH_LOAD_SECONDS (per system and shape, 6),
 * PEER_BENCH_LOAD_MAX_REQUESTS (per slice, 3000), PEER_BENCH_SHIPMENTS (20000), PEER_BENCH_SEED
 * (peer), PEER_BENCH_REVISION (the code measured, for the report: the git commit by default),
 * PEER_BENCH_BASELINE (an earlier run's results file, whose ratios the report shows beside this
 * run's), PEER_BENCH_SHAPES (comma-separated shape keys; all when unset), PEER_BENCH_RENDER_ONLY
 * (1: rewrite the section from the last results), PEER_BENCH_NO_REPORT (1: leave REPORT.md alone).
 */

const log = (line: string) => console.error(`[bench:peer] ${line}`);
const cleanUp = new CleanUp("bench:peer");
const REPORT_FILE = path.join(projectRoot, "bench", "REPORT.md");
const RESULTS_FILE = path.join(projectRoot, "bench", "results", "peer.json");

interface Plan extends LatencyPlan, LoadPlan {
  shipments: number;
  seed: string;
  shapes: string[] | null;
  baseline: string | null;
  renderOnly: boolean;
  report: boolean;
}

function readPlan(env: NodeJS.ProcessEnv): Plan {
  const whole = (name: string, fallback: number, min: number, max: number): number => {
    const text = env[name]?.trim();
    if (!text) return fallback;
    const value = Number(text);
    if (!Number.isInteger(value) || value < min || value > max) throw new ConfigError(`${name} must be a whole number from ${min} to ${max}`);
    return value;
  };
  const shapes = env.PEER_BENCH_SHAPES?.trim();
  return {
    rounds: whole("PEER_BENCH_ROUNDS", 210, 1, 100_000),
    warmup: whole("PEER_BENCH_WARMUP", 30, 2, 100_000),
    clients: whole("PEER_BENCH_CLIENTS", 8, 1, 64),
    seconds: whole("PEER_BENCH_LOAD_SECONDS", 6, 1, 600),
    maxRequests: whole("PEER_BENCH_LOAD_MAX_REQUESTS", 3_000, 1, 1_000_000),
    shipments: whole("PEER_BENCH_SHIPMENTS", 20_000, 100, 1_000_000),
    seed: env.PEER_BENCH_SEED?.trim() || "peer",
    shapes: shapes ? shapes.split(",").map((key) => key.trim()) : null,
    baseline: env.PEER_BENCH_BASELINE?.trim() || null,
    renderOnly: env.PEER_BENCH_RENDER_ONLY === "1",
    report: env.PEER_BENCH_NO_REPORT !== "1",
  };
}

async function main(): Promise<void> {
  const plan = readPlan(process.env);
  const baseline = plan.baseline === null ? undefined : baselineOf(JSON.parse(await readFile(path.resolve(plan.baseline), "utf8")) as PeerRun);
  if (plan.renderOnly) {
    const run = JSON.parse(await readFile(RESULTS_FILE, "utf8")) as PeerRun;
    if (baseline) {
      run.baseline = baseline;
      await writeFile(RESULTS_FILE, JSON.stringify(run, null, 2) + "\n");
    }
    await replaceSection(REPORT_FILE, renderPeerSection(run));
    return;
  }
  const config = loadConfig();
  const loadAverageAtStart = os.loadavg();

  const network = await loadedNetwork(config, { seed: plan.seed, shipments: plan.shipments, log });
  cleanUp.add(() => network.database.stop());
  const neo4jPid = "pid" in network.database && typeof network.database.pid === "number" ? network.database.pid : undefined;
  if (neo4jPid === undefined) throw new ConfigError("the benchmark reads Neo4j's CPU from its process: it needs the embedded Neo4j");
  const { uri, user, password, database } = network.database;
  const connection = { uri, user, password, database };

  const driver = createDriver({ ...connection, connectionTimeoutMs: config.neo4j.connectionTimeoutMs });
  cleanUp.add(() => driver.close());
  const raw = await RawCypher.load(driver, database);
  const [inputs] = (await raw.run("inputs", {})) as ShapeInputs[];
  const shapes = peerShapes(inputs!).filter((shape) => plan.shapes === null || plan.shapes.includes(shape.key));
  if (shapes.length === 0) throw new ConfigError(`PEER_BENCH_SHAPES names no shape; the keys are ${peerShapes(inputs!).map((shape) => shape.key).join(", ")}`);

  const api = await startSystemProcess("api", connection);
  cleanUp.add(() => api.stop());
  const peer = await startSystemProcess("peer", connection);
  cleanUp.add(() => peer.stop());
  log(`this API at ${api.url} (pid ${api.pid}), @neo4j/graphql at ${peer.url} (pid ${peer.pid}), Neo4j pid ${neo4jPid}`);

  const targets: Targets = { api: { url: api.url, headers: api.headers }, peer: { url: peer.url, headers: peer.headers }, raw };
  const probes: Probes = {
    api: { read: api.stats },
    peer: { read: peer.stats },
    raw: {
      read: async () => {
        const cpu = process.cpuUsage();
        return { queries: raw.queries, cpuMicros: cpu.user + cpu.system };
      },
    },
  };

  const results: PeerShapeResult[] = [];
  for (const shape of shapes) {
    log(`${shape.title}: ${plan.warmup} + ${plan.rounds} rounds, answers compared every round`);
    const measured = await latency(targets, probes, shape, plan);
    const { api: a, peer: p, raw: r } = measured.summary;
    log(`  p50 ms: this API ${a.p50.toFixed(2)}, peer ${p.p50.toFixed(2)}, raw ${r.p50.toFixed(2)}; queries ${SYSTEMS.map((system) => measured.queries[system].measuredMean.toFixed(1)).join(" / ")}`);
    log(`${shape.title}: ${plan.clients} clients, ${plan.seconds} s per system`);
    const loaded = await load(targets, probes, neo4jPid, shape, plan, plan.warmup + plan.rounds);
    log(`  requests/s: ${SYSTEMS.map((system) => `${system} ${loaded[system].requestsPerSecond.toFixed(0)}`).join(", ")}`);
    const { samples: _samples, ...kept } = measured;
    results.push({
      key: shape.key,
      title: shape.title,
      mapping: shape.mapping,
      inputs: shape.inputs,
      documents: { api: shape.api.document, peer: shape.peer.document, raw: `bench/peer/cypher/${shape.raw.file}.cypher` },
      latency: kept,
      load: loaded,
    });
  }

  const run: PeerRun = {
    date: new Date().toISOString(),
    command: commandLine(plan),
    revision: process.env.PEER_BENCH_REVISION?.trim() || gitRevision(),
    machine: `${os.cpus()[0]?.model.trim() ?? "unknown"}, ${os.cpus().length} logical CPUs, ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB RAM, Node.js ${process.version}`,
    load: `${loadAverageAtStart.map((value) => value.toFixed(2)).join(" / ")} at start, ${os.loadavg().map((value) => value.toFixed(2)).join(" / ")} at end`,
    network: network.load,
    plan: { warmup: plan.warmup, rounds: plan.rounds, clients: plan.clients, seconds: plan.seconds, maxRequests: plan.maxRequests },
    shapes: results,
    ...(baseline ? { baseline } : {}),
  };
  // A run of some shapes only is kept apart, and leaves the report alone.
  const whole = plan.shapes === null;
  const resultsFile = whole ? RESULTS_FILE : RESULTS_FILE.replace(/\.json$/, `-${plan.shapes!.join("-")}.json`);
  await mkdir(path.dirname(resultsFile), { recursive: true });
  await writeFile(resultsFile, JSON.stringify(run, null, 2) + "\n");
  const section = renderPeerSection(run);
  if (plan.report && whole) await replaceSection(REPORT_FILE, section);
  console.log(section);
}

/** The commit the API was built from, marked when the API's own files differ from it. */
function gitRevision(): string {
  try {
    const git = (...args: string[]) => execFileSync("git", args, { cwd: projectRoot, encoding: "utf8" }).trim();
    const changed = git("status", "--porcelain", "--", "src", "cypher", "schema") !== "";
    return `${git("rev-parse", "--short", "HEAD")}${changed ? " with uncommitted changes to src/, cypher/ or schema/" : ""}`;
  } catch {
    return "unknown";
  }
}

/** The command that repeats this run, with the settings that differ from the defaults. */
function commandLine(plan: Plan): string {
  const defaults = readPlan({});
  const settings = [
    plan.rounds !== defaults.rounds && `PEER_BENCH_ROUNDS=${plan.rounds}`,
    plan.warmup !== defaults.warmup && `PEER_BENCH_WARMUP=${plan.warmup}`,
    plan.clients !== defaults.clients && `PEER_BENCH_CLIENTS=${plan.clients}`,
    plan.seconds !== defaults.seconds && `PEER_BENCH_LOAD_SECONDS=${plan.seconds}`,
    plan.maxRequests !== defaults.maxRequests && `PEER_BENCH_LOAD_MAX_REQUESTS=${plan.maxRequests}`,
    plan.shipments !== defaults.shipments && `PEER_BENCH_SHIPMENTS=${plan.shipments}`,
    plan.seed !== defaults.seed && `PEER_BENCH_SEED=${plan.seed}`,
  ].filter(Boolean);
  return [...settings, "npm run bench:peer"].join(" ");
}

await runBenchmark("bench:peer", main, cleanUp.run);
