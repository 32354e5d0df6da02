import { fork, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { fileURLToPath } from "node:url";

import type { Connection, FromServer, ServedSystem, ToServer } from "./system-messages.js";

/** A GraphQL server running in a child process (serve-system.ts), as the benchmark sees it. */
export interface SystemProcess {
  system: ServedSystem;
  url: string;
  /** Headers every request to it carries (the API's bearer token; none for the peer). */
  headers: Record<string, string>;
  pid: number;
  /** Cypher statements sent so far, and the process's CPU time so far (µs, user + system). */
  stats(): Promise<{ queries: number; cpuMicros: number }>;
  stop(): Promise<void>;
}

const ENTRY = fileURLToPath(new URL("./serve-system.js", import.meta.url));
const START_TIMEOUT_MS = 120_000;
const STOP_TIMEOUT_MS = 15_000;

export async function startSystemProcess(system: ServedSystem, connection: Connection): Promise<SystemProcess> {
  // Both servers run as the Dockerfile runs the API: NODE_ENV=production (graphql-js then skips its
  // development checks; the API turns introspection off and needs a pseudonym secret).
  const env = { ...process.env, NODE_ENV: "production", PSEUDONYM_SECRET: randomBytes(32).toString("hex") };
  const child = fork(ENTRY, [], { execArgv: ["--enable-source-maps"], env, stdio: ["ignore", "inherit", "inherit", "ipc"] });
  const ready = await new Promise<{ url: string; authorization: string | undefined }>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${system}: no server within ${START_TIMEOUT_MS / 1000} s`)), START_TIMEOUT_MS);
    const onMessage = (message: FromServer) => {
      if (message.type === "ready") resolve(message);
      else if (message.type === "failed") reject(new Error(`${system}: the server did not start:\n${message.message}`));
      else return;
      clearTimeout(timer);
      child.off("message", onMessage);
    };
    child.on("message", onMessage);
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`${system}: the server process exited (${code}) before it was ready`));
    });
    send(child, { type: "start", system, connection });
  });
  // One stats question at a time: the answers carry no id.
  let pending = Promise.resolve();
  const stats = () => {
    const answer = pending.then(
      () =>
        new Promise<{ queries: number; cpuMicros: number }>((resolve, reject) => {
          const onMessage = (message: FromServer) => {
            if (message.type !== "stats") return;
            child.off("message", onMessage);
            resolve({ queries: message.queries, cpuMicros: message.cpuMicros });
          };
          child.on("message", onMessage);
          if (!send(child, { type: "stats" })) reject(new Error(`${system}: the server process is gone`));
        }),
    );
    pending = answer.then(() => undefined, () => undefined);
    return answer;
  };
  return {
    system,
    url: ready.url,
    headers: ready.authorization === undefined ? {} : { authorization: ready.authorization },
    pid: child.pid!,
    stats,
    stop: () => stopChild(child),
  };
}

function send(child: ChildProcess, message: ToServer): boolean {
  return child.connected && child.send(message);
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  send(child, { type: "stop" });
  const timer = setTimeout(() => child.kill("SIGKILL"), STOP_TIMEOUT_MS);
  await exited;
  clearTimeout(timer);
}
