import { afterAll, beforeAll, expect, it } from "vitest";

import { Role } from "../../src/auth/role.js";
import { startTestApi, type TestApi } from "../helpers/test-api.js";

let api: TestApi;
let base: string;

beforeAll(async () => {
  api = await startTestApi();
  base = api.url.replace(/\/graphql$/, "");
});

afterAll(async () => {
  await api?.close();
});

it("answers /health while the process is alive", async () => {
  const response = await fetch(`${base}/health`);
  expect(response.status).toBe(200);
  expect(await response.json()).toEqual({ status: "ok" });
});

it("answers /ready once Neo4j is reachable and constraints are applied", async () => {
  const response = await fetch(`${base}/ready`);
  expect(response.status).toBe(200);
  expect(await response.json()).toEqual({ status: "ready", database: "reachable", constraints: "applied" });
});

it("answers 404 elsewhere", async () => {
  expect((await fetch(`${base}/nothing-here`)).status).toBe(404);
});

it("refuses a body over the limit before parsing it", async () => {
  const response = await fetch(api.url, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${await api.token(Role.INVESTIGATOR)}` },
    body: JSON.stringify({ query: `{ __typename }`, padding: "x".repeat(api.config.limits.maxBodyBytes) }),
  });
  expect(response.status).toBe(413);
  expect(await response.json()).toMatchObject({ errors: [{ extensions: { code: "BODY_TOO_LARGE" } }] });
});

it("answers a GET query too", async () => {
  const response = await fetch(`${api.url}?query=${encodeURIComponent("{ __typename }")}`, {
    headers: { "apollo-require-preflight": "true", authorization: `Bearer ${await api.token(Role.INVESTIGATOR)}` },
  });
  expect(response.status).toBe(200);
  expect(await response.json()).toEqual({ data: { __typename: "Query" } });
});

it("refuses a cross-site simple GET (CSRF prevention)", async () => {
  const response = await fetch(`${api.url}?query=${encodeURIComponent("{ __typename }")}`, {
    headers: { authorization: `Bearer ${await api.token(Role.INVESTIGATOR)}` },
  });
  expect(response.status).toBe(400);
});
