import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import http from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";

import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import WebSocket from "ws";

import { freePort } from "../../bench/load/free-port.js";
import { Role } from "../../src/auth/role.js";
import { signToken } from "../../src/auth/tokens.js";
import { loadConfig, projectRoot } from "../../src/config.js";
import { neo4jFromContext } from "../helpers/neo4j-context.js";

/**
 * The server's own entry file (src/index.ts) in a process of its own, over the run's Neo4j, told
 * to stop with SIGTERM as Docker or an orchestrator does: `/ready` answers 503 at once, the
 * request in flight is answered, connections are refused once the delay is over, WebSockets are
 * closed with 1001 (going away, which clients retry elsewhere), and the process exits 0, within
 * SHUTDOWN_GRACE_MS even when a request never ends.
 */
const REGISTER = `data:text/javascript,import{register}from"node:module";register(${JSON.stringify(
  pathToFileURL(path.join(projectRoot, "test", "helpers", "ts-hooks.mjs")).href,
)});`;

const SECRET = randomBytes(32).toString("hex");
const QUERY = JSON.stringify({ query: "{ __typename }" });

interface Api {
  child: ChildProcess;
  port: number;
  exited: Promise<number | null>;
  log: () => string;
}

let folder: string;
let token: string;
const started: Api[] = [];

beforeAll(async () => {
  folder = await mkdtemp(path.join(tmpdir(), "graceful-drain-"));
  token = await signToken(loadConfig({ AUTH_JWT_SECRET: SECRET }).auth, { subject: "drain-test", role: Role.ANALYST });
});

afterEach(() => {
  for (const api of started.splice(0)) if (api.child.exitCode === null && api.child.signalCode === null) api.child.kill("SIGKILL");
});

afterAll(async () => {
  if (folder) await rm(folder, { recursive: true, force: true });
});

/** The status of GET `path`, or 0 when the connection is refused. */
async function statusOf(port: number, path: string): Promise<number> {
  return fetch(`http://127.0.0.1:${port}${path}`, { signal: AbortSignal.timeout(5_000) }).then(
    (response) => response.status,
    () => 0,
  );
}

/** Starts the API with these shutdown settings and waits until `/ready` answers 200. */
async function startApi(settings: Record<string, string>): Promise<Api> {
  const port = await freePort();
  const { uri, user, password, database } = neo4jFromContext();
  const inherited = Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !/^(NEO4J_|AUTH_|AUDIT_|REDIS_|SHUTDOWN_|VITEST|npm_)|^(PORT|HOST|NODE_ENV|SEED_DEMO)$/.test(name)),
  );
  const child = spawn(process.execPath, ["--import", REGISTER, path.join(projectRoot, "src", "index.ts")], {
    cwd: projectRoot,
    env: {
      ...inherited,
      PORT: String(port),
      HOST: "127.0.0.1",
      NEO4J_URI: uri,
      NEO4J_USER: user,
      NEO4J_PASSWORD: password,
      NEO4J_DATABASE: database,
      SEED_DEMO: "false",
      AUTH_JWT_SECRET: SECRET,
      AUDIT_LOG_PATH: path.join(folder, `audit-${port}.jsonl`),
      ...settings,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout!.on("data", (chunk) => (output += chunk));
  child.stderr!.on("data", (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  const api = { child, port, exited, log: () => output };
  started.push(api);
  const deadline = Date.now() + 150_000;
  while ((await statusOf(port, "/ready")) !== 200) {
    if (child.exitCode !== null || Date.now() > deadline) throw new Error(`the API did not get ready:\n${output.slice(-3_000)}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return api;
}

/**
 * A GraphQL POST whose body is sent in two parts: the request is in flight from the first, and
 * ends with `finish`. Resolves with the status and body, or rejects if the connection is cut.
 */
function requestInTwoParts(port: number): { sent: Promise<void>; finish: () => void; answer: Promise<{ status: number; body: string }> } {
  const body = Buffer.from(QUERY);
  const half = Math.floor(body.length / 2);
  let request!: http.ClientRequest;
  const answer = new Promise<{ status: number; body: string }>((resolve, reject) => {
    request = http.request(
      {
        host: "127.0.0.1",
        port,
        path: "/graphql",
        method: "POST",
        headers: { "content-type": "application/json", "content-length": body.length, authorization: `Bearer ${token}` },
      },
      (response) => {
        let text = "";
        response.on("data", (chunk) => (text += chunk));
        response.on("end", () => resolve({ status: response.statusCode ?? 0, body: text }));
        response.on("error", reject);
      },
    );
    request.on("error", reject);
  });
  // Handled by the caller when it awaits the answer; a test that fails first leaves it unawaited.
  answer.catch(() => {});
  const sent = new Promise<void>((resolve) => request.write(body.subarray(0, half), () => resolve()));
  return { sent, finish: () => request.end(body.subarray(half)), answer };
}

/** A graphql-ws connection to /graphql, accepted (connection_ack). */
async function acknowledgedSocket(port: number): Promise<WebSocket> {
  const socket = new WebSocket(`ws://127.0.0.1:${port}/graphql`, "graphql-transport-ws");
  await new Promise((resolve, reject) => socket.once("open", resolve).once("error", reject));
  const acknowledged = new Promise((resolve, reject) => {
    socket.once("message", (data) => ((JSON.parse(data.toString()) as { type: string }).type === "connection_ack" ? resolve(true) : reject(new Error(data.toString()))));
    socket.once("close", (code) => reject(new Error(`closed with ${code} before connection_ack`)));
  });
  socket.send(JSON.stringify({ type: "connection_init", payload: { authorization: `Bearer ${token}` } }));
  await acknowledged;
  return socket;
}

async function until(condition: () => Promise<boolean>, withinMs: number): Promise<boolean> {
  const deadline = Date.now() + withinMs;
  while (Date.now() < deadline) {
    if (await condition()) return true;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return false;
}

describe("a replica told to stop (SIGTERM)", { timeout: 240_000 }, () => {
  it("answers /ready 503 at once, answers the request in flight, refuses new connections, closes WebSockets with 1001, exits 0", async () => {
    const delayMs = 2_000;
    const api = await startApi({ SHUTDOWN_DELAY_MS: String(delayMs), SHUTDOWN_GRACE_MS: "30000" });
    const inFlight = requestInTwoParts(api.port);
    await inFlight.sent;
    const socket = await acknowledgedSocket(api.port);
    const socketClosed = new Promise<{ code: number; reason: string }>((resolve) => socket.once("close", (code, reason) => resolve({ code, reason: reason.toString() })));

    const signalled = Date.now();
    api.child.kill("SIGTERM");
    expect(await until(async () => (await statusOf(api.port, "/ready")) === 503, 1_000), "/ready answers 503 within 1 s").toBe(true);
    // Within the delay, a balancer that has not yet seen the 503 is still served.
    expect(await statusOf(api.port, "/health")).toBe(200);

    // Once the delay is over, no new connection is accepted; the request in flight is still open.
    expect(await until(async () => (await statusOf(api.port, "/health")) === 0, delayMs + 5_000), "connections refused after the delay").toBe(true);
    expect(Date.now() - signalled).toBeGreaterThanOrEqual(delayMs);

    inFlight.finish();
    const answer = await inFlight.answer;
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body)).toEqual({ data: { __typename: "Query" } });
    expect(await api.exited).toBe(0);
    // 1001: a graphql-ws client reconnects (through the balancer, to another replica); 4500 and
    // the other 4xxx codes are final to it.
    expect((await socketClosed).code).toBe(1001);
  });

  it("cuts off a request that never ends after SHUTDOWN_GRACE_MS, and exits 0", async () => {
    const graceMs = 1_500;
    const api = await startApi({ SHUTDOWN_DELAY_MS: "0", SHUTDOWN_GRACE_MS: String(graceMs) });
    const stuck = requestInTwoParts(api.port);
    await stuck.sent;
    const signalled = Date.now();
    api.child.kill("SIGTERM");
    await expect(stuck.answer).rejects.toThrow();
    expect(await api.exited).toBe(0);
    const took = Date.now() - signalled;
    expect(took).toBeGreaterThanOrEqual(graceMs);
    // The grace, then the driver and the audit trail closed: seconds, not the request's lifetime.
    expect(took).toBeLessThan(graceMs + 10_000);
    expect(api.log()).toContain("cut off");
  });
});
