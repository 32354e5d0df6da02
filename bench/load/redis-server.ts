import { spawnSync } from "node:child_process";
import { mkdtemp } from "node:fs/promises";
import net from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";

import { freePort } from "./free-port.js";
import { spawnTied, type TiedProcess } from "./tied-process.js";

/** A Redis of a test's own, never the machine's shared one. */
export interface TestRedis {
  /** `redis://127.0.0.1:<port>`, for REDIS_URL. */
  url: string;
  port: number;
  /** Stops the server (SIGTERM by default; SIGKILL to take it away as a crash does). */
  stop(signal?: NodeJS.Signals): Promise<void>;
  /** Starts it again, on the same port, empty: it keeps nothing on disk. */
  start(): Promise<void>;
}

/** How long a start waits for the server to answer PING. */
const START_MS = 15_000;

/** Whether `redis-server` can be run here (tests skip, saying so, when it cannot). */
export function redisServerInstalled(): boolean {
  return spawnSync("redis-server", ["--version"], { stdio: "ignore" }).status === 0;
}

/** A redis-server on a free loopback port, without persistence, logging to a file under a temp folder. */
export async function startRedis(): Promise<TestRedis> {
  const port = await freePort();
  const folder = await mkdtemp(path.join(tmpdir(), "test-redis-"));
  const args = ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--daemonize", "no", "--dir", folder];
  let server: TiedProcess | undefined;
  const start = async () => {
    if (server?.running()) return;
    server = spawnTied("redis-server", args, { logFile: path.join(folder, "redis.log") });
    await answersPing(port, server);
  };
  await start();
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    stop: async (signal) => {
      await server?.stop(signal);
    },
    start,
  };
}

/** Waits until the server on the port answers PING; fails when it ends first or takes too long. */
async function answersPing(port: number, server: TiedProcess): Promise<void> {
  const deadline = Date.now() + START_MS;
  while (Date.now() < deadline) {
    if (!server.running()) throw new Error(`redis-server on port ${port} ended as it started (exit ${await server.exited})`);
    if (await ping(port)) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  await server.stop("SIGKILL");
  throw new Error(`redis-server on port ${port} did not answer in ${START_MS / 1000} s`);
}

function ping(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, "127.0.0.1");
    const done = (answer: boolean) => {
      socket.destroy();
      resolve(answer);
    };
    socket.setTimeout(1_000, () => done(false));
    socket.once("error", () => done(false));
    socket.once("connect", () => socket.write("PING\r\n"));
    socket.once("data", (data) => done(data.toString("latin1").startsWith("+PONG")));
  });
}
