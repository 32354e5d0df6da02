import { serverAudits } from "graphql-http";
import { afterAll, beforeAll, expect, it } from "vitest";

import { Role } from "../../src/auth/role.js";
import { startTestApi, type TestApi } from "../helpers/test-api.js";

/**
 * graphql-http's server audits of the GraphQL-over-HTTP specification: no MUST or SHOULD may end
 * in an error. Warnings (SHOULD and MAY points not followed) are printed with their reasons.
 */

let api: TestApi;

beforeAll(async () => {
  api = await startTestApi();
});

afterAll(async () => {
  await api?.close();
});

it("reports no errors", async () => {
  const authorization = `Bearer ${await api.token(Role.INVESTIGATOR)}`;
  const fetchFn = (input: RequestInfo | URL, init?: RequestInit) => {
    const headers = new Headers(init?.headers);
    headers.set("authorization", authorization);
    return fetch(input, { ...init, headers });
  };
  const results = [];
  for (const audit of serverAudits({ url: api.url, fetchFn })) {
    const result = await audit.fn();
    results.push({ name: result.name, status: result.status, reason: result.status === "ok" ? "" : result.reason });
  }
  const notOk = results.filter((result) => result.status !== "ok");
  console.log(
    `graphql-http audits: ${results.length} run, ${results.length - notOk.length} ok` +
      notOk.map((result) => `\n  ${result.status}: ${result.name} (${result.reason})`).join(""),
  );
  expect(results.length).toBeGreaterThan(30);
  expect(results.filter((result) => result.status === "error")).toEqual([]);
});
