import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

import { Role } from "../../src/auth/role.js";
import { CypherExecutor } from "../../src/db/cypher-executor.js";
import { startTestApi, type TestApi } from "../helpers/test-api.js";

/**
 * With NODE_ENV=production: introspection is off, "did you mean" suggestions are hidden, errors
 * are masked, CSRF prevention is on, and browsers may call only from the configured origins.
 * The same requests against the API in development mode show that each check can fail.
 */

const ALLOWED_ORIGIN = "https://app.example.org";
const OTHER_ORIGIN = "https://evil.example.com";

let production: TestApi;
let development: TestApi;
const productionLog: string[] = [];

beforeAll(async () => {
  [production, development] = await Promise.all([
    startTestApi({ env: { NODE_ENV: "production", CORS_ORIGINS: ALLOWED_ORIGIN }, logLines: productionLog }),
    startTestApi({ env: { CORS_ORIGINS: ALLOWED_ORIGIN } }),
  ]);
});

afterAll(async () => {
  await Promise.all([production?.close(), development?.close()]);
});

describe("introspection", () => {
  it.each([
    ["__schema", `{ __schema { queryType { name } } }`],
    ["__type", `{ __type(name: "Person") { fields { name } } }`],
  ])("is refused in production (%s)", async (_name, query) => {
    const response = await production.post(query);
    expect(response.status).toBe(400);
    expect(response.data ?? null).toBeNull();
    expect(response.errors?.[0].extensions?.code).toBe("GRAPHQL_VALIDATION_FAILED");
    expect(response.errors?.[0].message).toMatch(/introspection/i);
    expect((await development.post(query)).errors).toBeUndefined();
  });

  it("still answers __typename", async () => {
    expect((await production.post(`{ __typename }`)).data).toEqual({ __typename: "Query" });
  });
});

describe("suggestions", () => {
  it.each([
    ["a misspelt field", `{ countrie(code: "VN") { code } }`],
    ["a misspelt argument", `{ country(cod: "VN") { code } }`],
    ["a misspelt enum value", `{ seizures(filter: { mode: SE }) { totalCount } }`],
    ["a misspelt type", `query($f: SeizureFiltr) { seizures(filter: $f) { totalCount } }`],
  ])("are hidden in production (%s)", async (_name, query) => {
    const hidden = await production.post(query);
    expect(hidden.errors?.[0].extensions?.code).toBe("GRAPHQL_VALIDATION_FAILED");
    expect(JSON.stringify(hidden.errors)).not.toMatch(/did you mean/i);
    const shown = await development.post(query);
    expect(JSON.stringify(shown.errors)).toMatch(/did you mean/i);
  });
});

describe("errors", () => {
  it("are masked: an unexpected failure says only 'Internal server error', and the log keeps the detail", async () => {
    // On the class: each request reaches the database through a copy made for its budget.
    const read = vi.spyOn(CypherExecutor.prototype, "read").mockRejectedValueOnce(new Error("neo4j said: secret detail at /srv/app/x.js:12"));
    try {
      const response = await production.post(`{ countries(first: 1) { totalCount } }`);
      expect(response.errors).toEqual([
        expect.objectContaining({ message: "Internal server error", extensions: { code: "INTERNAL_SERVER_ERROR" } }),
      ]);
      expect(JSON.stringify(response)).not.toMatch(/secret detail|\/srv\/app|stacktrace/);
      expect(productionLog.join("\n")).toContain("secret detail");
    } finally {
      read.mockRestore();
    }
  });

  it("carry no stack trace", async () => {
    const response = await production.post(`{ countries(first: 0) { totalCount } }`);
    expect(response.errors?.[0].extensions).toEqual({ code: "BAD_USER_INPUT", argument: "first" });
    const syntax = await production.post(`{ countries(first: `);
    expect(syntax.errors?.[0].extensions).toEqual({ code: "GRAPHQL_PARSE_FAILED" });
  });

  it("still name the limit a query is over", async () => {
    const deep = `{ ${"seizures(first: 1) { edges { node { country { ".repeat(3)}code${" } } } }".repeat(3)} }`;
    const response = await production.post(deep);
    expect(response.errors?.[0].extensions?.code).toBe("QUERY_TOO_DEEP");
  });
});

describe("CSRF prevention", () => {
  const query = encodeURIComponent(`{ __typename }`);

  it("refuses a simple cross-site GET and a text/plain POST", async () => {
    const authorization = `Bearer ${await production.token(Role.PUBLIC)}`;
    const get = await fetch(`${production.url}?query=${query}`, { headers: { authorization } });
    expect(get.status).toBe(400);
    expect(await get.text()).toMatch(/CSRF/);
    const post = await fetch(production.url, {
      method: "POST",
      headers: { authorization, "content-type": "text/plain" },
      body: JSON.stringify({ query: `{ __typename }` }),
    });
    expect(post.status).toBe(400);
  });

  it("answers a GET that says it is not a simple request", async () => {
    const authorization = `Bearer ${await production.token(Role.PUBLIC)}`;
    const get = await fetch(`${production.url}?query=${query}`, { headers: { authorization, "apollo-require-preflight": "true" } });
    expect(get.status).toBe(200);
    expect(await get.json()).toEqual({ data: { __typename: "Query" } });
  });
});

describe("CORS", () => {
  it("lets the configured origin through a preflight", async () => {
    const response = await fetch(production.url, {
      method: "OPTIONS",
      headers: { origin: ALLOWED_ORIGIN, "access-control-request-method": "POST", "access-control-request-headers": "authorization, content-type" },
    });
    expect(response.status).toBe(204);
    expect(response.headers.get("access-control-allow-origin")).toBe(ALLOWED_ORIGIN);
    expect(response.headers.get("access-control-allow-headers")).toMatch(/authorization/);
  });

  it("gives any other origin no CORS headers, in a preflight or a request", async () => {
    const preflight = await fetch(production.url, {
      method: "OPTIONS",
      headers: { origin: OTHER_ORIGIN, "access-control-request-method": "POST" },
    });
    expect(preflight.headers.get("access-control-allow-origin")).toBeNull();
    expect(preflight.headers.get("access-control-allow-methods")).toBeNull();

    const authorization = `Bearer ${await production.token(Role.PUBLIC)}`;
    const other = await fetch(production.url, {
      method: "POST",
      headers: { origin: OTHER_ORIGIN, authorization, "content-type": "application/json" },
      body: JSON.stringify({ query: `{ __typename }` }),
    });
    expect(other.headers.get("access-control-allow-origin")).toBeNull();
    const allowed = await fetch(production.url, {
      method: "POST",
      headers: { origin: ALLOWED_ORIGIN, authorization, "content-type": "application/json" },
      body: JSON.stringify({ query: `{ __typename }` }),
    });
    expect(allowed.headers.get("access-control-allow-origin")).toBe(ALLOWED_ORIGIN);
    expect(allowed.headers.get("vary")).toMatch(/origin/i);
  });
});
