import { execFileSync } from "node:child_process";
import { randomUUID } from "node:crypto";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { Role } from "../../src/auth/role.js";
import { batchTimeoutMs, loadConfig, type LimitSettings } from "../../src/config.js";
import { CypherExecutor } from "../../src/db/cypher-executor.js";
import { DatabaseBudget } from "../../src/db/database-budget.js";
import { DatabaseBudgetExhaustedError, QueryTimeoutError } from "../../src/domain/errors.js";
import { createRateLimiter, RATE_WINDOW_MS } from "../../src/http/rate-limit.js";
import { connect, startTestApi, type GraphQLResponse, type TestApi } from "../helpers/test-api.js";

/**
 * Each limit just under (answered) and just over (refused with the limit's code, HTTP 400, and no
 * query sent to Neo4j). The API here runs with small limits so that the queries stay readable;
 * every expected count and cost is worked out by hand in the comments, with the rules that the
 * README states: depth counts nested fields (introspection not counted); cost counts each field
 * once, times the `first`/`limit` of every list around it (a connection's size applies to its
 * edges, not to totalCount), other lists 10 items, plus the database hits each field declares
 * (`countries`: 4000 + 10 per item; a relationship page such as `seizures(first:)`: 100 + 12 per
 * item; a relationship list such as `neighbours`: 40 + 6 per item).
 */

const LIMITS = {
  QUERY_MAX_DEPTH: "7",
  QUERY_MAX_COST: "4340",
  QUERY_MAX_ALIASES: "3",
  QUERY_MAX_DIRECTIVES: "3",
  QUERY_MAX_TOKENS: "64",
  MAX_BODY_BYTES: "3000",
  RATE_LIMIT_PER_MINUTE: "1000",
};

let api: TestApi;

beforeAll(async () => {
  api = await startTestApi({ env: LIMITS });
});

afterAll(async () => {
  await api?.close();
});

interface Refusal {
  status: number;
  code?: string;
  max?: number;
  found?: number;
}

/** Posts the query and checks it was refused with `code` before anything reached the database. */
async function expectRefused(query: string, code: string, variables?: Record<string, unknown>): Promise<Refusal> {
  api.resetQueries();
  const response = await api.post(query, variables);
  expect(response.data ?? null).toBeNull();
  expect(response.errors).toHaveLength(1);
  const extensions = response.errors![0].extensions as { code?: string; max?: number; found?: number };
  expect(extensions.code).toBe(code);
  expect(response.status).toBe(400);
  expect(api.queries).toEqual([]);
  return { status: response.status, ...extensions };
}

/** Posts the query and checks it was answered (and did reach the database). */
async function expectAnswered(query: string, variables?: Record<string, unknown>): Promise<GraphQLResponse> {
  api.resetQueries();
  const response = await api.post(query, variables);
  expect(response.errors).toBeUndefined();
  expect(response.status).toBe(200);
  expect(api.queries.length).toBeGreaterThan(0);
  return response;
}

describe("depth (QUERY_MAX_DEPTH=7)", () => {
  // countries 1, edges 2, node 3, seizures 4, edges 5, node 6, id 7
  const SEVEN = `{ countries(first: 1) { edges { node { seizures(first: 1) { edges { node { id } } } } } } }`;
  // ... node 6, country 7, code 8
  const EIGHT = `{ countries(first: 1) { edges { node { seizures(first: 1) { edges { node { country { code } } } } } } } }`;

  it("answers a query 7 levels deep", async () => {
    await expectAnswered(SEVEN);
  });

  it("refuses one 8 levels deep with QUERY_TOO_DEEP", async () => {
    expect(await expectRefused(EIGHT, "QUERY_TOO_DEEP")).toMatchObject({ max: 7, found: 8 });
  });

  it("follows fragments", async () => {
    const query = `{ countries(first: 1) { edges { node { ...deep } } } }
      fragment deep on Country { seizures(first: 1) { edges { node { country { code } } } } }`;
    expect(await expectRefused(query, "QUERY_TOO_DEEP")).toMatchObject({ found: 8 });
  });

  it("does not count introspection, whose standard query is deep", async () => {
    const response = await api.post(`{ __schema { types { fields { type { ofType { ofType { ofType { name } } } } } } } }`);
    expect(response.errors).toBeUndefined();
  });
});

describe("aliases (QUERY_MAX_ALIASES=3)", () => {
  const countries = (codes: string[]) => `{ ${codes.map((code) => `c${code}: country(code: "${code}") { code }`).join(" ")} }`;

  it("answers 3 aliases", async () => {
    const response = await expectAnswered(countries(["VN", "CN", "LA"]));
    expect(response.data).toEqual({ cVN: { code: "VN" }, cCN: { code: "CN" }, cLA: { code: "LA" } });
  });

  it("refuses 4 with TOO_MANY_ALIASES", async () => {
    expect(await expectRefused(countries(["VN", "CN", "LA", "TH"]), "TOO_MANY_ALIASES")).toMatchObject({ max: 3, found: 4 });
  });

  it("counts a fragment's aliases once per spread", async () => {
    // 2 aliases, spread twice
    const query = `{ countries(first: 1) { edges { node { ...names } } } country(code: "VN") { ...names } }
      fragment names on Country { a: name b: code }`;
    expect(await expectRefused(query, "TOO_MANY_ALIASES")).toMatchObject({ found: 4 });
  });
});

describe("directives (QUERY_MAX_DIRECTIVES=3)", () => {
  it("answers 3 directives", async () => {
    const response = await expectAnswered(`{ country(code: "VN") { code @include(if: true) name @skip(if: false) iso3 @include(if: false) } }`);
    expect(response.data).toEqual({ country: { code: "VN", name: "Viet Nam" } });
  });

  it("refuses 4 with TOO_MANY_DIRECTIVES", async () => {
    const query = `{ country(code: "VN") { code @include(if: true) name @skip(if: false) iso3 @include(if: false) nameZh @skip(if: true) } }`;
    expect(await expectRefused(query, "TOO_MANY_DIRECTIVES")).toMatchObject({ max: 3, found: 4 });
  });

  it("counts directives on fragment spreads and inside fragments", async () => {
    // 1 on the first spread, and 2 inside the fragment for each of its 2 spreads: 5
    const query = `query($yes: Boolean!) { country(code: "VN") { ...f @include(if: $yes) } c: country(code: "CN") { ...f } }
      fragment f on Country { code @include(if: $yes) name @skip(if: false) }`;
    expect(await expectRefused(query, "TOO_MANY_DIRECTIVES", { yes: true })).toMatchObject({ found: 5 });
  });
});

describe("tokens (QUERY_MAX_TOKENS=64)", () => {
  // `{ countries ( first : 1 ) { totalCount` and `} }`: 11 tokens, plus one per __typename.
  const withTokens = (tokens: number) => `{ countries(first: 1) { totalCount ${"__typename ".repeat(tokens - 11)}} }`;

  it("answers 64 tokens; comments do not count", async () => {
    await expectAnswered(`# ${"a comment does not count ".repeat(50)}\n${withTokens(64)}`);
  });

  it("refuses 65 with TOO_MANY_TOKENS, before parsing", async () => {
    expect(await expectRefused(withTokens(65), "TOO_MANY_TOKENS")).toMatchObject({ max: 64 });
  });

  it("refuses a long query that would not even parse by its tokens", async () => {
    await expectRefused(`{ ${"countries { ".repeat(40)}`, "TOO_MANY_TOKENS");
  });
});

describe("estimated cost (QUERY_MAX_COST=4340)", () => {
  it.each([
    // database 4000 + 10 × 24 = 4240; values: countries 1 + 24 edges × (edge 1 + node 1 + code 1 + name 1) = 97; 4337
    ["a page of 24", `{ countries(first: 24) { edges { node { code name } } } }`, undefined],
    ["a page of 24 from a variable", `query($n: Int!) { countries(first: $n) { edges { node { code name } } } }`, { n: 24 }],
    // database 4000 + 10 × 30; values: countries 1 + totalCount 1 (a page size does not multiply the total); 4302
    ["a total over a page of 30", `{ countries(first: 30) { totalCount } }`, undefined],
    // the default page of 20: 4000 + 200 + 1 + 20 × (1 + 1 + 2) = 4281
    ["the default page size", `{ countries { edges { node { code name } } } }`, undefined],
    // seizures 100 + 12 × 2 + 1 + 2 × (1 + 1 + 1) = 131; node 132; edges 2 × 133 = 266; countries 4000 + 20 + 1 + 266 = 4287
    ["nested pages of 2 and 2", `{ countries(first: 2) { edges { node { seizures(first: 2) { edges { node { id } } } } } } }`, undefined],
  ])("answers %s", async (_name, query, variables) => {
    await expectAnswered(query, variables);
  });

  it.each([
    // 4000 + 250 + 1 + 25 × 4 = 4351
    ["a page of 25", `{ countries(first: 25) { edges { node { code name } } } }`, undefined, 4351],
    ["a page of 25 from a variable", `query($n: Int!) { countries(first: $n) { edges { node { code name } } } }`, { n: 25 }, 4351],
    ["a page of 25 from a variable's default", `query($n: Int! = 25) { countries(first: $n) { edges { node { code name } } } }`, undefined, 4351],
    // 4000 + 200 + 1 + 20 × (1 + 1 + 5) = 4341
    ["the default page size with more fields", `{ countries { edges { node { code name iso3 nameZh latitude } } } }`, undefined, 4341],
    // seizures 100 + 12 × 5 + 1 + 5 × 3 = 176; node 177; edges 2 × 178 = 356; countries 4000 + 20 + 1 + 356 = 4377
    ["nested pages of 2 and 5", `{ countries(first: 2) { edges { node { seizures(first: 5) { edges { node { id } } } } } } }`, undefined, 4377],
    // a list without a size: 10 items. neighbours 40 + 6 × 10 + 10 × (1 + 1) = 120; node 1 + 1 + 120 = 122;
    // countries 4000 + 90 + 1 + 9 × (1 + 122) = 5198
    ["a list without a size argument", `{ countries(first: 9) { edges { node { code neighbours { code } } } } }`, undefined, 5198],
  ])("refuses %s with QUERY_TOO_COSTLY", async (_name, query, variables, cost) => {
    expect(await expectRefused(query, "QUERY_TOO_COSTLY", variables)).toMatchObject({ max: 4340, found: cost });
  });
});

describe("database work with the default limits", () => {
  let defaults: TestApi;
  beforeAll(async () => {
    defaults = await startTestApi();
  });
  afterAll(async () => {
    await defaults?.close();
  });

  const graphml = (aliases: number) =>
    `query($ids: [ID!]!) { ${Array.from({ length: aliases }, (_, i) => `n${i}: network(ids: $ids, depth: 3, limit: 2000) { graphml }`).join(" ")} }`;

  it("answers one network of 2,000 nodes three levels deep with its GraphML", async () => {
    defaults.resetQueries();
    const response = await defaults.post(graphml(1), { ids: ["fixture-seizure-1"] });
    expect(response.errors).toBeUndefined();
    expect(response.data?.n0.graphml).toContain("<graphml");
    expect(defaults.queries.length).toBeGreaterThan(0);
  });

  it("refuses 30 of them with QUERY_TOO_COSTLY before any database work", async () => {
    // Each: network 500 + 100 × limit 2000 × depth 3 = 600,500, graphml 10 × 2000 = 20,000,
    // and 2 values: 620,502; 30 of them 18,615,060, over the default 1,000,000.
    defaults.resetQueries();
    const response = await defaults.post(graphml(30), { ids: ["fixture-seizure-1"] }, Role.PUBLIC);
    expect(response.status).toBe(400);
    expect(response.data ?? null).toBeNull();
    expect(response.errors?.[0].extensions).toMatchObject({ code: "QUERY_TOO_COSTLY", max: 1_000_000, found: 18_615_060 });
    expect(defaults.queries).toEqual([]);
  });
});

describe("database time per request (REQUEST_MAX_DATABASE_MS)", () => {
  it("refuses the queries of a request once its budget is spent, with DATABASE_BUDGET_EXHAUSTED", async () => {
    // 1 ms: the first level of the network spends it (a round trip takes longer), so the next
    // levels are refused before they are sent, or the first is stopped at its 1 ms timeout.
    const budgeted = await startTestApi({ env: { REQUEST_MAX_DATABASE_MS: "1" } });
    try {
      const response = await budgeted.post(`{ network(ids: ["fixture-seizure-1"], depth: 3) { nodeCount } }`);
      expect(response.errors?.[0].extensions?.code).toBe("DATABASE_BUDGET_EXHAUSTED");
      expect(response.errors?.[0].message).toBe("The request used up its 1 ms of database time; ask for less in one request");
      expect(budgeted.queries.length).toBeLessThan(3);
      // The next request has a budget of its own.
      const next = await budgeted.post(`{ country(code: "VN") { code } }`);
      expect(next.errors).toBeUndefined();
      expect(next.data).toEqual({ country: { code: "VN" } });
    } finally {
      await budgeted.close();
    }
  });

  it("gives a query the time left as its timeout, and sends nothing once it is spent", async () => {
    const driver = connect();
    const sent: string[] = [];
    try {
      const executor = new CypherExecutor(driver, { database: api.config.neo4j.database, timeoutMs: 60_000, onQuery: (query) => void sent.push(query) });
      const budget = new DatabaseBudget(500);
      const started = Date.now();
      // Seconds of work on any machine: stopped by the budget's 500 ms, not the executor's 60 s.
      const error = await executor.withBudget(budget).read("UNWIND range(1, 1000000000) AS n RETURN count(n) AS c").catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(DatabaseBudgetExhaustedError);
      expect((error as DatabaseBudgetExhaustedError).code).toBe("DATABASE_BUDGET_EXHAUSTED");
      expect(Date.now() - started).toBeLessThan(20_000);
      expect(budget.remainingMs).toBeLessThanOrEqual(0);
      const refused = await executor.withBudget(budget).read("RETURN 1 AS one").catch((caught: unknown) => caught);
      expect(refused).toBeInstanceOf(DatabaseBudgetExhaustedError);
      expect(sent).toHaveLength(1);
      // Outside a request: the executor's own timeout only.
      expect(await executor.read("RETURN 1 AS one")).toEqual([{ one: 1 }]);
    } finally {
      await driver.close();
    }
  }, 60_000);
});

describe("response size (MAX_RESPONSE_BYTES)", () => {
  it("replaces a response over the limit with RESPONSE_TOO_LARGE, and answers one under it", async () => {
    const small = await startTestApi({ env: { MAX_RESPONSE_BYTES: "1000" } });
    try {
      // A GraphML document declares its keys before any node: well over 1,000 bytes.
      const large = await small.post(`{ network(ids: ["fixture-seizure-1"], depth: 2) { graphml } }`);
      expect(large.status).toBe(400);
      expect(large.data ?? null).toBeNull();
      expect(large.errors).toHaveLength(1);
      expect(large.errors?.[0].message).toBe("The response would be over 1000 bytes; ask for less in one request");
      expect(large.errors?.[0].extensions).toMatchObject({ code: "RESPONSE_TOO_LARGE", max: 1000 });
      expect((large.errors?.[0].extensions as { found: number }).found).toBeGreaterThan(1000);
      const fits = await small.post(`{ country(code: "VN") { code } }`);
      expect(fits.status).toBe(200);
      expect(fits.errors).toBeUndefined();
    } finally {
      await small.close();
    }
  });
});

describe("page size", () => {
  it("answers 100 items", async () => {
    await expectAnswered(`{ companies(first: 100) { totalCount } }`);
  });

  it("refuses 101 with BAD_USER_INPUT naming the argument, before the database", async () => {
    api.resetQueries();
    const response = await api.post(`{ companies(first: 101) { totalCount } }`);
    expect(response.errors?.[0].extensions).toEqual({ code: "BAD_USER_INPUT", argument: "first" });
    expect(response.errors?.[0].message).toContain("must not be greater than 100");
    expect(api.queries).toEqual([]);
  });
});

describe("request body size (MAX_BODY_BYTES=3000)", () => {
  /** A POST body of exactly `bytes` bytes: the query padded with a comment. */
  async function postBytes(bytes: number): Promise<Response> {
    const shell = (padding: string) => JSON.stringify({ query: `{ countries(first: 1) { totalCount } } #${padding}` });
    const body = shell("x".repeat(bytes - Buffer.byteLength(shell(""))));
    expect(Buffer.byteLength(body)).toBe(bytes);
    return fetch(api.url, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${await api.token(Role.ADMIN)}` },
      body,
    });
  }

  it("answers a body of 3000 bytes", async () => {
    const response = await postBytes(3000);
    expect(response.status).toBe(200);
    expect(((await response.json()) as GraphQLResponse).errors).toBeUndefined();
  });

  it("refuses 3001 bytes with 413 BODY_TOO_LARGE, before the database", async () => {
    api.resetQueries();
    const response = await postBytes(3001);
    expect(response.status).toBe(413);
    expect(await response.json()).toMatchObject({ errors: [{ extensions: { code: "BODY_TOO_LARGE" } }] });
    expect(api.queries).toEqual([]);
  });
});

describe("transaction timeout", () => {
  it("stops a query that runs longer than NEO4J_QUERY_TIMEOUT_MS with QUERY_TIMEOUT", async () => {
    const config = loadConfig({ NEO4J_QUERY_TIMEOUT_MS: "500" });
    const driver = connect();
    try {
      const executor = new CypherExecutor(driver, { database: api.config.neo4j.database, timeoutMs: config.neo4j.queryTimeoutMs });
      const started = Date.now();
      // Seconds of work on any machine: a count over a billion generated rows.
      const error = await executor.read("UNWIND range(1, 1000000000) AS n RETURN count(n) AS c").catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(QueryTimeoutError);
      expect((error as QueryTimeoutError).code).toBe("QUERY_TIMEOUT");
      // Neo4j checks timeouts every couple of seconds; far less than the query would take.
      expect(Date.now() - started).toBeLessThan(20_000);
    } finally {
      await driver.close();
    }
  }, 60_000);

  it("lets the work done outside requests (commands, the start's demo load) run past a request's query timeout", async () => {
    const driver = connect();
    try {
      const requestTimeoutMs = 100;
      const executor = new CypherExecutor(driver, { database: api.config.neo4j.database, timeoutMs: requestTimeoutMs });
      // Seconds of work (a text per row cannot be optimised away), far less than a minute: longer
      // than Neo4j's transaction monitor takes to notice a timeout (it looks every 2 s).
      const slow = "UNWIND range(1, 100000000) AS n WITH toString(n) AS text WHERE text ENDS WITH '7' RETURN count(*) AS c";
      expect(await executor.read(slow).catch((caught: unknown) => caught)).toBeInstanceOf(QueryTimeoutError);
      expect(batchTimeoutMs({ queryTimeoutMs: requestTimeoutMs })).toBe(600_000);
      expect(batchTimeoutMs({ queryTimeoutMs: 600_000 })).toBe(600_000);
      const batch = executor.withTimeout(batchTimeoutMs({ queryTimeoutMs: requestTimeoutMs }));
      expect(await batch.read(slow)).toEqual([{ c: 10_000_000 }]);
    } finally {
      await driver.close();
    }
  }, 120_000);
});

describe("rate limit per identity", () => {
  /** Waits for a fresh minute when the current one ends too soon for a few requests. */
  async function awayFromWindowEnd(margin = 15_000): Promise<void> {
    const left = RATE_WINDOW_MS - (Date.now() % RATE_WINDOW_MS);
    if (left < margin) await new Promise((resolve) => setTimeout(resolve, left + 100));
  }

  describe("in memory (RATE_LIMIT_PER_MINUTE=3)", () => {
    let limited: TestApi;
    beforeAll(async () => {
      limited = await startTestApi({ env: { RATE_LIMIT_PER_MINUTE: "3" } });
    });
    afterAll(async () => {
      await limited?.close();
    });

    it("answers 3 requests a minute, refuses the 4th with 429 RATE_LIMITED, and counts each identity apart", async () => {
      await awayFromWindowEnd();
      const token = await limited.token(Role.ANALYST, `rate-${randomUUID()}`);
      const as = { authorization: `Bearer ${token}` };
      for (let i = 0; i < 3; i += 1) {
        const response = await limited.post(`{ countries(first: 1) { totalCount } }`, undefined, as);
        expect(response.status).toBe(200);
      }
      limited.resetQueries();
      const response = await fetch(limited.url, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: as.authorization },
        body: JSON.stringify({ query: `{ countries(first: 1) { totalCount } }` }),
      });
      expect(response.status).toBe(429);
      const retryAfter = Number(response.headers.get("retry-after"));
      expect(retryAfter).toBeGreaterThanOrEqual(1);
      expect(retryAfter).toBeLessThanOrEqual(60);
      expect(await response.json()).toMatchObject({ errors: [{ extensions: { code: "RATE_LIMITED" } }] });
      expect(limited.queries).toEqual([]);

      const other = await limited.token(Role.ANALYST, `rate-${randomUUID()}`);
      expect((await limited.post(`{ countries(first: 1) { totalCount } }`, undefined, { authorization: `Bearer ${other}` })).status).toBe(200);
    });
  });

  describe("fixed windows", () => {
    it("starts counting again with each minute", async () => {
      let now = 10 * RATE_WINDOW_MS + 59_000;
      const limiter = await createRateLimiter(settings(2), { now: () => now });
      expect(await limiter.consume("a")).toEqual({ allowed: true, retryAfterSeconds: 0 });
      expect(await limiter.consume("a")).toEqual({ allowed: true, retryAfterSeconds: 0 });
      expect(await limiter.consume("a")).toEqual({ allowed: false, retryAfterSeconds: 1 });
      now += 1_000;
      expect((await limiter.consume("a")).allowed).toBe(true);
      await limiter.close();
    });
  });

  describe("in Redis (REDIS_URL)", () => {
    const redisUrl = "redis://127.0.0.1:6379";
    let available = false;

    beforeAll(() => {
      available = ensureRedis();
      if (!available) console.log("limits: Redis tests skipped, no redis-server could be reached or started on 127.0.0.1:6379");
    });

    it("shares the counts between instances of the API", async ({ skip }) => {
      if (!available) skip();
      const identity = `rate-${randomUUID()}`;
      const now = () => 20 * RATE_WINDOW_MS + 1_000;
      const first = await createRateLimiter({ ...settings(3), redisUrl }, { now });
      const second = await createRateLimiter({ ...settings(3), redisUrl }, { now });
      try {
        expect((await first.consume(identity)).allowed).toBe(true);
        expect((await second.consume(identity)).allowed).toBe(true);
        expect((await first.consume(identity)).allowed).toBe(true);
        const refused = await second.consume(identity);
        expect(refused.allowed).toBe(false);
        // The key expires a minute after the window's first request.
        expect(refused.retryAfterSeconds).toBeGreaterThan(50);
        expect(refused.retryAfterSeconds).toBeLessThanOrEqual(60);
        expect((await first.consume(`rate-${randomUUID()}`)).allowed).toBe(true);
        // Keys hold a hash of the identity, never the identity itself.
        const keys = execFileSync("redis-cli", ["-h", "127.0.0.1", "--scan", "--pattern", "rate:*"]).toString();
        expect(keys).not.toContain(identity);
      } finally {
        await first.close();
        await second.close();
      }
    });

    it("refuses over the limit through the API", async ({ skip }) => {
      if (!available) skip();
      await awayFromWindowEnd();
      const limited = await startTestApi({ env: { RATE_LIMIT_PER_MINUTE: "2", REDIS_URL: redisUrl } });
      try {
        const as = { authorization: `Bearer ${await limited.token(Role.PUBLIC, `rate-${randomUUID()}`)}` };
        expect((await limited.post(`{ countries(first: 1) { totalCount } }`, undefined, as)).status).toBe(200);
        expect((await limited.post(`{ countries(first: 1) { totalCount } }`, undefined, as)).status).toBe(200);
        const refused = await limited.post(`{ countries(first: 1) { totalCount } }`, undefined, as);
        expect(refused.status).toBe(429);
        expect(refused.errors?.[0].extensions?.code).toBe("RATE_LIMITED");
      } finally {
        await limited.close();
      }
    });

    it("fails at start when REDIS_URL names a Redis that does not answer", async () => {
      await expect(createRateLimiter({ ...settings(3), redisUrl: "redis://127.0.0.1:1" })).rejects.toThrow(/Redis cannot be reached/);
    });
  });
});

function settings(rateLimitPerMinute: number): LimitSettings {
  return { ...loadConfig({}).limits, rateLimitPerMinute, redisUrl: undefined };
}

/** Whether Redis answers on 127.0.0.1:6379, starting it when it does not. */
function ensureRedis(): boolean {
  const ping = () => {
    try {
      return execFileSync("redis-cli", ["-h", "127.0.0.1", "-p", "6379", "ping"], { timeout: 5_000 }).toString().trim() === "PONG";
    } catch {
      return false;
    }
  };
  if (ping()) return true;
  try {
    execFileSync("redis-server", [
      "--daemonize", "yes", "--bind", "127.0.0.1", "-::1", "--port", "6379", "--save", "", "--appendonly", "no",
      "--dir", "/var/lib/redis", "--logfile", "/var/log/redis/ci.log",
    ], { timeout: 10_000 });
  } catch {
    return false;
  }
  for (let attempt = 0; attempt < 20; attempt += 1) {
    if (ping()) return true;
    execFileSync("sleep", ["0.25"]);
  }
  return false;
}
