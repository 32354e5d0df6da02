import { randomBytes, randomUUID } from "node:crypto";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { startRedis, redisServerInstalled, type TestRedis } from "../../bench/load/redis-server.js";
import { startReplicaSet, type ReplicaSet } from "../../bench/load/replica-set.js";
import { Role } from "../../src/auth/role.js";
import { CypherExecutor } from "../../src/db/cypher-executor.js";
import { createDriver } from "../../src/db/driver.js";
import { RATE_WINDOW_MS } from "../../src/http/rate-limit.js";
import { neo4jFromContext } from "../helpers/neo4j-context.js";
import { alertScene } from "../helpers/replica-alerts.js";
import { postTo, replicaToken, runSourceCommand } from "../helpers/replica-clients.js";

/**
 * Two API processes (src/index.ts from its sources) over the run's Neo4j and one Redis of this
 * file's own, set up as replicas behind a balancer are: the same token and pseudonym secrets, one
 * audit chain in Neo4j (AUDIT_STORE=neo4j, a chain of this file's own) with one hashing key. What
 * one process counts, revokes, records or is told of, the other sees.
 */
const RATE_LIMIT = 150;
/** The documented bound with REDIS_URL: every replica forgets a revoked key "at once" (within a second). */
const REVOCATION_MS = 1_000;
const CHAIN = `replicas-${randomUUID().slice(0, 8)}`;
const installed = redisServerInstalled();
if (!installed) console.log("replicas: skipped, no redis-server binary on this machine (apt-get install redis-server)");

let redis: TestRedis;
let replicas: ReplicaSet;
let executor: CypherExecutor;
let closeDriver: () => Promise<void>;

/** The settings the project's commands get beside the replicas: their database, Redis and audit chain. */
const commandEnv = () => {
  const { NEO4J_URI, NEO4J_USER, NEO4J_PASSWORD, NEO4J_DATABASE, REDIS_URL, AUDIT_STORE, AUDIT_CHAIN, AUDIT_HMAC_KEY } = replicas.env;
  return { NEO4J_URI, NEO4J_USER, NEO4J_PASSWORD, NEO4J_DATABASE, REDIS_URL, AUDIT_STORE, AUDIT_CHAIN, AUDIT_HMAC_KEY };
};

/** Waits for the next minute's window when this one ends within `margin` ms (rate limit windows are the clock's minutes). */
async function awayFromWindowEnd(margin: number): Promise<void> {
  const left = RATE_WINDOW_MS - (Date.now() % RATE_WINDOW_MS);
  if (left < margin) await new Promise((resolve) => setTimeout(resolve, left + 100));
}

describe.skipIf(!installed)("two API processes over one Neo4j and one Redis", { timeout: 120_000 }, () => {
  beforeAll(async () => {
    const neo4j = neo4jFromContext();
    const driver = createDriver({ ...neo4j, connectionTimeoutMs: 10_000 });
    executor = new CypherExecutor(driver, { database: neo4j.database, timeoutMs: 60_000 });
    closeDriver = () => driver.close();
    redis = await startRedis();
    replicas = await startReplicaSet({
      replicas: 2,
      neo4j,
      redisUrl: redis.url,
      env: {
        RATE_LIMIT_PER_MINUTE: String(RATE_LIMIT),
        // Polling a revoked key fails authentication again and again from 127.0.0.1: that limit is not what is tested here.
        AUTH_FAILURES_PER_MINUTE: "1000000",
        AUDIT_STORE: "neo4j",
        AUDIT_CHAIN: CHAIN,
        AUDIT_HMAC_KEY: randomBytes(32).toString("hex"),
      },
    });
  }, 300_000);

  afterAll(async () => {
    await replicas?.stop();
    await redis?.stop();
    if (executor) {
      await executor.write(`MATCH (r:AuditRecord {chain: $chain}) DETACH DELETE r`, { chain: CHAIN });
      await executor.write(`MATCH (h:AuditHead {id: $chain}) DETACH DELETE h`, { chain: CHAIN });
    }
    await closeDriver?.();
  }, 60_000);

  it("share the rate limit: requests spread over both count once, and the next is refused by either", async () => {
    await awayFromWindowEnd(20_000);
    const token = await replicaToken(replicas.env, Role.ANALYST, `rate-${randomUUID()}`);
    const [a, b] = replicas.urls;
    // Each process sees half: in its own memory neither would reach the limit.
    for (let sent = 0; sent < RATE_LIMIT; sent += 10) {
      const answers = await Promise.all(Array.from({ length: 10 }, (_, i) => postTo(i % 2 === 0 ? a : b, "{ __typename }", token)));
      expect(answers.map((answer) => answer.status)).toEqual(Array(10).fill(200));
    }
    for (const url of [a, b]) {
      const refused = await postTo(url, "{ __typename }", token);
      expect(refused.status).toBe(429);
      expect(refused.errors?.[0].extensions?.code).toBe("RATE_LIMITED");
    }
  });

  it("refuse a key revoked by the keys command, on both, within the documented bound", async () => {
    const created = await runSourceCommand("src/auth/keys-cli.ts", ["create", "--role", "ANALYST", "--name", "replicas test"], commandEnv());
    expect(created.code, created.stderr).toBe(0);
    const lines = created.stdout.trim().split("\n");
    const id = /created API key (\w+)/.exec(lines[0])?.[1];
    const key = lines.at(-1)!;
    expect(id).toBeDefined();
    expect(key).toMatch(/^mtk_/);
    // Both know the key, and keep its record in memory as a busy replica does.
    for (const url of replicas.urls) expect((await postTo(url, "{ __typename }", key)).status).toBe(200);

    const revoked = await runSourceCommand("src/auth/keys-cli.ts", ["revoke", id!], commandEnv());
    expect(revoked.code, revoked.stderr).toBe(0);
    const refusedAfter = await Promise.all(replicas.urls.map((url) => refusedWithin(url, key, 35_000)));
    console.log(`replicas: a revoked key was refused ${refusedAfter.map((ms) => `${(ms / 1000).toFixed(2)} s`).join(" and ")} after the command ended`);
    for (const ms of refusedAfter) expect(ms).toBeLessThanOrEqual(REVOCATION_MS);
  });

  it("tell a subscriber on one of an alert for a watch made through the other, caused by an import run in a process of its own", async () => {
    const [a, b] = replicas.urls;
    const subject = `replicas-alerts-${randomUUID().slice(0, 8)}`;
    const scene = await alertScene({
      executor,
      commandEnv: commandEnv(),
      token: await replicaToken(replicas.env, Role.INVESTIGATOR, subject),
      owner: `token:${subject}`,
      watchUrl: b,
      subscribeUrl: a,
    });
    try {
      const { received, firstAfterMs } = await scene.importAgain(15_000);
      console.log(`replicas: the alert reached the subscriber ${(firstAfterMs / 1000).toFixed(2)} s after the import ended`);
      expect(received).toEqual([{ data: { alerts: scene.expected } }]);
    } finally {
      await scene.close();
    }
  });

  it("keep one audit chain: the operations of both, in one record that `npm run audit -- verify` verifies", async () => {
    const [a, b] = replicas.urls;
    const admin = await replicaToken(replicas.env, Role.ADMIN, `replicas-audit-${randomUUID().slice(0, 8)}`);
    const read = `query Through($id: ID!) { seizure(id: $id) { id } }`;
    const subjects = [`replicas-audit-a-${randomUUID().slice(0, 8)}`, `replicas-audit-b-${randomUUID().slice(0, 8)}`];
    // Through both at once, so that their appends meet at the chain's head.
    await Promise.all(
      [a, b].flatMap((url, index) =>
        Array.from({ length: 10 }, async () => {
          const answer = await postTo(url, read, await replicaToken(replicas.env, Role.ANALYST, subjects[index]), { id: "fixture-seizure-1" });
          expect(answer.status).toBe(200);
        }),
      ),
    );

    const verified = await runSourceCommand("src/audit/cli.ts", ["verify"], commandEnv());
    expect(verified.code, verified.stdout + verified.stderr).toBe(0);
    const [, records] = /^valid: (\d+) records/.exec(verified.stdout) ?? [];
    expect(Number(records)).toBeGreaterThanOrEqual(20);

    // Each replica lists the other's records: one trail, with the same hash for the same value.
    const page = `query Page($subject: String) { auditLog(subject: $subject, first: 100) { totalCount edges { node { seq operationName variables } } } }`;
    const hashedIds = new Set<string>();
    for (const [index, subject] of subjects.entries()) {
      const listed = await postTo([b, a][index], page, admin, { subject: `token:${subject}` });
      expect(listed.errors).toBeUndefined();
      expect(listed.data!.auditLog.totalCount).toBe(10);
      for (const { node } of listed.data!.auditLog.edges) {
        expect(node.operationName).toBe("Through");
        hashedIds.add(JSON.parse(node.variables).id);
      }
    }
    expect([...hashedIds]).toHaveLength(1);
    expect([...hashedIds][0]).toMatch(/^hmac:[0-9a-f]+$/);
  });
});

/** Polls the replica with the key until it is refused as unauthenticated: ms from now (Infinity when never within the time). */
async function refusedWithin(url: string, key: string, withinMs: number): Promise<number> {
  const began = performance.now();
  while (performance.now() - began < withinMs) {
    const answer = await postTo(url, "{ __typename }", key);
    if (answer.status === 401) {
      expect(answer.errors?.[0].extensions?.code).toBe("UNAUTHENTICATED");
      return performance.now() - began;
    }
    expect(answer.status).toBe(200);
    // Often at first (Redis's message arrives in milliseconds), then once a second, since the key's requests are counted too.
    await new Promise((resolve) => setTimeout(resolve, performance.now() - began < 2_000 ? 50 : 1_000));
  }
  return Infinity;
}
