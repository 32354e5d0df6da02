import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { freePort } from "../../bench/load/free-port.js";
import { projectRoot } from "../../src/config.js";
import { restartDelayMs } from "../../src/db/neo4j-supervisor.js";

/**
 * `npm start`'s entry file (src/index.ts, run from its sources) in a process group of its own, with
 * an embedded Neo4j in a data folder of this file's own (not the run's shared one) and no demo.
 * Its JVM is killed with SIGKILL: queries get DATABASE_UNAVAILABLE, the log names the exit, and
 * the API is ready again by itself. Then Ctrl-C (SIGINT to the whole group, the JVM included)
 * stops everything without a restart.
 */
const REGISTER = `data:text/javascript,import{register}from"node:module";register(${JSON.stringify(
  pathToFileURL(path.join(projectRoot, "test", "helpers", "ts-hooks.mjs")).href,
)});`;

/** Starting the API from its sources and a JVM on a busy machine; idle, it takes about 20 s. */
const START_MS = 150_000;
/** The JVM started again: the first restart waits 0.5 s (set below), then a JVM start. */
const RECOVER_MS = 90_000;

let dataDir: string;
let server: ChildProcess | undefined;
let origin: string;
const messages: string[] = [];
let token = "";

const running = () => server !== undefined && server.exitCode === null && server.signalCode === null;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The environment of a user's shell: no database, token or origin settings of the test run. */
function userEnvironment(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(process.env)) {
    if (/^(NEO4J_|AUTH_|CORS_|PUBLIC_|PSEUDONYM_|AUDIT_|REDIS_|VITEST|npm_)/.test(name) || ["PORT", "HOST", "NODE_ENV", "SEED_DEMO"].includes(name)) continue;
    env[name] = value;
  }
  return { ...env, ...extra };
}

const QUERY = `{ seizure(id: "supervision-no-such-seizure") { id } }`;

async function post(): Promise<{ data?: unknown; errors?: { message: string; extensions?: { code?: string } }[] }> {
  const response = await fetch(`${origin}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
    body: JSON.stringify({ query: QUERY }),
  });
  return (await response.json()) as { data?: unknown; errors?: { message: string; extensions?: { code?: string } }[] };
}

const readyStatus = () => fetch(`${origin}/ready`).then((response) => response.status, () => 0);

/** Polls until `/ready` answers 200, every 250 ms, for `withinMs` at most; the time it took, or null. */
async function waitUntilReady(withinMs: number): Promise<number | null> {
  const began = performance.now();
  while (performance.now() - began < withinMs && running()) {
    if ((await readyStatus()) === 200) return performance.now() - began;
    await sleep(250);
  }
  return null;
}

/** The pid of the watched JVM the log names last ("process N"). */
function lastWatchedPid(): number | undefined {
  const named = messages.filter((message) => /^(watching the embedded Neo4j|the embedded Neo4j runs again) \(process \d+/.test(message));
  const match = /\(process (\d+)/.exec(named.at(-1) ?? "");
  return match ? Number(match[1]) : undefined;
}

/** What /proc says of a process: its parent and its command line, or null when it is gone. */
function processInfo(pid: number): { parent: number; commandLine: string } | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // The command name (field 2) may hold spaces; the fields after its closing parenthesis do not.
    const parent = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
    const commandLine = readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0").join(" ");
    return { parent, commandLine };
  } catch {
    return null;
  }
}

describe("restart delays", () => {
  it("double from the first delay up to the largest", () => {
    const settings = { attempts: 6, firstDelayMs: 1_000, maxDelayMs: 10_000 };
    expect([1, 2, 3, 4, 5, 6].map((attempt) => restartDelayMs(attempt, settings))).toEqual([1_000, 2_000, 4_000, 8_000, 10_000, 10_000]);
  });
});

describe("npm start, its embedded Neo4j killed with SIGKILL", { timeout: 180_000 }, () => {
  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), "database-supervision-"));
    const port = await freePort();
    origin = `http://127.0.0.1:${port}`;
    server = spawn(process.execPath, ["--import", REGISTER, path.join(projectRoot, "src", "index.ts")], {
      cwd: projectRoot,
      // A process group of its own, so that the test can send Ctrl-C's SIGINT to it as a terminal does.
      detached: true,
      env: userEnvironment({
        PORT: String(port),
        SEED_DEMO: "false",
        NEO4J_DATA_DIR: path.join(dataDir, "neo4j"),
        AUDIT_LOG_PATH: path.join(dataDir, "audit", "audit.jsonl"),
        NEO4J_RESTART_DELAY_MS: "500",
      }),
      stdio: ["ignore", "pipe", "pipe"],
    });
    let buffered = "";
    const onData = (chunk: Buffer) => {
      buffered += chunk.toString("utf8");
      const lines = buffered.split("\n");
      buffered = lines.pop() ?? "";
      for (const line of lines) {
        try {
          messages.push(String((JSON.parse(line) as { msg?: unknown }).msg ?? line));
        } catch {
          messages.push(line);
        }
      }
    };
    server.stdout!.on("data", onData);
    server.stderr!.on("data", onData);
    const took = await waitUntilReady(START_MS);
    if (took === null) throw new Error(`not ready in ${START_MS / 1000} s:\n${messages.slice(-20).join("\n")}`);
    token = /: (eyJ[\w.-]+)$/.exec(messages.find((message) => message.includes("development token")) ?? "")?.[1] ?? "";
    expect(token, "a development token in the log").not.toBe("");
  }, START_MS + 30_000);

  afterAll(async () => {
    if (running()) {
      const exited = new Promise((resolve) => server!.once("exit", resolve));
      process.kill(-server!.pid!, "SIGKILL");
      await exited;
    }
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  }, 60_000);

  it("answers DATABASE_UNAVAILABLE, logs the exit, starts the JVM again and is ready again by itself", async () => {
    expect(await post()).toEqual({ data: { seizure: null } });
    const killed = lastWatchedPid();
    expect(killed, "the log names the JVM it watches").toBeDefined();
    const info = processInfo(killed!);
    expect(info?.parent, "the JVM is a child of the API").toBe(server!.pid);
    expect(info?.commandLine).toContain(" Launcher ");

    process.kill(killed!, "SIGKILL");
    // The driver notices the closed connections at once; the next query fails fast.
    await sleep(200);
    const down = await post();
    expect(down.errors?.map((error) => error.extensions?.code)).toEqual(["DATABASE_UNAVAILABLE"]);
    expect(await readyStatus()).toBe(503);

    const took = await waitUntilReady(RECOVER_MS);
    expect(took, `ready again within ${RECOVER_MS / 1000} s:\n${messages.slice(-10).join("\n")}`).not.toBeNull();
    console.log(`ready again ${((took ?? 0) / 1000).toFixed(1)} s after the kill was seen`);
    expect(await post()).toEqual({ data: { seizure: null } });

    expect(messages).toContain(`the embedded Neo4j (process ${killed}) ended unexpectedly (signal SIGKILL); starting it again on the same data folder`);
    // Bolt answers a moment before the launcher says READY, and the API logs the restart after that.
    for (let waited = 0; lastWatchedPid() === killed && waited < 30_000; waited += 250) await sleep(250);
    const restarted = lastWatchedPid();
    expect(restarted).not.toBe(killed);
    expect(processInfo(restarted!)?.parent, "the new JVM is a child of the API").toBe(server!.pid);
    expect(messages).toContain(`the embedded Neo4j runs again (process ${restarted}, restart 1 of 5)`);
  });

  it("stops without a restart on Ctrl-C, which the JVM gets too", async () => {
    const jvm = lastWatchedPid()!;
    const exited = new Promise<number | null>((resolve) => server!.once("exit", (code) => resolve(code)));
    const before = messages.length;
    process.kill(-server!.pid!, "SIGINT");
    const code = await Promise.race([exited, sleep(60_000).then(() => "still running")]);
    expect(code).toBe(0);
    const after = messages.slice(before);
    expect(after.filter((message) => message.startsWith("SIGINT: draining")), "the drain is logged").toHaveLength(1);
    expect(after.filter((message) => /ended unexpectedly|restart \d+ of/.test(message))).toEqual([]);
    expect(processInfo(jvm), "the JVM is gone").toBeNull();
  });
});
