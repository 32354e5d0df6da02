import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import net from "node:net";

import { afterAll, beforeAll, describe, expect, test } from "vitest";

import { API_KEY_CACHE_MS, ApiKeyVerifier } from "../../src/auth/api-keys.js";
import { announceRevocation, listenForRevocations } from "../../src/auth/key-revocations.js";
import { runKeysCommand } from "../../src/auth/keys-command.js";
import { Role } from "../../src/auth/role.js";
import { loadConfig } from "../../src/config.js";
import { ApiKeyRepository } from "../../src/repositories/api-key.repository.js";
import { startTestApi, type TestApi } from "../helpers/test-api.js";

/**
 * A key revoked through the keys command is refused by two API servers (as two replicas) sharing a
 * Redis of this file's own within a second; without Redis, it keeps working until its record
 * expires from memory (30 s, or API_KEY_CACHE_MS, on a clock the test moves); the listener says once that it lost Redis
 * and reads every key again when Redis is back.
 */
const REDIS_SERVER = "/usr/bin/redis-server";
const haveRedis = existsSync(REDIS_SERVER);
if (!haveRedis) console.warn(`key-revocation.test.ts: ${REDIS_SERVER} is missing, so the tests that need Redis are skipped`);

const QUERY = `{ countries(first: 1) { totalCount } }`;

let redis: ChildProcess | undefined;
let redisPort = 0;
let apis: TestApi[] = [];
let keys: ApiKeyRepository;

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

async function startRedis(port: number): Promise<ChildProcess> {
  const child = spawn(REDIS_SERVER, ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--daemonize", "no"], {
    stdio: "ignore",
  });
  for (let attempt = 0; attempt < 50; attempt++) {
    const answers = await new Promise<boolean>((resolve) => {
      const socket = net.connect(port, "127.0.0.1", () => {
        socket.end();
        resolve(true);
      });
      socket.on("error", () => resolve(false));
    });
    if (answers) return child;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  child.kill("SIGKILL");
  throw new Error(`redis-server did not answer on port ${port}`);
}

async function stopRedis(): Promise<void> {
  const child = redis;
  redis = undefined;
  if (!child || child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill("SIGKILL");
  await exited;
}

const redisUrl = () => `redis://127.0.0.1:${redisPort}`;

beforeAll(async () => {
  if (!haveRedis) return;
  redisPort = await freePort();
  redis = await startRedis(redisPort);
  apis = [await startTestApi({ env: { REDIS_URL: redisUrl() } }), await startTestApi({ env: { REDIS_URL: redisUrl() } })];
  keys = new ApiKeyRepository(apis[0].executor);
}, 180_000);

afterAll(async () => {
  await Promise.all(apis.map((api) => api.close()));
  await stopRedis();
});

async function createKey(repository: ApiKeyRepository, auth: TestApi["config"]["auth"]): Promise<{ id: string; key: string }> {
  const lines = await runKeysCommand(["create", "--role", Role.PUBLIC, "--name", "revocation test"], repository, auth);
  return { id: /API key (\S+)/.exec(lines[0])![1], key: lines.at(-1)! };
}

describe.skipIf(!haveRedis)("with REDIS_URL", () => {
  test("a key revoked through the command is refused by both servers within a second", async () => {
    const { id, key } = await createKey(keys, apis[0].config.auth);
    const asKey = { authorization: `Bearer ${key}` };
    // Both servers now remember the key's record (for 30 s without the announcement).
    for (const api of apis) expect((await api.post(QUERY, {}, asKey)).status).toBe(200);

    const began = performance.now();
    const printed = await runKeysCommand(["revoke", id], keys, apis[0].config.auth, (revoked) => announceRevocation(redisUrl(), revoked));
    expect(printed).toEqual([`revoked API key ${id}`, "told the running servers through Redis (2 listening): they refuse it at once"]);

    const refusedAfter: number[] = [];
    for (const api of apis) {
      while ((await api.post(QUERY, {}, asKey)).status !== 401) {
        expect(performance.now() - began, "refused within a second").toBeLessThan(1_000);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      refusedAfter.push(Math.round(performance.now() - began));
    }
    console.log(`revoked key refused by both servers ${refusedAfter.join(" ms and ")} ms after the command began`);
    expect(Math.max(...refusedAfter)).toBeLessThan(1_000);
  });

  test("the command says so when Redis cannot be reached; the key is revoked all the same", async () => {
    const { id } = await createKey(keys, apis[0].config.auth);
    const printed = await runKeysCommand(["revoke", id], keys, apis[0].config.auth, (revoked) =>
      announceRevocation(`redis://127.0.0.1:${redisPort === 1 ? 2 : 1}`, revoked),
    );
    expect(printed).toEqual([`revoked API key ${id}`, "Redis could not be reached to tell the running servers: they refuse it within 30 s"]);
    expect((await keys.find(id))?.revoked).toBe(true);
  });

  test("a listener that loses Redis says so once, and reads every key again when Redis is back", async () => {
    const warnings: string[] = [];
    const events: string[] = [];
    const listener = listenForRevocations(redisUrl(), { revoked: (id) => events.push(`revoked ${id}`), resumed: () => events.push("resumed") }, (line) =>
      warnings.push(line),
    );
    try {
      await waitFor(async () => (await announceRevocation(redisUrl(), "aaaaaaaaaaaa")) === 3);
      await waitFor(async () => events.includes("revoked aaaaaaaaaaaa"));
      // Not a key id: ignored.
      await announceRevocation(redisUrl(), "mtk_aaaaaaaaaaaa_secret");

      await stopRedis();
      // Several reconnection attempts fail meanwhile (one every 200 ms to 1 s).
      await new Promise((resolve) => setTimeout(resolve, 2_500));
      expect(warnings).toHaveLength(1);
      expect(warnings[0]).toContain("keeps working in this process until its record expires (30 s)");

      redis = await startRedis(redisPort);
      await waitFor(async () => events.includes("resumed"));
      expect(warnings).toHaveLength(2);
      await waitFor(async () => (await announceRevocation(redisUrl(), "bbbbbbbbbbbb")) >= 1);
      await waitFor(async () => events.includes("revoked bbbbbbbbbbbb"));
      expect(events).toEqual(["revoked aaaaaaaaaaaa", "resumed", "revoked bbbbbbbbbbbb"]);
      for (const line of warnings) expect(line).not.toMatch(/mtk_|aaaaaaaaaaaa|bbbbbbbbbbbb/);
    } finally {
      await listener.close();
    }
  }, 30_000);
});

describe("without Redis", () => {
  test("a revoked key keeps working until its record expires from memory, then is refused", async () => {
    const api = apis[0] ?? (await startTestApi());
    try {
      const repository = new ApiKeyRepository(api.executor);
      const { id, key } = await createKey(repository, api.config.auth);
      let clock = 1_000_000;
      const verifier = new ApiKeyVerifier(repository, () => clock);
      expect(await verifier.verify(key)).toMatchObject({ id, role: Role.PUBLIC });

      expect(await runKeysCommand(["revoke", id], repository, api.config.auth)).toEqual([`revoked API key ${id}`]);
      clock += API_KEY_CACHE_MS - 1;
      expect(await verifier.verify(key)).toMatchObject({ id });
      clock += 1;
      expect(await verifier.verify(key)).toBeNull();
    } finally {
      if (apis.length === 0) await api.close();
    }
  });

  test("API_KEY_CACHE_MS sets how long a record is remembered, and the keys command tells that time", async () => {
    const api = apis[0] ?? (await startTestApi());
    try {
      const auth = { ...api.config.auth, apiKeyCacheMs: loadConfig({ API_KEY_CACHE_MS: "1500" }).auth.apiKeyCacheMs };
      expect(auth.apiKeyCacheMs).toBe(1_500);
      const repository = new ApiKeyRepository(api.executor);
      const { id, key } = await createKey(repository, auth);
      let clock = 1_000_000;
      const verifier = new ApiKeyVerifier(repository, () => clock, auth.apiKeyCacheMs);
      expect(await verifier.verify(key)).toMatchObject({ id });

      const unheard = async () => {
        throw new Error("Redis is away");
      };
      expect(await runKeysCommand(["revoke", id], repository, auth, unheard)).toEqual([
        `revoked API key ${id}`,
        "Redis could not be reached to tell the running servers: they refuse it within 1.5 s",
      ]);
      clock += 1_499;
      expect(await verifier.verify(key)).toMatchObject({ id });
      clock += 1;
      expect(await verifier.verify(key)).toBeNull();
    } finally {
      if (apis.length === 0) await api.close();
    }
  });
});

async function waitFor(condition: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const until = performance.now() + timeoutMs;
  while (!(await condition())) {
    if (performance.now() > until) throw new Error("the condition did not hold in time");
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
