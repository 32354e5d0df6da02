import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { startTestApi, type TestApi } from "../helpers/test-api.js";

/** Every invalid argument gets BAD_USER_INPUT naming the argument, and never echoes the value. */
let api: TestApi;

beforeAll(async () => {
  api = await startTestApi();
});

afterAll(async () => {
  await api?.close();
});

describe("invalid arguments", () => {
  it.each([
    ["unknown ISO code, inline", `{ seizures(filter: { country: "XQ" }) { totalCount } }`, undefined, "filter.country", "ISO 3166-1 alpha-2", "XQ"],
    ["unknown ISO code, in a variable", `query($f: SeizureFilter) { seizures(filter: $f) { totalCount } }`, { f: { country: "XQ" } }, "$f.country", "ISO 3166-1 alpha-2", "XQ"],
    ["country lookup with a bad code", `{ country(code: "Vietnam") { name } }`, undefined, "code", "ISO 3166-1 alpha-2", "Vietnam"],
    ["malformed date, inline", `{ shipments(filter: { dateFrom: "18-Jan-09" }) { totalCount } }`, undefined, "filter.dateFrom", "YYYY-MM-DD", "18-Jan-09"],
    ["impossible date, in a variable", `query($d: LocalDate) { seizures(filter: { dateTo: $d }) { totalCount } }`, { d: "2019-02-30" }, "$d", "YYYY-MM-DD", "2019-02-30"],
    ["date range backwards", `{ seizures(filter: { dateFrom: "2020-01-01", dateTo: "2019-01-01" }) { totalCount } }`, undefined, "filter.dateTo", "must not be before filter.dateFrom", "2019-01-01"],
    ["negative page size", `{ seizures(first: -5) { totalCount } }`, undefined, "first", "must not be less than 1", "-5"],
    ["zero page size", `{ persons(first: 0) { totalCount } }`, undefined, "first", "must not be less than 1", undefined],
    ["oversized page size", `{ companies(first: 101) { totalCount } }`, undefined, "first", "must not be greater than 100", "101"],
    ["oversized page size on a relationship field", `{ country(code: "VN") { seizures(first: 5000) { totalCount } } }`, undefined, "first", "must not be greater than 100", "5000"],
    ["a cursor this API never gave", `{ seizures(after: "bm90LWEtY3Vyc29y") { totalCount } }`, undefined, "after", "not a cursor", "bm90LWEtY3Vyc29y"],
  ])("%s", async (_name, query, variables, argument, reason, value) => {
    const response = await api.post(query, variables);
    expect(response.errors).toHaveLength(1);
    const [error] = response.errors!;
    expect(error.extensions).toEqual({ code: "BAD_USER_INPUT", argument });
    expect(error.message).toContain(`"${argument}"`);
    expect(error.message).toContain(reason);
    if (value !== undefined) expect(error.message).not.toContain(value);
    expect(JSON.stringify(response)).not.toMatch(/stack|at .*\.ts:\d+/);
  });

  it("accepts a lower-case country code and answers in upper case", async () => {
    const response = await api.post(`{ countries(filter: { borders: "vn" }, first: 1) { totalCount } }`);
    expect(response.errors).toBeUndefined();
  });

  it("refuses an unknown enum value with a validation error, not a crash", async () => {
    const response = await api.post(`{ seizures(filter: { mode: SUBMARINE }) { totalCount } }`);
    expect(response.errors?.[0].extensions?.code).toBe("GRAPHQL_VALIDATION_FAILED");
  });
});
