import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes, randomUUID } from "node:crypto";
import { readFile } from "node:fs/promises";
import http from "node:http";
import net from "node:net";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { API_KEY_CACHE_MS, ApiKeyVerifier, hashApiKey, MAX_UNKNOWN_KEY_IDS, newApiKey } from "../../src/auth/api-keys.js";
import { runKeysCommand } from "../../src/auth/keys-command.js";
import { Role } from "../../src/auth/role.js";
import { CypherRegistry } from "../../src/db/cypher-registry.js";
import { RATE_WINDOW_MS } from "../../src/http/rate-limit.js";
import { ApiKeyRepository, type StoredApiKey } from "../../src/repositories/api-key.repository.js";
import { startTestApi, type TestApi } from "../helpers/test-api.js";

/**
 * What the HTTP edge refuses before any GraphQL or database work, over real HTTP: operations
 * other than queries, addresses that keep failing to authenticate (and made-up API keys sent
 * again and again), keys used from origins they are not for (the API's own origin comes from
 * PUBLIC_URL, never from the Host header), variables nested too deeply; and the security headers
 * of every response. Requests are sent with node:http, which can set the Host header and the
 * local address (each 127.x.y.z is a client address of its own).
 */
let api: TestApi;
let logLines: string[];

beforeAll(async () => {
  logLines = [];
  api = await startTestApi({ logLines, env: { CORS_ORIGINS: "https://partner.example.org" } });
});

afterAll(async () => {
  await api?.close();
});

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: { data?: unknown; errors?: { message: string; extensions?: Record<string, unknown> }[] };
  text: string;
}

/** One HTTP request; `from` is the local address it leaves from (the server's view of the client). */
function send(
  url: string,
  options: { method?: string; headers?: Record<string, string>; body?: string; from?: string } = {},
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const request = http.request(url, { method: options.method ?? "GET", headers: options.headers, localAddress: options.from }, (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("end", () => {
        const text = Buffer.concat(chunks).toString("utf8");
        let body = {};
        try {
          body = JSON.parse(text) as object;
        } catch {
          // Not JSON (a page): the text is there.
        }
        resolve({ status: response.statusCode ?? 0, headers: response.headers, body, text });
      });
    });
    request.on("error", reject);
    request.end(options.body);
  });
}

function postTo(
  target: TestApi,
  query: string,
  options: { variables?: unknown; variablesJson?: string; authorization?: string; headers?: Record<string, string>; from?: string } = {},
) {
  return send(target.url, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      ...(options.authorization === undefined ? {} : { authorization: options.authorization }),
      ...options.headers,
    },
    body: options.variablesJson === undefined ? JSON.stringify({ query, variables: options.variables }) : `{"query":${JSON.stringify(query)},"variables":${options.variablesJson}}`,
    from: options.from,
  });
}

/** A client address of its own on this machine: 127.0.0.0/8 all reaches the loopback interface. */
function freshAddress(): string {
  const [a, b, c] = randomBytes(3);
  return `127.${a}.${b}.${Math.max(2, c % 250)}`;
}

/** Counts are per minute of the clock: a test that counts starts far enough from the minute's end. */
async function awayFromWindowEnd(margin = 15_000): Promise<void> {
  const left = RATE_WINDOW_MS - (Date.now() % RATE_WINDOW_MS);
  if (left < margin) await new Promise((resolve) => setTimeout(resolve, left + 100));
}

async function createKey(target: TestApi, role: Role, origins: string[]): Promise<string> {
  const keys = new ApiKeyRepository(target.executor, await CypherRegistry.load());
  const args = ["create", "--role", role, "--name", `hardening ${randomUUID()}`, ...origins.flatMap((origin) => ["--origin", origin])];
  return (await runKeysCommand(args, keys, target.config.auth)).at(-1)!;
}

const COUNTRIES = `{ countries(first: 1) { totalCount } }`;

describe("operations other than queries", () => {
  // The schema's mutations (watch, unwatch) run over HTTP; its subscription runs over WebSocket only
  // (test/api/alerts.test.ts), and what the schema does not define fails validation.
  const cases = [
    ["a subscription", `subscription { alerts { id } }`, undefined, 400, "OPERATION_NOT_SUPPORTED"],
    ["a subscription picked by operationName among queries", `query A { __typename } subscription B { alerts { id } }`, "B", 400, "OPERATION_NOT_SUPPORTED"],
    ["a mutation the schema does not define", `mutation { createPerson(name: "x") { id } }`, undefined, 400, "GRAPHQL_VALIDATION_FAILED"],
  ] as const;
  for (const [what, query, operationName, status, code] of cases) {
    it(`${what} gets HTTP ${status} ${code}, before any database work, and no error in the log`, async () => {
      const linesBefore = logLines.length;
      api.resetQueries();
      const response = await send(api.url, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${await api.token(Role.ADMIN)}` },
        body: JSON.stringify({ query, operationName }),
      });
      expect(response.status).toBe(status);
      expect(response.body.errors?.map((error) => error.extensions?.code)).toEqual([code]);
      if (code === "OPERATION_NOT_SUPPORTED") {
        expect(response.body).toEqual({
          errors: [{ message: "Subscriptions are served over WebSocket at /graphql (protocol graphql-transport-ws), not over HTTP", extensions: { code } }],
        });
      }
      expect(api.queries).toEqual([]);
      const logged = logLines.slice(linesBefore).map((line) => JSON.parse(line) as { level: number; err?: { stack?: string } });
      expect(logged.filter((line) => line.level >= 50 || line.err !== undefined)).toEqual([]);
    });
  }

  it("the refusal is an operation the audit trail records, with its code", async () => {
    const subject = `subscriber-${randomUUID()}`;
    const response = await postTo(api, `subscription S { alerts { id } }`, { authorization: `Bearer ${await api.token(Role.ANALYST, subject)}` });
    expect(response.status).toBe(400);
    const records = (await readFile(api.config.audit.path, "utf8"))
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line) as { subject?: string; operationName?: string; errorCodes?: string[] });
    expect(records.filter((record) => record.subject === `token:${subject}`)).toMatchObject([{ operationName: "S", errorCodes: ["OPERATION_NOT_SUPPORTED"] }]);
  });

  it("a query still runs", async () => {
    const response = await postTo(api, COUNTRIES, { authorization: `Bearer ${await api.token(Role.PUBLIC)}` });
    expect(response.status).toBe(200);
    expect(response.body.errors).toBeUndefined();
  });
});

describe("failed authentication", () => {
  let strict: TestApi;
  beforeAll(async () => {
    strict = await startTestApi({ env: { AUTH_FAILURES_PER_MINUTE: "3" } });
  });
  afterAll(async () => {
    await strict?.close();
  });

  it("an address that failed 3 times in a minute gets 429 TOO_MANY_AUTH_FAILURES, valid credentials too, without database work; other addresses do not", async () => {
    await awayFromWindowEnd();
    const from = freshAddress();
    const madeUp = `Bearer mtk_${"a".repeat(12)}_${"b".repeat(43)}`;
    for (const authorization of [undefined, "Bearer not-a-token", madeUp]) {
      const refused = await postTo(strict, COUNTRIES, { authorization, from });
      expect(refused.status).toBe(401);
      expect(refused.body.errors?.[0].extensions?.code).toBe("UNAUTHENTICATED");
    }
    strict.resetQueries();
    const otherKey = `Bearer mtk_${"c".repeat(12)}_${"d".repeat(43)}`;
    for (const authorization of [otherKey, `Bearer ${await strict.token(Role.INVESTIGATOR)}`]) {
      const blocked = await postTo(strict, COUNTRIES, { authorization, from });
      expect(blocked.status).toBe(429);
      expect(blocked.body).toEqual({
        errors: [{ message: "Too many failed authentications from this address; wait before trying again", extensions: { code: "TOO_MANY_AUTH_FAILURES" } }],
      });
      const retryAfter = Number(blocked.headers["retry-after"]);
      expect(retryAfter).toBeGreaterThanOrEqual(1);
      expect(retryAfter).toBeLessThanOrEqual(60);
    }
    // Not even the made-up key's lookup reached Neo4j.
    expect(strict.queries).toEqual([]);

    const elsewhere = await postTo(strict, COUNTRIES, { authorization: `Bearer ${await strict.token(Role.INVESTIGATOR)}`, from: freshAddress() });
    expect(elsewhere.status).toBe(200);
  });

  it("behind a trusted proxy, failures count per client address the proxy appended to X-Forwarded-For, not per entry a client wrote", async () => {
    const proxied = await startTestApi({ env: { AUTH_FAILURES_PER_MINUTE: "3", TRUSTED_PROXY_HOPS: "1" } });
    try {
      await awayFromWindowEnd();
      // Every request comes from one address, as through a balancer.
      const balancer = freshAddress();
      const [a, b] = randomBytes(2);
      const client = `198.51.${a}.${b}`;
      for (const written of ["203.0.113.1", "203.0.113.2", "203.0.113.3"]) {
        const headers = { "x-forwarded-for": `${written}, ${client}` };
        expect((await postTo(proxied, COUNTRIES, { authorization: "Bearer not-a-token", headers, from: balancer })).status).toBe(401);
      }
      const valid = `Bearer ${await proxied.token(Role.INVESTIGATOR)}`;
      const blocked = await postTo(proxied, COUNTRIES, { authorization: valid, headers: { "x-forwarded-for": `203.0.113.4, ${client}` }, from: balancer });
      expect(blocked.status).toBe(429);
      const other = await postTo(proxied, COUNTRIES, { authorization: valid, headers: { "x-forwarded-for": `198.51.${b}.${a ^ 1}` }, from: balancer });
      expect(other.status, "another client behind the same balancer").toBe(200);
    } finally {
      await proxied.close();
    }
  });

  it("without a trusted proxy, X-Forwarded-For is not believed: a client cannot spread its failures over made-up addresses", async () => {
    await awayFromWindowEnd();
    const from = freshAddress();
    for (const written of ["203.0.113.1", "203.0.113.2", "203.0.113.3"]) {
      const refused = await postTo(strict, COUNTRIES, { authorization: "Bearer not-a-token", headers: { "x-forwarded-for": written }, from });
      expect(refused.status).toBe(401);
    }
    const blocked = await postTo(strict, COUNTRIES, { authorization: "Bearer not-a-token", headers: { "x-forwarded-for": "203.0.113.4" }, from });
    expect(blocked.status).toBe(429);
  });

  it("successful requests do not count", async () => {
    await awayFromWindowEnd();
    const from = freshAddress();
    const authorization = `Bearer ${await strict.token(Role.PUBLIC)}`;
    for (let i = 0; i < 6; i += 1) expect((await postTo(strict, COUNTRIES, { authorization, from })).status).toBe(200);
  });

  it("a made-up API key sent again and again is looked up in Neo4j once", async () => {
    await awayFromWindowEnd();
    const madeUp = `Bearer mtk_${randomBytes(6).toString("hex")}_${randomBytes(32).toString("base64url")}`;
    api.resetQueries();
    for (let i = 0; i < 5; i += 1) {
      // Each from an address of its own, so that the failure limit does not end the loop first.
      expect((await postTo(api, COUNTRIES, { authorization: madeUp, from: freshAddress() })).status).toBe(401);
    }
    expect(api.queries.filter((query) => query.includes("ApiKey"))).toHaveLength(1);
    // A real key is still looked up and works.
    const key = await createKey(api, Role.PUBLIC, []);
    expect((await postTo(api, COUNTRIES, { authorization: `Bearer ${key}` })).status).toBe(200);
  });

  it("the unknown ids remembered are bounded, oldest out first, and a flood of them does not push out the keys in use", async () => {
    const real = newApiKey();
    const stored: StoredApiKey = { id: real.id, hash: hashApiKey(real.key), role: Role.PUBLIC, origins: [], revoked: false };
    const lookups: string[] = [];
    let now = 1_000_000;
    const verifier = new ApiKeyVerifier(
      { find: async (id) => (lookups.push(id), id === real.id ? stored : null) },
      () => now,
    );
    const madeUp = (n: number) => `mtk_${n.toString(36).padStart(12, "0")}_${"x".repeat(43)}`;
    expect(await verifier.verify(real.key)).toMatchObject({ id: real.id });
    for (let n = 0; n < MAX_UNKNOWN_KEY_IDS + 10; n += 1) expect(await verifier.verify(madeUp(n))).toBeNull();
    expect(lookups).toHaveLength(MAX_UNKNOWN_KEY_IDS + 11);
    lookups.length = 0;
    // The key in use and the latest unknown ids are answered from memory; the 10 oldest were forgotten.
    expect(await verifier.verify(real.key)).toMatchObject({ id: real.id });
    expect(await verifier.verify(madeUp(MAX_UNKNOWN_KEY_IDS + 9))).toBeNull();
    expect(await verifier.verify(madeUp(10))).toBeNull();
    expect(lookups).toEqual([]);
    expect(await verifier.verify(madeUp(0))).toBeNull();
    expect(lookups).toHaveLength(1);
    // After the time a record is trusted, both are looked up again (a key created since would work).
    now += API_KEY_CACHE_MS + 1;
    lookups.length = 0;
    await verifier.verify(real.key);
    await verifier.verify(madeUp(MAX_UNKNOWN_KEY_IDS + 9));
    expect(lookups).toHaveLength(2);
  });

  describe("with REDIS_URL", () => {
    let redis: ChildProcess | undefined;
    let redisUrl = "";

    beforeAll(async () => {
      const port = await freePort();
      try {
        redis = spawn("redis-server", ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"], { stdio: "ignore" });
        redis.on("error", () => (redis = undefined));
        redisUrl = `redis://127.0.0.1:${port}`;
        for (let attempt = 0; attempt < 50 && !(await accepts(port)); attempt += 1) await new Promise((resolve) => setTimeout(resolve, 100));
        if (!(await accepts(port))) redis = undefined;
      } catch {
        redis = undefined;
      }
      if (!redis) console.log("hardening: Redis test skipped, redis-server could not be started");
    });

    afterAll(() => {
      redis?.kill();
    });

    it("the failures of an address count across instances", async ({ skip }) => {
      if (!redis) skip();
      await awayFromWindowEnd();
      const env = { AUTH_FAILURES_PER_MINUTE: "2", REDIS_URL: redisUrl };
      const [first, second] = await Promise.all([startTestApi({ env }), startTestApi({ env })]);
      try {
        const from = freshAddress();
        expect((await postTo(first, COUNTRIES, { authorization: "Bearer nope", from })).status).toBe(401);
        expect((await postTo(second, COUNTRIES, { authorization: "Bearer nope", from })).status).toBe(401);
        const blocked = await postTo(first, COUNTRIES, { authorization: `Bearer ${await first.token(Role.PUBLIC)}`, from });
        expect(blocked.status).toBe(429);
        expect(blocked.body.errors?.[0].extensions?.code).toBe("TOO_MANY_AUTH_FAILURES");
        expect((await postTo(second, COUNTRIES, { authorization: `Bearer ${await second.token(Role.PUBLIC)}`, from })).status).toBe(429);
        expect((await postTo(second, COUNTRIES, { authorization: `Bearer ${await second.token(Role.PUBLIC)}`, from: freshAddress() })).status).toBe(200);
      } finally {
        await Promise.all([first.close(), second.close()]);
      }
    });
  });
});

describe("the origin of API keys", () => {
  it("without PUBLIC_URL, the API's own pages are on this machine's loopback names at its port; the Host header counts for nothing", async () => {
    const key = `Bearer ${await createKey(api, Role.PUBLIC, ["https://dashboard.example.org"])}`;
    const port = new URL(api.url).port;
    for (const origin of [`http://127.0.0.1:${port}`, `http://localhost:${port}`, "https://dashboard.example.org"]) {
      expect((await postTo(api, COUNTRIES, { authorization: key, headers: { origin } })).status, origin).toBe(200);
    }
    // A page elsewhere whose request claims to be for its own host, as a proxy could pass it on.
    const spoofed = await postTo(api, COUNTRIES, { authorization: key, headers: { origin: "https://evil.example.com", host: "evil.example.com" } });
    expect(spoofed.status).toBe(401);
    expect(spoofed.body.errors?.[0]).toEqual({ message: "The API key is not valid for this origin", extensions: { code: "UNAUTHENTICATED" } });
    // Another port of this machine is another origin.
    expect((await postTo(api, COUNTRIES, { authorization: key, headers: { origin: `http://127.0.0.1:${Number(port) + 1}` } })).status).toBe(401);
  });

  it("with PUBLIC_URL, its origin is the API's own, https included, and loopback names are not", async () => {
    const published = await startTestApi({ env: { PUBLIC_URL: "https://graph.example.org/" } });
    try {
      const key = `Bearer ${await createKey(published, Role.PUBLIC, ["https://dashboard.example.org"])}`;
      expect((await postTo(published, COUNTRIES, { authorization: key, headers: { origin: "https://graph.example.org" } })).status).toBe(200);
      expect((await postTo(published, COUNTRIES, { authorization: key, headers: { origin: "http://graph.example.org" } })).status).toBe(401);
      const port = new URL(published.url).port;
      expect((await postTo(published, COUNTRIES, { authorization: key, headers: { origin: `http://127.0.0.1:${port}`, host: `127.0.0.1:${port}` } })).status).toBe(401);
    } finally {
      await published.close();
    }
  });
});

describe("variables nested too deeply", () => {
  /**
   * The JSON text of a value nested `depth` levels (lists and objects in turn) with a personal
   * value at the bottom; written as text, since JSON.stringify itself overflows at such depths.
   */
  function nested(depth: number): string {
    let text = '"+84912000111"';
    for (let level = 0; level < depth; level++) text = level % 2 === 0 ? `[${text}]` : `{"inner":${text}}`;
    return text;
  }

  async function auditLines(target: TestApi): Promise<number> {
    return (await readFile(target.config.audit.path, "utf8")).trim().split("\n").length;
  }

  it("10,000 levels get HTTP 400 VARIABLES_TOO_DEEP with the limit, before any database work or audit record", async () => {
    const authorization = `Bearer ${await api.token(Role.INVESTIGATOR)}`;
    const before = await auditLines(api);
    api.resetQueries();
    for (const [name, variablesJson] of [
      ["an undeclared variable", `{"deep":${nested(10_000)}}`],
      ["a declared one", `{"filter":${nested(10_000)}}`],
      ["one level past the limit", `{"filter":${nested(11)}}`],
    ] as const) {
      const response = await postTo(api, `query ($filter: SeizureFilter) { seizures(filter: $filter) { totalCount } }`, { authorization, variablesJson });
      expect(response.status, name).toBe(400);
      expect(response.body, name).toEqual({
        errors: [{ message: "The request's variables nest objects and lists deeper than 10 levels", extensions: { code: "VARIABLES_TOO_DEEP", max: 10 } }],
      });
      expect(response.text).not.toContain("+84912000111");
    }
    expect(api.queries).toEqual([]);
    expect(await auditLines(api)).toBe(before);
  });

  it("a GET's variables are measured too", async () => {
    const query = encodeURIComponent(`{ __typename }`);
    const variables = encodeURIComponent(`{"deep":${nested(50)}}`);
    const response = await send(`${api.url}?query=${query}&variables=${variables}`, {
      headers: { "apollo-require-preflight": "true", authorization: `Bearer ${await api.token(Role.INVESTIGATOR)}` },
    });
    expect(response.status).toBe(400);
    expect(response.body.errors?.[0].extensions?.code).toBe("VARIABLES_TOO_DEEP");
  });

  it("up to the limit they reach GraphQL, and the audit trail records them (hashed)", async () => {
    const authorization = `Bearer ${await api.token(Role.INVESTIGATOR)}`;
    const before = await auditLines(api);
    const response = await postTo(api, COUNTRIES, { authorization, variablesJson: `{"unused":${nested(10)}}` });
    expect(response.status).toBe(200);
    expect(response.body.errors).toBeUndefined();
    expect(await auditLines(api)).toBe(before + 1);
    const last = JSON.parse((await readFile(api.config.audit.path, "utf8")).trim().split("\n").at(-1)!) as { variables: Record<string, unknown> };
    expect(last.variables.unused).toMatch(/^hmac:[0-9a-f]{64}$/);
  });
});

describe("security headers", () => {
  it("every response says nosniff and may not be framed or run as a page; JSON answers included", async () => {
    const base = api.url.replace(/\/graphql$/, "");
    const answers = [
      await send(`${base}/health`),
      await send(`${base}/nothing-here`),
      await postTo(api, COUNTRIES),
      await postTo(api, COUNTRIES, { authorization: `Bearer ${await api.token(Role.PUBLIC)}` }),
    ];
    for (const answer of answers) {
      expect(answer.headers["x-content-type-options"]).toBe("nosniff");
      expect(answer.headers["content-security-policy"]).toBe("default-src 'none'; frame-ancestors 'none'");
    }
  });

  it("no cache may keep a GraphQL answer: it depends on who asks and may hold personal data", async () => {
    const answers = [
      await postTo(api, COUNTRIES, { authorization: `Bearer ${await api.token(Role.PUBLIC)}` }),
      await postTo(api, COUNTRIES, { authorization: `Bearer ${await api.token(Role.ANALYST)}` }),
      await postTo(api, "{ nothing }", { authorization: `Bearer ${await api.token(Role.ANALYST)}` }),
    ];
    for (const [index, answer] of answers.entries()) expect(answer.headers["cache-control"], `answer ${index} (${answer.status})`).toBe("no-store");
  });

  it("the explorer runs only this origin's scripts and may not be framed", async () => {
    // `npm test` builds the pages first (npm run build:web).
    const page = await send(api.url, { headers: { accept: "text/html" } });
    expect(page.status).toBe(200);
    const policy = page.headers["content-security-policy"] as string;
    expect(directive(policy, "script-src")).toBe("script-src 'self'");
    expect(directive(policy, "default-src")).toBe("default-src 'none'");
    expect(directive(policy, "frame-ancestors")).toBe("frame-ancestors 'none'");
    expect(directive(policy, "object-src")).toBe("object-src 'none'");
    expect(directive(policy, "base-uri")).toBe("base-uri 'none'");
  });

  it("the embeds' pages may be framed by this origin and the origins browsers may call from, no other", async () => {
    const base = api.url.replace(/\/graphql$/, "");
    await createKey(api, Role.PUBLIC, ["https://ngo.example.org"]);
    // The list of key origins is kept 30 s: a fresh server reads it afresh.
    const fresh = await startTestApi({ env: { CORS_ORIGINS: "https://partner.example.org" } });
    try {
      const freshBase = fresh.url.replace(/\/graphql$/, "");
      for (const page of ["/embed/network.html", "/embed/routes.html"]) {
        const answer = await send(freshBase + page);
        expect(answer.status, page).toBe(200);
        const policy = answer.headers["content-security-policy"] as string;
        expect(directive(policy, "script-src"), page).toBe("script-src 'self'");
        expect(directive(policy, "connect-src"), page).toBe("connect-src 'self'");
        const ancestors = directive(policy, "frame-ancestors")!.split(" ").slice(1);
        expect(ancestors[0]).toBe("'self'");
        expect(ancestors).toContain("https://partner.example.org");
        expect(ancestors).toContain("https://ngo.example.org");
        expect(ancestors).not.toContain("*");
      }
      // The scripts themselves keep the baseline (a policy on a script means nothing where it runs).
      const script = await send(`${base}/embed/network.js`);
      expect(script.status).toBe(200);
      expect(script.headers["content-security-policy"]).toBe("default-src 'none'; frame-ancestors 'none'");
    } finally {
      await fresh.close();
    }
  });
});

function directive(policy: string, name: string): string | undefined {
  return policy
    .split(";")
    .map((part) => part.trim())
    .find((part) => part === name || part.startsWith(`${name} `));
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, "127.0.0.1");
    socket.on("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.on("error", () => resolve(false));
  });
}
