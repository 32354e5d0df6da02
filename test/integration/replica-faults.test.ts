import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { redisServerInstalled, startRedis, type TestRedis } from "../../bench/load/redis-server.js";
import { haproxyInstalled, startReplicaSet, type ReplicaSet } from "../../bench/load/replica-set.js";
import { Role } from "../../src/auth/role.js";
import { neo4jFromContext } from "../helpers/neo4j-context.js";
import { postTo, replicaToken } from "../helpers/replica-clients.js";
import { startTcpProxy, type TcpProxy } from "../helpers/tcp-proxy.js";

/**
 * Two API processes behind HAProxy (deploy/haproxy.cfg), with a Redis of this file's own, under a
 * bounded stream of reads, while one thing fails at a time: Redis (killed, then started again),
 * Neo4j (the replicas reach the run's Neo4j through a TCP forwarder of this file, which is cut:
 * the run's database itself is shared with other files and stays up), then a replica (SIGKILL).
 * Clients retry as a client of a balancer does: on a connection error, 502 or 503.
 */
const missing = [haproxyInstalled() ? [] : ["haproxy"], redisServerInstalled() ? [] : ["redis-server"]].flat();
if (missing.length > 0) console.log(`replica faults: skipped, not installed here: ${missing.join(", ")} (apt-get install haproxy redis-server)`);

const QUERY = `{ seizure(id: "fixture-seizure-1") { id country { code } } }`;
const EXPECTED = { seizure: { id: "fixture-seizure-1", country: { code: "VN" } } };

/** A client's patience with one request: tries, and the pause between them. */
const MAX_TRIES = 20;
const RETRY_PAUSE_MS = 250;

let redis: TestRedis;
let proxy: TcpProxy;
let replicas: ReplicaSet;
let token: string;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface StreamReport {
  sent: number;
  /** Requests whose last try got an HTTP answer that is not a 502/503. */
  answered: number;
  /** Requests with no such answer after MAX_TRIES (lost). */
  lost: number;
  /** Answers that are 200 but not the expected body, or not 200 at all. */
  wrong: string[];
  /** Tries beyond the first, over all requests. */
  retries: number;
  slowestMs: number;
}

/**
 * Sends `QUERY` from `clients` clients one after another, each pausing `pauseMs`, for `durationMs`
 * (at most `maxRequests`), and runs `faults` beside it (each at its time from the start).
 */
async function stream(
  url: string,
  options: { clients: number; durationMs: number; pauseMs: number; maxRequests: number },
  faults: { atMs: number; run: () => Promise<void> }[],
): Promise<StreamReport> {
  const report: StreamReport = { sent: 0, answered: 0, lost: 0, wrong: [], retries: 0, slowestMs: 0 };
  const began = performance.now();
  const faultRuns = faults.map(async (fault) => {
    await sleep(fault.atMs);
    await fault.run();
  });
  const client = async () => {
    while (performance.now() - began < options.durationMs && report.sent < options.maxRequests) {
      report.sent += 1;
      const start = performance.now();
      const outcome = await withRetries(url);
      report.slowestMs = Math.max(report.slowestMs, performance.now() - start);
      report.retries += outcome.tries - 1;
      if (outcome.answer === undefined) {
        report.lost += 1;
      } else {
        report.answered += 1;
        const { status, data, errors } = outcome.answer;
        if (status !== 200 || errors !== undefined || JSON.stringify(data) !== JSON.stringify(EXPECTED)) {
          report.wrong.push(`${status} ${JSON.stringify({ data, errors }).slice(0, 300)}`);
        }
      }
      await sleep(options.pauseMs);
    }
  };
  await Promise.all([...Array.from({ length: options.clients }, client), ...faultRuns]);
  return report;
}

/** One request, sent again on a connection error, 502 or 503 (the balancer found no replica). */
async function withRetries(url: string): Promise<{ answer?: Awaited<ReturnType<typeof postTo>>; tries: number }> {
  for (let tries = 1; tries <= MAX_TRIES; tries += 1) {
    try {
      const answer = await postTo(url, QUERY, token);
      if (answer.status !== 502 && answer.status !== 503) return { answer, tries };
    } catch {
      // Connection refused or reset, or a body that is not JSON (HAProxy's own error pages are HTML).
    }
    await sleep(RETRY_PAUSE_MS);
  }
  return { tries: MAX_TRIES };
}

function describeReport(name: string, report: StreamReport): string {
  return (
    `replica faults: ${name}: ${report.sent} requests, ${report.answered} answered, ${report.lost} lost, ` +
    `${report.wrong.length} wrong, ${report.retries} client retries, slowest ${(report.slowestMs / 1000).toFixed(2)} s`
  );
}

const healthy = (url: string) =>
  fetch(url.replace(/\/graphql$/, "/health"), { signal: AbortSignal.timeout(5_000) }).then(
    (response) => response.status === 200,
    () => false,
  );

describe.skipIf(missing.length > 0)("two replicas behind HAProxy, one fault at a time", { timeout: 120_000 }, () => {
  beforeAll(async () => {
    const neo4j = neo4jFromContext();
    const bolt = new URL(neo4j.uri.replace(/^bolt:/, "http:"));
    proxy = await startTcpProxy({ host: bolt.hostname, port: Number(bolt.port) });
    redis = await startRedis();
    replicas = await startReplicaSet({
      replicas: 2,
      neo4j: { ...neo4j, uri: `bolt://127.0.0.1:${proxy.port}` },
      redisUrl: redis.url,
      balancer: true,
      // The stream is one identity sending hundreds of requests a minute: not what is tested here.
      env: { RATE_LIMIT_PER_MINUTE: "1000000" },
    });
    token = await replicaToken(replicas.env, Role.ANALYST, "replica-faults");
    expect(await postTo(replicas.balancerUrl!, QUERY, token)).toMatchObject({ status: 200, data: EXPECTED });
  }, 300_000);

  afterAll(async () => {
    await replicas?.stop();
    await redis?.stop();
    await proxy?.close();
  }, 60_000);

  it("keeps answering while Redis is killed (the rate limit counts in memory), and counts in Redis again once it is back", async () => {
    const report = await stream(replicas.balancerUrl!, { clients: 4, durationMs: 10_000, pauseMs: 20, maxRequests: 1_500 }, [
      { atMs: 2_000, run: () => redis.stop("SIGKILL") },
      { atMs: 6_000, run: () => redis.start() },
    ]);
    console.log(describeReport("Redis killed at 2 s, started at 6 s", report));
    expect(report.lost).toBe(0);
    expect(report.wrong).toEqual([]);
    expect(report.answered).toBeGreaterThan(100);
    for (const [index, url] of replicas.urls.entries()) {
      expect(replicas.running(index), `replica ${index} runs`).toBe(true);
      expect(await healthy(url)).toBe(true);
    }
    // Redis came back empty: the replicas reconnect by themselves and count there again.
    const client = new Redis(redis.url, { lazyConnect: true });
    await client.connect();
    try {
      let keys: string[] = [];
      for (let attempt = 0; attempt < 20 && keys.length === 0; attempt += 1) {
        await postTo(replicas.balancerUrl!, QUERY, token);
        keys = await client.keys("rate:*");
        if (keys.length === 0) await sleep(500);
      }
      expect(keys.length).toBeGreaterThan(0);
    } finally {
      client.disconnect();
    }
  });

  it("answers DATABASE_UNAVAILABLE within 5 s once Neo4j cannot be reached, and answers again when it can, without a restart", async () => {
    for (const url of replicas.urls) expect(await postTo(url, QUERY, token)).toMatchObject({ status: 200, data: EXPECTED });
    await proxy.cut();
    const unavailableAfter: number[] = [];
    for (const url of replicas.urls) {
      const began = performance.now();
      const answer = await postTo(url, QUERY, token);
      unavailableAfter.push(performance.now() - began);
      expect(answer.errors?.map((error) => error.extensions?.code)).toEqual(["DATABASE_UNAVAILABLE"]);
    }
    // Through the balancer: its checks of /ready take both replicas out (fall 2, every second).
    const balancerSaid = await postTo(replicas.balancerUrl!, QUERY, token).then(
      (answer) => String(answer.errors?.[0]?.extensions?.code ?? answer.status),
      () => "503 (not JSON)",
    );
    await proxy.restore();
    const restoredAt = performance.now();
    const answeredAfter: number[] = [];
    for (const url of replicas.urls) {
      let answer = await postTo(url, QUERY, token);
      while (answer.errors !== undefined && performance.now() - restoredAt < 30_000) {
        await sleep(250);
        answer = await postTo(url, QUERY, token);
      }
      answeredAfter.push(performance.now() - restoredAt);
      expect(answer).toMatchObject({ status: 200, data: EXPECTED });
    }
    console.log(
      `replica faults: Neo4j cut: DATABASE_UNAVAILABLE after ${unavailableAfter.map((ms) => `${(ms / 1000).toFixed(2)} s`).join(" and ")}; ` +
        `the balancer said ${balancerSaid}; answers again ${answeredAfter.map((ms) => `${(ms / 1000).toFixed(2)} s`).join(" and ")} after it was back`,
    );
    for (const ms of unavailableAfter) expect(ms).toBeLessThan(5_000);
    for (const index of replicas.urls.keys()) expect(replicas.running(index), `replica ${index} was never restarted`).toBe(true);
  });

  it("loses no request when a replica is killed with SIGKILL mid-stream", async () => {
    const report = await stream(replicas.balancerUrl!, { clients: 4, durationMs: 12_000, pauseMs: 20, maxRequests: 1_500 }, [
      { atMs: 3_000, run: () => replicas.kill(1, "SIGKILL") },
    ]);
    console.log(describeReport("replica 1 killed at 3 s", report));
    expect(replicas.running(1)).toBe(false);
    expect(report.lost).toBe(0);
    expect(report.wrong).toEqual([]);
    expect(report.answered).toBe(report.sent);
    expect(report.answered).toBeGreaterThan(100);
  });
});
