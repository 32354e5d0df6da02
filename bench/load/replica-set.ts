import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";

import { projectRoot } from "../../src/config.js";
import { freePort } from "./free-port.js";
import { spawnTied, type TiedProcess } from "./tied-process.js";

export interface ReplicaSetOptions {
  replicas: number;
  neo4j: { uri: string; user: string; password: string; database?: string };
  /** REDIS_URL of every replica: the rate limit (and what else Redis shares) is then one for all. */
  redisUrl?: string;
  /** Extra settings for every replica (they win over the launcher's own). */
  env?: Record<string, string>;
  /** HAProxy in front, if installed (`haproxyInstalled()`); else `balancerUrl` is undefined. */
  balancer?: boolean;
  /** src/index.ts run from its sources (the default: no build needed), or dist/src/index.js. */
  entry?: "source" | "built";
  /** How long a replica (and the balancer) may take to be ready; default 180 s (a busy machine). */
  readyTimeoutMs?: number;
}

export interface ReplicaSet {
  /** Each replica's /graphql. */
  urls: string[];
  /** The balancer's /graphql, or undefined without one. */
  balancerUrl: string | undefined;
  /**
   * The settings every replica got, the launcher's defaults included: AUTH_JWT_SECRET (to sign
   * tokens the replicas accept), PSEUDONYM_SECRET, REDIS_URL, NEO4J_*.
   */
  env: Readonly<Record<string, string>>;
  /** The folder of the replicas' logs (`replica-<i>.log`, `haproxy.log`) and audit trails. */
  folder: string;
  /** Ends one replica (SIGTERM by default; SIGKILL as a crash does) and waits until it is gone. */
  kill(index: number, signal?: NodeJS.Signals): Promise<void>;
  /** Starts (again) a replica that is down, on its port, and waits until it is ready. */
  start(index: number): Promise<void>;
  /** Whether the replica (the one last started) runs: false once it has ended, or has been told to stop by `kill`. */
  running(index: number): boolean;
  /** The last lines of a replica's log, to show when a test fails. */
  logTail(index: number, lines?: number): Promise<string>;
  /** Stops every replica and the balancer. */
  stop(): Promise<void>;
}

const REGISTER_HOOKS = `data:text/javascript,import{register}from"node:module";register(${JSON.stringify(
  pathToFileURL(path.join(projectRoot, "test", "helpers", "ts-hooks.mjs")).href,
)});`;

/** Settings of the starter's environment that would change what a replica does, left out. */
const NOT_INHERITED = /^(NEO4J_|AUTH_|CORS_|PUBLIC_|PSEUDONYM_|AUDIT_|REDIS_|RATE_LIMIT|VITEST|npm_)|^(PORT|HOST|NODE_ENV|SEED_DEMO)$/;

/** Whether `haproxy` can be run here. */
export function haproxyInstalled(): boolean {
  return spawnSync("haproxy", ["-v"], { stdio: "ignore" }).status === 0;
}

/**
 * Several API processes over one Neo4j (and one Redis), each on a free loopback port, each
 * logging to a file under a temp folder, with HAProxy in front if asked for. Replicas skip the
 * demo (SEED_DEMO=false: the database is the caller's) and get the same token and pseudonym
 * secrets, random unless `env` gives them. Each keeps its own audit trail file unless `env`
 * says otherwise. Everything started ends with `stop`, and with the starter's process anyway.
 */
export async function startReplicaSet(options: ReplicaSetOptions): Promise<ReplicaSet> {
  const folder = await mkdtemp(path.join(tmpdir(), "replicas-"));
  const readyTimeoutMs = options.readyTimeoutMs ?? 180_000;
  const env: Record<string, string> = {
    HOST: "127.0.0.1",
    SEED_DEMO: "false",
    NEO4J_URI: options.neo4j.uri,
    NEO4J_USER: options.neo4j.user,
    NEO4J_PASSWORD: options.neo4j.password,
    NEO4J_DATABASE: options.neo4j.database ?? "neo4j",
    AUTH_JWT_SECRET: randomBytes(32).toString("hex"),
    PSEUDONYM_SECRET: randomBytes(32).toString("hex"),
    ...(options.redisUrl === undefined ? {} : { REDIS_URL: options.redisUrl }),
    ...options.env,
  };
  const inherited = Object.fromEntries(Object.entries(process.env).filter(([name]) => !NOT_INHERITED.test(name)));
  const command =
    options.entry === "built"
      ? ["--enable-source-maps", path.join(projectRoot, "dist", "src", "index.js")]
      : ["--enable-source-maps", "--import", REGISTER_HOOKS, path.join(projectRoot, "src", "index.ts")];

  const ports = await Promise.all(Array.from({ length: options.replicas }, () => freePort()));
  const processes: (TiedProcess | undefined)[] = ports.map(() => undefined);
  const logFile = (index: number) => path.join(folder, `replica-${index}.log`);
  const logTail = async (index: number, lines = 20) =>
    (await readFile(logFile(index), "utf8").catch(() => "")).trimEnd().split("\n").slice(-lines).join("\n");

  const start = async (index: number) => {
    if (processes[index]?.running()) throw new Error(`replica ${index} is running`);
    const own = path.join(folder, `replica-${index}`);
    await mkdir(own, { recursive: true });
    const replica = spawnTied(process.execPath, command, {
      cwd: projectRoot,
      env: { ...inherited, AUDIT_LOG_PATH: path.join(own, "audit.jsonl"), ...env, PORT: String(ports[index]) },
      logFile: logFile(index),
    });
    processes[index] = replica;
    const ready = await readyWithin(`http://127.0.0.1:${ports[index]}/ready`, readyTimeoutMs, () => replica.running());
    if (!ready) {
      const state = replica.running() ? `not ready in ${readyTimeoutMs / 1000} s` : `ended (exit ${await replica.exited})`;
      await replica.stop("SIGKILL");
      throw new Error(`replica ${index} ${state}; the end of ${logFile(index)}:\n${await logTail(index)}`);
    }
  };
  const kill = async (index: number, signal: NodeJS.Signals = "SIGTERM") => {
    await processes[index]?.stop(signal);
  };
  let balancer: TiedProcess | undefined;
  const stop = async () => {
    await Promise.all([balancer?.stop(), ...processes.map((replica) => replica?.stop())]);
  };

  try {
    await Promise.all(ports.map((_, index) => start(index)));
    let balancerUrl: string | undefined;
    if (options.balancer && haproxyInstalled()) {
      const port = await freePort();
      const { configFile, addresses } = await balancerSettings(folder, port, ports);
      balancer = spawnTied("haproxy", ["-f", configFile, "-db"], {
        env: { ...inherited, ...addresses },
        logFile: path.join(folder, "haproxy.log"),
      });
      // Ready once its health checks have found a replica ready.
      if (!(await readyWithin(`http://127.0.0.1:${port}/ready`, 30_000, () => balancer!.running()))) {
        const log = await readFile(path.join(folder, "haproxy.log"), "utf8").catch(() => "");
        throw new Error(`HAProxy did not pass requests to the replicas in 30 s:\n${log.slice(-2_000)}`);
      }
      balancerUrl = `http://127.0.0.1:${port}/graphql`;
    }
    return {
      urls: ports.map((port) => `http://127.0.0.1:${port}/graphql`),
      balancerUrl,
      env,
      folder,
      kill,
      start,
      running: (index) => processes[index]?.running() ?? false,
      logTail,
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** Polls `/ready` every 250 ms until 200; false when `alive` turns false or the time is up. */
async function readyWithin(url: string, withinMs: number, alive: () => boolean): Promise<boolean> {
  const deadline = Date.now() + withinMs;
  while (Date.now() < deadline && alive()) {
    const status = await fetch(url, { signal: AbortSignal.timeout(5_000) }).then(
      (response) => response.status,
      () => 0,
    );
    if (status === 200) return true;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return false;
}

/** The deployment's HAProxy configuration, made for two replicas. */
const DEPLOY_HAPROXY = path.join(projectRoot, "deploy", "haproxy.cfg");

/**
 * HAProxy's configuration and the addresses it reads from the environment: the deployment's own
 * (deploy/haproxy.cfg) for two replicas, so that tests check what is deployed; for another number,
 * one written here with the same balancing, checks and retries.
 */
async function balancerSettings(folder: string, port: number, replicaPorts: number[]) {
  if (replicaPorts.length === 2 && existsSync(DEPLOY_HAPROXY)) {
    return {
      configFile: DEPLOY_HAPROXY,
      addresses: { BALANCER_HOST: "127.0.0.1", BALANCER_PORT: String(port), API_1: `127.0.0.1:${replicaPorts[0]}`, API_2: `127.0.0.1:${replicaPorts[1]}` },
    };
  }
  const configFile = path.join(folder, "haproxy.cfg");
  await writeFile(configFile, haproxyConfig(port, replicaPorts));
  return { configFile, addresses: {} };
}

/**
 * As deploy/haproxy.cfg: round robin among the replicas whose /ready answers 200 (checked every
 * second; out after two failures, back after two successes), and a request that found a replica
 * gone (connection refused or reset, no answer, 502/503) is tried again on another, up to 3 times.
 */
function haproxyConfig(port: number, replicaPorts: number[]): string {
  return [
    "defaults",
    "  mode http",
    "  timeout connect 3s",
    "  timeout client 45s",
    "  timeout server 45s",
    "  timeout tunnel 1h",
    "  retries 3",
    "  option redispatch 1",
    "  retry-on conn-failure empty-response response-timeout 502 503",
    "frontend api",
    `  bind 127.0.0.1:${port}`,
    "  default_backend replicas",
    "backend replicas",
    "  balance roundrobin",
    "  option httpchk GET /ready",
    "  http-check expect status 200",
    "  default-server inter 1s fall 2 rise 2",
    ...replicaPorts.map((replicaPort, index) => `  server replica${index} 127.0.0.1:${replicaPort} check`),
    "",
  ].join("\n");
}
