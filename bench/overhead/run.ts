import { execFile, fork, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir, readFile, rm, symlink, writeFile } from "node:fs/promises";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs, promisify } from "node:util";

import { newApiKey } from "../../src/auth/api-keys.js";
import { Role } from "../../src/auth/role.js";
import { loadConfig, projectRoot } from "../../src/config.js";
import { CypherExecutor } from "../../src/db/cypher-executor.js";
import { CypherRegistry } from "../../src/db/cypher-registry.js";
import { createDriver } from "../../src/db/driver.js";
import { provideNeo4j } from "../../src/db/neo4j-harness.js";
import { ApiKeyRepository } from "../../src/repositories/api-key.repository.js";
import { CleanUp, runBenchmark } from "../lifecycle.js";
import { percentile } from "../measure.js";
import { replaceSection } from "../report-section.js";
import { summariseProfile, type CpuProfile } from "./profile-summary.js";
import { renderOverheadSection, type OverheadResults, type Repetition, type ServerResult } from "./report.js";
import type { ChildMessage, ParentMessage, ServeSpec } from "./serve.js";
import { BASELINE_VARIANTS, VARIANTS, variantNamed, type Variant } from "./variants.js";

/**
 * `node dist/bench/overhead/run.js [--baseline <git revision>] [--profile <server>]`: the fixed cost
 * of a request, `{ __typename }` over loopback HTTP, through the API as in production, through the
 * API with one stage at a time switched off, and through a bare Apollo Server with the same schema
 * (the floor). With `--baseline`, the same servers also run from that commit's code, side by side.
 * With `--profile`, that server's CPU is profiled during the last repetition and summarised (the
 * profiler slows it, so the report is not written then).
 */

const USAGE = `Usage: node dist/bench/overhead/run.js [options]
  --baseline REV            also run the servers from the code of git revision REV (built into a temporary folder)
  --variants a,b            the servers to run (default: all: ${VARIANTS.map((variant) => variant.name).join(", ")})
  --baseline-variants a,b   those run from the baseline (default: ${BASELINE_VARIANTS.join(", ")})
  --rounds N                measured rounds per repetition (default 2000)
  --warmup N                warm-up rounds before each repetition (default 300)
  --repeats N               repetitions (default 3)
  --profile LABEL           profile one server (e.g. api, before:api) in the last repetition; no report is written
  --no-report               do not write bench/REPORT.md
  --render                  only write the report's section again from the last run's figures (bench/results/overhead.json)`;

const QUERY_BODY = JSON.stringify({ query: "{ __typename }" });
const EXPECTED = JSON.stringify({ data: { __typename: "Query" } });
const REPORT_FILE = path.join(projectRoot, "bench", "REPORT.md");
const RESULTS_FILE = path.join(projectRoot, "bench", "results", "overhead.json");
const SERVE_FILE = path.join(path.dirname(fileURLToPath(import.meta.url)), "serve.js");
/** This checkout's compiled code: the `dist/` folder this file was compiled into. */
const THIS_CODE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");

const execFileAsync = promisify(execFile);
const log = (line: string) => console.error(`[overhead] ${line}`);
const cleanUp = new CleanUp("overhead");

interface Server {
  label: string;
  variant: Variant;
  code: "after" | "before";
  child: ChildProcess;
  url: URL;
  authorization: string;
  agent: http.Agent;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      baseline: { type: "string" },
      variants: { type: "string" },
      "baseline-variants": { type: "string" },
      rounds: { type: "string", default: "2000" },
      warmup: { type: "string", default: "300" },
      repeats: { type: "string", default: "3" },
      profile: { type: "string" },
      "no-report": { type: "boolean", default: false },
      render: { type: "boolean", default: false },
      help: { type: "boolean", default: false },
    },
  });
  if (values.help) return console.log(USAGE);
  if (values.render) {
    const results = JSON.parse(await readFile(RESULTS_FILE, "utf8")) as OverheadResults;
    await replaceSection(REPORT_FILE, renderOverheadSection(results));
    return log(`wrote the section of ${path.relative(projectRoot, REPORT_FILE)} from ${path.relative(projectRoot, RESULTS_FILE)}`);
  }
  const plan = { warmup: count(values.warmup, "--warmup"), rounds: count(values.rounds, "--rounds"), repeats: count(values.repeats, "--repeats") };
  const names = (list: string | undefined, fallback: string[]) => (list === undefined ? fallback : list.split(",").map((name) => name.trim()));
  const variants = names(values.variants, VARIANTS.map((variant) => variant.name)).map(variantNamed);
  const baselineVariants = values.baseline === undefined ? [] : names(values["baseline-variants"], BASELINE_VARIANTS).map(variantNamed);
  const loadAverageAtStart = os.loadavg();

  const baseline = values.baseline === undefined ? undefined : await prepareBaseline(values.baseline);

  // Only the api-key servers read Neo4j (a key's record, kept 30 s in memory); the others need an executor that connects.
  const config = loadConfig();
  const database = await provideNeo4j(config.neo4j, { log });
  cleanUp.add(() => database.stop());
  const driver = createDriver({ ...config.neo4j, uri: database.uri, user: database.user, password: database.password });
  cleanUp.add(() => driver.close());
  const executor = new CypherExecutor(driver, { database: database.database, timeoutMs: config.neo4j.queryTimeoutMs });
  const { key, id, hash } = newApiKey();
  await new ApiKeyRepository(executor, await CypherRegistry.load()).create({ id, hash, role: Role.ADMIN, origins: [], name: "overhead benchmark" });

  const specOf = (variant: Variant, codeRoot: string): ServeSpec => ({
    variant: variant.name,
    codeRoot,
    neo4j: { uri: database.uri, user: database.user, password: database.password, database: database.database },
    apiKey: key,
  });
  const servers: Server[] = [];
  for (const variant of variants) servers.push(await startChild(variant.name, variant, "after", specOf(variant, THIS_CODE)));
  for (const variant of baselineVariants) servers.push(await startChild(`before:${variant.name}`, variant, "before", specOf(variant, baseline!.codeRoot)));
  const profiled = values.profile === undefined ? undefined : servers.find((server) => server.label === values.profile);
  if (values.profile !== undefined && !profiled) throw new Error(`--profile ${values.profile}: no such server (${servers.map((server) => server.label).join(", ")})`);
  log(`servers: ${servers.map((server) => `${server.label} ${server.url.host}`).join(", ")}`);

  const repetitions = servers.map((): Repetition[] => []);
  for (let repeat = 0; repeat < plan.repeats; repeat++) {
    log(`repetition ${repeat + 1} of ${plan.repeats}: ${plan.warmup} warm-up rounds, ${plan.rounds} measured rounds over ${servers.length} servers`);
    await rounds(servers, plan.warmup);
    const profiling = profiled !== undefined && repeat === plan.repeats - 1;
    if (profiling) tell(profiled.child, { kind: "profile-start" });
    const cpuBefore = await Promise.all(servers.map(cpuOf));
    const samples = await rounds(servers, plan.rounds);
    const cpuAfter = await Promise.all(servers.map(cpuOf));
    servers.forEach((_, index) => {
      const sorted = [...samples[index]!].sort((a, b) => a - b);
      repetitions[index]!.push({
        p50: percentile(sorted, 50),
        p95: percentile(sorted, 95),
        mean: sorted.reduce((sum, value) => sum + value, 0) / sorted.length,
        cpu: (cpuAfter[index]!.total - cpuBefore[index]!.total) / plan.rounds,
        system: (cpuAfter[index]!.system - cpuBefore[index]!.system) / plan.rounds,
      });
    });
    if (profiling) {
      const file = path.join(os.tmpdir(), `overhead-${profiled.label.replace(/[^a-z0-9-]/gi, "_")}.cpuprofile`);
      tell(profiled.child, { kind: "profile-stop", file });
      await reply(profiled.child, "profiled");
      const profile = JSON.parse(await readFile(file, "utf8")) as CpuProfile;
      console.log(`CPU profile of ${profiled.label} over ${plan.rounds} requests (${file}):`);
      console.log(summariseProfile(profile, 40, /dist\/src\/|@apollo|jose|graphql |crypto|fs|http_server|_http_outgoing/));
    }
    for (const [index, server] of servers.entries()) {
      const last = repetitions[index]!.at(-1)!;
      log(`  ${server.label.padEnd(22)} p50 ${last.p50.toFixed(3)} ms  mean ${last.mean.toFixed(3)} ms  cpu ${last.cpu.toFixed(3)} ms/request (system ${last.system.toFixed(3)})`);
    }
  }

  const head = (await execFileAsync("git", ["rev-parse", "--short=12", "HEAD"], { cwd: projectRoot })).stdout.trim();
  const dirty = (await execFileAsync("git", ["status", "--porcelain", "--untracked-files=no", "--", "src"], { cwd: projectRoot })).stdout.trim() !== "";
  const results: OverheadResults = {
    date: new Date().toISOString(),
    command: `node dist/bench/overhead/run.js${values.baseline ? ` --baseline ${values.baseline}` : ""}`,
    machine: { cpuModel: os.cpus()[0]?.model.trim() ?? "unknown", cpuCount: os.cpus().length, loadAverageAtStart, loadAverageAtEnd: os.loadavg() },
    node: process.version,
    after: `${head}${dirty ? " with uncommitted changes under src/" : ""}`,
    before: baseline?.commit.slice(0, 12) ?? null,
    plan,
    servers: servers.map((server, index): ServerResult => ({ label: server.label, variant: server.variant.name, code: server.code, repetitions: repetitions[index]! })),
  };
  await mkdir(path.dirname(RESULTS_FILE), { recursive: true });
  await writeFile(RESULTS_FILE, JSON.stringify(results, null, 2) + "\n");
  const section = renderOverheadSection(results);
  console.log(section);
  if (profiled || values["no-report"]) {
    log(`report not written${profiled ? " (a profiled run)" : ""}; figures in ${path.relative(projectRoot, RESULTS_FILE)}`);
    return;
  }
  await replaceSection(REPORT_FILE, section);
  log(`wrote the section "${section.split("\n", 1)[0]}" of ${path.relative(projectRoot, REPORT_FILE)}`);
}

/** Sends `count` rounds of one request to each server, the order rotating by one each round; the wall times per server. */
async function rounds(servers: Server[], count: number): Promise<number[][]> {
  const samples = servers.map((): number[] => []);
  for (let round = 0; round < count; round++) {
    for (let step = 0; step < servers.length; step++) {
      const index = (round + step) % servers.length;
      samples[index]!.push(await post(servers[index]!));
    }
  }
  return samples;
}

/** One `{ __typename }` POST; its wall time in ms. Anything but the expected answer stops the run. */
function post(server: Server): Promise<number> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const request = http.request(
      {
        agent: server.agent,
        host: server.url.hostname,
        port: server.url.port,
        path: server.url.pathname,
        method: "POST",
        headers: { "content-type": "application/json", authorization: server.authorization, "content-length": Buffer.byteLength(QUERY_BODY) },
      },
      (response) => {
        let body = "";
        response.setEncoding("utf8");
        response.on("data", (chunk: string) => (body += chunk));
        response.on("end", () => {
          const elapsed = performance.now() - started;
          if (response.statusCode === 200 && body.trim() === EXPECTED) resolve(elapsed);
          else reject(new Error(`${server.label} answered HTTP ${response.statusCode}: ${body.slice(0, 500)}`));
        });
      },
    );
    request.on("error", reject);
    request.end(QUERY_BODY);
  });
}

async function startChild(label: string, variant: Variant, code: Server["code"], spec: ServeSpec): Promise<Server> {
  const child = fork(SERVE_FILE, [JSON.stringify(spec)], { stdio: ["ignore", "inherit", "inherit", "ipc"] });
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  cleanUp.add(async () => {
    agent.destroy();
    if (child.exitCode !== null || !child.connected) return;
    const exited = new Promise((resolve) => child.once("exit", resolve));
    tell(child, { kind: "stop" });
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 10_000))]);
    if (child.exitCode === null) child.kill();
  });
  const ready = await reply(child, "ready");
  return { label, variant, code, child, url: new URL(ready.url), authorization: ready.authorization, agent };
}

function tell(child: ChildProcess, message: ParentMessage): void {
  child.send(message);
}

/** The child's next message of that kind; fails if the child exits first. */
function reply<K extends ChildMessage["kind"]>(child: ChildProcess, kind: K): Promise<Extract<ChildMessage, { kind: K }>> {
  return new Promise((resolve, reject) => {
    const onMessage = (message: ChildMessage) => {
      if (message.kind !== kind) return;
      child.off("message", onMessage);
      child.off("exit", onExit);
      resolve(message as Extract<ChildMessage, { kind: K }>);
    };
    const onExit = (status: number | null) => reject(new Error(`a server process exited (status ${status}) before it answered "${kind}"`));
    child.on("message", onMessage);
    child.once("exit", onExit);
  });
}

/** The server process's CPU time so far, in ms: user and system, and system alone (the kernel's work for it: sockets, files). */
async function cpuOf(server: Server): Promise<{ total: number; system: number }> {
  const answer = reply(server.child, "cpu");
  tell(server.child, { kind: "cpu" });
  const { user, system } = await answer;
  return { total: (user + system) / 1000, system: system / 1000 };
}

/**
 * The code of a git revision, compiled into a temporary folder (kept for later runs) that uses this
 * checkout's node_modules: `git archive | tar -x`, then `tsc -p tsconfig.build.json`.
 */
async function prepareBaseline(revision: string): Promise<{ codeRoot: string; commit: string }> {
  const commit = (await execFileAsync("git", ["rev-parse", "--verify", `${revision}^{commit}`], { cwd: projectRoot })).stdout.trim();
  const folder = path.join(os.tmpdir(), `overhead-baseline-${commit.slice(0, 12)}`);
  const marker = path.join(folder, ".built");
  if (!existsSync(marker)) {
    log(`building the baseline ${commit.slice(0, 12)} in ${folder}`);
    await rm(folder, { recursive: true, force: true });
    await mkdir(folder, { recursive: true });
    await execFileAsync("sh", ["-c", `git archive ${commit} | tar -x -C "$1"`, "sh", folder], { cwd: projectRoot });
    await symlink(path.join(projectRoot, "node_modules"), path.join(folder, "node_modules"));
    const tsc = path.join(projectRoot, "node_modules", "typescript", "bin", "tsc");
    // Type errors (of an old commit against today's packages) do not stop tsc from writing JavaScript.
    await execFileAsync(process.execPath, [tsc, "-p", "tsconfig.build.json"], { cwd: folder }).catch((error: unknown) => {
      if (!existsSync(path.join(folder, "dist", "src", "server.js"))) throw error;
    });
    await writeFile(marker, `${commit}\n`);
  }
  return { codeRoot: path.join(folder, "dist"), commit };
}

function count(value: string | undefined, name: string): number {
  const number = Number(value);
  if (!Number.isInteger(number) || number < 1) throw new Error(`${name} must be a whole number of at least 1\n${USAGE}`);
  return number;
}

await runBenchmark("overhead", main, cleanUp.run);
