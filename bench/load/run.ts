import "reflect-metadata";

import { execFileSync } from "node:child_process";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { parseArgs } from "node:util";

import { signToken } from "../../src/auth/tokens.js";
import { ConfigError, loadConfig, projectRoot } from "../../src/config.js";
import { CleanUp, runBenchmark } from "../lifecycle.js";
import { processCpuMicros } from "../peer/process-cpu.js";
import { replaceSection } from "../report-section.js";
import { faults, OwnNeo4j, type Fault } from "./faults.js";
import { faultEffect, loadFigures } from "./figures.js";
import { listeningProcess } from "./listening-process.js";
import { startLoad, type Attempt, type ClientGroup, type LoadOptions, type LoadRecord } from "./load-client.js";
import { analystMix, investigatorMix, type Mix } from "./mixes.js";
import { prepareNetwork } from "./network.js";
import { redisServerInstalled, startRedis } from "./redis-server.js";
import { takeReferences } from "./references.js";
import { haproxyInstalled, startReplicaSet, type ReplicaSet } from "./replica-set.js";
import { renderLoadSection, type FaultResult, type LoadRun, type RunResult } from "./report.js";

/**
 * `npm run load`: the API under load from autocannon, with an investigators' and an analysts' mix
 * of requests on a generated network, one API process against two behind HAProxy (same clients,
 * same duration), then three faults under load through the balancer: a replica killed, Redis
 * stopped, Neo4j stopped, each undone while the load goes on. Every answer is checked against a
 * reference taken before the load. Writes bench/results/load.json and .md, and the "Load and
 * faults" section of bench/REPORT.md.
 */

const log = (line: string) => console.error(`[load] ${line}`);
const cleanUp = new CleanUp("load");
const RESULTS_JSON = path.join(projectRoot, "bench", "results", "load.json");
const RESULTS_MD = path.join(projectRoot, "bench", "results", "load.md");
/** Every try of every load (kind, times, outcome; no variables, no answers), for a closer look. */
const ATTEMPTS_JSON = path.join(projectRoot, "bench", "results", "load-attempts.json");
const REPORT = path.join(projectRoot, "bench", "REPORT.md");
/** The longest a fault's load may last: its autocannon duration, ended earlier by the fault's runner. */
const FAULT_CAP_S = 400;
/** After a fault is undone, how long the runner waits at most for the answers to come back. */
const RECOVERY_CAP_MS = 90_000;
/** The answers are back when a window of this length has at least half the rate before the fault. */
const RECOVERY_WINDOW_MS = 4_000;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      shipments: { type: "string", default: "3000" },
      seed: { type: "string", default: "load" },
      connections: { type: "string", default: "30" },
      duration: { type: "string", default: "20" },
      warmup: { type: "string", default: "8" },
      /** The default rate limit (600 a minute per identity) allows 10 a second: 8 stays under it. */
      "connection-rate": { type: "string", default: "8" },
      "fault-at": { type: "string", default: "6" },
      "fault-settle": { type: "string", default: "12" },
      faults: { type: "string", default: "redis,replica,neo4j" },
      /** Settings for every replica, KEY=VALUE, repeated (AUDIT_STORE=neo4j, say). */
      "replica-env": { type: "string", multiple: true, default: [] },
      note: { type: "string" },
      "no-report": { type: "boolean", default: false },
      "render-only": { type: "boolean", default: false },
    },
  });
  if (values["render-only"]) {
    // Rewrites the section from the last run's results, after a change to its wording.
    const run = JSON.parse(await readFile(RESULTS_JSON, "utf8")) as LoadRun;
    await writeResults(run, values["no-report"]!);
    return;
  }
  const number = (name: keyof typeof values, min: number) => {
    const value = Number(values[name]);
    if (!Number.isFinite(value) || value < min) throw new ConfigError(`--${name}: a number of at least ${min} (got ${String(values[name])})`);
    return value;
  };
  const connections = number("connections", 2);
  const durationS = number("duration", 1);
  const warmupS = number("warmup", 0);
  const connectionRate = number("connection-rate", 1);
  const faultAtMs = number("fault-at", 1) * 1000;
  const settleMs = number("fault-settle", 1) * 1000;
  const chosenFaults = values.faults === "none" ? [] : values.faults!.split(",").map((key) => key.trim());
  const replicaEnv = Object.fromEntries(
    values["replica-env"]!.map((pair) => {
      const at = pair.indexOf("=");
      if (at < 1) throw new ConfigError(`--replica-env: KEY=VALUE (got ${pair})`);
      return [pair.slice(0, at), pair.slice(at + 1)];
    }),
  );

  const config = loadConfig();
  if (config.neo4j.uri) throw new ConfigError("the load harness runs its own Neo4j (it stops and starts it): unset NEO4J_URI");
  if (!haproxyInstalled()) throw new ConfigError("the load harness puts HAProxy in front of two API processes: install haproxy (apt-get install haproxy)");
  if (!redisServerInstalled()) throw new ConfigError("the load harness runs a Redis of its own: install redis-server");
  const loadAverageAtStart = os.loadavg();

  const network = await prepareNetwork(config, { seed: values.seed!, shipments: number("shipments", 50), log });
  const neo4j = new OwnNeo4j(network.home, log);
  await neo4j.start();
  cleanUp.add(() => neo4j.stop());
  const redis = await startRedis();
  cleanUp.add(() => redis.stop());
  const database = neo4j.running;
  log("starting two API processes and HAProxy");
  const set = await startReplicaSet({
    replicas: 2,
    neo4j: { uri: database.uri, user: database.user, password: database.password, database: database.database },
    redisUrl: redis.url,
    balancer: true,
    entry: "built",
    env: replicaEnv,
  });
  cleanUp.add(() => set.stop());
  const balancerUrl = set.balancerUrl!;
  log(`replicas at ${set.urls.join(", ")}; HAProxy at ${balancerUrl}; logs in ${set.folder}`);

  const auth = loadConfig({ AUTH_JWT_SECRET: set.env.AUTH_JWT_SECRET, PSEUDONYM_SECRET: set.env.PSEUDONYM_SECRET }).auth;
  const mixes = [await investigatorMix(network), await analystMix(network)];
  const tokens = new Map<Mix, string[]>();
  for (const mix of mixes) {
    tokens.set(
      mix,
      await Promise.all(
        Array.from({ length: connections }, async (_, index) => `Bearer ${await signToken(auth, { subject: `load-${mix.key}-${index + 1}`, role: mix.role })}`),
      ),
    );
  }

  log("reference answers from each replica (one at a time per worker), compared");
  const referencesStart = performance.now();
  const references = await takeReferences(set.urls, mixes, (mix) => tokens.get(mix)![0]!);
  const referencesS = (performance.now() - referencesStart) / 1000;
  log(`${[...references.values()].reduce((sum, answers) => sum + answers.length, 0)} reference answers in ${referencesS.toFixed(0)} s, the same from both replicas`);

  const load = (url: string, groups: ClientGroup[], seconds: number, seed: number): LoadOptions => ({
    url,
    groups,
    durationS: seconds,
    references,
    seed,
    connectionRate,
  });
  const half = Math.floor(connections / 2);
  const bothMixes: ClientGroup[] = [
    { mix: mixes[0]!, authorizations: tokens.get(mixes[0]!)!.slice(0, connections - half) },
    { mix: mixes[1]!, authorizations: tokens.get(mixes[1]!)!.slice(0, half) },
  ];
  if (warmupS > 0) {
    log(`warm-up: ${warmupS} s of both mixes through HAProxy (not measured)`);
    await startLoad(load(balancerUrl, bothMixes, warmupS, 0)).done;
  }

  const runs: RunResult[] = [];
  const attempts: Record<string, Attempt[]> = {};
  // One process and two, alternating which goes first, so neither always runs on the warmer machine.
  const plan = [
    { mix: mixes[0]!, processes: 1 },
    { mix: mixes[0]!, processes: 2 },
    { mix: mixes[1]!, processes: 2 },
    { mix: mixes[1]!, processes: 1 },
  ];
  for (const [index, { mix, processes }] of plan.entries()) {
    const url = processes === 1 ? set.urls[0]! : balancerUrl;
    log(`${mix.key}: ${processes} process${processes === 1 ? "" : "es"}, ${connections} connections, ${durationS} s`);
    const { result, record } = await measuredRun(set, neo4j, load(url, [{ mix, authorizations: tokens.get(mix)! }], durationS, index + 1), {
      mix: mix.key,
      processes,
      via: processes === 1 ? "direct" : "HAProxy",
      connections,
    });
    runs.push(result);
    attempts[`${mix.key}-${processes}`] = record.attempts;
    const { figures } = result;
    log(`  ${figures.throughput.toFixed(1)} answers/s, p50 ${figures.latency.p50.toFixed(0)} ms, p95 ${figures.latency.p95.toFixed(0)} ms, p99 ${figures.latency.p99.toFixed(0)} ms, refusals ${JSON.stringify(figures.refusals)}`);
  }

  const faultResults: FaultResult[] = [];
  for (const fault of faults({ set, redis, neo4j }).filter((entry) => chosenFaults.includes(entry.key))) {
    log(`fault under load: ${fault.title} (${fault.action})`);
    const { result, record } = await faultRun(fault, load(balancerUrl, bothMixes, FAULT_CAP_S, 10 + faultResults.length), { faultAtMs, settleMs, connections });
    faultResults.push(result);
    attempts[`fault-${fault.key}`] = record.attempts;
    const { figures, effect } = result;
    log(`  refusals ${JSON.stringify(figures.refusals)}; first after ${effect.firstRefusal?.afterS.toFixed(1) ?? "-"} s; answers back at ${Number.isFinite(result.times.backS) ? `${result.times.backS.toFixed(1)} s of the load` : "-"}; questions lost ${figures.questions.lost}${result.error ? `; error: ${result.error}` : ""}`);
  }

  const run: LoadRun = {
    date: new Date().toISOString(),
    command: commandLine(process.argv.slice(2)),
    commit: commitOf(projectRoot),
    machine: `${os.cpus()[0]?.model.trim() ?? "unknown"}, ${os.cpus().length} logical CPUs, ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB RAM, Node.js ${process.version}`,
    loadAverage: { start: loadAverageAtStart, end: os.loadavg() },
    network: { seed: values.seed!, shipments: network.load.shipments, nodes: network.load.nodes, relationships: network.load.relationships, loadSeconds: network.load.seconds },
    settings: { connections, durationS, warmupS, connectionRate, faultAtS: faultAtMs / 1000, settleS: settleMs / 1000, replicaEnv },
    mixes: mixes.map((mix) => ({
      key: mix.key,
      role: mix.role,
      kinds: mix.kinds.map((kind) => ({ key: kind.key, weight: kind.weight, variables: kind.variables.length })),
    })),
    referencesS,
    runs,
    faults: faultResults,
    note: values.note,
  };
  await mkdir(path.dirname(ATTEMPTS_JSON), { recursive: true });
  await writeFile(ATTEMPTS_JSON, JSON.stringify(attempts) + "\n");
  await writeResults(run, values["no-report"]!);
}

/** CPU seconds used by each process the API depends on, and by the load client, over one load. */
async function measuredRun(
  set: ReplicaSet,
  neo4j: OwnNeo4j,
  options: LoadOptions,
  what: Omit<RunResult, "figures" | "cpu" | "loadAverage">,
): Promise<{ result: RunResult; record: LoadRecord }> {
  const port = (url: string) => Number(new URL(url).port);
  const pids = {
    neo4j: neo4j.running.pid,
    api: set.urls.map((url) => listeningProcess(port(url))),
    haproxy: listeningProcess(port(set.balancerUrl!)),
  };
  const cpu = (pid: number | undefined) => (pid === undefined ? Number.NaN : processCpuMicros(pid));
  const before = { neo4j: cpu(pids.neo4j), api: pids.api.map(cpu), haproxy: cpu(pids.haproxy) };
  const loadAverageStart = os.loadavg()[0]!;
  const record = await startLoad(options).done;
  const seconds = (after: number, start: number) => (after - start) / 1e6;
  const result: RunResult = {
    ...what,
    figures: loadFigures(record),
    cpu: {
      neo4jS: seconds(cpu(pids.neo4j), before.neo4j),
      apiS: pids.api.map((pid, index) => seconds(cpu(pid), before.api[index]!)),
      haproxyS: seconds(cpu(pids.haproxy), before.haproxy),
      clientS: record.clientCpuS,
    },
    loadAverage: { start: loadAverageStart, end: os.loadavg()[0]! },
  };
  return { result, record };
}

async function faultRun(
  fault: Fault,
  options: LoadOptions,
  plan: { faultAtMs: number; settleMs: number; connections: number },
): Promise<{ result: FaultResult; record: LoadRecord }> {
  const load = startLoad(options);
  const times = { faultAtS: Number.NaN, injectedS: Number.NaN, restoreAtS: Number.NaN, restoredS: Number.NaN, backS: Number.NaN };
  const at = () => load.now() / 1000;
  let error: string | undefined;
  try {
    await sleep(plan.faultAtMs - load.now());
    times.faultAtS = at();
    await fault.inject();
    times.injectedS = at();
    await sleep(fault.downMs);
    times.restoreAtS = at();
    await fault.restore();
    times.restoredS = at();
    // The first second is left out of the rate before the fault: the clients' first answers.
    const before = load.answered(1_000, times.faultAtS * 1000) / (times.faultAtS - 1);
    while (load.now() < times.restoredS * 1000 + RECOVERY_CAP_MS) {
      const now = load.now();
      if (now >= RECOVERY_WINDOW_MS && load.answered(now - RECOVERY_WINDOW_MS, now) / (RECOVERY_WINDOW_MS / 1000) >= before / 2) {
        times.backS = at();
        break;
      }
      await sleep(500);
    }
    await sleep(plan.settleMs);
  } catch (caught) {
    error = caught instanceof Error ? caught.message.split("\n", 1)[0] : String(caught);
  } finally {
    load.stop();
  }
  const record = await load.done;
  const result: FaultResult = {
    key: fault.key,
    title: fault.title,
    action: fault.action,
    connections: plan.connections,
    times,
    figures: loadFigures(record),
    effect: faultEffect(record, times.faultAtS * 1000),
    ...(error === undefined ? {} : { error }),
  };
  return { result, record };
}

/** The command as run, without its note (the report gives the note apart). */
function commandLine(args: string[]): string {
  const kept = args.filter((arg, index) => !arg.startsWith("--note") && args[index - 1] !== "--note");
  return `npm run load${kept.length > 0 ? ` -- ${kept.join(" ")}` : ""}`;
}

/** The checkout's commit, for the report; a copy outside git says so. */
function commitOf(folder: string): string {
  try {
    return execFileSync("git", ["rev-parse", "--short", "HEAD"], { cwd: folder, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim();
  } catch {
    return "a copy outside git";
  }
}

async function writeResults(run: LoadRun, noReport: boolean): Promise<void> {
  const section = renderLoadSection(run);
  await mkdir(path.dirname(RESULTS_JSON), { recursive: true });
  await writeFile(RESULTS_JSON, JSON.stringify(run, null, 2) + "\n");
  await writeFile(RESULTS_MD, section);
  if (!noReport) await replaceSection(REPORT, section);
  log(`wrote ${path.relative(projectRoot, RESULTS_JSON)} and ${path.relative(projectRoot, RESULTS_MD)}${noReport ? "" : ` and the "Load and faults" section of ${path.relative(projectRoot, REPORT)}`}`);
  console.log(section);
}

await runBenchmark("load", main, cleanUp.run);

