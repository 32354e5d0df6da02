import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import net from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";

import type { Driver } from "neo4j-driver";
import { afterAll, beforeAll, describe, expect, test, vi } from "vitest";

import { createApp } from "../../src/app.js";
import { runAuditCli, type CommandOutput } from "../../src/audit/audit-command.js";
import { keyedHasher } from "../../src/audit/audit-key.js";
import type { AuditRecord } from "../../src/audit/audit-record.js";
import { openAuditTrail, type AuditEntryInput, type AuditTrail } from "../../src/audit/audit-trail.js";
import { Neo4jAuditTrail, openNeo4jAuditTrail } from "../../src/audit/neo4j-audit-trail.js";
import { Role } from "../../src/auth/role.js";
import { signToken } from "../../src/auth/tokens.js";
import { loadConfig } from "../../src/config.js";
import { CypherExecutor } from "../../src/db/cypher-executor.js";
import { CypherRegistry } from "../../src/db/cypher-registry.js";
import { createDriver } from "../../src/db/driver.js";
import { capturingLogger, connect, startTestApi, TEST_JWT_SECRET } from "../helpers/test-api.js";
import { neo4jFromContext } from "../helpers/neo4j-context.js";

/**
 * The audit trail kept in Neo4j (AUDIT_STORE=neo4j), as replicas share it: two trails, each with a
 * driver of its own, append to one chain. Each test owns a chain of its own (a random AUDIT_CHAIN),
 * so the shared test database's other files never see or break it.
 */
let drivers: Driver[] = [];
let executors: CypherExecutor[] = [];
const trails: Neo4jAuditTrail[] = [];
const key = randomBytes(32);

beforeAll(() => {
  const connection = neo4jFromContext();
  drivers = [connect(connection, 10_000), connect(connection, 10_000)];
  executors = drivers.map((driver) => new CypherExecutor(driver, { database: connection.database, timeoutMs: 60_000 }));
});

afterAll(async () => {
  await Promise.all(trails.map((trail) => trail.close()));
  await Promise.all(drivers.map((driver) => driver.close()));
});

function newChain(): string {
  return `test-${randomBytes(6).toString("hex")}`;
}

function open(chain: string, executor: CypherExecutor, now?: () => Date, retentionDays = 365): Neo4jAuditTrail {
  const trail = openNeo4jAuditTrail({ shared: { chain }, retentionDays, hmacKey: key }, executor, { now });
  trails.push(trail);
  return trail;
}

function entry(subject: string, operationName: string, disclosed: string[] = []): AuditEntryInput {
  return { subject, role: Role.INVESTIGATOR, method: "token", operationName, query: "{ __typename }", variables: { phone: "+84912000111" }, disclosed };
}

/** The chain as stored: its records' lines in seq order. */
async function stored(chain: string): Promise<AuditRecord[]> {
  const { records } = await drivers[0].executeQuery("MATCH (r:AuditRecord {chain: $chain}) RETURN r.line AS line ORDER BY r.seq", { chain });
  return records.map((record) => JSON.parse(record.get("line") as string) as AuditRecord);
}

describe("two replicas append to one chain", () => {
  test("2 × 200 records recorded at once give seq 1..400 without gaps, and the chain verifies from either", async () => {
    const chain = newChain();
    const [a, b] = [open(chain, executors[0]), open(chain, executors[1])];
    const writes: Promise<void>[] = [];
    for (let i = 0; i < 200; i++) {
      writes.push(a.record(entry("token:replica-a", `A${i}`)));
      writes.push(b.record(entry("token:replica-b", `B${i}`)));
    }
    await Promise.all(writes);

    const records = await stored(chain);
    expect(records.map((record) => record.seq)).toEqual(Array.from({ length: 400 }, (_, i) => i + 1));
    for (let i = 1; i < records.length; i++) expect(records[i].previousHash).toBe(records[i - 1].hash);
    // Each replica's records keep the order they were recorded in.
    for (const replica of ["A", "B"]) {
      const names = records.map((record) => record.operationName).filter((name) => name!.startsWith(replica));
      expect(names).toEqual(Array.from({ length: 200 }, (_, i) => `${replica}${i}`));
    }
    // Both replicas hash a personal value alike (one AUDIT_HMAC_KEY).
    expect(new Set(records.map((record) => record.variables.phone)).size).toBe(1);
    expect(String(records[0].variables.phone)).toMatch(/^hmac:[0-9a-f]{64}$/);

    for (const trail of [a, b]) {
      expect(await trail.verify()).toMatchObject({ valid: true, records: 400, firstBadIndex: null, head: { seq: 400, hash: records[399].hash } });
    }
  }, 120_000);

  test("a record edited, removed or cut off in the database is found out", async () => {
    const chain = newChain();
    const trail = open(chain, executors[0]);
    for (let i = 0; i < 6; i++) await trail.record(entry("token:tamper", `T${i}`));
    expect(await trail.verify()).toMatchObject({ valid: true, records: 6 });

    await drivers[0].executeQuery(
      `MATCH (r:AuditRecord {id: $id}) SET r.line = replace(r.line, '"subject":"token:tamper"', '"subject":"token:mallory"')`,
      { id: `${chain}|3` },
    );
    expect(await trail.verify()).toMatchObject({ valid: false, firstBadIndex: 3, records: 2, reason: "the record's hash does not match its fields" });

    const chainB = newChain();
    const other = open(chainB, executors[0]);
    for (let i = 0; i < 4; i++) await other.record(entry("token:tamper", `U${i}`));
    await drivers[0].executeQuery("MATCH (r:AuditRecord {id: $id}) DETACH DELETE r", { id: `${chainB}|2` });
    expect(await other.verify()).toMatchObject({ valid: false, firstBadIndex: 2, reason: "the record's previousHash is not the hash of the record before it" });

    const chainC = newChain();
    const cut = open(chainC, executors[0]);
    for (let i = 0; i < 3; i++) await cut.record(entry("token:tamper", `V${i}`));
    // The last record and the head moved back to the one before: this trail wrote seq 3.
    const [second] = (await stored(chainC)).slice(1, 2);
    await drivers[0].executeQuery(
      "MATCH (r:AuditRecord {id: $id}) DETACH DELETE r WITH 1 AS done MATCH (h:AuditHead {id: $chain}) SET h.seq = 2, h.hash = $hash",
      { id: `${chainC}|3`, chain: chainC, hash: second.hash },
    );
    expect(await cut.verify()).toMatchObject({ valid: false, reason: "the chain ends at seq 2, but seq 3 was written" });
    await expect(cut.record(entry("token:tamper", "V3"))).rejects.toMatchObject({ code: "AUDIT_UNAVAILABLE" });
  }, 60_000);
});

describe("list", () => {
  test("pages newest first and filters by subject and by disclosed entity, as auditLog asks", async () => {
    const chain = newChain();
    const trail = open(chain, executors[0]);
    const person = `Person:p-${chain}`;
    await trail.record(entry("token:ann", "One", [person]));
    await trail.record(entry("token:bob", "Two"));
    await trail.record(entry("token:ann", "Three"));
    await trail.record(entry("token:bob", "Four", [person, `Company:c-${chain}`]));
    await trail.record(entry("token:ann", "Five", [person]));

    const page = await trail.list({ first: 2 });
    expect(page.records.map((record) => record.operationName)).toEqual(["Five", "Four"]);
    expect(page).toMatchObject({ hasMore: true, totalCount: 5 });
    const next = await trail.list({ first: 2, beforeSeq: page.records[1].seq });
    expect(next.records.map((record) => record.seq)).toEqual([3, 2]);
    expect((await trail.list({ first: 10, beforeSeq: 2 })).records.map((record) => record.seq)).toEqual([1]);

    const ann = await trail.list({ first: 10, subject: "token:ann" });
    expect(ann.records.map((record) => record.operationName)).toEqual(["Five", "Three", "One"]);
    expect(ann).toMatchObject({ totalCount: 3, hasMore: false });

    const shown = await trail.list({ first: 2, entity: person });
    expect(shown.records.map((record) => record.operationName)).toEqual(["Five", "Four"]);
    expect(shown).toMatchObject({ totalCount: 3, hasMore: true });
    const shownToBob = await trail.list({ first: 10, entity: person, subject: "token:bob" });
    expect(shownToBob.records.map((record) => record.operationName)).toEqual(["Four"]);
    expect(shownToBob.totalCount).toBe(1);
    expect(await trail.list({ first: 10, entity: "Person:nobody" })).toEqual({ records: [], hasMore: false, totalCount: 0 });

    // The records come back as the chain holds them, field for field.
    expect(page.records).toEqual((await stored(chain)).reverse().slice(0, 2));
  }, 60_000);
});

describe("retention", () => {
  test("records older than the retention period are removed; the anchor keeps the rest verifiable", async () => {
    const chain = newChain();
    let clock = new Date("2020-01-01T00:00:00Z");
    const trail = open(chain, executors[0], () => clock, 30);
    for (let i = 0; i < 3; i++) await trail.record(entry("token:old", `Old${i}`, [`Person:old-${chain}`]));
    clock = new Date("2020-03-01T00:00:00Z");
    await trail.record(entry("token:new", "Fresh"));
    const [, , lastOld] = await stored(chain);

    expect(await trail.prune()).toEqual({ removed: 3 });
    expect((await stored(chain)).map((record) => record.operationName)).toEqual(["Fresh"]);
    const { records } = await drivers[0].executeQuery("MATCH (h:AuditHead {id: $chain}) RETURN h.anchor AS anchor", { chain });
    expect(JSON.parse(records[0].get("anchor") as string)).toMatchObject({ kind: "anchor", firstSeq: 4, previousHash: lastOld.hash });
    expect(await trail.verify()).toMatchObject({ valid: true, records: 1, head: { seq: 4 } });
    // The entity only the removed records disclosed is gone with them.
    const entities = await drivers[0].executeQuery("MATCH (e:AuditEntity {id: $id}) RETURN count(e) AS n", { id: `Person:old-${chain}` });
    expect(entities.records[0].get("n").toNumber()).toBe(0);
    expect(await trail.prune()).toEqual({ removed: 0 });
  }, 60_000);
});

describe("two API servers on one chain (AUDIT_STORE=neo4j)", () => {
  test("requests to either are recorded in one chain that auditLog shows and both verify", async () => {
    const env = { AUDIT_STORE: "neo4j", AUDIT_CHAIN: newChain(), AUDIT_HMAC_KEY: key.toString("hex") };
    const apis = [await startTestApi({ env }), await startTestApi({ env })];
    try {
      const FIND = `query Find($phone: String!) { search(query: $phone, first: 1) { totalCount } }`;
      for (let i = 0; i < 6; i++) {
        const response = await apis[i % 2].post(FIND, { phone: "+84912000111" }, Role.INVESTIGATOR);
        expect(response.errors).toBeUndefined();
      }
      const log = await apis[1].post(`{ auditLog(first: 10, subject: "token:test-investigator") { totalCount edges { node { seq variables } } } }`);
      expect(log.errors).toBeUndefined();
      expect(log.data!.auditLog.totalCount).toBe(6);
      expect(log.data!.auditLog.edges.map((edge: { node: { seq: number } }) => edge.node.seq)).toEqual([6, 5, 4, 3, 2, 1]);
      // One key for both: the phone number has one hash, whichever server recorded it.
      expect(new Set(log.data!.auditLog.edges.map((edge: { node: { variables: string } }) => edge.node.variables)).size).toBe(1);
      for (const api of apis) expect(await api.security.audit.verify()).toMatchObject({ valid: true, records: 7, firstBadIndex: null });
    } finally {
      await Promise.all(apis.map((api) => api.close()));
    }
  }, 120_000);

  test("while Neo4j is away, a record fails as DATABASE_UNAVAILABLE, and so does the request (503, no data)", async () => {
    const port = await closedPort();
    const driver = createDriver({ uri: `bolt://127.0.0.1:${port}`, user: "neo4j", password: "unused", connectionTimeoutMs: 1_000 });
    const executor = new CypherExecutor(driver, { database: "neo4j", timeoutMs: 5_000 });
    const logLines: string[] = [];
    const config = loadConfig({
      AUTH_JWT_SECRET: TEST_JWT_SECRET,
      PSEUDONYM_SECRET: "pseudonyms-of-the-test-api-0123456789abcdef",
      AUDIT_STORE: "neo4j",
      AUDIT_CHAIN: newChain(),
      AUDIT_HMAC_KEY: key.toString("hex"),
    });
    const app = await createApp({ config, executor, registry: await CypherRegistry.load(), logger: capturingLogger(logLines) });
    try {
      const trail = app.security.audit;
      await expect(trail.record(entry("token:away", "Away"))).rejects.toMatchObject({ code: "DATABASE_UNAVAILABLE" });

      const { url } = await app.listen("127.0.0.1", 0);
      const token = await signToken(config.auth, { subject: "outage", role: Role.INVESTIGATOR });
      const response = await fetch(url, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
        body: JSON.stringify({ query: `query Away($phone: String) { __typename }`, variables: { phone: "+84912000111" } }),
      });
      expect(response.status).toBe(503);
      expect(await response.json()).toEqual({
        errors: [{ message: "The graph database cannot be reached; try again shortly", extensions: { code: "DATABASE_UNAVAILABLE" } }],
      });
      expect(logLines.join("\n")).not.toContain("84912000111");
    } finally {
      await app.close();
      await driver.close();
    }
  }, 60_000);
});

/** A port on which nothing listens. */
async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe("cost per record, file and shared store side by side", () => {
  /** Milliseconds per record: one request at a time, then 50 at once (they share writes). */
  async function measure(trail: AuditTrail, rounds: number): Promise<{ sequential: number; concurrent: number }> {
    let began = performance.now();
    for (let i = 0; i < rounds; i++) await trail.record(entry("token:bench", `S${i}`, [`Person:bench-${i % 7}`]));
    const sequential = (performance.now() - began) / rounds;
    began = performance.now();
    for (let round = 0; round < rounds / 50; round++) {
      await Promise.all(Array.from({ length: 50 }, (_, i) => trail.record(entry("token:bench", `C${round}-${i}`, [`Person:bench-${i % 7}`]))));
    }
    return { sequential, concurrent: (performance.now() - began) / rounds };
  }

  test("prints the time of record() for each store (and checks that both chains verify)", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "audit-cost-"));
    try {
      const file = await openAuditTrail({ path: path.join(dir, "audit-log.jsonl"), retentionDays: 365, hmacKey: key });
      const shared = open(newChain(), executors[0]);
      // Warm-up: the shared store makes its schema and head at its first record.
      await measure(file, 50);
      await measure(shared, 50);
      const figures = { file: await measure(file, 500), neo4j: await measure(shared, 500) };
      console.log(
        `audit record() cost, ms per record (500 one at a time, then 500 as 10 × 50 at once): ` +
          `file ${figures.file.sequential.toFixed(2)} / ${figures.file.concurrent.toFixed(3)}, ` +
          `neo4j ${figures.neo4j.sequential.toFixed(2)} / ${figures.neo4j.concurrent.toFixed(3)}`,
      );
      expect(await file.verify()).toMatchObject({ valid: true, records: 1100 });
      expect(await shared.verify()).toMatchObject({ valid: true, records: 1100 });
      await file.close();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 120_000);
});

describe("npm run audit with AUDIT_STORE=neo4j", () => {
  test("verify reads the shared chain; hash uses AUDIT_HMAC_KEY", async () => {
    const chain = newChain();
    const trail = open(chain, executors[0]);
    for (let i = 0; i < 3; i++) await trail.record(entry("token:cli", `Cli${i}`));
    const records = await stored(chain);
    vi.stubEnv("AUDIT_STORE", "neo4j");
    vi.stubEnv("AUDIT_CHAIN", chain);
    vi.stubEnv("AUDIT_HMAC_KEY", key.toString("hex"));
    const run = async (argv: string[], input = "") => {
      const out: string[] = [];
      const io: CommandOutput = { out: (line) => void out.push(line), err: (line) => void out.push(line), input: async () => input };
      const code = await runAuditCli(argv, io, (config, work) =>
        work(new Neo4jAuditTrail(config.audit.shared!.chain, 365, keyedHasher(config.audit.hmacKey!), executors[1], () => new Date())),
      );
      return { code, out };
    };
    try {
      expect(await run(["verify"])).toEqual({ code: 0, out: [`valid: 3 records; head seq 3 hash ${records[2].hash}`] });
      expect(await run(["hash"], "+84912000111\n")).toEqual({ code: 0, out: [records[0].variables.phone] });
      await drivers[0].executeQuery(`MATCH (r:AuditRecord {id: $id}) SET r.line = replace(r.line, '"Cli1"', '"Cli9"')`, { id: `${chain}|2` });
      expect(await run(["verify"])).toEqual({
        code: 1,
        out: ["broken at line 3 (index 2): the record's hash does not match its fields", "1 records verified before it"],
      });
    } finally {
      vi.unstubAllEnvs();
    }
  }, 60_000);
});
