import http from "node:http";
import type { AddressInfo } from "node:net";

import { exportJWK, generateKeyPair, SignJWT } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { runKeysCommand } from "../../src/auth/keys-command.js";
import { Role } from "../../src/auth/role.js";
import { ApiKeyRepository } from "../../src/repositories/api-key.repository.js";
import { CypherRegistry } from "../../src/db/cypher-registry.js";
import { startTestApi, TEST_JWT_SECRET, type TestApi } from "../helpers/test-api.js";

let api: TestApi;
let keys: ApiKeyRepository;

beforeAll(async () => {
  api = await startTestApi();
  keys = new ApiKeyRepository(api.executor, await CypherRegistry.load());
});

afterAll(async () => {
  await api?.close();
});

const ROUTES = `{ countries(first: 1) { totalCount } }`;
const PERSONS = `{ persons(first: 1) { totalCount } }`;

function sign(claims: Record<string, unknown>, options: { issuer?: string; audience?: string; expires?: string | number; secret?: string } = {}) {
  let jwt = new SignJWT(claims).setProtectedHeader({ alg: "HS256" }).setIssuedAt();
  if (options.issuer !== "") jwt = jwt.setIssuer(options.issuer ?? api.config.auth.issuer);
  if (options.audience !== "") jwt = jwt.setAudience(options.audience ?? api.config.auth.audience);
  if (options.expires !== "") jwt = jwt.setExpirationTime(options.expires ?? "1h");
  return jwt.sign(new TextEncoder().encode(options.secret ?? TEST_JWT_SECRET));
}

async function createKey(role: Role, origins: string[] = []): Promise<{ id: string; key: string }> {
  const args = ["create", "--role", role, "--name", "test dashboard", ...origins.flatMap((origin) => ["--origin", origin])];
  const lines = await runKeysCommand(args, keys, api.config.auth);
  const key = lines.at(-1)!;
  return { id: /API key (\S+)/.exec(lines[0])![1], key };
}

describe("without credentials", () => {
  it("only /health and /ready answer", async () => {
    const base = api.url.replace(/\/graphql$/, "");
    expect((await fetch(`${base}/health`)).status).toBe(200);
    expect((await fetch(`${base}/ready`)).status).toBe(200);
    const response = await api.post(ROUTES, {}, {});
    expect(response.status).toBe(401);
    expect(response.errors?.[0].extensions?.code).toBe("UNAUTHENTICATED");
    expect(response.data).toBeUndefined();
  });

  it("in public demo mode, a visitor is PUBLIC", async () => {
    const demo = await startTestApi({ env: { PUBLIC_DEMO: "true" } });
    try {
      const open = await demo.post(ROUTES, {}, {});
      expect(open.status).toBe(200);
      expect(open.errors).toBeUndefined();
      const closed = await demo.post(PERSONS, {}, {});
      expect(closed.errors?.[0].extensions?.code).toBe("FORBIDDEN");
    } finally {
      await demo.close();
    }
  });
});

describe("bearer tokens", () => {
  it("a valid token gives its role", async () => {
    const token = await sign({ sub: "analyst-7", role: "ANALYST" });
    const response = await api.post(PERSONS, {}, { authorization: `Bearer ${token}` });
    expect(response.errors).toBeUndefined();
    const denied = await api.post(`{ identifier(id: "x") { kind } }`, {}, { authorization: `Bearer ${token}` });
    expect(denied.errors?.[0].extensions?.code).toBe("FORBIDDEN");
  });

  const refused: [string, () => Promise<string>][] = [
    ["expired", () => sign({ sub: "a", role: "ANALYST" }, { expires: Math.floor(Date.now() / 1000) - 3600 })],
    ["without expiry", () => sign({ sub: "a", role: "ANALYST" }, { expires: "" })],
    ["of another issuer", () => sign({ sub: "a", role: "ANALYST" }, { issuer: "someone-else" })],
    ["for another audience", () => sign({ sub: "a", role: "ANALYST" }, { audience: "another-api" })],
    ["signed with another secret", () => sign({ sub: "a", role: "ANALYST" }, { secret: "another-secret-of-at-least-32-characters" })],
    ["without a subject", () => sign({ role: "ANALYST" })],
    ["without a role", () => sign({ sub: "a" })],
    ["with an unknown role", () => sign({ sub: "a", role: "SUPERUSER" })],
    ["unsigned (alg none)", async () => `${Buffer.from('{"alg":"none"}').toString("base64url")}.${Buffer.from(JSON.stringify({ sub: "a", role: "ADMIN", iss: api.config.auth.issuer, aud: api.config.auth.audience, exp: 9e9 })).toString("base64url")}.`],
    ["garbage", async () => "not-a-token"],
  ];
  for (const [what, token] of refused) {
    it(`a token ${what} gets 401 UNAUTHENTICATED`, async () => {
      const presented = await token();
      const response = await api.post(ROUTES, {}, { authorization: `Bearer ${presented}` });
      expect(response.status).toBe(401);
      expect(response.errors?.[0].extensions?.code).toBe("UNAUTHENTICATED");
      expect(JSON.stringify(response)).not.toContain(presented);
    });
  }

  it("an Authorization header of another scheme gets 401", async () => {
    const response = await api.post(ROUTES, {}, { authorization: "Basic dXNlcjpwYXNz" });
    expect(response.status).toBe(401);
  });

  it("tokens from a JWKS URL are checked with the issuer's keys", async () => {
    const { publicKey, privateKey } = await generateKeyPair("RS256");
    const jwk = { ...(await exportJWK(publicKey)), kid: "k1", alg: "RS256", use: "sig" };
    const jwks = http.createServer((_request, response) => {
      response.writeHead(200, { "content-type": "application/json" });
      response.end(JSON.stringify({ keys: [jwk] }));
    });
    await new Promise<void>((resolve) => jwks.listen(0, "127.0.0.1", resolve));
    const jwksUrl = `http://127.0.0.1:${(jwks.address() as AddressInfo).port}/jwks.json`;
    const withJwks = await startTestApi({ env: { AUTH_JWT_SECRET: "", AUTH_JWKS_URL: jwksUrl, AUTH_ISSUER: "https://login.example.org/" } });
    try {
      const token = await new SignJWT({ role: "INVESTIGATOR" })
        .setProtectedHeader({ alg: "RS256", kid: "k1" })
        .setSubject("investigator-3")
        .setIssuer("https://login.example.org/")
        .setAudience(withJwks.config.auth.audience)
        .setExpirationTime("10m")
        .sign(privateKey);
      const response = await withJwks.post(PERSONS, {}, { authorization: `Bearer ${token}` });
      expect(response.errors).toBeUndefined();
      const hs256 = await sign({ sub: "a", role: "ADMIN" }, { issuer: "https://login.example.org/", audience: withJwks.config.auth.audience });
      expect((await withJwks.post(PERSONS, {}, { authorization: `Bearer ${hs256}` })).status).toBe(401);
    } finally {
      await withJwks.close();
      await new Promise((resolve) => jwks.close(resolve));
    }
  });
});

describe("API keys", () => {
  it("a key works with its role, and only its hash is stored", async () => {
    const { id, key } = await createKey(Role.PUBLIC);
    // The secret's own alphabet holds "_", so it is the key's last 43 characters, not a split on "_".
    const secret = /^mtk_[a-z0-9]{12}_([A-Za-z0-9_-]{43})$/.exec(key)?.[1];
    expect(secret).toBeDefined();
    const stored = await api.executor.read(`MATCH (k:ApiKey {id: $id}) RETURN properties(k) AS p`, { id });
    expect(JSON.stringify(stored)).not.toContain(secret);
    expect((await api.post(ROUTES, {}, { authorization: `Bearer ${key}` })).errors).toBeUndefined();
    const denied = await api.post(PERSONS, {}, { authorization: `Bearer ${key}` });
    expect(denied.errors?.[0].extensions?.code).toBe("FORBIDDEN");
  });

  it("a key scoped to origins works from those origins (with CORS) and from no browser, not from others", async () => {
    const { key } = await createKey(Role.ANALYST, ["https://dashboard.example.org"]);
    const authorization = `Bearer ${key}`;
    const allowed = await fetch(api.url, {
      method: "POST",
      headers: { "content-type": "application/json", authorization, origin: "https://dashboard.example.org" },
      body: JSON.stringify({ query: PERSONS }),
    });
    expect(allowed.status).toBe(200);
    expect(allowed.headers.get("access-control-allow-origin")).toBe("https://dashboard.example.org");
    const elsewhere = await api.post(PERSONS, {}, { authorization, origin: "https://evil.example.com" });
    expect(elsewhere.status).toBe(401);
    expect(elsewhere.errors?.[0].extensions?.code).toBe("UNAUTHENTICATED");
    expect((await api.post(PERSONS, {}, { authorization })).status).toBe(200);
  });

  it("a preflight from an origin nobody allowed gets no CORS headers", async () => {
    const response = await fetch(api.url, {
      method: "OPTIONS",
      headers: { origin: "https://evil.example.com", "access-control-request-method": "POST" },
    });
    expect(response.headers.get("access-control-allow-origin")).toBeNull();
  });

  it("a revoked key, an unknown key and a tampered key get 401", async () => {
    const { id, key } = await createKey(Role.INVESTIGATOR);
    expect(await runKeysCommand(["revoke", id], keys, api.config.auth)).toEqual([`revoked API key ${id}`]);
    expect((await api.post(ROUTES, {}, { authorization: `Bearer ${key}` })).status).toBe(401);
    const other = await createKey(Role.INVESTIGATOR);
    const tampered = other.key.slice(0, -1) + (other.key.endsWith("A") ? "B" : "A");
    expect((await api.post(ROUTES, {}, { authorization: `Bearer ${tampered}` })).status).toBe(401);
    expect((await api.post(ROUTES, {}, { authorization: "Bearer mtk_000000000000_" + "x".repeat(43) })).status).toBe(401);
  });

  it("the keys command lists keys without secrets and refuses bad input", async () => {
    const { id, key } = await createKey(Role.ANALYST, ["https://a.example.org"]);
    const listed = (await runKeysCommand(["list"], keys, api.config.auth)).join("\n");
    expect(listed).toContain(id);
    expect(listed).not.toContain(key);
    await expect(runKeysCommand(["create", "--role", "ROOT", "--name", "x"], keys, api.config.auth)).rejects.toThrow(/--role must be one of/);
    await expect(runKeysCommand(["create", "--role", "PUBLIC"], keys, api.config.auth)).rejects.toThrow(/--name is required/);
    await expect(runKeysCommand(["create", "--role", "PUBLIC", "--name", "x", "--origin", "a.example.org"], keys, api.config.auth)).rejects.toThrow(/--origin/);
    await expect(runKeysCommand(["revoke", "nope"], keys, api.config.auth)).rejects.toThrow(/no API key has the id nope/);
    const [token] = await runKeysCommand(["token", "--role", "INVESTIGATOR", "--subject", "case-officer"], keys, api.config.auth);
    expect((await api.post(PERSONS, {}, { authorization: `Bearer ${token}` })).errors).toBeUndefined();
  });
});
